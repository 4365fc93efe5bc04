#include "fieldvalidation.h"

#include "apierror.h"
#include "kubeschema.h"

#include <QJsonArray>

#include <google/protobuf/descriptor.h>

namespace Meshdeck::Demo {

namespace gp = google::protobuf;

namespace {

struct Walk;
void pruneObject(QJsonObject *o, const gp::Descriptor *d, const QString &path, bool topLevel,
                 Walk *walk);

// A value of a message-typed field: walk into objects of ordinary messages.
QJsonValue pruneValue(const QJsonValue &v, const gp::Descriptor *d, const QString &path, Walk *walk)
{
    if (!v.isObject() || KubeSchema::specialOf(d) != KubeSchema::Special::None)
        return v;
    QJsonObject o = v.toObject();
    pruneObject(&o, d, path, false, walk);
    return o;
}

// A JSON value where a scalar of the field's type belongs: the Go type it would not decode into,
// or nothing when it fits.
QString mismatch(const QJsonValue &v, const gp::FieldDescriptor *f)
{
    if (v.isNull())
        return {};
    const bool integral = v.isDouble() && v.toDouble() == double(qint64(v.toDouble()));
    switch (f->cpp_type()) {
    case gp::FieldDescriptor::CPPTYPE_STRING:
        return v.isString() ? QString() : QStringLiteral("string");
    case gp::FieldDescriptor::CPPTYPE_BOOL:
        return v.isBool() ? QString() : QStringLiteral("bool");
    case gp::FieldDescriptor::CPPTYPE_INT32:
    case gp::FieldDescriptor::CPPTYPE_UINT32:
        return integral ? QString() : QStringLiteral("int32");
    case gp::FieldDescriptor::CPPTYPE_INT64:
    case gp::FieldDescriptor::CPPTYPE_UINT64:
        return integral ? QString() : QStringLiteral("int64");
    case gp::FieldDescriptor::CPPTYPE_DOUBLE:
    case gp::FieldDescriptor::CPPTYPE_FLOAT:
        return v.isDouble() ? QString() : QStringLiteral("float64");
    default:
        return {};
    }
}

QString jsonTypeName(const QJsonValue &v)
{
    return v.isArray() ? QStringLiteral("array")
        : v.isObject() ? QStringLiteral("object")
        : v.isString() ? QStringLiteral("string")
        : v.isBool()   ? QStringLiteral("bool")
                       : QStringLiteral("number");
}

// The first value of the walk that cannot be decoded, as Go's JSON decoder words it.
struct Walk
{
    QStringList unknown;
    QString typeError;

    void expect(const QJsonValue &v, const QString &goType, const QString &path)
    {
        if (typeError.isEmpty())
            typeError = QStringLiteral("json: cannot unmarshal %1 into Go struct field %2 of "
                                       "type %3")
                            .arg(jsonTypeName(v), path, goType);
    }
    void scalar(const QJsonValue &v, const gp::FieldDescriptor *f, const QString &path)
    {
        const QString want = mismatch(v, f);
        if (!want.isEmpty())
            expect(v, want, path);
    }
};

void pruneObject(QJsonObject *o, const gp::Descriptor *d, const QString &path, bool topLevel,
                 Walk *walk)
{
    const QString prefix = path.isEmpty() ? QString() : path + QLatin1Char('.');
    for (auto it = o->begin(); it != o->end();) {
        const QString key = it.key();
        if (key.startsWith(QLatin1Char('$'))
            || (topLevel && (key == QLatin1String("apiVersion") || key == QLatin1String("kind")))) {
            ++it;
            continue;
        }
        const gp::FieldDescriptor *f = KubeSchema::jsonField(d, key.toStdString());
        if (!f) {
            walk->unknown << prefix + key;
            it = o->erase(it);
            continue;
        }
        const QJsonValue value = it.value();
        const QString here = prefix + key;
        if (value.isNull()) {
            ++it;
            continue;
        }
        const bool message = f->cpp_type() == gp::FieldDescriptor::CPPTYPE_MESSAGE;
        if (f->is_map()) {
            const gp::FieldDescriptor *valueField = f->message_type()->map_value();
            if (!value.isObject()) {
                walk->expect(value, QStringLiteral("map"), here);
            } else if (valueField->cpp_type() != gp::FieldDescriptor::CPPTYPE_MESSAGE) {
                for (const QJsonValue &entry : value.toObject())
                    walk->scalar(entry, valueField, here);
            } else {
                QJsonObject map = value.toObject();
                for (auto e = map.begin(); e != map.end(); ++e)
                    *e = pruneValue(*e, valueField->message_type(),
                                    QStringLiteral("%1[%2]").arg(here, e.key()), walk);
                *it = map;
            }
        } else if (f->is_repeated()) {
            const bool listLike
                = message && KubeSchema::specialOf(f->message_type()) != KubeSchema::Special::None;
            if (!value.isArray() && !listLike) {
                walk->expect(value, QStringLiteral("array"), here);
            } else if (!message) {
                for (const QJsonValue &item : value.toArray())
                    walk->scalar(item, f, here);
            } else {
                QJsonArray items = value.toArray();
                for (qsizetype i = 0; i < items.size(); ++i)
                    items[i] = pruneValue(items.at(i), f->message_type(),
                                          QStringLiteral("%1[%2]").arg(here).arg(i), walk);
                *it = items;
            }
        } else if (!message) {
            walk->scalar(value, f, here);
        } else {
            *it = pruneValue(value, f->message_type(), here, walk);
        }
        ++it;
    }
}

} // namespace

FieldValidation::Mode FieldValidation::parse(const QString &value)
{
    if (value.isEmpty() || value == QLatin1String("Warn"))
        return Mode::Warn;
    if (value == QLatin1String("Strict"))
        return Mode::Strict;
    if (value == QLatin1String("Ignore"))
        return Mode::Ignore;
    throw ApiError::badRequest(
        QStringLiteral("fieldValidation parameter unsupported: %1. Valid values are Ignore, Warn "
                       "and Strict")
            .arg(value));
}

QStringList FieldValidation::prune(QJsonObject *object, const QString &apiVersion,
                                   const QString &kind)
{
    const gp::Descriptor *d = KubeSchema::instance().message(apiVersion, kind);
    if (!d)
        return {};
    Walk walk;
    pruneObject(object, d, QString(), true, &walk);
    if (!walk.typeError.isEmpty())
        throw ApiError::badRequest(
            QStringLiteral("%1 in version \"%2\" cannot be handled as a %1: %3")
                .arg(kind, apiVersion.section(QLatin1Char('/'), -1), walk.typeError));
    return walk.unknown;
}

} // namespace Meshdeck::Demo
