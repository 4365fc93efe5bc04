#include "runcontroller.h"

#include <store/resultstore.h>

namespace Meshdeck {

// Lives on the controller's thread: runs, then saves with its own database connection.
class RunWorker : public QObject
{
    Q_OBJECT

public:
    std::atomic_bool cancel {false};

public Q_SLOTS:
    void setStorePath(const QString &path)
    {
        m_storePath = path;
        m_store.reset();
    }

    void run(const Meshdeck::Perf::RunRequest &request, const QString &profile)
    {
        cancel = false;
        const Perf::RunResult result = Perf::LoadRunner::runBlocking(
            request, cancel, [this](const Perf::RunProgress &p) { Q_EMIT progressed(p); });
        QString saveError;
        if (result.report.attempts() == 0 && !result.failure.isEmpty()) {
            saveError = result.failure; // nothing was measured: nothing to keep
        } else if (m_storePath.isEmpty()) {
            saveError = tr("No results database is open.");
        } else {
            if (!m_store) {
                auto store = ResultStore::open(m_storePath);
                if (store)
                    m_store = std::move(store).value();
                else
                    saveError = store.error().message();
            }
            if (m_store) {
                if (const VoidResult saved = m_store->saveRun(result, profile); !saved)
                    saveError = saved.error().message();
            }
        }
        Q_EMIT finished(result, saveError);
    }

Q_SIGNALS:
    void progressed(const Meshdeck::Perf::RunProgress &progress);
    void finished(const Meshdeck::Perf::RunResult &result, const QString &saveError);

private:
    QString m_storePath;
    std::unique_ptr<ResultStore> m_store;
};

RunController::RunController(QObject *parent)
    : QObject(parent)
    , m_worker(new RunWorker)
{
    qRegisterMetaType<Perf::RunRequest>();
    qRegisterMetaType<Perf::RunProgress>();
    qRegisterMetaType<Perf::RunResult>();
    m_thread.setObjectName(QStringLiteral("meshdeck-runner"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &RunWorker::progressed, this, &RunController::progressed);
    connect(m_worker, &RunWorker::finished, this,
            [this](const Perf::RunResult &result, const QString &saveError) {
                m_last = result;
                m_running = false;
                Q_EMIT finished(result, saveError);
                Q_EMIT runningChanged(false);
            });
    m_thread.start();
}

RunController::~RunController()
{
    cancel();
    m_thread.quit();
    m_thread.wait();
}

void RunController::start(const Perf::RunRequest &request, const QString &profile)
{
    if (m_running)
        return;
    m_running = true;
    Q_EMIT started(request);
    Q_EMIT runningChanged(true);
    QMetaObject::invokeMethod(m_worker, "run", Qt::QueuedConnection,
                              Q_ARG(Meshdeck::Perf::RunRequest, request), Q_ARG(QString, profile));
}

void RunController::setStorePath(const QString &path)
{
    QMetaObject::invokeMethod(m_worker, "setStorePath", Qt::QueuedConnection, Q_ARG(QString, path));
}

void RunController::cancel()
{
    if (m_worker)
        m_worker->cancel = true;
}

} // namespace Meshdeck

#include "runcontroller.moc"
