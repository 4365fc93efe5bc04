#pragma once

#include <QJsonObject>
#include <QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <sys/types.h>

namespace Meshdeck::Demo {

class BookinfoTraffic;
class ContainerProcesses;
class MeshControlPlane;
class ObjectStore;
class Selector;

// The demo's kubelet statistics: CPU and memory of the containers that really run, attributed
// to the pods the cluster shows. Measured, never invented:
//  - Bookinfo's application containers and sidecars (and the ingress gateway's proxy): the CPU
//    clock of the container's event-loop thread, and the heap its HTTP code holds (allocation
//    hooks and connection buffers; see BookinfoTraffic::usage());
//  - pods running Meshdeck's worker image: the child process's CPU time and resident memory
//    (/proc);
//  - the Prometheus add-on's pod: the real Prometheus process, likewise;
//  - the mesh's control plane (istiod's discovery container, or Linkerd's destination and
//    identity): the CPU clock of the demo's control-plane thread and what it holds for the
//    proxies (see MeshControlPlane).
// A container's CPU counter starts at zero when its pod is first seen, so a replaced pod begins a
// new series as with a real kubelet. Containers with nothing running behind them have no series.
// Served as cAdvisor series (for Prometheus) and as metrics.k8s.io PodMetrics and NodeMetrics
// (for `kubectl top`); a node's usage is the sum of its measured pods. Thread-safe.
class KubeletStats
{
public:
    struct Sources
    {
        ObjectStore *store = nullptr;
        const BookinfoTraffic *bookinfo = nullptr;
        const ContainerProcesses *processes = nullptr;
        std::function<pid_t()> prometheusPid;
        const MeshControlPlane *controlPlane = nullptr;
    };

    explicit KubeletStats(Sources sources);
    ~KubeletStats();

    void start(); // samples once a second, for the metrics API's windows
    void stop();

    // Prometheus text: container_cpu_usage_seconds_total, container_memory_working_set_bytes,
    // per container and per pod (container=""), labelled as the kubelet's cAdvisor does.
    [[nodiscard]] std::string cadvisor();

    // metrics.k8s.io/v1beta1 objects; nothing for a pod or node without two samples yet.
    [[nodiscard]] QJsonObject podMetricsList(const QString &ns, const Selector &labels);
    [[nodiscard]] std::optional<QJsonObject> podMetrics(const QString &ns, const QString &name);
    [[nodiscard]] QJsonObject nodeMetricsList(const Selector &labels);
    [[nodiscard]] std::optional<QJsonObject> nodeMetrics(const QString &name);

    // A GET on metrics.k8s.io/v1beta1 `plural` ("pods", "nodes"): the object, or the list when
    // name is empty. Throws ApiError (404) for an object without metrics.
    [[nodiscard]] QJsonObject serve(const QString &plural, const QString &ns, const QString &name,
                                    const QString &labelSelector);

    struct Reading
    {
        QString ns, pod, uid, container, node, image;
        QJsonObject podLabels;
        double cpuSeconds = 0; // since the pod was first seen
        qint64 memoryBytes = 0;
    };
    [[nodiscard]] std::vector<Reading> read();

private:
    struct Snapshot
    {
        qint64 ms = 0;
        std::vector<Reading> readings;
    };
    struct Usage
    {
        double cores = 0;
        qint64 memoryBytes = 0;
    };
    // Usage per (pod uid, container) over the last ~10 s, and the window it covers.
    std::map<std::pair<QString, QString>, Usage> usage(double *windowSeconds, qint64 *atMs,
                                                       std::vector<Reading> *latest);
    QJsonObject podObject(const QString &ns, const QString &name, const QJsonObject &labels,
                          const std::vector<std::pair<QString, Usage>> &containers, double window,
                          qint64 atMs) const;

    Sources m_sources;
    std::mutex m_mutex;
    std::mutex m_offsetsMutex;
    std::map<QString, double> m_offsets; // source|pod uid -> CPU seconds when first seen
    std::deque<Snapshot> m_history;
    std::thread m_sampler;
    std::condition_variable m_wake;
    bool m_stop = false;
};

} // namespace Meshdeck::Demo
