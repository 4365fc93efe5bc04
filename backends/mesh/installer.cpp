#include "installer.h"

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

namespace {

constexpr qint64 MaxManifestBytes = qint64(64) * 1024 * 1024;

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// Where an object of the plan lives: from discovery, or from a CRD the plan itself creates.
struct Resolved
{
    QString group, plural;
    bool namespaced = true;
    QString path;
};

class Resolver
{
public:
    Resolver(const QList<Kube::ApiResource> &served, const ManifestPlan &plan)
    {
        for (const Kube::ApiResource &r : served)
            m_kinds.insert(r.apiVersion() + QLatin1Char('/') + r.kind,
                           {r.group, r.plural, r.namespaced, {}});
        for (const PlanStep &s : plan.steps) {
            if (s.kind != QLatin1String("CustomResourceDefinition"))
                continue;
            const QJsonObject spec = s.object.value(QLatin1String("spec")).toObject();
            const QJsonObject names = spec.value(QLatin1String("names")).toObject();
            const QString group = spec.value(QLatin1String("group")).toString();
            for (const QJsonValue &v : spec.value(QLatin1String("versions")).toArray())
                m_kinds.insert(
                    group + QLatin1Char('/') + v.toObject().value(QLatin1String("name")).toString()
                        + QLatin1Char('/') + names.value(QLatin1String("kind")).toString(),
                    {group,
                     names.value(QLatin1String("plural")).toString(),
                     spec.value(QLatin1String("scope")).toString() != QLatin1String("Cluster"),
                     {}});
        }
    }

    [[nodiscard]] std::optional<Resolved> resolve(const PlanStep &s) const
    {
        const auto it = m_kinds.constFind(s.apiVersion + QLatin1Char('/') + s.kind);
        if (it == m_kinds.constEnd())
            return std::nullopt;
        Resolved r = it.value();
        const QString version = s.apiVersion.section(QLatin1Char('/'), -1);
        const QString base = r.group.isEmpty()
            ? QStringLiteral("/api/%1").arg(version)
            : QStringLiteral("/apis/%1/%2").arg(r.group, version);
        r.path = r.namespaced
            ? QStringLiteral("%1/namespaces/%2/%3/%4").arg(base, s.ns, r.plural, s.name)
            : QStringLiteral("%1/%2/%3").arg(base, r.plural, s.name);
        return r;
    }

private:
    QHash<QString, Resolved> m_kinds;
};

QString joinArguments(const QString &program, const QStringList &args)
{
    QStringList quoted;
    for (const QString &a : args)
        quoted << (a.contains(QLatin1Char(' ')) ? QLatin1Char('\'') + a + QLatin1Char('\'') : a);
    return QFileInfo(program).fileName() + QLatin1Char(' ') + quoted.join(QLatin1Char(' '));
}

bool podReady(const QJsonObject &pod)
{
    for (const QJsonValue &c :
         pod.value(QLatin1String("status")).toObject().value(QLatin1String("conditions")).toArray())
        if (c.toObject().value(QLatin1String("type")).toString() == QLatin1String("Ready"))
            return c.toObject().value(QLatin1String("status")).toString() == QLatin1String("True");
    return false;
}

} // namespace

QString methodId(InstallMethod method)
{
    switch (method) {
    case InstallMethod::Cli:
        return QStringLiteral("cli");
    case InstallMethod::Manifest:
        return QStringLiteral("manifest");
    case InstallMethod::Bundled:
        break;
    }
    return QStringLiteral("bundled");
}

std::optional<InstallMethod> methodFromId(const QString &id)
{
    for (InstallMethod m : {InstallMethod::Cli, InstallMethod::Manifest, InstallMethod::Bundled})
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

QString manifestCacheFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
        + QStringLiteral("/manifests");
}

