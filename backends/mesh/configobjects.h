#pragma once

#include <core/result.h>

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Meshdeck::Kube {
class ClusterSession;
class KubeClient;
} // namespace Meshdeck::Kube

namespace Meshdeck::Mesh {

// What the configuration checks read: the workloads' side (namespaces, services, pods) and the
// routing objects of Istio and of the Gateway API, as the API returns them. A kind whose CRD the
// cluster does not serve is an empty list, and the matching flag says so.
struct ConfigObjects
{
    QList<QJsonObject> namespaces, services, pods;
    // networking.istio.io and security.istio.io
    QList<QJsonObject> virtualServices, destinationRules, istioGateways, serviceEntries;
    QList<QJsonObject> peerAuthentications;
    // gateway.networking.k8s.io
    QList<QJsonObject> gateways, httpRoutes, grpcRoutes, referenceGrants;
    bool istioServed = false; // the cluster serves networking.istio.io
    bool gatewayApiServed = false; // the cluster serves gateway.networking.k8s.io

    // LISTs every kind (a missing CRD is no error).
    [[nodiscard]] static Result<ConfigObjects> fetch(Kube::KubeClient &client);
    // From a session's cache, without a request; nothing while the core kinds have not listed.
    [[nodiscard]] static std::optional<ConfigObjects>
    fromCache(const Kube::ClusterSession &session);

    [[nodiscard]] int routingObjectCount() const;
};

} // namespace Meshdeck::Mesh
