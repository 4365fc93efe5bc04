#include "installsession.h"

#include <kube/kubeclient.h>
#include <mesh/operation.h>
#include <store/resultstore.h>

namespace Meshdeck {

class InstallSessionWorker : public QObject
{
    Q_OBJECT

public:
    std::atomic_bool cancel {false};
    std::shared_ptr<Kube::KubeClient> client;
    Mesh::Installation installation;
    std::unique_ptr<Mesh::Operation> operation; // made for each prepared installation
    QString historyPath;

    void record(const QString &kind, bool ok)
    {
        if (!installation.mesh || !operation)
            return;
        const Mesh::OperationReport r = operation->report(kind, ok);
        ResultStore::recordOperationAt(historyPath, r.kind, r.target, r.started, ok, r.journal);
    }
};

InstallSession::InstallSession(const Kube::ClusterSessionPtr &session, QObject *parent)
    : QObject(parent)
    , m_worker(QStringLiteral("meshdeck-install"), new InstallSessionWorker)
{
    qRegisterMetaType<QList<Mesh::Check>>();
    m_worker->client = session->client(); // the context's one client
}

InstallSession::~InstallSession()
{
    cancel();
}

void InstallSession::setHistoryPath(const QString &path)
{
    QMetaObject::invokeMethod(
        m_worker.worker(), [w = m_worker.worker(), path] { w->historyPath = path; },
        Qt::QueuedConnection);
}

void InstallSession::cancel()
{
    m_worker->cancel = true;
}

void InstallSession::start(const std::function<void()> &job)
{
    m_busy = true;
    m_worker->cancel = false;
    QMetaObject::invokeMethod(m_worker.worker(), job, Qt::QueuedConnection);
}

void InstallSession::done(const std::function<void()> &report)
{
    QMetaObject::invokeMethod(
        this,
        [this, report] {
            m_busy = false;
            report();
        },
        Qt::QueuedConnection);
}

void InstallSession::prepare(const Mesh::InstallOptions &options)
{
    start([this, w = m_worker.worker(), options] {
        auto inst = Mesh::Installer::prepare(options, &w->cancel);
        QString error;
        QList<Mesh::Check> checks;
        if (!inst) {
            error = inst.error().toString();
        } else {
            checks = Mesh::Installer::preflight(*w->client, inst.value());
            if (const VoidResult marked = Mesh::Installer::markExisting(*w->client, inst.value());
                !marked)
                checks << Mesh::Check {Mesh::Check::State::Warn, tr("Existing objects"),
                                       marked.error().message()};
            w->installation = inst.value();
            w->operation
                = std::make_unique<Mesh::Operation>(*w->client, w->installation, operationSink(w));
        }
        const Mesh::Installation copy = inst ? inst.value() : Mesh::Installation();
        done([this, error, checks, copy] {
            m_installation = copy;
            m_applied = 0;
            Q_EMIT prepared(error, checks);
        });
    });
}

Mesh::OperationSink InstallSession::operationSink(InstallSessionWorker *w)
{
    // On the worker: steps and log lines go to the GUI thread; the operation keeps the journal.
    Mesh::OperationSink sink;
    sink.step = [this](int i, const QString &state) {
        QMetaObject::invokeMethod(
            this, [this, i, state] { Q_EMIT stepChanged(i, state); }, Qt::QueuedConnection);
    };
    sink.log = [this](const QString &line) {
        QMetaObject::invokeMethod(
            this, [this, line] { Q_EMIT logged(line); }, Qt::QueuedConnection);
    };
    sink.cancel = &w->cancel;
    return sink;
}

void InstallSession::run(int from, bool force)
{
    start([this, w = m_worker.worker(), from, force] {
        const VoidResult r = w->operation->apply(from, force);
        if (!r)
            w->record(QStringLiteral("install"), false);
        const bool ok = r.ok();
        const int code = ok ? 0 : static_cast<int>(r.error().code());
        const QString message = ok ? QString() : r.error().toString();
        done([this, ok, code, message, applied = w->operation->applied()] {
            m_applied = applied;
            Q_EMIT finished(ok, code, message);
        });
    });
}

void InstallSession::rollback()
{
    start([this, w = m_worker.worker()] {
        const VoidResult r = w->operation->rollback();
        w->record(QStringLiteral("rollback"), r.ok());
        const bool ok = r.ok();
        const QString message = ok ? tr("Rolled back: what this install created is removed; "
                                        "objects that existed before were left as they were.")
                                   : r.error().toString();
        done([this, ok, message, applied = w->operation->applied()] {
            m_applied = applied;
            Q_EMIT rolledBack(ok, message);
        });
    });
}

void InstallSession::verify()
{
    start([this, w = m_worker.worker()] {
        const QList<Mesh::Check> checks = w->operation->verify();
        bool ok = true;
        for (const Mesh::Check &c : checks)
            ok = ok && c.state != Mesh::Check::State::Fail;
        w->record(QStringLiteral("install"), ok);
        done([this, checks] { Q_EMIT verified(checks); });
    });
}

} // namespace Meshdeck

#include "installsession.moc"
