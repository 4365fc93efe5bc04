#include "meshcommand.h"

#include "meshcheck.h"

#include <core/httpengine.h>
#include <kube/kubeclient.h>
#include <kube/kubeconfig.h>
#include <mesh/installer.h>
#include <mesh/manifestplan.h>
#include <mesh/meshcatalog.h>
#include <mesh/operation.h>
#include <store/resultstore.h>

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>

#include <csignal>

#include <unistd.h>

namespace Meshdeck {

namespace {

const char MeshUsage[]
    = "Usage: meshdeck mesh list [--json]          the catalog, and what this cluster runs\n"
      "       meshdeck mesh status [--json]        detected meshes, versions, readiness, add-ons,\n"
      "                                            mTLS mode, injected namespaces\n"
      "       meshdeck mesh install --mesh M [--method bundled|manifest|cli|helm]\n"
      "            [--manifest FILE|URL] [--version V] [--profile P] [--addons a,b|none]\n"
      "            [--mtls STRICT|PERMISSIVE] [--inject-namespace NS]... [--timeout SECONDS]\n"
      "            [--cli-timeout SECONDS] [--force-conflicts] [--keep-on-failure] [--dry-run]\n"
      "            [--yes]\n"
      "       meshdeck mesh uninstall --mesh M [--method bundled|manifest|helm] [--manifest "
      "FILE|URL]\n"
      "            [--delete-namespace] [--restart] [--yes]\n"
      "       meshdeck mesh inject --namespace N on|off [--mesh M] [--restart]\n"
      "       meshdeck mesh restart --namespace N  restart its workloads (sidecars follow "
      "injection)\n"
      "       meshdeck mesh mtls --mtls STRICT|PERMISSIVE [--mesh M]\n"
      "       meshdeck mesh check [--namespace NS]... [--json]  routing mistakes: hosts, subsets,\n"
      "            gateways, routes and sidecars that point nowhere (exit 1 on an error)\n"
      "All take --kubeconfig FILE and --context NAME. A failed install (an apply error or a\n"
      "failed verification) rolls back what it created unless --keep-on-failure; Ctrl-C and\n"
      "SIGTERM stop it and roll back too.\n"
      "Exit codes: 0 done, 1 failed (the message says which step and why), 2 usage, 3 refused\n"
      "(--yes missing when not on a terminal, or preflight found a blocker), 130 interrupted\n"
      "(Ctrl-C), 143 terminated (SIGTERM).\n";

std::atomic_bool s_cancel {false};
std::atomic_int s_signal {0};

void onInterrupt(int signal)
{
    s_signal = signal;
    s_cancel = true;
}

// Ctrl-C and SIGTERM (a CI cancel, `timeout`) both stop an operation so that it can roll back
// and be recorded; the previous handlers come back when the operation ends.
class StopSignals
{
public:
    StopSignals()
    {
        s_cancel = false;
        s_signal = 0;
        m_int = std::signal(SIGINT, onInterrupt);
        m_term = std::signal(SIGTERM, onInterrupt);
    }
    ~StopSignals() { restore(); }
    void restore()
    {
        if (m_restored)
            return;
        m_restored = true;
        std::signal(SIGINT, m_int);
        std::signal(SIGTERM, m_term);
    }
    static int exitCode(int otherwise) { return s_signal ? 128 + s_signal : otherwise; }
    static QString reason()
    {
        return s_signal == SIGTERM ? QStringLiteral("terminated (SIGTERM)")
                                   : QStringLiteral("interrupted (Ctrl-C)");
    }

private:
    using Handler = void (*)(int);
    Handler m_int = nullptr;
    Handler m_term = nullptr;
    bool m_restored = false;
};

struct Connection
{
    std::shared_ptr<Kube::KubeClient> client;
    QString error;
};

Connection connect(const QString &kubeconfig, const QString &context)
{
    auto client = Kube::KubeClient::fromKubeconfig(kubeconfig, context);
    if (!client)
        return {nullptr, client.error().message()};
    return {std::move(client).value(), {}};
}

bool confirm(bool yes, const QString &question, QTextStream &out)
{
    if (yes)
        return true;
    if (!::isatty(STDIN_FILENO))
        return false;
    out << question << " [y/N] ";
    out.flush();
    QTextStream in(stdin);
    return in.readLine().trimmed().toLower().startsWith(QLatin1Char('y'));
}

} // namespace

QString MeshCommand::summary() const
{
    return QStringLiteral(
        "List, detect, install, remove service meshes; switch sidecar injection.");
}

int MeshCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    const QCommandLineOption kubeconfig(QStringLiteral("kubeconfig"), QString(),
                                        QStringLiteral("FILE"));
    const QCommandLineOption context(QStringLiteral("context"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption json(QStringLiteral("json"));
    const QCommandLineOption mesh(QStringLiteral("mesh"), QString(), QStringLiteral("M"));
    const QCommandLineOption method(QStringLiteral("method"), QString(), QStringLiteral("M"),
                                    QStringLiteral("bundled"));
    const QCommandLineOption manifest(QStringLiteral("manifest"), QString(),
                                      QStringLiteral("FILE"));
    const QCommandLineOption profile(QStringLiteral("profile"), QString(), QStringLiteral("P"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"));
    const QCommandLineOption yes(QStringList {QStringLiteral("y"), QStringLiteral("yes")});
    const QCommandLineOption deleteNs(QStringLiteral("delete-namespace"));
    const QCommandLineOption ns({QStringLiteral("n"), QStringLiteral("namespace")}, QString(),
                                QStringLiteral("NS"));
    const QCommandLineOption help(QStringList {QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption versionOption(QStringLiteral("version"), QString(),
                                           QStringLiteral("V"));
    const QCommandLineOption addons(QStringLiteral("addons"), QString(), QStringLiteral("LIST"));
    const QCommandLineOption mtls(QStringLiteral("mtls"), QString(), QStringLiteral("MODE"));
    const QCommandLineOption injectNs(QStringLiteral("inject-namespace"), QString(),
                                      QStringLiteral("NS"));
    const QCommandLineOption timeout(QStringLiteral("timeout"), QString(),
                                     QStringLiteral("SECONDS"));
    const QCommandLineOption cliTimeout(QStringLiteral("cli-timeout"), QString(),
                                        QStringLiteral("SECONDS"));
    const QCommandLineOption forceConflicts(QStringLiteral("force-conflicts"));
    const QCommandLineOption keep(QStringLiteral("keep-on-failure"));
    const QCommandLineOption restart(QStringLiteral("restart"));
    p.addOptions({kubeconfig,     context, json,   mesh,     method,  manifest,
                  profile,        dryRun,  yes,    deleteNs, ns,      help,
                  versionOption,  addons,  mtls,   injectNs, timeout, cliTimeout,
                  forceConflicts, keep,    restart});
    if (!p.parse(QStringList {QStringLiteral("mesh")} + arguments)) {
        err << "meshdeck mesh: " << p.errorText() << "\n";
        return ExitUsage;
    }
    const QStringList args = p.positionalArguments();
    const QString sub = args.value(0);
    if (p.isSet(help) || sub.isEmpty()) {
        (sub.isEmpty() && !p.isSet(help) ? err : out) << MeshUsage;
        return p.isSet(help) ? ExitOk : ExitUsage;
    }
    if (!QStringList {"list", "status", "install", "uninstall", "inject", "restart", "mtls",
                      "check"}
             .contains(sub)) {
        err << "meshdeck mesh: unknown subcommand '" << sub << "'\n" << MeshUsage;
        return ExitUsage;
    }
    const Mesh::MeshDescription *chosen = p.isSet(mesh) ? Mesh::findMesh(p.value(mesh)) : nullptr;
    if (p.isSet(mesh) && !chosen) {
        err << "meshdeck mesh: unknown mesh '" << p.value(mesh)
            << "' (istio, linkerd, consul, kuma or cilium)\n";
        return ExitUsage;
    }
    if ((sub == QLatin1String("install") || sub == QLatin1String("uninstall")) && !chosen) {
        err << "meshdeck mesh " << sub
            << ": --mesh is required (istio, linkerd, consul, kuma or cilium)\n";
        return ExitUsage;
    }
    if (sub == QLatin1String("inject")
        && (!p.isSet(ns) || !QStringList {"on", "off"}.contains(args.value(1)))) {
        err << "meshdeck mesh inject: give --namespace N and on or off\n";
        return ExitUsage;
    }
    if (sub == QLatin1String("restart") && !p.isSet(ns)) {
        err << "meshdeck mesh restart: give --namespace N\n";
        return ExitUsage;
    }
    if (sub == QLatin1String("mtls") && !p.isSet(mtls)) {
        err << "meshdeck mesh mtls: give --mtls STRICT or PERMISSIVE\n";
        return ExitUsage;
    }
    if (p.isSet(timeout) && p.value(timeout).toInt() <= 0) {
        err << "meshdeck mesh: --timeout is a number of seconds\n";
        return ExitUsage;
    }

    const Connection c = connect(p.value(kubeconfig), p.value(context));
    if (!c.client) {
        err << "meshdeck mesh: " << c.error << "\n";
        return ExitFailure;
    }
    Kube::KubeClient &client = *c.client;
    if (sub == QLatin1String("check"))
        return runMeshCheck(client, p.values(ns), p.isSet(json), out, err);
    const auto detected = Mesh::MeshDetector::detect(client);
    if (!detected) {
        err << "meshdeck mesh: " << detected.error().message() << "\n";
        return ExitFailure;
    }
    const auto detectedFor = [&](const QString &id) -> const Mesh::DetectedMesh * {
        for (const auto &d : detected.value())
            if (d.id == id)
                return &d;
        return nullptr;
    };

    if (sub == QLatin1String("list") || sub == QLatin1String("status")) {
        QJsonArray rows;
        for (const Mesh::MeshDescription &m : Mesh::catalog()) {
            const Mesh::DetectedMesh *d = detectedFor(m.id);
            if (sub == QLatin1String("status") && !d)
                continue;
            rows.append(QJsonObject {
                {"id", m.id},
                {"name", m.name},
                {"summary", m.summary},
                {"homepage", m.homepage},
                {"versions", QJsonArray::fromStringList(m.versions)},
                {"profiles", QJsonArray::fromStringList(m.profiles)},
                {"cli", m.cli},
                {"cliFound", !QStandardPaths::findExecutable(m.cli).isEmpty()},
                {"bundled", !m.bundledManifest.isEmpty()},
                {"installed", d != nullptr},
                {"version", d ? d->version : QString()},
                {"namespace", d ? d->ns : QString()},
                {"ready", d ? d->ready : 0},
                {"replicas", d ? d->replicas : 0},
                {"injectedNamespaces",
                 QJsonArray::fromStringList(d ? d->injectedNamespaces : QStringList())},
                {"addons", QJsonArray::fromStringList(d ? d->addons : QStringList())},
                {"addonsOffered", QJsonArray::fromStringList(m.addons)},
                {"mtlsMode", d ? d->mtlsMode : QString()},
                {"bundledVersion", m.bundledVersion},
            });
        }
        if (p.isSet(json)) {
            out << QJsonDocument(rows).toJson(QJsonDocument::Indented);
            return ExitOk;
        }
        if (rows.isEmpty()) {
            out << "No service mesh found in this cluster. See 'meshdeck mesh list' and 'meshdeck "
                   "mesh install'.\n";
            return ExitOk;
        }
        out << QStringLiteral("%1 %2 %3 %4 %5\n")
                   .arg(QStringLiteral("MESH"), -9)
                   .arg(QStringLiteral("INSTALLED"), -15)
                   .arg(QStringLiteral("READY"), -7)
                   .arg(QStringLiteral("INJECTED NAMESPACES"), -28)
                   .arg(QStringLiteral("INSTALL WITH"));
        for (const QJsonValue &v : rows) {
            const QJsonObject r = v.toObject();
            QStringList methods;
            if (r.value("bundled").toBool())
                methods << QStringLiteral("bundled");
            methods << QStringLiteral("manifest");
            if (r.value("cliFound").toBool())
                methods << r.value("cli").toString();
            out << QStringLiteral("%1 %2 %3 %4 %5\n")
                       .arg(r.value("id").toString(), -9)
                       .arg(r.value("installed").toBool() ? r.value("version").toString()
                                                          : QStringLiteral("-"),
                            -15)
                       .arg(r.value("installed").toBool() ? QStringLiteral("%1/%2")
                                                                .arg(r.value("ready").toInt())
                                                                .arg(r.value("replicas").toInt())
                                                          : QStringLiteral("-"),
                            -7)
                       .arg(r.value("injectedNamespaces")
                                .toVariant()
                                .toStringList()
                                .join(QLatin1Char(','))
                                .left(28),
                            -28)
                       .arg(methods.join(QStringLiteral(", ")));
        }
        return ExitOk;
    }

    const auto firstRunning = [&] {
        for (const auto &d : detected.value())
            if (d.replicas > 0)
                return d.id;
        return QString();
    };
    if (sub == QLatin1String("inject")) {
        QString id = chosen ? chosen->id : firstRunning();
        if (id.isEmpty()) {
            err << "meshdeck mesh inject: no mesh found in the cluster; say which with --mesh\n";
            return ExitFailure;
        }
        const bool on = args.value(1) == QLatin1String("on");
        if (const VoidResult r = Mesh::MeshDetector::setInjection(client, id, p.value(ns), on);
            !r) {
            err << "meshdeck mesh inject: " << r.error().message() << "\n";
            return ExitFailure;
        }
        out << "Sidecar injection " << (on ? "on" : "off") << " for namespace " << p.value(ns)
            << " (" << id << ").\n";
        if (p.isSet(restart)) {
            const auto restarted = Mesh::MeshDetector::restartWorkloads(client, p.value(ns));
            if (!restarted) {
                err << "meshdeck mesh inject: " << restarted.error().message() << "\n";
                return ExitFailure;
            }
            out << "Restarted " << restarted->size() << " workload(s) so that their pods "
                << (on ? "get" : "lose") << " sidecars.\n";
        } else {
            out << "Restart its workloads to " << (on ? "add" : "remove")
                << " sidecars: meshdeck mesh restart -n " << p.value(ns) << "\n";
        }
        return ExitOk;
    }

    if (sub == QLatin1String("restart")) {
        const auto restarted = Mesh::MeshDetector::restartWorkloads(client, p.value(ns));
        if (!restarted) {
            err << "meshdeck mesh restart: " << restarted.error().message() << "\n";
            return ExitFailure;
        }
        out << "Restarted " << restarted->size() << " workload(s) in " << p.value(ns) << ": "
            << restarted->join(QStringLiteral(", ")) << "\n";
        return ExitOk;
    }
    if (sub == QLatin1String("mtls")) {
        QString id = chosen ? chosen->id : firstRunning();
        const VoidResult r = Mesh::MeshDetector::setMtlsMode(client, id, p.value(mtls));
        if (!r) {
            err << "meshdeck mesh mtls: " << r.error().message() << "\n";
            return ExitFailure;
        }
        out << "Mesh-wide mTLS for " << id << " is now " << p.value(mtls).toUpper() << ".\n";
        return ExitOk;
    }

    const bool installing = sub == QLatin1String("install");
    Mesh::InstallOptions options;
    options.mesh = chosen->id;
    options.version = p.value(versionOption);
    options.profile = p.value(profile);
    const auto how = Mesh::methodFromId(p.value(method));
    if (!how) {
        err << "meshdeck mesh " << sub << ": --method is bundled, manifest, cli or helm\n";
        return ExitUsage;
    }
    options.method = *how;
    if (options.method == Mesh::InstallMethod::Manifest && !p.isSet(manifest)) {
        err << "meshdeck mesh " << sub << ": --method manifest needs --manifest FILE|URL\n";
        return ExitUsage;
    }
    options.manifest = p.value(manifest);
    options.mtlsMode = p.value(mtls);
    if (p.isSet(addons))
        options.addons = p.value(addons) == QLatin1String("none")
            ? QStringList()
            : p.value(addons).split(QLatin1Char(','), Qt::SkipEmptyParts);
    else if (options.method != Mesh::InstallMethod::Manifest)
        options.addons = chosen->defaultAddons;
    options.injectNamespaces = p.values(injectNs);
    if (p.isSet(timeout))
        options.readyTimeoutMs = p.value(timeout).toInt() * 1000;
    if (p.isSet(cliTimeout))
        options.cliTimeoutMs = std::max(1, p.value(cliTimeout).toInt()) * 1000;
    if (!installing) {
        if (options.method == Mesh::InstallMethod::Cli) {
            err << "meshdeck mesh uninstall: removing with the CLI is the CLI's job (e.g. "
                   "'istioctl uninstall --purge', 'linkerd uninstall | kubectl delete -f -'); "
                   "Meshdeck removes bundled or manifest installs\n";
            return ExitUsage;
        }
    }
    auto prepared = installing
        ? Mesh::Installer::prepare(options)
        : Mesh::Installer::prepareRemoval(options, detected.value(), p.isSet(addons));
    if (!prepared) {
        err << "meshdeck mesh " << sub
            << ": the plan cannot be made: " << prepared.error().toString() << "\n";
        return ExitFailure;
    }
    Mesh::Installation &inst = prepared.value();
    // A large plan says what it is doing while it looks for what exists (one LIST per kind).
    QElapsedTimer said;
    said.start();
    const auto checking = [&](int checked, int total) {
        if (total < 200 || (said.elapsed() < 2000 && checked < total))
            return;
        said.restart();
        err << QStringLiteral("Checking what already exists: %1 of %2 objects\n")
                   .arg(checked)
                   .arg(total);
        err.flush();
    };
    if (inst.plan.steps.size() >= 200)
        err << QStringLiteral("Planned %1 objects; checking which already exist…\n")
                   .arg(inst.plan.steps.size());
    if (const VoidResult marked = Mesh::Installer::markExisting(client, inst, checking); !marked) {
        err << "meshdeck mesh " << sub << ": " << marked.error().message() << "\n";
        return ExitFailure;
    }
    if (installing) {
        out << inst.describe();
    } else {
        out << "Plan to remove " << chosen->name << " (" << inst.plan.steps.size()
            << " objects, in reverse order):\n";
        for (int i = static_cast<int>(inst.plan.steps.size()) - 1; i >= 0; --i)
            out << QStringLiteral("  %1. %2%3\n")
                       .arg(inst.plan.steps.size() - i, 3)
                       .arg(inst.plan.steps[i].title(),
                            inst.existing.value(i) ? QString() : QStringLiteral("   (absent)"));
    }
    bool blocked = false;
    if (installing) {
        out << "Preflight:\n";
        for (const Mesh::Check &c : Mesh::Installer::preflight(client, inst)) {
            out << QStringLiteral("  [%1] %2: %3\n")
                       .arg(Mesh::checkStateName(c.state), -7)
                       .arg(c.title, c.detail);
            blocked = blocked || c.state == Mesh::Check::State::Fail;
        }
    }
    out.flush();
    if (blocked) {
        err << "meshdeck mesh install: preflight found a blocker (above); nothing was changed\n";
        return 3;
    }
    if (p.isSet(dryRun)) {
        out << "Dry run: nothing was changed.\n";
        return ExitOk;
    }
    if (!confirm(p.isSet(yes),
                 installing
                     ? QStringLiteral("Install?")
                     : QStringLiteral("Remove? (namespaces are kept unless --delete-namespace)"),
                 out)) {
        err << "meshdeck mesh " << sub << ": not confirmed (pass --yes)\n";
        return 3;
    }
    StopSignals stopSignals;
    QElapsedTimer clock;
    clock.start();
    Mesh::OperationSink sink;
    sink.step = [&](int i, const QString &state) {
        if (state == QLatin1String("running"))
            return;
        out << QStringLiteral("  [%1] %2 %3\n")
                   .arg(state, -7)
                   .arg(inst.plan.steps[i].title())
                   .arg(QStringLiteral("(%1 ms)").arg(clock.elapsed()));
        out.flush();
    };
    sink.log = [&](const QString &line) {
        out << "  " << line << "\n";
        out.flush();
    };
    sink.checked = [&](const QList<Mesh::Check> &checks) {
        for (const Mesh::Check &c : checks)
            out << QStringLiteral("  [%1] %2: %3\n")
                       .arg(Mesh::checkStateName(c.state), -7)
                       .arg(c.title, c.detail);
        out.flush();
    };
    sink.cancel = &s_cancel;
    Mesh::Operation operation(client, inst, sink);
    const Mesh::OperationReport report = installing
        ? operation.install(p.isSet(forceConflicts), p.isSet(keep))
        : operation.uninstall(detected.value(), p.isSet(deleteNs), p.isSet(restart));
    stopSignals.restore();
    ResultStore::recordOperationAt(ResultStore::defaultPath(), report.kind, report.target,
                                   report.started, report.ok(), report.journal);
    if (!report.ok()) {
        if (report.outcome == Mesh::OperationReport::Outcome::Cancelled)
            err << "meshdeck mesh " << sub << ": " << StopSignals::reason() << "\n";
        err << "meshdeck mesh " << sub << ": " << report.message << "\n";
        if (report.rolledBack)
            err << "Rolled back: the cluster is as it was before (--keep-on-failure keeps a "
                   "failed install).\n";
        else if (!report.rollbackError.isEmpty())
            err << "Rollback stopped: " << report.rollbackError << "\n";
        else if (installing && p.isSet(keep))
            err << "Kept as applied (--keep-on-failure): meshdeck mesh uninstall removes it.\n";
        return StopSignals::exitCode(ExitFailure);
    }
    out << report.message << "\n";
    if (installing)
        out << "Next: meshdeck mesh inject --namespace NS on, meshdeck sample deploy bookinfo -n "
               "NS, then open the Topology page.\n";
    return ExitOk;
}

QString SampleCommand::summary() const
{
    return QStringLiteral("Deploy or remove a sample application (bookinfo, httpbin, emojivoto).");
}

int SampleCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    const QCommandLineOption kubeconfig(QStringLiteral("kubeconfig"), QString(),
                                        QStringLiteral("FILE"));
    const QCommandLineOption context(QStringLiteral("context"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption ns({QStringLiteral("n"), QStringLiteral("namespace")}, QString(),
                                QStringLiteral("NS"));
    const QCommandLineOption inject(QStringLiteral("inject"), QString(), QStringLiteral("MESH"));
    p.addOptions({kubeconfig, context, ns, inject});
    if (!p.parse(QStringList {QStringLiteral("sample")} + arguments)) {
        err << "meshdeck sample: " << p.errorText() << "\n";
        return ExitUsage;
    }
    const QStringList args = p.positionalArguments();
    static const QStringList apps {QStringLiteral("bookinfo"), QStringLiteral("httpbin"),
                                   QStringLiteral("emojivoto")};
    if (args.size() != 2 || !QStringList {"deploy", "remove"}.contains(args[0])
        || !apps.contains(args[1]) || !p.isSet(ns)) {
        err << "Usage: meshdeck sample deploy|remove bookinfo|httpbin|emojivoto -n NAMESPACE "
               "[--inject istio|linkerd]\n";
        return ExitUsage;
    }
    const Connection c = connect(p.value(kubeconfig), p.value(context));
    if (!c.client) {
        err << "meshdeck sample: " << c.error << "\n";
        return ExitFailure;
    }
    Mesh::OperationSink sink;
    const auto plan = Mesh::ManifestPlan::sample(args[1], p.value(ns));
    const QStringList titles = plan ? plan->titles() : QStringList();
    sink.step = [&](int i, const QString &state) {
        if (state != QLatin1String("running"))
            out << "  [" << state << "] " << titles.value(i) << "\n";
    };
    const Mesh::OperationReport report = Mesh::Operation::sample(
        *c.client, args[1], p.value(ns), args[0] == QLatin1String("deploy"), p.value(inject), sink);
    ResultStore::recordOperationAt(ResultStore::defaultPath(), report.kind, report.target,
                                   report.started, report.ok(), report.journal);
    if (!report.ok()) {
        err << "meshdeck sample " << args[0] << ": " << report.message << "\n";
        return ExitFailure;
    }
    out << report.message << "\n";
    return ExitOk;
}

} // namespace Meshdeck
