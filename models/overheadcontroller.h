#pragma once

#include <kube/clustersession.h>
#include <overhead/overheadexperiment.h>

#include <core/workerthread.h>

#include <QObject>

namespace Meshdeck {

class OverheadWorker;

// Runs mesh overhead experiments for the GUI: the runs, their resource sampling and the saving
// of every run to the results database happen on a worker thread; the GUI thread receives the
// progress and the report. Cancel stops between (and inside) runs and keeps what finished.
class OverheadController : public QObject
{
    Q_OBJECT

public:
    explicit OverheadController(QObject *parent = nullptr);
    ~OverheadController() override;

    void setStorePath(const QString &path); // where runs are saved; empty: not saved
    void setSession(const Kube::ClusterSessionPtr &session); // for resources and the checks
    [[nodiscard]] bool hasCluster() const { return m_session != nullptr; }
    [[nodiscard]] bool isRunning() const { return m_running; }

    void start(const Overhead::ExperimentSpec &spec);
    void cancel();
    [[nodiscard]] const Overhead::OverheadReport &lastReport() const { return m_last; }

Q_SIGNALS:
    // Before each run: 1-based index, total, and what runs ("mesh at 500 requests/s, 2 of 3").
    void progressed(int run, int runs, const QString &what);
    void runFinished(const QString &summary); // one line per finished run
    // refused: the experiment did not start (it would compare nothing, or the cluster failed).
    void finished(const Meshdeck::Overhead::OverheadReport &report, const QString &problem);
    void runningChanged(bool running);

private:
    WorkerThread<OverheadWorker> m_worker;
    Kube::ClusterSessionPtr m_session;
    bool m_running = false;
    Overhead::OverheadReport m_last;
};

} // namespace Meshdeck

Q_DECLARE_METATYPE(Meshdeck::Overhead::OverheadReport)
Q_DECLARE_METATYPE(Meshdeck::Overhead::ExperimentSpec)
