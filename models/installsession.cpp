#include "installsession.h"

#include <kube/kubeclient.h>
#include <store/resultstore.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Meshdeck {

class InstallSessionWorker : public QObject
{
    Q_OBJECT

public:
    std::atomic_bool cancel {false};
    std::shared_ptr<Kube::KubeClient> client;
    Mesh::Installation installation;
    QString historyPath;
    QJsonArray steps;
    QDateTime started;
    QElapsedTimer clock;

    void note(const QJsonObject &step)
    {
        QJsonObject s = step;
        s.insert(QStringLiteral("ms"), clock.isValid() ? clock.elapsed() : 0);
        steps.append(s);
    }

    void record(const QString &kind, bool ok)
    {
        if (!installation.mesh)
            return;
        ResultStore::recordOperationAt(historyPath, kind,
                                       QStringLiteral("%1 %2 (%3)")
                                           .arg(installation.mesh->name,
                                                installation.options.version,
                                                Mesh::methodId(installation.options.method)),
                                       started, ok, steps);
    }
};

InstallSession::InstallSession(const Kube::ClusterSessionPtr &session, QObject *parent)
    : QObject(parent)
    , m_worker(new InstallSessionWorker)
{
    qRegisterMetaType<QList<Mesh::Check>>();
    m_worker->client = session->client(); // the context's one client
    m_thread.setObjectName(QStringLiteral("meshdeck-install"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

InstallSession::~InstallSession()
{
    cancel();
    m_thread.quit();
    m_thread.wait();
}

void InstallSession::setHistoryPath(const QString &path)
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, path] { w->historyPath = path; }, Qt::QueuedConnection);
}

void InstallSession::cancel()
{
    m_worker->cancel = true;
}

void InstallSession::start(const std::function<void()> &job)
{
    m_busy = true;
    m_worker->cancel = false;
    QMetaObject::invokeMethod(m_worker, job, Qt::QueuedConnection);
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
    start([this, w = m_worker, options] {
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
            w->steps = {};
            w->started = {};
        }
        const Mesh::Installation copy = inst ? inst.value() : Mesh::Installation();
        done([this, error, checks, copy] {
            m_installation = copy;
            m_applied = 0;
            Q_EMIT prepared(error, checks);
        });
    });
}

Mesh::ManifestPlan::Progress InstallSession::stepReporter()
{
    // On the worker: each step's state goes to the GUI and into the history.
    return [this, w = m_worker](int i, const QString &state) {
        QMetaObject::invokeMethod(
            this, [this, i, state] { Q_EMIT stepChanged(i, state); }, Qt::QueuedConnection);
        if (state != QLatin1String("running"))
            w->note({{QStringLiteral("step"), w->installation.plan.steps[i].title()},
                     {QStringLiteral("state"), state}});
    };
}

void InstallSession::run(int from, bool force)
{
    start([this, w = m_worker, from, force] {
        if (!w->started.isValid()) {
            w->started = QDateTime::currentDateTimeUtc();
            w->clock.start();
        }
        int applied = from;
        const auto progress = stepReporter();
        const auto log = [&](const QString &line) {
            QMetaObject::invokeMethod(
                this, [this, line] { Q_EMIT logged(line); }, Qt::QueuedConnection);
            w->note({{QStringLiteral("output"), line}});
        };
        const VoidResult r = Mesh::Installer::run(*w->client, w->installation, progress, log,
                                                  w->cancel, &applied, from, force);
        if (!r) {
            w->note({{QStringLiteral("step"), tr("Install")},
                     {QStringLiteral("state"), QStringLiteral("failed")},
                     {QStringLiteral("output"), r.error().toString()}});
            w->record(QStringLiteral("install"), false);
        }
        const bool ok = r.ok();
        const int code = ok ? 0 : static_cast<int>(r.error().code());
        const QString message = ok ? QString() : r.error().toString();
        done([this, ok, code, message, applied] {
            m_applied = applied;
            Q_EMIT finished(ok, code, message);
        });
    });
}

void InstallSession::rollback()
{
    const int applied = m_applied;
    start([this, w = m_worker, applied] {
        const auto progress = stepReporter();
        const VoidResult r
            = Mesh::Installer::rollback(*w->client, w->installation, applied, progress);
        w->record(QStringLiteral("rollback"), r.ok());
        const bool ok = r.ok();
        const QString message = ok ? tr("Rolled back: what this install created is removed; "
                                        "objects that existed before were left as they were.")
                                   : r.error().toString();
        done([this, ok, message] {
            m_applied = 0;
            Q_EMIT rolledBack(ok, message);
        });
    });
}

void InstallSession::verify()
{
    start([this, w = m_worker] {
        const QList<Mesh::Check> checks
            = Mesh::Installer::verify(*w->client, w->installation, &w->cancel);
        bool ok = true;
        for (const Mesh::Check &c : checks) {
            ok = ok && c.state != Mesh::Check::State::Fail;
            w->note({{QStringLiteral("step"), c.title},
                     {QStringLiteral("state"), Mesh::checkStateName(c.state)},
                     {QStringLiteral("output"), c.detail}});
        }
        w->record(QStringLiteral("install"), ok);
        done([this, checks] { Q_EMIT verified(checks); });
    });
}

} // namespace Meshdeck

#include "installsession.moc"
