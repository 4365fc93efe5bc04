#include "configchecker.h"

namespace Meshdeck::Mesh {

using namespace ConfigJson;
using Severity = ConfigFinding::Severity;

ConfigChecker::ConfigChecker(const ConfigObjects &objects, const ConfigIndex &index,
                             const QStringList &namespaces)
    : m_objects(objects)
    , m_index(index)
    , m_only(namespaces.cbegin(), namespaces.cend())
{
}

QList<ConfigFinding> ConfigChecker::run(Half half)
{
    if (half == Half::Routes) {
        for (const QJsonObject &vs : m_objects.virtualServices)
            if (wanted(vs))
                virtualService(vs);
        duplicateHosts();
        for (const QJsonObject &gw : m_objects.istioGateways)
            if (wanted(gw))
                istioGateway(gw);
        for (const QJsonObject &r : m_objects.httpRoutes)
            if (wanted(r))
                route(r, "HTTPRoute");
        for (const QJsonObject &r : m_objects.grpcRoutes)
            if (wanted(r))
                route(r, "GRPCRoute");
    } else {
        for (const QJsonObject &dr : m_objects.destinationRules)
            if (wanted(dr))
                destinationRule(dr);
        injection();
    }
    return std::move(m_findings);
}

bool ConfigChecker::wanted(const QJsonObject &o) const
{
    return m_only.isEmpty() || m_only.contains(nsOf(o));
}

ConfigFinding &ConfigChecker::add(const char *code, Severity severity, const QString &group,
                                  const char *kind, const QJsonObject &o, const QString &field,
                                  const QString &message)
{
    ConfigFinding f;
    f.code = QLatin1String(code);
    f.severity = severity;
    f.group = group;
    f.kind = QLatin1String(kind);
    f.ns = nsOf(o);
    f.name = nameOf(o);
    f.field = field;
    f.message = message;
    m_findings.append(std::move(f));
    return m_findings.last();
}

// "ns/name" of the Service a qualified host names, or nothing.
QString ConfigChecker::serviceKey(const QString &qualified) const
{
    const ConfigIndex::Service *s = m_index.serviceByHost(qualified);
    return s ? s->ns + QLatin1Char('/') + s->name : QString();
}

bool ConfigChecker::hostKnown(const QString &host, const QString &qualified) const
{
    return m_index.serviceByHost(qualified) || m_index.serviceEntryHost(host)
        || m_index.serviceEntryHost(qualified);
}

QStringList ConfigChecker::hostServices(const QJsonObject &vs) const
{
    QStringList keys;
    for (const QJsonValue &h : specOf(vs).value(QLatin1String("hosts")).toArray()) {
        const QString key = serviceKey(ConfigChecks::qualifiedHost(h.toString(), nsOf(vs)));
        if (!key.isEmpty() && !keys.contains(key))
            keys << key;
    }
    return keys;
}

void ConfigChecker::virtualService(const QJsonObject &vs)
{
    const QJsonObject spec = specOf(vs);
    const QString ns = nsOf(vs);
    const qsizetype first = m_findings.size();
    for (const char *protocol : {"http", "tcp", "tls"}) {
        const QJsonArray rules = spec.value(QLatin1String(protocol)).toArray();
        for (qsizetype i = 0; i < rules.size(); ++i) {
            const QJsonObject rule = rules.at(i).toObject();
            routes(vs, ns, rule.value(QLatin1String("route")).toArray(), protocol, i);
            if (QLatin1String(protocol) == QLatin1String("http"))
                fault(vs, rule.value(QLatin1String("fault")).toObject(), i);
        }
    }
    const QJsonArray gateways = spec.value(QLatin1String("gateways")).toArray();
    for (qsizetype i = 0; i < gateways.size(); ++i) {
        const QString ref = gateways.at(i).toString();
        if (ref == QLatin1String("mesh") || ref.isEmpty())
            continue;
        const auto [gwNs, gwName] = gatewayRef(ref, ns);
        if (m_index.istioGateway(gwNs, gwName))
            continue;
        add("MD0104", Severity::Error, kIstioNetworking, "VirtualService", vs,
            QStringLiteral("spec.") + indexed("gateways", i),
            tr("It is bound to the Gateway %1/%2, which does not exist: traffic through "
               "that gateway is not routed by it. Create the Gateway or correct the "
               "name (namespace/name, or a name in %3).")
                .arg(gwNs, gwName, ns));
    }
    // What the findings concern in the graph, worked out only when there are findings.
    if (m_findings.size() > first) {
        const QStringList services = hostServices(vs);
        for (qsizetype i = first; i < m_findings.size(); ++i)
            m_findings[i].services = services;
    }
}

std::pair<QString, QString> ConfigChecker::gatewayRef(const QString &ref, const QString &ns)
{
    const qsizetype slash = ref.indexOf(QLatin1Char('/'));
    if (slash > 0)
        return {ref.left(slash), ref.mid(slash + 1)};
    const QStringList parts = ref.split(QLatin1Char('.'));
    if (parts.size() >= 2) // name.namespace.svc.cluster.local
        return {parts.at(1), parts.at(0)};
    return {ns, ref};
}

void ConfigChecker::routes(const QJsonObject &vs, const QString &ns, const QJsonArray &route,
                           const char *protocol, qsizetype rule)
{
    // Field paths are built only for findings: most routes have none.
    const auto path = [&] {
        return QStringLiteral("spec.") + indexed(protocol, rule) + QStringLiteral(".route");
    };
    int sum = 0;
    bool outOfRange = false;
    for (qsizetype j = 0; j < route.size(); ++j) {
        const QJsonObject destination = route.at(j).toObject();
        const int weight = destination.value(QLatin1String("weight")).toInt();
        sum += weight;
        outOfRange = outOfRange || weight < 0 || weight > 100;
        const QJsonObject d = destination.value(QLatin1String("destination")).toObject();
        const QString host = d.value(QLatin1String("host")).toString();
        if (host.isEmpty() || host.contains(QLatin1Char('*')))
            continue;
        const QString qualified = ConfigChecks::qualifiedHost(host, ns);
        if (!hostKnown(host, qualified)) {
            add("MD0101", Severity::Error, kIstioNetworking, "VirtualService", vs,
                path() + QStringLiteral("[%1].destination.host").arg(j),
                tr("Its route sends traffic to %1, but no Service or ServiceEntry has "
                   "that host: requests get 503. Correct the host or create the "
                   "Service.")
                    .arg(host));
            continue;
        }
        const QString subset = d.value(QLatin1String("subset")).toString();
        if (!subset.isEmpty() && !subsetDefined(qualified, subset))
            add("MD0102", Severity::Error, kIstioNetworking, "VirtualService", vs,
                path() + QStringLiteral("[%1].destination.subset").arg(j),
                subsetMessage(host, qualified, subset));
    }
    if (outOfRange) {
        add("MD0103", Severity::Error, kIstioNetworking, "VirtualService", vs, path(),
            tr("A route weight is outside 0 to 100. Give each destination a share "
               "between 0 and 100."));
    } else if (route.size() > 1 && sum != 100) {
        add("MD0103", Severity::Error, kIstioNetworking, "VirtualService", vs, path(),
            tr("The weights of its %1 destinations add up to %2, not 100: Istio rejects "
               "them or rescales them silently. Make them sum to 100.")
                .arg(route.size())
                .arg(sum));
    }
}

bool ConfigChecker::subsetDefined(const QString &qualified, const QString &subset) const
{
    for (const QJsonObject *dr : m_index.destinationRules(qualified))
        for (const QJsonValue &s : specOf(*dr).value(QLatin1String("subsets")).toArray())
            if (s.toObject().value(QLatin1String("name")).toString() == subset)
                return true;
    return false;
}

QString ConfigChecker::subsetMessage(const QString &host, const QString &qualified,
                                     const QString &subset) const
{
    QStringList defined;
    for (const QJsonObject *dr : m_index.destinationRules(qualified))
        for (const QJsonValue &s : specOf(*dr).value(QLatin1String("subsets")).toArray())
            defined << s.toObject().value(QLatin1String("name")).toString();
    if (defined.isEmpty())
        return tr("It routes to subset %1 of %2, but no DestinationRule defines subsets for "
                  "that host: requests get 503 (no healthy upstream). Add a DestinationRule "
                  "with the subset.")
            .arg(subset, host);
    return tr("It routes to subset %1 of %2, which no DestinationRule defines (defined: "
              "%3): requests get 503. Add the subset or correct the name.")
        .arg(subset, host, defined.join(QLatin1String(", ")));
}

void ConfigChecker::fault(const QJsonObject &vs, const QJsonObject &fault, qsizetype rule)
{
    if (fault.isEmpty())
        return;
    for (const char *kind : {"delay", "abort"}) {
        const QJsonObject f = fault.value(QLatin1String(kind)).toObject();
        const QJsonValue percentage
            = f.value(QLatin1String("percentage")).toObject().value(QLatin1String("value"));
        if (percentage.isUndefined())
            continue;
        const double value = percentage.toDouble();
        if (value >= 0 && value <= 100)
            continue;
        add("MD0106", Severity::Error, kIstioNetworking, "VirtualService", vs,
            QStringLiteral("spec.") + indexed("http", rule) + QStringLiteral(".fault.")
                + QLatin1String(kind) + QStringLiteral(".percentage.value"),
            tr("Its fault injection applies to %1 % of requests; a percentage is 0 to "
               "100.")
                .arg(value));
    }
}

// Two VirtualServices of one namespace for the same host and gateway: Istio merges only
// gateway-bound ones, and then in no order a user controls.
void ConfigChecker::duplicateHosts()
{
    QHash<QString, QList<const QJsonObject *>> byKey;
    for (const QJsonObject &vs : m_objects.virtualServices) {
        const QJsonObject spec = specOf(vs);
        QStringList gateways;
        for (const QJsonValue &g : spec.value(QLatin1String("gateways")).toArray()) {
            const auto [gwNs, gwName] = gatewayRef(g.toString(), nsOf(vs));
            gateways << (g.toString() == QLatin1String("mesh") ? QStringLiteral("mesh")
                                                               : gwNs + QLatin1Char('/') + gwName);
        }
        if (gateways.isEmpty())
            gateways << QStringLiteral("mesh");
        QSet<QString> seen;
        for (const QJsonValue &h : spec.value(QLatin1String("hosts")).toArray()) {
            const QString host = ConfigChecks::qualifiedHost(h.toString(), nsOf(vs));
            for (const QString &g : gateways) {
                const QString key = nsOf(vs) + QLatin1Char('|') + host + QLatin1Char('|') + g;
                if (!seen.contains(key)) {
                    seen.insert(key);
                    byKey[key].append(&vs);
                }
            }
        }
    }
    QSet<const QJsonObject *> reported;
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        if (it->size() < 2)
            continue;
        const QString host = it.key().section(QLatin1Char('|'), 1, 1);
        QStringList names;
        for (const QJsonObject *vs : *it)
            names << nameOf(*vs);
        names.sort();
        for (const QJsonObject *vs : *it) {
            if (!wanted(*vs) || reported.contains(vs))
                continue;
            reported.insert(vs);
            add("MD0105", Severity::Warning, kIstioNetworking, "VirtualService", *vs,
                QStringLiteral("spec.hosts"),
                tr("The VirtualServices %1 all route %2 in this namespace: only one of "
                   "them takes effect for the mesh, and which one is not defined. Merge "
                   "them into one.")
                    .arg(names.join(QLatin1String(", ")), host))
                .services
                = hostServices(*vs);
        }
    }
}

} // namespace Meshdeck::Mesh
