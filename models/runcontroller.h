#pragma once

#include <incluster/inclusterrun.h>
#include <kube/clustersession.h>
#include <perf/loadrunner.h>

#include <core/workerthread.h>

#include <QObject>
#include <QPair>

#include <optional>

namespace Meshdeck {

class RunWorker;

// Runs load tests for the Performance page: the runner and the saving of its result happen on
// a worker thread (the GUI thread only receives progress and the outcome). Every run is saved
// to the results database, cancelled ones too; when saving fails (disk full, database locked)
// the result stays here in memory and can be written to a file instead.
class RunController : public QObject
{
    Q_OBJECT

public:
    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    // Where runs are saved (the results database); empty: not saved.
    void setStorePath(const QString &path);
    // The cluster whose facts (Kubernetes version, nodes with CPU and memory, the mesh and its
    // version) are recorded with each run; read at the start of the run, on the worker.
    // The connected context's session: runs record its facts (version, nodes, mesh).
    void setSession(const Kube::ClusterSessionPtr &session);
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] bool hasCluster() const { return m_session != nullptr; }
    // The connected cluster's Services as http URLs for in-cluster load (label, URL).
    [[nodiscard]] QList<QPair<QString, QString>> clusterTargets() const;
    // inCluster: Kubernetes runs the load as an Indexed Job in the session's cluster.
    // gRPC: the request message of `method` from JSON (built-in descriptors: grpc.health.v1 and
    // the demo's Bookinfo); a method they do not know is called with an empty message, and
    // JSON for it is refused.
    [[nodiscard]] static Result<std::string> grpcMessage(const std::string &method,
                                                         const std::string &json);
    void start(const Perf::RunRequest &request, const QString &profile,
               const std::optional<InCluster::InClusterOptions> &inCluster = std::nullopt);
    void cancel();
    // The last finished run, saved or not.
    [[nodiscard]] const Perf::RunResult &lastResult() const { return m_last; }

Q_SIGNALS:
    void started(const Meshdeck::Perf::RunRequest &request);
    void progressed(const Meshdeck::Perf::RunProgress &progress);
    // In-cluster runs: the workers (pod, node, state, rate) and the phase.
    void clusterProgressed(const Meshdeck::InCluster::InClusterProgress &progress);
    // saveError is empty when the run is in the database.
    void finished(const Meshdeck::Perf::RunResult &result, const QString &saveError);
    void runningChanged(bool running);

private:
    WorkerThread<RunWorker> m_worker;
    bool m_running = false;
    Perf::RunResult m_last;
    Kube::ClusterSessionPtr m_session;
};

} // namespace Meshdeck

Q_DECLARE_METATYPE(Meshdeck::InCluster::InClusterProgress)
