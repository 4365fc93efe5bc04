#include "sidecarroutes.h"

#include <kube/meshnames.h>

#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <optional>
#include <random>
#include <regex>
#include <tuple>

namespace Meshdeck::Demo {

namespace {

struct StringMatch
{
    enum class Kind { Exact, Prefix, Regex, PathPrefix };
    Kind kind = Kind::Exact;
    std::string value;
    std::shared_ptr<std::regex> regex; // RE2 full match, approximated with ECMAScript

    [[nodiscard]] bool matches(const std::string &text) const
    {
        switch (kind) {
        case Kind::Exact:
            return text == value;
        case Kind::Prefix:
            return text.compare(0, value.size(), value) == 0;
        case Kind::Regex:
            return regex && std::regex_match(text, *regex);
        case Kind::PathPrefix: // the Gateway API's: whole path segments
            return value == "/" || text == value
                || (text.compare(0, value.size(), value) == 0
                    && (value.back() == '/' || text[value.size()] == '/'));
        }
        return false;
    }
};

// Istio's StringMatch ({exact|prefix|regex: "..."}); nothing when malformed.
std::optional<StringMatch> stringMatch(const QJsonObject &o)
{
    StringMatch m;
    if (o.contains(QLatin1String("exact"))) {
        m.value = o.value(QLatin1String("exact")).toString().toStdString();
    } else if (o.contains(QLatin1String("prefix"))) {
        m.kind = StringMatch::Kind::Prefix;
        m.value = o.value(QLatin1String("prefix")).toString().toStdString();
    } else if (o.contains(QLatin1String("regex"))) {
        m.kind = StringMatch::Kind::Regex;
        m.value = o.value(QLatin1String("regex")).toString().toStdString();
        try {
            m.regex = std::make_shared<std::regex>(m.value, std::regex::ECMAScript);
        } catch (const std::regex_error &) {
            return std::nullopt;
        }
    } else {
        return std::nullopt;
    }
    return m;
}

struct Match
{
    std::optional<StringMatch> uri, method;
    std::vector<std::pair<std::string, StringMatch>> headers, query;
    bool valid = true;
};

struct Destination
{
    std::string subset;
    int weight = 0;
    bool otherHost = false; // a route to another Service: this sidecar's endpoints do not serve it
    std::string host; // the destination's qualified host
    // An HTTPRoute's backendRef: the endpoints its Service selects (none found: no route).
    bool byService = false;
    std::string backend;
    std::map<std::string, std::string> labels;
};

struct Rule
{
    std::string name; // "ns/name" of the VirtualService
    std::vector<Match> matches; // any of them; none: every request
    std::vector<Destination> route;
    double delayMs = 0, delayPercent = 0;
    int abortStatus = 0;
    double abortPercent = 0;
    double timeoutMs = 0;
    std::optional<SidecarRoutes::Retry> retry;
};

struct HostPolicy
{
    std::map<std::string, std::map<std::string, std::string>> subsets;
    SidecarRoutes::Outlier outlier;
    SidecarRoutes::Pool pool;
};

std::string qualified(const QString &host, const QString &ns)
{
    return Kube::qualifiedServiceHost(host, ns).toStdString();
}

QString nsOf(const QJsonObject &o)
{
    return o.value(QLatin1String("metadata"))
        .toObject()
        .value(QLatin1String("namespace"))
        .toString();
}

double percentOf(const QJsonObject &fault)
{
    if (fault.contains(QLatin1String("percentage")))
        return fault.value(QLatin1String("percentage"))
            .toObject()
            .value(QLatin1String("value"))
            .toDouble();
    if (fault.contains(QLatin1String("percent"))) // the older integer field
        return fault.value(QLatin1String("percent")).toDouble();
    return 100;
}

Match matchOf(const QJsonObject &o)
{
    Match m;
    const auto one = [&m](const QJsonValue &v, std::optional<StringMatch> *into) {
        if (v.isUndefined())
            return;
        *into = stringMatch(v.toObject());
        m.valid = m.valid && into->has_value();
    };
    one(o.value(QLatin1String("uri")), &m.uri);
    one(o.value(QLatin1String("method")), &m.method);
    for (const char *field : {"headers", "queryParams"}) {
        const QJsonObject map = o.value(QLatin1String(field)).toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            const auto sm = stringMatch(it.value().toObject());
            if (!sm) {
                m.valid = false;
                continue;
            }
            auto &list = QLatin1String(field) == QLatin1String("headers") ? m.headers : m.query;
            list.emplace_back(it.key().toLower().toStdString(), *sm);
        }
    }
    return m;
}

std::optional<SidecarRoutes::Retry> retryOf(const QJsonObject &o)
{
    if (o.isEmpty())
        return std::nullopt;
    SidecarRoutes::Retry r;
    r.attempts = o.value(QLatin1String("attempts")).toInt();
    r.perTryTimeoutMs = std::max(
        0.0, SidecarRoutes::durationMs(o.value(QLatin1String("perTryTimeout")).toString()));
    const QString on = o.value(QLatin1String("retryOn"))
                           .toString(QStringLiteral("connect-failure,refused-stream,unavailable,"
                                                    "cancelled,retriable-status-codes"));
    r.connectFailure = false;
    r.statusCodes.clear();
    for (const QString &part : on.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString p = part.trimmed();
        if (p == QLatin1String("5xx"))
            r.on5xx = true;
        else if (p == QLatin1String("gateway-error"))
            r.gatewayError = true;
        else if (p == QLatin1String("connect-failure") || p == QLatin1String("reset")
                 || p == QLatin1String("refused-stream"))
            r.connectFailure = true;
        else if (p == QLatin1String("retriable-4xx"))
            r.retriable4xx = true;
        else if (p == QLatin1String("retriable-status-codes"))
            r.statusCodes.push_back(503);
        else if (p.toInt() >= 100) // Istio also takes bare status codes
            r.statusCodes.push_back(p.toInt());
    }
    return r;
}

thread_local std::mt19937 t_random {std::random_device {}()};

bool chance(double percent)
{
    if (percent >= 100)
        return true;
    if (percent <= 0)
        return false;
    return std::uniform_real_distribution<double>(0, 100)(t_random) < percent;
}

std::string queryValue(const std::string &target, const std::string &key, bool *found)
{
    const auto q = target.find('?');
    *found = false;
    if (q == std::string::npos)
        return {};
    std::size_t at = q + 1;
    while (at <= target.size()) {
        const std::size_t end = std::min(target.find('&', at), target.size());
        const std::string pair = target.substr(at, end - at);
        const auto eq = pair.find('=');
        if (pair.substr(0, eq) == key) {
            *found = true;
            return eq == std::string::npos ? std::string() : pair.substr(eq + 1);
        }
        at = end + 1;
    }
    return {};
}

} // namespace

