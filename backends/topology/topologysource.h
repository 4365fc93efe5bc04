#pragma once

#include "graphbuilder.h"

#include <telemetry/prometheusclient.h>

#include <optional>

namespace Meshdeck::Topology {

// One refresh of the topology: the cluster's objects from the API, the mesh's telemetry from
// Prometheus (discovered when not given), the graph built from both. When Prometheus is missing
// or failing the graph still comes back, from the API alone, with a warning that says why.
struct RefreshRequest
{
    // Layered reads best up to a couple of thousand nodes; beyond, force-directed (Auto).
    enum class Layout { Auto, Layered, Force };
    BuildOptions build;
    Layout layout = Layout::Auto;
    int windowSeconds = 60;
    Telemetry::MeshKind mesh = Telemetry::MeshKind::Istio;
    // Read the telemetry in the vocabulary of the mesh whose sidecars the pods carry (Linkerd
    // when its proxies outnumber Istio's), `mesh` when no pod has one.
    bool detectMesh = true;
    std::optional<Telemetry::PrometheusEndpoint> prometheus; // none: discover in the cluster
};

struct RefreshResult
{
    Graph graph;
    Telemetry::TelemetrySnapshot telemetry;
    QString prometheusProblem; // empty when the telemetry was read
    QString prometheus; // where it was read from
    std::optional<Telemetry::PrometheusEndpoint> endpoint; // for follow-up range queries
    int promqlRequests = 0;
    Telemetry::MeshKind mesh = Telemetry::MeshKind::Istio; // the vocabulary read
};

[[nodiscard]] Result<RefreshResult> refreshTopology(std::shared_ptr<Kube::KubeClient> kube,
                                                    const RefreshRequest &request);
// The same from a connected session: the cluster's objects from its informers' cache (no LIST),
// falling back to LISTs only while the cache has not synced yet.
[[nodiscard]] Result<RefreshResult> refreshTopology(const Kube::ClusterSession &session,
                                                    const RefreshRequest &request);

} // namespace Meshdeck::Topology
