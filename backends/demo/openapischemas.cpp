#include "openapischemas.h"

#include "kubeschema.h"

#include <QHash>
#include <QJsonArray>

#include <google/protobuf/descriptor.h>

#include <deque>
#include <mutex>

namespace Meshdeck::Demo {

namespace gp = google::protobuf;
using Special = KubeSchema::Special;

namespace {

QString schemaName(const gp::Descriptor *d)
{
    QString name = QString::fromStdString(d->full_name());
    if (name.startsWith(QLatin1String("k8s.io.")))
        name = QStringLiteral("io.k8s.") + name.mid(7);
    return name;
}

QJsonObject ref(const gp::Descriptor *d)
{
    return QJsonObject {
        {QStringLiteral("allOf"),
         QJsonArray {QJsonObject {
             {QStringLiteral("$ref"), QStringLiteral("#/components/schemas/") + schemaName(d)}}}}};
}

QJsonObject typeOf(const gp::FieldDescriptor *f, std::deque<const gp::Descriptor *> *pending)
{
    switch (f->type()) {
    case gp::FieldDescriptor::TYPE_STRING:
        return {{QStringLiteral("type"), QStringLiteral("string")}};
    case gp::FieldDescriptor::TYPE_BYTES:
        return {{QStringLiteral("type"), QStringLiteral("string")},
                {QStringLiteral("format"), QStringLiteral("byte")}};
    case gp::FieldDescriptor::TYPE_BOOL:
        return {{QStringLiteral("type"), QStringLiteral("boolean")}};
    case gp::FieldDescriptor::TYPE_INT32:
        return {{QStringLiteral("type"), QStringLiteral("integer")},
                {QStringLiteral("format"), QStringLiteral("int32")}};
    case gp::FieldDescriptor::TYPE_INT64:
        return {{QStringLiteral("type"), QStringLiteral("integer")},
                {QStringLiteral("format"), QStringLiteral("int64")}};
    case gp::FieldDescriptor::TYPE_DOUBLE:
    case gp::FieldDescriptor::TYPE_FLOAT:
        return {{QStringLiteral("type"), QStringLiteral("number")},
                {QStringLiteral("format"), QStringLiteral("double")}};
    case gp::FieldDescriptor::TYPE_MESSAGE:
        pending->push_back(f->message_type());
        return ref(f->message_type());
    default:
        return {{QStringLiteral("type"), QStringLiteral("integer")}};
    }
}

QJsonObject fieldSchema(const gp::FieldDescriptor *f, std::deque<const gp::Descriptor *> *pending)
{
    if (f->is_map()) {
        return {{QStringLiteral("type"), QStringLiteral("object")},
                {QStringLiteral("additionalProperties"),
                 typeOf(f->message_type()->map_value(), pending)}};
    }
    if (f->is_repeated())
        return {{QStringLiteral("type"), QStringLiteral("array")},
                {QStringLiteral("items"), typeOf(f, pending)}};
    return typeOf(f, pending);
}

void addProperties(const gp::Descriptor *d, QJsonObject *properties,
                   std::deque<const gp::Descriptor *> *pending)
{
    for (int i = 0; i < d->field_count(); ++i) {
        const gp::FieldDescriptor *f = d->field(i);
        if (KubeSchema::isInline(f))
            addProperties(f->message_type(), properties, pending);
        else
            properties->insert(QString::fromStdString(f->name()), fieldSchema(f, pending));
    }
}

QJsonObject messageSchema(const gp::Descriptor *d, std::deque<const gp::Descriptor *> *pending)
{
    switch (KubeSchema::specialOf(d)) {
    case Special::Time:
    case Special::MicroTime:
        return {{QStringLiteral("type"), QStringLiteral("string")},
                {QStringLiteral("format"), QStringLiteral("date-time")}};
    case Special::Duration:
        return {{QStringLiteral("type"), QStringLiteral("string")}};
    case Special::Quantity:
        return {{QStringLiteral("oneOf"),
                 QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("string")}},
                             QJsonObject {{QStringLiteral("type"), QStringLiteral("number")}}}}};
    case Special::IntOrString:
        return {{QStringLiteral("x-kubernetes-int-or-string"), true},
                {QStringLiteral("type"), QStringLiteral("string")},
                {QStringLiteral("format"), QStringLiteral("int-or-string")}};
    case Special::RawExtension:
    case Special::FieldsV1:
        return {{QStringLiteral("type"), QStringLiteral("object")}};
    case Special::StringList:
        return {{QStringLiteral("type"), QStringLiteral("array")},
                {QStringLiteral("items"),
                 QJsonObject {{QStringLiteral("type"), QStringLiteral("string")}}}};
    case Special::None:
        break;
    }
    QJsonObject properties;
    addProperties(d, &properties, pending);
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"), properties}};
}

} // namespace

QJsonObject OpenApiSchemas::forKinds(const QString &apiVersion, const QStringList &kinds)
{
    // The schemas never change at run time: each group's are built once (the OpenAPI root
    // hashes every group's document on each request).
    static std::mutex mutex;
    static QHash<QString, QJsonObject> built;
    const QString key = apiVersion + QLatin1Char(':') + kinds.join(QLatin1Char(','));
    {
        std::lock_guard lock(mutex);
        if (const auto it = built.constFind(key); it != built.cend())
            return *it;
    }
    QJsonObject schemas = build(apiVersion, kinds);
    std::lock_guard lock(mutex);
    built.insert(key, schemas);
    return schemas;
}

QJsonObject OpenApiSchemas::build(const QString &apiVersion, const QStringList &kinds)
{
    const KubeSchema &schema = KubeSchema::instance();
    const qsizetype slash = apiVersion.indexOf(QLatin1Char('/'));
    const QString group = slash < 0 ? QString() : apiVersion.left(slash);
    const QString version = apiVersion.mid(slash + 1);
    QJsonObject schemas;
    std::deque<const gp::Descriptor *> pending;
    QHash<const gp::Descriptor *, QString> kindOf;
    for (const QString &kind : kinds) {
        for (const QString &k : {kind, kind + QStringLiteral("List")}) {
            if (const gp::Descriptor *d = schema.message(apiVersion, k)) {
                kindOf.insert(d, k);
                pending.push_back(d);
            }
        }
    }
    while (!pending.empty()) {
        const gp::Descriptor *d = pending.front();
        pending.pop_front();
        const QString name = schemaName(d);
        if (schemas.contains(name))
            continue;
        QJsonObject s = messageSchema(d, &pending);
        if (kindOf.contains(d)) {
            // TypeMeta is not in the protobuf form but is in every JSON object.
            QJsonObject properties = s.value(QStringLiteral("properties")).toObject();
            properties.insert(QStringLiteral("apiVersion"),
                              QJsonObject {{QStringLiteral("type"), QStringLiteral("string")}});
            properties.insert(QStringLiteral("kind"),
                              QJsonObject {{QStringLiteral("type"), QStringLiteral("string")}});
            s.insert(QStringLiteral("properties"), properties);
            s.insert(QStringLiteral("x-kubernetes-group-version-kind"),
                     QJsonArray {QJsonObject {{QStringLiteral("group"), group},
                                              {QStringLiteral("version"), version},
                                              {QStringLiteral("kind"), kindOf.value(d)}}});
        }
        schemas.insert(name, s);
    }
    return schemas;
}

} // namespace Meshdeck::Demo