// A rule of a VirtualService bound to a Gateway the ingress gateway serves.
struct GatewayRoute
{
    std::vector<std::string> hosts; // "*", "*.example.com", "shop.example.com"
    Rule rule;
};

struct SidecarRoutes::Table
{
    std::map<std::string, std::vector<Rule>> rules; // by qualified host
    std::map<std::string, HostPolicy> policies;
    std::vector<GatewayRoute> gateway; // in the order of the VirtualServices, then their rules
    bool gatewayConfigured = false; // an Istio Gateway selects the ingress gateway's pods
};

namespace {

// A Gateway API match value ({type, value}); nothing when malformed.
std::optional<StringMatch> gatewayMatch(const QJsonObject &o, bool path)
{
    const QString type
        = o.value(QLatin1String("type"))
              .toString(path ? QStringLiteral("PathPrefix") : QStringLiteral("Exact"));
    QJsonObject istio;
    const QJsonValue value = o.value(QLatin1String("value"));
    if (type == QLatin1String("Exact"))
        istio.insert(QStringLiteral("exact"), value);
    else if (type == QLatin1String("RegularExpression"))
        istio.insert(QStringLiteral("regex"), value);
    else if (path && type == QLatin1String("PathPrefix"))
        istio.insert(QStringLiteral("prefix"), value);
    auto m = stringMatch(istio);
    if (m && type == QLatin1String("PathPrefix"))
        m->kind = StringMatch::Kind::PathPrefix;
    return m;
}

// The Gateway API's precedence among matches: an exact path, then the longest prefix, then a
// method, then the most headers, then the most query parameters; ties keep their order.
std::tuple<int, int, int, int, int> precedence(const Match &m)
{
    const bool exact = m.uri && m.uri->kind == StringMatch::Kind::Exact;
    // (no path: the default, a prefix "/")
    const int prefix = !m.uri                     ? 1
        : m.uri->kind != StringMatch::Kind::Exact ? int(m.uri->value.size())
                                                  : 0;
    return {exact ? 0 : 1, -prefix, m.method ? 0 : 1, -int(m.headers.size()), -int(m.query.size())};
}

// One http rule of a VirtualService of namespace `ns` ("ns/name" `name`) for `host` (empty at a
// gateway, where every destination is the gateway's to reach); nothing when it can match nothing.
std::optional<Rule> ruleOf(const QJsonObject &http, const QString &name, const QString &ns,
                           const std::string &host)
{
    Rule rule;
    rule.name = name.toStdString();
    for (const QJsonValue &m : http.value(QLatin1String("match")).toArray()) {
        Match match = matchOf(m.toObject());
        if (match.valid)
            rule.matches.push_back(std::move(match));
    }
    if (!http.value(QLatin1String("match")).toArray().isEmpty() && rule.matches.empty())
        return std::nullopt; // every match malformed: the rule matches nothing
    const QJsonArray route = http.value(QLatin1String("route")).toArray();
    for (const QJsonValue &d : route) {
        const QJsonObject dest = d.toObject().value(QLatin1String("destination")).toObject();
        Destination out;
        out.subset = dest.value(QLatin1String("subset")).toString().toStdString();
        out.weight = route.size() == 1 ? 100 : d.toObject().value(QLatin1String("weight")).toInt();
        out.host = qualified(dest.value(QLatin1String("host")).toString(), ns);
        out.otherHost = !host.empty() && out.host != host;
        rule.route.push_back(out);
    }
    const QJsonObject fault = http.value(QLatin1String("fault")).toObject();
    const QJsonObject delay = fault.value(QLatin1String("delay")).toObject();
    if (!delay.isEmpty()) {
        rule.delayMs = std::max(
            0.0, SidecarRoutes::durationMs(delay.value(QLatin1String("fixedDelay")).toString()));
        rule.delayPercent = percentOf(delay);
    }
    const QJsonObject abort = fault.value(QLatin1String("abort")).toObject();
    if (!abort.isEmpty()) {
        rule.abortStatus = abort.value(QLatin1String("httpStatus")).toInt(503);
        rule.abortPercent = percentOf(abort);
    }
    rule.timeoutMs
        = std::max(0.0, SidecarRoutes::durationMs(http.value(QLatin1String("timeout")).toString()));
    rule.retry = retryOf(http.value(QLatin1String("retries")).toObject());
    return rule;
}

} // namespace

