#include "graphbuilder.h"

#include <QHash>
#include <QSet>

namespace Meshdeck::Topology {

using Telemetry::EdgeKey;

namespace {

const QStringList SystemNamespaces {QStringLiteral("kube-system"), QStringLiteral("kube-public"),
                                    QStringLiteral("kube-node-lease")};

struct EdgeTotals
{
    double rps = 0, r4xx = 0, r5xx = 0, mtls = 0, bytes = 0;
    double p50 = -1, p95 = -1, p99 = -1;
    QString protocol = QStringLiteral("http");
};

class Builder
{
public:
    Builder(const ClusterSnapshot &c, const BuildOptions &o)
        : m_cluster(c)
        , m_options(o)
    {
        for (int i = 0; i < c.workloads.size(); ++i) {
            m_meshed = m_meshed || c.workloads[i].sidecar;
            m_workloadIndex.insert(c.workloads[i].ns + QLatin1Char('/') + c.workloads[i].name, i);
        }
    }

    Graph run(const Telemetry::TelemetrySnapshot *t)
    {
        m_graph.type = m_options.type;
        // API-derived structure first, so that every workload and service has its node.
        for (const auto &w : m_cluster.workloads) {
            if (!wanted(w.ns))
                continue;
            const QString id
                = workloadNode(w.name, w.ns, appOf(w), w.labels.value(QStringLiteral("version")));
            Node &n = node(id);
            n.replicas += w.replicas;
            n.readyReplicas += w.ready;
            if (!w.sidecar && m_meshed && !isMeshSystem(w.ns) && n.type != NodeType::IngressGateway)
                n.missingSidecar = true;
        }
        if (m_options.serviceNodes || m_options.type == GraphType::Service) {
            for (const auto &s : m_cluster.services) {
                if (!wanted(s.ns) || s.selector.isEmpty())
                    continue;
                const QString sid = serviceNode(s.name, s.ns);
                int ready = 0;
                for (const auto &w : m_cluster.workloads)
                    if (w.ns == s.ns && selects(s.selector, w.labels))
                        ready += w.ready;
                node(sid).noPods = ready == 0;
                if (m_options.type == GraphType::Service)
                    continue;
                for (const auto &w : m_cluster.workloads) {
                    if (w.ns == s.ns && selects(s.selector, w.labels))
                        edge(sid,
                             workloadNode(w.name, w.ns, appOf(w),
                                          w.labels.value(QStringLiteral("version"))));
                }
            }
        }
        if (t) {
            m_graph.hasTelemetry = true;
            m_traffic = !t->traffic.isEmpty() || !t->tcp.isEmpty();
            addTelemetry(*t);
        }
        finish();
        return m_graph;
    }

private:
    bool wanted(const QString &ns) const
    {
        if (!m_options.namespaces.isEmpty())
            return m_options.namespaces.contains(ns);
        return !SystemNamespaces.contains(ns);
    }
    static bool isMeshSystem(const QString &ns)
    {
        return ns == QLatin1String("istio-system") || ns.startsWith(QLatin1String("linkerd"))
            || SystemNamespaces.contains(ns);
    }
    static QString appOf(const ClusterSnapshot::Workload &w)
    {
        for (const char *key :
             {"app", "app.kubernetes.io/name", "service.istio.io/canonical-name"}) {
            const QString v = w.labels.value(QLatin1String(key));
            if (!v.isEmpty())
                return v;
        }
        return w.name;
    }

    Node &node(const QString &id)
    {
        auto it = m_index.find(id);
        if (it != m_index.end())
            return m_graph.nodes[it.value()];
        m_index.insert(id, static_cast<int>(m_graph.nodes.size()));
        Node n;
        n.id = id;
        m_graph.nodes.append(n);
        return m_graph.nodes.last();
    }

