#pragma once

#include <incluster/inclusterrun.h>
#include <perf/loadrunner.h>
#include <telemetry/resourcesampler.h>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace Meshdeck {
namespace Kube {
class KubeClient;
}

namespace Overhead {

// How a run is made and what is measured beside it.
struct MeasureOptions
{
    // Set: Kubernetes runs the load as an Indexed Job of worker pods; the workers' namespace is
    // added to the resource scope. Unset: the load leaves from this process.
    std::optional<InCluster::InClusterOptions> inCluster;
    Telemetry::ResourceScope scope; // whose CPU and memory; ignored without a cluster
    int sampleIntervalMs = 2000;
    bool sample = true;
    // Wait one sample interval after the run so the scrape that covers its last seconds lands
    // (experiments want every second; interactive runs do not wait).
    bool awaitLastSample = false;
};

// One load run with its resource sampling: local or in the cluster, the sampler started before
// and finished after, its window aligned to the measured part of the run (after warm-up).
// The path the command line, the Performance page and the overhead experiment share. Blocking:
// call it from a worker thread (or the command line).
class MeasuredRun
{
public:
    using ProgressFn = std::function<void(const Perf::RunProgress &)>;
    using ClusterProgressFn = std::function<void(const InCluster::InClusterProgress &)>;

    [[nodiscard]] static Perf::RunResult
    run(const Perf::RunRequest &request, const std::shared_ptr<Kube::KubeClient> &kube,
        const MeasureOptions &options, const std::atomic_bool &cancel, const ProgressFn &progress,
        const ClusterProgressFn &clusterProgress = {});
};

} // namespace Overhead
} // namespace Meshdeck