void SidecarRoutes::addHttpRoutes(Table *table, const QList<QJsonObject> &httpRoutes,
                                  const QList<QJsonObject> &services)
{
    std::map<std::string, std::map<std::string, std::string>> selectors; // "ns/name"
    for (const QJsonObject &svc : services) {
        auto &labels = selectors[(nsOf(svc) + QLatin1Char('/')
                                  + svc.value(QLatin1String("metadata"))
                                        .toObject()
                                        .value(QLatin1String("name"))
                                        .toString())
                                     .toStdString()];
        const QJsonObject selector = svc.value(QLatin1String("spec"))
                                         .toObject()
                                         .value(QLatin1String("selector"))
                                         .toObject();
        for (auto it = selector.begin(); it != selector.end(); ++it)
            labels[it.key().toStdString()] = it.value().toString().toStdString();
    }
    std::map<std::string, std::vector<Rule>> fromRoutes;
    for (const QJsonObject &route : httpRoutes) {
        const QString ns = nsOf(route);
        const QString name = ns + QLatin1Char('/')
            + route.value(QLatin1String("metadata"))
                  .toObject()
                  .value(QLatin1String("name"))
                  .toString();
        const QJsonObject spec = route.value(QLatin1String("spec")).toObject();
        for (const QJsonValue &p : spec.value(QLatin1String("parentRefs")).toArray()) {
            const QJsonObject parent = p.toObject();
            const QString group = parent.value(QLatin1String("group")).toString();
            if (parent.value(QLatin1String("kind")).toString() != QLatin1String("Service")
                || !(group.isEmpty() || group == QLatin1String("core")))
                continue; // a Gateway's route: not the sidecars'
            const QString parentNs = parent.value(QLatin1String("namespace")).toString(ns);
            const std::string host
                = qualified(parent.value(QLatin1String("name")).toString(), parentNs);
            if (table->rules.count(host))
                continue; // a VirtualService covers this host
            for (const QJsonValue &r : spec.value(QLatin1String("rules")).toArray()) {
                const QJsonObject rule = r.toObject();
                Rule base;
                base.name = name.toStdString();
                for (const QJsonValue &b : rule.value(QLatin1String("backendRefs")).toArray()) {
                    const QJsonObject ref = b.toObject();
                    Destination d;
                    d.byService = true;
                    d.backend = ref.value(QLatin1String("name")).toString().toStdString();
                    d.weight = ref.value(QLatin1String("weight")).toInt(1);
                    const std::string key
                        = (ref.value(QLatin1String("namespace")).toString(ns) + QLatin1Char('/'))
                              .toStdString()
                        + d.backend;
                    if (const auto it = selectors.find(key); it != selectors.end())
                        d.labels = it->second;
                    base.route.push_back(std::move(d));
                }
                base.timeoutMs = std::max(0.0,
                                          durationMs(rule.value(QLatin1String("timeouts"))
                                                         .toObject()
                                                         .value(QLatin1String("request"))
                                                         .toString()));
                const QJsonArray matches = rule.value(QLatin1String("matches")).toArray();
                if (matches.isEmpty()) {
                    fromRoutes[host].push_back(base);
                    continue;
                }
                for (const QJsonValue &mv : matches) {
                    const QJsonObject o = mv.toObject();
                    Match m;
                    if (o.contains(QLatin1String("path"))) {
                        m.uri = gatewayMatch(o.value(QLatin1String("path")).toObject(), true);
                        m.valid = m.uri.has_value();
                    }
                    if (o.contains(QLatin1String("method")))
                        m.method = stringMatch(QJsonObject {
                            {QStringLiteral("exact"), o.value(QLatin1String("method"))}});
                    for (const char *field : {"headers", "queryParams"})
                        for (const QJsonValue &hv : o.value(QLatin1String(field)).toArray()) {
                            const QJsonObject h = hv.toObject();
                            const auto sm = gatewayMatch(h, false);
                            if (!sm) {
                                m.valid = false;
                                continue;
                            }
                            QString key = h.value(QLatin1String("name")).toString();
                            if (qstrcmp(field, "headers") == 0)
                                m.headers.emplace_back(key.toLower().toStdString(), *sm);
                            else
                                m.query.emplace_back(key.toStdString(), *sm);
                        }
                    if (!m.valid)
                        continue;
                    Rule one = base;
                    one.matches.push_back(std::move(m));
                    fromRoutes[host].push_back(std::move(one));
                }
            }
        }
    }
    for (auto &[host, rules] : fromRoutes) {
        std::stable_sort(rules.begin(), rules.end(), [](const Rule &a, const Rule &b) {
            const auto key = [](const Rule &r) {
                return r.matches.empty() ? std::tuple(1, -1, 1, 0, 0) // a prefix "/"
                                         : precedence(r.matches.front());
            };
            return key(a) < key(b);
        });
        table->rules[host] = std::move(rules);
    }
}