Result<QByteArray> loadManifest(const QString &location, ManifestSource *source,
                                const std::atomic_bool *cancel)
{
    ManifestSource found;
    found.location = location;
    QByteArray bytes;
    if (location.startsWith(QLatin1String("http://"))
        || location.startsWith(QLatin1String("https://"))) {
        const QString cacheFile
            = manifestCacheFolder() + QLatin1Char('/')
            + QString::fromLatin1(
                  QCryptographicHash::hash(location.toUtf8(), QCryptographicHash::Sha1).toHex())
            + QStringLiteral(".yaml");
        HttpRequest request;
        request.url = QUrl(location);
        request.timeout = std::chrono::milliseconds(60000);
        request.maxBodyBytes = MaxManifestBytes;
        CancelToken token;
        std::atomic_bool stop {false};
        std::thread watcher;
        if (cancel) {
            watcher = std::thread([&] {
                while (!stop.load()) {
                    if (cancel->load()) {
                        token.cancel();
                        return;
                    }
                    QThread::msleep(50);
                }
            });
        }
        const auto response = HttpTransport::perform(request, token);
        stop = true;
        if (watcher.joinable())
            watcher.join();
        QString problem;
        if (!response)
            problem = response.error().message();
        else if (!response->isSuccess())
            problem = QCoreApplication::translate("Meshdeck::Mesh::Installer",
                                                  "the server answered HTTP %1")
                          .arg(response->status);
        if (problem.isEmpty()) {
            bytes = response->body;
            found.fetched = QDateTime::currentDateTimeUtc();
            // Cached manifests may carry a cluster's secrets: the user's alone.
            if (PrivateFiles::ensureFolder(manifestCacheFolder())) {
                QSaveFile f(cacheFile);
                if (f.open(QIODevice::WriteOnly)) {
                    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
                    f.write(bytes);
                    if (f.commit())
                        PrivateFiles::restrict(cacheFile);
                }
            }
        } else if (QFile cached(cacheFile); cached.open(QIODevice::ReadOnly)) {
            bytes = cached.readAll();
            found.fromCache = true;
            found.fetched = QFileInfo(cacheFile).lastModified().toUTC();
            found.note = QCoreApplication::translate(
                             "Meshdeck::Mesh::Installer",
                             "%1 could not be fetched (%2); the copy cached on %3 is used.")
                             .arg(location, problem,
                                  found.fetched.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        } else {
            if (response && response.error().code() == ErrorCode::Cancelled)
                return Unexpected(response.error());
            return Unexpected(Error(
                response ? ErrorCode::HttpError : response.error().code(),
                QCoreApplication::translate(
                    "Meshdeck::Mesh::Installer",
                    "The manifest %1 cannot be fetched: %2. Check the address and your network "
                    "or proxy, or download the file and give its path.")
                    .arg(location, problem)));
        }
    } else {
        auto read = readBoundedFile(location, MaxManifestBytes);
        if (!read)
            return Unexpected(read.error().withContext(
                QCoreApplication::translate("Meshdeck::Mesh::Installer", "Reading the manifest")));
        bytes = std::move(read).value();
        found.fetched = QFileInfo(location).lastModified().toUTC();
    }
    found.sha256 = sha256(bytes);
    found.bytes = bytes.size();
    if (source)
        *source = found;
    return bytes;
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
                  options.method == InstallMethod::Cli
                      ? Installer::tr("its CLI")
                      : (options.method == InstallMethod::Manifest
                             ? Installer::tr("a manifest")
                             : Installer::tr("the manifest bundled with Meshdeck")))
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
    if (!cliCommands.isEmpty()) {
        s << Installer::tr("Commands (run with an argument list, output shown live):") << "\n";
        for (const QStringList &c : cliCommands)
            s << "  $ " << joinArguments(cliProgram.isEmpty() ? mesh->cli : cliProgram, c)
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
        const Resolver resolver(served.value(), inst.plan);
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
                                          joinArguments(m.cli, m.cliVersionArguments()),
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

VoidResult Installer::markExisting(Kube::KubeClient &client, Installation &inst)
{
    const auto served = client.discover();
    if (!served)
        return Unexpected(served.error());
    const Resolver resolver(served.value(), inst.plan);
    inst.existing = QList<bool>(inst.plan.steps.size(), false);
    for (int i = 0; i < inst.plan.steps.size(); ++i) {
        const auto r = resolver.resolve(inst.plan.steps[i]);
        if (!r)
            continue; // a kind not served yet: nothing of it exists
        const auto got = client.get(r->path);
        if (got)
            inst.existing[i] = true;
        else if (got.error().code() != ErrorCode::NotFound)
            return Unexpected(got.error().withContext(inst.plan.steps[i].title()));
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
                log(QStringLiteral("$ ") + joinArguments(inst.cliProgram, args));
            auto out = runProgram(inst.cliProgram, args, log, inst.options.cliTimeoutMs, &cancel,
                                  m.cliRenders);
            if (!out)
                return Unexpected(out.error());
            if (!m.cliRenders)
                continue;
            auto rendered = ManifestPlan::fromYaml(out.value());
            if (!rendered)
                return Unexpected(rendered.error().withContext(
                    tr("The output of %1").arg(joinArguments(m.cli, args))));
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
    const Resolver resolver(served.value(), inst.plan);
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

QStringList Installer::diagnosePods(Kube::KubeClient &client, const QString &ns,
                                    const QString &nameFilter)
{
    QStringList lines;
    const auto pods = client.list(QStringLiteral("/api/v1/namespaces/%1/pods").arg(ns));
    if (!pods)
        return {tr("The pods of %1 cannot be listed: %2").arg(ns, pods.error().message())};
    const auto events = client.list(QStringLiteral("/api/v1/namespaces/%1/events").arg(ns));
    for (const QJsonObject &pod : pods->items) {
        const QString name = pod.value(QLatin1String("metadata"))
                                 .toObject()
                                 .value(QLatin1String("name"))
                                 .toString();
        if ((!nameFilter.isEmpty() && !name.startsWith(nameFilter)) || podReady(pod))
            continue;
        const QJsonObject status = pod.value(QLatin1String("status")).toObject();
        QStringList reasons;
        for (const char *key : {"initContainerStatuses", "containerStatuses"})
            for (const QJsonValue &c : status.value(QLatin1String(key)).toArray()) {
                const QJsonObject waiting = c.toObject()
                                                .value(QLatin1String("state"))
                                                .toObject()
                                                .value(QLatin1String("waiting"))
                                                .toObject();
                const QString reason = waiting.value(QLatin1String("reason")).toString();
                if (!reason.isEmpty())
                    reasons << QStringLiteral("%1: %2%3")
                                   .arg(c.toObject().value(QLatin1String("name")).toString(),
                                        reason,
                                        waiting.contains(QLatin1String("message"))
                                            ? QStringLiteral(" (%1)").arg(
                                                waiting.value(QLatin1String("message")).toString())
                                            : QString());
            }
        lines << tr("Pod %1/%2 is %3, not Ready%4")
                     .arg(ns, name, status.value(QLatin1String("phase")).toString(tr("unknown")),
                          reasons.isEmpty()
                              ? QString()
                              : QStringLiteral(": ") + reasons.join(QStringLiteral("; ")));
        for (const QJsonObject &e : events ? events->items : QList<QJsonObject>()) {
            if (e.value(QLatin1String("type")).toString() != QLatin1String("Warning")
                || e.value(QLatin1String("involvedObject"))
                        .toObject()
                        .value(QLatin1String("name"))
                        .toString()
                    != name)
                continue;
            lines << QStringLiteral("  %1: %2")
                         .arg(e.value(QLatin1String("reason")).toString(),
                              e.value(QLatin1String("message")).toString());
        }
        if (lines.size() > 20)
            break;
    }
    return lines;
}

QString Installer::sidecarContainer(const MeshDescription &mesh)
{
    if (mesh.id == QLatin1String("istio"))
        return QStringLiteral("istio-proxy");
    if (mesh.id == QLatin1String("linkerd"))
        return QStringLiteral("linkerd-proxy");
    if (mesh.id == QLatin1String("consul"))
        return QStringLiteral("consul-dataplane");
    if (mesh.id == QLatin1String("kuma"))
        return QStringLiteral("kuma-sidecar");
    return {};
}

QList<Check> Installer::verify(Kube::KubeClient &client, const Installation &inst,
                               const std::atomic_bool *cancel)
{
    QList<Check> checks;
    const MeshDescription &m = *inst.mesh;
    QElapsedTimer clock;
    clock.start();
    const auto seen = MeshDetector::waitForControlPlane(client, m.id, true,
                                                        inst.options.readyTimeoutMs, cancel);
    if (seen) {
        checks << Check {Check::State::Pass, tr("Control plane Ready"),
                         tr("%1 %2 in %3: %4/%5 Ready after %6 s.")
                             .arg(m.controlName, seen->version, seen->ns)
                             .arg(seen->ready)
                             .arg(seen->replicas)
                             .arg(clock.elapsed() / 1000.0, 0, 'f', 1)};
    } else {
        const QStringList why = diagnosePods(client, m.controlNamespace);
        checks << Check {
            Check::State::Fail, tr("Control plane Ready"),
            tr("%1 did not become Ready within %2 s.%3")
                .arg(m.controlName)
                .arg(inst.options.readyTimeoutMs / 1000)
                .arg(why.isEmpty() ? QString() : QLatin1Char('\n') + why.join(QLatin1Char('\n')))};
        return checks;
    }

    // Add-ons: their Deployments Ready, within what is left of the wait.
    for (const QString &addon : inst.options.addons) {
        QStringList deployments;
        if (auto p = ManifestPlan::fromResource(m.addonManifest(addon)))
            for (const PlanStep &a : p->steps)
                if (a.kind == QLatin1String("Deployment"))
                    deployments << a.ns + QLatin1Char('/') + a.name;
        deployments.removeDuplicates();
        QStringList notReady;
        for (;;) {
            notReady.clear();
            for (const QString &d : deployments) {
                const auto o = client.get(
                    QStringLiteral("/apis/apps/v1/namespaces/%1/deployments/%2")
                        .arg(d.section(QLatin1Char('/'), 0, 0), d.section(QLatin1Char('/'), 1)));
                const int want = o ? o->value(QLatin1String("spec"))
                                         .toObject()
                                         .value(QLatin1String("replicas"))
                                         .toInt(1)
                                   : 1;
                const int ready = o ? o->value(QLatin1String("status"))
                                          .toObject()
                                          .value(QLatin1String("readyReplicas"))
                                          .toInt()
                                    : 0;
                if (ready < want)
                    notReady << d;
            }
            if (notReady.isEmpty() || clock.elapsed() > inst.options.readyTimeoutMs
                || (cancel && cancel->load()))
                break;
            QThread::msleep(300);
        }
        if (notReady.isEmpty()) {
            checks << Check {Check::State::Pass, tr("Add-on %1 Ready").arg(addon),
                             deployments.join(QStringLiteral(", "))};
        } else {
            QStringList why;
            for (const QString &d : notReady)
                why += diagnosePods(client, d.section(QLatin1Char('/'), 0, 0),
                                    d.section(QLatin1Char('/'), 1));
            checks << Check {Check::State::Fail, tr("Add-on %1 Ready").arg(addon),
                             tr("Not Ready: %1.%2")
                                 .arg(notReady.join(QStringLiteral(", ")),
                                      why.isEmpty()
                                          ? QString()
                                          : QLatin1Char('\n') + why.join(QLatin1Char('\n')))};
        }
    }

    // The injection webhook: registered, and answering a dry-run pod with a sidecar.
    const QString sidecar = sidecarContainer(m);
    if (m.injection == MeshDescription::Injection::None || sidecar.isEmpty()) {
        checks << Check {Check::State::Skipped, tr("Injection webhook answering"),
                         tr("%1 injects no sidecars.").arg(m.name)};
        return checks;
    }
    QString webhook;
    if (const auto hooks = client.list(QStringLiteral(
            "/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations"))) {
        for (const QJsonObject &h : hooks->items)
            for (const QJsonValue &w : h.value(QLatin1String("webhooks")).toArray())
                if (w.toObject()
                        .value(QLatin1String("clientConfig"))
                        .toObject()
                        .value(QLatin1String("service"))
                        .toObject()
                        .value(QLatin1String("namespace"))
                        .toString()
                    == m.controlNamespace)
                    webhook = h.value(QLatin1String("metadata"))
                                  .toObject()
                                  .value(QLatin1String("name"))
                                  .toString();
    }
    if (webhook.isEmpty()) {
        checks << Check {Check::State::Fail, tr("Injection webhook answering"),
                         tr("No MutatingWebhookConfiguration calls %1's injector in %2: pods "
                            "will get no sidecars. Reinstall, or check the manifest.")
                             .arg(m.name, m.controlNamespace)};
        return checks;
    }
    QString ns = inst.options.injectNamespaces.value(0);
    const bool temporary = ns.isEmpty();
    if (temporary) {
        ns = QStringLiteral("meshdeck-verify-%1")
                 .arg(QRandomGenerator::global()->generate() % 100000, 5, 10, QLatin1Char('0'));
        const QJsonObject nsObject {
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Namespace")},
            {QStringLiteral("metadata"), QJsonObject {{QStringLiteral("name"), ns}}}};
        const auto created
            = client.apply(QStringLiteral("/api/v1/namespaces/%1").arg(ns),
                           QJsonDocument(nsObject).toJson(QJsonDocument::Compact), true);
        if (!created || !MeshDetector::setInjection(client, m.id, ns, true)) {
            checks << Check {Check::State::Warn, tr("Injection webhook answering"),
                             tr("Could not create a namespace to test injection in: %1")
                                 .arg(created ? QString() : created.error().message())};
            return checks;
        }
    }
    const QJsonObject pod {
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Pod")},
        {QStringLiteral("metadata"),
         QJsonObject {{QStringLiteral("name"), QStringLiteral("meshdeck-injection-check")},
                      {QStringLiteral("namespace"), ns}}},
        {QStringLiteral("spec"),
         QJsonObject {
             {QStringLiteral("containers"),
              QJsonArray {QJsonObject {
                  {QStringLiteral("name"), QStringLiteral("app")},
                  {QStringLiteral("image"), QStringLiteral("registry.k8s.io/pause:3.10")}}}}}}};
    const auto answer
        = client.send("POST", QStringLiteral("/api/v1/namespaces/%1/pods?dryRun=All").arg(ns),
                      QJsonDocument(pod).toJson(QJsonDocument::Compact), "application/json");
    bool injected = false;
    for (const QJsonValue &c : answer ? answer->value(QLatin1String("spec"))
                                            .toObject()
                                            .value(QLatin1String("containers"))
                                            .toArray()
                                      : QJsonArray())
        injected = injected || c.toObject().value(QLatin1String("name")).toString() == sidecar;
    if (temporary)
        (void)client.remove(QStringLiteral("/api/v1/namespaces/%1").arg(ns));
    if (!answer)
        checks << Check {
            Check::State::Fail, tr("Injection webhook answering"),
            tr("A dry-run pod in %1 was refused: %2").arg(ns, answer.error().message())};
    else if (!injected)
        checks << Check {Check::State::Fail, tr("Injection webhook answering"),
                         tr("%1 is registered, but a dry-run pod in %2 came back without %3. Is "
                            "the injector's Service reachable from the API server?")
                             .arg(webhook, ns, sidecar)};
    else
        checks << Check {
            Check::State::Pass, tr("Injection webhook answering"),
            tr("%1 answered: a dry-run pod in %2 came back with %3.").arg(webhook, ns, sidecar)};
    return checks;
}

Result<QByteArray> Installer::runProgram(const QString &program, const QStringList &arguments,
                                         const Log &log, int timeoutMs,
                                         const std::atomic_bool *cancel, bool captureStdout)
{
    QProcess proc;
    proc.start(program, arguments); // an argument list, never a shell
    const QString shown = joinArguments(program, arguments);
    if (!proc.waitForStarted(10000))
        return Unexpected(Error(ErrorCode::NotFound,
                                tr("`%1` could not start: %2").arg(shown, proc.errorString())));
    QByteArray out, err, pendingOut, pendingErr;
    QElapsedTimer quiet;
    quiet.start();
    const auto emitLines = [&](QByteArray &pending, bool final) {
        qsizetype nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            if (log)
                log(QString::fromUtf8(pending.left(nl)).trimmed());
            pending.remove(0, nl + 1);
        }
        if (final && !pending.trimmed().isEmpty() && log)
            log(QString::fromUtf8(pending).trimmed());
    };
    while (proc.state() != QProcess::NotRunning) {
        proc.waitForReadyRead(100);
        const QByteArray o = proc.readAllStandardOutput();
        const QByteArray e = proc.readAllStandardError();
        if (!o.isEmpty() || !e.isEmpty())
            quiet.restart();
        out += o;
        err += e;
        if (!captureStdout) {
            pendingOut += o;
            emitLines(pendingOut, false);
        }
        pendingErr += e;
        emitLines(pendingErr, false);
        if (cancel && cancel->load()) {
            proc.kill();
            proc.waitForFinished(3000);
            return Unexpected(Error(ErrorCode::Cancelled, tr("`%1` was stopped.").arg(shown)));
        }
        if (quiet.elapsed() > timeoutMs) {
            proc.kill();
            proc.waitForFinished(3000);
            return Unexpected(Error(ErrorCode::Timeout,
                                    tr("`%1` printed nothing for %2 s and was stopped. It may be "
                                       "waiting for the cluster or for input; run it in a "
                                       "terminal to see.")
                                        .arg(shown)
                                        .arg(timeoutMs / 1000)));
        }
    }
    const QByteArray o = proc.readAllStandardOutput();
    const QByteArray e = proc.readAllStandardError();
    out += o;
    err += e;
    if (!captureStdout) {
        pendingOut += o;
        emitLines(pendingOut, true);
    }
    pendingErr += e;
    emitLines(pendingErr, true);
    if (proc.exitStatus() != QProcess::NormalExit || proc.exitCode() != 0) {
        const QString tail = QString::fromUtf8(err.right(2000)).trimmed();
        return Unexpected(Error(ErrorCode::Unknown,
                                tr("`%1` failed with exit code %2%3")
                                    .arg(shown)
                                    .arg(proc.exitCode())
                                    .arg(tail.isEmpty() ? tr(" and printed nothing on stderr.")
                                                        : QStringLiteral(":\n") + tail),
                                QString::fromUtf8(err)));
    }
    return out;
}

Result<QString> Installer::cliVersion(const MeshDescription &mesh, const QString &program)
{
    auto out = runProgram(program, mesh.cliVersionArguments(), {}, 10000, nullptr, true);
    if (!out)
        return Unexpected(out.error());
    for (const QByteArray &line : out->split('\n'))
        if (!line.trimmed().isEmpty())
            return QString::fromUtf8(line.trimmed());
    return Unexpected(Error(ErrorCode::ProtocolError, tr("it printed no version.")));
}

} // namespace Meshdeck::Mesh
