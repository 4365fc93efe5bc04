// Installer: verification after an install, and why pods are not Ready.
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

namespace {

bool podReady(const QJsonObject &pod)
{
    for (const QJsonValue &c :
         pod.value(QLatin1String("status")).toObject().value(QLatin1String("conditions")).toArray())
        if (c.toObject().value(QLatin1String("type")).toString() == QLatin1String("Ready"))
            return c.toObject().value(QLatin1String("status")).toString() == QLatin1String("True");
    return false;
}

} // namespace

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

} // namespace Meshdeck::Mesh
