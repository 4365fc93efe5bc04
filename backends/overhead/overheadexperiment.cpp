#include "overheadexperiment.h"

#include "injectionswitch.h"

#include <kube/kubeclient.h>

#include <QJsonArray>
#include <QJsonObject>

namespace Meshdeck::Overhead {

Result<QString> OverheadExperiment::preflight(const ExperimentSpec &spec, Kube::KubeClient *kube)
{
    if (spec.rates.isEmpty())
        return Unexpected(Error(ErrorCode::InvalidArgument, tr("No rates to measure at.")));
    if (spec.injection) {
        if (!kube)
            return Unexpected(Error(ErrorCode::InvalidArgument,
                                    tr("Measuring before and after injection needs a cluster "
                                       "(the namespace's injection is switched and its "
                                       "workloads restarted).")));
        auto injection = InjectionSwitch::prepare(*kube, spec.mesh.ns);
        if (!injection)
            return Unexpected(injection.error());
        return injection->mesh();
    }
    if (spec.baseline.url == spec.mesh.url && !spec.inCluster)
        return Unexpected(Error(ErrorCode::InvalidArgument,
                                tr("The baseline and the mesh arm are the same URL (%1): the "
                                   "experiment would compare nothing.")
                                    .arg(spec.baseline.url)));
    QString mesh;
    if (!kube || spec.mesh.ns.isEmpty())
        return mesh;
    const auto pods = kube->list(QStringLiteral("/api/v1/namespaces/%1/pods").arg(spec.mesh.ns));
    if (!pods)
        return Unexpected(pods.error());
    int withSidecar = 0;
    for (const QJsonObject &pod : pods->items) {
        if (const QString kind = InjectionSwitch::sidecarOf(pod); !kind.isEmpty()) {
            ++withSidecar;
            mesh = kind;
        }
    }
    if (withSidecar == 0)
        return Unexpected(Error(
            ErrorCode::InvalidArgument,
            tr("The mesh arm's pods in namespace %1 carry no sidecar (%2 pods, none with "
               "istio-proxy or linkerd-proxy): the experiment would compare nothing. Label the "
               "namespace for injection and restart its workloads, or choose the namespace "
               "that has the mesh.")
                .arg(spec.mesh.ns)
                .arg(pods->items.size())));
    if (!spec.baseline.ns.isEmpty() && spec.baseline.ns != spec.mesh.ns) {
        const auto base
            = kube->list(QStringLiteral("/api/v1/namespaces/%1/pods").arg(spec.baseline.ns));
        if (!base)
            return Unexpected(base.error());
        for (const QJsonObject &pod : base->items) {
            if (!InjectionSwitch::sidecarOf(pod).isEmpty())
                return Unexpected(Error(
                    ErrorCode::InvalidArgument,
                    tr("The baseline arm's pod %1/%2 carries a sidecar: the baseline must run "
                       "without the mesh. Choose a namespace without injection.")
                        .arg(spec.baseline.ns,
                             pod.value(QLatin1String("metadata"))
                                 .toObject()
                                 .value(QLatin1String("name"))
                                 .toString())));
        }
    }
    return mesh;
}

QList<ArmRun>
OverheadExperiment::run(const ExperimentSpec &spec, const std::shared_ptr<Kube::KubeClient> &kube,
                        const QString &meshType, const std::atomic_bool &cancel,
                        const std::function<void(const ExperimentProgress &)> &starting,
                        const std::function<void(const ArmRun &)> &finished,
                        const std::function<void(const QString &)> &phase)
{
    QList<ArmRun> runs;
    const int total = static_cast<int>(spec.rates.size()) * spec.repeats * 2;
    int index = 0;
    QList<double> rates = spec.rates;
    std::sort(rates.begin(), rates.end());
    const QString experiment = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    // One run; false when the experiment must stop (cancelled, or the run could send nothing).
    const auto runOne = [&](Arm arm, double rate, int repeat) {
        if (cancel)
            return false;
        const ArmTarget &target = arm == Arm::Baseline ? spec.baseline : spec.mesh;
        if (starting)
            starting({++index, total, arm, rate, repeat});
        Perf::RunRequest request;
        request.spec = spec.load;
        request.spec.url = (target.url.isEmpty() ? spec.mesh.url : target.url).toStdString();
        request.spec.mode = Perf::LoadSpec::Mode::ConstantRate;
        request.spec.rate = rate;
        const QString armName
            = arm == Arm::Baseline ? QStringLiteral("baseline") : QStringLiteral("mesh");
        request.name
            = QStringLiteral("%1%2 %3/s #%4")
                  .arg(spec.name.isEmpty() ? QString() : spec.name + QLatin1Char(' '), armName)
                  .arg(rate)
                  .arg(repeat + 1);
        request.labels = {{QStringLiteral("experiment"), experiment},
                          {QStringLiteral("arm"), armName},
                          {QStringLiteral("rate"), QString::number(rate)},
                          {QStringLiteral("repeat"), QString::number(repeat + 1)}};
        if (spec.injection)
            request.labels.insert(QStringLiteral("arms"), QStringLiteral("injection"));
        if (arm == Arm::Mesh && !meshType.isEmpty()) {
            request.mesh.type = meshType;
            request.labels.insert(QStringLiteral("mesh"), meshType);
        }
        MeasureOptions measure;
        // Without its own namespace the baseline is measured where the mesh arm runs: one
        // namespace served with and without the proxies.
        const QString ns = target.ns.isEmpty() ? spec.mesh.ns : target.ns;
        if (!ns.isEmpty())
            measure.scope.targetNamespaces << ns;
        measure.scope.controlPlaneNamespaces = spec.controlPlaneNamespaces;
        measure.sampleIntervalMs = spec.sampleIntervalMs;
        measure.awaitLastSample = true;
        if (spec.inCluster) {
            InCluster::InClusterOptions workers = *spec.inCluster;
            workers.inMesh = arm == Arm::Mesh;
            workers.ns.clear(); // meshdeck-load or meshdeck-load-mesh
            measure.inCluster = workers;
        }
        Perf::RunResult result = MeasuredRun::run(request, kube, measure, cancel, {}, {});
        // A run that could not send at all (a Job refused, an image that cannot be pulled, a
        // target that refuses connections) ends the experiment: the next runs would fail the
        // same way, each after its own wait.
        const bool nothingSent = !result.failure.isEmpty() && result.report.attempts() == 0;
        ArmRun run {arm, rate, repeat, std::move(result)};
        if (finished)
            finished(run);
        runs << std::move(run);
        return !nothingSent;
    };
    if (!spec.injection) {
        for (const double rate : std::as_const(rates)) {
            for (int repeat = 0; repeat < spec.repeats; ++repeat) {
                for (const Arm arm : {Arm::Baseline, Arm::Mesh}) {
                    if (!runOne(arm, rate, repeat))
                        return runs;
                }
            }
        }
        return runs;
    }

    // One namespace before and after injection: every baseline run without the sidecars, then
    // every mesh run with them (a restart per switch, not per pair), then the namespace as it
    // was. A switch that fails ends the experiment with the reason as its last run.
    const auto stopped = [&](Arm arm, const QString &why) {
        ArmRun run;
        run.arm = arm;
        run.rate = rates.value(0);
        run.result.spec = spec.load;
        run.result.spec.url = spec.mesh.url.toStdString();
        run.result.failure = why;
        if (finished)
            finished(run);
        runs << run;
    };
    if (!kube) {
        stopped(Arm::Baseline, tr("Measuring before and after injection needs a cluster."));
        return runs;
    }
    auto injection = InjectionSwitch::prepare(*kube, spec.mesh.ns);
    if (!injection) {
        stopped(Arm::Baseline, injection.error().message());
        return runs;
    }
    for (const Arm arm : {Arm::Baseline, Arm::Mesh}) {
        if (cancel)
            break;
        if (const VoidResult r = injection->set(*kube, arm == Arm::Mesh, cancel, phase); !r) {
            if (!cancel)
                stopped(arm, r.error().message());
            break;
        }
        bool go = true;
        for (const double rate : std::as_const(rates)) {
            for (int repeat = 0; repeat < spec.repeats && go; ++repeat)
                go = runOne(arm, rate, repeat);
        }
        if (!go)
            break;
    }
    if (const VoidResult r = injection->restore(*kube, phase); !r && phase)
        phase(tr("Namespace %1 was not put back as it was: %2")
                  .arg(spec.mesh.ns, r.error().message()));
    return runs;
}

} // namespace Meshdeck::Overhead
