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

// Which mesh the demo's proxies speak for, and where Bookinfo runs: read from the cluster at
// every scrape, so that the series follow what is installed.
struct MeshView
{
    enum class Vocabulary { None, Istio, Linkerd };
    Vocabulary vocabulary = Vocabulary::Istio;
    std::string ns; // the namespace Bookinfo's pods run in ("" keeps "bookinfo")
};

// The requests the demo's sidecars handled, rendered in the vocabulary of the mesh installed:
//  - Istio: istio_requests_total and istio_request_duration_milliseconds (Istio's default
//    buckets), labelled by reporter, source and destination workload, service, canonical
//    service and revision, response code and connection security policy;
//  - Linkerd: response_total and response_latency_ms (Linkerd's buckets),
//    labelled by direction, namespace, deployment, dst_namespace, dst_deployment, dst_service,
//    authority, tls, status_code and classification;
//  - none: nothing (no proxies, no telemetry).
// Served in the Prometheus text exposition format for a real Prometheus to scrape. Thread-safe.
class MeshTelemetry
{
public:
    // `flags`: Envoy's response flags for what the proxy did ("DI" delayed, "FI" aborted by
    // fault injection, "UT" upstream timeout, "URX" retries exhausted, "UH" no healthy
    // upstream, "NR" no route); empty: "UF" for a 503 without an answer, else "-".
    void record(bool destinationReporter, const MeshWorkload &source,
                const MeshWorkload &destination, const std::string &destinationService,
                int responseCode, double milliseconds, bool mtls, const std::string &flags = {});
    // What a source's proxy did about retries towards a Service: a retry sent, a retried request
    // that then succeeded, a request whose retries ran out. Rendered (Istio only) as Envoy's
    // cluster statistics envoy_cluster_upstream_rq_retry, _retry_success and
    // _retry_limit_exceeded for cluster "outbound|PORT||SERVICE", with the labels a scrape of the
    // pod gives them (namespace, app, version).
    enum class Retry { Sent, Succeeded, LimitExceeded };
    void recordRetry(const MeshWorkload &source, const std::string &cluster, Retry what);
    // A source's proxy knows this outbound cluster: its retry counters exist from now on, at
    // zero, as Envoy's do for every cluster in its configuration.
    void addCluster(const MeshWorkload &source, const std::string &cluster);
    [[nodiscard]] std::string exposition(const MeshView &view = {}) const;
    [[nodiscard]] std::size_t seriesCount() const;

private:
    struct Series
    {
        bool destinationReporter = false;
        MeshWorkload source, destination;
        std::string service; // reviews.bookinfo.svc.cluster.local
        int code = 0;
        bool mtls = false;
        std::string flags;
        unsigned long long count = 0;
        double sum = 0;
        std::vector<unsigned long long> istioBuckets; // per bucket, cumulated at exposition
        std::vector<unsigned long long> linkerdBuckets;
    };
    void istio(std::string &out, const MeshView &view) const;
    void linkerd(std::string &out, const MeshView &view) const;
    struct Retries
    {
        MeshWorkload source;
        std::string cluster;
        unsigned long long sent = 0, succeeded = 0, limitExceeded = 0;
    };
    // The counters of a source's cluster, made at zero the first time (m_mutex held).
    Retries &retriesOf(const MeshWorkload &source, const std::string &cluster);
    void envoy(std::string &out, const MeshView &view) const;
    mutable std::mutex m_mutex;
    std::map<std::string, Series> m_series;
    std::map<std::string, Retries> m_retries;
};

} // namespace Meshdeck::Demo
