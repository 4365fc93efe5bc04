#include "lifecyclecontroller.h"

#include <QDateTime>

#include <QJsonDocument>

#include <kube/kubeclient.h>
#include <mesh/installer.h>
#include <mesh/manifestplan.h>
#include <mesh/operation.h>
#include <store/resultstore.h>

#include <QElapsedTimer>
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

    void record(const Mesh::OperationReport &r)
    {
        ResultStore::recordOperationAt(historyPath, r.kind, r.target, r.started, r.ok(), r.journal);
    }

    // Each finished step as a log line with its time; the operation keeps the journal.
    Mesh::OperationSink sink(const Mesh::ManifestPlan &plan)
    {
        Mesh::OperationSink s;
        auto clock = std::make_shared<QElapsedTimer>();
        clock->start();
        s.step = [this, clock, titles = plan.titles()](int i, const QString &state) {
            if (state != QLatin1String("running"))
                log(QStringLiteral("[%1] %2 (%3 ms)")
                        .arg(state, titles.value(i))
                        .arg(clock->elapsed()));
        };
        s.log = [this](const QString &line) {
            log(line);
        };
        s.cancel = &cancel;
        return s;
    }

Q_SIGNALS:
    void logged(const QString &line);
};

LifecycleController::LifecycleController(QObject *parent)
    : QObject(parent)
    , m_worker(QStringLiteral("meshdeck-lifecycle"), new LifecycleWorker)
{
    qRegisterMetaType<QList<Mesh::DetectedMesh>>();
    connect(m_worker.worker(), &LifecycleWorker::logged, this, &LifecycleController::logged);
    m_detectTimer = new QTimer(this);
    m_detectTimer->setSingleShot(true);
    m_detectTimer->setInterval(1000);
    connect(m_detectTimer, &QTimer::timeout, this, &LifecycleController::detect);
}

void LifecycleController::scheduleDetect()
{
    if (m_hasContext && !m_detectTimer->isActive())
        m_detectTimer->start();
}

LifecycleController::~LifecycleController()
{
    cancel();
}

void LifecycleController::setSession(const Kube::ClusterSessionPtr &session)
{
    m_hasContext = session != nullptr;
    m_session = session;
    QMetaObject::invokeMethod(
        m_worker.worker(),
        [w = m_worker.worker(), client = session ? session->client() : nullptr] {
            w->client = client;
        },
        Qt::QueuedConnection);
    if (session)
        detect();
}

