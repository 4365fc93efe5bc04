#include "meshcommand.h"

#include <core/httpengine.h>
#include <kube/kubeclient.h>
#include <kube/kubeconfig.h>
#include <mesh/manifestplan.h>
#include <mesh/meshcatalog.h>
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

#include <unistd.h>

namespace Meshdeck {

namespace {

const char MeshUsage[]
    = "Usage: meshdeck mesh list [--json]                      the catalog, and what this cluster "
      "runs\n"
      "       meshdeck mesh status [--json]                    detected meshes, versions, "
      "readiness, injected namespaces\n"
      "       meshdeck mesh install --mesh M [--method bundled|manifest|cli] [--manifest FILE]\n"
      "                             [--profile P] [--dry-run] [--yes]\n"
      "       meshdeck mesh uninstall --mesh M [--delete-namespace] [--yes]\n"
      "       meshdeck mesh inject --namespace N on|off [--mesh M]\n"
      "All take --kubeconfig FILE and --context NAME.\n"
      "Exit codes: 0 done, 1 failed (the message says which step and why), 2 usage, 3 refused\n"
      "(--yes missing when not on a terminal, or preflight found a blocker).\n";

struct Connection
{
    std::shared_ptr<Kube::KubeClient> client;
    QString error;
};

Connection connect(const QString &kubeconfig, const QString &context)
{
    const auto config = Kube::Kubeconfig::load(kubeconfig);
    if (!config)
        return {nullptr, config.error().message()};
    const auto resolved = config->resolve(context);
    if (!resolved)
        return {nullptr, resolved.error().message()};
    return {std::make_shared<Kube::KubeClient>(*resolved, std::make_shared<HttpEngine>()), {}};
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

void record(const QString &kind, const QString &target, const QDateTime &started,
            const QString &outcome, const QJsonArray &steps)
{
    auto store = ResultStore::open(ResultStore::defaultPath());
    if (!store)
        return; // history is a convenience: never fail an operation over it
    ResultStore::Operation op;
    op.kind = kind;
    op.target = target;
    op.started = started;
    op.finished = QDateTime::currentDateTimeUtc();
    op.outcome = outcome;
    op.steps = QString::fromUtf8(QJsonDocument(steps).toJson(QJsonDocument::Compact));
    (void)store.value()->recordOperation(op);
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
    const QCommandLineOption profile(QStringLiteral("profile"), QString(), QStringLiteral("P"),
                                     QStringLiteral("demo"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"));
    const QCommandLineOption yes(QStringList {QStringLiteral("y"), QStringLiteral("yes")});
    const QCommandLineOption deleteNs(QStringLiteral("delete-namespace"));
    const QCommandLineOption ns({QStringLiteral("n"), QStringLiteral("namespace")}, QString(),
                                QStringLiteral("NS"));
    const QCommandLineOption help(QStringList {QStringLiteral("h"), QStringLiteral("help")});
    p.addOptions({kubeconfig, context, json, mesh, method, manifest, profile, dryRun, yes, deleteNs,
                  ns, help});
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
    if (!QStringList {"list", "status", "install", "uninstall", "inject"}.contains(sub)) {
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

    const Connection c = connect(p.value(kubeconfig), p.value(context));
    if (!c.client) {
        err << "meshdeck mesh: " << c.error << "\n";
        return ExitFailure;
    }
    Kube::KubeClient &client = *c.client;
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
                   .arg(QStringLiteral("INSTALLED"), -11)
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
                            -11)
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

    if (sub == QLatin1String("inject")) {
        QString id = chosen ? chosen->id : QString();
        if (id.isEmpty()) {
            for (const auto &d : detected.value())
                if (d.replicas > 0 && id.isEmpty())
                    id = d.id;
        }
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
            << " (" << id << "). Restart its workloads to " << (on ? "add" : "remove")
            << " sidecars, e.g.\n  kubectl rollout restart deployment -n " << p.value(ns) << "\n";
        return ExitOk;
    }

    // install / uninstall
    const QDateTime started = QDateTime::currentDateTimeUtc();
    const QString how = p.value(method);
    if (sub == QLatin1String("install") && how == QLatin1String("cli")) {
        const QString cli = QStandardPaths::findExecutable(chosen->cli);
        if (cli.isEmpty()) {
            err << "meshdeck mesh install: " << chosen->cli << " is not on PATH. Install it from "
                << chosen->homepage
                << ", or use --method bundled (the demo cluster) or --method manifest --manifest "
                   "FILE\n";
            return ExitFailure;
        }
        QStringList cliArgs;
        if (chosen->id == QLatin1String("istio"))
            cliArgs = {QStringLiteral("install"), QStringLiteral("--set"),
                       QStringLiteral("profile=") + p.value(profile), QStringLiteral("-y")};
        else if (chosen->id == QLatin1String("cilium"))
            cliArgs = {QStringLiteral("install")};
        else if (chosen->id == QLatin1String("consul"))
            cliArgs = {QStringLiteral("install"), QStringLiteral("-auto-approve")};
        else {
            err << "meshdeck mesh install: for " << chosen->name << ", install with its manifest ("
                << chosen->cli << " prints it): --method manifest --manifest FILE\n";
            return ExitFailure;
        }
        out << "Running " << cli << ' ' << cliArgs.join(QLatin1Char(' ')) << "\n";
        if (p.isSet(dryRun))
            return ExitOk;
        if (!confirm(p.isSet(yes),
                     QStringLiteral("Install %1 with %2?").arg(chosen->name, chosen->cli), out)) {
            err << "meshdeck mesh install: not confirmed (pass --yes)\n";
            return 3;
        }
        QProcess proc;
        proc.setProcessChannelMode(QProcess::MergedChannels);
        proc.start(cli, cliArgs); // an argument list, never a shell
        while (proc.state() != QProcess::NotRunning) {
            proc.waitForReadyRead(500);
            out << QString::fromUtf8(proc.readAll());
            out.flush();
        }
        out << QString::fromUtf8(proc.readAll());
        const bool ok = proc.exitStatus() == QProcess::NormalExit && proc.exitCode() == 0;
        record(QStringLiteral("install"), chosen->name + QStringLiteral(" (cli)"), started,
               ok ? QStringLiteral("succeeded") : QStringLiteral("failed"), {});
        if (!ok)
            err << "meshdeck mesh install: " << chosen->cli << " failed with exit code "
                << proc.exitCode() << " (its output is above)\n";
        return ok ? ExitOk : ExitFailure;
    }
    Result<Mesh::ManifestPlan> plan = Unexpected(Error());
    if (how == QLatin1String("manifest")) {
        if (!p.isSet(manifest)) {
            err << "meshdeck mesh " << sub << ": --method manifest needs --manifest FILE\n";
            return ExitUsage;
        }
        QFile f(p.value(manifest));
        if (!f.open(QIODevice::ReadOnly)) {
            err << "meshdeck mesh " << sub << ": cannot read " << p.value(manifest) << ": "
                << f.errorString() << "\n";
            return ExitFailure;
        }
        const QByteArray bytes = f.readAll();
        out << "Manifest " << p.value(manifest) << " sha256 "
            << QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex() << "\n";
        plan = Mesh::ManifestPlan::fromYaml(bytes);
    } else if (how == QLatin1String("bundled")) {
        if (chosen->bundledManifest.isEmpty()) {
            err << "meshdeck mesh " << sub
                << ": Meshdeck bundles manifests for Istio only; use --method manifest or cli for "
                << chosen->name << "\n";
            return ExitFailure;
        }
        plan = Mesh::ManifestPlan::fromResource(chosen->bundledManifest);
    } else {
        err << "meshdeck mesh " << sub << ": --method is bundled, manifest or cli\n";
        return ExitUsage;
    }
    if (!plan) {
        err << "meshdeck mesh " << sub
            << ": the manifest cannot be used: " << plan.error().toString() << "\n";
        return ExitFailure;
    }
    const bool installing = sub == QLatin1String("install");
    // Preflight: reachable, permitted, no other mesh in the way.
    const auto version = client.version();
    if (!version) {
        err << "meshdeck mesh " << sub << ": " << version.error().message() << "\n";
        return ExitFailure;
    }
    out << (installing ? "Plan to install " : "Plan to remove ") << chosen->name
        << " on Kubernetes " << version->gitVersion << " (" << plan->steps.size() << " objects"
        << (installing ? ", applied in this order" : ", removed in reverse") << "):\n";
    for (int i = 0; i < plan->steps.size(); ++i)
        out << QStringLiteral("  %1. %2\n").arg(i + 1, 2).arg(plan->steps[i].title());
    if (installing) {
        for (const auto &d : detected.value())
            if (d.id != chosen->id && d.replicas > 0)
                out << "Note: " << Mesh::findMesh(d.id)->name << " " << d.version
                    << " already runs in this cluster.\n";
        if (const Mesh::DetectedMesh *same = detectedFor(chosen->id); same && same->replicas > 0)
            out << "Note: " << chosen->name << " " << same->version
                << " is installed; its objects are updated in place.\n";
        const auto allowed
            = client.canI(QStringLiteral("create"), QStringLiteral("apiextensions.k8s.io"),
                          QStringLiteral("customresourcedefinitions"));
        if (allowed && !allowed.value()) {
            err << "meshdeck mesh install: this user may not create CustomResourceDefinitions; ask "
                   "a cluster administrator\n";
            return 3;
        }
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
    QJsonArray steps;
    QElapsedTimer clock;
    clock.start();
    const auto progress = [&](int i, const QString &state) {
        if (state == QLatin1String("running"))
            return;
        out << QStringLiteral("  [%1] %2 %3\n")
                   .arg(state, -6)
                   .arg(plan->steps[i].title())
                   .arg(QStringLiteral("(%1 ms)").arg(clock.elapsed()));
        out.flush();
        steps.append(QJsonObject {
            {"step", plan->steps[i].title()}, {"state", state}, {"ms", clock.elapsed()}});
    };
    std::atomic_bool cancel {false};
    const VoidResult result = installing ? plan->apply(client, progress, cancel)
                                         : plan->remove(client, progress, p.isSet(deleteNs));
    if (!result) {
        record(sub, chosen->name, started, QStringLiteral("failed"), steps);
        err << "meshdeck mesh " << sub << ": " << result.error().toString() << "\n";
        return ExitFailure;
    }
    // Verify: the control plane Ready (install) or gone (uninstall).
    const auto seen
        = Mesh::MeshDetector::waitForControlPlane(client, chosen->id, installing, 60000);
    const bool verified = seen.has_value();
    if (verified)
        out << (installing
                    ? QStringLiteral("Verified: %1 %2 control plane ready (%3/%4).\n")
                          .arg(chosen->name, seen->version)
                          .arg(seen->ready)
                          .arg(seen->replicas)
                    : QStringLiteral("Verified: %1's control plane is gone.\n").arg(chosen->name));
    record(sub, chosen->name, started,
           verified ? QStringLiteral("succeeded") : QStringLiteral("failed"), steps);
    if (!verified) {
        err << "meshdeck mesh " << sub << ": applied, but the control plane did not become "
            << (installing ? "ready" : "absent") << " within 60 s; see 'kubectl get pods -n "
            << chosen->controlNamespace << "'\n";
        return ExitFailure;
    }
    if (installing)
        out << "Next: meshdeck mesh inject --namespace NS on, then deploy a sample: meshdeck "
               "sample deploy bookinfo -n NS\n";
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
    auto plan = Mesh::ManifestPlan::sample(args[1], p.value(ns));
    if (!plan) {
        err << "meshdeck sample: " << plan.error().toString() << "\n";
        return ExitFailure;
    }
    const QDateTime started = QDateTime::currentDateTimeUtc();
    QJsonArray steps;
    const auto progress = [&](int i, const QString &state) {
        if (state != QLatin1String("running")) {
            out << "  [" << state << "] " << plan->steps[i].title() << "\n";
            steps.append(QJsonObject {{"step", plan->steps[i].title()}, {"state", state}});
        }
    };
    std::atomic_bool cancel {false};
    const VoidResult result = args[0] == QLatin1String("deploy")
        ? Mesh::ManifestPlan::deploySample(*c.client, args[1], p.value(ns), p.value(inject),
                                           progress, cancel)
        : plan->remove(*c.client, progress, false);
    record(QStringLiteral("sample ") + args[0], args[1] + QStringLiteral(" in ") + p.value(ns),
           started, result ? QStringLiteral("succeeded") : QStringLiteral("failed"), steps);
    if (!result) {
        err << "meshdeck sample " << args[0] << ": " << result.error().toString() << "\n";
        return ExitFailure;
    }
    out << (args[0] == QLatin1String("deploy") ? "Deployed " : "Removed ") << args[1]
        << " in namespace " << p.value(ns) << ".\n";
    return ExitOk;
}

} // namespace Meshdeck
