// The checks of DestinationRules, gateways, Gateway API routes and sidecar injection.
#include "configchecker.h"

#include <QHash>

namespace Meshdeck::Mesh {

using namespace ConfigJson;
using Severity = ConfigFinding::Severity;

namespace {

bool coreGroup(const QString &group)
{
    return group.isEmpty() || group == QLatin1String("core");
}

struct SidecarKind
{
    const char *mesh;
    const char *container;
};

// Which sidecar a namespace asks for, and how it asks ("istio-injection=enabled").
std::optional<std::pair<SidecarKind, QString>> injectionOf(const QJsonObject &ns)
{
    const QJsonObject meta = metadata(ns);
    const QJsonObject labels = meta.value(QLatin1String("labels")).toObject();
    const QJsonObject annotations = meta.value(QLatin1String("annotations")).toObject();
    const QString istio = labels.value(QLatin1String("istio-injection")).toString();
    if (istio == QLatin1String("enabled"))
        return std::pair {SidecarKind {"Istio", "istio-proxy"},
                          QStringLiteral("istio-injection=enabled")};
    if (istio != QLatin1String("disabled") && labels.contains(QLatin1String("istio.io/rev")))
        return std::pair {SidecarKind {"Istio", "istio-proxy"},
                          QStringLiteral("istio.io/rev=")
                              + labels.value(QLatin1String("istio.io/rev")).toString()};
    if (annotations.value(QLatin1String("linkerd.io/inject")).toString()
        == QLatin1String("enabled"))
        return std::pair {SidecarKind {"Linkerd", "linkerd-proxy"},
                          QStringLiteral("linkerd.io/inject: enabled")};
    return std::nullopt;
}

bool hasContainer(const QJsonObject &spec, const char *name)
{
    for (const char *list : {"containers", "initContainers"}) // native sidecars are init containers
        for (const QJsonValue &c : spec.value(QLatin1String(list)).toArray())
            if (c.toObject().value(QLatin1String("name")).toString() == QLatin1String(name))
                return true;
    return false;
}

bool optedOut(const QJsonObject &meta, const QJsonObject &labels, const SidecarKind &kind)
{
    const QJsonObject annotations = meta.value(QLatin1String("annotations")).toObject();
    if (QLatin1String(kind.mesh) == QLatin1String("Istio"))
        return labels.value(QLatin1String("sidecar.istio.io/inject")).toString()
            == QLatin1String("false")
            || annotations.value(QLatin1String("sidecar.istio.io/inject")).toString()
            == QLatin1String("false");
    return annotations.value(QLatin1String("linkerd.io/inject")).toString()
        == QLatin1String("disabled");
}

// The workload that owns a pod: a ReplicaSet's Deployment, else the direct owner, else the pod.
std::pair<QString, QString> ownerOf(const ConfigIndex::Pod &pod)
{
    const QJsonArray owners = pod.metadata.value(QLatin1String("ownerReferences")).toArray();
    if (owners.isEmpty())
        return {QStringLiteral("Pod"), pod.name};
    const QJsonObject owner = owners.first().toObject();
    const QString kind = owner.value(QLatin1String("kind")).toString();
    const QString name = owner.value(QLatin1String("name")).toString();
    const QString hash = pod.labels.value(QLatin1String("pod-template-hash")).toString();
    if (kind == QLatin1String("ReplicaSet") && !hash.isEmpty()
        && name.endsWith(QLatin1Char('-') + hash))
        return {QStringLiteral("Deployment"), name.chopped(hash.size() + 1)};
    return {kind, name};
}

QString groupOfWorkload(const QString &kind)
{
    if (kind == QLatin1String("Pod"))
        return {};
    if (kind == QLatin1String("Job") || kind == QLatin1String("CronJob"))
        return QStringLiteral("batch");
    return QStringLiteral("apps");
}

} // namespace

void ConfigChecker::destinationRule(const QJsonObject &dr)
{
    const QJsonObject spec = specOf(dr);
    const QString host = spec.value(QLatin1String("host")).toString();
    const QString qualified = ConfigChecks::qualifiedHost(host, nsOf(dr));
    const ConfigIndex::Service *service = m_index.serviceByHost(qualified);
    const qsizetype first = m_findings.size();
    const bool wildcard = host.contains(QLatin1Char('*'));
    if (!wildcard && !host.isEmpty() && !hostKnown(host, qualified)) {
        add("MD0201", Severity::Warning, kIstioNetworking, "DestinationRule", dr,
            QStringLiteral("spec.host"),
            tr("Its host %1 matches no Service or ServiceEntry, so its policies apply to "
               "nothing. Correct the host or remove the rule.")
                .arg(host));
    }
    if (service && !service->selector.isEmpty()) {
        const QJsonArray subsets = spec.value(QLatin1String("subsets")).toArray();
        for (qsizetype i = 0; i < subsets.size(); ++i) {
            const QJsonObject subset = subsets.at(i).toObject();
            const QMap<QString, QString> labels
                = stringMap(subset.value(QLatin1String("labels")).toObject());
            QMap<QString, QString> selector = service->selector;
            selector.insert(labels);
            if (m_index.anyPodMatches(selector, service->ns))
                continue;
            QStringList pairs;
            for (auto it = labels.cbegin(); it != labels.cend(); ++it)
                pairs << it.key() + QLatin1Char('=') + it.value();
            add("MD0202", Severity::Warning, kIstioNetworking, "DestinationRule", dr,
                QStringLiteral("spec.") + indexed("subsets", i) + QStringLiteral(".labels"),
                tr("Its subset %1 (%2) selects no running pod of the Service %3/%4: traffic "
                   "routed to it gets 503. Deploy that version or correct the labels.")
                    .arg(subset.value(QLatin1String("name")).toString(),
                         pairs.join(QLatin1String(", ")), service->ns, service->name));
        }
    }
    // Which namespaces' workloads the rule's client-side TLS setting meets.
    QString hostNs;
    if (service)
        hostNs = service->ns;
    else if (host == QLatin1String("*") || host == QLatin1String("*.local")
             || host == QLatin1String("*.cluster.local")
             || host == QLatin1String("*.svc.cluster.local"))
        hostNs = QStringLiteral("*");
    else if (wildcard && qualified.endsWith(QLatin1String(".svc.cluster.local")))
        hostNs = qualified.section(QLatin1Char('.'), 1, 1);
    if (!hostNs.isEmpty()) {
        const QJsonObject policy = spec.value(QLatin1String("trafficPolicy")).toObject();
        if (!policy.isEmpty())
            tlsAgainstPeerAuthentication(dr, policy, QStringLiteral("spec.trafficPolicy"), hostNs);
        const QJsonArray subsets = spec.value(QLatin1String("subsets")).toArray();
        for (qsizetype i = 0; i < subsets.size(); ++i) {
            const QJsonObject subsetPolicy
                = subsets.at(i).toObject().value(QLatin1String("trafficPolicy")).toObject();
            if (!subsetPolicy.isEmpty())
                tlsAgainstPeerAuthentication(dr, subsetPolicy,
                                             QStringLiteral("spec.") + indexed("subsets", i)
                                                 + QStringLiteral(".trafficPolicy"),
                                             hostNs);
        }
    }
    if (service && m_findings.size() > first) {
        const QStringList services {service->ns + QLatin1Char('/') + service->name};
        for (qsizetype i = first; i < m_findings.size(); ++i)
            m_findings[i].services = services;
    }
}

void ConfigChecker::tlsAgainstPeerAuthentication(const QJsonObject &dr, const QJsonObject &policy,
                                                 const QString &path, const QString &hostNs)
{
    QList<std::pair<QString, QJsonObject>> settings {
        {path + QStringLiteral(".tls.mode"), policy.value(QLatin1String("tls")).toObject()}};
    const QJsonArray ports = policy.value(QLatin1String("portLevelSettings")).toArray();
    for (qsizetype i = 0; i < ports.size(); ++i)
        settings.append({path + QLatin1Char('.') + indexed("portLevelSettings", i)
                             + QStringLiteral(".tls.mode"),
                         ports.at(i).toObject().value(QLatin1String("tls")).toObject()});
    for (const auto &[field, tls] : settings) {
        if (tls.value(QLatin1String("mode")).toString() != QLatin1String("DISABLE"))
            continue;
        QString policyName;
        const QString mode
            = m_index.mtlsMode(hostNs == QLatin1String("*") ? QString() : hostNs, &policyName);
        if (mode != QLatin1String("STRICT"))
            continue;
        add("MD0203", Severity::Error, kIstioNetworking, "DestinationRule", dr, field,
            tr("It sends plain text (tls.mode DISABLE), but the PeerAuthentication %1 "
               "requires mutual TLS (STRICT) from the workloads it reaches: their proxies "
               "reset the connections. Use ISTIO_MUTUAL, or relax the PeerAuthentication.")
                .arg(policyName));
    }
}

void ConfigChecker::istioGateway(const QJsonObject &gw)
{
    const QMap<QString, QString> selector
        = stringMap(specOf(gw).value(QLatin1String("selector")).toObject());
    if (selector.isEmpty() || m_index.anyPodMatches(selector))
        return;
    QStringList pairs;
    for (auto it = selector.cbegin(); it != selector.cend(); ++it)
        pairs << it.key() + QLatin1Char('=') + it.value();
    add("MD0301", Severity::Error, kIstioNetworking, "Gateway", gw, QStringLiteral("spec.selector"),
        tr("Its selector (%1) matches no running pod, so no gateway proxy serves it. Install "
           "the ingress gateway or correct the selector.")
            .arg(pairs.join(QLatin1String(", "))));
}

void ConfigChecker::route(const QJsonObject &route, const char *routeKind)
{
    const QJsonObject spec = specOf(route);
    const QString ns = nsOf(route);
    const qsizetype first = m_findings.size();
    QStringList services;
    const QJsonArray parents = spec.value(QLatin1String("parentRefs")).toArray();
    for (qsizetype i = 0; i < parents.size(); ++i) {
        const QJsonObject ref = parents.at(i).toObject();
        const QString group = ref.value(QLatin1String("group")).toString(kGatewayApi);
        const QString kind = ref.value(QLatin1String("kind")).toString(QStringLiteral("Gateway"));
        const QString refNs = ref.value(QLatin1String("namespace")).toString(ns);
        const QString name = ref.value(QLatin1String("name")).toString();
        const QString field = QStringLiteral("spec.") + indexed("parentRefs", i);
        if (kind == QLatin1String("Service") && coreGroup(group)) {
            if (m_index.service(refNs, name)) {
                services << refNs + QLatin1Char('/') + name;
                continue;
            }
            add("MD0401", Severity::Error, kGatewayApi, routeKind, route, field,
                tr("Its parent is the Service %1/%2, which does not exist: the mesh applies "
                   "the route to nothing. Correct the parentRef or create the Service.")
                    .arg(refNs, name));
        } else if (kind == QLatin1String("Gateway") && group == kGatewayApi) {
            if (m_index.gateway(refNs, name))
                continue;
            add("MD0401", Severity::Error, kGatewayApi, routeKind, route, field,
                tr("Its parent is the Gateway %1/%2, which does not exist: no listener "
                   "serves the route. Correct the parentRef or create the Gateway.")
                    .arg(refNs, name));
        }
    }
    const QJsonArray rules = spec.value(QLatin1String("rules")).toArray();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QJsonArray refs
            = rules.at(i).toObject().value(QLatin1String("backendRefs")).toArray();
        for (qsizetype j = 0; j < refs.size(); ++j)
            backendRef(route, routeKind, refs.at(j).toObject(),
                       QStringLiteral("spec.") + indexed("rules", i) + QLatin1Char('.')
                           + indexed("backendRefs", j),
                       &services);
    }
    services.removeDuplicates();
    for (qsizetype i = first; i < m_findings.size(); ++i)
        m_findings[i].services = services;
}

