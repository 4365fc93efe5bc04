#include "versioncommand.h"

#include "versioninfo.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace Meshdeck {

QString VersionCommand::summary() const
{
    return QStringLiteral("Print the versions of Meshdeck and its libraries.");
}

int VersionCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(summary());
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(json);
    parser.addOption(help);
    if (!parser.parse(QStringList {QStringLiteral("meshdeck version")} + arguments)) {
        err << "meshdeck version: " << parser.errorText() << "\n";
        return ExitUsage;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << "meshdeck version: unexpected argument '" << parser.positionalArguments().first()
            << "'\n";
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        out << "Usage: meshdeck version [--json]\n\n"
            << summary() << "\n\n"
            << "Options:\n  --json     Print one JSON object.\n  -h, --help Show this help.\n";
        return ExitOk;
    }
    if (parser.isSet(json)) {
        out << QJsonDocument(VersionInfo::toJson()).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    out << "meshdeck " << VersionInfo::applicationVersion() << "\n";
    for (const auto &c : VersionInfo::components())
        out << "  " << qSetFieldWidth(10) << Qt::left << c.first << qSetFieldWidth(0) << c.second
            << "\n";
    return ExitOk;
}

} // namespace Meshdeck
