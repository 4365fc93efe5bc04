#include "meshtelemetry.h"

#include <array>
#include <cstdio>

namespace Meshdeck::Demo {

namespace {

// Istio's default buckets for istio_request_duration_milliseconds.
constexpr std::array<double, 19> Buckets {0.5,   1,      5,      10,      25,     50,    100,
                                          250,   500,    1000,   2500,    5000,   10000, 30000,
                                          60000, 300000, 600000, 1800000, 3600000};

// Linkerd's proxy buckets for response_latency_ms.
constexpr std::array<double, 25> LinkerdBuckets {
    1,   2,   3,    4,    5,    10,   20,   30,    40,    50,    100,   200,  300,
    400, 500, 1000, 2000, 3000, 4000, 5000, 10000, 20000, 30000, 40000, 50000};

std::string quote(const std::string &v)
{
    std::string out;
    for (const char c : v) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c == '\n' ? 'n' : c;
    }
    return out;
}

struct Labels
{
    std::string text;
    void add(const char *k, const std::string &v)
    {
        if (!text.empty())
            text += ',';
        text += k;
        text += "=\"";
        text += quote(v);
        text += '"';
    }
};

void histogram(std::string &out, const char *name, const std::string &labels, const double *bounds,
               std::size_t n, const std::vector<unsigned long long> &buckets,
               unsigned long long count, double sum)
{
    char number[64];
    unsigned long long cumulative = 0;
    for (std::size_t i = 0; i < n; ++i) {
        cumulative += buckets[i];
        std::snprintf(number, sizeof number, "%g", bounds[i]);
        out += std::string(name) + "_bucket{" + labels + ",le=\"" + number + "\"} "
            + std::to_string(cumulative) + '\n';
    }
    out += std::string(name) + "_bucket{" + labels + ",le=\"+Inf\"} " + std::to_string(count)
        + '\n';
    std::snprintf(number, sizeof number, "%.3f", sum);
    out += std::string(name) + "_sum{" + labels + "} " + number + '\n';
    out += std::string(name) + "_count{" + labels + "} " + std::to_string(count) + '\n';
}

} // namespace

std::string MeshWorkload::encode() const
{
    return name + '|' + ns + '|' + app + '|' + version;
}

MeshWorkload MeshWorkload::decode(const std::string &text)
{
    MeshWorkload w;
    std::string *parts[] = {&w.name, &w.ns, &w.app, &w.version};
    std::size_t start = 0;
    for (std::string *part : parts) {
        const auto bar = text.find('|', start);
        *part = text.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
        if (bar == std::string::npos)
            break;
        start = bar + 1;
    }
    return w.name.empty() ? unknown() : w;
}

MeshWorkload MeshWorkload::unknown()
{
    return {"unknown", "unknown", "unknown", "unknown"};
}

void MeshTelemetry::record(bool destinationReporter, const MeshWorkload &s, const MeshWorkload &d,
                           const std::string &service, int code, double ms, bool mtls,
                           const std::string &flags)
{
    const std::string key = std::string(destinationReporter ? "d|" : "s|") + s.encode() + '|'
        + d.encode() + '|' + service + '|' + std::to_string(code) + (mtls ? "|m|" : "|p|") + flags;
    std::lock_guard lock(m_mutex);
    Series &series = m_series[key];
    if (series.istioBuckets.empty()) {
        series.destinationReporter = destinationReporter;
        series.source = s;
        series.destination = d;
        series.service = service;
        series.code = code;
        series.mtls = mtls;
        series.flags = flags;
        series.istioBuckets.assign(Buckets.size(), 0);
        series.linkerdBuckets.assign(LinkerdBuckets.size(), 0);
    }
    ++series.count;
    series.sum += ms;
    for (std::size_t i = 0; i < Buckets.size(); ++i) {
        if (ms <= Buckets[i]) {
            ++series.istioBuckets[i];
            break;
        }
    }
    for (std::size_t i = 0; i < LinkerdBuckets.size(); ++i) {
        if (ms <= LinkerdBuckets[i]) {
            ++series.linkerdBuckets[i];
            break;
        }
    }
}

