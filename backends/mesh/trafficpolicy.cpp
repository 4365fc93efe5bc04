#include "trafficpolicy.h"

#include <kube/meshnames.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace Meshdeck::Mesh {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::Mesh::TrafficPolicy)
};

QString duration(int ms)
{
    return ms % 1000 == 0 ? QStringLiteral("%1s").arg(ms / 1000) : QStringLiteral("%1ms").arg(ms);
}

int durationMs(const QString &text)
{
    return int(std::max(0.0, Kube::meshDurationMs(text)));
}

QJsonObject labelsObject(const QMap<QString, QString> &labels)
{
    QJsonObject o;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QJsonObject metadataFor(const QString &name, const QString &ns)
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("namespace"), ns},
            {QStringLiteral("labels"),
             QJsonObject {
                 {QStringLiteral("app.kubernetes.io/managed-by"), QStringLiteral("meshdeck")}}}};
}

} // namespace

QString TrafficPolicy::host() const
{
    return service + QLatin1Char('.') + ns + QStringLiteral(".svc.cluster.local");
}

QStringList TrafficPolicy::problems() const
{
    QStringList out;
    if (!subsets.isEmpty()) {
        int sum = 0;
        QSet<QString> names;
        for (const Subset &s : subsets) {
            if (s.weight < 0 || s.weight > 100)
                out << Tr::tr("The weight of %1 is %2; give each version 0 to 100 %.")
                           .arg(s.name)
                           .arg(s.weight);
            sum += s.weight;
            if (s.name.isEmpty() || names.contains(s.name))
                out << Tr::tr("Each version needs a name of its own.");
            names.insert(s.name);
        }
        if (sum != 100)
            out << Tr::tr("The weights add up to %1 %; they must add up to 100 %.").arg(sum);
    }
    const auto percent = [&out](double v, const QString &what) {
        if (v < 0 || v > 100)
            out << Tr::tr("The %1 percentage is %2; give 0 to 100.").arg(what).arg(v);
    };
    percent(delayPercent, Tr::tr("delay"));
    percent(abortPercent, Tr::tr("abort"));
    if (delayMs < 0 || timeoutMs < 0 || perTryTimeoutMs < 0)
        out << Tr::tr("Durations cannot be negative.");
    if (abortPercent > 0 && (abortStatus < 200 || abortStatus > 599))
        out << Tr::tr("The abort status %1 is not an HTTP status (200 to 599).").arg(abortStatus);
    if (retryAttempts < 0 || retryAttempts > 10)
        out << Tr::tr("Give 0 to 10 retry attempts.");
    if (timeoutMs > 0 && perTryTimeoutMs > timeoutMs)
        out << Tr::tr("The time per try (%1 ms) is longer than the whole request's timeout "
                      "(%2 ms).")
                   .arg(perTryTimeoutMs)
                   .arg(timeoutMs);
    static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9!#$%&'*+.^_`|~-]+$"));
    for (const Match &m : matches) {
        const bool path = m.kind == Match::Kind::PathPrefix || m.kind == Match::Kind::PathExact;
        if (path && !m.value.startsWith(QLatin1Char('/')))
            out << Tr::tr("A path to match starts with / (got \"%1\").").arg(m.value);
        if (!path && !token.match(m.name).hasMatch())
            out << Tr::tr("Name the header or query parameter to match (letters, digits and - "
                          "only; got \"%1\").")
                       .arg(m.name);
        if (!path && m.value.isEmpty())
            out << Tr::tr("Give the value of %1 to match.").arg(m.name);
        bool known = false;
        for (const Subset &s : subsets)
            known = known || s.name == m.subset;
        if (!known)
            out << (subsets.isEmpty()
                        ? Tr::tr("Routing requests by match needs the Service's versions "
                                 "(pods labelled version=...).")
                        : Tr::tr("Choose which version matching requests go to."));
    }
    if (flavor == Flavor::GatewayApi) {
        // What HTTPRoute v1 cannot say: refused rather than dropped in silence.
        QStringList missing;
        if ((delayMs > 0 && delayPercent > 0) || (abortStatus > 0 && abortPercent > 0))
            missing << Tr::tr("fault injection");
        if (retryAttempts > 0)
            missing << Tr::tr("retries");
        if (maxConnections > 0 || maxPendingRequests > 0 || consecutive5xxErrors > 0)
            missing << Tr::tr("circuit breaking");
        if (tls != Tls::Mesh)
            missing << Tr::tr("a client TLS mode");
        if (!missing.isEmpty())
            out << Tr::tr("The Gateway API's HTTPRoute has no %1; write Istio's objects for "
                          "it, or leave it out.")
                       .arg(missing.join(QStringLiteral(", ")));
        if (!subsets.isEmpty() && ports.isEmpty())
            out << Tr::tr("The Service has no ports for the versions' Services to copy.");
    }
    if (maxConnections < 0 || maxPendingRequests < 0 || consecutive5xxErrors < 0
        || ejectionSeconds < 1)
        out << Tr::tr("Circuit breaker limits cannot be negative, and ejection lasts at least "
                      "1 s.");
    return out;
}

