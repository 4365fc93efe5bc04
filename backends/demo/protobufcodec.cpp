#include "protobufcodec.h"

#include "apierror.h"
#include "kubeschema.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <cmath>

namespace Meshdeck::Demo {

namespace gp = google::protobuf;
using Special = KubeSchema::Special;

namespace {

const QByteArray kMagic("k8s\0", 4);
constexpr qint64 kGoZeroTimeSeconds = -62135596800; // 0001-01-01T00:00:00Z, Go's zero Time

// Fields whose Go type is a pointer, so that zero or false is a choice the client made
// (replicas: 0, automountServiceAccountToken: false) rather than "unset". The wire format cannot
// tell the two apart; every other zero scalar is omitted, as Go's omitempty would.
const QSet<QString> &meaningfulZeros()
{
    static const QSet<QString> names = {"replicas",
                                        "parallelism",
                                        "completions",
                                        "backoffLimit",
                                        "backoffLimitPerIndex",
                                        "maxFailedIndexes",
                                        "revisionHistoryLimit",
                                        "successfulJobsHistoryLimit",
                                        "failedJobsHistoryLimit",
                                        "ttlSecondsAfterFinished",
                                        "terminationGracePeriodSeconds",
                                        "activeDeadlineSeconds",
                                        "startingDeadlineSeconds",
                                        "progressDeadlineSeconds",
                                        "automountServiceAccountToken",
                                        "allowPrivilegeEscalation",
                                        "privileged",
                                        "readOnlyRootFilesystem",
                                        "runAsNonRoot",
                                        "runAsUser",
                                        "runAsGroup",
                                        "fsGroup",
                                        "optional",
                                        "immutable",
                                        "suspend",
                                        "enableServiceLinks",
                                        "shareProcessNamespace",
                                        "setHostnameAsFQDN",
                                        "hostUsers",
                                        "defaultMode",
                                        "mode",
                                        "expirationSeconds",
                                        "priority",
                                        "allocateLoadBalancerNodePorts",
                                        "gracePeriodSeconds",
                                        "orphanDependents",
                                        "value",
                                        "ready",
                                        "restartCount",
                                        "allowed",
                                        "incomplete",
                                        "manualSelector"};
    return names;
}

// The field a JSON key names in m, and in *owner the message that holds it: m itself or an
// inline message inside it.
const gp::FieldDescriptor *jsonField(gp::Message *m, const std::string &key, gp::Message **owner)
{
    std::vector<const gp::FieldDescriptor *> through;
    const gp::FieldDescriptor *f = KubeSchema::jsonField(m->GetDescriptor(), key, &through);
    if (!f)
        return nullptr;
    for (const gp::FieldDescriptor *inlineField : through)
        m = m->GetReflection()->MutableMessage(m, inlineField);
    *owner = m;
    return f;
}

QString goDuration(qint64 ns)
{
    if (ns == 0)
        return QStringLiteral("0s");
    QString sign = ns < 0 ? QStringLiteral("-") : QString();
    quint64 u = quint64(ns < 0 ? -ns : ns);
    auto trim = [](double v) {
        QString s = QString::number(v, 'f', 9);
        while (s.endsWith(QLatin1Char('0')))
            s.chop(1);
        if (s.endsWith(QLatin1Char('.')))
            s.chop(1);
        return s;
    };
    if (u < 1000)
        return sign + QString::number(u) + QStringLiteral("ns");
    if (u < 1000000)
        return sign + trim(double(u) / 1e3) + QStringLiteral("µs");
    if (u < 1000000000)
        return sign + trim(double(u) / 1e6) + QStringLiteral("ms");
    const quint64 h = u / 3600000000000ULL;
    u -= h * 3600000000000ULL;
    const quint64 m = u / 60000000000ULL;
    u -= m * 60000000000ULL;
    QString out = sign;
    if (h)
        out += QString::number(h) + QLatin1Char('h');
    if (h || m)
        out += QString::number(m) + QLatin1Char('m');
    return out + trim(double(u) / 1e9) + QLatin1Char('s');
}

std::optional<qint64> parseGoDuration(const QString &text)
{
    static const QRegularExpression part(QStringLiteral("(\\d+(?:\\.\\d*)?)(ns|us|µs|ms|s|m|h)"));
    QString s = text;
    double sign = 1;
    if (s.startsWith(QLatin1Char('-'))) {
        sign = -1;
        s.remove(0, 1);
    }
    if (s == QLatin1String("0"))
        return 0;
    double total = 0;
    qsizetype pos = 0;
    while (pos < s.size()) {
        const auto m = part.match(s, pos, QRegularExpression::NormalMatch,
                                  QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            return std::nullopt;
        static const QHash<QString, double> unit
            = {{"ns", 1},  {"us", 1e3}, {"µs", 1e3},  {"ms", 1e6},
               {"s", 1e9}, {"m", 6e10}, {"h", 3.6e12}};
        total += m.captured(1).toDouble() * unit.value(m.captured(2));
        pos = m.capturedEnd();
    }
    return s.isEmpty() ? std::nullopt : std::optional<qint64>(qint64(std::llround(sign * total)));
}

// ---- protobuf -> JSON ----

QJsonValue toJson(const gp::Message &message);

QJsonValue scalarToJson(const gp::Message &m, const gp::FieldDescriptor *f, int index)
{
    const gp::Reflection *r = m.GetReflection();
    const bool rep = f->is_repeated();
    switch (f->cpp_type()) {
    case gp::FieldDescriptor::CPPTYPE_INT32:
        return rep ? r->GetRepeatedInt32(m, f, index) : r->GetInt32(m, f);
    case gp::FieldDescriptor::CPPTYPE_INT64:
        return double(rep ? r->GetRepeatedInt64(m, f, index) : r->GetInt64(m, f));
    case gp::FieldDescriptor::CPPTYPE_UINT32:
        return double(rep ? r->GetRepeatedUInt32(m, f, index) : r->GetUInt32(m, f));
    case gp::FieldDescriptor::CPPTYPE_UINT64:
        return double(rep ? r->GetRepeatedUInt64(m, f, index) : r->GetUInt64(m, f));
    case gp::FieldDescriptor::CPPTYPE_DOUBLE:
        return rep ? r->GetRepeatedDouble(m, f, index) : r->GetDouble(m, f);
    case gp::FieldDescriptor::CPPTYPE_FLOAT:
        return double(rep ? r->GetRepeatedFloat(m, f, index) : r->GetFloat(m, f));
    case gp::FieldDescriptor::CPPTYPE_BOOL:
        return rep ? r->GetRepeatedBool(m, f, index) : r->GetBool(m, f);
    case gp::FieldDescriptor::CPPTYPE_STRING: {
        const std::string s = rep ? r->GetRepeatedString(m, f, index) : r->GetString(m, f);
        if (f->type() == gp::FieldDescriptor::TYPE_BYTES)
            return QString::fromLatin1(
                QByteArray::fromRawData(s.data(), qsizetype(s.size())).toBase64());
        return QString::fromStdString(s);
    }
    case gp::FieldDescriptor::CPPTYPE_MESSAGE:
        return toJson(rep ? r->GetRepeatedMessage(m, f, index) : r->GetMessage(m, f));
    case gp::FieldDescriptor::CPPTYPE_ENUM:
        break;
    }
    throw ApiError::badRequest(QStringLiteral("unsupported protobuf field %1")
                                   .arg(QString::fromStdString(f->full_name())));
}

QJsonValue rawJson(const std::string &raw, const char *what)
{
    if (raw.empty())
        return QJsonValue::Null;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(raw), &error);
    if (error.error != QJsonParseError::NoError)
        throw ApiError::badRequest(QStringLiteral("%1 in the protobuf body is not JSON: %2")
                                       .arg(QLatin1String(what), error.errorString()));
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

QJsonValue timeToJson(const gp::Message &m, bool micro)
{
    const gp::Descriptor *d = m.GetDescriptor();
    const gp::Reflection *r = m.GetReflection();
    const gp::FieldDescriptor *secondsField = d->FindFieldByName("seconds");
    const gp::FieldDescriptor *nanosField = d->FindFieldByName("nanos");
    const qint64 seconds = r->GetInt64(m, secondsField);
    const int nanos = r->GetInt32(m, nanosField);
    // Kubernetes writes Go's zero Time as an empty message.
    if ((!r->HasField(m, secondsField) && !r->HasField(m, nanosField))
        || (seconds == kGoZeroTimeSeconds && nanos == 0))
        return QJsonValue::Null;
    const QDateTime t = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
    QString s = t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (micro)
        s += QStringLiteral(".%1").arg(nanos / 1000, 6, 10, QLatin1Char('0'));
    return s + QLatin1Char('Z');
}

QJsonValue toJson(const gp::Message &m)
{
    const gp::Descriptor *d = m.GetDescriptor();
    const gp::Reflection *r = m.GetReflection();
    switch (KubeSchema::specialOf(d)) {
    case Special::Time:
        return timeToJson(m, false);
    case Special::MicroTime:
        return timeToJson(m, true);
    case Special::Duration:
        return goDuration(r->GetInt64(m, d->field(0)));
    case Special::Quantity:
        return QString::fromStdString(r->GetString(m, d->FindFieldByName("string")));
    case Special::IntOrString:
        if (r->GetInt64(m, d->FindFieldByName("type")) == 1)
            return QString::fromStdString(r->GetString(m, d->FindFieldByName("strVal")));
        return r->GetInt32(m, d->FindFieldByName("intVal"));
    case Special::RawExtension:
        return rawJson(r->GetString(m, d->FindFieldByName("raw")), "an embedded object");
    case Special::FieldsV1:
        return rawJson(r->GetString(m, d->FindFieldByName("Raw")), "fieldsV1");
    case Special::StringList: {
        QJsonArray items;
        const gp::FieldDescriptor *f = d->field(0);
        for (int i = 0; i < r->FieldSize(m, f); ++i)
            items.append(QString::fromStdString(r->GetRepeatedString(m, f, i)));
        return items;
    }
    case Special::None:
        break;
    }
    std::vector<const gp::FieldDescriptor *> fields;
    r->ListFields(m, &fields);
    QJsonObject out;
    for (const gp::FieldDescriptor *f : fields) {
        const QString name = QString::fromStdString(f->name());
        if (KubeSchema::isInline(f)) {
            const QJsonObject inner = toJson(r->GetMessage(m, f)).toObject();
            for (auto it = inner.begin(); it != inner.end(); ++it)
                out.insert(it.key(), it.value());
            continue;
        }
        if (f->is_map()) {
            const gp::Descriptor *entry = f->message_type();
            QJsonObject map;
            for (int i = 0; i < r->FieldSize(m, f); ++i) {
                const gp::Message &e = r->GetRepeatedMessage(m, f, i);
                const QString key = scalarToJson(e, entry->map_key(), 0).toVariant().toString();
                map.insert(key, scalarToJson(e, entry->map_value(), 0));
            }
            out.insert(name, map);
        } else if (f->is_repeated()) {
            QJsonArray items;
            for (int i = 0; i < r->FieldSize(m, f); ++i)
                items.append(scalarToJson(m, f, i));
            out.insert(name, items);
        } else {
            const QJsonValue v = scalarToJson(m, f, 0);
            const bool zero = (v.isString() && v.toString().isEmpty())
                || (v.isDouble() && v.toDouble() == 0) || (v.isBool() && !v.toBool());
            if (zero && f->cpp_type() != gp::FieldDescriptor::CPPTYPE_MESSAGE
                && !meaningfulZeros().contains(name))
                continue;
            if (v.isNull())
                continue;
            out.insert(name, v);
        }
    }
    return out;
}

// ---- JSON -> protobuf ----

bool fromJson(const QJsonValue &value, gp::Message *m);
bool setField(const QJsonValue &value, gp::Message *m, const gp::FieldDescriptor *f);

bool setTime(const QJsonValue &v, gp::Message *m)
{
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        return false;
    const gp::Descriptor *d = m->GetDescriptor();
    const qint64 ms = t.toMSecsSinceEpoch();
    qint64 seconds = ms / 1000;
    int millis = int(ms % 1000);
    if (millis < 0) {
        --seconds;
        millis += 1000;
    }
    m->GetReflection()->SetInt64(m, d->FindFieldByName("seconds"), seconds);
    if (KubeSchema::specialOf(d) == Special::MicroTime)
        m->GetReflection()->SetInt32(m, d->FindFieldByName("nanos"), millis * 1000000);
    return true;
}

bool setScalar(const QJsonValue &v, gp::Message *m, const gp::FieldDescriptor *f)
{
    const gp::Reflection *r = m->GetReflection();
    const bool rep = f->is_repeated();
    switch (f->cpp_type()) {
    case gp::FieldDescriptor::CPPTYPE_INT32:
        if (!v.isDouble())
            return false;
        rep ? r->AddInt32(m, f, v.toInt()) : r->SetInt32(m, f, v.toInt());
        return true;
    case gp::FieldDescriptor::CPPTYPE_INT64:
        if (!v.isDouble())
            return false;
        rep ? r->AddInt64(m, f, v.toInteger()) : r->SetInt64(m, f, v.toInteger());
        return true;
    case gp::FieldDescriptor::CPPTYPE_UINT32:
    case gp::FieldDescriptor::CPPTYPE_UINT64:
    case gp::FieldDescriptor::CPPTYPE_FLOAT:
    case gp::FieldDescriptor::CPPTYPE_ENUM:
        return false;
    case gp::FieldDescriptor::CPPTYPE_DOUBLE:
        if (!v.isDouble())
            return false;
        rep ? r->AddDouble(m, f, v.toDouble()) : r->SetDouble(m, f, v.toDouble());
        return true;
    case gp::FieldDescriptor::CPPTYPE_BOOL:
        if (!v.isBool())
            return false;
        rep ? r->AddBool(m, f, v.toBool()) : r->SetBool(m, f, v.toBool());
        return true;
    case gp::FieldDescriptor::CPPTYPE_STRING: {
        if (!v.isString())
            return false;
        std::string s;
        if (f->type() == gp::FieldDescriptor::TYPE_BYTES) {
            const auto decoded = QByteArray::fromBase64Encoding(
                v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return false;
            s = decoded.decoded.toStdString();
        } else {
            s = v.toString().toStdString();
        }
        rep ? r->AddString(m, f, std::move(s)) : r->SetString(m, f, std::move(s));
        return true;
    }
    case gp::FieldDescriptor::CPPTYPE_MESSAGE:
        return fromJson(v, rep ? r->AddMessage(m, f) : r->MutableMessage(m, f));
    }
    return false;
}

bool fromJson(const QJsonValue &value, gp::Message *m)
{
    const gp::Descriptor *d = m->GetDescriptor();
    const gp::Reflection *r = m->GetReflection();
    switch (KubeSchema::specialOf(d)) {
    case Special::Time:
    case Special::MicroTime:
        return setTime(value, m);
    case Special::Duration: {
        const auto ns = parseGoDuration(value.toString());
        if (!ns)
            return false;
        r->SetInt64(m, d->field(0), *ns);
        return true;
    }
    case Special::Quantity:
        if (!value.isString() && !value.isDouble())
            return false;
        r->SetString(m, d->FindFieldByName("string"),
                     value.isString() ? value.toString().toStdString()
                                      : QString::number(value.toDouble(), 'g', 17).toStdString());
        return true;
    case Special::IntOrString:
        if (value.isString()) {
            r->SetInt64(m, d->FindFieldByName("type"), 1);
            r->SetString(m, d->FindFieldByName("strVal"), value.toString().toStdString());
            return true;
        }
        if (!value.isDouble())
            return false;
        r->SetInt64(m, d->FindFieldByName("type"), 0);
        r->SetInt32(m, d->FindFieldByName("intVal"), value.toInt());
        return true;
    case Special::RawExtension:
    case Special::FieldsV1: {
        const QByteArray raw = value.isArray()
            ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
            : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
        r->SetString(m, d->field(0), raw.toStdString());
        return value.isObject() || value.isArray();
    }
    case Special::StringList: {
        if (!value.isArray())
            return false;
        for (const QJsonValue &item : value.toArray())
            if (!setScalar(item, m, d->field(0)))
                return false;
        return true;
    }
    case Special::None:
        break;
    }
    if (!value.isObject())
        return false;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.value().isNull())
            continue;
        gp::Message *owner = nullptr;
        const gp::FieldDescriptor *f = jsonField(m, it.key().toStdString(), &owner);
        if (!f) {
            // An embedded object's own apiVersion and kind (list items) have no field: Kubernetes
            // leaves them out of the protobuf form.
            if (it.key() == QLatin1String("apiVersion") || it.key() == QLatin1String("kind"))
                continue;
            return false;
        }
        if (!setField(it.value(), owner, f))
            return false;
    }
    return true;
}

bool setField(const QJsonValue &value, gp::Message *m, const gp::FieldDescriptor *f)
{
    const gp::Reflection *r = m->GetReflection();
    if (f->is_map()) {
        if (!value.isObject())
            return false;
        const QJsonObject map = value.toObject();
        for (auto e = map.begin(); e != map.end(); ++e) {
            gp::Message *entry = r->AddMessage(m, f);
            const gp::Descriptor *ed = entry->GetDescriptor();
            if (!setScalar(e.key(), entry, ed->map_key())
                || !setScalar(e.value(), entry, ed->map_value()))
                return false;
        }
        return true;
    }
    if (f->is_repeated()) {
        if (!value.isArray())
            return false;
        for (const QJsonValue &item : value.toArray())
            if (!setScalar(item, m, f))
                return false;
        return true;
    }
    return setScalar(value, m, f);
}

// runtime.Unknown and its TypeMeta, read and written through the same schema.
const gp::Descriptor *unknownType()
{
    return KubeSchema::instance().byName("k8s.io.apimachinery.pkg.runtime.Unknown");
}

} // namespace

bool ProtobufCodec::isProtobuf(const QByteArray &contentType)
{
    return contentType.trimmed().startsWith(kContentType);
}

bool ProtobufCodec::prefersProtobuf(const QByteArray &accept)
{
    for (const QByteArray &entry : accept.split(',')) {
        const QByteArray type = entry.trimmed();
        if (type.startsWith(kContentType))
            return !type.contains(";as=") && !type.contains("stream=watch");
        if (type.startsWith("application/json") || type.startsWith("application/yaml")
            || type.startsWith("*/*"))
            return false;
    }
    return false;
}

QJsonObject ProtobufCodec::decode(const QByteArray &body)
{
    if (!body.startsWith(kMagic))
        throw ApiError::badRequest(
            QStringLiteral("the protobuf body lacks Kubernetes' \"k8s\\0\" prefix"));
    const KubeSchema &schema = KubeSchema::instance();
    const gp::Descriptor *ud = unknownType();
    if (!ud)
        throw ApiError::unsupportedMediaType(QString::fromLatin1(kContentType));
    const auto unknown = schema.create(ud);
    if (!unknown->ParseFromArray(body.constData() + 4, int(body.size() - 4)))
        throw ApiError::badRequest(QStringLiteral("the protobuf body is malformed or truncated"));
    const gp::Reflection *ur = unknown->GetReflection();
    const gp::Message &typeMeta = ur->GetMessage(*unknown, ud->FindFieldByName("typeMeta"));
    const gp::Descriptor *td = typeMeta.GetDescriptor();
    const QString apiVersion = QString::fromStdString(
        typeMeta.GetReflection()->GetString(typeMeta, td->FindFieldByName("apiVersion")));
    const QString kind = QString::fromStdString(
        typeMeta.GetReflection()->GetString(typeMeta, td->FindFieldByName("kind")));
    const std::string encoding = ur->GetString(*unknown, ud->FindFieldByName("contentEncoding"));
    if (!encoding.empty())
        throw ApiError::unsupportedMediaType(
            QStringLiteral("%1 with content encoding %2")
                .arg(QLatin1String(kContentType), QString::fromStdString(encoding)));
    const gp::Descriptor *type = schema.message(apiVersion, kind);
    if (!type)
        throw ApiError::unsupportedMediaType(
            QStringLiteral("%1 (%2 %3)").arg(QLatin1String(kContentType), apiVersion, kind));
    const auto object = schema.create(type);
    const std::string raw = ur->GetString(*unknown, ud->FindFieldByName("raw"));
    if (!object->ParseFromString(raw))
        throw ApiError::badRequest(
            QStringLiteral("the protobuf %1 is malformed or truncated").arg(kind));
    QJsonObject out = toJson(*object).toObject();
    out.insert(QStringLiteral("apiVersion"), apiVersion);
    out.insert(QStringLiteral("kind"), kind);
    return out;
}

std::optional<QByteArray> ProtobufCodec::encode(const QJsonObject &object)
{
    const QString apiVersion = object.value(QStringLiteral("apiVersion")).toString();
    const QString kind = object.value(QStringLiteral("kind")).toString();
    const KubeSchema &schema = KubeSchema::instance();
    const gp::Descriptor *type = schema.message(apiVersion, kind);
    const gp::Descriptor *ud = unknownType();
    if (!type || !ud)
        return std::nullopt;
    const auto message = schema.create(type);
    QJsonObject body = object;
    body.remove(QStringLiteral("apiVersion"));
    body.remove(QStringLiteral("kind"));
    if (!fromJson(body, message.get()))
        return std::nullopt;
    const auto unknown = schema.create(ud);
    const gp::Reflection *ur = unknown->GetReflection();
    gp::Message *typeMeta = ur->MutableMessage(unknown.get(), ud->FindFieldByName("typeMeta"));
    const gp::Descriptor *td = typeMeta->GetDescriptor();
    typeMeta->GetReflection()->SetString(typeMeta, td->FindFieldByName("apiVersion"),
                                         apiVersion.toStdString());
    typeMeta->GetReflection()->SetString(typeMeta, td->FindFieldByName("kind"), kind.toStdString());
    ur->SetString(unknown.get(), ud->FindFieldByName("raw"), message->SerializeAsString());
    ur->SetString(unknown.get(), ud->FindFieldByName("contentEncoding"), std::string());
    ur->SetString(unknown.get(), ud->FindFieldByName("contentType"), std::string());
    return kMagic + QByteArray::fromStdString(unknown->SerializeAsString());
}

} // namespace Meshdeck::Demo