void ConfigChecker::backendRef(const QJsonObject &route, const char *routeKind,
                               const QJsonObject &ref, const QString &path, QStringList *services)
{
    const QString group = ref.value(QLatin1String("group")).toString();
    const QString kind = ref.value(QLatin1String("kind")).toString(QStringLiteral("Service"));
    if (!coreGroup(group) || kind != QLatin1String("Service"))
        return; // another implementation's backend kind: not ours to judge
    const QString ns = nsOf(route);
    const QString refNs = ref.value(QLatin1String("namespace")).toString(ns);
    const QString name = ref.value(QLatin1String("name")).toString();
    const ConfigIndex::Service *service = m_index.service(refNs, name);
    if (!service) {
        add("MD0402", Severity::Error, kGatewayApi, routeKind, route, path,
            tr("Its backend is the Service %1/%2, which does not exist: requests routed to "
               "it get 500. Correct the backendRef or create the Service.")
                .arg(refNs, name));
        return;
    }
    *services << refNs + QLatin1Char('/') + name;
    if (refNs != ns && !m_index.referencePermitted(QLatin1String(routeKind), ns, refNs, name)) {
        add("MD0404", Severity::Error, kGatewayApi, routeKind, route, path,
            tr("Its backend %1/%2 is in another namespace, and no ReferenceGrant in %1 lets "
               "%4s of %3 refer to it: the reference is refused. Add a "
               "ReferenceGrant in %1.")
                .arg(refNs, name, ns, QLatin1String(routeKind)));
    }
    if (!ref.contains(QLatin1String("port"))) {
        add("MD0403", Severity::Error, kGatewayApi, routeKind, route,
            path + QStringLiteral(".port"),
            tr("Its backend %1/%2 names no port; a Service backend needs one. Add the "
               "port (the Service has %3).")
                .arg(refNs, name, QString::number(service->ports.value(0))));
        return;
    }
    const int port = ref.value(QLatin1String("port")).toInt();
    if (!service->ports.contains(port)) {
        QStringList ports;
        for (int p : service->ports)
            ports << QString::number(p);
        add("MD0403", Severity::Error, kGatewayApi, routeKind, route,
            path + QStringLiteral(".port"),
            tr("Its backend %1/%2 has no port %3 (its ports: %4). Correct the port.")
                .arg(refNs, name)
                .arg(port)
                .arg(ports.join(QLatin1String(", "))));
    }
}

