#pragma once

#include "measuredrun.h"
#include "overheadreport.h"

#include <core/result.h>
#include <perf/loadrunner.h>

#include <QCoreApplication>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

namespace Meshdeck {
namespace Kube {
class KubeClient;
}

namespace Overhead {

// One side of the experiment: where the load goes and, for the resource figures and the
// checks, the namespace its pods run in (empty: not known).
struct ArmTarget
{
    QString url;
    QString ns;
};

struct ExperimentSpec
{
    ArmTarget baseline;
    ArmTarget mesh;
    QList<double> rates {100, 500, 1000};
    int repeats = 3;
    Perf::LoadSpec load; // connections, duration, warm-up, headers...; url and rate set per run
    QStringList controlPlaneNamespaces {QStringLiteral("istio-system"), QStringLiteral("linkerd")};
    int sampleIntervalMs = 2000;
    QString name; // prefix of the runs' names
    // Set: every run's load is generated inside the cluster (an Indexed Job of worker pods),
    // the arms' URLs being what the workers reach (Service names); unset: from this computer.
    // The baseline's workers run outside the mesh (meshdeck-load), the mesh arm's inside it
    // (meshdeck-load-mesh, injected), so the mesh arm has the client's sidecar on the path too,
    // as Istio and Linkerd measure; the arms may then name the same Service. `inMesh` and `ns`
    // are set per arm.
    std::optional<InCluster::InClusterOptions> inCluster;
    // One namespace (mesh.ns) before and after its injection: the baseline runs with the
    // namespace's injection switched off and its workloads restarted without sidecars, then the
    // mesh runs with it on and sidecars in every pod; the namespace is put back as it was. The
    // arms share the URL (baseline.url may be empty), and follow each other instead of
    // interleaving: the report says so. `phase` hears what the switch does.
    bool injection = false;
};

struct ExperimentProgress
{
    int run = 0; // 1-based
    int runs = 0;
    Arm arm = Arm::Baseline;
    double rate = 0;
    int repeat = 0;
};

// The same load against the target without and with the mesh, at a ladder of constant rates,
// the arms interleaved (A B A B ...) so that drift on the machine falls on both, each run with
// its resource sampling. Blocking: call it from a worker thread (or the command line).
class OverheadExperiment
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::Overhead::OverheadExperiment)

public:
    // Refuses an experiment that would compare nothing: a mesh arm whose pods carry no sidecar,
    // a baseline arm whose pods do. Answers the mesh's kind ("istio", "linkerd") when known.
    [[nodiscard]] static Result<QString> preflight(const ExperimentSpec &spec,
                                                   Kube::KubeClient *kube);

    // Runs every rate x repetition x arm; stops early when `cancel` is set, keeping the runs
    // that finished, and after a run that could send nothing (its failure says why; it is the
    // last of the list). `finished` is called after each run.
    [[nodiscard]] static QList<ArmRun>
    run(const ExperimentSpec &spec, const std::shared_ptr<Kube::KubeClient> &kube,
        const QString &meshType, const std::atomic_bool &cancel,
        const std::function<void(const ExperimentProgress &)> &starting,
        const std::function<void(const ArmRun &)> &finished,
        const std::function<void(const QString &)> &phase = {});
};

} // namespace Overhead
} // namespace Meshdeck
