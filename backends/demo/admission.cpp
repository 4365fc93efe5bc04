#include "admission.h"

#include "apierror.h"
#include "crdschema.h"
#include "kubeschema.h"
#include "limitranges.h"
#include "objectstore.h"
#include "resourcequotas.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <google/protobuf/descriptor.h>

namespace Meshdeck::Demo {

namespace {

const QString kMetadata = QStringLiteral("metadata");
const QString kSpec = QStringLiteral("spec");

QString randomSuffix(int n = 5)
{
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QString s;
    for (int i = 0; i < n; ++i)
        s += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof(alphabet) - 1))]);
    return s;
}

QJsonObject defaultContainer(QJsonObject c)
{
    if (!c.contains(QStringLiteral("imagePullPolicy"))) {
        const QString image = c.value(QStringLiteral("image")).toString();
        const bool latest = image.endsWith(QLatin1String(":latest"))
            || !image.section(QLatin1Char('/'), -1).contains(QLatin1Char(':'));
        c.insert(QStringLiteral("imagePullPolicy"),
                 latest ? QStringLiteral("Always") : QStringLiteral("IfNotPresent"));
    }
    if (!c.contains(QStringLiteral("terminationMessagePath")))
        c.insert(QStringLiteral("terminationMessagePath"), QStringLiteral("/dev/termination-log"));
    if (!c.contains(QStringLiteral("terminationMessagePolicy")))
        c.insert(QStringLiteral("terminationMessagePolicy"), QStringLiteral("File"));
    if (!c.contains(QStringLiteral("resources")))
        c.insert(QStringLiteral("resources"), QJsonObject());
    QJsonArray ports = c.value(QStringLiteral("ports")).toArray();
    for (int i = 0; i < ports.size(); ++i) {
        QJsonObject p = ports.at(i).toObject();
        if (!p.contains(QStringLiteral("protocol")))
            p.insert(QStringLiteral("protocol"), QStringLiteral("TCP"));
        ports.replace(i, p);
    }
    if (!ports.isEmpty())
        c.insert(QStringLiteral("ports"), ports);
    return c;
}

QJsonObject defaultPodSpec(QJsonObject spec)
{
    for (const char *key : {"containers", "initContainers"}) {
        const QString k = QString::fromLatin1(key);
        if (!spec.contains(k))
            continue;
        QJsonArray cs = spec.value(k).toArray();
        for (int i = 0; i < cs.size(); ++i)
            cs.replace(i, defaultContainer(cs.at(i).toObject()));
        spec.insert(k, cs);
    }
    auto setDefault = [&](const char *key, const QJsonValue &value) {
        if (!spec.contains(QLatin1String(key)))
            spec.insert(QLatin1String(key), value);
    };
    setDefault("restartPolicy", QStringLiteral("Always"));
    setDefault("terminationGracePeriodSeconds", 30);
    setDefault("dnsPolicy", QStringLiteral("ClusterFirst"));
    setDefault("schedulerName", QStringLiteral("default-scheduler"));
    setDefault("securityContext", QJsonObject());
    if (spec.contains(QStringLiteral("serviceAccountName")))
        setDefault("serviceAccount", spec.value(QStringLiteral("serviceAccountName")));
    else
        setDefault("serviceAccountName", QStringLiteral("default"));
    return spec;
}

QJsonObject defaultTemplate(QJsonObject workloadSpec)
{
    QJsonObject tmpl = workloadSpec.value(QStringLiteral("template")).toObject();
    tmpl.insert(kSpec, defaultPodSpec(tmpl.value(kSpec).toObject()));
    QJsonObject md = tmpl.value(kMetadata).toObject();
    if (!md.contains(QStringLiteral("creationTimestamp")))
        md.insert(QStringLiteral("creationTimestamp"), QJsonValue::Null);
    tmpl.insert(kMetadata, md);
    workloadSpec.insert(QStringLiteral("template"), tmpl);
    return workloadSpec;
}