    QString workloadNode(const QString &workload, const QString &ns, QString app, QString version)
    {
        // Telemetry without canonical labels: the workload's own labels say app and version.
        if (app.isEmpty() || version.isEmpty() || app == workload) {
            const int at = m_workloadIndex.value(ns + QLatin1Char('/') + workload, -1);
            if (at >= 0) {
                const auto &w = m_cluster.workloads[at];
                if (app.isEmpty() || app == workload)
                    app = appOf(w);
                if (version.isEmpty())
                    version = w.labels.value(QStringLiteral("version"));
            }
        }
        if (workload.isEmpty() || workload == QLatin1String("unknown")) {
            Node &n = node(QStringLiteral("unknown"));
            n.type = NodeType::Unknown;
            n.name = QStringLiteral("unknown");
            return n.id;
        }
        const bool gateway = workload.contains(QLatin1String("ingressgateway"));
        const bool egress = workload.contains(QLatin1String("egressgateway"));
        QString id;
        NodeType type = NodeType::Workload;
        QString name = workload;
        if (gateway || egress || m_options.type == GraphType::Workload
            || m_options.type == GraphType::Service) {
            id = QStringLiteral("wl:%1/%2").arg(ns, workload);
            type = gateway ? NodeType::IngressGateway
                : egress   ? NodeType::EgressGateway
                           : NodeType::Workload;
        } else if (m_options.type == GraphType::App) {
            id = QStringLiteral("app:%1/%2").arg(ns, app);
            type = NodeType::App;
            name = app;
        } else {
            id = QStringLiteral("va:%1/%2/%3").arg(ns, app, version);
            type = NodeType::VersionedApp;
            name = version.isEmpty() || version == QLatin1String("unknown")
                ? app
                : app + QLatin1Char(' ') + version;
        }
        Node &n = node(id);
        n.type = type;
        n.name = name;
        n.ns = ns;
        n.app = app;
        n.version = version;
        n.workload = (type == NodeType::Workload || gateway || egress) ? workload : QString();
        return id;
    }

    QString serviceNode(const QString &service, const QString &ns)
    {
        Node &n = node(QStringLiteral("svc:%1/%2").arg(ns, service));
        n.type = NodeType::Service;
        n.name = service;
        n.ns = ns;
        n.app = service;
        return n.id;
    }

    // Service graph: a workload is drawn as the service that selects it, when one does.
    QString serviceOfWorkload(const QString &workload, const QString &ns)
    {
        const int at = m_workloadIndex.value(ns + QLatin1Char('/') + workload, -1);
        if (at >= 0) {
            const auto &w = m_cluster.workloads[at];
            for (const auto &s : m_cluster.services) {
                if (s.ns == ns && selects(s.selector, w.labels))
                    return serviceNode(s.name, ns);
            }
        }
        return {};
    }

    EdgeTotals &edge(const QString &from, const QString &to)
    {
        const QString key = from + QLatin1Char('>') + to;
        if (!m_edges.contains(key))
            m_order.append(key);
        return m_edges[key];
    }

