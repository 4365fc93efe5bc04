#include "clustercommand.h"

#include <core/httpengine.h>
#include <kube/kubeclient.h>

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Meshdeck {

namespace {
struct Permission
{
    const char *verb;
    const char *group;
    const char *resource;
    bool namespaced;
    const char *why;
};

// What Meshdeck's pages need: browsing, installing meshes, deploying samples.
const Permission kPermissions[] = {
    {"list", "", "pods", false, "see workloads (Clusters, Topology)"},
    {"watch", "", "pods", false, "follow changes live"},
    {"get", "", "pods/log", true, "read pod logs"},
    {"list", "", "events", false, "see events"},
    {"create", "apps", "deployments", true, "deploy sample applications"},
    {"patch", "apps", "deployments", true, "apply manifests (server-side apply)"},
    {"create", "", "namespaces", false, "create namespaces for meshes and samples"},
    {"create", "apiextensions.k8s.io", "customresourcedefinitions", false, "install a mesh's CRDs"},
    {"create", "admissionregistration.k8s.io", "mutatingwebhookconfigurations", false,
     "install sidecar injectors"},
    {"create", "rbac.authorization.k8s.io", "clusterroles", false, "install a mesh's RBAC"},
};
} // namespace

QString ClusterCommand::summary() const
{
    return QStringLiteral("Check a cluster: reachability, version, nodes, permissions.");
}

int ClusterCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption kubeconfig(QStringLiteral("kubeconfig"), QStringLiteral("Read FILE."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption context(QStringLiteral("context"), QStringLiteral("Use context NAME."),
                                     QStringLiteral("NAME"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOptions({kubeconfig, context, json, help});
    if (!parser.parse(QStringList {QStringLiteral("meshdeck cluster")} + arguments)) {
        err << "meshdeck cluster: " << parser.errorText() << "\n";
        return ExitUsage;
    }
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(help) || positional.isEmpty()) {
        (positional.isEmpty() && !parser.isSet(help) ? err : out)
            << "Usage: meshdeck cluster check [--kubeconfig FILE] [--context NAME] [--json]\n\n"
            << summary() << "\n\n"
            << "Exit codes: 0 reachable and the credentials work, 1 unreachable or refused, 2 "
               "usage.\n";
        return parser.isSet(help) ? ExitOk : ExitUsage;
    }
    if (positional.first() != QLatin1String("check") || positional.size() > 1) {
        err << "meshdeck cluster: unknown subcommand '" << positional.join(QLatin1Char(' '))
            << "' (use 'check')\n";
        return ExitUsage;
    }

    const auto config = Kube::Kubeconfig::load(parser.value(kubeconfig));
    if (!config.ok()) {
        err << "meshdeck cluster check: " << config.error().message() << "\n";
        return ExitFailure;
    }
    const auto resolved = config->resolve(parser.value(context));
    if (!resolved.ok()) {
        err << "meshdeck cluster check: " << resolved.error().message() << "\n";
        return ExitFailure;
    }
    auto engine = std::make_shared<HttpEngine>();
    Kube::KubeClient::Options options;
    options.maxAttempts = 2;
    options.requestTimeout = std::chrono::seconds(15);
    Kube::KubeClient client(*resolved, engine, {}, options);

    QJsonObject report {{QStringLiteral("context"), resolved->context},
                        {QStringLiteral("cluster"), resolved->clusterName},
                        {QStringLiteral("user"), resolved->userName},
                        {QStringLiteral("server"), resolved->server.toString()},
                        {QStringLiteral("namespace"), resolved->ns},
                        {QStringLiteral("auth"), resolved->authDescription()}};
    if (const QString warning = resolved->plainHttpWarning(); !warning.isEmpty())
        report.insert(QStringLiteral("warning"), warning);
    QElapsedTimer clock;
    clock.start();
    const auto version = client.version();
    if (!version.ok()) {
        report.insert(QStringLiteral("reachable"), false);
        report.insert(QStringLiteral("error"), version.error().message());
        if (parser.isSet(json))
            out << QJsonDocument(report).toJson(QJsonDocument::Indented);
        err << "meshdeck cluster check: " << version.error().message() << "\n";
        return ExitFailure;
    }
    report.insert(QStringLiteral("reachable"), true);
    report.insert(QStringLiteral("latencyMs"), clock.elapsed());
    report.insert(QStringLiteral("serverVersion"), version->gitVersion);
    // /version is public on most clusters; listing nodes proves the credentials.
    const auto nodes = client.list(QStringLiteral("/api/v1/nodes"), 500);
    if (nodes.ok())
        report.insert(QStringLiteral("nodes"), int(nodes->items.size()));
    else
        report.insert(QStringLiteral("nodesError"), nodes.error().message());
    QJsonArray permissions;
    bool authFailed = !nodes.ok() && nodes.error().code() == ErrorCode::Unauthorized;
    for (const Permission &p : kPermissions) {
        const QString resource = QString::fromLatin1(p.resource);
        const auto allowed = authFailed
            ? Result<bool>(Unexpected(nodes.error()))
            : client.canI(QString::fromLatin1(p.verb), QString::fromLatin1(p.group), resource,
                          p.namespaced ? resolved->ns : QString());
        if (!allowed.ok() && allowed.error().code() == ErrorCode::Unauthorized)
            authFailed = true;
        permissions.append(
            QJsonObject {{QStringLiteral("verb"), QString::fromLatin1(p.verb)},
                         {QStringLiteral("resource"), resource},
                         {QStringLiteral("group"), QString::fromLatin1(p.group)},
                         {QStringLiteral("allowed"),
                          allowed.ok() ? QJsonValue(*allowed) : QJsonValue(QJsonValue::Null)},
                         {QStringLiteral("purpose"), QString::fromLatin1(p.why)}});
    }
    report.insert(QStringLiteral("permissions"), permissions);

    if (parser.isSet(json)) {
        out << QJsonDocument(report).toJson(QJsonDocument::Indented);
    } else {
        out << "Context     " << resolved->context << " (cluster " << resolved->clusterName
            << ", user "
            << (resolved->userName.isEmpty() ? QStringLiteral("anonymous") : resolved->userName)
            << ", " << resolved->authDescription() << ")\n"
            << "Server      " << resolved->server.toString() << "\n";
        if (report.contains(QStringLiteral("warning")))
            out << "Warning     " << report.value(QStringLiteral("warning")).toString() << "\n";
        out << "Reachable   yes, Kubernetes " << version->gitVersion << " ("
            << report.value(QStringLiteral("latencyMs")).toInt() << " ms)\n"
            << "Nodes       "
            << (nodes.ok() ? QString::number(nodes->items.size()) : nodes.error().message()) << "\n"
            << "Namespace   " << resolved->ns << "\n"
            << "Permissions\n";
        for (const QJsonValue &v : permissions) {
            const QJsonObject p = v.toObject();
            const QJsonValue allowed = p.value(QStringLiteral("allowed"));
            const QString answer = allowed.isBool()
                ? (allowed.toBool() ? QStringLiteral("yes") : QStringLiteral("no"))
                : QStringLiteral("unknown");
            out << "  "
                << QStringLiteral("%1 %2")
                       .arg(p.value(QStringLiteral("verb")).toString(),
                            p.value(QStringLiteral("resource")).toString())
                       .leftJustified(46)
                << answer.leftJustified(9) << p.value(QStringLiteral("purpose")).toString() << "\n";
        }
    }
    if (authFailed) {
        err << "meshdeck cluster check: " << nodes.error().message() << "\n";
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace Meshdeck
