#include "meshdetector.h"

#include "manifestplan.h"

#include <kube/kubeclient.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

namespace Meshdeck::Mesh {

Result<QList<DetectedMesh>> MeshDetector::detect(Kube::KubeClient &client)
{
    const auto crds
        = client.list(QStringLiteral("/apis/apiextensions.k8s.io/v1/customresourcedefinitions"));
    // A server that cannot be reached is not asked again: one timeout is the whole wait.
    if (!crds && crds.error().isConnectionFailure())
        return Unexpected(crds.error());
    // Otherwise (no CRDs readable) detection goes on by the control planes.
    const auto namespaces = client.list(QStringLiteral("/api/v1/namespaces"));
    if (!namespaces)
        return Unexpected(namespaces.error());
    QList<DetectedMesh> found;
    for (const MeshDescription &m : catalog()) {
        DetectedMesh d;
        d.id = m.id;
        if (crds) {
            for (const QJsonObject &crd : crds->items)
                d.crds = d.crds
                    || crd.value(QLatin1String("spec"))
                            .toObject()
                            .value(QLatin1String("group"))
                            .toString()
                        == m.crdGroup;
        }
        const QString plural = m.controlKind.toLower() + QLatin1Char('s');
        const auto workload = client.get(QStringLiteral("/apis/apps/v1/namespaces/%1/%2/%3")
                                             .arg(m.controlNamespace, plural, m.controlName));
        if (!workload && !d.crds)
            continue;
        if (workload) {
            d.ns = m.controlNamespace;
            const QJsonObject spec = workload->value(QLatin1String("spec")).toObject();
            const QJsonObject status = workload->value(QLatin1String("status")).toObject();
            d.replicas = m.controlKind == QLatin1String("DaemonSet")
                ? status.value(QLatin1String("desiredNumberScheduled")).toInt()
                : spec.value(QLatin1String("replicas")).toInt(1);
            d.ready = m.controlKind == QLatin1String("DaemonSet")
                ? status.value(QLatin1String("numberReady")).toInt()
                : status.value(QLatin1String("readyReplicas")).toInt();
            for (const QJsonValue &c : spec.value(QLatin1String("template"))
                                           .toObject()
                                           .value(QLatin1String("spec"))
                                           .toObject()
                                           .value(QLatin1String("containers"))
                                           .toArray()) {
                const QString image = c.toObject().value(QLatin1String("image")).toString();
                if (d.version.isEmpty()
                    || c.toObject().value(QLatin1String("name")).toString() == m.controlContainer)
                    d.version = image.section(QLatin1Char(':'), -1);
            }
        }
        for (const QString &addon : m.addons) {
            const QString manifest = m.addonManifest(addon);
            if (manifest.isEmpty() || !workload)
                continue;
            // An add-on runs when the first Deployment of its bundled manifest does.
            auto plan = ManifestPlan::fromResource(manifest);
            for (const PlanStep &s : plan ? plan->steps : QList<PlanStep>()) {
                if (s.kind != QLatin1String("Deployment"))
                    continue;
                if (client.get(QStringLiteral("/apis/apps/v1/namespaces/%1/deployments/%2")
                                   .arg(s.ns, s.name)))
                    d.addons << addon;
                break;
            }
        }
        if (!m.mtlsModes.isEmpty() && d.crds) {
            if (const auto pa = client.get(
                    QStringLiteral("/apis/security.istio.io/v1/namespaces/%1/peerauthentications/"
                                   "default")
                        .arg(m.controlNamespace)))
                d.mtlsMode = pa->value(QLatin1String("spec"))
                                 .toObject()
                                 .value(QLatin1String("mtls"))
                                 .toObject()
                                 .value(QLatin1String("mode"))
                                 .toString();
        }
        for (const QJsonObject &n : namespaces->items) {
            const QJsonObject meta = n.value(QLatin1String("metadata")).toObject();
            const QJsonObject where = meta.value(m.injection == MeshDescription::Injection::Label
                                                     ? QLatin1String("labels")
                                                     : QLatin1String("annotations"))
                                          .toObject();
            if (m.injection != MeshDescription::Injection::None
                && where.value(m.injectionKey).toString() == m.injectionValue)
                d.injectedNamespaces << meta.value(QLatin1String("name")).toString();
        }
        found << d;
    }
    return found;
}

std::optional<DetectedMesh> MeshDetector::waitForControlPlane(Kube::KubeClient &client,
                                                              const QString &mesh, bool ready,
                                                              int timeoutMs,
                                                              const std::atomic_bool *cancel)
{
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        DetectedMesh seen;
        for (const DetectedMesh &d : detect(client).valueOr({}))
            if (d.id == mesh)
                seen = d;
        const bool running = !seen.id.isEmpty() && seen.replicas > 0;
        if (ready ? (running && seen.ready >= seen.replicas) : !running)
            return seen;
        if (clock.elapsed() >= timeoutMs || (cancel && cancel->load()))
            return std::nullopt;
        QThread::msleep(500);
    }
}

