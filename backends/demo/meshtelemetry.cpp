#include "meshtelemetry.h"

#include <array>
#include <cstdio>

namespace Meshdeck::Demo {

namespace {

// Istio's default buckets for istio_request_duration_milliseconds.
constexpr std::array<double, 19> Buckets {0.5,   1,      5,      10,      25,     50,    100,
                                          250,   500,    1000,   2500,    5000,   10000, 30000,
                                          60000, 300000, 600000, 1800000, 3600000};

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
                           const std::string &service, int code, double ms, bool mtls)
{
    const std::string serviceName = service.substr(0, service.find('.'));
    const auto principal = [](const MeshWorkload &w) {
        return w.name == "unknown" ? std::string("unknown")
                                   : "spiffe://cluster.local/ns/" + w.ns + "/sa/bookinfo-" + w.app;
    };
    std::string labels;
    const auto add = [&labels](const char *k, const std::string &v) {
        if (!labels.empty())
            labels += ',';
        labels += k;
        labels += "=\"";
        labels += quote(v);
        labels += '"';
    };
    add("reporter", destinationReporter ? "destination" : "source");
    add("source_workload", s.name);
    add("source_workload_namespace", s.ns);
    add("source_principal", mtls ? principal(s) : "unknown");
    add("source_app", s.app);
    add("source_version", s.version);
    add("source_canonical_service", s.app);
    add("source_canonical_revision", s.version);
    add("source_cluster", "Kubernetes");
    add("destination_workload", d.name);
    add("destination_workload_namespace", d.ns);
    add("destination_principal", mtls ? principal(d) : "unknown");
    add("destination_app", d.app);
    add("destination_version", d.version);
    add("destination_service", service);
    add("destination_service_name", serviceName);
    add("destination_service_namespace", d.ns);
    add("destination_canonical_service", d.app);
    add("destination_canonical_revision", d.version);
    add("destination_cluster", "Kubernetes");
    add("request_protocol", "http");
    add("response_code", std::to_string(code));
    add("grpc_response_status", "");
    add("response_flags", code == 503 ? "UF" : "-");
    add("connection_security_policy",
        destinationReporter ? (mtls ? "mutual_tls" : "none") : "unknown");

    std::lock_guard lock(m_mutex);
    Series &series = m_series[labels];
    if (series.buckets.empty()) {
        series.labels = labels;
        series.buckets.assign(Buckets.size(), 0);
    }
    ++series.count;
    series.sum += ms;
    for (std::size_t i = 0; i < Buckets.size(); ++i) {
        if (ms <= Buckets[i]) {
            ++series.buckets[i];
            break;
        }
    }
}

std::string MeshTelemetry::exposition() const
{
    std::string out;
    out.reserve(64 * 1024);
    std::lock_guard lock(m_mutex);
    out += "# HELP istio_requests_total Total requests.\n# TYPE istio_requests_total counter\n";
    for (const auto &[key, s] : m_series)
        out += "istio_requests_total{" + s.labels + "} " + std::to_string(s.count) + '\n';
    out += "# HELP istio_request_duration_milliseconds Request duration in milliseconds.\n"
           "# TYPE istio_request_duration_milliseconds histogram\n";
    char number[64];
    for (const auto &[key, s] : m_series) {
        unsigned long long cumulative = 0;
        for (std::size_t i = 0; i < Buckets.size(); ++i) {
            cumulative += s.buckets[i];
            std::snprintf(number, sizeof number, "%g", Buckets[i]);
            out += "istio_request_duration_milliseconds_bucket{" + s.labels + ",le=\"" + number
                + "\"} " + std::to_string(cumulative) + '\n';
        }
        out += "istio_request_duration_milliseconds_bucket{" + s.labels + ",le=\"+Inf\"} "
            + std::to_string(s.count) + '\n';
        std::snprintf(number, sizeof number, "%.3f", s.sum);
        out += "istio_request_duration_milliseconds_sum{" + s.labels + "} " + number + '\n';
        out += "istio_request_duration_milliseconds_count{" + s.labels + "} "
            + std::to_string(s.count) + '\n';
    }
    return out;
}

std::size_t MeshTelemetry::seriesCount() const
{
    std::lock_guard lock(m_mutex);
    return m_series.size();
}

} // namespace Meshdeck::Demo
