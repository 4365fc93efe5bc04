#include "overheadcontroller.h"

#include <kube/kubeclient.h>
#include <store/resultstore.h>

#include <atomic>

namespace Meshdeck {

class OverheadWorker : public QObject
{
    Q_OBJECT

public:
    std::atomic_bool cancel {false};
    void setSession(Kube::ClusterSessionPtr session) { m_session = std::move(session); }

public Q_SLOTS:
    void setStorePath(const QString &path)
    {
        m_storePath = path;
        m_store.reset();
    }

    void run(const Meshdeck::Overhead::ExperimentSpec &spec)
    {
        using namespace Overhead;
        cancel = false;
        std::shared_ptr<Kube::KubeClient> kube = m_session ? m_session->client() : nullptr;
        const auto checked = OverheadExperiment::preflight(spec, kube.get());
        if (!checked) {
            Q_EMIT finished(OverheadReport {}, checked.error().message());
            return;
        }
        QString saveError;
        const QList<ArmRun> runs = OverheadExperiment::run(
            spec, kube, *checked, cancel,
            [this, &spec](const ExperimentProgress &p) {
                Q_EMIT progressed(p.run, p.runs,
                                  tr("%1 at %2 requests/s, repetition %3 of %4")
                                      .arg(p.arm == Arm::Baseline ? tr("Baseline") : tr("Mesh"))
                                      .arg(p.rate)
                                      .arg(p.repeat + 1)
                                      .arg(spec.repeats));
            },
            [this, &saveError](const ArmRun &run) {
                const auto &h = run.result.report.corrected;
                Q_EMIT runFinished(
                    tr("%1 at %2/s: %3 requests/s achieved, p50 %4 ms, p99 %5 ms")
                        .arg(run.arm == Arm::Baseline ? tr("Baseline") : tr("Mesh"))
                        .arg(run.rate)
                        .arg(run.result.report.achievedRate, 0, 'f', 1)
                        .arg(static_cast<double>(h.percentileNs(50)) / 1e6, 0, 'f', 2)
                        .arg(static_cast<double>(h.percentileNs(99)) / 1e6, 0, 'f', 2));
                if (const QString e = save(run.result); !e.isEmpty())
                    saveError = e;
            },
            [this](const QString &phase) { Q_EMIT runFinished(phase); });
        const OverheadReport report = OverheadReport::build(runs);
        QString problem = saveError.isEmpty()
            ? QString()
            : tr("The runs were not saved to the results database: %1").arg(saveError);
        if (problem.isEmpty() && !runs.isEmpty() && runs.last().result.report.attempts() == 0
            && !runs.last().result.failure.isEmpty())
            problem = tr("Stopped after run %1, which could send nothing: %2")
                          .arg(runs.size())
                          .arg(runs.last().result.failure);
        if (report.rows.isEmpty() && problem.isEmpty())
            problem = cancel ? tr("Cancelled before a rate was measured with both arms.")
                             : tr("No rate was measured with both arms.");
        Q_EMIT finished(report, problem);
    }

Q_SIGNALS:
    void progressed(int run, int runs, const QString &what);
    void runFinished(const QString &summary);
    void finished(const Meshdeck::Overhead::OverheadReport &report, const QString &problem);

private:
    QString save(const Perf::RunResult &result)
    {
        if (m_storePath.isEmpty() || (result.report.attempts() == 0 && !result.failure.isEmpty()))
            return {}; // nowhere to keep it, or nothing was measured
        if (!m_store) {
            auto store = ResultStore::open(m_storePath);
            if (!store)
                return store.error().message();
            m_store = std::move(store).value();
        }
        const VoidResult saved = m_store->saveRun(result);
        return saved ? QString() : saved.error().message();
    }

    Kube::ClusterSessionPtr m_session;
    QString m_storePath;
    std::unique_ptr<ResultStore> m_store;
};

OverheadController::OverheadController(QObject *parent)
    : QObject(parent)
    , m_worker(QStringLiteral("meshdeck-overhead"), new OverheadWorker)
{
    qRegisterMetaType<Overhead::OverheadReport>();
    qRegisterMetaType<Overhead::ExperimentSpec>();
    connect(m_worker.worker(), &OverheadWorker::progressed, this, &OverheadController::progressed);
    connect(m_worker.worker(), &OverheadWorker::runFinished, this,
            &OverheadController::runFinished);
    connect(m_worker.worker(), &OverheadWorker::finished, this,
            [this](const Overhead::OverheadReport &report, const QString &problem) {
                m_last = report;
                m_running = false;
                Q_EMIT finished(report, problem);
                Q_EMIT runningChanged(false);
            });
}

OverheadController::~OverheadController()
{
    m_worker->cancel = true;
}

void OverheadController::setStorePath(const QString &path)
{
    QMetaObject::invokeMethod(m_worker.worker(),
                              [w = m_worker.worker(), path] { w->setStorePath(path); });
}

void OverheadController::setSession(const Kube::ClusterSessionPtr &session)
{
    m_session = session;
    QMetaObject::invokeMethod(m_worker.worker(),
                              [w = m_worker.worker(), session] { w->setSession(session); });
}

void OverheadController::start(const Overhead::ExperimentSpec &spec)
{
    if (m_running)
        return;
    m_running = true;
    Q_EMIT runningChanged(true);
    QMetaObject::invokeMethod(m_worker.worker(), [w = m_worker.worker(), spec] { w->run(spec); });
}

void OverheadController::cancel()
{
    m_worker->cancel = true;
}

} // namespace Meshdeck

#include "overheadcontroller.moc"
