#pragma once

#include <kube/clustersession.h>
#include <perf/loadrunner.h>

#include <QObject>
#include <QThread>

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
    void start(const Perf::RunRequest &request, const QString &profile);
    void cancel();
    // The last finished run, saved or not.
    [[nodiscard]] const Perf::RunResult &lastResult() const { return m_last; }

Q_SIGNALS:
    void started(const Meshdeck::Perf::RunRequest &request);
    void progressed(const Meshdeck::Perf::RunProgress &progress);
    // saveError is empty when the run is in the database.
    void finished(const Meshdeck::Perf::RunResult &result, const QString &saveError);
    void runningChanged(bool running);

private:
    QThread m_thread;
    RunWorker *m_worker = nullptr;
    bool m_running = false;
    Perf::RunResult m_last;
};

} // namespace Meshdeck
