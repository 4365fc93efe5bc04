#include "topologysource.h"

#include <kube/kubeclient.h>

namespace Meshdeck::Topology {

Result<RefreshResult> refreshTopology(std::shared_ptr<Kube::KubeClient> kube,
                                      const RefreshRequest &request)
{
    auto cluster = ClusterSnapshot::fetch(*kube);
    if (!cluster)
        return Unexpected(cluster.error());
    RefreshResult out;
    out.mesh = request.mesh;
    if (request.detectMesh && (cluster->istioProxies > 0 || cluster->linkerdProxies > 0))
        out.mesh = cluster->linkerdProxies > cluster->istioProxies ? Telemetry::MeshKind::Linkerd
                                                                   : Telemetry::MeshKind::Istio;
    auto endpoint = request.prometheus ? Result<Telemetry::PrometheusEndpoint>(*request.prometheus)
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
    out.graph = buildGraph(cluster.value(), telemetry, request.build);
    if (!out.prometheusProblem.isEmpty())
        out.graph.warnings << out.prometheusProblem;
    out.graph.warnings << out.telemetry.warnings;
    return out;
}

} // namespace Meshdeck::Topology