// Pods that started before injection was turned on for their namespace keep running without
// the sidecar until they are restarted; one finding per workload, not per pod.
void ConfigChecker::injection()
{
    struct Owner
    {
        QString ns, kind, name;
        int pods = 0, missing = 0;
    };
    QHash<QString, std::optional<std::pair<SidecarKind, QString>>> namespaces;
    QHash<QString, Owner> owners;
    QStringList order;
    for (const ConfigIndex::Pod &p : m_index.pods()) {
        if (!m_only.isEmpty() && !m_only.contains(p.ns))
            continue;
        auto ns = namespaces.find(p.ns);
        if (ns == namespaces.end()) {
            const QJsonObject *object = m_index.namespaceObject(p.ns);
            ns = namespaces.insert(p.ns, object ? injectionOf(*object) : std::nullopt);
        }
        if (!ns.value())
            continue;
        const SidecarKind &kind = ns.value()->first;
        if (p.spec.value(QLatin1String("hostNetwork")).toBool()
            || optedOut(p.metadata, p.labels, kind))
            continue;
        const auto [ownerKind, ownerName] = ownerOf(p);
        const QString key = p.ns + QLatin1Char('/') + ownerKind + QLatin1Char('/') + ownerName;
        Owner &o = owners[key];
        if (o.ns.isEmpty()) {
            o = Owner {p.ns, ownerKind, ownerName, 0, 0};
            order << key;
        }
        ++o.pods;
        if (!hasContainer(p.spec, kind.container))
            ++o.missing;
    }
    for (const QString &key : order) {
        const Owner &o = owners.value(key);
        if (o.missing == 0)
            continue;
        const QString &ns = o.ns;
        const auto [kind, how] = *namespaces.value(ns); // a copy: value() is a temporary
        ConfigFinding f;
        f.code = QStringLiteral("MD0501");
        f.severity = Severity::Warning;
        f.group = groupOfWorkload(o.kind);
        f.kind = o.kind;
        f.ns = ns;
        f.name = o.name;
        f.field = o.kind == QLatin1String("Pod") ? QStringLiteral("spec.containers")
                                                 : QStringLiteral("spec.template.spec.containers");
        f.message = tr("Sidecar injection is on in %1 (%2), but %3 of its %4 pods run without "
                       "the %5 sidecar: they started before injection was turned on, so "
                       "their traffic bypasses the mesh. Restart it (meshdeck mesh restart "
                       "--namespace %1).")
                        .arg(ns, how)
                        .arg(o.missing)
                        .arg(o.pods)
                        .arg(QLatin1String(kind.container));
        m_findings.append(std::move(f));
    }
}

} // namespace Meshdeck::Mesh