bool TrafficPolicy::isMeshdecks(const QJsonObject &object)
{
    return object.value(QLatin1String("metadata"))
               .toObject()
               .value(QLatin1String("labels"))
               .toObject()
               .value(QLatin1String("app.kubernetes.io/managed-by"))
        == QLatin1String("meshdeck");
}

QString TrafficPolicy::versionService(const QString &subset) const
{
    return service + QLatin1Char('-') + subset;
}

namespace {

// The Gateway API's form of the policy: a Service per version, then the HTTPRoute.
QList<QJsonObject> renderGateway(const TrafficPolicy &p)
{
    QList<QJsonObject> out;
    const int port
        = p.ports.isEmpty() ? 0 : p.ports.first().toObject().value(QLatin1String("port")).toInt();
    const auto backend = [&](const QString &name, int weight) {
        QJsonObject ref {{QStringLiteral("name"), name}};
        if (port > 0)
            ref.insert(QStringLiteral("port"), port);
        if (weight >= 0)
            ref.insert(QStringLiteral("weight"), weight);
        return ref;
    };
    for (const TrafficPolicy::Subset &s : p.subsets) {
        QJsonObject selector = labelsObject(p.selector);
        for (auto it = s.labels.cbegin(); it != s.labels.cend(); ++it)
            selector.insert(it.key(), it.value());
        QJsonArray ports;
        for (const QJsonValue &v : p.ports) {
            QJsonObject port;
            for (const char *key : {"name", "port", "targetPort", "protocol", "appProtocol"})
                if (v.toObject().contains(QLatin1String(key)))
                    port.insert(QLatin1String(key), v.toObject().value(QLatin1String(key)));
            ports.append(port);
        }
        QJsonObject md = metadataFor(p.versionService(s.name), p.ns);
        QJsonObject labels = md.value(QLatin1String("labels")).toObject();
        labels.insert(QStringLiteral("meshdeck.io/version-of"), p.service);
        md.insert(QStringLiteral("labels"), labels);
        out.append(QJsonObject {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                {QStringLiteral("kind"), QStringLiteral("Service")},
                                {QStringLiteral("metadata"), md},
                                {QStringLiteral("spec"),
                                 QJsonObject {{QStringLiteral("selector"), selector},
                                              {QStringLiteral("ports"), ports}}}});
    }
    const auto withTimeout = [&p](QJsonObject rule) {
        if (p.timeoutMs > 0)
            rule.insert(QStringLiteral("timeouts"),
                        QJsonObject {{QStringLiteral("request"), duration(p.timeoutMs)}});
        return rule;
    };
    QJsonArray rules;
    for (const TrafficPolicy::Match &m : p.matches) {
        const QJsonObject exact {{QStringLiteral("type"), QStringLiteral("Exact")},
                                 {QStringLiteral("name"), m.name},
                                 {QStringLiteral("value"), m.value}};
        QJsonObject match;
        switch (m.kind) {
        case TrafficPolicy::Match::Kind::Header:
            match.insert(QStringLiteral("headers"), QJsonArray {exact});
            break;
        case TrafficPolicy::Match::Kind::Query:
            match.insert(QStringLiteral("queryParams"), QJsonArray {exact});
            break;
        case TrafficPolicy::Match::Kind::PathPrefix:
        case TrafficPolicy::Match::Kind::PathExact:
            match.insert(QStringLiteral("path"),
                         QJsonObject {{QStringLiteral("type"),
                                       m.kind == TrafficPolicy::Match::Kind::PathPrefix
                                           ? QStringLiteral("PathPrefix")
                                           : QStringLiteral("Exact")},
                                      {QStringLiteral("value"), m.value}});
            break;
        }
        rules.append(withTimeout({{QStringLiteral("matches"), QJsonArray {match}},
                                  {QStringLiteral("backendRefs"),
                                   QJsonArray {backend(p.versionService(m.subset), -1)}}}));
    }
    QJsonArray refs;
    for (const TrafficPolicy::Subset &s : p.subsets)
        if (s.weight > 0 || p.subsets.size() == 1)
            refs.append(backend(p.versionService(s.name), s.weight));
    if (p.subsets.isEmpty())
        refs.append(backend(p.service, -1));
    rules.append(withTimeout({{QStringLiteral("backendRefs"), refs}}));
    QJsonObject parent {{QStringLiteral("group"), QString()},
                        {QStringLiteral("kind"), QStringLiteral("Service")},
                        {QStringLiteral("name"), p.service}};
    if (port > 0)
        parent.insert(QStringLiteral("port"), port);
    out.append(
        QJsonObject {{QStringLiteral("apiVersion"), QStringLiteral("gateway.networking.k8s.io/v1")},
                     {QStringLiteral("kind"), QStringLiteral("HTTPRoute")},
                     {QStringLiteral("metadata"), metadataFor(p.service, p.ns)},
                     {QStringLiteral("spec"),
                      QJsonObject {{QStringLiteral("parentRefs"), QJsonArray {parent}},
                                   {QStringLiteral("rules"), rules}}}});
    return out;
}

} // namespace

