#pragma once

#include "installer.h"

#include <core/error.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>

namespace Meshdeck {
namespace Kube {
class KubeClient;
}

namespace Mesh {

// Where an operation reports as it goes, and how it is stopped. Every member may be empty.
struct OperationSink
{
    // A plan step changed state: "running", then "created", "configured", "deleted",
    // "skipped", "failed" …
    ManifestPlan::Progress step;
    std::function<void(const QString &line)> log;
    // The verification's checks, as soon as they are known.
    std::function<void(const QList<Check> &checks)> checked;
    const std::atomic_bool *cancel = nullptr;
};

// How an operation ended, with its step journal (as the history keeps it).
struct OperationReport
{
    enum class Outcome { Succeeded, Failed, Cancelled };

    QString kind; // "install", "uninstall", "rollback", "sample deploy", "sample remove"
    QString target; // "Istio 1.22.3 (bundled)", "bookinfo in shop"
    QDateTime started;
    Outcome outcome = Outcome::Failed;
    ErrorCode code = ErrorCode::Unknown; // when it did not succeed
    QString message;
    QJsonArray journal; // {step, state, ms} | {output, ms}
    QList<Check> checks; // the verification's, when one ran
    bool rolledBack = false; // what the failed install created was removed
    QString rollbackError; // the rollback was tried and stopped here

    [[nodiscard]] bool ok() const { return outcome == Outcome::Succeeded; }
};

// One install, uninstall, rollback or verification of a prepared Installation, and the
// deployment or removal of a sample app: the one workflow the command line, the install wizard
// and the Lifecycle page adapt. It reports through a sink and keeps a journal of every step; one
// timeout policy (the installation's readyTimeoutMs) bounds every wait for the control plane.
// Blocking: run it off the GUI thread. The client and installation must outlive it.
class Operation
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::Mesh::Operation)

public:
    Operation(Kube::KubeClient &client, Installation &installation, OperationSink sink = {});

    // The whole install as the command line runs it: apply, verify, and when either fails roll
    // back what was created (unless `keepOnFailure`).
    [[nodiscard]] OperationReport install(bool force = false, bool keepOnFailure = false);
    // Deletes the plan's objects (newest first) and waits for the control plane to go; with
    // `restartInjected`, switches injection off in the namespaces that had it and restarts their
    // workloads so that their sidecars go too.
    [[nodiscard]] OperationReport uninstall(const QList<DetectedMesh> &detected,
                                            bool deleteNamespaces, bool restartInjected);

    // The phases, for a caller that lets its user choose between them (the wizard resumes or
    // rolls back a failed apply). Each one adds to the journal.
    [[nodiscard]] VoidResult apply(int from = 0, bool force = false);
    [[nodiscard]] VoidResult rollback();
    [[nodiscard]] QList<Check> verify();

    // Plan steps done by apply() so far (what rollback() removes).
    [[nodiscard]] int applied() const { return m_applied; }
    // A report of the journal so far, for the history.
    [[nodiscard]] OperationReport report(const QString &kind, bool ok,
                                         const QString &message = {}) const;
    // "Istio 1.22.3 (bundled)".
    [[nodiscard]] QString target() const;

    // A sample app's deployment (with the mesh to inject, or none) or removal.
    [[nodiscard]] static OperationReport sample(Kube::KubeClient &client, const QString &app,
                                                const QString &ns, bool deploy,
                                                const QString &injectMesh,
                                                const OperationSink &sink);

private:
    void begin();
    void note(QJsonObject entry);
    [[nodiscard]] ManifestPlan::Progress stepReporter();
    [[nodiscard]] bool cancelled() const;

    Kube::KubeClient &m_client;
    Installation &m_installation;
    OperationSink m_sink;
    QDateTime m_started;
    QElapsedTimer m_clock;
    QJsonArray m_journal;
    int m_applied = 0;
    std::atomic_bool m_noCancel {false};
};

} // namespace Mesh
} // namespace Meshdeck
