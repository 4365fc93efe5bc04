#include "topologysource.h"

#include <kube/clustersession.h>
#include <kube/kubeclient.h>

namespace Meshdeck::Topology {

namespace {

Result<RefreshResult> refreshFrom(const ClusterSnapshot &snapshot,
                                  std::shared_ptr<Kube::KubeClient> kube,
                                  const std::optional<QList<QJsonObject>> &cachedServices,
                                  const RefreshRequest &request)
{
    const ClusterSnapshot *cluster = &snapshot;
    RefreshResult out;
    out.mesh = request.mesh;
    if (request.detectMesh && (cluster->istioProxies > 0 || cluster->linkerdProxies > 0))
        out.mesh = cluster->linkerdProxies > cluster->istioProxies ? Telemetry::MeshKind::Linkerd
                                                                   : Telemetry::MeshKind::Istio;
    auto endpoint = request.prometheus ? Result<Telemetry::PrometheusEndpoint>(*request.prometheus)
        : cachedServices ? Telemetry::PrometheusClient::discoverAmong(kube, *cachedServices)
                         : Telemetry::PrometheusClient::discover(kube);
    const Telemetry::TelemetrySnapshot *telemetry = nullptr;
    if (!endpoint) {
        out.prometheusProblem = endpoint.error().message();
    } else {
        const Telemetry::PrometheusClient client(endpoint.value());
        out.prometheus = endpoint->describe();
        out.endpoint = endpoint.value();
        auto snapshot = Telemetry::MeshVocabulary::fetch(client, out.mesh, request.windowSeconds);
        out.promqlRequests = client.requestCount();
        if (snapshot) {
            out.telemetry = snapshot.value();
            telemetry = &out.telemetry;
        } else {
            out.prometheusProblem = snapshot.error().message();
        }
    }
    out.graph = buildGraph(*cluster, telemetry, request.build);
    if (!out.prometheusProblem.isEmpty())
        out.graph.warnings << out.prometheusProblem;
    out.graph.warnings << out.telemetry.warnings;
    return out;
}

} // namespace

Result<RefreshResult> refreshTopology(std::shared_ptr<Kube::KubeClient> kube,
                                      const RefreshRequest &request)
{
    const auto cluster = ClusterSnapshot::fetch(*kube);
    if (!cluster)
        return Unexpected(cluster.error());
    return refreshFrom(cluster.value(), std::move(kube), std::nullopt, request);
}

Result<RefreshResult> refreshTopology(const Kube::ClusterSession &session,
                                      const RefreshRequest &request)
{
    if (const auto cached = ClusterSnapshot::fromCache(session))
        return refreshFrom(*cached, session.client(),
                           session.cachedObjects(QString(), QStringLiteral("Service")), request);
    return refreshTopology(session.client(), request);
}

} // namespace Meshdeck::Topology