    void addTelemetry(const Telemetry::TelemetrySnapshot &t)
    {
        m_retries = t.retries;
        m_graph.retriesMissing = t.retriesMissing;
        QHash<QString, EdgeTotals> byKey;
        QHash<QString, EdgeKey> keys;
        for (const auto &s : t.traffic) {
            EdgeTotals &e = byKey[s.key.id()];
            keys.insert(s.key.id(), s.key);
            e.rps += s.rps;
            if (s.responseCode >= 500 || s.responseCode == 0)
                e.r5xx += s.rps;
            else if (s.responseCode >= 400)
                e.r4xx += s.rps;
            if (s.mtls)
                e.mtls += s.rps;
            e.protocol = s.protocol;
        }
        for (const auto &l : t.latency) {
            EdgeTotals &e = byKey[l.key.id()];
            keys.insert(l.key.id(), l.key);
            e.p50 = l.p50;
            e.p95 = l.p95;
            e.p99 = l.p99;
        }
        for (const auto &b : t.tcp) {
            EdgeTotals &e = byKey[b.key.id()];
            keys.insert(b.key.id(), b.key);
            e.bytes += b.bytesPerSecond;
            e.protocol = QStringLiteral("tcp");
        }
        for (auto it = byKey.begin(); it != byKey.end(); ++it) {
            const EdgeKey &k = keys.value(it.key());
            const bool srcWanted
                = k.srcWorkload == QLatin1String("unknown") || wanted(k.srcNamespace);
            if (!srcWanted && !wanted(k.dstNamespace))
                continue;
            QString src, dst;
            if (m_options.type == GraphType::Service) {
                src = k.srcWorkload == QLatin1String("unknown")
                    ? workloadNode(k.srcWorkload, {}, {}, {})
                    : serviceOfWorkload(k.srcWorkload, k.srcNamespace);
                if (src.isEmpty())
                    src = workloadNode(k.srcWorkload, k.srcNamespace, k.srcApp, k.srcVersion);
                dst = k.dstService.isEmpty()
                    ? workloadNode(k.dstWorkload, k.dstNamespace, k.dstApp, k.dstVersion)
                    : serviceNode(k.dstService, k.dstNamespace);
                add(src, dst, it.value());
                continue;
            }
            src = workloadNode(k.srcWorkload, k.srcNamespace, k.srcApp, k.srcVersion);
            dst = workloadNode(k.dstWorkload, k.dstNamespace, k.dstApp, k.dstVersion);
            if (m_options.serviceNodes && !k.dstService.isEmpty()) {
                const QString svc = serviceNode(k.dstService, k.dstNamespace);
                add(src, svc, it.value());
                add(svc, dst, it.value());
            } else {
                add(src, dst, it.value());
            }
        }
    }

    void add(const QString &from, const QString &to, const EdgeTotals &t)
    {
        EdgeTotals &e = edge(from, to);
        const double before = e.rps;
        e.rps += t.rps;
        e.r4xx += t.r4xx;
        e.r5xx += t.r5xx;
        e.mtls += t.mtls;
        e.bytes += t.bytes;
        e.protocol = t.protocol;
        // Latency of merged edges: the rate-weighted mean of percentiles is an approximation,
        // kept only where one edge carries the traffic; otherwise the larger (the worse) wins.
        if (t.p99 >= 0) {
            e.p50 = before > 0 ? std::max(e.p50, t.p50) : t.p50;
            e.p95 = before > 0 ? std::max(e.p95, t.p95) : t.p95;
            e.p99 = before > 0 ? std::max(e.p99, t.p99) : t.p99;
        }
        m_telemetryEdges.insert(from + QLatin1Char('>') + to);
    }

