#include "configchecks.h"

#include "configchecker.h"

#include <kube/meshnames.h>

#include <QJsonArray>

#include <algorithm>
#include <future>

namespace Meshdeck::Mesh {

using Severity = ConfigFinding::Severity;

QString ConfigFinding::objectKey() const
{
    return kind + QLatin1Char('/') + ns + QLatin1Char('/') + name;
}

QJsonObject ConfigFinding::toJson() const
{
    return {
        {QStringLiteral("code"), code},
        {QStringLiteral("severity"), ConfigChecks::severityName(severity)},
        {QStringLiteral("group"), group},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("namespace"), ns},
        {QStringLiteral("name"), name},
        {QStringLiteral("field"), field},
        {QStringLiteral("message"), message},
        {QStringLiteral("services"), QJsonArray::fromStringList(services)},
    };
}

QList<ConfigFinding> ConfigChecks::run(const ConfigObjects &objects, const QStringList &namespaces)
{
    const ConfigIndex index(objects);
    auto rules = std::async(std::launch::async, [&] {
        return ConfigChecker(objects, index, namespaces).run(ConfigChecker::Half::RulesAndSidecars);
    });
    QList<ConfigFinding> findings
        = ConfigChecker(objects, index, namespaces).run(ConfigChecker::Half::Routes);
    findings += rules.get();
    std::stable_sort(findings.begin(), findings.end(),
                     [](const ConfigFinding &a, const ConfigFinding &b) {
                         return std::tie(a.severity, a.ns, a.kind, a.name, a.field, a.code)
                             < std::tie(b.severity, b.ns, b.kind, b.name, b.field, b.code);
                     });
    return findings;
}

QString ConfigChecks::severityName(ConfigFinding::Severity severity)
{
    return severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
}

QString ConfigChecks::qualifiedHost(const QString &host, const QString &ns)
{
    return Kube::qualifiedServiceHost(host, ns);
}

} // namespace Meshdeck::Mesh
