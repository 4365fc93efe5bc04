#include "meshvocabulary.h"

namespace Meshdeck::Telemetry {

namespace {

const QString IstioEdge = QStringLiteral(
    "source_workload, source_workload_namespace, source_canonical_service, "
    "source_canonical_revision, destination_workload, destination_workload_namespace, "
    "destination_canonical_service, destination_canonical_revision, destination_service_name");
const QString LinkerdEdge
    = QStringLiteral("namespace, deployment, dst_namespace, dst_deployment, dst_service");

EdgeKey istioKey(const QMap<QString, QString> &l)
{
    EdgeKey k;
    k.srcWorkload = l.value(QStringLiteral("source_workload"), QStringLiteral("unknown"));
    k.srcNamespace
        = l.value(QStringLiteral("source_workload_namespace"), QStringLiteral("unknown"));
    k.srcApp = l.value(QStringLiteral("source_canonical_service"), k.srcWorkload);
    k.srcVersion = l.value(QStringLiteral("source_canonical_revision"));
    k.dstWorkload = l.value(QStringLiteral("destination_workload"), QStringLiteral("unknown"));
    k.dstNamespace
        = l.value(QStringLiteral("destination_workload_namespace"), QStringLiteral("unknown"));
    k.dstApp = l.value(QStringLiteral("destination_canonical_service"), k.dstWorkload);
    k.dstVersion = l.value(QStringLiteral("destination_canonical_revision"));
    k.dstService = l.value(QStringLiteral("destination_service_name"));
    return k;
}

EdgeKey linkerdKey(const QMap<QString, QString> &l)
{
    EdgeKey k;
    k.srcWorkload = l.value(QStringLiteral("deployment"), QStringLiteral("unknown"));
    k.srcNamespace = l.value(QStringLiteral("namespace"), QStringLiteral("unknown"));
    k.srcApp = k.srcWorkload;
    k.dstWorkload = l.value(QStringLiteral("dst_deployment"), QStringLiteral("unknown"));
    k.dstNamespace = l.value(QStringLiteral("dst_namespace"), QStringLiteral("unknown"));
    k.dstApp = k.dstWorkload;
    k.dstService = l.value(QStringLiteral("dst_service"));
    return k;
}

} // namespace

QString EdgeKey::id() const
{
    return srcNamespace + QLatin1Char('/') + srcWorkload + QStringLiteral(" -> ") + dstNamespace
        + QLatin1Char('/') + dstWorkload + QLatin1Char('/') + dstService;
}

QStringList MeshVocabulary::queries(MeshKind mesh, int windowSeconds)
{
    const QString w = QStringLiteral("[%1s]").arg(std::max(10, windowSeconds));
    if (mesh == MeshKind::Istio) {
        const QString sel = QStringLiteral("{reporter=\"destination\"}");
        QStringList q;
        q << QStringLiteral(
                 "sum by (%1, response_code, connection_security_policy, request_protocol) "
                 "(rate(istio_requests_total%2%3))")
                 .arg(IstioEdge, sel, w);
        for (const char *quantile : {"0.5", "0.95", "0.99"})
            q << QStringLiteral("histogram_quantile(%1, sum by (le, %2) "
                                "(rate(istio_request_duration_milliseconds_bucket%3%4)))")
                     .arg(QLatin1String(quantile), IstioEdge, sel, w);
        q << QStringLiteral("sum by (%1) (rate(istio_tcp_sent_bytes_total%2%3)) + sum by (%1) "
                            "(rate(istio_tcp_received_bytes_total%2%3))")
                 .arg(IstioEdge, sel, w);
        q << QStringLiteral(
                 "sum by (namespace, app, version, cluster_name) "
                 "(rate(envoy_cluster_upstream_rq_retry{cluster_name=~\"outbound\\\\|.*\"}%1))")
                 .arg(w);
        return q;
    }
    const QString sel = QStringLiteral("{direction=\"outbound\"}");
    QStringList q;
    q << QStringLiteral("sum by (%1, classification, tls, status_code) (rate(response_total%2%3))")
             .arg(LinkerdEdge, sel, w);
    for (const char *quantile : {"0.5", "0.95", "0.99"})
        q << QStringLiteral(
                 "histogram_quantile(%1, sum by (le, %2) (rate(response_latency_ms_bucket%3%4)))")
                 .arg(QLatin1String(quantile), LinkerdEdge, sel, w);
    q << QStringLiteral("sum by (%1) (rate(tcp_write_bytes_total%2%3)) + sum by (%1) "
                        "(rate(tcp_read_bytes_total%2%3))")
             .arg(LinkerdEdge, sel, w);
    return q;
}

TelemetrySnapshot MeshVocabulary::interpret(MeshKind mesh, const QList<QueryResult> &results)
{
    TelemetrySnapshot out;
    const auto keyOf = [mesh](const QMap<QString, QString> &l) {
        return mesh == MeshKind::Istio ? istioKey(l) : linkerdKey(l);
    };
    if (!results.isEmpty()) {
        for (const Sample &s : results[0].samples) {
            TrafficSample t;
            t.key = keyOf(s.labels);
            t.rps = s.value;
            if (mesh == MeshKind::Istio) {
                t.responseCode = s.labels.value(QStringLiteral("response_code")).toInt();
                t.mtls = s.labels.value(QStringLiteral("connection_security_policy"))
                    == QLatin1String("mutual_tls");
                t.protocol
                    = s.labels.value(QStringLiteral("request_protocol"), QStringLiteral("http"));
            } else {
                t.responseCode = s.labels.value(QStringLiteral("status_code")).toInt();
                if (t.responseCode == 0) // gRPC and TCP failures are classified, not coded
                    t.responseCode = s.labels.value(QStringLiteral("classification"))
                            == QLatin1String("failure")
                        ? 500
                        : 200;
                t.mtls = s.labels.value(QStringLiteral("tls")) == QLatin1String("true");
                t.protocol = QStringLiteral("http");
            }
            out.traffic.append(t);
        }
    }
    QMap<QString, LatencySample> latency;
    for (int i = 1; i <= 3 && i < results.size(); ++i) {
        for (const Sample &s : results[i].samples) {
            const EdgeKey k = keyOf(s.labels);
            LatencySample &l = latency[k.id()];
            l.key = k;
            (i == 1 ? l.p50 : i == 2 ? l.p95 : l.p99) = s.value;
        }
    }
    out.latency = latency.values();
    if (results.size() > 4) {
        for (const Sample &s : results[4].samples)
            out.tcp.append({keyOf(s.labels), s.value});
    }
    if (mesh == MeshKind::Istio && results.size() > 5) {
        out.retriesMissing = results[5].samples.isEmpty();
        for (const Sample &s : results[5].samples) {
            // "outbound|9080||ratings.bookinfo.svc.cluster.local" (or "outbound|9080|v1|…")
            const QString host
                = s.labels.value(QStringLiteral("cluster_name")).section(QLatin1Char('|'), 3);
            if (host.isEmpty() || s.value <= 0)
                continue;
            out.retries.append(
                {s.labels.value(QStringLiteral("namespace")), s.labels.value(QStringLiteral("app")),
                 s.labels.value(QStringLiteral("version")), host.section(QLatin1Char('.'), 0, 0),
                 host.section(QLatin1Char('.'), 1, 1), s.value});
        }
    }
    for (const QueryResult &r : results)
        out.warnings += r.warnings;
    out.warnings.removeDuplicates();
    return out;
}

Result<TelemetrySnapshot> MeshVocabulary::fetch(const PrometheusClient &client, MeshKind mesh,
                                                int windowSeconds)
{
    QList<QueryResult> results;
    const QStringList q = queries(mesh, windowSeconds);
    for (int i = 0; i < q.size(); ++i) {
        auto r = client.query(q[i]);
        if (!r) {
            // Rates are essential; latency and TCP only decorate the edges.
            if (i == 0)
                return Unexpected(r.error());
            QueryResult empty;
            empty.warnings << r.error().message();
            empty.partial = true;
            results.append(empty);
            continue;
        }
        results.append(r.value());
    }
    TelemetrySnapshot s = interpret(mesh, results);
    s.queries = static_cast<int>(q.size());
    return s;
}

} // namespace Meshdeck::Telemetry
