#pragma once

#include <kube/clustersession.h>
#include <mesh/meshdetector.h>
#include <mesh/trafficpolicy.h>

#include <core/workerthread.h>

#include <QObject>
#include <QTimer>

#include <atomic>

namespace Meshdeck {

class LifecycleWorker;

// The Lifecycle page's hands: detection, installs and removals (by plan, with server-side
// apply), injection switches and sample apps, all on a worker thread. Each operation streams
// its steps as log lines and ends with finished(); every one is recorded in the history.
class LifecycleController : public QObject
{
    Q_OBJECT

public:
    explicit LifecycleController(QObject *parent = nullptr);
    ~LifecycleController() override;

    // The connected context's session: every operation uses its client.
    void setSession(const Kube::ClusterSessionPtr &session);
    void setHistoryPath(const QString &path);
    [[nodiscard]] bool hasContext() const { return m_hasContext; }
    [[nodiscard]] bool busy() const { return m_busy; }

    [[nodiscard]] const Kube::ClusterSessionPtr &session() const { return m_session; }
    [[nodiscard]] QString historyPath() const { return m_historyPath; }

    void detect();
    // Detects again soon, at most once a second: the page follows the cluster's informers
    // (a control plane becoming ready, a namespace appearing) without a Refresh.
    void scheduleDetect();
    // Removes a mesh installed from its bundle (with the add-ons found running).
    void uninstall(const QString &mesh);
    // Restarts the workloads of a namespace, so that injection changes reach their pods.
    void restartWorkloads(const QString &ns);
    void setMtlsMode(const QString &mesh, const QString &mode);
    void setInjection(const QString &mesh, const QString &ns, bool on);
    void sample(const QString &app, const QString &ns, bool deploy, const QString &injectMesh);
    // Applies a Service's traffic policy (server-side apply as "meshdeck"; force takes fields
    // another manager owns), or removes the objects Meshdeck made for it; both are recorded.
    void applyTraffic(const Mesh::TrafficPolicy &policy, bool force);
    void removeTraffic(const QString &ns, const QString &service);
    // Whether this user may write routing objects in the namespace (trafficAccessChecked).
    void checkTrafficAccess(const QString &ns, bool gatewayApi = false);
    void cancel();

Q_SIGNALS:
    void detected(const QList<Meshdeck::Mesh::DetectedMesh> &meshes, const QStringList &namespaces);
    void logged(const QString &line);
    void started(const QString &title);
    void finished(const QString &title, bool ok, const QString &message);
    // After applyTraffic or removeTraffic: conflict when another manager owns fields (apply
    // again with force to take them).
    void trafficFinished(bool ok, bool conflict, const QString &message);
    void trafficAccessChecked(const QString &ns, bool allowed, const QString &reason);

private:
    void run(const QString &title, const std::function<void()> &job);
    void done(const QString &title, bool ok, const QString &message);

    WorkerThread<LifecycleWorker> m_worker;
    bool m_hasContext = false;
    Kube::ClusterSessionPtr m_session;
    QString m_historyPath;
    bool m_busy = false;
    QTimer *m_detectTimer = nullptr;
};

} // namespace Meshdeck

Q_DECLARE_METATYPE(QList<Meshdeck::Mesh::DetectedMesh>)
