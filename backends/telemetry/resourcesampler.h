#pragma once

#include <perf/resourceusage.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace Meshdeck {
namespace Kube {
class KubeClient;
}

namespace Telemetry {

// Which containers a run's resource figures cover.
struct ResourceScope
{
    QStringList targetNamespaces; // the target's workloads: applications and their sidecars
    QString loadNamespace; // in-cluster load workers; empty: none
    QStringList controlPlaneNamespaces {QStringLiteral("istio-system"), QStringLiteral("linkerd")};

    [[nodiscard]] QStringList namespaces() const; // all of the above, once each
    // The scope of a run: the target's namespace from a Service URL (http://svc.ns[.svc…]:port)
    // or a "namespace" label, the workers' namespace for in-cluster load.
    [[nodiscard]] static ResourceScope forRun(const QString &url,
                                              const QMap<QString, QString> &labels,
                                              const QString &loadNamespace = {});
    // The role of a container, or false when it is outside the scope (gateways and add-ons in
    // the mesh's namespace are neither control plane nor target).
    [[nodiscard]] bool classify(const QString &ns, const QString &pod, const QString &container,
                                Perf::ResourceRole *role) const;
};

// One reading of a container's cumulative CPU counter (cAdvisor) and working set.
struct CounterReading
{
    QString ns, pod, container;
    double scrapedAt = 0; // unix seconds of the scrape that produced the value
    double cpuSeconds = 0;
    qint64 memoryBytes = 0;
};

// Samples CPU and memory of the scope's containers while a run goes, on its own thread. The
// source is the first that answers: the cluster's Prometheus with the kubelet's cAdvisor series
// (container_cpu_usage_seconds_total, container_memory_working_set_bytes), else the metrics API
// (metrics.k8s.io/v1beta1 PodMetrics); else the usage says why there are no figures. Counter
// resets and pods replaced mid-run are handled (a new pod is a new series).
class ResourceSampler
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::Telemetry::ResourceSampler)

public:
    ResourceSampler(std::shared_ptr<Kube::KubeClient> kube, ResourceScope scope,
                    int intervalMs = 2000);
    ~ResourceSampler();

    void start(); // returns at once; the first sample is taken on the sampler's thread
    // Stops sampling and returns what was measured, offsets from runStart; the measured part of
    // the run is [windowStart, windowEnd] seconds after runStart.
    [[nodiscard]] Perf::ResourceUsage finish(const QDateTime &runStart, double windowStart,
                                             double windowEnd);

    // Pure steps, public for tests: counter readings (any order, repeated scrapes) to per
    // container CPU rates between distinct scrapes; a counter that goes down was reset.
    [[nodiscard]] static QList<Perf::ResourceSeries>
    seriesFromCounters(const ResourceScope &scope, const QList<CounterReading> &readings,
                       double runStartSeconds);

private:
    void run();
    void probe();
    void pollPrometheus();
    void pollMetricsApi();

    std::shared_ptr<Kube::KubeClient> m_kube;
    ResourceScope m_scope;
    int m_intervalMs;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;

    // Sampler thread only until finish() joins it.
    QString m_source;
    QString m_unavailable;
    QStringList m_warnings;
    QString m_prometheusBase; // the Prometheus API path or URL chosen by probe()
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    QList<CounterReading> m_counters; // prometheus
    QMap<QString, Perf::ResourceSeries> m_direct; // metrics-api, by ns/pod/container
    QMap<QString, double> m_lastTimestamp; // metrics-api: dedupe by the sample's timestamp
};

} // namespace Telemetry
} // namespace Meshdeck