TrafficPolicy TrafficPolicy::fromHttpRoute(TrafficPolicy base, const QJsonObject &httpRoute)
{
    base.flavor = Flavor::GatewayApi;
    base.matches.clear();
    const QJsonArray rules
        = httpRoute.value(QLatin1String("spec")).toObject().value(QLatin1String("rules")).toArray();
    const auto subsetOf = [&base](const QJsonObject &ref) {
        const QString name = ref.value(QLatin1String("name")).toString();
        for (const Subset &s : std::as_const(base.subsets))
            if (base.versionService(s.name) == name)
                return s.name;
        return QString();
    };
    for (qsizetype i = 0; i + 1 < rules.size(); ++i) {
        const QJsonObject rule = rules.at(i).toObject();
        const QJsonObject match = rule.value(QLatin1String("matches")).toArray().first().toObject();
        Match m;
        m.subset = subsetOf(rule.value(QLatin1String("backendRefs")).toArray().first().toObject());
        const QJsonObject path = match.value(QLatin1String("path")).toObject();
        const QJsonObject header
            = match.value(QLatin1String("headers")).toArray().first().toObject();
        const QJsonObject query
            = match.value(QLatin1String("queryParams")).toArray().first().toObject();
        if (!path.isEmpty()) {
            m.kind = path.value(QLatin1String("type")).toString() == QLatin1String("Exact")
                ? Match::Kind::PathExact
                : Match::Kind::PathPrefix;
            m.value = path.value(QLatin1String("value")).toString();
        } else if (!header.isEmpty() || !query.isEmpty()) {
            m.kind = header.isEmpty() ? Match::Kind::Query : Match::Kind::Header;
            const QJsonObject &named = header.isEmpty() ? query : header;
            m.name = named.value(QLatin1String("name")).toString();
            m.value = named.value(QLatin1String("value")).toString();
        } else {
            continue;
        }
        base.matches.append(m);
    }
    const QJsonObject last = rules.isEmpty() ? QJsonObject() : rules.last().toObject();
    const QJsonArray refs = last.value(QLatin1String("backendRefs")).toArray();
    bool weighted = false;
    for (Subset &s : base.subsets) {
        s.weight = 0;
        for (const QJsonValue &r : refs)
            if (subsetOf(r.toObject()) == s.name) {
                s.weight
                    = refs.size() == 1 ? 100 : r.toObject().value(QLatin1String("weight")).toInt(1);
                weighted = true;
            }
    }
    if (!weighted)
        for (int i = 0; i < base.subsets.size(); ++i)
            base.subsets[i].weight = evenWeight(i, int(base.subsets.size()));
    base.timeoutMs = durationMs(last.value(QLatin1String("timeouts"))
                                    .toObject()
                                    .value(QLatin1String("request"))
                                    .toString());
    return base;
}

