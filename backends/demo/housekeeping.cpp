#include "housekeeping.h"

#include "controllercontext.h"
#include "objectfields.h"
#include "objectstore.h"
#include "ownership.h"

#include <QDateTime>
#include <QJsonArray>
#include <QMap>
#include <QSet>

namespace Meshdeck::Demo {

namespace {
const QString kMetadata = QStringLiteral("metadata");
constexpr char kRootCa[] = "kube-root-ca.crt";
} // namespace

Housekeeping::Housekeeping(ControllerContext &ctx)
    : m_ctx(ctx)
{
}

void Housekeeping::onDeleted(const QJsonObject &object, bool clusterScoped)
{
    const QString uid = metadataOf(object).value(QStringLiteral("uid")).toString();
    const QString ns = clusterScoped
        ? QString()
        : metadataOf(object).value(QStringLiteral("namespace")).toString();
    for (const Ownership::Dependent &d :
         Ownership::dependents(m_ctx.store, m_ctx.registry, uid, ns)) {
        QJsonObject o = d.object;
        QJsonObject m = metadataOf(o);
        const QString dns = m.value(QStringLiteral("namespace")).toString();
        const QString dname = m.value(QStringLiteral("name")).toString();
        if (d.type.kind == QLatin1String("Pod")
            && !o.value(QStringLiteral("spec"))
                    .toObject()
                    .value(QStringLiteral("nodeName"))
                    .toString()
                    .isEmpty()) {
            // Pods stop gracefully; the kubelet simulation removes them.
            if (!m.contains(QStringLiteral("deletionTimestamp"))) {
                m.insert(QStringLiteral("deletionTimestamp"), nowRfc3339());
                m.insert(QStringLiteral("deletionGracePeriodSeconds"), 30);
                o.insert(kMetadata, m);
                m_ctx.tryUpdate(d.type.storageKey(), o);
            }
        } else {
            m_ctx.tryRemove(d.type.storageKey(), dns, dname);
        }
    }
}

bool Housekeeping::isNamespaceDefault(const QString &storageKey, const QString &name)
{
    return (storageKey == QLatin1String("/serviceaccounts") && name == QLatin1String("default"))
        || (storageKey == QLatin1String("/configmaps") && name == QLatin1String(kRootCa));
}

void Housekeeping::publishDefaults(const QString &ns)
{
    const auto object = [&ns](const char *kind, const QString &name) {
        return QJsonObject {
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QLatin1String(kind)},
            {kMetadata,
             QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}}};
    };
    // The service account controller: pods run as "default" unless they name another.
    const QString accounts = QStringLiteral("/serviceaccounts");
    if (!m_ctx.store.tryGet(accounts, ns, QStringLiteral("default")))
        m_ctx.tryCreate(accounts, object("ServiceAccount", QStringLiteral("default")), ns);
    // The root CA publisher: the CA that verifies the API server, kept as published.
    if (m_ctx.rootCaPem.isEmpty())
        return;
    const QString configMaps = QStringLiteral("/configmaps");
    const QJsonObject data {{QStringLiteral("ca.crt"), QString::fromLatin1(m_ctx.rootCaPem)}};
    const auto current = m_ctx.store.tryGet(configMaps, ns, QLatin1String(kRootCa));
    if (!current) {
        QJsonObject published = object("ConfigMap", QLatin1String(kRootCa));
        published.insert(QStringLiteral("data"), data);
        m_ctx.tryCreate(configMaps, published, ns);
    } else if (current->value(QLatin1String("data")).toObject() != data
               && !metadataOf(*current).contains(QStringLiteral("deletionTimestamp"))) {
        QJsonObject restored = *current;
        restored.insert(QStringLiteral("data"), data);
        m_ctx.tryUpdate(configMaps, restored);
    }
}

