#pragma once

#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

namespace Meshdeck::Topology {

enum class NodeType {
    Service,
    Workload,
    App,
    VersionedApp,
    Unknown,
    External,
    IngressGateway,
    EgressGateway,
    ServiceEntry
};
enum class Health { NoTraffic, Healthy, Degraded, Failure };
enum class GraphType { Workload, App, VersionedApp, Service };

[[nodiscard]] QString nodeTypeName(NodeType t); // "service", "workload", ...
[[nodiscard]] QString healthName(Health h); // "healthy", ...
[[nodiscard]] QString graphTypeName(GraphType t);
[[nodiscard]] bool graphTypeFromName(const QString &name, GraphType *out);

// The mesh configuration that governs the traffic reaching a node or taking an edge (the
// VirtualService and DestinationRule of the destination's Service), drawn as badges, and the
// configuration checks' findings about it.
struct RoutingBadges
{
    bool virtualService = false;
    bool circuitBreaker = false; // a DestinationRule with connection pool limits or ejection
    bool faultInjection = false; // the VirtualService delays or aborts requests
    bool timeouts = false; // the VirtualService sets a timeout or retries
    QStringList configErrors, configWarnings; // "MD0102 VirtualService ns/name"
};

struct Node : RoutingBadges
{
    QString id; // stable across refreshes: "workload:bookinfo/reviews-v2"
    NodeType type = NodeType::Workload;
    QString name; // what is drawn
    QString ns;
    QString app;
    QString version;
    QString workload;
    bool missingSidecar = false;
    bool noPods = false; // a Service whose selector matches no ready pod: its calls fail
    bool idle = true; // no traffic in or out in the window
    double inRps = 0;
    double outRps = 0;
    double errorPercent = 0; // of inbound requests: 4xx + 5xx
    Health health = Health::NoTraffic;
    int replicas = 0;
    int readyReplicas = 0;
    QPointF position; // set by a layout
};

// An edge's badges are its destination's routing (a workload is reached through the Services
// selecting it) and the findings about that routing.
struct Edge : RoutingBadges
{
    QString source; // node ids
    QString target;
    QString protocol = QStringLiteral("http"); // http, grpc, tcp
    double rps = 0;
    double percent4xx = 0;
    double percent5xx = 0;
    double p50 = -1, p95 = -1, p99 = -1; // ms, -1 unknown
    double bytesPerSecond = 0; // tcp
    double mtlsPercent = 0; // share of requests with mutual TLS
    double sharePercent = 0; // share of the source's outgoing requests taking this edge
    double retriesPerSecond = 0; // retries the source's proxies sent (Envoy's statistics)
    bool fromTelemetry = false; // false: derived from the API (a Service selecting a workload)
    Health health = Health::NoTraffic;

    [[nodiscard]] double errorPercent() const { return percent4xx + percent5xx; }
};

struct Graph
{
    GraphType type = GraphType::Workload;
    QList<Node> nodes;
    QList<Edge> edges;
    QStringList namespaces; // the namespaces drawn as boxes
    QStringList warnings; // why the graph is incomplete, for the banner
    bool hasTelemetry = false;
    bool retriesMissing = false; // Istio's proxies export no retry counters (proxyStatsMatcher)
    // Identity of the drawn geometry (node ids and positions, edge endpoints), set after layout
    // on the worker: a refresh with the same key changes only values, and the view can skip
    // rebuilding its geometry.
    quint64 geometryKey = 0;

    [[nodiscard]] int indexOf(const QString &id) const;
};

// Kiali's default thresholds: 5xx degraded above 0 %, failure from 10 %; 4xx degraded from
// 10 %, failure from 20 %.
[[nodiscard]] Health healthFor(double rps, double percent4xx, double percent5xx);

} // namespace Meshdeck::Topology
