#pragma once

#include "clustersession.h"
#include "kubeclient.h"
#include "kubeconfig.h"

#include <core/error.h>

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>

#include <memory>

class QTimer;

namespace Meshdeck::Kube {

class Informer;
class KubeClient;

// One change to one object of the connected cluster, as it reaches the models.
struct ResourceDelta
{
    enum class Type { Added, Modified, Deleted };
    Type type = Type::Added;
    QString group; // "" for the core group
    QString kind; // "Pod", "Deployment", ...
    QJsonObject object;
};
using ResourceDeltas = QList<ResourceDelta>;

// The thread that keeps a ClusterSession live: checks the server, discovers its kinds, and runs
// an informer for each kind the pages show (namespaces, nodes, pods, services, workloads, events,
// CRDs, and the Istio, Linkerd and Gateway API kinds the cluster serves), kept in the session so
// that every page and controller reads the same cache. Lives on a thread of its own
// (moveToThread by the owner); its changes leave as batches, at most 20 a second, through the
// queued signal deltasReady. If the server cannot be reached it says why and tries again.
class ClusterConnection : public QObject
{
    Q_OBJECT

public:
    enum class State { Connecting, Connected, Failed };
    Q_ENUM(State)

    explicit ClusterConnection(ClusterSessionPtr session, QObject *parent = nullptr);
    // A session of its own for this context.
    explicit ClusterConnection(ResolvedContext context, QObject *parent = nullptr);
    ~ClusterConnection() override;

    [[nodiscard]] const ResolvedContext &context() const { return m_session->context(); }
    [[nodiscard]] const ClusterSessionPtr &session() const { return m_session; }
    // The session's client (thread-safe).
    [[nodiscard]] std::shared_ptr<KubeClient> client() const { return m_session->client(); }
    // The kinds this connection watches, in the order they are listed.
    static QStringList watchedKinds();

public Q_SLOTS:
    void start();
    void stop();

Q_SIGNALS:
    void stateChanged(Meshdeck::Kube::ClusterConnection::State state, const QString &detail);
    void deltasReady(const Meshdeck::Kube::ResourceDeltas &deltas);
    void synced();

private:
    void connectNow();
    void flush();
    void startInformers(const QList<ApiResource> &resources);
    void watchNewKinds(const ResourceDeltas &batch);
    void dropInformer(const QString &id);

    ClusterSessionPtr m_session;
    QTimer *m_flushTimer = nullptr;
    QTimer *m_retryTimer = nullptr;
    bool m_announcedSync = false;
    QString m_serverVersion;
    QString m_health; // the error being shown, empty when all informers are healthy
    QStringList m_watching; // "group/Kind" with an informer
    QStringList m_kindProblems; // one kind's failures already logged
};

} // namespace Meshdeck::Kube

Q_DECLARE_METATYPE(Meshdeck::Kube::ResourceDelta)
Q_DECLARE_METATYPE(Meshdeck::Kube::ResourceDeltas)
