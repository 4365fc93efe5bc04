#include "lifecyclecontroller.h"

#include <kube/kubeclient.h>
#include <mesh/installer.h>
#include <mesh/manifestplan.h>
#include <store/resultstore.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

namespace Meshdeck {

class LifecycleWorker : public QObject
{
    Q_OBJECT

public:
    std::atomic_bool cancel {false};
    std::shared_ptr<Kube::KubeClient> client;
    QString historyPath;

    void log(const QString &line) { Q_EMIT logged(line); }

    void record(const QString &kind, const QString &target, const QDateTime &started, bool ok,
                const QJsonArray &steps)
    {
        ResultStore::recordOperationAt(historyPath, kind, target, started, ok, steps);
    }

    VoidResult runPlan(const Mesh::ManifestPlan &plan, bool install, bool namespaces,
                       QJsonArray &steps)
    {
        QElapsedTimer clock;
        clock.start();
        const auto progress = [&](int i, const QString &state) {
            if (state == QLatin1String("running"))
                return;
            log(QStringLiteral("[%1] %2 (%3 ms)")
                    .arg(state, plan.steps[i].title())
                    .arg(clock.elapsed()));
            steps.append(QJsonObject {
                {"step", plan.steps[i].title()}, {"state", state}, {"ms", clock.elapsed()}});
        };
        return install ? plan.apply(*client, progress, cancel)
                       : plan.remove(*client, progress, namespaces);
    }

Q_SIGNALS:
    void logged(const QString &line);
};

LifecycleController::LifecycleController(QObject *parent)
    : QObject(parent)
    , m_worker(new LifecycleWorker)
{
    qRegisterMetaType<QList<Mesh::DetectedMesh>>();
    m_thread.setObjectName(QStringLiteral("meshdeck-lifecycle"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &LifecycleWorker::logged, this, &LifecycleController::logged);
    m_thread.start();
}

LifecycleController::~LifecycleController()
{
    cancel();
    m_thread.quit();
    m_thread.wait();
}

void LifecycleController::setSession(const Kube::ClusterSessionPtr &session)
{
    m_hasContext = session != nullptr;
    m_session = session;
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, client = session ? session->client() : nullptr] { w->client = client; },
        Qt::QueuedConnection);
    if (session)
        detect();
}

void LifecycleController::setHistoryPath(const QString &path)
{
    m_historyPath = path;
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, path] { w->historyPath = path; }, Qt::QueuedConnection);
}

void LifecycleController::cancel()
{
    m_worker->cancel = true;
}

void LifecycleController::run(const QString &title, const std::function<void()> &job)
{
    if (m_busy || !m_hasContext)
        return;
    m_busy = true;
    m_worker->cancel = false;
    Q_EMIT started(title);
    QMetaObject::invokeMethod(m_worker, job, Qt::QueuedConnection);
}

void LifecycleController::done(const QString &title, bool ok, const QString &message)
{
    // From the worker: report on the controller's thread, then look at the cluster again.
    QMetaObject::invokeMethod(
        this,
        [this, title, ok, message] {
            m_busy = false;
            Q_EMIT finished(title, ok, message);
            detect();
        },
        Qt::QueuedConnection);
}

