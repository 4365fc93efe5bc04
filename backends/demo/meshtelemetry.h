#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace Meshdeck::Demo {

// A workload as Istio's telemetry names it.
struct MeshWorkload
{
    std::string name; // "reviews-v2"; "unknown" for callers outside the mesh
    std::string ns; // "bookinfo"
    std::string app; // "reviews"
    std::string version; // "v2"

    [[nodiscard]] std::string encode() const; // for the peer-metadata header
    static MeshWorkload decode(const std::string &text);
    static MeshWorkload unknown();
};

// The metric series the demo's sidecars report, in Istio's vocabulary: istio_requests_total and
// istio_request_duration_milliseconds (a histogram with Istio's default buckets), labelled by
// reporter, source and destination workload, service, canonical service and revision,
// response code and connection security policy. Served in the Prometheus text exposition
// format for a real Prometheus to scrape. Thread-safe.
class MeshTelemetry
{
public:
    void record(bool destinationReporter, const MeshWorkload &source,
                const MeshWorkload &destination, const std::string &destinationService,
                int responseCode, double milliseconds, bool mtls);
    [[nodiscard]] std::string exposition() const;
    [[nodiscard]] std::size_t seriesCount() const;

private:
    struct Series
    {
        std::string labels; // rendered once: reporter="destination",source_workload="..."
        unsigned long long count = 0;
        double sum = 0;
        std::vector<unsigned long long> buckets; // cumulative at exposition
    };
    mutable std::mutex m_mutex;
    std::map<std::string, Series> m_series;
};

} // namespace Meshdeck::Demo
