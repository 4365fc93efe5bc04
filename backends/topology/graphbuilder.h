#pragma once

#include "clustersnapshot.h"
#include "graph.h"

#include <telemetry/meshvocabulary.h>

namespace Meshdeck::Topology {

struct BuildOptions
{
    GraphType type = GraphType::Workload;
    QStringList namespaces; // empty: all but kube-system, kube-public and kube-node-lease
    // Nodes and API-derived edges without traffic in the window. Only applies when there is
    // telemetry: without it, everything the API knows is shown.
    bool includeIdle = false;
    bool serviceNodes = true; // workload and app graphs: a service node between caller and callee
};

// The graph builder: a pure function from what the API says (services, workloads, selectors,
// routing objects) and what the telemetry measured (rates by response code, latency
// percentiles, TCP bytes, mTLS) to nodes and edges with health and badges. Without telemetry
// the graph still shows services selecting workloads.
[[nodiscard]] Graph buildGraph(const ClusterSnapshot &cluster,
                               const Telemetry::TelemetrySnapshot *telemetry,
                               const BuildOptions &options);

} // namespace Meshdeck::Topology
