#pragma once

#include <kube/clustersession.h>
#include <topology/topologysource.h>

#include <core/workerthread.h>
#include <QFuture>

#include <QObject>
#include <QPointF>

#include <atomic>
#include <memory>

class QTimer;

namespace Meshdeck {

class TopologyWorker;

// Keeps the Topology page's graph fresh: every refresh (on a timer, or by hand) lists the
// cluster's objects, reads the mesh's Prometheus and lays the graph out, all on a worker thread;
// the layout runs on the thread pool and is cancelled when a newer graph arrives; the GUI thread
// gets the finished graph. Positions carry over between refreshes so that the picture holds
// still. A refresh asked for while one runs is coalesced into the next.
class TopologyController : public QObject
{
    Q_OBJECT

public:
    explicit TopologyController(QObject *parent = nullptr);
    ~TopologyController() override;

    // The connected context's session (its client and cache); null: none.
    void setSession(const Kube::ClusterSessionPtr &session);
    void clearContext();
    [[nodiscard]] bool hasContext() const { return m_hasContext; }
    void setRequest(const Topology::RefreshRequest &request); // refreshes at once
    [[nodiscard]] const Topology::RefreshRequest &request() const { return m_request; }
    void setInterval(int milliseconds); // 0: paused (manual refresh only)
    [[nodiscard]] int interval() const { return m_interval; }
    void refresh();
    // Rate, error % and p99 over the current window for the series matching `labels` (Istio
    // destination-side label names); answered by historyReady.
    void requestHistory(const QMap<QString, QString> &labels, const QString &key);

    // Layouts stopped because a newer graph arrived first (for tests and the status line).
    [[nodiscard]] int layoutsCancelled() const { return m_layoutsCancelled; }

Q_SIGNALS:
    void historyReady(const QString &key, const QList<QPointF> &rate, const QList<QPointF> &errors,
                      const QList<QPointF> &p99);
    void refreshStarted();
    // problem: why the graph is incomplete or missing (empty when all is well).
    void graphReady(const Meshdeck::Topology::Graph &graph, const QString &problem,
                    int promqlRequests, qint64 milliseconds);
    void refreshFailed(const QString &error);

private:
    // Lays the built graph out on the thread pool (QtConcurrent with a QPromise), starting
    // from the last positions; a newer graph cancels a layout still running.
    void layOut(const Topology::Graph &graph, const QString &problem, int promql, qint64 ms);

    WorkerThread<TopologyWorker> m_worker;
    QTimer *m_timer = nullptr;
    Topology::RefreshRequest m_request;
    int m_interval = 10000;
    bool m_hasContext = false;
    bool m_busy = false;
    bool m_pending = false;
    QHash<QString, QPointF> m_positions;
    Topology::GraphType m_lastType = Topology::GraphType::Workload;
    bool m_lastForce = false;
    QFuture<QHash<QString, QPointF>> m_layout;
    std::shared_ptr<std::atomic_bool> m_layoutCancel;
    int m_layoutsCancelled = 0;
};

} // namespace Meshdeck

Q_DECLARE_METATYPE(Meshdeck::Topology::Graph)
Q_DECLARE_METATYPE(Meshdeck::Topology::RefreshRequest)
Q_DECLARE_METATYPE(Meshdeck::Kube::ResolvedContext)
