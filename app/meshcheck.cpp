#include "meshcheck.h"

#include "clicommand.h"

#include <kube/kubeclient.h>
#include <mesh/configchecks.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Meshdeck {

int runMeshCheck(Kube::KubeClient &client, const QStringList &namespaces, bool json,
                 QTextStream &out, QTextStream &err)
{
    const auto objects = Mesh::ConfigObjects::fetch(client);
    if (!objects) {
        err << "meshdeck mesh check: " << objects.error().message() << "\n";
        return ExitFailure;
    }
    for (const QString &ns : namespaces) {
        const bool exists = std::any_of(
            objects->namespaces.cbegin(), objects->namespaces.cend(), [&](const QJsonObject &o) {
                return o.value(QLatin1String("metadata")).toObject().value(QLatin1String("name"))
                    == ns;
            });
        if (!exists) {
            err << "meshdeck mesh check: the namespace " << ns
                << " does not exist (meshdeck contexts, or kubectl get namespaces, lists them)\n";
            return ExitFailure;
        }
    }
    const QList<Mesh::ConfigFinding> findings = Mesh::ConfigChecks::run(*objects, namespaces);
    int errors = 0;
    for (const Mesh::ConfigFinding &f : findings)
        errors += f.severity == Mesh::ConfigFinding::Severity::Error;
    const int warnings = int(findings.size()) - errors;
    if (json) {
        QJsonArray list;
        for (const Mesh::ConfigFinding &f : findings)
            list.append(f.toJson());
        out << QJsonDocument(QJsonObject {
                                 {"findings", list},
                                 {"errors", errors},
                                 {"warnings", warnings},
                                 {"routingObjects", objects->routingObjectCount()},
                                 {"istio", objects->istioServed},
                                 {"gatewayApi", objects->gatewayApiServed},
                                 {"namespaces", QJsonArray::fromStringList(namespaces)},
                             })
                   .toJson(QJsonDocument::Indented);
        return errors ? ExitFailure : ExitOk;
    }
    QStringList apis;
    if (objects->istioServed)
        apis << QStringLiteral("Istio");
    if (objects->gatewayApiServed)
        apis << QStringLiteral("Gateway API");
    out << "Checked " << objects->routingObjectCount() << " routing objects ("
        << (apis.isEmpty() ? QStringLiteral("the cluster serves neither Istio's nor the Gateway "
                                            "API's kinds; sidecar injection only")
                           : apis.join(QLatin1String(", ")))
        << ") and " << objects->pods.size() << " pods in "
        << (namespaces.isEmpty() ? QStringLiteral("every namespace")
                                 : namespaces.join(QLatin1String(", ")))
        << ": " << errors << (errors == 1 ? " error, " : " errors, ") << warnings
        << (warnings == 1 ? " warning.\n" : " warnings.\n");
    for (const Mesh::ConfigFinding &f : findings) {
        out << "\n"
            << (f.severity == Mesh::ConfigFinding::Severity::Error ? "error  " : "warning") << "  "
            << f.code << "  " << f.kind << " " << f.ns << "/" << f.name << "\n"
            << "         " << f.field << "\n"
            << "         " << f.message << "\n";
    }
    return errors ? ExitFailure : ExitOk;
}

} // namespace Meshdeck