bool SidecarRoutes::Retry::retries(int status) const
{
    if (status == 0)
        return connectFailure || on5xx || gatewayError;
    if (on5xx && status >= 500)
        return true;
    if (gatewayError && (status == 502 || status == 503 || status == 504))
        return true;
    if (retriable4xx && status == 409)
        return true;
    return std::find(statusCodes.begin(), statusCodes.end(), status) != statusCodes.end();
}

double SidecarRoutes::durationMs(const QString &text)
{
    return Kube::meshDurationMs(text);
}

void SidecarRoutes::update(const Objects &objects)
{
    const QList<QJsonObject> &virtualServices = objects.virtualServices;
    const QList<QJsonObject> &destinationRules = objects.destinationRules;
    auto table = std::make_shared<Table>();
    for (const QJsonObject &dr : destinationRules) {
        const QJsonObject spec = dr.value(QLatin1String("spec")).toObject();
        HostPolicy &policy
            = table->policies[qualified(spec.value(QLatin1String("host")).toString(), nsOf(dr))];
        for (const QJsonValue &s : spec.value(QLatin1String("subsets")).toArray()) {
            auto &labels
                = policy
                      .subsets[s.toObject().value(QLatin1String("name")).toString().toStdString()];
            const QJsonObject l = s.toObject().value(QLatin1String("labels")).toObject();
            for (auto it = l.begin(); it != l.end(); ++it)
                labels[it.key().toStdString()] = it.value().toString().toStdString();
        }
        const QJsonObject pool = spec.value(QLatin1String("trafficPolicy"))
                                     .toObject()
                                     .value(QLatin1String("connectionPool"))
                                     .toObject();
        policy.pool.maxConnections = pool.value(QLatin1String("tcp"))
                                         .toObject()
                                         .value(QLatin1String("maxConnections"))
                                         .toInt();
        const QJsonObject httpPool = pool.value(QLatin1String("http")).toObject();
        policy.pool.maxPending = httpPool.value(QLatin1String("http1MaxPendingRequests")).toInt();
        policy.pool.maxRequests = httpPool.value(QLatin1String("http2MaxRequests")).toInt();
        const QJsonObject outlier = spec.value(QLatin1String("trafficPolicy"))
                                        .toObject()
                                        .value(QLatin1String("outlierDetection"))
                                        .toObject();
        if (!outlier.isEmpty()) {
            policy.outlier.consecutive5xx
                = outlier.value(QLatin1String("consecutive5xxErrors"))
                      .toInt(outlier.contains(QLatin1String("consecutiveGatewayErrors")) ? 0 : 5);
            policy.outlier.consecutiveGateway
                = outlier.value(QLatin1String("consecutiveGatewayErrors")).toInt();
            const double ejection
                = durationMs(outlier.value(QLatin1String("baseEjectionTime")).toString());
            policy.outlier.ejectionMs = ejection > 0 ? ejection : 30000;
        }
    }
    // The Istio Gateways the demo's ingress gateway serves: those whose selector takes its pod.
    QSet<QString> served;
    for (const QJsonObject &gw : objects.gateways) {
        const QJsonObject selector = gw.value(QLatin1String("spec"))
                                         .toObject()
                                         .value(QLatin1String("selector"))
                                         .toObject();
        bool selects = !selector.isEmpty();
        for (auto it = selector.begin(); it != selector.end(); ++it)
            selects = selects
                && ((it.key() == QLatin1String("istio")
                     && it.value().toString() == QLatin1String("ingressgateway"))
                    || (it.key() == QLatin1String("app")
                        && it.value().toString() == QLatin1String("istio-ingressgateway")));
        if (selects)
            served.insert(nsOf(gw) + QLatin1Char('/')
                          + gw.value(QLatin1String("metadata"))
                                .toObject()
                                .value(QLatin1String("name"))
                                .toString());
    }
    table->gatewayConfigured = !served.isEmpty();
    for (const QJsonObject &vs : virtualServices) {
        const QJsonObject spec = vs.value(QLatin1String("spec")).toObject();
        const QJsonArray gateways = spec.value(QLatin1String("gateways")).toArray();
        const QString ns = nsOf(vs);
        const QString name = ns + QLatin1Char('/')
            + vs.value(QLatin1String("metadata"))
                  .toObject()
                  .value(QLatin1String("name"))
                  .toString();
        bool mesh = gateways.isEmpty();
        bool atGateway = false;
        for (const QJsonValue &g : gateways) {
            const QString ref = g.toString();
            mesh = mesh || ref == QLatin1String("mesh");
            atGateway = atGateway
                || served.contains(ref.contains(QLatin1Char('/')) ? ref
                                                                  : ns + QLatin1Char('/') + ref);
        }
        if (atGateway) {
            std::vector<std::string> hosts;
            for (const QJsonValue &h : spec.value(QLatin1String("hosts")).toArray())
                hosts.push_back(h.toString().toStdString());
            for (const QJsonValue &r : spec.value(QLatin1String("http")).toArray())
                if (auto rule = ruleOf(r.toObject(), name, ns, {}))
                    table->gateway.push_back({hosts, std::move(*rule)});
        }
        if (!mesh)
            continue; // a gateway's routes only: not the sidecars'
        for (const QJsonValue &h : spec.value(QLatin1String("hosts")).toArray()) {
            const std::string host = qualified(h.toString(), ns);
            auto &rules = table->rules[host];
            if (!rules.empty())
                continue; // the first VirtualService for a host wins, as with Istio's merge
            for (const QJsonValue &r : spec.value(QLatin1String("http")).toArray())
                if (auto rule = ruleOf(r.toObject(), name, ns, host))
                    rules.push_back(std::move(*rule));
        }
    }
    addHttpRoutes(table.get(), objects.httpRoutes, objects.services);
    std::lock_guard lock(m_mutex);
    m_table = std::move(table);
}