QList<QJsonObject> TrafficPolicy::render() const
{
    if (flavor == Flavor::GatewayApi)
        return renderGateway(*this);
    QJsonObject http;
    QJsonArray route;
    if (subsets.isEmpty()) {
        route.append(QJsonObject {
            {QStringLiteral("destination"), QJsonObject {{QStringLiteral("host"), host()}}}});
    } else {
        for (const Subset &s : subsets) {
            if (s.weight == 0 && subsets.size() > 1)
                continue; // a version with no share is left out of the route
            QJsonObject destination {{QStringLiteral("destination"),
                                      QJsonObject {{QStringLiteral("host"), host()},
                                                   {QStringLiteral("subset"), s.name}}}};
            destination.insert(QStringLiteral("weight"), s.weight);
            route.append(destination);
        }
    }
    http.insert(QStringLiteral("route"), route);
    // The service-wide settings hold on every rule, whichever one a request matches.
    const auto settings = [this](QJsonObject *rule) {
        QJsonObject fault;
        if (delayMs > 0 && delayPercent > 0)
            fault.insert(QStringLiteral("delay"),
                         QJsonObject {{QStringLiteral("fixedDelay"), duration(delayMs)},
                                      {QStringLiteral("percentage"),
                                       QJsonObject {{QStringLiteral("value"), delayPercent}}}});
        if (abortStatus > 0 && abortPercent > 0)
            fault.insert(QStringLiteral("abort"),
                         QJsonObject {{QStringLiteral("httpStatus"), abortStatus},
                                      {QStringLiteral("percentage"),
                                       QJsonObject {{QStringLiteral("value"), abortPercent}}}});
        if (!fault.isEmpty())
            rule->insert(QStringLiteral("fault"), fault);
        if (timeoutMs > 0)
            rule->insert(QStringLiteral("timeout"), duration(timeoutMs));
        if (retryAttempts > 0) {
            QJsonObject retries {{QStringLiteral("attempts"), retryAttempts},
                                 {QStringLiteral("retryOn"), retryOn}};
            if (perTryTimeoutMs > 0)
                retries.insert(QStringLiteral("perTryTimeout"), duration(perTryTimeoutMs));
            rule->insert(QStringLiteral("retries"), retries);
        }
    };
    settings(&http);
    QJsonArray rules;
    for (int i = 0; i < matches.size(); ++i) {
        const Match &m = matches.at(i);
        const QJsonObject exact {{QStringLiteral("exact"), m.value}};
        QJsonObject condition;
        switch (m.kind) {
        case Match::Kind::Header:
            condition.insert(QStringLiteral("headers"), QJsonObject {{m.name.toLower(), exact}});
            break;
        case Match::Kind::Query:
            condition.insert(QStringLiteral("queryParams"), QJsonObject {{m.name, exact}});
            break;
        case Match::Kind::PathPrefix:
            condition.insert(QStringLiteral("uri"),
                             QJsonObject {{QStringLiteral("prefix"), m.value}});
            break;
        case Match::Kind::PathExact:
            condition.insert(QStringLiteral("uri"), exact);
            break;
        }
        QJsonObject rule {
            {QStringLiteral("name"), QStringLiteral("match-%1").arg(i + 1)},
            {QStringLiteral("match"), QJsonArray {condition}},
            {QStringLiteral("route"),
             QJsonArray {QJsonObject {{QStringLiteral("destination"),
                                       QJsonObject {{QStringLiteral("host"), host()},
                                                    {QStringLiteral("subset"), m.subset}}}}}}};
        settings(&rule);
        rules.append(rule);
    }
    rules.append(http);
    QList<QJsonObject> out {
        QJsonObject {{QStringLiteral("apiVersion"), QStringLiteral("networking.istio.io/v1")},
                     {QStringLiteral("kind"), QStringLiteral("VirtualService")},
                     {QStringLiteral("metadata"), metadataFor(service, ns)},
                     {QStringLiteral("spec"),
                      QJsonObject {{QStringLiteral("hosts"), QJsonArray {host()}},
                                   {QStringLiteral("http"), rules}}}}};
    QJsonObject policy;
    if (maxConnections > 0 || maxPendingRequests > 0) {
        QJsonObject pool;
        if (maxConnections > 0)
            pool.insert(QStringLiteral("tcp"),
                        QJsonObject {{QStringLiteral("maxConnections"), maxConnections}});
        if (maxPendingRequests > 0)
            pool.insert(
                QStringLiteral("http"),
                QJsonObject {{QStringLiteral("http1MaxPendingRequests"), maxPendingRequests}});
        policy.insert(QStringLiteral("connectionPool"), pool);
    }
    if (consecutive5xxErrors > 0)
        policy.insert(QStringLiteral("outlierDetection"),
                      QJsonObject {{QStringLiteral("consecutive5xxErrors"), consecutive5xxErrors},
                                   {QStringLiteral("interval"), QStringLiteral("10s")},
                                   {QStringLiteral("baseEjectionTime"),
                                    QStringLiteral("%1s").arg(ejectionSeconds)}});
    if (tls != Tls::Mesh)
        policy.insert(QStringLiteral("tls"),
                      QJsonObject {{QStringLiteral("mode"),
                                    tls == Tls::Mutual ? QStringLiteral("ISTIO_MUTUAL")
                                                       : QStringLiteral("DISABLE")}});
    if (!subsets.isEmpty() || !policy.isEmpty()) {
        QJsonObject spec {{QStringLiteral("host"), host()}};
        if (!policy.isEmpty())
            spec.insert(QStringLiteral("trafficPolicy"), policy);
        if (!subsets.isEmpty()) {
            QJsonArray list;
            for (const Subset &s : subsets)
                list.append(QJsonObject {{QStringLiteral("name"), s.name},
                                         {QStringLiteral("labels"), labelsObject(s.labels)}});
            spec.insert(QStringLiteral("subsets"), list);
        }
        out.append(
            QJsonObject {{QStringLiteral("apiVersion"), QStringLiteral("networking.istio.io/v1")},
                         {QStringLiteral("kind"), QStringLiteral("DestinationRule")},
                         {QStringLiteral("metadata"), metadataFor(service, ns)},
                         {QStringLiteral("spec"), spec}});
    }
    return out;
}