    void finish()
    {
        // Edges.
        for (const QString &key : m_order) {
            const EdgeTotals &t = m_edges.value(key);
            Edge e;
            const auto sep = key.indexOf(QLatin1Char('>'));
            e.source = key.left(sep);
            e.target = key.mid(sep + 1);
            e.rps = t.rps;
            e.percent4xx = t.rps > 0 ? t.r4xx / t.rps * 100 : 0;
            e.percent5xx = t.rps > 0 ? t.r5xx / t.rps * 100 : 0;
            e.mtlsPercent = t.rps > 0 ? t.mtls / t.rps * 100 : 0;
            e.p50 = t.p50;
            e.p95 = t.p95;
            e.p99 = t.p99;
            e.bytesPerSecond = t.bytes;
            e.protocol = t.protocol;
            e.fromTelemetry = m_telemetryEdges.contains(key);
            e.health = e.protocol == QLatin1String("tcp")
                ? (e.bytesPerSecond > 0 ? Health::Healthy : Health::NoTraffic)
                : healthFor(e.rps, e.percent4xx, e.percent5xx);
            if (!m_options.includeIdle && m_graph.hasTelemetry && e.rps <= 0
                && e.bytesPerSecond <= 0)
                continue;
            m_graph.edges.append(e);
        }
        // Node traffic and health from their edges.
        QHash<QString, EdgeTotals> in;
        for (const Edge &e : std::as_const(m_graph.edges)) {
            EdgeTotals &t = in[e.target];
            t.rps += e.rps;
            t.r4xx += e.rps * e.percent4xx / 100;
            t.r5xx += e.rps * e.percent5xx / 100;
            if (Node *src = find(e.source)) {
                src->outRps += e.rps;
                src->idle = src->idle && e.rps <= 0 && e.bytesPerSecond <= 0;
            }
            if (Node *dst = find(e.target))
                dst->idle = dst->idle && e.rps <= 0 && e.bytesPerSecond <= 0;
        }
        for (Node &n : m_graph.nodes) {
            const EdgeTotals t = in.value(n.id);
            n.inRps = t.rps;
            n.errorPercent = t.rps > 0 ? (t.r4xx + t.r5xx) / t.rps * 100 : 0;
            n.health = t.rps > 0 ? healthFor(t.rps, t.r4xx / t.rps * 100, t.r5xx / t.rps * 100)
                                 : (n.outRps > 0 ? Health::Healthy : Health::NoTraffic);
            if (n.type == NodeType::Service || n.type == NodeType::App
                || n.type == NodeType::VersionedApp)
                addRouting(&n, servicesReaching(n), n.ns);
        }
        // Edges carry the routing of the Services they reach.
        for (Edge &e : m_graph.edges)
            if (const Node *dst = find(e.target))
                addRouting(&e, servicesReaching(*dst), dst->ns);
        // Each edge's share of its source's requests (how a weighted route really splits).
        for (Edge &e : m_graph.edges)
            if (const Node *src = find(e.source); src && src->outRps > 0)
                e.sharePercent = e.rps / src->outRps * 100;
        addRetries();
        if (!m_options.includeIdle && m_traffic) {
            QList<Node> kept;
            for (const Node &n : std::as_const(m_graph.nodes))
                if (!n.idle || n.noPods) // a service without pods is a problem: keep it in view
                    kept.append(n);
            m_graph.nodes = kept;
        }
        QSet<QString> namespaces;
        for (const Node &n : std::as_const(m_graph.nodes))
            if (!n.ns.isEmpty() && n.ns != QLatin1String("unknown"))
                namespaces.insert(n.ns);
        m_graph.namespaces = QStringList(namespaces.begin(), namespaces.end());
        m_graph.namespaces.sort();
    }

    // Retries are counted per source and Service: on the edge from the source to the Service,
    // or shared among the source's edges to the Service's workloads by their rates.
    void addRetries()
    {
        for (const auto &r : std::as_const(m_retries)) {
            QList<Edge *> matched;
            double total = 0;
            for (Edge &e : m_graph.edges) {
                const Node *src = find(e.source);
                const Node *dst = find(e.target);
                if (!src || !dst || src->ns != r.srcNamespace || src->app != r.srcApp
                    || (!src->version.isEmpty() && !r.srcVersion.isEmpty()
                        && src->version != r.srcVersion)
                    || dst->ns != r.dstNamespace || !servicesReaching(*dst).contains(r.dstService))
                    continue;
                matched << &e;
                total += e.rps;
            }
            for (Edge *e : std::as_const(matched))
                e->retriesPerSecond
                    += r.perSecond * (total > 0 ? e->rps / total : 1.0 / double(matched.size()));
        }
    }

    // The Service a routing host names, "ns/name": a short host is a Service of the routing
    // object's own namespace, as Istio reads it; "name.ns" and the full "name.ns.svc.cluster.local"
    // name theirs. Empty for other hosts (wildcards, external names).
    static QString serviceKey(const QString &host, const QString &routingNs)
    {
        QString h = host;
        if (h.endsWith(QLatin1String(".svc.cluster.local")))
            h.chop(18);
        const QStringList parts = h.split(QLatin1Char('.'));
        if (parts.size() == 1 && !h.contains(QLatin1Char('*')))
            return routingNs + QLatin1Char('/') + h;
        if (parts.size() == 2)
            return parts[1] + QLatin1Char('/') + parts[0];
        return {};
    }

