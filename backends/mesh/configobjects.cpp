#include "configobjects.h"

#include <kube/clustersession.h>
#include <kube/kubeclient.h>

namespace Meshdeck::Mesh {

namespace {

// A LIST of a CRD's kind at the first version the cluster serves; nothing when it serves none.
std::optional<QList<QJsonObject>> listServed(Kube::KubeClient &client, const char *group,
                                             std::initializer_list<const char *> versions,
                                             const char *resource, std::optional<Error> *failure)
{
    for (const char *version : versions) {
        auto r = client.list(
            QStringLiteral("/apis/%1/%2/%3")
                .arg(QLatin1String(group), QLatin1String(version), QLatin1String(resource)));
        if (r)
            return r->items;
        if (r.error().code() != ErrorCode::NotFound) {
            *failure = r.error();
            return std::nullopt;
        }
    }
    return std::nullopt;
}

} // namespace

int ConfigObjects::routingObjectCount() const
{
    return int(virtualServices.size() + destinationRules.size() + istioGateways.size()
               + serviceEntries.size() + peerAuthentications.size() + gateways.size()
               + httpRoutes.size() + grpcRoutes.size() + referenceGrants.size());
}

Result<ConfigObjects> ConfigObjects::fetch(Kube::KubeClient &client)
{
    ConfigObjects o;
    for (const auto &[path, target] :
         {std::pair {"/api/v1/namespaces", &o.namespaces},
          std::pair {"/api/v1/services", &o.services}, std::pair {"/api/v1/pods", &o.pods}}) {
        auto r = client.list(QLatin1String(path));
        if (!r)
            return Unexpected(r.error());
        *target = std::move(r->items);
    }
    std::optional<Error> failure;
    const auto optional = [&](const char *group, std::initializer_list<const char *> versions,
                              const char *resource, QList<QJsonObject> *target) {
        auto items = listServed(client, group, versions, resource, &failure);
        if (items)
            *target = std::move(*items);
        return items.has_value();
    };
    const auto istio = {"v1", "v1beta1", "v1alpha3"};
    o.istioServed = optional("networking.istio.io", istio, "virtualservices", &o.virtualServices);
    if (o.istioServed) {
        optional("networking.istio.io", istio, "destinationrules", &o.destinationRules);
        optional("networking.istio.io", istio, "gateways", &o.istioGateways);
        optional("networking.istio.io", istio, "serviceentries", &o.serviceEntries);
        optional("security.istio.io", {"v1", "v1beta1"}, "peerauthentications",
                 &o.peerAuthentications);
    }
    const auto gatewayApi = {"v1", "v1beta1"};
    o.gatewayApiServed
        = optional("gateway.networking.k8s.io", gatewayApi, "httproutes", &o.httpRoutes);
    if (o.gatewayApiServed) {
        optional("gateway.networking.k8s.io", gatewayApi, "gateways", &o.gateways);
        optional("gateway.networking.k8s.io", {"v1", "v1alpha2"}, "grpcroutes", &o.grpcRoutes);
        optional("gateway.networking.k8s.io", gatewayApi, "referencegrants", &o.referenceGrants);
    }
    if (failure)
        return Unexpected(*failure);
    return o;
}

std::optional<ConfigObjects> ConfigObjects::fromCache(const Kube::ClusterSession &session)
{
    ConfigObjects o;
    const auto core = [&](const char *kind, QList<QJsonObject> *target) {
        auto items = session.cachedObjects(QString(), QLatin1String(kind));
        if (items)
            *target = std::move(*items);
        return items.has_value();
    };
    if (!core("Namespace", &o.namespaces) || !core("Service", &o.services) || !core("Pod", &o.pods))
        return std::nullopt;
    const auto optional = [&](const char *group, const char *kind, QList<QJsonObject> *target) {
        auto items = session.cachedObjects(QLatin1String(group), QLatin1String(kind));
        if (items)
            *target = std::move(*items);
        return items.has_value();
    };
    o.istioServed = optional("networking.istio.io", "VirtualService", &o.virtualServices);
    optional("networking.istio.io", "DestinationRule", &o.destinationRules);
    optional("networking.istio.io", "Gateway", &o.istioGateways);
    optional("networking.istio.io", "ServiceEntry", &o.serviceEntries);
    optional("security.istio.io", "PeerAuthentication", &o.peerAuthentications);
    o.gatewayApiServed = optional("gateway.networking.k8s.io", "HTTPRoute", &o.httpRoutes);
    optional("gateway.networking.k8s.io", "Gateway", &o.gateways);
    optional("gateway.networking.k8s.io", "GRPCRoute", &o.grpcRoutes);
    optional("gateway.networking.k8s.io", "ReferenceGrant", &o.referenceGrants);
    return o;
}

} // namespace Meshdeck::Mesh
