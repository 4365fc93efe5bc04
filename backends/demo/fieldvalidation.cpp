#include "fieldvalidation.h"

#include "apierror.h"
#include "kubeschema.h"

#include <QJsonArray>

#include <google/protobuf/descriptor.h>

namespace Meshdeck::Demo {

namespace gp = google::protobuf;

namespace {

const gp::FieldDescriptor *findField(const gp::Descriptor *d, const std::string &key)
{
    if (const gp::FieldDescriptor *f = d->FindFieldByName(key); f && !KubeSchema::isInline(f))
        return f;
    for (int i = 0; i < d->field_count(); ++i) {
        const gp::FieldDescriptor *f = d->field(i);
        if (KubeSchema::isInline(f))
            if (const gp::FieldDescriptor *inner = findField(f->message_type(), key))
                return inner;
    }
    return nullptr;
}

void pruneObject(QJsonObject *o, const gp::Descriptor *d, const QString &path, bool topLevel,
                 QStringList *unknown);

// A value of a message-typed field: walk into objects of ordinary messages.
QJsonValue pruneValue(const QJsonValue &v, const gp::Descriptor *d, const QString &path,
                      QStringList *unknown)
{
    if (!v.isObject() || KubeSchema::specialOf(d) != KubeSchema::Special::None)
        return v;
    QJsonObject o = v.toObject();
    pruneObject(&o, d, path, false, unknown);
    return o;
}

void pruneObject(QJsonObject *o, const gp::Descriptor *d, const QString &path, bool topLevel,
                 QStringList *unknown)
{
    const QString prefix = path.isEmpty() ? QString() : path + QLatin1Char('.');
    for (auto it = o->begin(); it != o->end();) {
        const QString key = it.key();
        if (key.startsWith(QLatin1Char('$'))
            || (topLevel && (key == QLatin1String("apiVersion") || key == QLatin1String("kind")))) {
            ++it;
            continue;
        }
        const gp::FieldDescriptor *f = findField(d, key.toStdString());
        if (!f) {
            *unknown << prefix + key;
            it = o->erase(it);
            continue;
        }
        if (f->cpp_type() != gp::FieldDescriptor::CPPTYPE_MESSAGE || it.value().isNull()) {
            ++it;
            continue;
        }
        if (f->is_map()) {
            const gp::FieldDescriptor *value = f->message_type()->map_value();
            if (value->cpp_type() == gp::FieldDescriptor::CPPTYPE_MESSAGE
                && it.value().isObject()) {
                QJsonObject map = it.value().toObject();
                for (auto e = map.begin(); e != map.end(); ++e)
                    *e = pruneValue(*e, value->message_type(),
                                    QStringLiteral("%1%2[%3]").arg(prefix, key, e.key()), unknown);
                *it = map;
            }
        } else if (f->is_repeated()) {
            if (it.value().isArray()) {
                QJsonArray items = it.value().toArray();
                for (qsizetype i = 0; i < items.size(); ++i)
                    items[i]
                        = pruneValue(items.at(i), f->message_type(),
                                     QStringLiteral("%1%2[%3]").arg(prefix, key).arg(i), unknown);
                *it = items;
            }
        } else {
            *it = pruneValue(it.value(), f->message_type(), prefix + key, unknown);
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
    QStringList unknown;
    const gp::Descriptor *d = KubeSchema::instance().message(apiVersion, kind);
    if (d)
        pruneObject(object, d, QString(), true, &unknown);
    return unknown;
}

} // namespace Meshdeck::Demo
