#include "protobufbody.h"

#include "apierror.h"

#include <QMultiHash>

namespace Meshdeck::Demo {

namespace {

// One level of a protobuf message: field number -> raw values (varints as numbers, the rest as
// bytes).
struct Fields
{
    QMultiHash<int, QByteArray> bytes;
    QMultiHash<int, quint64> varints;

    [[nodiscard]] QString string(int field) const { return QString::fromUtf8(bytes.value(field)); }
};

bool readVarint(const QByteArray &data, qsizetype &pos, quint64 *out)
{
    quint64 value = 0;
    for (int shift = 0; shift < 64 && pos < data.size(); shift += 7) {
        const quint8 b = quint8(data.at(pos++));
        value |= quint64(b & 0x7f) << shift;
        if (!(b & 0x80)) {
            *out = value;
            return true;
        }
    }
    return false;
}

Fields parse(const QByteArray &data)
{
    Fields f;
    qsizetype pos = 0;
    while (pos < data.size()) {
        quint64 key = 0;
        if (!readVarint(data, pos, &key))
            throw ApiError::badRequest(QStringLiteral("the protobuf body is truncated"));
        const int field = int(key >> 3);
        switch (key & 7) {
        case 0: {
            quint64 v = 0;
            if (!readVarint(data, pos, &v))
                throw ApiError::badRequest(QStringLiteral("the protobuf body is truncated"));
            f.varints.insert(field, v);
            break;
        }
        case 2: {
            quint64 len = 0;
            if (!readVarint(data, pos, &len) || pos + qsizetype(len) > data.size())
                throw ApiError::badRequest(QStringLiteral("the protobuf body is truncated"));
            f.bytes.insert(field, data.mid(pos, qsizetype(len)));
            pos += qsizetype(len);
            break;
        }
        case 1:
            pos += 8;
            break;
        case 5:
            pos += 4;
            break;
        default:
            throw ApiError::badRequest(QStringLiteral("the protobuf body is malformed"));
        }
    }
    return f;
}

} // namespace

bool ProtobufBody::isProtobuf(const QByteArray &contentType)
{
    return contentType.startsWith("application/vnd.kubernetes.protobuf");
}

QJsonObject ProtobufBody::decode(const QByteArray &body)
{
    if (!body.startsWith(QByteArray("k8s\0", 4)))
        throw ApiError::badRequest(QStringLiteral("the protobuf body lacks the k8s envelope"));
    const Fields unknown = parse(body.mid(4));
    const Fields typeMeta = parse(unknown.bytes.value(1));
    const QString apiVersion = typeMeta.string(1);
    const QString kind = typeMeta.string(2);
    const Fields object = parse(unknown.bytes.value(2));
    const Fields spec = parse(object.bytes.value(2));
    QJsonObject out {{QStringLiteral("apiVersion"), apiVersion}, {QStringLiteral("kind"), kind}};
    if (kind == QLatin1String("SelfSubjectAccessReview")) {
        QJsonObject s;
        if (spec.bytes.contains(1)) {
            const Fields a = parse(spec.bytes.value(1));
            QJsonObject attrs;
            const char *names[] = {nullptr,   "namespace", "verb",        "group",
                                   "version", "resource",  "subresource", "name"};
            for (int i = 1; i <= 7; ++i)
                if (a.bytes.contains(i))
                    attrs.insert(QLatin1String(names[i]), a.string(i));
            s.insert(QStringLiteral("resourceAttributes"), attrs);
        }
        if (spec.bytes.contains(2)) {
            const Fields n = parse(spec.bytes.value(2));
            s.insert(QStringLiteral("nonResourceAttributes"),
                     QJsonObject {{QStringLiteral("path"), n.string(1)},
                                  {QStringLiteral("verb"), n.string(2)}});
        }
        out.insert(QStringLiteral("spec"), s);
        return out;
    }
    if (kind == QLatin1String("SelfSubjectRulesReview")) {
        out.insert(QStringLiteral("spec"),
                   QJsonObject {{QStringLiteral("namespace"), spec.string(1)}});
        return out;
    }
    throw ApiError::unsupportedMediaType(
        QStringLiteral("application/vnd.kubernetes.protobuf (%1)").arg(kind));
}

} // namespace Meshdeck::Demo
