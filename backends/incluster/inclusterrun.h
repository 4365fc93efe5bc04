#pragma once

#include <core/result.h>
#include <perf/loadrunner.h>

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace Meshdeck::Kube {
class KubeClient;
}

namespace Meshdeck::InCluster {

// Where and how the load runs inside the cluster.
struct InClusterOptions
{
    int workers = 1;
    QString ns; // empty: meshdeck-load (outside the mesh) or meshdeck-load-mesh (inside)
    bool inMesh = false; // the generator's own sidecar on the path, as Istio measures
    QString image; // empty: defaultImage()
    int startDelayMs = 3000; // workers begin together this long after the Job is created
    int pendingTimeoutMs = 120'000; // pods not running by then end the run
    QString cpu = QStringLiteral("1"); // per worker, request and limit
    QString memory = QStringLiteral("256Mi");

    [[nodiscard]] QString namespaceName() const;
    static QString defaultImage(); // this project's worker image at this version
};

// What a live in-cluster run looks like, a few times a second.
struct InClusterProgress
{
    struct Worker
    {
        int index = 0;
        QString pod;
        QString node;
        QString state; // Pending, Running, Completed, Failed, ...
        double rate = 0; // its last second
        bool finished = false;
        qint64 lateMs = -1; // how long after the common start time it began (-1: not yet)
    };
    QString phase; // what is happening, for a status line
    QList<Worker> workers;
    Perf::RunProgress run; // the merged series so far (newPoints: merged seconds)
};

// A load test run by Kubernetes: an Indexed Job of N pods of Meshdeck's worker image, each
// sending its share of the profile from a common start time and reporting through its log;
// their per-second histograms and final results merge exactly. Everything it creates (the
// Job, a Secret with the profile, the namespace when it made it) is deleted when the run ends,
// fails or is cancelled. Blocking: call from a worker thread.
class InClusterRun
{
public:
    using ProgressFn = std::function<void(const InClusterProgress &)>;

    InClusterRun(std::shared_ptr<Kube::KubeClient> client, Perf::RunRequest request,
                 InClusterOptions options);
    ~InClusterRun();

    // The merged result (failure set and partial results flagged when workers failed), or an
    // error when nothing could run (refused, image not pullable, pods pending too long).
    [[nodiscard]] Result<Perf::RunResult> run(const std::atomic_bool &cancel, ProgressFn progress);

private:
    struct State;
    std::unique_ptr<State> d;
};

} // namespace Meshdeck::InCluster