TrafficPolicy TrafficPolicy::fromObjects(const QString &ns, const QString &service,
                                         const QJsonObject &virtualService,
                                         const QJsonObject &destinationRule)
{
    TrafficPolicy p;
    p.ns = ns;
    p.service = service;
    const QJsonObject drSpec = destinationRule.value(QLatin1String("spec")).toObject();
    for (const QJsonValue &v : drSpec.value(QLatin1String("subsets")).toArray()) {
        Subset s;
        s.name = v.toObject().value(QLatin1String("name")).toString();
        const QJsonObject labels = v.toObject().value(QLatin1String("labels")).toObject();
        for (auto it = labels.begin(); it != labels.end(); ++it)
            s.labels.insert(it.key(), it.value().toString());
        p.subsets.append(s);
    }
    const QJsonObject policy = drSpec.value(QLatin1String("trafficPolicy")).toObject();
    const QJsonObject pool = policy.value(QLatin1String("connectionPool")).toObject();
    p.maxConnections = pool.value(QLatin1String("tcp"))
                           .toObject()
                           .value(QLatin1String("maxConnections"))
                           .toInt();
    p.maxPendingRequests = pool.value(QLatin1String("http"))
                               .toObject()
                               .value(QLatin1String("http1MaxPendingRequests"))
                               .toInt();
    const QString tlsMode
        = policy.value(QLatin1String("tls")).toObject().value(QLatin1String("mode")).toString();
    p.tls = tlsMode == QLatin1String("ISTIO_MUTUAL") ? Tls::Mutual
        : tlsMode == QLatin1String("DISABLE")        ? Tls::Disable
                                                     : Tls::Mesh;
    const QJsonObject outlier = policy.value(QLatin1String("outlierDetection")).toObject();
    p.consecutive5xxErrors = outlier.value(QLatin1String("consecutive5xxErrors")).toInt();
    if (const int ms = durationMs(outlier.value(QLatin1String("baseEjectionTime")).toString()))
        p.ejectionSeconds = std::max(1, ms / 1000);
    const QJsonArray http = virtualService.value(QLatin1String("spec"))
                                .toObject()
                                .value(QLatin1String("http"))
                                .toArray();
    // The last rule is the default route; earlier ones send matching requests to a version.
    for (qsizetype i = 0; i + 1 < http.size(); ++i) {
        const QJsonObject r = http.at(i).toObject();
        const QJsonObject condition = r.value(QLatin1String("match")).toArray().first().toObject();
        Match m;
        m.subset = r.value(QLatin1String("route"))
                       .toArray()
                       .first()
                       .toObject()
                       .value(QLatin1String("destination"))
                       .toObject()
                       .value(QLatin1String("subset"))
                       .toString();
        const QJsonObject uri = condition.value(QLatin1String("uri")).toObject();
        const QJsonObject headers = condition.value(QLatin1String("headers")).toObject();
        const QJsonObject query = condition.value(QLatin1String("queryParams")).toObject();
        if (uri.contains(QLatin1String("prefix"))) {
            m.kind = Match::Kind::PathPrefix;
            m.value = uri.value(QLatin1String("prefix")).toString();
        } else if (uri.contains(QLatin1String("exact"))) {
            m.kind = Match::Kind::PathExact;
            m.value = uri.value(QLatin1String("exact")).toString();
        } else if (!headers.isEmpty() || !query.isEmpty()) {
            const QJsonObject &named = headers.isEmpty() ? query : headers;
            m.kind = headers.isEmpty() ? Match::Kind::Query : Match::Kind::Header;
            m.name = named.begin().key();
            m.value = named.begin().value().toObject().value(QLatin1String("exact")).toString();
        } else {
            continue; // a rule Meshdeck does not edit
        }
        p.matches.append(m);
    }
    const QJsonObject rule = http.isEmpty() ? QJsonObject() : http.last().toObject();
    const QJsonArray route = rule.value(QLatin1String("route")).toArray();
    bool weighted = false;
    for (Subset &s : p.subsets) {
        s.weight = 0;
        for (const QJsonValue &d : route) {
            const QJsonObject o = d.toObject();
            if (o.value(QLatin1String("destination")).toObject().value(QLatin1String("subset"))
                == s.name) {
                s.weight = route.size() == 1 ? 100 : o.value(QLatin1String("weight")).toInt();
                weighted = true;
            }
        }
    }
    if (!weighted && !p.subsets.isEmpty()) { // no routing by version yet: an even split
        for (int i = 0; i < p.subsets.size(); ++i)
            p.subsets[i].weight = evenWeight(i, int(p.subsets.size()));
    }
    const QJsonObject fault = rule.value(QLatin1String("fault")).toObject();
    const QJsonObject delay = fault.value(QLatin1String("delay")).toObject();
    p.delayMs = durationMs(delay.value(QLatin1String("fixedDelay")).toString());
    p.delayPercent = delay.value(QLatin1String("percentage"))
                         .toObject()
                         .value(QLatin1String("value"))
                         .toDouble(delay.isEmpty() ? 0 : 100);
    const QJsonObject abort = fault.value(QLatin1String("abort")).toObject();
    p.abortStatus = abort.value(QLatin1String("httpStatus")).toInt();
    p.abortPercent = abort.value(QLatin1String("percentage"))
                         .toObject()
                         .value(QLatin1String("value"))
                         .toDouble(abort.isEmpty() ? 0 : 100);
    p.timeoutMs = durationMs(rule.value(QLatin1String("timeout")).toString());
    const QJsonObject retries = rule.value(QLatin1String("retries")).toObject();
    p.retryAttempts = retries.value(QLatin1String("attempts")).toInt();
    p.perTryTimeoutMs = durationMs(retries.value(QLatin1String("perTryTimeout")).toString());
    if (retries.contains(QLatin1String("retryOn")))
        p.retryOn = retries.value(QLatin1String("retryOn")).toString();
    return p;
}

QList<TrafficPolicy::Subset> TrafficPolicy::subsetsFromPods(const QList<QJsonObject> &pods,
                                                            const QMap<QString, QString> &selector)
{
    QStringList versions;
    for (const QJsonObject &pod : pods) {
        const QJsonObject labels = pod.value(QLatin1String("metadata"))
                                       .toObject()
                                       .value(QLatin1String("labels"))
                                       .toObject();
        bool selected = !selector.isEmpty();
        for (auto it = selector.cbegin(); it != selector.cend() && selected; ++it)
            selected = labels.value(it.key()).toString() == it.value();
        const QString version = labels.value(QLatin1String("version")).toString();
        if (selected && !version.isEmpty() && !versions.contains(version))
            versions << version;
    }
    versions.sort();
    QList<Subset> out;
    for (int i = 0; i < versions.size(); ++i)
        out.append({versions.at(i),
                    {{QStringLiteral("version"), versions.at(i)}},
                    evenWeight(i, int(versions.size()))});
    return out;
}

} // namespace Meshdeck::Mesh
