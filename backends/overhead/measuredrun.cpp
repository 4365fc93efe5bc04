#include "measuredrun.h"

#include <kube/kubeclient.h>

#include <QCoreApplication>

#include <thread>

namespace Meshdeck::Overhead {

namespace {

Perf::RunResult runInCluster(const Perf::RunRequest &request,
                             const std::shared_ptr<Kube::KubeClient> &kube,
                             const InCluster::InClusterOptions &options,
                             const std::atomic_bool &cancel,
                             const MeasuredRun::ProgressFn &progress,
                             const MeasuredRun::ClusterProgressFn &clusterProgress)
{
    Perf::RunResult failed;
    failed.spec = request.spec;
    failed.name = request.name;
    failed.labels = request.labels;
    if (!kube) {
        failed.failure = QCoreApplication::translate(
            "Meshdeck::Overhead::MeasuredRun",
            "No cluster is connected: connect one, or run the load from this computer.");
        return failed;
    }
    InCluster::InClusterRun run(kube, request, options);
    quint64 responses = 0, errors = 0;
    auto merged = run.run(cancel, [&](const InCluster::InClusterProgress &p) {
        if (progress) {
            Perf::RunProgress total = p.run;
            for (const Perf::SecondPoint &s : p.run.newPoints) {
                responses += s.requests;
                errors += s.errors;
            }
            total.responses = responses;
            total.errors = errors;
            progress(total);
        }
        if (clusterProgress)
            clusterProgress(p);
    });
    if (merged)
        return std::move(merged).value();
    failed.failure = merged.error().message();
    return failed;
}

} // namespace

Perf::RunResult MeasuredRun::run(const Perf::RunRequest &request,
                                 const std::shared_ptr<Kube::KubeClient> &kube,
                                 const MeasureOptions &options, const std::atomic_bool &cancel,
                                 const ProgressFn &progress,
                                 const ClusterProgressFn &clusterProgress)
{
    std::unique_ptr<Telemetry::ResourceSampler> sampler;
    if (kube && options.sample) {
        Telemetry::ResourceScope scope = options.scope;
        if (options.inCluster)
            scope.loadNamespace = options.inCluster->namespaceName();
        sampler
            = std::make_unique<Telemetry::ResourceSampler>(kube, scope, options.sampleIntervalMs);
        sampler->start();
    }
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();
    Perf::RunResult result = options.inCluster
        ? runInCluster(request, kube, *options.inCluster, cancel, progress, clusterProgress)
        : Perf::LoadRunner::runBlocking(request, cancel, progress);
    if (!sampler)
        return result;
    // The measured part of the run, in seconds after the sampler started: the load's own start
    // (an in-cluster Job starts later than this), then the warm-up.
    const double offset = result.start.isValid()
        ? static_cast<double>(startedAt.msecsTo(result.start)) / 1000.0
        : 0;
    const double warmup = std::chrono::duration<double>(request.spec.warmup).count();
    if (options.awaitLastSample && !cancel) {
        // The last scrape inside the run can come up to one interval after its end.
        std::this_thread::sleep_for(std::chrono::milliseconds(options.sampleIntervalMs));
    }
    result.resources = sampler->finish(startedAt, offset + warmup,
                                       offset + warmup + result.report.measuredSeconds);
    return result;
}

} // namespace Meshdeck::Overhead
