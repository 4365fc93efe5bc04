#include "operation.h"

#include <core/logging.h>
#include <kube/kubeclient.h>

#include <QJsonObject>

namespace Meshdeck::Mesh {

namespace {

bool anyFailed(const QList<Check> &checks)
{
    for (const Check &c : checks)
        if (c.state == Check::State::Fail)
            return true;
    return false;
}

QString firstFailure(const QList<Check> &checks)
{
    for (const Check &c : checks)
        if (c.state == Check::State::Fail)
            return c.detail.isEmpty() ? c.title : c.title + QStringLiteral(": ") + c.detail;
    return {};
}

} // namespace

Operation::Operation(Kube::KubeClient &client, Installation &installation, OperationSink sink)
    : m_client(client)
    , m_installation(installation)
    , m_sink(std::move(sink))
{
}

bool Operation::cancelled() const
{
    return m_sink.cancel && m_sink.cancel->load();
}

void Operation::begin()
{
    if (m_started.isValid())
        return;
    m_started = QDateTime::currentDateTimeUtc();
    m_clock.start();
}

void Operation::note(QJsonObject entry)
{
    begin();
    entry.insert(QStringLiteral("ms"), m_clock.elapsed());
    m_journal.append(entry);
}

ManifestPlan::Progress Operation::stepReporter()
{
    return [this](int i, const QString &state) {
        if (m_sink.step)
            m_sink.step(i, state);
        if (state != QLatin1String("running") && i >= 0 && i < m_installation.plan.steps.size())
            note({{QStringLiteral("step"), m_installation.plan.steps[i].title()},
                  {QStringLiteral("state"), state}});
    };
}

QString Operation::target() const
{
    const QString name
        = m_installation.mesh ? m_installation.mesh->name : m_installation.options.mesh;
    const QString version = m_installation.options.version.isEmpty() && m_installation.mesh
            && m_installation.options.method == InstallMethod::Bundled
        ? m_installation.mesh->bundledVersion
        : m_installation.options.version;
    return version.isEmpty()
        ? QStringLiteral("%1 (%2)").arg(name, methodId(m_installation.options.method))
        : QStringLiteral("%1 %2 (%3)").arg(name, version, methodId(m_installation.options.method));
}

OperationReport Operation::report(const QString &kind, bool ok, const QString &message) const
{
    OperationReport r;
    r.kind = kind;
    r.target = target();
    r.started = m_started.isValid() ? m_started : QDateTime::currentDateTimeUtc();
    r.outcome = ok    ? OperationReport::Outcome::Succeeded
        : cancelled() ? OperationReport::Outcome::Cancelled
                      : OperationReport::Outcome::Failed;
    r.code = ok ? ErrorCode::Unknown : cancelled() ? ErrorCode::Cancelled : ErrorCode::Unknown;
    r.message = message;
    r.journal = m_journal;
    return r;
}

VoidResult Operation::apply(int from, bool force)
{
    begin();
    qCInfo(lcMesh) << "applying" << target() << "from step" << from << "of"
                   << m_installation.plan.steps.size();
    const auto log = [this](const QString &line) {
        if (m_sink.log)
            m_sink.log(line);
        note({{QStringLiteral("output"), line}});
    };
    int applied = from;
    const VoidResult r
        = Installer::run(m_client, m_installation, stepReporter(), log,
                         m_sink.cancel ? *m_sink.cancel : m_noCancel, &applied, from, force);
    m_applied = applied;
    if (!r) {
        qCWarning(lcMesh) << "apply stopped at step" << applied << ":" << r.error().toString();
        note({{QStringLiteral("step"), tr("Install")},
              {QStringLiteral("state"), QStringLiteral("failed")},
              {QStringLiteral("output"), r.error().toString()}});
    }
    return r;
}

VoidResult Operation::rollback()
{
    qCInfo(lcMesh) << "rolling back" << target() << m_applied << "steps";
    const VoidResult r = Installer::rollback(m_client, m_installation, m_applied, stepReporter());
    note({{QStringLiteral("step"), tr("Rollback")},
          {QStringLiteral("state"), r ? QStringLiteral("done") : QStringLiteral("failed")},
          {QStringLiteral("output"), r ? QString() : r.error().toString()}});
    if (r)
        m_applied = 0;
    return r;
}

QList<Check> Operation::verify()
{
    if (m_sink.log)
        m_sink.log(tr("Verifying…"));
    const QList<Check> checks = Installer::verify(m_client, m_installation, m_sink.cancel);
    for (const Check &c : checks)
        note({{QStringLiteral("step"), c.title},
              {QStringLiteral("state"), checkStateName(c.state)},
              {QStringLiteral("output"), c.detail}});
    if (m_sink.checked)
        m_sink.checked(checks);
    qCInfo(lcMesh) << "verified" << target() << (anyFailed(checks) ? "with failures" : "ok");
    return checks;
}

OperationReport Operation::install(bool force, bool keepOnFailure)
{
    QString message;
    ErrorCode code = ErrorCode::Unknown;
    QList<Check> checks;
    if (const VoidResult applied = apply(0, force); !applied) {
        message = applied.error().toString();
        code = applied.error().code();
    } else {
        checks = verify();
        if (!anyFailed(checks) && !cancelled()) {
            OperationReport done = report(QStringLiteral("install"), true,
                                          tr("%1 is installed and verified.").arg(target()));
            done.checks = checks;
            return done;
        }
        message = cancelled()
            ? tr("Stopped while verifying.")
            : tr("Applied, but verification failed: %1").arg(firstFailure(checks));
    }
    OperationReport failed = report(QStringLiteral("install"), false, message);
    if (code != ErrorCode::Unknown)
        failed.code = code;
    failed.checks = checks;
    if (keepOnFailure) {
        if (m_sink.log)
            m_sink.log(tr("Kept as applied: uninstalling the mesh removes it."));
        return failed;
    }
    if (m_sink.log)
        m_sink.log(tr("Rolling back what this install created…"));
    if (const VoidResult back = rollback(); back)
        failed.rolledBack = true;
    else
        failed.rollbackError = back.error().toString();
    failed.journal = m_journal;
    return failed;
}

OperationReport Operation::uninstall(const QList<DetectedMesh> &detected, bool deleteNamespaces,
                                     bool restartInjected)
{
    const QString name
        = m_installation.mesh ? m_installation.mesh->name : m_installation.options.mesh;
    const QString id = m_installation.mesh ? m_installation.mesh->id : m_installation.options.mesh;
    begin();
    qCInfo(lcMesh) << "removing" << name << m_installation.plan.steps.size() << "objects";
    if (const VoidResult removed
        = m_installation.plan.remove(m_client, stepReporter(), deleteNamespaces);
        !removed) {
        OperationReport r = report(QStringLiteral("uninstall"), false, removed.error().toString());
        r.code = removed.error().code();
        return r;
    }
    const int seconds = m_installation.options.readyTimeoutMs / 1000;
    if (m_sink.log)
        m_sink.log(tr("Waiting up to %1 s for the control plane to go…").arg(seconds));
    const auto seen = MeshDetector::waitForControlPlane(
        m_client, id, false, m_installation.options.readyTimeoutMs, m_sink.cancel);
    if (!seen) {
        const QString ns = m_installation.mesh ? m_installation.mesh->controlNamespace : QString();
        OperationReport r = report(
            QStringLiteral("uninstall"), false,
            cancelled() ? tr("Stopped while waiting for the control plane to go.")
                        : tr("The objects were deleted, but %1's control plane was still there "
                             "after %2 s; see 'kubectl get pods -n %3'.")
                              .arg(name)
                              .arg(seconds)
                              .arg(ns));
        if (!cancelled())
            r.code = ErrorCode::Timeout;
        return r;
    }
    QStringList injected;
    for (const DetectedMesh &d : detected)
        if (d.id == id)
            injected = d.injectedNamespaces;
    for (const QString &ns : std::as_const(injected)) {
        if (!restartInjected)
            break;
        (void)MeshDetector::setInjection(m_client, id, ns, false);
        const auto restarted = MeshDetector::restartWorkloads(m_client, ns);
        const QString line = restarted ? tr("Injection off and %n workload(s) restarted in %1.",
                                            nullptr, static_cast<int>(restarted->size()))
                                             .arg(ns)
                                       : tr("Injection off in %1; restarting its workloads "
                                            "failed: %2")
                                             .arg(ns, restarted.error().message());
        if (m_sink.log)
            m_sink.log(line);
        note({{QStringLiteral("output"), line}});
    }
    QString message = deleteNamespaces
        ? tr("%1's control plane is gone; its namespaces were "
             "deleted.")
              .arg(name)
        : tr("%1's control plane is gone; namespaces were kept.").arg(name);
    if (!injected.isEmpty() && !restartInjected)
        message += QLatin1Char(' ')
            + tr("Pods in %1 keep their sidecars until their workloads are restarted (Restart "
                 "Workloads, or 'meshdeck mesh restart -n NS').")
                  .arg(injected.join(QStringLiteral(", ")));
    return report(QStringLiteral("uninstall"), true, message);
}

OperationReport Operation::sample(Kube::KubeClient &client, const QString &app, const QString &ns,
                                  bool deploy, const QString &injectMesh, const OperationSink &sink)
{
    OperationReport r;
    r.kind = deploy ? QStringLiteral("sample deploy") : QStringLiteral("sample remove");
    r.target = tr("%1 in %2").arg(app, ns);
    r.started = QDateTime::currentDateTimeUtc();
    auto plan = ManifestPlan::sample(app, ns);
    if (!plan) {
        r.message = plan.error().toString();
        r.code = plan.error().code();
        return r;
    }
    QElapsedTimer clock;
    clock.start();
    QStringList skipped;
    const auto progress = [&](int i, const QString &state) {
        if (sink.step)
            sink.step(i, state);
        if (state == QLatin1String("running") || i < 0 || i >= plan->steps.size())
            return;
        if (state == QLatin1String("skipped"))
            skipped << plan->steps[i].kind;
        r.journal.append(QJsonObject {{QStringLiteral("step"), plan->steps[i].title()},
                                      {QStringLiteral("state"), state},
                                      {QStringLiteral("ms"), clock.elapsed()}});
    };
    const std::atomic_bool never {false};
    qCInfo(lcMesh) << (deploy ? "deploying" : "removing") << "sample" << app << "in" << ns;
    const VoidResult done = deploy
        ? ManifestPlan::deploySample(client, app, ns, injectMesh, progress,
                                     sink.cancel ? *sink.cancel : never)
        : plan->remove(client, progress, false);
    if (!done) {
        r.message = done.error().toString();
        r.code = done.error().code();
        r.outcome = sink.cancel && sink.cancel->load() ? OperationReport::Outcome::Cancelled
                                                       : OperationReport::Outcome::Failed;
        return r;
    }
    r.outcome = OperationReport::Outcome::Succeeded;
    r.message
        = deploy ? tr("%1 runs in %2.").arg(app, ns) : tr("%1 is removed from %2.").arg(app, ns);
    if (!skipped.isEmpty()) {
        skipped.removeDuplicates();
        r.message += QLatin1Char(' ')
            + tr("Skipped %1: this cluster does not serve those kinds (they are Istio's routing; "
                 "install Istio to use them).")
                  .arg(skipped.join(QStringLiteral(", ")));
    }
    return r;
}

} // namespace Meshdeck::Mesh
