#pragma once

#include "configobjects.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

namespace Meshdeck::Mesh {

// Lookups the configuration checks make many times, built once in linear time: Services by their
// qualified host name, pods by label (so a selector is matched against the few pods that carry
// its rarest label, not every pod), DestinationRules by host, gateways by namespace/name, the
// mTLS mode each namespace gets, ReferenceGrants by target namespace.
class ConfigIndex
{
public:
    struct Service
    {
        QString ns, name;
        QMap<QString, QString> selector;
        QList<int> ports;
    };
    struct Pod
    {
        QString ns, name;
        QJsonObject metadata, spec, labels; // shared with the object, not copied
    };

    explicit ConfigIndex(const ConfigObjects &objects);

    // A Service by "name.ns.svc.cluster.local" (or nullptr).
    [[nodiscard]] const Service *serviceByHost(const QString &qualifiedHost) const;
    [[nodiscard]] const Service *service(const QString &ns, const QString &name) const;
    // Whether a ServiceEntry declares the host (exactly or by a wildcard).
    [[nodiscard]] bool serviceEntryHost(const QString &host) const;
    [[nodiscard]] const QJsonObject *namespaceObject(const QString &ns) const;
    // Whether some running or pending pod (in `ns`, or anywhere when empty) carries every label.
    [[nodiscard]] bool anyPodMatches(const QMap<QString, QString> &labels,
                                     const QString &ns = {}) const;
    // DestinationRules for a qualified host.
    [[nodiscard]] QList<const QJsonObject *> destinationRules(const QString &qualifiedHost) const
    {
        return m_rulesByHost.value(qualifiedHost);
    }
    [[nodiscard]] bool istioGateway(const QString &ns, const QString &name) const
    {
        return m_istioGateways.contains(ns + QLatin1Char('/') + name);
    }
    [[nodiscard]] bool gateway(const QString &ns, const QString &name) const
    {
        return m_gateways.contains(ns + QLatin1Char('/') + name);
    }
    // The mTLS mode PeerAuthentications give a namespace's workloads (namespace-wide policy,
    // else the mesh-wide one in istio-system, else PERMISSIVE), and the policy that sets it.
    [[nodiscard]] QString mtlsMode(const QString &ns, QString *policy = nullptr) const;
    // Whether a ReferenceGrant in `toNs` lets a route of kind `fromKind` (HTTPRoute,
    // GRPCRoute) in `fromNs` refer to Service `name`.
    [[nodiscard]] bool referencePermitted(const QString &fromKind, const QString &fromNs,
                                          const QString &toNs, const QString &name) const;
    [[nodiscard]] const QList<Pod> &pods() const { return m_pods; }

private:
    void indexPods(const ConfigObjects &objects); // m_pods, m_podsByLabel only
    void indexRouting(const ConfigObjects &objects); // everything else

    QHash<QString, Service> m_services; // by qualified host
    QSet<QString> m_entryHosts;
    QStringList m_entryWildcards; // "*.example.com" kept as ".example.com"
    QHash<QString, const QJsonObject *> m_namespaces;
    QList<Pod> m_pods; // running or pending only
    QHash<std::pair<QString, QString>, QList<int>> m_podsByLabel; // (key, value) -> m_pods
    QHash<QString, QList<const QJsonObject *>> m_rulesByHost;
    QSet<QString> m_istioGateways, m_gateways; // "ns/name"
    QHash<QString, QPair<QString, QString>> m_namespaceMtls; // ns -> (mode, policy)
    QPair<QString, QString> m_meshMtls;
    QHash<QString, QList<const QJsonObject *>> m_grantsByNs;
};

[[nodiscard]] QMap<QString, QString> stringMap(const QJsonObject &object);

// Fields every object has, for the checks.
namespace ConfigJson {
[[nodiscard]] QJsonObject metadata(const QJsonObject &o);
[[nodiscard]] QString nsOf(const QJsonObject &o);
[[nodiscard]] QString nameOf(const QJsonObject &o);
[[nodiscard]] QJsonObject specOf(const QJsonObject &o);
[[nodiscard]] QString indexed(const char *field, qsizetype i);
} // namespace ConfigJson

} // namespace Meshdeck::Mesh
