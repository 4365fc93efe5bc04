#include "kubeschema.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSet>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/dynamic_message.h>

#include <mutex>

Q_LOGGING_CATEGORY(lcDemoSchema, "meshdeck.demo.schema", QtInfoMsg)

namespace Meshdeck::Demo {

namespace gp = google::protobuf;

struct KubeSchema::Private
{
    gp::DescriptorPool pool;
    gp::DynamicMessageFactory factory {&pool};
    std::mutex factoryMutex;
};

const KubeSchema &KubeSchema::instance()
{
    static const KubeSchema schema;
    return schema;
}

KubeSchema::KubeSchema()
    : d(std::make_unique<Private>())
{
    QFile file(QStringLiteral(":/demo/k8s.desc"));
    gp::FileDescriptorSet set;
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcDemoSchema) << "the built-in kinds' schema is missing from the binary";
        return;
    }
    const QByteArray bytes = file.readAll();
    if (!set.ParseFromArray(bytes.constData(), int(bytes.size()))) {
        qCWarning(lcDemoSchema) << "the built-in kinds' schema is unreadable";
        return;
    }
    // protoc --include_imports writes dependencies before the files that import them.
    for (const gp::FileDescriptorProto &f : set.file())
        if (!d->pool.BuildFile(f))
            qCWarning(lcDemoSchema) << "schema file not built:" << f.name().c_str();
}

KubeSchema::~KubeSchema() = default;

const gp::Descriptor *KubeSchema::byName(const char *fullName) const
{
    return d->pool.FindMessageTypeByName(fullName);
}

const gp::Descriptor *KubeSchema::message(const QString &apiVersion, const QString &kind) const
{
    static const QStringList metaKinds
        = {QStringLiteral("Status"),        QStringLiteral("APIResourceList"),
           QStringLiteral("APIGroupList"),  QStringLiteral("APIGroup"),
           QStringLiteral("APIVersions"),   QStringLiteral("PartialObjectMetadata"),
           QStringLiteral("DeleteOptions"), QStringLiteral("PartialObjectMetadataList"),
           QStringLiteral("WatchEvent")};
    QString package;
    if (metaKinds.contains(kind)) {
        package = QStringLiteral("k8s.io.apimachinery.pkg.apis.meta.v1");
    } else {
        const qsizetype slash = apiVersion.indexOf(QLatin1Char('/'));
        const QString group = slash < 0 ? QString() : apiVersion.left(slash);
        const QString version = apiVersion.mid(slash + 1);
        if (group.contains(QLatin1String("apiextensions")) || version.isEmpty())
            return nullptr;
        // The package is the group's first label: rbac.authorization.k8s.io -> rbac.
        const QString short_ = group.isEmpty() ? QStringLiteral("core") : group.section('.', 0, 0);
        package = QStringLiteral("k8s.io.api.%1.%2").arg(short_, version);
    }
    return d->pool.FindMessageTypeByName((package + QLatin1Char('.') + kind).toStdString());
}

std::unique_ptr<gp::Message> KubeSchema::create(const gp::Descriptor *type) const
{
    const gp::Message *prototype = nullptr;
    {
        std::lock_guard lock(d->factoryMutex);
        prototype = d->factory.GetPrototype(type);
    }
    return std::unique_ptr<gp::Message>(prototype->New());
}

KubeSchema::Special KubeSchema::specialOf(const gp::Descriptor *type)
{
    const std::string &name = type->full_name();
    if (name.rfind("k8s.io.apimachinery.pkg.apis.meta.v1.", 0) == 0) {
        const std::string &n = type->name();
        if (n == "Time")
            return Special::Time;
        if (n == "MicroTime")
            return Special::MicroTime;
        if (n == "Duration")
            return Special::Duration;
        if (n == "FieldsV1")
            return Special::FieldsV1;
        if (n == "Verbs")
            return Special::StringList;
    }
    if (name == "k8s.io.apimachinery.pkg.api.resource.Quantity")
        return Special::Quantity;
    if (name == "k8s.io.apimachinery.pkg.util.intstr.IntOrString")
        return Special::IntOrString;
    if (name == "k8s.io.apimachinery.pkg.runtime.RawExtension")
        return Special::RawExtension;
    // authentication/authorization/certificates ExtraValue: a list of strings in JSON.
    if (type->name() == "ExtraValue")
        return Special::StringList;
    return Special::None;
}

bool KubeSchema::isInline(const gp::FieldDescriptor *field)
{
    static const QSet<QString> fields
        = {QStringLiteral("k8s.io.api.networking.v1.IngressRule.ingressRuleValue"),
           QStringLiteral("k8s.io.api.core.v1.Volume.volumeSource"),
           QStringLiteral("k8s.io.api.core.v1.PersistentVolumeSpec.persistentVolumeSource"),
           QStringLiteral("k8s.io.api.core.v1.Probe.handler"),
           QStringLiteral("k8s.io.api.core.v1.EphemeralContainer.ephemeralContainerCommon"),
           QStringLiteral("k8s.io.api.admissionregistration.v1.RuleWithOperations.rule"),
           QStringLiteral("k8s.io.api.admissionregistration.v1.NamedRuleWithOperations."
                          "ruleWithOperations")};
    return field->cpp_type() == gp::FieldDescriptor::CPPTYPE_MESSAGE && !field->is_repeated()
        && (field->name() == "localObjectReference"
            || fields.contains(QString::fromStdString(field->full_name())));
}

const gp::FieldDescriptor *KubeSchema::jsonField(const gp::Descriptor *type, const std::string &key,
                                                 std::vector<const gp::FieldDescriptor *> *through)
{
    if (const gp::FieldDescriptor *f = type->FindFieldByName(key); f && !isInline(f))
        return f;
    for (int i = 0; i < type->field_count(); ++i) {
        const gp::FieldDescriptor *f = type->field(i);
        if (!isInline(f))
            continue;
        const size_t depth = through ? through->size() : 0;
        if (through)
            through->push_back(f);
        if (const gp::FieldDescriptor *inner = jsonField(f->message_type(), key, through))
            return inner;
        if (through)
            through->resize(depth);
    }
    return nullptr;
}

} // namespace Meshdeck::Demo