SidecarRoutes::Decision SidecarRoutes::decide(const std::string &service, const std::string &method,
                                              const std::string &target,
                                              const HttpHeaderList &headers) const
{
    return route(&service, {}, method, target, headers);
}

SidecarRoutes::Decision SidecarRoutes::decideAtGateway(const std::string &authority,
                                                       const std::string &method,
                                                       const std::string &target,
                                                       const HttpHeaderList &headers) const
{
    return route(nullptr, authority, method, target, headers);
}

SidecarRoutes::Decision SidecarRoutes::route(const std::string *service,
                                             const std::string &authority,
                                             const std::string &method, const std::string &target,
                                             const HttpHeaderList &headers) const
{
    std::shared_ptr<const Table> table;
    {
        std::lock_guard lock(m_mutex);
        table = m_table;
    }
    Decision d;
    if (!table)
        return d;
    const auto applyPolicy = [&](const std::string &host) {
        const auto policy = table->policies.find(host);
        if (policy != table->policies.end()) {
            d.outlier = policy->second.outlier;
            d.pool = policy->second.pool;
        }
        return policy;
    };
    // The rules that may take the request: the Service's, or at the gateway those of the
    // VirtualServices bound to it whose hosts take the request's authority.
    std::vector<const Rule *> candidates;
    if (service) {
        applyPolicy(*service);
        const auto rules = table->rules.find(*service);
        if (rules == table->rules.end())
            return d;
        for (const Rule &rule : rules->second)
            candidates.push_back(&rule);
    } else {
        if (!table->gatewayConfigured)
            return d; // no Gateway: the demo's gateway passes every request on
        const std::string host = authority.substr(
            0, authority.rfind(':') == std::string::npos ? authority.size() : authority.rfind(':'));
        for (const GatewayRoute &route : table->gateway)
            for (const std::string &pattern : route.hosts)
                if (pattern == "*" || pattern == host
                    || (pattern.size() > 1 && pattern[0] == '*' && host.size() > pattern.size() - 1
                        && host.compare(host.size() - (pattern.size() - 1), pattern.size() - 1,
                                        pattern, 1)
                            == 0)) {
                    candidates.push_back(&route.rule);
                    break;
                }
        d.noRoute = true; // unless a rule takes it below
        d.noRouteStatus = 404;
    }
    const std::string path = target.substr(0, target.find('?'));
    const auto header = [&headers](const std::string &name) -> const std::string * {
        for (const auto &[k, v] : headers)
            if (k.size() == name.size()
                && std::equal(k.begin(), k.end(), name.begin(), [](char a, char b) {
                       return std::tolower(static_cast<unsigned char>(a)) == b;
                   }))
                return &v;
        return nullptr;
    };
    const auto matches = [&](const Match &m) {
        if (m.uri && !m.uri->matches(path))
            return false;
        if (m.method && !m.method->matches(method))
            return false;
        for (const auto &[name, sm] : m.headers) {
            const std::string *v = header(name);
            if (!v || !sm.matches(*v))
                return false;
        }
        for (const auto &[key, sm] : m.query) {
            bool found = false;
            const std::string v = queryValue(target, key, &found);
            if (!found || !sm.matches(v))
                return false;
        }
        return true;
    };
    for (const Rule *candidate : candidates) {
        const Rule &rule = *candidate;
        if (!rule.matches.empty()
            && std::none_of(rule.matches.begin(), rule.matches.end(), matches))
            continue;
        d.rule = rule.name;
        d.noRoute = false;
        d.noRouteStatus = 503;
        int total = 0;
        for (const Destination &dest : rule.route)
            total += std::max(0, dest.weight);
        const Destination *chosen = rule.route.empty() ? nullptr : &rule.route.front();
        if (total > 0) {
            int draw = std::uniform_int_distribution<int>(0, total - 1)(t_random);
            for (const Destination &dest : rule.route) {
                draw -= std::max(0, dest.weight);
                if (draw < 0) {
                    chosen = &dest;
                    break;
                }
            }
        }
        // At the gateway the destination's own policy applies (its subsets, pool, ejection).
        const auto policy = applyPolicy(service ? *service : chosen ? chosen->host : std::string());
        if (!service && chosen)
            d.host = chosen->host;
        if (chosen && chosen->byService) {
            d.subset = chosen->backend;
            d.subsetLabels = chosen->labels;
            d.noRoute = chosen->labels.empty();
        } else if (chosen && !chosen->otherHost && !chosen->subset.empty()) {
            d.subset = chosen->subset;
            bool found = false;
            if (policy != table->policies.end()) {
                const auto subset = policy->second.subsets.find(chosen->subset);
                if (subset != policy->second.subsets.end()) {
                    d.subsetLabels = subset->second;
                    found = true;
                }
            }
            d.noRoute = !found;
        }
        if (rule.delayMs > 0 && chance(rule.delayPercent))
            d.fault.delayMs = rule.delayMs;
        if (rule.abortStatus > 0 && chance(rule.abortPercent))
            d.fault.abortStatus = rule.abortStatus;
        d.timeoutMs = rule.timeoutMs;
        if (rule.retry)
            d.retry = *rule.retry;
        break;
    }
    return d;
}

} // namespace Meshdeck::Demo