    // What the VirtualServices and DestinationRules say about each Service they name, indexed
    // once per graph: nodes and edges look it up instead of scanning every routing object.
    const QHash<QString, RoutingBadges> &routingByService()
    {
        if (m_routingIndexed)
            return m_routingByService;
        m_routingIndexed = true;
        for (const auto &vs : m_cluster.virtualServices)
            for (const QString &h : vs.hosts)
                if (const QString key = serviceKey(h, vs.ns); !key.isEmpty()) {
                    RoutingBadges &b = m_routingByService[key];
                    b.virtualService = true;
                    b.faultInjection = b.faultInjection || vs.faults;
                    b.timeouts = b.timeouts || vs.timeouts;
                }
        for (const auto &dr : m_cluster.destinationRules)
            for (const QString &h : dr.hosts)
                if (const QString key = serviceKey(h, dr.ns); dr.circuitBreaker && !key.isEmpty())
                    m_routingByService[key].circuitBreaker = true;
        return m_routingByService;
    }

    void addRouting(RoutingBadges *badges, const QStringList &services, const QString &ns)
    {
        const QHash<QString, RoutingBadges> &index = routingByService();
        for (const QString &service : services) {
            const auto it = index.constFind(ns + QLatin1Char('/') + service);
            if (service.isEmpty() || it == index.constEnd())
                continue;
            badges->virtualService = badges->virtualService || it->virtualService;
            badges->faultInjection = badges->faultInjection || it->faultInjection;
            badges->timeouts = badges->timeouts || it->timeouts;
            badges->circuitBreaker = badges->circuitBreaker || it->circuitBreaker;
        }
    }

    // The Services through which traffic reaches a node: a Service itself, an app's Service
    // (named after it), and for a workload those whose selector takes its pods (found once per
    // workload).
    QStringList servicesReaching(const Node &n)
    {
        if (n.type == NodeType::Service || n.type == NodeType::App
            || n.type == NodeType::VersionedApp)
            return {n.app.isEmpty() ? n.name : n.app};
        if (n.type != NodeType::Workload)
            return {};
        const QString key = n.ns + QLatin1Char('/') + n.workload;
        if (const auto cached = m_servicesOfWorkload.constFind(key);
            cached != m_servicesOfWorkload.constEnd())
            return *cached;
        QStringList out;
        if (const int at = m_workloadIndex.value(key, -1); at >= 0) {
            const auto &w = m_cluster.workloads[at];
            for (const auto &s : m_cluster.services)
                if (s.ns == w.ns && !s.selector.isEmpty() && selects(s.selector, w.labels))
                    out << s.name;
        }
        m_servicesOfWorkload.insert(key, out);
        return out;
    }

    Node *find(const QString &id)
    {
        auto it = m_index.find(id);
        return it == m_index.end() ? nullptr : &m_graph.nodes[it.value()];
    }

    const ClusterSnapshot &m_cluster;
    const BuildOptions &m_options;
    bool m_meshed = false;
    bool m_traffic = false; // the telemetry measured something: idle parts may be hidden
    QHash<QString, int> m_workloadIndex; // "ns/name" -> workload
    Graph m_graph;
    QHash<QString, int> m_index;
    QHash<QString, EdgeTotals> m_edges;
    QStringList m_order;
    QSet<QString> m_telemetryEdges;
    QList<Telemetry::RetrySample> m_retries;
    QHash<QString, RoutingBadges> m_routingByService; // "ns/name" -> its routing
    bool m_routingIndexed = false;
    QHash<QString, QStringList> m_servicesOfWorkload; // "ns/name" -> Services selecting it
};

} // namespace

Graph buildGraph(const ClusterSnapshot &cluster, const Telemetry::TelemetrySnapshot *telemetry,
                 const BuildOptions &options)
{
    return Builder(cluster, options).run(telemetry);
}

} // namespace Meshdeck::Topology
