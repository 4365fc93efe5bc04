#include "contextscommand.h"

#include <kube/kubeconfig.h>

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Meshdeck {

namespace {
QString authOf(const std::optional<Kube::UserEntry> &user)
{
    if (!user)
        return QStringLiteral("none");
    if (user->exec)
        return QStringLiteral("exec:") + user->exec->command.section(QLatin1Char('/'), -1);
    if (!user->authProvider.isEmpty())
        return QStringLiteral("auth-provider:") + user->authProvider;
    if (!user->clientCertPem.isEmpty() || !user->clientCertFile.isEmpty())
        return QStringLiteral("client-certificate");
    if (!user->token.isEmpty() || !user->tokenFile.isEmpty())
        return QStringLiteral("token");
    if (!user->username.isEmpty())
        return QStringLiteral("basic");
    return QStringLiteral("none");
}
} // namespace

QString ContextsCommand::summary() const
{
    return QStringLiteral("List the contexts of your kubeconfig.");
}

int ContextsCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption kubeconfig(
        QStringLiteral("kubeconfig"),
        QStringLiteral("Read FILE instead of $KUBECONFIG or ~/.kube/config."),
        QStringLiteral("FILE"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOptions({kubeconfig, json, help});
    if (!parser.parse(QStringList {QStringLiteral("meshdeck contexts")} + arguments)) {
        err << "meshdeck contexts: " << parser.errorText() << "\n";
        return ExitUsage;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << "meshdeck contexts: unexpected argument '" << parser.positionalArguments().first()
            << "'\n";
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        out << "Usage: meshdeck contexts [--kubeconfig FILE] [--json]\n\n"
            << summary() << "\n\n"
            << "Reads the kubeconfig as kubectl does: FILE, or the files of $KUBECONFIG merged, "
               "or\n"
               "~/.kube/config. Shows each context's cluster, server, user, namespace and kind of\n"
               "credentials; '*' marks the current context. Exit code 1 when no kubeconfig can be "
               "read.\n";
        return ExitOk;
    }
    const auto config = Kube::Kubeconfig::load(parser.value(kubeconfig));
    if (!config.ok()) {
        err << "meshdeck contexts: " << config.error().message() << "\n";
        return ExitFailure;
    }
    QJsonArray rows;
    for (const Kube::ContextEntry &c : config->contexts()) {
        const auto cluster = config->cluster(c.cluster);
        rows.append(QJsonObject {
            {QStringLiteral("name"), c.name},
            {QStringLiteral("current"), c.name == config->currentContext()},
            {QStringLiteral("cluster"), c.cluster},
            {QStringLiteral("server"), cluster ? cluster->server : QString()},
            {QStringLiteral("user"), c.user},
            {QStringLiteral("namespace"), c.ns.isEmpty() ? QStringLiteral("default") : c.ns},
            {QStringLiteral("auth"), authOf(config->user(c.user))}});
    }
    if (parser.isSet(json)) {
        out << QJsonDocument(
                   QJsonObject {
                       {QStringLiteral("files"), QJsonArray::fromStringList(config->files())},
                       {QStringLiteral("currentContext"), config->currentContext()},
                       {QStringLiteral("contexts"), rows}})
                   .toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    if (rows.isEmpty()) {
        out << "No contexts in " << config->files().join(QStringLiteral(", ")) << ".\n";
        return ExitOk;
    }
    const QStringList headers {QStringLiteral("CURRENT"), QStringLiteral("NAME"),
                               QStringLiteral("CLUSTER"), QStringLiteral("SERVER"),
                               QStringLiteral("USER"),    QStringLiteral("NAMESPACE"),
                               QStringLiteral("AUTH")};
    const QStringList keys {QStringLiteral("current"), QStringLiteral("name"),
                            QStringLiteral("cluster"), QStringLiteral("server"),
                            QStringLiteral("user"),    QStringLiteral("namespace"),
                            QStringLiteral("auth")};
    QList<QStringList> table {headers};
    for (const QJsonValue &r : rows) {
        QStringList line;
        for (const QString &k : keys)
            line << (k == QLatin1String("current")
                         ? (r.toObject().value(k).toBool() ? QStringLiteral("*") : QString())
                         : r.toObject().value(k).toString());
        table << line;
    }
    QList<int> widths(headers.size(), 0);
    for (const QStringList &line : table)
        for (int i = 0; i < line.size(); ++i)
            widths[i] = qMax(widths[i], int(line.at(i).size()));
    for (const QStringList &line : table) {
        QString text;
        for (int i = 0; i < line.size(); ++i)
            text += i + 1 < line.size() ? line.at(i).leftJustified(widths[i] + 3) : line.at(i);
        out << text.trimmed().prepend(line.first().isEmpty() ? QStringLiteral("   ") : QString())
            << "\n";
    }
    return ExitOk;
}

} // namespace Meshdeck