VoidResult MeshDetector::setInjection(Kube::KubeClient &client, const QString &meshId,
                                      const QString &ns, bool on)
{
    const MeshDescription *m = findMesh(meshId);
    if (!m)
        return Unexpected(
            Error(ErrorCode::InvalidArgument, tr("Unknown mesh \"%1\".").arg(meshId)));
    if (m->injection == MeshDescription::Injection::None)
        return Unexpected(
            Error(ErrorCode::Unsupported,
                  tr("%1 has no sidecars to inject: its mesh runs on every node.").arg(m->name)));
    const QString field = m->injection == MeshDescription::Injection::Label
        ? QStringLiteral("labels")
        : QStringLiteral("annotations");
    // A merge patch: null removes the key.
    const QJsonObject patch {{QStringLiteral("metadata"),
                              QJsonObject {{field,
                                            QJsonObject {{m->injectionKey,
                                                          on ? QJsonValue(m->injectionValue)
                                                             : QJsonValue(QJsonValue::Null)}}}}}};
    const auto r = client.send("PATCH", QStringLiteral("/api/v1/namespaces/%1").arg(ns),
                               QJsonDocument(patch).toJson(QJsonDocument::Compact),
                               "application/merge-patch+json");
    if (!r)
        return Unexpected(r.error());
    return {};
}

Result<QStringList> MeshDetector::restartWorkloads(Kube::KubeClient &client, const QString &ns)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    const QJsonObject patch {
        {QStringLiteral("spec"),
         QJsonObject {
             {QStringLiteral("template"),
              QJsonObject {
                  {QStringLiteral("metadata"),
                   QJsonObject {{QStringLiteral("annotations"),
                                 QJsonObject {{QStringLiteral("kubectl.kubernetes.io/restartedAt"),
                                               now}}}}}}}}}};
    const QByteArray body = QJsonDocument(patch).toJson(QJsonDocument::Compact);
    QStringList restarted;
    for (const auto &[kind, plural] :
         {std::pair {QStringLiteral("Deployment"), QStringLiteral("deployments")},
          std::pair {QStringLiteral("StatefulSet"), QStringLiteral("statefulsets")},
          std::pair {QStringLiteral("DaemonSet"), QStringLiteral("daemonsets")}}) {
        const auto items
            = client.list(QStringLiteral("/apis/apps/v1/namespaces/%1/%2").arg(ns, plural));
        if (!items)
            return Unexpected(items.error());
        for (const QJsonObject &o : items->items) {
            const QString name = o.value(QLatin1String("metadata"))
                                     .toObject()
                                     .value(QLatin1String("name"))
                                     .toString();
            const auto r = client.send(
                "PATCH", QStringLiteral("/apis/apps/v1/namespaces/%1/%2/%3").arg(ns, plural, name),
                body, "application/strategic-merge-patch+json");
            if (!r)
                return Unexpected(r.error().withContext(kind + QLatin1Char('/') + name));
            restarted << kind + QLatin1Char('/') + name;
        }
    }
    return restarted;
}

QJsonObject MeshDetector::mtlsObject(const MeshDescription &mesh, const QString &mode)
{
    if (mesh.mtlsModes.isEmpty())
        return {};
    return QJsonObject {
        {QStringLiteral("apiVersion"), QStringLiteral("security.istio.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("PeerAuthentication")},
        {QStringLiteral("metadata"),
         QJsonObject {{QStringLiteral("name"), QStringLiteral("default")},
                      {QStringLiteral("namespace"), mesh.controlNamespace}}},
        {QStringLiteral("spec"),
         QJsonObject {{QStringLiteral("mtls"), QJsonObject {{QStringLiteral("mode"), mode}}}}}};
}

VoidResult MeshDetector::setMtlsMode(Kube::KubeClient &client, const QString &meshId,
                                     const QString &mode)
{
    const MeshDescription *m = findMesh(meshId);
    if (!m)
        return Unexpected(
            Error(ErrorCode::InvalidArgument, tr("Unknown mesh \"%1\".").arg(meshId)));
    if (m->mtlsModes.isEmpty())
        return Unexpected(Error(ErrorCode::Unsupported,
                                m->mtlsByDefault
                                    ? tr("%1 always encrypts meshed traffic with mTLS; it has no "
                                         "mode to switch.")
                                          .arg(m->name)
                                    : tr("%1 has no mesh-wide mTLS mode.").arg(m->name)));
    if (!m->mtlsModes.contains(mode.toUpper()))
        return Unexpected(
            Error(ErrorCode::InvalidArgument,
                  tr("The mTLS mode is one of %1.").arg(m->mtlsModes.join(QStringLiteral(", ")))));
    const QJsonObject o = mtlsObject(*m, mode.toUpper());
    const auto r = client.apply(
        QStringLiteral("/apis/security.istio.io/v1/namespaces/%1/peerauthentications/default")
            .arg(m->controlNamespace),
        QJsonDocument(o).toJson(QJsonDocument::Compact), true);
    if (!r)
        return Unexpected(r.error().code() == ErrorCode::NotFound
                              ? Error(ErrorCode::NotFound,
                                      tr("%1's PeerAuthentication kind is not served: is %1 "
                                         "installed?")
                                          .arg(m->name))
                              : r.error());
    return {};
}

} // namespace Meshdeck::Mesh