void requireSelectorMatchesTemplate(const ResourceType &type, const QJsonObject &o)
{
    const QJsonObject spec = o.value(kSpec).toObject();
    const QString name = o.value(kMetadata).toObject().value(QStringLiteral("name")).toString();
    const QJsonObject selector = spec.value(QStringLiteral("selector")).toObject();
    if (selector.isEmpty())
        throw ApiError::invalid(type.kind, name, QStringLiteral("spec.selector"),
                                QStringLiteral("Required value"));
    const QJsonObject labels = spec.value(QStringLiteral("template"))
                                   .toObject()
                                   .value(kMetadata)
                                   .toObject()
                                   .value(QStringLiteral("labels"))
                                   .toObject();
    const QJsonObject match = selector.value(QStringLiteral("matchLabels")).toObject();
    for (auto it = match.begin(); it != match.end(); ++it) {
        if (labels.value(it.key()) != it.value())
            throw ApiError::invalid(
                type.kind, name, QStringLiteral("spec.template.metadata.labels"),
                QStringLiteral("Invalid value: %1: `selector` does not match "
                               "template `labels`")
                    .arg(QString::fromUtf8(QJsonDocument(labels).toJson(QJsonDocument::Compact))));
    }
    if (spec.value(QStringLiteral("template"))
            .toObject()
            .value(kSpec)
            .toObject()
            .value(QStringLiteral("containers"))
            .toArray()
            .isEmpty())
        throw ApiError::invalid(type.kind, name, QStringLiteral("spec.template.spec.containers"),
                                QStringLiteral("Required value"));
}

} // namespace

Admission::Admission(ObjectStore &store)
    : m_store(store)
{
}

