#include "resourcetype.h"

#include <QRegularExpression>

#include <algorithm>
#include <tuple>

namespace Meshdeck::Demo {

namespace {
ResourceType make(const char *group, const char *version, const char *kind, const char *plural,
                  bool namespaced, QStringList shortNames = {}, QStringList subresources = {},
                  QStringList categories = {})
{
    ResourceType t;
    t.group = QString::fromLatin1(group);
    t.version = QString::fromLatin1(version);
    t.kind = QString::fromLatin1(kind);
    t.plural = QString::fromLatin1(plural);
    t.singular = t.kind.toLower();
    t.namespaced = namespaced;
    t.shortNames = std::move(shortNames);
    t.subresources = std::move(subresources);
    t.categories = std::move(categories);
    return t;
}

const QStringList kAll = {QStringLiteral("all")};

bool versionBefore(const QString &a, const QString &b)
{
    static const QRegularExpression kube(QStringLiteral("^v(\\d+)(?:(alpha|beta)(\\d+))?$"));
    const auto ma = kube.match(a);
    const auto mb = kube.match(b);
    if (ma.hasMatch() != mb.hasMatch())
        return ma.hasMatch();
    if (!ma.hasMatch())
        return a < b;
    const auto stability = [](const QRegularExpressionMatch &m) {
        return m.captured(2).isEmpty() ? 2 : m.captured(2) == QLatin1String("beta") ? 1 : 0;
    };
    if (stability(ma) != stability(mb))
        return stability(ma) > stability(mb);
    if (ma.captured(1).toInt() != mb.captured(1).toInt())
        return ma.captured(1).toInt() > mb.captured(1).toInt();
    return ma.captured(3).toInt() > mb.captured(3).toInt();
}
} // namespace

ResourceRegistry::ResourceRegistry()
{
    using S = QStringList;
    m_types = {
        make("", "v1", "Namespace", "namespaces", false, S {"ns"}, S {"status", "finalize"}),
        make("", "v1", "Node", "nodes", false, S {"no"}, S {"status", "proxy"}),
        make("", "v1", "Pod", "pods", true, S {"po"},
             S {"status", "log", "binding", "eviction", "exec", "attach", "portforward"}, kAll),
        make("", "v1", "Service", "services", true, S {"svc"}, S {"status", "proxy"}, kAll),
        make("", "v1", "Endpoints", "endpoints", true, S {"ep"}),
        make("", "v1", "ConfigMap", "configmaps", true, S {"cm"}),
        make("", "v1", "Secret", "secrets", true),
        make("", "v1", "ServiceAccount", "serviceaccounts", true, S {"sa"}),
        make("", "v1", "Event", "events", true, S {"ev"}),
        make("", "v1", "ResourceQuota", "resourcequotas", true, S {"quota"}, S {"status"}),
        make("", "v1", "LimitRange", "limitranges", true, S {"limits"}),
        make("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true, S {"pvc"},
             S {"status"}),
        make("apps", "v1", "Deployment", "deployments", true, S {"deploy"}, S {"status", "scale"},
             kAll),
        make("apps", "v1", "ReplicaSet", "replicasets", true, S {"rs"}, S {"status", "scale"},
             kAll),
        make("apps", "v1", "StatefulSet", "statefulsets", true, S {"sts"}, S {"status", "scale"},
             kAll),
        make("apps", "v1", "DaemonSet", "daemonsets", true, S {"ds"}, S {"status"}, kAll),
        make("apps", "v1", "ControllerRevision", "controllerrevisions", true),
        make("batch", "v1", "Job", "jobs", true, {}, S {"status"}, kAll),
        make("batch", "v1", "CronJob", "cronjobs", true, S {"cj"}, S {"status"}, kAll),
        make("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", true),
        make("events.k8s.io", "v1", "Event", "events", true, S {"ev"}),
        make("rbac.authorization.k8s.io", "v1", "Role", "roles", true),
        make("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true),
        make("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false),
        make("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false),
        make("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions",
             false, S {"crd", "crds"}, S {"status"}),
        make("admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration",
             "mutatingwebhookconfigurations", false),
        make("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration",
             "validatingwebhookconfigurations", false),
        make("networking.k8s.io", "v1", "Ingress", "ingresses", true, S {"ing"}, S {"status"}),
        make("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true, S {"netpol"}),
        make("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, S {"pdb"},
             S {"status"}),
        make("coordination.k8s.io", "v1", "Lease", "leases", true),
        make("scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", false, S {"pc"}),
        make("storage.k8s.io", "v1", "StorageClass", "storageclasses", false, S {"sc"}),
    };
    // The metrics API (what metrics-server serves): read-only, filled by the demo's kubelet.
    for (auto [kind, plural, namespaced] :
         {std::tuple {"PodMetrics", "pods", true}, std::tuple {"NodeMetrics", "nodes", false}}) {
        ResourceType t = make("metrics.k8s.io", "v1beta1", kind, plural, namespaced);
        t.verbs = QStringList {QStringLiteral("get"), QStringLiteral("list")};
        m_types << t;
    }
    // Review kinds are create-only.
    for (auto [kind, plural] : {std::pair {"SelfSubjectAccessReview", "selfsubjectaccessreviews"},
                                std::pair {"SelfSubjectRulesReview", "selfsubjectrulesreviews"}}) {
        ResourceType t = make("authorization.k8s.io", "v1", kind, plural, false);
        t.verbs = QStringList {QStringLiteral("create")};
        m_types << t;
    }
}

std::optional<ResourceType> ResourceRegistry::find(const QString &group, const QString &version,
                                                   const QString &plural) const
{
    QReadLocker lock(&m_lock);
    for (const ResourceType &t : m_types) {
        if (t.group == group && t.version == version && t.plural == plural)
            return t;
    }
    return std::nullopt;
}

std::optional<ResourceType> ResourceRegistry::findKind(const QString &apiVersion,
                                                       const QString &kind) const
{
    QReadLocker lock(&m_lock);
    for (const ResourceType &t : m_types) {
        if (t.kind == kind && t.apiVersion() == apiVersion)
            return t;
    }
    return std::nullopt;
}

std::optional<ResourceType> ResourceRegistry::findByStorageKey(const QString &key) const
{
    QReadLocker lock(&m_lock);
    for (const ResourceType &t : m_types) {
        if (t.storageKey() == key)
            return t;
    }
    return std::nullopt;
}

QList<ResourceType> ResourceRegistry::all() const
{
    QReadLocker lock(&m_lock);
    return m_types;
}

QList<QPair<QString, QStringList>> ResourceRegistry::groups() const
{
    QReadLocker lock(&m_lock);
    QList<QPair<QString, QStringList>> out;
    for (const ResourceType &t : m_types) {
        auto it = std::find_if(out.begin(), out.end(),
                               [&](const auto &g) { return g.first == t.group; });
        if (it == out.end())
            out.append({t.group, {t.version}});
        else if (!it->second.contains(t.version))
            it->second.append(t.version);
    }
    // Kubernetes' version priority: GA before beta before alpha, higher numbers first, other
    // names last in alphabetical order; the first is the group's preferred version.
    for (auto &[group, versions] : out)
        std::sort(versions.begin(), versions.end(), versionBefore);
    return out;
}

void ResourceRegistry::addCustom(const QList<ResourceType> &types)
{
    QWriteLocker lock(&m_lock);
    for (const ResourceType &t : types) {
        m_types.removeIf([&](const ResourceType &e) {
            return e.group == t.group && e.version == t.version && e.plural == t.plural;
        });
        m_types.append(t);
    }
}

void ResourceRegistry::removeCustom(const QString &group, const QString &plural)
{
    QWriteLocker lock(&m_lock);
    m_types.removeIf(
        [&](const ResourceType &e) { return e.custom && e.group == group && e.plural == plural; });
}

} // namespace Meshdeck::Demo
