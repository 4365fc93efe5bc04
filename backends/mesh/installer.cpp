// Installer: plans, existing objects, apply and rollback; method and check names.
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
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>
#include <QThread>

#include <set>

namespace Meshdeck::Mesh {

QString methodId(InstallMethod method)
{
    switch (method) {
    case InstallMethod::Cli:
        return QStringLiteral("cli");
    case InstallMethod::Manifest:
        return QStringLiteral("manifest");
    case InstallMethod::Helm:
        return QStringLiteral("helm");
    case InstallMethod::Bundled:
        break;
    }
    return QStringLiteral("bundled");
}

std::optional<InstallMethod> methodFromId(const QString &id)
{
    for (InstallMethod m :
         {InstallMethod::Cli, InstallMethod::Manifest, InstallMethod::Bundled, InstallMethod::Helm})
        if (methodId(m) == id)
            return m;
    return std::nullopt;
}

QString checkStateName(Check::State state)
{
    switch (state) {
    case Check::State::Pass:
        return QStringLiteral("ok");
    case Check::State::Warn:
        return QStringLiteral("warning");
    case Check::State::Fail:
        return QStringLiteral("failed");
    case Check::State::Skipped:
        break;
    }
    return QStringLiteral("skipped");
}

QString Installation::describe() const
{
    QString out;
    QTextStream s(&out);
    const QString version = options.version.isEmpty()
        ? (options.method == InstallMethod::Cli ? Installer::tr("the CLI's version")
                                                : Installer::tr("the manifest's version"))
        : options.version;
    s << Installer::tr("Install %1 %2, profile %3, with %4.")
             .arg(mesh->name, version, options.profile,
                  options.method == InstallMethod::Cli        ? Installer::tr("its CLI")
                      : options.method == InstallMethod::Helm ? Installer::tr("its Helm charts")
                      : options.method == InstallMethod::Manifest
                      ? Installer::tr("a manifest")
                      : Installer::tr("the manifest bundled with Meshdeck"))
      << "\n";
    for (const ManifestSource &src : sources) {
        s << Installer::tr("Source: %1 (%2 bytes, sha256 %3)")
                 .arg(src.location)
                 .arg(src.bytes)
                 .arg(src.sha256)
          << "\n";
        if (!src.note.isEmpty())
            s << "  " << src.note << "\n";
    }
    if (options.method == InstallMethod::Helm) {
        s << Installer::tr("Rendered by helm (nothing applied by helm; the objects below are):")
          << "\n";
        for (const QStringList &c : cliCommands)
            s << "  $ " << commandLine(QStringLiteral("helm"), c) << "\n";
    } else if (!cliCommands.isEmpty()) {
        s << Installer::tr("Commands (run with an argument list, output shown live):") << "\n";
        for (const QStringList &c : cliCommands)
            s << "  $ " << commandLine(cliProgram.isEmpty() ? mesh->cli : cliProgram, c)
              << (mesh->cliRenders ? Installer::tr("   (its output is applied)") : QString())
              << "\n";
    }
    if (!plan.steps.isEmpty()) {
        s << Installer::tr(
                 "Objects (%1, server-side apply in this order: CRDs first, webhooks last):")
                 .arg(plan.steps.size())
          << "\n";
        for (int i = 0; i < plan.steps.size(); ++i)
            s << QStringLiteral("  %1. %2%3\n")
                     .arg(i + 1, 3)
                     .arg(plan.steps[i].title(),
                          existing.value(i) ? Installer::tr("   (exists: changed in place)")
                                            : QString());
    }
    if (!options.injectNamespaces.isEmpty() && mesh->injection != MeshDescription::Injection::None)
        s << Installer::tr("Then: sidecar injection on for %1 (%2=%3); restart their workloads "
                           "to add sidecars.")
                 .arg(options.injectNamespaces.join(QStringLiteral(", ")), mesh->injectionKey,
                      mesh->injectionValue)
          << "\n";
    s << Installer::tr("Verify: the control plane Ready within %1 s, add-ons Ready, the injection "
                       "webhook answering.")
             .arg(options.readyTimeoutMs / 1000)
      << "\n";
    return out;
}

Result<Installation> Installer::prepare(const InstallOptions &options,
                                        const std::atomic_bool *cancel)
{
    Installation inst;
    inst.options = options;
    inst.mesh = findMesh(options.mesh);
    if (!inst.mesh)
        return Unexpected(Error(
            ErrorCode::InvalidArgument,
            tr("Unknown mesh \"%1\": istio, linkerd, consul, kuma or cilium.").arg(options.mesh)));
    const MeshDescription &m = *inst.mesh;
    if (inst.options.profile.isEmpty())
        inst.options.profile = m.profiles.value(0);
    if (!m.profiles.contains(inst.options.profile))
        return Unexpected(
            Error(ErrorCode::InvalidArgument,
                  tr("%1 has no profile \"%2\"; choose one of %3.")
                      .arg(m.name, inst.options.profile, m.profiles.join(QStringLiteral(", ")))));
    ManifestPlan plan;
    switch (options.method) {
    case InstallMethod::Bundled: {
        if (m.bundledManifest.isEmpty())
            return Unexpected(Error(ErrorCode::Unsupported,
                                    tr("Meshdeck bundles manifests for Istio and Linkerd only; "
                                       "install %1 with its CLI (%2) or a manifest file or URL.")
                                        .arg(m.name, m.cli)));
        if (!options.version.isEmpty() && options.version != m.bundledVersion)
            return Unexpected(Error(ErrorCode::InvalidArgument,
                                    tr("The bundled manifest installs %1 %2; for %3 use the CLI "
                                       "or a manifest of that version.")
                                        .arg(m.name, m.bundledVersion, options.version)));
        inst.options.version = m.bundledVersion;
        ManifestSource src;
        auto bytes = loadManifest(m.bundledManifest, &src, cancel);
        if (!bytes)
            return Unexpected(bytes.error());
        src.location = tr("bundled %1").arg(m.bundledManifest);
        inst.sources << src;
        auto parsed = ManifestPlan::fromResource(m.bundledManifest);
        if (!parsed)
            return Unexpected(parsed.error().withContext(m.bundledManifest));
        plan = parsed.value();
        break;
    }
    case InstallMethod::Manifest: {
        if (options.manifest.isEmpty())
            return Unexpected(
                Error(ErrorCode::InvalidArgument, tr("Give the manifest's file or URL.")));
        ManifestSource src;
        auto bytes = loadManifest(options.manifest, &src, cancel);
        if (!bytes)
            return Unexpected(bytes.error());
        inst.sources << src;
        auto parsed = ManifestPlan::fromYaml(bytes.value());
        if (!parsed)
            return Unexpected(parsed.error().withContext(options.manifest));
        plan = parsed.value();
        break;
    }
    case InstallMethod::Helm: {
        // Each chart rendered by `helm template` into the plan, reviewed and applied (and rolled
        // back) by Meshdeck like any manifest; helm itself changes nothing in the cluster.
        if (m.helmCharts.isEmpty())
            return Unexpected(Error(
                ErrorCode::Unsupported,
                tr("%1 has no Helm route Meshdeck can render on its own: install it with %2 or a "
                   "release manifest.")
                    .arg(m.name, m.cli)));
        const QString helm = QStandardPaths::findExecutable(QStringLiteral("helm"));
        if (helm.isEmpty())
            return Unexpected(Error(ErrorCode::NotFound,
                                    tr("helm is not on PATH. Install it (https://helm.sh/docs/"
                                       "intro/install/), or choose another method.")));
        QByteArray rendered = QStringLiteral("apiVersion: v1\nkind: Namespace\nmetadata:\n  "
                                             "name: %1\n")
                                  .arg(m.controlNamespace)
                                  .toUtf8();
        for (const MeshDescription::HelmChart &chart : m.helmCharts) {
            QStringList args {QStringLiteral("template"),
                              chart.release,
                              chart.chart,
                              QStringLiteral("--repo"),
                              chart.repo,
                              QStringLiteral("--namespace"),
                              m.controlNamespace,
                              QStringLiteral("--include-crds")};
            if (!options.version.isEmpty())
                args << QStringLiteral("--version") << options.version;
            inst.cliCommands << args;
            auto out = runProgram(helm, args, {}, options.cliTimeoutMs, cancel, true);
            if (!out)
                return Unexpected(
                    out.error().withContext(commandLine(QStringLiteral("helm"), args)));
            rendered += "\n---\n" + out.value();
        }
        inst.cliProgram = helm;
        auto parsed = ManifestPlan::fromYaml(rendered);
        if (!parsed)
            return Unexpected(parsed.error().withContext(tr("The charts helm rendered")));
        plan = parsed.value();
        break;
    }
    case InstallMethod::Cli:
        inst.cliProgram = QStandardPaths::findExecutable(m.cli);
        inst.cliCommands = m.cliInstallArguments(inst.options.profile, options.version);
        if (inst.cliCommands.isEmpty())
            return Unexpected(
                Error(ErrorCode::Unsupported,
                      tr("Meshdeck does not know how %1's CLI installs.").arg(m.name)));
        break;
    }
    for (const QString &addon : options.addons) {
        const QString path = m.addonManifest(addon);
        if (path.isEmpty())
            return Unexpected(Error(
                ErrorCode::InvalidArgument,
                tr("%1 has no add-on \"%2\"; its add-ons are %3.")
                    .arg(m.name, addon,
                         m.addons.isEmpty() ? tr("none") : m.addons.join(QStringLiteral(", ")))));
        ManifestSource src;
        auto bytes = loadManifest(path, &src, cancel);
        if (!bytes)
            return Unexpected(bytes.error());
        src.location = tr("bundled %1").arg(path);
        inst.sources << src;
        auto extra = ManifestPlan::fromResource(path);
        if (!extra)
            return Unexpected(extra.error().withContext(path));
        plan.steps += extra->steps;
    }
    if (!options.mtlsMode.isEmpty()) {
        if (m.mtlsModes.isEmpty())
            return Unexpected(Error(ErrorCode::Unsupported,
                                    m.mtlsByDefault
                                        ? tr("%1 always uses mTLS between meshed pods; it has no "
                                             "mode to choose.")
                                              .arg(m.name)
                                        : tr("%1 has no mesh-wide mTLS mode.").arg(m.name)));
        const QString mode = options.mtlsMode.toUpper();
        if (!m.mtlsModes.contains(mode))
            return Unexpected(Error(
                ErrorCode::InvalidArgument,
                tr("The mTLS mode is one of %1.").arg(m.mtlsModes.join(QStringLiteral(", ")))));
        inst.options.mtlsMode = mode;
        PlanStep s;
        s.object = MeshDetector::mtlsObject(m, mode);
        s.apiVersion = s.object.value(QLatin1String("apiVersion")).toString();
        s.kind = s.object.value(QLatin1String("kind")).toString();
        s.ns = m.controlNamespace;
        s.name = QStringLiteral("default");
        plan.steps << s;
    }
    plan.order();
    inst.plan = plan;
    inst.existing = QList<bool>(plan.steps.size(), false);
    return inst;
}

Result<Installation> Installer::prepareRemoval(InstallOptions options,
                                               const QList<DetectedMesh> &detected,
                                               bool addonsGiven)
{
    options.injectNamespaces.clear();
    options.mtlsMode.clear();
    if (!addonsGiven)
        for (const DetectedMesh &d : detected)
            if (d.id == options.mesh)
                options.addons = d.addons;
    return prepare(options);
}

VoidResult Installer::markExisting(Kube::KubeClient &client, Installation &inst,
                                   const CheckProgress &progress)
{
    const auto served = client.discover();
    if (!served)
        return Unexpected(served.error());
    const PlanResolver resolver(served.value(), inst.plan);
    inst.existing = QList<bool>(inst.plan.steps.size(), false);
    // The plan's objects by collection (kind and namespace), in plan order.
    QMap<QString, QList<int>> byCollection;
    QStringList order;
    QHash<int, QString> paths;
    for (int i = 0; i < inst.plan.steps.size(); ++i) {
        const auto r = resolver.resolve(inst.plan.steps[i]);
        if (!r)
            continue; // a kind not served yet: nothing of it exists
        const QString collection = r->path.section(QLatin1Char('/'), 0, -2);
        if (!byCollection.contains(collection))
            order << collection;
        byCollection[collection] << i;
        paths.insert(i, r->path);
    }
    int checked = 0;
    const int total = static_cast<int>(inst.plan.steps.size());
    for (const QString &collection : std::as_const(order)) {
        const QList<int> &steps = byCollection[collection];
        const auto listed = client.list(collection);
        if (listed) {
            QSet<QString> names;
            for (const QJsonObject &o : listed->items)
                names.insert(o.value(QLatin1String("metadata"))
                                 .toObject()
                                 .value(QLatin1String("name"))
                                 .toString());
            for (const int i : steps)
                inst.existing[i] = names.contains(inst.plan.steps[i].name);
        } else if (listed.error().code() == ErrorCode::NotFound) {
            // The namespace (or the kind) is not there yet: none of these exists.
        } else {
            // May not list (403) or the LIST failed: ask for each object, as before.
            for (const int i : steps) {
                const auto got = client.get(paths.value(i));
                if (got)
                    inst.existing[i] = true;
                else if (got.error().code() != ErrorCode::NotFound)
                    return Unexpected(got.error().withContext(inst.plan.steps[i].title()));
            }
        }
        checked += static_cast<int>(steps.size());
        if (progress)
            progress(checked, total);
    }
    return {};
}

VoidResult Installer::run(Kube::KubeClient &client, Installation &inst,
                          const ManifestPlan::Progress &progress, const Log &log,
                          const std::atomic_bool &cancel, int *applied, int from, bool force)
{
    const MeshDescription &m = *inst.mesh;
    if (applied)
        *applied = from;
    if (inst.options.method == InstallMethod::Cli && from == 0) {
        if (inst.cliProgram.isEmpty())
            return Unexpected(Error(ErrorCode::NotFound,
                                    tr("%1 is not on PATH. Install it (%2), or choose the bundled "
                                       "or manifest method.")
                                        .arg(m.cli, m.homepage)));
        for (const QStringList &args : std::as_const(inst.cliCommands)) {
            if (log)
                log(QStringLiteral("$ ") + commandLine(inst.cliProgram, args));
            auto out = runProgram(inst.cliProgram, args, log, inst.options.cliTimeoutMs, &cancel,
                                  m.cliRenders);
            if (!out)
                return Unexpected(out.error());
            if (!m.cliRenders)
                continue;
            auto rendered = ManifestPlan::fromYaml(out.value());
            if (!rendered)
                return Unexpected(rendered.error().withContext(
                    tr("The output of %1").arg(commandLine(m.cli, args))));
            const VoidResult r = rendered->apply(
                client,
                [&](int i, const QString &state) {
                    if (log && state != QLatin1String("running"))
                        log(QStringLiteral("[%1] %2").arg(state, rendered->steps[i].title()));
                },
                cancel, 0, force);
            if (!r)
                return r;
        }
    }
    const VoidResult r = inst.plan.apply(
        client,
        [&](int i, const QString &state) {
            if (applied && state == QLatin1String("done"))
                *applied = i + 1;
            if (progress)
                progress(i, state);
        },
        cancel, from, force);
    if (!r)
        return r;
    if (m.injection != MeshDescription::Injection::None) {
        for (const QString &ns : std::as_const(inst.options.injectNamespaces)) {
            const QJsonObject nsObject {
                {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                {QStringLiteral("kind"), QStringLiteral("Namespace")},
                {QStringLiteral("metadata"), QJsonObject {{QStringLiteral("name"), ns}}}};
            if (!client.get(QStringLiteral("/api/v1/namespaces/%1").arg(ns))) {
                const auto created
                    = client.apply(QStringLiteral("/api/v1/namespaces/%1").arg(ns),
                                   QJsonDocument(nsObject).toJson(QJsonDocument::Compact), true);
                if (!created)
                    return Unexpected(created.error().withContext(tr("Namespace %1").arg(ns)));
            }
            if (const VoidResult on = MeshDetector::setInjection(client, m.id, ns, true); !on)
                return Unexpected(on.error().withContext(tr("Injection for %1").arg(ns)));
            if (log)
                log(tr("Sidecar injection on for namespace %1.").arg(ns));
        }
    }
    return {};
}

VoidResult Installer::rollback(Kube::KubeClient &client, const Installation &inst, int applied,
                               const ManifestPlan::Progress &progress)
{
    for (const QString &ns : inst.options.injectNamespaces)
        (void)MeshDetector::setInjection(client, inst.mesh->id, ns, false);
    const auto served = client.discover();
    if (!served)
        return Unexpected(served.error());
    const PlanResolver resolver(served.value(), inst.plan);
    for (int i = std::min(applied, static_cast<int>(inst.plan.steps.size())) - 1; i >= 0; --i) {
        const PlanStep &s = inst.plan.steps[i];
        if (inst.existing.value(i)) {
            if (progress)
                progress(i, QStringLiteral("kept"));
            continue;
        }
        const auto r = resolver.resolve(s);
        if (!r) { // its CRD went first: so did the object
            if (progress)
                progress(i, QStringLiteral("removed"));
            continue;
        }
        if (progress)
            progress(i, QStringLiteral("running"));
        const auto removed = client.remove(r->path);
        if (!removed && removed.error().code() != ErrorCode::NotFound) {
            if (progress)
                progress(i, QStringLiteral("failed"));
            return Unexpected(removed.error().withContext(s.title()));
        }
        if (progress)
            progress(i, QStringLiteral("removed"));
    }
    return {};
}

} // namespace Meshdeck::Mesh
