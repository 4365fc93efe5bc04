#include "clustersnapshot.h"

#include <kube/clustersession.h>
#include <kube/kubeclient.h>

#include <QJsonArray>

namespace Meshdeck::Topology {

namespace {

QMap<QString, QString> stringMap(const QJsonObject &o)
{
    QMap<QString, QString> out;
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

QJsonObject field(const QJsonObject &o, std::initializer_list<const char *> path)
{
    QJsonObject cur = o;
    for (const char *p : path)
        cur = cur.value(QLatin1String(p)).toObject();
    return cur;
}

// 0: no sidecar, 1: Istio's, 2: Linkerd's.
int sidecarOf(const QJsonObject &pod)
{
    const QJsonObject spec = pod.value(QLatin1String("spec")).toObject();
    for (const char *list : {"containers", "initContainers"}) {
        for (const QJsonValue &c : spec.value(QLatin1String(list)).toArray()) {
            const QString name = c.toObject().value(QLatin1String("name")).toString();
            if (name == QLatin1String("istio-proxy"))
                return 1;
            if (name == QLatin1String("linkerd-proxy"))
                return 2;
        }
    }
    return 0;
}

} // namespace

bool selects(const QMap<QString, QString> &selector, const QMap<QString, QString> &labels)
{
    if (selector.isEmpty())
        return false;
    for (auto it = selector.begin(); it != selector.end(); ++it) {
        if (labels.value(it.key()) != it.value())
            return false;
    }
    return true;
}

ClusterSnapshot ClusterSnapshot::fromObjects(const QList<QJsonObject> &services,
                                             const QList<QJsonObject> &workloads,
                                             const QList<QJsonObject> &pods,
                                             const QList<QJsonObject> &virtualServices,
                                             const QList<QJsonObject> &destinationRules)
{
    ClusterSnapshot s;
    const auto meta = [](const QJsonObject &o) {
        return o.value(QLatin1String("metadata")).toObject();
    };
    for (const QJsonObject &o : services) {
        Service svc;
        svc.ns = meta(o).value(QLatin1String("namespace")).toString();
        svc.name = meta(o).value(QLatin1String("name")).toString();
        svc.selector = stringMap(field(o, {"spec", "selector"}));
        s.services.append(svc);
    }
    struct PodInfo
    {
        QString ns;
        QMap<QString, QString> labels;
        bool sidecar;
    };
    QList<PodInfo> podInfo;
    for (const QJsonObject &p : pods) {
        const int sidecar = sidecarOf(p);
        s.istioProxies += sidecar == 1;
        s.linkerdProxies += sidecar == 2;
        podInfo.append({meta(p).value(QLatin1String("namespace")).toString(),
                        stringMap(meta(p).value(QLatin1String("labels")).toObject()),
                        sidecar != 0});
    }
    for (const QJsonObject &o : workloads) {
        Workload w;
        w.kind = o.value(QLatin1String("kind")).toString();
        w.ns = meta(o).value(QLatin1String("namespace")).toString();
        w.name = meta(o).value(QLatin1String("name")).toString();
        w.labels = stringMap(field(o, {"spec", "template", "metadata", "labels"}));
        w.selector = stringMap(field(o, {"spec", "selector", "matchLabels"}));
        const QJsonObject status = o.value(QLatin1String("status")).toObject();
        w.replicas = w.kind == QLatin1String("DaemonSet")
            ? status.value(QLatin1String("desiredNumberScheduled")).toInt()
            : o.value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(1);
        w.ready = w.kind == QLatin1String("DaemonSet")
            ? status.value(QLatin1String("numberReady")).toInt()
            : status.value(QLatin1String("readyReplicas")).toInt();
        bool all = true;
        for (const PodInfo &p : podInfo) {
            if (p.ns == w.ns && selects(w.selector, p.labels)) {
                ++w.pods;
                all = all && p.sidecar;
            }
        }
        w.sidecar = w.pods > 0 && all;
        s.workloads.append(w);
    }
    for (const QJsonObject &o : virtualServices) {
        Routing r {meta(o).value(QLatin1String("namespace")).toString(),
                   meta(o).value(QLatin1String("name")).toString(),
                   {},
                   false};
        for (const QJsonValue &h : field(o, {"spec"}).value(QLatin1String("hosts")).toArray())
            r.hosts << h.toString();
        for (const QJsonValue &rule : field(o, {"spec"}).value(QLatin1String("http")).toArray()) {
            const QJsonObject http = rule.toObject();
            r.faults = r.faults || !http.value(QLatin1String("fault")).toObject().isEmpty();
            r.timeouts = r.timeouts || http.contains(QLatin1String("timeout"))
                || http.contains(QLatin1String("retries"));
        }
        s.virtualServices.append(r);
    }
    for (const QJsonObject &o : destinationRules) {
        const QJsonObject spec = o.value(QLatin1String("spec")).toObject();
        const QJsonObject policy = spec.value(QLatin1String("trafficPolicy")).toObject();
        Routing r {meta(o).value(QLatin1String("namespace")).toString(),
                   meta(o).value(QLatin1String("name")).toString(),
                   {spec.value(QLatin1String("host")).toString()},
                   policy.contains(QLatin1String("connectionPool"))
                       || policy.contains(QLatin1String("outlierDetection"))};
        s.destinationRules.append(r);
    }
    return s;
}

std::optional<ClusterSnapshot> ClusterSnapshot::fromCache(const Kube::ClusterSession &session)
{
    const auto services = session.cachedObjects(QString(), QStringLiteral("Service"));
    const auto pods = session.cachedObjects(QString(), QStringLiteral("Pod"));
    if (!services || !pods)
        return std::nullopt;
    QList<QJsonObject> workloads;
    for (const char *kind : {"Deployment", "StatefulSet", "DaemonSet"}) {
        const auto items = session.cachedObjects(QStringLiteral("apps"), QLatin1String(kind));
        if (!items)
            return std::nullopt;
        for (QJsonObject o : items.value()) {
            o.insert(QStringLiteral("kind"), QLatin1String(kind)); // LIST items carry no kind
            workloads.append(o);
        }
    }
    // Istio's routing kinds are watched only where Istio's CRDs are served.
    const auto routing = [&](const char *kind) {
        return session.cachedObjects(QStringLiteral("networking.istio.io"), QLatin1String(kind))
            .value_or(QList<QJsonObject> {});
    };
    return fromObjects(services.value(), workloads, pods.value(), routing("VirtualService"),
                       routing("DestinationRule"));
}

Result<ClusterSnapshot> ClusterSnapshot::fetch(Kube::KubeClient &client)
{
    const auto list = [&client](const QString &path) -> Result<QList<QJsonObject>> {
        auto r = client.list(path);
        if (!r)
            return Unexpected(r.error());
        return r->items;
    };
    const auto services = list(QStringLiteral("/api/v1/services"));
    if (!services)
        return Unexpected(services.error());
    const auto pods = list(QStringLiteral("/api/v1/pods"));
    if (!pods)
        return Unexpected(pods.error());
    QList<QJsonObject> workloads;
    for (const auto &[path, kind] : {std::pair {"/apis/apps/v1/deployments", "Deployment"},
                                     std::pair {"/apis/apps/v1/statefulsets", "StatefulSet"},
                                     std::pair {"/apis/apps/v1/daemonsets", "DaemonSet"}}) {
        auto items = list(QLatin1String(path));
        if (!items)
            return Unexpected(items.error());
        for (QJsonObject o : items.value()) {
            o.insert(QStringLiteral("kind"), QLatin1String(kind)); // LIST items carry no kind
            workloads.append(o);
        }
    }
    // The Istio CRDs may be absent (no Istio): then there is simply nothing to badge.
    const auto optional = [&](const char *resource) {
        for (const char *version : {"v1", "v1beta1"}) {
            auto r = list(QStringLiteral("/apis/networking.istio.io/%1/%2")
                              .arg(QLatin1String(version), QLatin1String(resource)));
            if (r)
                return r.value();
        }
        return QList<QJsonObject> {};
    };
    return fromObjects(services.value(), workloads, pods.value(), optional("virtualservices"),
                       optional("destinationrules"));
}

} // namespace Meshdeck::Topology