void LifecycleController::setHistoryPath(const QString &path)
{
    m_historyPath = path;
    QMetaObject::invokeMethod(
        m_worker.worker(), [w = m_worker.worker(), path] { w->historyPath = path; },
        Qt::QueuedConnection);
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
    QMetaObject::invokeMethod(m_worker.worker(), job, Qt::QueuedConnection);
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
        m_worker.worker(),
        [this, w = m_worker.worker()] {
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
    run(title, [this, w = m_worker.worker(), mesh, title] {
        Mesh::InstallOptions options;
        options.mesh = mesh;
        const QList<Mesh::DetectedMesh> detected
            = Mesh::MeshDetector::detect(*w->client).valueOr({});
        auto inst = Mesh::Installer::prepareRemoval(options, detected);
        if (!inst) {
            done(title, false, inst.error().message());
            return;
        }
        Mesh::Operation operation(*w->client, inst.value(), w->sink(inst->plan));
        const Mesh::OperationReport r = operation.uninstall(detected, false, false);
        w->record(r);
        done(title, r.ok(), r.message);
    });
}

void LifecycleController::restartWorkloads(const QString &ns)
{
    const QString title = tr("Restart workloads in %1").arg(ns);
    run(title, [this, w = m_worker.worker(), ns, title] {
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
    run(title, [this, w = m_worker.worker(), mesh, mode, title] {
        const VoidResult r = Mesh::MeshDetector::setMtlsMode(*w->client, mesh, mode);
        done(title, r.ok(), r ? tr("Mesh-wide mTLS is now %1.").arg(mode) : r.error().message());
    });
}

void LifecycleController::setInjection(const QString &mesh, const QString &ns, bool on)
{
    const QString title
        = on ? tr("Injection on for %1").arg(ns) : tr("Injection off for %1").arg(ns);
    run(title, [this, w = m_worker.worker(), mesh, ns, on, title] {
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
    run(title, [this, w = m_worker.worker(), app, ns, deploy, injectMesh, title] {
        const auto plan = Mesh::ManifestPlan::sample(app, ns);
        const Mesh::OperationReport r
            = Mesh::Operation::sample(*w->client, app, ns, deploy, injectMesh,
                                      w->sink(plan ? plan.value() : Mesh::ManifestPlan()));
        w->record(r);
        done(title, r.ok(), r.message);
    });
}

namespace {

// Where a routing object lives: Istio's kinds, the Gateway API's HTTPRoute, a Service.
QString routingPath(const QJsonObject &object)
{
    const QJsonObject md = object.value(QLatin1String("metadata")).toObject();
    const QString kind = object.value(QLatin1String("kind")).toString();
    const QString ns = md.value(QLatin1String("namespace")).toString();
    const QString name = md.value(QLatin1String("name")).toString();
    if (kind == QLatin1String("HTTPRoute"))
        return QStringLiteral("/apis/gateway.networking.k8s.io/v1/namespaces/%1/httproutes/%2")
            .arg(ns, name);
    if (kind == QLatin1String("Service"))
        return QStringLiteral("/api/v1/namespaces/%1/services/%2").arg(ns, name);
    const QString plural = kind == QLatin1String("VirtualService")
        ? QStringLiteral("virtualservices")
        : QStringLiteral("destinationrules");
    return QStringLiteral("/apis/networking.istio.io/v1/namespaces/%1/%2/%3").arg(ns, plural, name);
}

} // namespace

void LifecycleController::applyTraffic(const Mesh::TrafficPolicy &policy, bool force)
{
    const QString title = tr("Route traffic for %1 in %2").arg(policy.service, policy.ns);
    run(title, [this, w = m_worker.worker(), policy, force, title] {
        Mesh::OperationReport report;
        report.kind = QStringLiteral("traffic");
        report.target = QStringLiteral("%1 in %2").arg(policy.service, policy.ns);
        report.started = QDateTime::currentDateTime();
        const QList<QJsonObject> objects = policy.render();
        bool conflict = false;
        QString message;
        bool ok = true;
        for (const QJsonObject &object : objects) {
            const QString path = routingPath(object);
            const auto r = w->client->apply(
                path, QJsonDocument(object).toJson(QJsonDocument::Compact), force);
            const QString step
                = tr("Apply %1 %2")
                      .arg(object.value(QLatin1String("kind")).toString(), policy.service);
            report.journal.append(QJsonObject {
                {QStringLiteral("step"), step},
                {QStringLiteral("state"), r ? QStringLiteral("done") : QStringLiteral("failed")}});
            w->log(QStringLiteral("[%1] %2").arg(
                r ? QStringLiteral("done") : QStringLiteral("failed"), step));
            if (!r) {
                ok = false;
                conflict = r.error().code() == ErrorCode::Conflict;
                message = r.error().message();
                break;
            }
        }
        // A DestinationRule Meshdeck made that the policy no longer needs goes.
        if (ok && objects.size() == 1 && policy.flavor == Mesh::TrafficPolicy::Flavor::Istio) {
            const QString drPath
                = QStringLiteral("/apis/networking.istio.io/v1/namespaces/%1/destinationrules/%2")
                      .arg(policy.ns, policy.service);
            if (const auto existing = w->client->get(drPath);
                existing && Mesh::TrafficPolicy::isMeshdecks(*existing))
                (void)w->client->remove(drPath);
        }
        report.outcome = ok ? Mesh::OperationReport::Outcome::Succeeded
                            : Mesh::OperationReport::Outcome::Failed;
        report.message = ok ? tr("Applied: %1 of %2 follows the new routing within a refresh.")
                                  .arg(policy.service, policy.ns)
                            : message;
        w->record(report);
        QMetaObject::invokeMethod(
            this,
            [this, ok, conflict, m = report.message] { Q_EMIT trafficFinished(ok, conflict, m); },
            Qt::QueuedConnection);
        done(title, ok, report.message);
    });
}

void LifecycleController::removeTraffic(const QString &ns, const QString &service)
{
    const QString title = tr("Remove traffic rules for %1 in %2").arg(service, ns);
    run(title, [this, w = m_worker.worker(), ns, service, title] {
        Mesh::OperationReport report;
        report.kind = QStringLiteral("traffic remove");
        report.target = QStringLiteral("%1 in %2").arg(service, ns);
        report.started = QDateTime::currentDateTime();
        bool ok = true;
        QString message;
        // Istio's objects, the Gateway API's HTTPRoute, then the versions' Services it used.
        QStringList paths;
        for (const char *plural : {"virtualservices", "destinationrules"})
            paths << QStringLiteral("/apis/networking.istio.io/v1/namespaces/%1/%2/%3")
                         .arg(ns, QLatin1String(plural), service);
        paths << QStringLiteral("/apis/gateway.networking.k8s.io/v1/namespaces/%1/httproutes/%2")
                     .arg(ns, service);
        if (const auto versions
            = w->client->list(QStringLiteral("/api/v1/namespaces/%1/services").arg(ns), 500,
                              QStringLiteral("meshdeck.io/version-of=%1").arg(service)))
            for (const QJsonObject &svc : versions->items)
                paths << routingPath(svc);
        for (const QString &path : std::as_const(paths)) {
            const auto existing = w->client->get(path);
            if (!existing || !Mesh::TrafficPolicy::isMeshdecks(*existing))
                continue; // absent, or not Meshdeck's: left alone
            const auto r = w->client->remove(path);
            report.journal.append(QJsonObject {
                {QStringLiteral("step"),
                 QStringLiteral("Delete %1 %2")
                     .arg(existing->value(QLatin1String("kind")).toString(),
                          existing->value(QLatin1String("metadata"))
                              .toObject()
                              .value(QLatin1String("name"))
                              .toString())},
                {QStringLiteral("state"), r ? QStringLiteral("done") : QStringLiteral("failed")}});
            if (!r) {
                ok = false;
                message = r.error().message();
            }
        }
        report.outcome = ok ? Mesh::OperationReport::Outcome::Succeeded
                            : Mesh::OperationReport::Outcome::Failed;
        report.message = ok ? tr("Meshdeck's rules for %1 are removed.").arg(service) : message;
        w->record(report);
        QMetaObject::invokeMethod(
            this, [this, ok, m = report.message] { Q_EMIT trafficFinished(ok, false, m); },
            Qt::QueuedConnection);
        done(title, ok, report.message);
    });
}

void LifecycleController::checkTrafficAccess(const QString &ns, bool gatewayApi)
{
    if (!m_hasContext)
        return;
    QMetaObject::invokeMethod(
        m_worker.worker(),
        [this, w = m_worker.worker(), ns, gatewayApi] {
            bool allowed = false;
            QString reason;
            const QString group = gatewayApi ? QStringLiteral("gateway.networking.k8s.io")
                                             : QStringLiteral("networking.istio.io");
            const auto may = w->client->canI(
                QStringLiteral("patch"), group,
                gatewayApi ? QStringLiteral("httproutes") : QStringLiteral("virtualservices"), ns);
            if (!may)
                reason = may.error().message();
            else if (!may.value())
                reason = gatewayApi ? tr("This user may not change HTTPRoutes in %1 (ask for "
                                         "patch on gateway.networking.k8s.io).")
                                          .arg(ns)
                                    : tr("This user may not change VirtualServices in %1 (ask for "
                                         "patch on networking.istio.io).")
                                          .arg(ns);
            else
                allowed = true;
            QMetaObject::invokeMethod(
                this,
                [this, ns, allowed, reason] { Q_EMIT trafficAccessChecked(ns, allowed, reason); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace Meshdeck

#include "lifecyclecontroller.moc"
