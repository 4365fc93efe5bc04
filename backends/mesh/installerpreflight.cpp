// Installer: the preflight (API, Kubernetes version, permissions, other meshes, the CLI).
#include "installer.h"
#include "planresolver.h"

#include <core/boundedfile.h>
#include <core/httptransport.h>
#include <core/privatefiles.h>
#include <kube/kubeclient.h>

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>

#include <set>

namespace Meshdeck::Mesh {

std::optional<Check> Installer::bundleCheck(const Kube::ServerVersion &server,
                                            const Installation &inst)
{
    // The bundled manifests are demo-sized (a minimal control plane without the RBAC, mesh
    // configuration and full CRDs a real one needs): they install on the demo cluster only.
    if (inst.options.method != InstallMethod::Bundled || server.demoCluster())
        return std::nullopt;
    const MeshDescription &m = *inst.mesh;
    return Check {Check::State::Fail, tr("Bundled manifest fits this cluster"),
                  tr("The bundled %1 %2 manifest is made for Meshdeck's demo cluster: on a real "
                     "cluster its control plane would not start (it lacks the RBAC, mesh "
                     "configuration and full CRDs). Install with %3 (see %4), or with a release "
                     "manifest of %1 (Manifest, a file or an https URL).")
                      .arg(m.name, m.bundledVersion, m.cli, m.homepage)};
}

QList<Check> Installer::preflight(Kube::KubeClient &client, const Installation &inst)
{
    QList<Check> checks;
    const MeshDescription &m = *inst.mesh;
    const auto version = client.version();
    if (!version) {
        checks << Check {Check::State::Fail, tr("Kubernetes API reachable"),
                         version.error().message()};
        return checks; // nothing else can be asked
    }
    checks << Check {Check::State::Pass, tr("Kubernetes API reachable"),
                     tr("Kubernetes %1 answered.").arg(version->gitVersion)};
    if (const auto bundle = bundleCheck(version.value(), inst))
        checks << *bundle;

    const VersionSupport *support = m.supportFor(inst.options.version);
    if (!support) {
        checks << Check {
            Check::State::Skipped, tr("Kubernetes version supported"),
            inst.options.version.isEmpty()
                ? tr("The version comes from the CLI; `%1` checks it itself.").arg(m.cli)
                : tr("Meshdeck has no published range for %1 %2; see %3.")
                      .arg(m.name, inst.options.version, m.homepage)};
    } else {
        const int minor = version->minor;
        const QString range = support->maxMinor > 0
            ? QStringLiteral("1.%1–1.%2").arg(support->minMinor).arg(support->maxMinor)
            : QStringLiteral("1.%1 or newer").arg(support->minMinor);
        if (minor < support->minMinor)
            checks << Check {Check::State::Fail, tr("Kubernetes version supported"),
                             tr("%1 %2 needs Kubernetes %3; this cluster runs 1.%4. Upgrade the "
                                "cluster or choose an older %1.")
                                 .arg(m.name, inst.options.version, range)
                                 .arg(minor)};
        else if (support->maxMinor > 0 && minor > support->maxMinor)
            checks << Check {Check::State::Warn, tr("Kubernetes version supported"),
                             tr("%1 %2 supports Kubernetes %3; this cluster runs 1.%4, which the "
                                "project has not tested. Prefer a newer %1.")
                                 .arg(m.name, inst.options.version, range)
                                 .arg(minor)};
        else
            checks << Check {Check::State::Pass, tr("Kubernetes version supported"),
                             tr("1.%1 is within %2 %3's range (%4).")
                                 .arg(minor)
                                 .arg(m.name, inst.options.version, range)};
    }

    // Permissions: create and patch (server-side apply) for every kind of the plan.
    const auto served = client.discover();
    if (!served) {
        checks << Check {Check::State::Fail, tr("Permissions"), served.error().message()};
    } else {
        const PlanResolver resolver(served.value(), inst.plan);
        QStringList missing, unknown;
        std::set<QString> asked;
        int reviews = 0;
        for (const PlanStep &s : inst.plan.steps) {
            const auto r = resolver.resolve(s);
            if (!r) {
                unknown << tr("%1 %2 (its CRD is neither in the cluster nor in the plan)")
                               .arg(s.apiVersion, s.kind);
                continue;
            }
            const QString ns = r->namespaced ? s.ns : QString();
            if (!asked.insert(r->group + QLatin1Char('/') + r->plural + QLatin1Char('@') + ns)
                     .second)
                continue;
            for (const QString &verb : {QStringLiteral("create"), QStringLiteral("patch")}) {
                ++reviews;
                const auto allowed = client.canI(verb, r->group, r->plural, ns);
                const QString what
                    = (r->group.isEmpty() ? r->plural : r->plural + QLatin1Char('.') + r->group)
                    + (ns.isEmpty() ? tr(" (cluster-wide)") : tr(" in namespace %1").arg(ns));
                if (!allowed)
                    missing << tr("%1 %2: %3").arg(verb, what, allowed.error().message());
                else if (!allowed.value())
                    missing << QStringLiteral("%1 %2").arg(verb, what);
            }
        }
        if (!unknown.isEmpty())
            checks << Check {Check::State::Fail, tr("Every kind is served"),
                             tr("The cluster does not serve %1. Install the CRDs first, or fix "
                                "the manifest's apiVersion.")
                                 .arg(unknown.join(QStringLiteral("; ")))};
        if (!missing.isEmpty())
            checks << Check {Check::State::Fail, tr("Permissions"),
                             tr("This user may not: %1. Ask a cluster administrator for these "
                                "verbs (a ClusterRole bound to you).")
                                 .arg(missing.join(QStringLiteral("; ")))};
        else if (!inst.plan.steps.isEmpty())
            checks << Check {Check::State::Pass, tr("Permissions"),
                             tr("Allowed to create and patch every kind of the plan (%n "
                                "access review(s)).",
                                nullptr, reviews)};
        else
            checks << Check {Check::State::Skipped, tr("Permissions"),
                             tr("The CLI applies its own objects; it checks its permissions.")};
    }

    // Meshes already present.
    const auto detected = MeshDetector::detect(client);
    QStringList others;
    for (const DetectedMesh &d : detected.valueOr({})) {
        const MeshDescription *dm = findMesh(d.id);
        if (d.id == m.id && d.replicas > 0)
            checks << Check {
                Check::State::Warn, tr("%1 not installed yet").arg(m.name),
                tr("%1 %2 runs in %3; applying updates it in place.").arg(m.name, d.version, d.ns)};
        else if (d.id != m.id && d.replicas > 0 && dm)
            others << QStringLiteral("%1 %2").arg(dm->name, d.version);
    }
    checks << (others.isEmpty()
                   ? Check {Check::State::Pass, tr("No other mesh"),
                            tr("No other service mesh runs in this cluster.")}
                   : Check {Check::State::Warn, tr("No other mesh"),
                            tr("%1 already runs here. Two meshes must not inject the same "
                               "namespace.")
                                .arg(others.join(QStringLiteral(", ")))});

    if (inst.options.method == InstallMethod::Cli) {
        if (inst.cliProgram.isEmpty()) {
            checks << Check {Check::State::Fail, tr("%1 found").arg(m.cli),
                             tr("%1 is not on PATH. Install it (%2), or choose the bundled or "
                                "manifest method.")
                                 .arg(m.cli, m.homepage)};
        } else {
            const auto v = cliVersion(m, inst.cliProgram);
            if (!v)
                checks << Check {Check::State::Fail, tr("%1 found").arg(m.cli),
                                 tr("%1 is at %2 but `%3` failed: %4")
                                     .arg(m.cli, inst.cliProgram,
                                          commandLine(m.cli, m.cliVersionArguments()),
                                          v.error().message())};
            else if (!inst.options.version.isEmpty() && !v->contains(inst.options.version))
                checks << Check {Check::State::Warn, tr("%1 found").arg(m.cli),
                                 tr("%1 at %2 reports \"%3\", not %4: it installs its own "
                                    "version.")
                                     .arg(m.cli, inst.cliProgram, v.value(), inst.options.version)};
            else
                checks << Check {Check::State::Pass, tr("%1 found").arg(m.cli),
                                 tr("%1 (%2)").arg(inst.cliProgram, v.value())};
        }
    }
    for (const ManifestSource &src : inst.sources)
        if (src.fromCache)
            checks << Check {Check::State::Warn, tr("Manifest fetched"), src.note};
    return checks;
}

} // namespace Meshdeck::Mesh