MeshTelemetry::Retries &MeshTelemetry::retriesOf(const MeshWorkload &source,
                                                 const std::string &cluster)
{
    Retries &r = m_retries[source.encode() + '|' + cluster];
    r.source = source;
    r.cluster = cluster;
    return r;
}

void MeshTelemetry::recordRetry(const MeshWorkload &source, const std::string &cluster, Retry what)
{
    std::lock_guard lock(m_mutex);
    Retries &r = retriesOf(source, cluster);
    (what == Retry::Sent ? r.sent : what == Retry::Succeeded ? r.succeeded : r.limitExceeded)++;
}

void MeshTelemetry::addCluster(const MeshWorkload &source, const std::string &cluster)
{
    std::lock_guard lock(m_mutex);
    retriesOf(source, cluster);
}

void MeshTelemetry::envoy(std::string &out, const MeshView &view) const
{
    if (m_retries.empty())
        return;
    const struct
    {
        const char *name;
        unsigned long long Retries::*count;
        const char *help;
    } stats[] = {
        {"envoy_cluster_upstream_rq_retry", &Retries::sent, "Total request retries."},
        {"envoy_cluster_upstream_rq_retry_success", &Retries::succeeded,
         "Total request retry successes."},
        {"envoy_cluster_upstream_rq_retry_limit_exceeded", &Retries::limitExceeded,
         "Total requests not retried due to exceeding the configured number of maximum retries."},
    };
    for (const auto &stat : stats) {
        out += std::string("# HELP ") + stat.name + ' ' + stat.help + "\n# TYPE " + stat.name
            + " counter\n";
        for (const auto &[key, r] : m_retries) {
            std::string cluster = r.cluster;
            if (!view.ns.empty())
                if (const auto at = cluster.find(".bookinfo."); at != std::string::npos)
                    cluster.replace(at + 1, 8, view.ns);
            Labels l;
            l.add("cluster_name", cluster);
            l.add("namespace",
                  !view.ns.empty() && r.source.ns == "bookinfo" ? view.ns : r.source.ns);
            l.add("app", r.source.app);
            l.add("version", r.source.version);
            out += std::string(stat.name) + '{' + l.text + "} " + std::to_string(r.*stat.count)
                + '\n';
        }
    }
}

std::string MeshTelemetry::exposition(const MeshView &view) const
{
    std::string out;
    out.reserve(64 * 1024);
    std::lock_guard lock(m_mutex);
    if (view.vocabulary == MeshView::Vocabulary::Istio) {
        istio(out, view);
        envoy(out, view);
    } else if (view.vocabulary == MeshView::Vocabulary::Linkerd)
        linkerd(out, view);
    return out;
}

void MeshTelemetry::istio(std::string &out, const MeshView &view) const
{
    const auto nsOf = [&view](const MeshWorkload &w) {
        return !view.ns.empty() && w.ns == "bookinfo" ? view.ns : w.ns;
    };
    const auto principal = [&](const MeshWorkload &w) {
        return w.name == "unknown"
            ? std::string("unknown")
            : "spiffe://cluster.local/ns/" + nsOf(w) + "/sa/bookinfo-" + w.app;
    };
    std::vector<std::pair<std::string, const Series *>> rendered;
    for (const auto &[key, series] : m_series) {
        const Series &x = series;
        const MeshWorkload &s = x.source;
        const MeshWorkload &d = x.destination;
        std::string service = x.service;
        if (!view.ns.empty())
            if (const auto at = service.find(".bookinfo."); at != std::string::npos)
                service.replace(at + 1, 8, view.ns);
        Labels l;
        l.add("reporter", x.destinationReporter ? "destination" : "source");
        l.add("source_workload", s.name);
        l.add("source_workload_namespace", nsOf(s));
        l.add("source_principal", x.mtls ? principal(s) : "unknown");
        l.add("source_app", s.app);
        l.add("source_version", s.version);
        l.add("source_canonical_service", s.app);
        l.add("source_canonical_revision", s.version);
        l.add("source_cluster", "Kubernetes");
        l.add("destination_workload", d.name);
        l.add("destination_workload_namespace", nsOf(d));
        l.add("destination_principal", x.mtls ? principal(d) : "unknown");
        l.add("destination_app", d.app);
        l.add("destination_version", d.version);
        l.add("destination_service", service);
        l.add("destination_service_name", service.substr(0, service.find('.')));
        l.add("destination_service_namespace", nsOf(d));
        l.add("destination_canonical_service", d.app);
        l.add("destination_canonical_revision", d.version);
        l.add("destination_cluster", "Kubernetes");
        l.add("request_protocol", "http");
        l.add("response_code", std::to_string(x.code));
        l.add("grpc_response_status", "");
        l.add("response_flags", !x.flags.empty() ? x.flags : x.code == 503 ? "UF" : "-");
        l.add("connection_security_policy",
              x.destinationReporter ? (x.mtls ? "mutual_tls" : "none") : "unknown");
        rendered.emplace_back(std::move(l.text), &x);
    }
    out += "# HELP istio_requests_total Total requests.\n# TYPE istio_requests_total counter\n";
    for (const auto &[labels, x] : rendered)
        out += "istio_requests_total{" + labels + "} " + std::to_string(x->count) + '\n';
    out += "# HELP istio_request_duration_milliseconds Request duration in milliseconds.\n"
           "# TYPE istio_request_duration_milliseconds histogram\n";
    for (const auto &[labels, x] : rendered)
        histogram(out, "istio_request_duration_milliseconds", labels, Buckets.data(),
                  Buckets.size(), x->istioBuckets, x->count, x->sum);
}