void Admission::validateName(const ResourceType &type, const QString &name)
{
    static const QRegularExpression subdomain(
        QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
    static const QRegularExpression label(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    const bool labelOnly
        = type.kind == QLatin1String("Namespace") || type.kind == QLatin1String("Service");
    if (name.isEmpty())
        throw ApiError::invalid(type.kind, name, QStringLiteral("metadata.name"),
                                QStringLiteral("Required value: name or generateName is required"));
    const int max = labelOnly ? 63 : 253;
    if (name.size() > max || !(labelOnly ? label : subdomain).match(name).hasMatch()) {
        throw ApiError::invalid(
            type.kind, name, QStringLiteral("metadata.name"),
            QStringLiteral(
                "Invalid value: \"%1\": a lowercase RFC 1123 %2 must consist of lower case "
                "alphanumeric characters, '-'%3, and must start and end with an "
                "alphanumeric character (at most %4 characters)")
                .arg(name, labelOnly ? QStringLiteral("label") : QStringLiteral("subdomain"),
                     labelOnly ? QString() : QStringLiteral(" or '.'"))
                .arg(max));
    }
}

void Admission::validateLabels(const ResourceType &type, const QString &name,
                               const QJsonObject &labels)
{
    static const QString namePattern = QStringLiteral("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    static const QRegularExpression qualified(QStringLiteral("^%1$").arg(namePattern));
    static const QRegularExpression prefix(
        QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
    const auto invalid = [&](const QString &value, const QString &why) {
        return ApiError::invalid(type.kind, name, QStringLiteral("metadata.labels"),
                                 QStringLiteral("Invalid value: \"%1\": %2").arg(value, why));
    };
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        const QString key = it.key();
        const qsizetype slash = key.indexOf(QLatin1Char('/'));
        const QString keyName = slash < 0 ? key : key.mid(slash + 1);
        if (slash >= 0) {
            const QString p = key.left(slash);
            if (p.isEmpty() || p.size() > 253 || !prefix.match(p).hasMatch())
                throw invalid(key,
                              QStringLiteral("prefix part a lowercase RFC 1123 subdomain "
                                             "must consist of lower case alphanumeric "
                                             "characters, '-' or '.', and must start and end "
                                             "with an alphanumeric character"));
        }
        if (keyName.isEmpty())
            throw invalid(key, QStringLiteral("name part must be non-empty"));
        if (keyName.size() > 63)
            throw invalid(key, QStringLiteral("name part must be no more than 63 characters"));
        if (!qualified.match(keyName).hasMatch())
            throw invalid(key,
                          QStringLiteral("name part must consist of alphanumeric characters, "
                                         "'-', '_' or '.', and must start and end with an "
                                         "alphanumeric character (regex used for validation "
                                         "is '%1')")
                              .arg(namePattern));
        if (!it.value().isString())
            throw invalid(key, QStringLiteral("label values must be strings"));
        const QString value = it.value().toString();
        if (value.size() > 63)
            throw invalid(value.left(63) + QStringLiteral("..."),
                          QStringLiteral("must be no more than 63 characters"));
        if (!value.isEmpty() && !qualified.match(value).hasMatch())
            throw invalid(value,
                          QStringLiteral("a valid label must be an empty string or consist "
                                         "of alphanumeric characters, '-', '_' or '.', and "
                                         "must start and end with an alphanumeric character "
                                         "(regex used for validation is '(%1)?')")
                              .arg(namePattern));
    }
}

QJsonObject Admission::admitCreate(const ResourceType &type, QJsonObject object, const QString &ns)
{
    QJsonObject md = object.value(kMetadata).toObject();
    QString name = md.value(QStringLiteral("name")).toString();
    if (name.isEmpty() && md.contains(QStringLiteral("generateName"))) {
        name = md.value(QStringLiteral("generateName")).toString() + randomSuffix();
        md.insert(QStringLiteral("name"), name);
    }
    validateName(type, name);
    validateLabels(type, name, md.value(QStringLiteral("labels")).toObject());
    if (type.namespaced) {
        const QString bodyNs = md.value(QStringLiteral("namespace")).toString();
        if (!bodyNs.isEmpty() && !ns.isEmpty() && bodyNs != ns)
            throw ApiError::badRequest(
                QStringLiteral("the namespace of the provided object does not "
                               "match the namespace sent on the request"));
        const QString effective = ns.isEmpty() ? bodyNs : ns;
        if (effective.isEmpty())
            throw ApiError::badRequest(
                QStringLiteral("a namespace is required for %1").arg(type.plural));
        const auto nsObject = m_store.tryGet(QStringLiteral("/namespaces"), QString(), effective);
        if (!nsObject)
            throw ApiError::notFound(QString(), QStringLiteral("namespaces"), effective);
        if (nsObject->value(kMetadata).toObject().contains(QStringLiteral("deletionTimestamp")))
            throw ApiError::forbidden(QStringLiteral("%1 \"%2\" is forbidden: unable to create new "
                                                     "content in namespace %3 because it is being "
                                                     "terminated")
                                          .arg(type.plural, name, effective));
        md.insert(QStringLiteral("namespace"), effective);
        object.insert(kMetadata, md);
        if (type.kind == QLatin1String("Pod")) {
            object = LimitRanges::admit(m_store, object, effective);
            object = injectSidecars(object, *nsObject, registeredWebhooks());
        }
    } else {
        md.remove(QStringLiteral("namespace"));
        object.insert(kMetadata, md);
    }
    md = object.value(kMetadata).toObject();
    md.remove(QStringLiteral("resourceVersion"));
    md.remove(QStringLiteral("uid"));
    md.remove(QStringLiteral("deletionTimestamp"));
    object.insert(kMetadata, md);
    if (type.kind == QLatin1String("Service")) {
        QJsonObject spec = object.value(kSpec).toObject();
        if (!spec.contains(QStringLiteral("clusterIP"))
            && spec.value(QStringLiteral("type")).toString() != QLatin1String("ExternalName")) {
            const int n = m_nextServiceIp++;
            const QString ip = QStringLiteral("10.96.%1.%2").arg(n / 250).arg(n % 250 + 1);
            spec.insert(QStringLiteral("clusterIP"), ip);
            spec.insert(QStringLiteral("clusterIPs"), QJsonArray {ip});
        }
        object.insert(kSpec, spec);
    }
    object = defaults(type, object);
    if (type.namespaced)
        ResourceQuotas::admit(
            m_store, type, object,
            object.value(kMetadata).toObject().value(QStringLiteral("namespace")).toString());
    // As the API server's create strategies do: a kind with a status has one from the start,
    // empty until its controller fills it (clients read deployment.status at once).
    if (!object.contains(QStringLiteral("status"))) {
        if (const auto *message = KubeSchema::instance().message(type.apiVersion(), type.kind)) {
            const auto *status = message->FindFieldByName("status");
            if (status && status->message_type())
                object.insert(QStringLiteral("status"), QJsonObject());
        }
    }
    return object;
}

QJsonObject Admission::admitUpdate(const ResourceType &type, QJsonObject object,
                                   const QJsonObject &old)
{
    const QString name
        = object.value(kMetadata).toObject().value(QStringLiteral("name")).toString();
    const QString oldName
        = old.value(kMetadata).toObject().value(QStringLiteral("name")).toString();
    if (name != oldName)
        throw ApiError::badRequest(QStringLiteral("the name of the object (%1) does not match the "
                                                  "name on the URL (%2)")
                                       .arg(name, oldName));
    validateLabels(type, name,
                   object.value(kMetadata).toObject().value(QStringLiteral("labels")).toObject());
    // An object being deleted may lose finalizers, never gain them.
    const QJsonObject oldMeta = old.value(kMetadata).toObject();
    if (oldMeta.contains(QStringLiteral("deletionTimestamp"))) {
        const QJsonArray before = oldMeta.value(QStringLiteral("finalizers")).toArray();
        QStringList added;
        for (const QJsonValue &f :
             object.value(kMetadata).toObject().value(QStringLiteral("finalizers")).toArray())
            if (!before.contains(f))
                added << QStringLiteral("\"%1\"").arg(f.toString());
        if (!added.isEmpty())
            throw ApiError::invalid(type.kind, name, QStringLiteral("metadata.finalizers"),
                                    QStringLiteral("Forbidden: no new finalizers can be added if "
                                                   "the object is being deleted, found new "
                                                   "finalizers []string{%1}")
                                        .arg(added.join(QStringLiteral(", "))));
    }
    if (type.kind == QLatin1String("Service")) {
        QJsonObject spec = object.value(kSpec).toObject();
        const QJsonObject oldSpec = old.value(kSpec).toObject();
        if (!spec.contains(QStringLiteral("clusterIP"))
            && oldSpec.contains(QStringLiteral("clusterIP"))) {
            spec.insert(QStringLiteral("clusterIP"), oldSpec.value(QStringLiteral("clusterIP")));
            spec.insert(QStringLiteral("clusterIPs"), oldSpec.value(QStringLiteral("clusterIPs")));
        }
        object.insert(kSpec, spec);
    }
    if (type.kind == QLatin1String("Pod")) {
        // A pod's containers cannot change after creation (images aside); keep the stored spec
        // where a patch dropped injected containers.
        QJsonObject spec = object.value(kSpec).toObject();
        const QJsonObject oldSpec = old.value(kSpec).toObject();
        if (spec.value(QStringLiteral("containers")).toArray().size()
            != oldSpec.value(QStringLiteral("containers")).toArray().size())
            throw ApiError::invalid(type.kind, name, QStringLiteral("spec"),
                                    QStringLiteral("Forbidden: pod updates may not add or remove "
                                                   "containers"));
    }
    return defaults(type, object);
}

QJsonObject Admission::defaults(const ResourceType &type, QJsonObject o)
{
    if (type.custom) {
        // pruned, defaulted and validated against the CRD version's structural schema
        CrdSchema::admit(&o, type.schema, type.group, type.kind);
        return o;
    }
    const QString k = type.kind;
    QJsonObject spec = o.value(kSpec).toObject();
    const QString name = o.value(kMetadata).toObject().value(QStringLiteral("name")).toString();
    auto setDefault = [&](const char *key, const QJsonValue &value) {
        if (!spec.contains(QLatin1String(key)))
            spec.insert(QLatin1String(key), value);
    };
    if (k == QLatin1String("Pod")) {
        if (spec.value(QStringLiteral("containers")).toArray().isEmpty())
            throw ApiError::invalid(k, name, QStringLiteral("spec.containers"),
                                    QStringLiteral("Required value"));
        for (const QJsonValue &c : spec.value(QStringLiteral("containers")).toArray()) {
            if (c.toObject().value(QStringLiteral("image")).toString().isEmpty())
                throw ApiError::invalid(k, name, QStringLiteral("spec.containers[0].image"),
                                        QStringLiteral("Required value"));
        }
        spec = defaultPodSpec(spec);
        if (!o.contains(QStringLiteral("status")))
            o.insert(QStringLiteral("status"),
                     QJsonObject {{QStringLiteral("phase"), QStringLiteral("Pending")},
                                  {QStringLiteral("qosClass"), QStringLiteral("BestEffort")}});
    } else if (k == QLatin1String("Deployment") || k == QLatin1String("ReplicaSet")
               || k == QLatin1String("StatefulSet") || k == QLatin1String("DaemonSet")) {
        o.insert(kSpec, spec);
        requireSelectorMatchesTemplate(type, o);
        spec = defaultTemplate(spec);
        if (k != QLatin1String("DaemonSet"))
            setDefault("replicas", 1);
        if (spec.value(QStringLiteral("replicas")).toInteger() < 0)
            throw ApiError::invalid(
                k, name, QStringLiteral("spec.replicas"),
                QStringLiteral("Invalid value: must be greater than or equal to 0"));
        setDefault("revisionHistoryLimit", 10);
        if (k == QLatin1String("Deployment")) {
            setDefault("progressDeadlineSeconds", 600);
            // Field by field, as SetDefaults_Deployment does: kubectl create sends `strategy: {}`.
            QJsonObject strategy = spec.value(QStringLiteral("strategy")).toObject();
            if (strategy.value(QStringLiteral("type")).toString().isEmpty())
                strategy.insert(QStringLiteral("type"), QStringLiteral("RollingUpdate"));
            if (strategy.value(QStringLiteral("type")) == QLatin1String("RollingUpdate")) {
                QJsonObject rolling = strategy.value(QStringLiteral("rollingUpdate")).toObject();
                if (!rolling.contains(QStringLiteral("maxSurge")))
                    rolling.insert(QStringLiteral("maxSurge"), QStringLiteral("25%"));
                if (!rolling.contains(QStringLiteral("maxUnavailable")))
                    rolling.insert(QStringLiteral("maxUnavailable"), QStringLiteral("25%"));
                strategy.insert(QStringLiteral("rollingUpdate"), rolling);
            }
            spec.insert(QStringLiteral("strategy"), strategy);
        }
        if (k == QLatin1String("StatefulSet")) {
            setDefault("podManagementPolicy", QStringLiteral("OrderedReady"));
            setDefault("serviceName", QString());
        }
    } else if (k == QLatin1String("Job")) {
        setDefault("completions", 1);
        setDefault("parallelism", 1);
        setDefault("backoffLimit", 6);
        QJsonObject tmpl = spec.value(QStringLiteral("template")).toObject();
        QJsonObject tspec = tmpl.value(kSpec).toObject();
        if (!tspec.contains(QStringLiteral("restartPolicy")))
            tspec.insert(QStringLiteral("restartPolicy"), QStringLiteral("Never"));
        tmpl.insert(kSpec, tspec);
        spec.insert(QStringLiteral("template"), tmpl);
        spec = defaultTemplate(spec);
    } else if (k == QLatin1String("Service")) {
        setDefault("type", QStringLiteral("ClusterIP"));
        setDefault("sessionAffinity", QStringLiteral("None"));
        setDefault("ipFamilies", QJsonArray {QStringLiteral("IPv4")});
        setDefault("ipFamilyPolicy", QStringLiteral("SingleStack"));
        setDefault("internalTrafficPolicy", QStringLiteral("Cluster"));
        QJsonArray ports = spec.value(QStringLiteral("ports")).toArray();
        for (int i = 0; i < ports.size(); ++i) {
            QJsonObject p = ports.at(i).toObject();
            if (!p.contains(QStringLiteral("protocol")))
                p.insert(QStringLiteral("protocol"), QStringLiteral("TCP"));
            if (!p.contains(QStringLiteral("targetPort")))
                p.insert(QStringLiteral("targetPort"), p.value(QStringLiteral("port")));
            ports.replace(i, p);
        }
        if (!ports.isEmpty())
            spec.insert(QStringLiteral("ports"), ports);
        if (!o.contains(QStringLiteral("status")))
            o.insert(QStringLiteral("status"),
                     QJsonObject {{QStringLiteral("loadBalancer"), QJsonObject()}});
    } else if (k == QLatin1String("Namespace")) {
        setDefault("finalizers", QJsonArray {QStringLiteral("kubernetes")});
        QJsonObject md = o.value(kMetadata).toObject();
        QJsonObject labels = md.value(QStringLiteral("labels")).toObject();
        labels.insert(QStringLiteral("kubernetes.io/metadata.name"), name);
        md.insert(QStringLiteral("labels"), labels);
        o.insert(kMetadata, md);
        if (!o.value(QStringLiteral("status")).toObject().contains(QStringLiteral("phase")))
            o.insert(QStringLiteral("status"),
                     QJsonObject {{QStringLiteral("phase"), QStringLiteral("Active")}});
    } else if (k == QLatin1String("Secret")) {
        if (!o.contains(QStringLiteral("type")))
            o.insert(QStringLiteral("type"), QStringLiteral("Opaque"));
        // stringData folds into base64 data, as the API server does.
        QJsonObject data = o.value(QStringLiteral("data")).toObject();
        const QJsonObject sd = o.value(QStringLiteral("stringData")).toObject();
        for (auto it = sd.begin(); it != sd.end(); ++it)
            data.insert(it.key(), QString::fromLatin1(it.value().toString().toUtf8().toBase64()));
        o.remove(QStringLiteral("stringData"));
        if (!data.isEmpty())
            o.insert(QStringLiteral("data"), data);
    } else if (k == QLatin1String("CustomResourceDefinition")) {
        const QJsonObject names = spec.value(QStringLiteral("names")).toObject();
        const QString group = spec.value(QStringLiteral("group")).toString();
        const QString plural = names.value(QStringLiteral("plural")).toString();
        if (group.isEmpty() || plural.isEmpty()
            || names.value(QStringLiteral("kind")).toString().isEmpty())
            throw ApiError::invalid(
                k, name, QStringLiteral("spec.names"),
                QStringLiteral("Required value: group, names.plural and names.kind"));
        if (name != plural + QLatin1Char('.') + group)
            throw ApiError::invalid(
                k, name, QStringLiteral("metadata.name"),
                QStringLiteral("Invalid value: \"%1\": must be spec.names.plural+\".\"+spec.group")
                    .arg(name));
        if (spec.value(QStringLiteral("versions")).toArray().isEmpty())
            throw ApiError::invalid(k, name, QStringLiteral("spec.versions"),
                                    QStringLiteral("Required value"));
        // As the API server's strategy does on create: the stored version recorded at once, the
        // names and conditions left for the controller (clients read status right away).
        if (!o.contains(QStringLiteral("status"))) {
            QJsonArray stored;
            for (const QJsonValue &v : spec.value(QStringLiteral("versions")).toArray())
                if (v.toObject().value(QStringLiteral("storage")).toBool())
                    stored.append(v.toObject().value(QStringLiteral("name")));
            o.insert(QStringLiteral("status"),
                     QJsonObject {{QStringLiteral("acceptedNames"),
                                   QJsonObject {{QStringLiteral("kind"), QString()},
                                                {QStringLiteral("plural"), QString()}}},
                                  {QStringLiteral("conditions"), QJsonArray()},
                                  {QStringLiteral("storedVersions"), stored}});
        }
        if (!names.contains(QStringLiteral("singular"))) {
            QJsonObject n = names;
            n.insert(QStringLiteral("singular"),
                     names.value(QStringLiteral("kind")).toString().toLower());
            n.insert(QStringLiteral("listKind"),
                     names.value(QStringLiteral("kind")).toString() + QStringLiteral("List"));
            spec.insert(QStringLiteral("names"), n);
        }
    }
    if (o.contains(kSpec) || !spec.isEmpty())
        o.insert(kSpec, spec);
    return o;
}

Admission::Webhooks Admission::registeredWebhooks() const
{
    Webhooks found;
    for (const QJsonObject &config : m_store.objects(
             QStringLiteral("admissionregistration.k8s.io/mutatingwebhookconfigurations"))) {
        for (const QJsonValue &hook : config.value(QStringLiteral("webhooks")).toArray()) {
            const QString service = hook.toObject()
                                        .value(QStringLiteral("clientConfig"))
                                        .toObject()
                                        .value(QStringLiteral("service"))
                                        .toObject()
                                        .value(QStringLiteral("name"))
                                        .toString();
            found.istio = found.istio || service == QLatin1String("istiod");
            found.linkerd = found.linkerd || service == QLatin1String("linkerd-proxy-injector");
        }
    }
    return found;
}

QJsonObject Admission::injectSidecars(QJsonObject pod, const QJsonObject &nsObject,
                                      Webhooks webhooks)
{
    const QJsonObject nsMeta = nsObject.value(kMetadata).toObject();
    const QJsonObject nsLabels = nsMeta.value(QStringLiteral("labels")).toObject();
    const QJsonObject nsAnnotations = nsMeta.value(QStringLiteral("annotations")).toObject();
    QJsonObject md = pod.value(kMetadata).toObject();
    QJsonObject labels = md.value(QStringLiteral("labels")).toObject();
    QJsonObject annotations = md.value(QStringLiteral("annotations")).toObject();
    QJsonObject spec = pod.value(kSpec).toObject();
    QJsonArray containers = spec.value(QStringLiteral("containers")).toArray();
    QJsonArray inits = spec.value(QStringLiteral("initContainers")).toArray();
    auto hasContainer = [&](const QString &n) {
        for (const QJsonValue &c : containers)
            if (c.toObject().value(QStringLiteral("name")).toString() == n)
                return true;
        return false;
    };

    const bool istioNs
        = nsLabels.value(QStringLiteral("istio-injection")).toString() == QLatin1String("enabled")
        || nsLabels.contains(QStringLiteral("istio.io/rev"));
    const QString podIstio = labels.value(QStringLiteral("sidecar.istio.io/inject")).toString();
    const bool istio = webhooks.istio
        && (podIstio == QLatin1String("true") || (istioNs && podIstio != QLatin1String("false")));
    if (istio && !hasContainer(QStringLiteral("istio-proxy"))) {
        const QString image = QStringLiteral("docker.io/istio/proxyv2:1.26.2");
        inits.append(QJsonObject {
            {QStringLiteral("name"), QStringLiteral("istio-init")},
            {QStringLiteral("image"), image},
            {QStringLiteral("args"),
             QJsonArray {QStringLiteral("istio-iptables"), QStringLiteral("-p"),
                         QStringLiteral("15001"), QStringLiteral("-z"), QStringLiteral("15006"),
                         QStringLiteral("-u"), QStringLiteral("1337")}}});
        containers.append(QJsonObject {
            {QStringLiteral("name"), QStringLiteral("istio-proxy")},
            {QStringLiteral("image"), image},
            {QStringLiteral("args"),
             QJsonArray {QStringLiteral("proxy"), QStringLiteral("sidecar")}},
            {QStringLiteral("ports"),
             QJsonArray {QJsonObject {{QStringLiteral("containerPort"), 15090},
                                      {QStringLiteral("name"), QStringLiteral("http-envoy-prom")},
                                      {QStringLiteral("protocol"), QStringLiteral("TCP")}}}},
            {QStringLiteral("readinessProbe"),
             QJsonObject {{QStringLiteral("httpGet"),
                           QJsonObject {{QStringLiteral("path"), QStringLiteral("/healthz/ready")},
                                        {QStringLiteral("port"), 15021}}}}}});
        annotations.insert(QStringLiteral("sidecar.istio.io/status"),
                           QStringLiteral("{\"initContainers\":[\"istio-init\"],\"containers\":["
                                          "\"istio-proxy\"],\"revision\":\"default\"}"));
        annotations.insert(QStringLiteral("prometheus.io/scrape"), QStringLiteral("true"));
        annotations.insert(QStringLiteral("prometheus.io/port"), QStringLiteral("15020"));
        labels.insert(QStringLiteral("security.istio.io/tlsMode"), QStringLiteral("istio"));
        labels.insert(QStringLiteral("service.istio.io/canonical-name"),
                      labels.value(QStringLiteral("app"))
                          .toString(md.value(QStringLiteral("name")).toString()));
        labels.insert(QStringLiteral("service.istio.io/canonical-revision"),
                      labels.value(QStringLiteral("version")).toString(QStringLiteral("latest")));
    }

    const QString podLinkerd = annotations.value(QStringLiteral("linkerd.io/inject")).toString();
    const bool linkerdNs = nsAnnotations.value(QStringLiteral("linkerd.io/inject")).toString()
        == QLatin1String("enabled");
    const bool linkerd = webhooks.linkerd
        && (podLinkerd == QLatin1String("enabled")
            || (linkerdNs && podLinkerd != QLatin1String("disabled")));
    if (linkerd && !istio && !hasContainer(QStringLiteral("linkerd-proxy"))) {
        inits.append(QJsonObject {
            {QStringLiteral("name"), QStringLiteral("linkerd-init")},
            {QStringLiteral("image"), QStringLiteral("cr.l5d.io/linkerd/proxy-init:v2.4.1")},
            {QStringLiteral("args"),
             QJsonArray {QStringLiteral("--incoming-proxy-port"), QStringLiteral("4143")}}});
        containers.insert(
            0,
            QJsonObject {
                {QStringLiteral("name"), QStringLiteral("linkerd-proxy")},
                {QStringLiteral("image"), QStringLiteral("cr.l5d.io/linkerd/proxy:stable-2.14.10")},
                {QStringLiteral("ports"),
                 QJsonArray {
                     QJsonObject {{QStringLiteral("containerPort"), 4143},
                                  {QStringLiteral("name"), QStringLiteral("linkerd-proxy")}},
                     QJsonObject {{QStringLiteral("containerPort"), 4191},
                                  {QStringLiteral("name"), QStringLiteral("linkerd-admin")}}}}});
        annotations.insert(QStringLiteral("linkerd.io/proxy-version"),
                           QStringLiteral("stable-2.14.10"));
        annotations.insert(QStringLiteral("linkerd.io/created-by"),
                           QStringLiteral("linkerd/proxy-injector stable-2.14.10"));
        labels.insert(QStringLiteral("linkerd.io/control-plane-ns"), QStringLiteral("linkerd"));
        labels.insert(QStringLiteral("linkerd.io/proxy-deployment"),
                      labels.value(QStringLiteral("app"))
                          .toString(md.value(QStringLiteral("name")).toString()));
    }
    spec.insert(QStringLiteral("containers"), containers);
    if (!inits.isEmpty())
        spec.insert(QStringLiteral("initContainers"), inits);
    if (!labels.isEmpty())
        md.insert(QStringLiteral("labels"), labels);
    if (!annotations.isEmpty())
        md.insert(QStringLiteral("annotations"), annotations);
    pod.insert(kMetadata, md);
    pod.insert(kSpec, spec);
    return pod;
}

} // namespace Meshdeck::Demo