void Housekeeping::syncNamespace(const QString &name)
{
    const auto ns = m_ctx.store.tryGet(QStringLiteral("/namespaces"), QString(), name);
    if (!ns)
        return;
    if (!metadataOf(*ns).contains(QStringLiteral("deletionTimestamp"))) {
        publishDefaults(name);
        return;
    }
    // Delete the contents; an object with finalizers is marked and waits for them, and so does
    // the namespace, saying why in its conditions.
    QSet<QString> seen;
    QMap<QString, int> remaining; // plural -> objects left
    QMap<QString, int> held; // finalizer -> objects it holds
    for (const ResourceType &t : m_ctx.registry.all()) {
        if (!t.namespaced || seen.contains(t.storageKey()))
            continue;
        seen.insert(t.storageKey());
        for (QJsonObject o : m_ctx.store.objects(t.storageKey(), name)) {
            QJsonObject md = metadataOf(o);
            const QJsonArray finalizers = md.value(QStringLiteral("finalizers")).toArray();
            if (finalizers.isEmpty()) {
                m_ctx.tryRemove(t.storageKey(), name, md.value(QStringLiteral("name")).toString());
                continue;
            }
            remaining[t.qualifiedPlural()] += 1;
            for (const QJsonValue &f : finalizers)
                held[f.toString()] += 1;
            if (!md.contains(QStringLiteral("deletionTimestamp"))) {
                md.insert(QStringLiteral("deletionTimestamp"),
                          QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
                md.insert(QStringLiteral("deletionGracePeriodSeconds"), 0);
                o.insert(kMetadata, md);
                m_ctx.tryUpdate(t.storageKey(), o);
            }
        }
    }
    const bool ownFinalizers
        = !metadataOf(*ns).value(QStringLiteral("finalizers")).toArray().isEmpty();
    if (remaining.isEmpty() && !ownFinalizers) {
        m_ctx.tryRemove(QStringLiteral("/namespaces"), QString(), name);
        return;
    }
    QStringList content;
    for (auto it = remaining.cbegin(); it != remaining.cend(); ++it)
        content << QStringLiteral("%1 has %2 resource instances").arg(it.key()).arg(it.value());
    QStringList finalizers;
    for (auto it = held.cbegin(); it != held.cend(); ++it)
        finalizers << QStringLiteral("%1 in %2 resource instances").arg(it.key()).arg(it.value());
    const auto condition
        = [](const char *type, bool on, const char *reason, const QString &message) {
              return QJsonObject {
                  {QStringLiteral("type"), QLatin1String(type)},
                  {QStringLiteral("status"), on ? QStringLiteral("True") : QStringLiteral("False")},
                  {QStringLiteral("reason"),
                   on ? QLatin1String(reason) : QLatin1String(reason) + QStringLiteral("Done")},
                  {QStringLiteral("message"), message}};
          };
    const QJsonArray conditions {
        condition("NamespaceContentRemaining", !content.isEmpty(), "SomeResourcesRemain",
                  content.isEmpty() ? QStringLiteral("All resources successfully removed")
                                    : QStringLiteral("Some resources are remaining: ")
                          + content.join(QStringLiteral(", "))),
        condition("NamespaceFinalizersRemaining", !finalizers.isEmpty(), "SomeFinalizersRemain",
                  finalizers.isEmpty()
                      ? QStringLiteral("All content-preserving finalizers finished")
                      : QStringLiteral("Some content in the namespace has finalizers remaining: ")
                          + finalizers.join(QStringLiteral(", ")))};
    QJsonObject status = ns->value(QStringLiteral("status")).toObject();
    if (status.value(QStringLiteral("conditions")).toArray() != conditions) {
        QJsonObject updated = *ns;
        status.insert(QStringLiteral("phase"), QStringLiteral("Terminating"));
        status.insert(QStringLiteral("conditions"), conditions);
        updated.insert(QStringLiteral("status"), status);
        m_ctx.tryUpdate(QStringLiteral("/namespaces"), updated);
    }
    m_ctx.after(200, [this, name] { syncNamespace(name); });
}

void Housekeeping::removeIfFinalized(const QString &storageKey, const QJsonObject &object)
{
    const QJsonObject m = metadataOf(object);
    if (m.contains(QStringLiteral("deletionTimestamp"))
        && m.value(QStringLiteral("finalizers")).toArray().isEmpty()
        && storageKey != QLatin1String("/namespaces") && storageKey != QLatin1String("/pods"))
        m_ctx.tryRemove(storageKey, m.value(QStringLiteral("namespace")).toString(),
                        m.value(QStringLiteral("name")).toString());
}

void Housekeeping::syncCustomResourceDefinition(const QString &name, bool deleted,
                                                const QJsonObject &last)
{
    const QString key = QStringLiteral("apiextensions.k8s.io/customresourcedefinitions");
    const auto crd
        = deleted ? std::optional<QJsonObject>() : m_ctx.store.tryGet(key, QString(), name);
    const QJsonObject source = crd ? *crd : last;
    const QJsonObject spec = source.value(QStringLiteral("spec")).toObject();
    const QString group = spec.value(QStringLiteral("group")).toString();
    const QJsonObject names = spec.value(QStringLiteral("names")).toObject();
    const QString plural = names.value(QStringLiteral("plural")).toString();
    if (!crd || metadataOf(*crd).contains(QStringLiteral("deletionTimestamp"))) {
        // Its objects go with it.
        const QString storage = group + QLatin1Char('/') + plural;
        for (const QJsonObject &o : m_ctx.store.objects(storage))
            m_ctx.tryRemove(storage, metadataOf(o).value(QStringLiteral("namespace")).toString(),
                            metadataOf(o).value(QStringLiteral("name")).toString());
        m_ctx.registry.removeCustom(group, plural);
        if (crd)
            m_ctx.tryRemove(key, QString(), name);
        return;
    }
    QList<ResourceType> types;
    QJsonArray stored;
    for (const QJsonValue &v : spec.value(QStringLiteral("versions")).toArray()) {
        const QJsonObject version = v.toObject();
        if (version.value(QStringLiteral("storage")).toBool())
            stored.append(version.value(QStringLiteral("name")));
        if (!version.value(QStringLiteral("served")).toBool(true))
            continue;
        ResourceType t;
        t.group = group;
        t.version = version.value(QStringLiteral("name")).toString();
        t.kind = names.value(QStringLiteral("kind")).toString();
        t.plural = plural;
        t.singular = names.value(QStringLiteral("singular")).toString(t.kind.toLower());
        t.namespaced = spec.value(QStringLiteral("scope")).toString() != QLatin1String("Cluster");
        for (const QJsonValue &s : names.value(QStringLiteral("shortNames")).toArray())
            t.shortNames << s.toString();
        for (const QJsonValue &c : names.value(QStringLiteral("categories")).toArray())
            t.categories << c.toString();
        const QJsonObject sub = version.value(QStringLiteral("subresources")).toObject();
        if (sub.contains(QStringLiteral("status")))
            t.subresources << QStringLiteral("status");
        if (sub.contains(QStringLiteral("scale")))
            t.subresources << QStringLiteral("scale");
        const QJsonArray columns
            = version.value(QStringLiteral("additionalPrinterColumns")).toArray();
        if (!columns.isEmpty())
            t.crdPrinterColumns = QJsonObject {{QStringLiteral("columns"), columns}};
        t.schema = version.value(QStringLiteral("schema"))
                       .toObject()
                       .value(QStringLiteral("openAPIV3Schema"))
                       .toObject();
        t.custom = true;
        types << t;
    }
    m_ctx.registry.addCustom(types);

    QJsonObject status = crd->value(QStringLiteral("status")).toObject();
    const auto cond = [](const char *type, const char *reason, const char *message) {
        return QJsonObject {{QStringLiteral("type"), QString::fromLatin1(type)},
                            {QStringLiteral("status"), QStringLiteral("True")},
                            {QStringLiteral("reason"), QString::fromLatin1(reason)},
                            {QStringLiteral("message"), QString::fromLatin1(message)},
                            {QStringLiteral("lastTransitionTime"), nowRfc3339()}};
    };
    QJsonObject next = status;
    next.insert(QStringLiteral("acceptedNames"), spec.value(QStringLiteral("names")));
    next.insert(QStringLiteral("storedVersions"), stored);
    if (status.value(QStringLiteral("conditions")).toArray().isEmpty())
        next.insert(QStringLiteral("conditions"),
                    QJsonArray {cond("NamesAccepted", "NoConflicts", "no conflicts found"),
                                cond("Established", "InitialNamesAccepted",
                                     "the initial names have been accepted")});
    if (next != status) {
        QJsonObject updated = *crd;
        updated.insert(QStringLiteral("status"), next);
        m_ctx.tryUpdate(key, updated);
    }
}

} // namespace Meshdeck::Demo
