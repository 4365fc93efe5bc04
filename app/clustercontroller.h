#pragma once

#include <core/error.h>
#include <kube/clusterconnection.h>
#include <kube/kubeconfig.h>

#include <QHash>
#include <QObject>
#include <QPair>
#include <QPointer>

#include <memory>

class QThread;

namespace Meshdeck {

namespace Demo {
class DemoCluster;
}
class ConnectionState;
class PodLogSession;
class ResourceTreeModel;

// Connects the GUI to a cluster: loads the kubeconfig off the GUI thread, runs the chosen
// context's ClusterConnection on a thread of its own, and feeds its batched changes into the
// resource tree and the connection state. With useDemo(), it first starts the embedded demo
// cluster (also off the GUI thread) and connects to it.
class ClusterController : public QObject
{
    Q_OBJECT

public:
    ClusterController(ConnectionState *state, ResourceTreeModel *tree, QObject *parent = nullptr);
    ~ClusterController() override;

    void load(const QString &kubeconfig, const QString &context);
    void useDemo();
    void switchContext(const QString &context);

    [[nodiscard]] QStringList contexts() const { return m_contexts; }
    [[nodiscard]] QString currentContext() const { return m_current; }
    [[nodiscard]] QString loadError() const { return m_loadError; }
    // Each context's last probe: empty while unknown, "v1.32.2" when reachable, else the reason.
    [[nodiscard]] QHash<QString, QPair<bool, QString>> contextStatus() const
    {
        return m_contextStatus;
    }
    // Events about the object with this uid, newest last.
    [[nodiscard]] QList<QJsonObject> eventsFor(const QString &uid) const;
    void followLogs(const QString &ns, const QString &pod, const QString &container);
    void stopLogs();

Q_SIGNALS:
    void contextsChanged();
    // A context's session starts (null: the connection ended); controllers take its client and
    // cache from it.
    void sessionStarted(const Meshdeck::Kube::ClusterSessionPtr &session);
    // The demo cluster is up; its Bookinfo productpage without and with sidecars.
    void demoStarted(const QString &productpageUrl, const QString &productpageMeshUrl);
    void contextSwitched(const QString &context);
    void eventsChanged();
    // Objects other than events were added, changed or deleted (batched, 20 a second at most).
    void objectsChanged();
    void logsAppended(const QString &text);
    void logsFinished(const QString &error);

private:
    void connectTo(const Kube::ResolvedContext &context);
    void disconnectCurrent(bool wait = false);
    void onDeltas(const Kube::ResourceDeltas &deltas);
    void probeContexts();

    ConnectionState *m_state;
    ResourceTreeModel *m_tree;
    std::unique_ptr<Kube::Kubeconfig> m_config;
    QStringList m_contexts;
    QString m_current;
    QString m_loadError;
    QThread *m_thread = nullptr;
    QPointer<Kube::ClusterConnection> m_connection;
    Kube::ClusterSessionPtr m_session;
    std::shared_ptr<Demo::DemoCluster> m_demo;
    QString m_demoKubeconfig;
    QHash<QString, QList<QJsonObject>> m_events;
    PodLogSession *m_logs = nullptr;
    QHash<QString, QPair<bool, QString>>
        m_contextStatus; // context -> (reachable, version or reason) // involved object's uid ->
                         // events
};

} // namespace Meshdeck
