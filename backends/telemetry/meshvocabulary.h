#pragma once

#include "prometheusclient.h"

namespace Meshdeck::Telemetry {

// Which mesh's metric names and labels to read.
enum class MeshKind { Istio, Linkerd };

// Both ends of a request, as the mesh's telemetry names them.
struct EdgeKey
{
    QString srcWorkload, srcNamespace, srcApp, srcVersion;
    QString dstWorkload, dstNamespace, dstApp, dstVersion, dstService;
    [[nodiscard]] QString id() const; // stable key for joining rate, latency and TCP samples
};

// Requests per second on one edge for one response code and security.
struct TrafficSample
{
    EdgeKey key;
    QString protocol; // http, grpc, tcp
    int responseCode = 0;
    bool mtls = false;
    double rps = 0;
};

struct LatencySample
{
    EdgeKey key;
    double p50 = -1, p95 = -1, p99 = -1; // milliseconds; -1: unknown
};

struct TcpSample
{
    EdgeKey key;
    double bytesPerSecond = 0;
};

// Retries a source's proxies sent towards a Service (Envoy's envoy_cluster_upstream_rq_retry for
// the outbound cluster, labelled by the scrape with the source pod's namespace, app, version).
struct RetrySample
{
    QString srcNamespace, srcApp, srcVersion;
    QString dstService, dstNamespace;
    double perSecond = 0;
};

// What one refresh read from Prometheus.
struct TelemetrySnapshot
{
    QList<TrafficSample> traffic;
    QList<LatencySample> latency;
    QList<TcpSample> tcp;
    QList<RetrySample> retries; // Istio, where its proxies export the cluster statistics
    // Istio's proxies export no retry counters at all: Envoy's cluster statistics are left out
    // unless the mesh's proxyStatsMatcher includes them.
    bool retriesMissing = false;
    QStringList warnings;
    int queries = 0; // PromQL requests made; independent of the number of namespaces
};

// The PromQL for each mesh, grouped so that one refresh makes the same few requests however
// many namespaces the cluster has (namespaces are filtered after, not per query).
// Istio: istio_requests_total, istio_request_duration_milliseconds_bucket and
// istio_tcp_sent/received_bytes_total, reporter="destination", and Envoy's
// envoy_cluster_upstream_rq_retry for outbound clusters. Linkerd: response_total and
// response_latency_ms_bucket, direction="outbound" (dst_* labels, classification, tls).
class MeshVocabulary
{
public:
    [[nodiscard]] static QStringList queries(MeshKind mesh, int windowSeconds);
    [[nodiscard]] static Result<TelemetrySnapshot> fetch(const PrometheusClient &client,
                                                         MeshKind mesh, int windowSeconds);
    // Turns query answers into samples (public for tests): results in the order of queries().
    [[nodiscard]] static TelemetrySnapshot interpret(MeshKind mesh,
                                                     const QList<QueryResult> &results);
};

} // namespace Meshdeck::Telemetry
