#pragma once

#include "manifestplan.h"
#include "manifestsource.h"
#include "meshcatalog.h"
#include "meshdetector.h"

#include <core/result.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace Meshdeck {
namespace Kube {
class KubeClient;
}

namespace Mesh {

enum class InstallMethod { Cli, Manifest, Bundled, Helm };
[[nodiscard]] QString methodId(InstallMethod method); // "cli", "manifest", "bundled"
[[nodiscard]] std::optional<InstallMethod> methodFromId(const QString &id);

// What a user chose: the wizard's pages, or `meshdeck mesh install`'s flags.
struct InstallOptions
{
    QString mesh;
    QString version; // empty: the bundle's version, or whatever the CLI installs
    QString profile;
    InstallMethod method = InstallMethod::Bundled;
    QString manifest; // Manifest: a file path or an http(s) URL
    QString mtlsMode; // empty: the mesh's default
    QStringList addons;
    QStringList injectNamespaces; // switched on (and created when missing) after the install
    int readyTimeoutMs = 120000;
    int cliTimeoutMs = 600000; // a CLI silent and unfinished for this long is stopped
};

// One line of a preflight or verification: what was checked and what was found.
struct Check
{
    enum class State { Pass, Warn, Fail, Skipped };
    State state = State::Pass;
    QString title;
    QString detail;
};
[[nodiscard]] QString checkStateName(Check::State state); // "ok", "warning", "failed", "skipped"

// An install, resolved: every object it will apply, every command it will run, in order.
struct Installation
{
    InstallOptions options;
    const MeshDescription *mesh = nullptr;
    ManifestPlan plan; // the mesh (bundled or manifest), then add-ons and the mTLS policy
    QList<ManifestSource> sources;
    QString cliProgram; // Cli: the CLI's path
    QList<QStringList> cliCommands; // Cli: run in order (rendered output is applied)
    QList<bool> existing; // per plan step, after markExisting(): already in the cluster

    [[nodiscard]] QString describe() const; // the full plan as text (dry runs, the review page)
};

// Plans, checks, applies, rolls back and verifies mesh installs. Blocking calls: run them off
// the GUI thread.
class Installer
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::Mesh::Installer)

public:
    using Log = std::function<void(const QString &line)>;

    [[nodiscard]] static Result<Installation> prepare(const InstallOptions &options,
                                                      const std::atomic_bool *cancel = nullptr);
    // What removing the mesh deletes: the objects its install would create, with the add-ons
    // found running (unless `options` names them), without injection or mTLS changes.
    [[nodiscard]] static Result<Installation> prepareRemoval(InstallOptions options,
                                                             const QList<DetectedMesh> &detected,
                                                             bool addonsGiven = false);
    // API reachable, Kubernetes version in range, permissions for every kind the plan creates
    // (SelfSubjectAccessReview), other meshes present, the CLI and its version.
    [[nodiscard]] static QList<Check> preflight(Kube::KubeClient &client,
                                                const Installation &installation);
    // The bundle on a cluster that is not Meshdeck's demo: a failed check saying what to use.
    [[nodiscard]] static std::optional<Check> bundleCheck(const Kube::ServerVersion &server,
                                                          const Installation &installation);
    // Marks the plan's objects that already exist (their apply is a change, not a creation):
    // one LIST per kind and namespace, not a GET per object (a GET each only where the user may
    // not list). `progress` hears (objects checked, objects in all) after each LIST.
    using CheckProgress = std::function<void(int checked, int total)>;
    [[nodiscard]] static VoidResult markExisting(Kube::KubeClient &client,
                                                 Installation &installation,
                                                 const CheckProgress &progress = {});
    // Applies the plan from step `from` (or runs the CLI first), then switches injection on for
    // the chosen namespaces. `applied` ends as the number of plan steps done.
    [[nodiscard]] static VoidResult run(Kube::KubeClient &client, Installation &installation,
                                        const ManifestPlan::Progress &progress, const Log &log,
                                        const std::atomic_bool &cancel, int *applied, int from = 0,
                                        bool force = false);
    // Removes what run() created (steps before `applied` that did not exist before), newest
    // first, and switches injection back off. Objects that existed before are left as they are.
    [[nodiscard]] static VoidResult rollback(Kube::KubeClient &client,
                                             const Installation &installation, int applied,
                                             const ManifestPlan::Progress &progress);
    // Control plane Ready, add-ons Ready, the injection webhook answering a dry-run pod with a
    // sidecar. A control plane that is not Ready is explained from its pods and events.
    [[nodiscard]] static QList<Check> verify(Kube::KubeClient &client,
                                             const Installation &installation,
                                             const std::atomic_bool *cancel = nullptr);
    // Why the pods of `ns` (matching `nameFilter`, all when empty) are not Ready: waiting
    // reasons (ImagePullBackOff …) and Warning events, one line each.
    [[nodiscard]] static QStringList diagnosePods(Kube::KubeClient &client, const QString &ns,
                                                  const QString &nameFilter = {});
    // Runs a program with an argument list (never a shell), streaming its lines to `log`.
    // Fails when it exits non-zero (with its stderr), is silent for `timeoutMs`, or is cancelled.
    [[nodiscard]] static Result<QByteArray>
    runProgram(const QString &program, const QStringList &arguments, const Log &log, int timeoutMs,
               const std::atomic_bool *cancel, bool captureStdout);
    // The CLI's version line, or an error saying why not.
    [[nodiscard]] static Result<QString> cliVersion(const MeshDescription &mesh,
                                                    const QString &program);
    [[nodiscard]] static QString sidecarContainer(const MeshDescription &mesh);
};

} // namespace Mesh
} // namespace Meshdeck
