#pragma once

#include <kube/clustersession.h>
#include <mesh/installer.h>
#include <mesh/operation.h>

#include <core/workerthread.h>

#include <QObject>

#include <atomic>
#include <memory>

namespace Meshdeck {

class InstallSessionWorker;

// One install, as the wizard drives it: plan and preflight, apply (resumable, with rollback),
// verify. Every blocking call runs on the session's own thread; results come back as signals.
// The finished operation is recorded in the history (the results database) when a path is set.
class InstallSession : public QObject
{
    Q_OBJECT

public:
    explicit InstallSession(const Kube::ClusterSessionPtr &session, QObject *parent = nullptr);
    ~InstallSession() override;

    void setHistoryPath(const QString &path);

    // Plans the install, runs the preflight and marks what exists: prepared() follows.
    void prepare(const Mesh::InstallOptions &options);
    // Applies from step `from` (0: from the start; later: a resume). finished() follows.
    void run(int from = 0, bool force = false);
    void cancel();
    void rollback();
    void verify();

    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] const Mesh::Installation &installation() const { return m_installation; }
    [[nodiscard]] int applied() const { return m_applied; }

Q_SIGNALS:
    // `error` is empty when the plan was made; checks are the preflight's.
    void prepared(const QString &error, const QList<Meshdeck::Mesh::Check> &checks);
    void stepChanged(int step, const QString &state);
    void logged(const QString &line);
    // code: the failure's ErrorCode (as int) when !ok, e.g. Conflict or Cancelled.
    void finished(bool ok, int code, const QString &message);
    void rolledBack(bool ok, const QString &message);
    void verified(const QList<Meshdeck::Mesh::Check> &checks);

private:
    void start(const std::function<void()> &job);
    void done(const std::function<void()> &report);
    [[nodiscard]] Mesh::OperationSink operationSink(InstallSessionWorker *worker);

    WorkerThread<InstallSessionWorker> m_worker;
    Mesh::Installation m_installation;
    int m_applied = 0;
    bool m_busy = false;
};

} // namespace Meshdeck

Q_DECLARE_METATYPE(QList<Meshdeck::Mesh::Check>)