void LifecycleController::detect()
{
    if (!m_hasContext)
        return;
    QMetaObject::invokeMethod(
        m_worker,
        [this, w = m_worker] {
            if (!w->client)
                return;
            const auto found = Mesh::MeshDetector::detect(*w->client);
            QStringList namespaces;
            if (const auto ns = w->client->list(QStringLiteral("/api/v1/namespaces")))
                for (const QJsonObject &n : ns->items)
                    namespaces << n.value(QLatin1String("metadata"))
                                      .toObject()
                                      .value(QLatin1String("name"))
                                      .toString();
            QMetaObject::invokeMethod(
                this,
                [this, list = found ? found.value() : QList<Mesh::DetectedMesh>(), namespaces] {
                    Q_EMIT detected(list, namespaces);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void LifecycleController::uninstall(const QString &mesh)
{
    const QString title
        = tr("Uninstall %1").arg(Mesh::findMesh(mesh) ? Mesh::findMesh(mesh)->name : mesh);
    run(title, [this, w = m_worker, mesh, title] {
        const QDateTime started = QDateTime::currentDateTimeUtc();
        const Mesh::MeshDescription *m = Mesh::findMesh(mesh);
        QJsonArray steps;
        QString message;
        bool ok = false;
        Mesh::InstallOptions options;
        options.mesh = mesh;
        const auto inst = Mesh::Installer::prepareRemoval(
            options, Mesh::MeshDetector::detect(*w->client).valueOr({}));
        if (!inst) {
            message = inst.error().message();
        } else if (const VoidResult removed = w->runPlan(inst->plan, false, false, steps);
                   !removed) {
            message = removed.error().toString();
        } else {
            w->log(tr("Waiting for the control plane to go…"));
            ok = Mesh::MeshDetector::waitForControlPlane(*w->client, mesh, false, 60000, &w->cancel)
                     .has_value();
            message = ok ? tr("%1 is removed; namespaces were kept. Restart injected workloads "
                              "to drop their sidecars (Restart Workloads).")
                               .arg(m->name)
                         : tr("The objects were deleted, but the control plane was still there "
                              "after 60 s.");
        }
        w->record(QStringLiteral("uninstall"), m ? m->name : mesh, started, ok, steps);
        done(title, ok, message);
    });
}

void LifecycleController::restartWorkloads(const QString &ns)
{
    const QString title = tr("Restart workloads in %1").arg(ns);
    run(title, [this, w = m_worker, ns, title] {
        const auto r = Mesh::MeshDetector::restartWorkloads(*w->client, ns);
        if (r)
            for (const QString &workload : r.value())
                w->log(tr("Restarted %1").arg(workload));
        done(title, r.ok(),
             r ? tr("%n workload(s) restarted in %1; their new pods follow the namespace's "
                    "injection setting.",
                    nullptr, static_cast<int>(r->size()))
                     .arg(ns)
               : r.error().message());
    });
}

void LifecycleController::setMtlsMode(const QString &mesh, const QString &mode)
{
    const QString title = tr("mTLS %1").arg(mode);
    run(title, [this, w = m_worker, mesh, mode, title] {
        const VoidResult r = Mesh::MeshDetector::setMtlsMode(*w->client, mesh, mode);
        done(title, r.ok(), r ? tr("Mesh-wide mTLS is now %1.").arg(mode) : r.error().message());
    });
}

void LifecycleController::setInjection(const QString &mesh, const QString &ns, bool on)
{
    const QString title
        = on ? tr("Injection on for %1").arg(ns) : tr("Injection off for %1").arg(ns);
    run(title, [this, w = m_worker, mesh, ns, on, title] {
        const VoidResult r = Mesh::MeshDetector::setInjection(*w->client, mesh, ns, on);
        done(title, r.ok(),
             r.ok() ? tr("Restart the namespace's workloads for the change to reach their pods.")
                    : r.error().message());
    });
}

void LifecycleController::sample(const QString &app, const QString &ns, bool deploy,
                                 const QString &injectMesh)
{
    const QString title
        = deploy ? tr("Deploy %1 in %2").arg(app, ns) : tr("Remove %1 from %2").arg(app, ns);
    run(title, [this, w = m_worker, app, ns, deploy, injectMesh, title] {
        const QDateTime started = QDateTime::currentDateTimeUtc();
        QJsonArray steps;
        QString message;
        auto plan = Mesh::ManifestPlan::sample(app, ns);
        bool ok = false;
        if (!plan) {
            message = plan.error().message();
        } else {
            QElapsedTimer clock;
            clock.start();
            const auto progress = [&](int i, const QString &state) {
                if (state == QLatin1String("running"))
                    return;
                w->log(QStringLiteral("[%1] %2 (%3 ms)")
                           .arg(state, plan->steps[i].title())
                           .arg(clock.elapsed()));
                steps.append(QJsonObject {
                    {"step", plan->steps[i].title()}, {"state", state}, {"ms", clock.elapsed()}});
            };
            const VoidResult r = deploy ? Mesh::ManifestPlan::deploySample(
                                     *w->client, app, ns, injectMesh, progress, w->cancel)
                                        : plan->remove(*w->client, progress, false);
            ok = r.ok();
            message = ok ? (deploy ? tr("%1 runs in %2.").arg(app, ns)
                                   : tr("%1 is removed from %2.").arg(app, ns))
                         : r.error().toString();
        }
        w->record(deploy ? QStringLiteral("sample deploy") : QStringLiteral("sample remove"),
                  app + QStringLiteral(" in ") + ns, started, ok, steps);
        done(title, ok, message);
    });
}

} // namespace Meshdeck

#include "lifecyclecontroller.moc"