void MeshTelemetry::linkerd(std::string &out, const MeshView &view) const
{
    const auto nsOf = [&view](const MeshWorkload &w) {
        return !view.ns.empty() && w.ns == "bookinfo" ? view.ns : w.ns;
    };
    std::vector<std::pair<std::string, const Series *>> responses;
    for (const auto &[key, series] : m_series) {
        const Series &x = series;
        // Istio's ingress gateway is not part of a Linkerd mesh: its calls arrive unmeshed.
        const bool fromGateway = x.source.app == "istio-ingressgateway";
        if (fromGateway && !x.destinationReporter)
            continue;
        const MeshWorkload &self = x.destinationReporter ? x.destination : x.source;
        const std::string serviceName = x.service.substr(0, x.service.find('.'));
        const std::string ns = nsOf(x.destination);
        Labels l;
        l.add("direction", x.destinationReporter ? "inbound" : "outbound");
        l.add("authority", serviceName + '.' + ns + ".svc.cluster.local:9080");
        l.add("namespace", nsOf(self));
        l.add("deployment", self.name);
        l.add("pod", self.name + "-5d8f7c9b4-demo");
        if (!x.destinationReporter) {
            l.add("dst_namespace", ns);
            l.add("dst_deployment", x.destination.name);
            l.add("dst_service", serviceName);
            l.add("dst_serviceaccount", "bookinfo-" + x.destination.app);
        } else if (!fromGateway && x.mtls) {
            l.add("client_id",
                  "bookinfo-" + x.source.app + '.' + nsOf(x.source)
                      + ".serviceaccount.identity.linkerd.cluster.local");
        }
        const bool tls = x.mtls && !fromGateway;
        l.add("tls", tls ? "true" : "no_identity");
        if (!tls)
            l.add("no_tls_reason", "not_provided_by_remote");
        l.add("status_code", std::to_string(x.code));
        l.add("classification", x.code >= 500 ? "failure" : "success");
        responses.emplace_back(std::move(l.text), &x);
    }
    out += "# HELP response_total Total count of HTTP responses.\n# TYPE response_total counter\n";
    for (const auto &[labels, x] : responses)
        out += "response_total{" + labels + "} " + std::to_string(x->count) + '\n';
    out += "# HELP response_latency_ms Elapsed times between a request's headers being received "
           "and its response stream completing\n# TYPE response_latency_ms histogram\n";
    for (const auto &[labels, x] : responses)
        histogram(out, "response_latency_ms", labels, LinkerdBuckets.data(), LinkerdBuckets.size(),
                  x->linkerdBuckets, x->count, x->sum);
}

std::size_t MeshTelemetry::seriesCount() const
{
    std::lock_guard lock(m_mutex);
    return m_series.size();
}

} // namespace Meshdeck::Demo
