// The topology's pure parts: Prometheus answers, the mesh vocabularies, the graph builder with
// health and badges, the layered layout's stability, find/hide expressions, DOT and JSON.
#include <telemetry/meshvocabulary.h>
#include <telemetry/prometheusclient.h>
#include <topology/graphbuilder.h>
#include <topology/graphexport.h>
#include <topology/graphfilter.h>
#include <topology/layout.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QLineF>
#include <QTest>

#include <thread>

using namespace Meshdeck;
using namespace Meshdeck::Telemetry;
using namespace Meshdeck::Topology;

namespace {

QByteArray vector(const QList<QPair<QString, QString>> &series)
{
    QByteArray out = R"({"status":"success","data":{"resultType":"vector","result":[)";
    for (int i = 0; i < series.size(); ++i)
        out += (i ? "," : "") + QByteArray("{\"metric\":{") + series[i].first.toUtf8()
            + "},\"value\":[1795791585.1,\"" + series[i].second.toUtf8() + "\"]}";
    return out + "]}}";
}

QString edge(const char *src, const char *dst, const char *svc, const char *code = "200",
             const char *security = "mutual_tls")
{
    return QStringLiteral("\"source_workload\":\"%1\",\"source_workload_namespace\":\"%2\","
                          "\"source_canonical_service\":\"%3\",\"destination_workload\":\"%4\","
                          "\"destination_workload_namespace\":\"bookinfo\",\"destination_canonical_"
                          "service\":\"%5\","
                          "\"destination_service_name\":\"%6\",\"response_code\":\"%7\","
                          "\"connection_security_policy\":\"%8\",\"request_protocol\":\"http\"")
        .arg(QLatin1String(src),
             QString::fromLatin1(src) == QLatin1String("unknown") ? QStringLiteral("unknown")
                                                                  : QStringLiteral("bookinfo"),
             QString::fromLatin1(src).section(QLatin1Char('-'), 0, 0), QLatin1String(dst),
             QString::fromLatin1(dst).section(QLatin1Char('-'), 0, 0), QLatin1String(svc),
             QLatin1String(code), QLatin1String(security));
}

ClusterSnapshot bookinfo()
{
    ClusterSnapshot c;
    const auto wl = [&c](const char *app, const char *version, bool sidecar = true) {
        ClusterSnapshot::Workload w;
        w.ns = QStringLiteral("bookinfo");
        w.name = QStringLiteral("%1-%2").arg(QLatin1String(app), QLatin1String(version));
        w.kind = QStringLiteral("Deployment");
        w.labels = {{QStringLiteral("app"), QLatin1String(app)},
                    {QStringLiteral("version"), QLatin1String(version)}};
        w.selector = w.labels;
        w.replicas = w.ready = w.pods = 1;
        w.sidecar = sidecar;
        c.workloads << w;
    };
    wl("productpage", "v1");
    wl("reviews", "v1");
    wl("reviews", "v2");
    wl("ratings", "v1", false);
    for (const char *s : {"productpage", "reviews", "ratings"})
        c.services << ClusterSnapshot::Service {QStringLiteral("bookinfo"),
                                                QLatin1String(s),
                                                {{QStringLiteral("app"), QLatin1String(s)}}};
    c.virtualServices << ClusterSnapshot::Routing {
        QStringLiteral("bookinfo"), QStringLiteral("reviews"), {QStringLiteral("reviews")}, false};
    c.destinationRules << ClusterSnapshot::Routing {
        QStringLiteral("bookinfo"),
        QStringLiteral("ratings"),
        {QStringLiteral("ratings.bookinfo.svc.cluster.local")},
        true};
    return c;
}

TelemetrySnapshot traffic()
{
    QueryResult rates = PrometheusClient::parseVector(
                            vector({
                                {edge("unknown", "productpage-v1", "productpage"), "10"},
                                {edge("productpage-v1", "reviews-v1", "reviews"), "5"},
                                {edge("productpage-v1", "reviews-v2", "reviews"), "4.5"},
                                {edge("productpage-v1", "reviews-v2", "reviews", "503"), "0.5"},
                                {edge("reviews-v2", "ratings-v1", "ratings", "200", "none"), "4"},
                                {edge("reviews-v2", "ratings-v1", "ratings", "404"), "1"},
                            }))
                            .value();
    QueryResult p99 = PrometheusClient::parseVector(
                          vector({{edge("productpage-v1", "reviews-v2", "reviews"), "12.5"},
                                  {edge("reviews-v2", "ratings-v1", "ratings"), "NaN"}}))
                          .value();
    return MeshVocabulary::interpret(MeshKind::Istio, {rates, {}, {}, p99, {}});
}

} // namespace

class tst_Topology : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A layout asked to stop (a newer graph arrived) stops within a phase or an iteration.
    void layoutsStopWhenCancelled()
    {
        Meshdeck::Topology::Graph g;
        for (int i = 0; i < 3000; ++i) {
            Meshdeck::Topology::Node n;
            n.id = QStringLiteral("wl:ns%1/w%2").arg(i % 7).arg(i);
            n.name = QStringLiteral("w%1").arg(i);
            n.ns = QStringLiteral("ns%1").arg(i % 7);
            g.nodes.append(n);
        }
        for (int i = 0; i < 3000; ++i)
            for (int k = 1; k <= 3; ++k) {
                Meshdeck::Topology::Edge e;
                e.source = g.nodes[i].id;
                e.target = g.nodes[(i * 7 + k * 13) % 3000].id;
                g.edges.append(e);
            }
        QElapsedTimer clock;
        clock.start();
        const auto full = Meshdeck::Topology::forceLayout(g, {}, 60);
        const qint64 uncancelled = clock.elapsed();
        QCOMPARE(full.size(), g.nodes.size());
        std::atomic_bool cancel {false};
        std::thread stopper([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            cancel = true;
        });
        clock.restart();
        (void)Meshdeck::Topology::forceLayout(g, {}, 60, &cancel);
        const qint64 cancelled = clock.elapsed();
        stopper.join();
        QVERIFY2(
            cancelled < std::max<qint64>(50, uncancelled / 3),
            qPrintable(QStringLiteral("%1 ms cancelled vs %2 ms").arg(cancelled).arg(uncancelled)));
        clock.restart();
        (void)Meshdeck::Topology::layeredLayout(g, {}, {}, &cancel); // already cancelled
        QVERIFY(clock.elapsed() < 50);
    }

    void prometheusAnswers_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("vector") << vector({{"\"a\":\"1\"", "2.5"}}) << true << "";
        QTest::newRow("error status") << QByteArray(
            R"({"status":"error","errorType":"bad_data","error":"parse error at char 5"})")
                                      << false << "parse error";
        QTest::newRow("not json") << QByteArray("<html>502 Bad Gateway</html>") << false
                                  << "Prometheus";
        QTest::newRow("not prometheus")
            << QByteArray(R"({"kind":"Status"})") << false << "Prometheus";
        QTest::newRow("matrix for instant")
            << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[]}})")
            << false << "instant";
    }
    void prometheusAnswers()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, ok);
        QFETCH(QString, mentions);
        const auto r = PrometheusClient::parseVector(json);
        QCOMPARE(r.ok(), ok);
        if (!ok)
            QVERIFY2(r.error().message().contains(mentions), qPrintable(r.error().message()));
    }

    void nonFiniteAndWarningsAndCap()
    {
        QByteArray json
            = vector({{"\"a\":\"1\"", "NaN"}, {"\"a\":\"2\"", "+Inf"}, {"\"a\":\"3\"", "1"}});
        json.chop(1);
        json += R"(,"warnings":["some series were dropped"]})";
        const auto r = PrometheusClient::parseVector(json).value();
        QCOMPARE(r.samples.size(), 1);
        QCOMPARE(r.droppedNonFinite, 2);
        QVERIFY(r.partial);
        QList<QPair<QString, QString>> many;
        for (int i = 0; i < PrometheusClient::MaxSamples + 10; ++i)
            many.append({QStringLiteral("\"i\":\"%1\"").arg(i), QStringLiteral("1")});
        const auto capped = PrometheusClient::parseVector(vector(many)).value();
        QCOMPARE(capped.samples.size(), PrometheusClient::MaxSamples);
        QVERIFY(capped.partial);
        QVERIFY(!capped.warnings.isEmpty());
    }

    void queriesDoNotGrowWithNamespaces()
    {
        // One query per measure, all namespaces at once: the count is fixed.
        QCOMPARE(MeshVocabulary::queries(MeshKind::Istio, 60).size(), 6);
        QCOMPARE(MeshVocabulary::queries(MeshKind::Linkerd, 60).size(), 5);
        const QStringList istio = MeshVocabulary::queries(MeshKind::Istio, 300);
        for (const QString &q : istio.mid(0, 5))
            QVERIFY(q.contains(QStringLiteral("reporter=\"destination\"")));
        for (const QString &q : istio) {
            QVERIFY(q.contains(QStringLiteral("[300s]")));
            QVERIFY(!q.contains(QStringLiteral("namespace=")));
        }
        // The sixth: the retries of the sources' proxies, from Envoy's cluster statistics.
        QVERIFY(istio.last().contains(QStringLiteral("envoy_cluster_upstream_rq_retry")));
        QVERIFY(MeshVocabulary::queries(MeshKind::Linkerd, 60)
                    .first()
                    .contains(QStringLiteral("response_total{direction=\"outbound\"}")));
    }

    void linkerdVocabulary()
    {
        const QueryResult rates
            = PrometheusClient::parseVector(
                  vector({
                      {"\"namespace\":\"emojivoto\",\"deployment\":\"web\",\"dst_namespace\":"
                       "\"emojivoto\",\"dst_deployment\":\"voting\",\"dst_service\":\"voting-svc\","
                       "\"classification\":\"failure\",\"tls\":\"true\",\"status_code\":\"500\"",
                       "2"},
                      {"\"namespace\":\"emojivoto\",\"deployment\":\"web\",\"dst_namespace\":"
                       "\"emojivoto\",\"dst_deployment\":\"voting\",\"dst_service\":\"voting-svc\","
                       "\"classification\":\"success\",\"tls\":\"true\",\"status_code\":\"200\"",
                       "8"},
                  }))
                  .value();
        const TelemetrySnapshot t = MeshVocabulary::interpret(MeshKind::Linkerd, {rates});
        QCOMPARE(t.traffic.size(), 2);
        QCOMPARE(t.traffic[0].key.srcWorkload, QStringLiteral("web"));
        QCOMPARE(t.traffic[0].key.dstService, QStringLiteral("voting-svc"));
        QVERIFY(t.traffic[0].mtls);
        ClusterSnapshot none;
        BuildOptions o;
        const Graph g = buildGraph(none, &t, o);
        const int voting = g.indexOf(QStringLiteral("wl:emojivoto/voting"));
        QVERIFY(voting >= 0);
        QCOMPARE(g.nodes[voting].health, Health::Failure); // 20 % 5xx
    }

    void workloadGraphWithHealthAndBadges()
    {
        const TelemetrySnapshot t = traffic();
        const Graph g = buildGraph(bookinfo(), &t, BuildOptions {});
        QVERIFY(g.hasTelemetry);
        const auto find = [&](const QString &from, const QString &to) -> const Edge * {
            for (const Edge &e : g.edges)
                if (e.source == from && e.target == to)
                    return &e;
            return nullptr;
        };
        const Edge *toReviews = find(QStringLiteral("wl:bookinfo/productpage-v1"),
                                     QStringLiteral("svc:bookinfo/reviews"));
        QVERIFY(toReviews);
        QCOMPARE(toReviews->rps, 10.0);
        QCOMPARE(toReviews->percent5xx, 5.0);
        QCOMPARE(toReviews->health, Health::Degraded); // 5xx above 0 %
        const Edge *toV2 = find(QStringLiteral("svc:bookinfo/reviews"),
                                QStringLiteral("wl:bookinfo/reviews-v2"));
        QVERIFY(toV2);
        QCOMPARE(toV2->percent5xx, 10.0);
        QCOMPARE(toV2->health, Health::Failure); // 10 % 5xx
        QCOMPARE(toV2->p99, 12.5);
        // How the Service's requests split across its versions ("Traffic distribution").
        double fromReviews = 0, shares = 0;
        for (const Edge &e : g.edges)
            if (e.source == QLatin1String("svc:bookinfo/reviews")) {
                fromReviews += e.rps;
                shares += e.sharePercent;
            }
        QVERIFY(fromReviews > toV2->rps);
        QVERIFY(qAbs(shares - 100) < 1e-9);
        QVERIFY(qAbs(toV2->sharePercent - toV2->rps / fromReviews * 100) < 1e-9);
        const Edge *ratings = find(QStringLiteral("wl:bookinfo/reviews-v2"),
                                   QStringLiteral("svc:bookinfo/ratings"));
        QVERIFY(ratings);
        QCOMPARE(ratings->percent4xx, 20.0);
        QCOMPARE(ratings->health, Health::Failure); // 4xx at 20 %
        QCOMPARE(ratings->mtlsPercent, 20.0);
        QCOMPARE(ratings->p99, -1.0); // NaN dropped, not drawn as zero
        QVERIFY(g.indexOf(QStringLiteral("unknown")) >= 0);
        QCOMPARE(g.nodes[g.indexOf(QStringLiteral("unknown"))].type, NodeType::Unknown);
        QVERIFY(g.nodes[g.indexOf(QStringLiteral("wl:bookinfo/ratings-v1"))].missingSidecar);
        QVERIFY(!g.nodes[g.indexOf(QStringLiteral("wl:bookinfo/reviews-v1"))].missingSidecar);
        QVERIFY(g.nodes[g.indexOf(QStringLiteral("svc:bookinfo/reviews"))].virtualService);
        QVERIFY(g.nodes[g.indexOf(QStringLiteral("svc:bookinfo/ratings"))].circuitBreaker);
        QVERIFY(!g.nodes[g.indexOf(QStringLiteral("svc:bookinfo/reviews"))].faultInjection);

        // Fault injection and timeouts from the VirtualService's rules, badged on its Service.
        const ClusterSnapshot routed = ClusterSnapshot::fromObjects(
            {}, {}, {},
            {QJsonObject {
                {"metadata", QJsonObject {{"name", "ratings"}, {"namespace", "bookinfo"}}},
                {"spec",
                 QJsonObject {
                     {"hosts", QJsonArray {"ratings"}},
                     {"http",
                      QJsonArray {QJsonObject {{"fault", QJsonObject {{"delay", QJsonObject {}}}},
                                               {"timeout", "2s"}}}}}}}},
            {});
        QCOMPARE(routed.virtualServices.size(), 1);
        QVERIFY(routed.virtualServices.first().faults);
        QVERIFY(routed.virtualServices.first().timeouts);
        ClusterSnapshot withFault = bookinfo();
        withFault.virtualServices << routed.virtualServices.first();
        const Graph faulty = buildGraph(withFault, &t, BuildOptions {});
        const Node &ratingsNode
            = faulty.nodes[faulty.indexOf(QStringLiteral("svc:bookinfo/ratings"))];
        QVERIFY(ratingsNode.faultInjection && ratingsNode.timeouts && ratingsNode.virtualService);
        // The edges carrying requests to ratings carry its routing too, those to its workload
        // as well (reached through the Service that selects it); no other edge does.
        int faultyEdges = 0;
        for (const Edge &e : faulty.edges) {
            const bool toRatings = e.target == QLatin1String("svc:bookinfo/ratings")
                || e.target == QLatin1String("wl:bookinfo/ratings-v1");
            QCOMPARE(e.faultInjection, toRatings);
            QCOMPARE(e.timeouts, toRatings);
            QCOMPARE(e.circuitBreaker, toRatings); // the ratings DestinationRule
            if (toRatings)
                QVERIFY(e.virtualService);
            faultyEdges += toRatings;
        }
        QVERIFY(faultyEdges >= 2);
        // A short host names a Service of the VirtualService's own namespace: one elsewhere
        // does not route bookinfo's ratings.
        ClusterSnapshot elsewhere = bookinfo();
        elsewhere.virtualServices << routed.virtualServices.first();
        elsewhere.virtualServices.last().ns = QStringLiteral("other");
        const Graph unaffected = buildGraph(elsewhere, &t, BuildOptions {});
        for (const Edge &e : unaffected.edges)
            QVERIFY2(!e.faultInjection, qPrintable(e.source + QLatin1String(" -> ") + e.target));
        QCOMPARE(g.namespaces, QStringList {QStringLiteral("bookinfo")});
    }

    // Envoy's retry statistics (per source pod labels and outbound cluster) land on the edges
    // from that source to the Service: the workload graph's edge through the Service node, or
    // shared by rate among the versioned apps the Service reaches.
    void retriesOnEdges()
    {
        QueryResult retries
            = PrometheusClient::parseVector(
                  vector({{"\"namespace\":\"bookinfo\",\"app\":\"productpage\",\"version\":\"v1\","
                           "\"cluster_name\":\"outbound|9080||reviews.bookinfo.svc.cluster.local\"",
                           "2"},
                          {"\"namespace\":\"bookinfo\",\"app\":\"reviews\",\"version\":\"v2\","
                           "\"cluster_name\":\"outbound|9080||ratings.bookinfo.svc.cluster.local\"",
                           "0"}}))
                  .value();
        TelemetrySnapshot t = traffic();
        const TelemetrySnapshot parsed
            = MeshVocabulary::interpret(MeshKind::Istio, {{}, {}, {}, {}, {}, retries});
        QCOMPARE(parsed.retries.size(), 1); // a zero rate is no retry
        QVERIFY(!parsed.retriesMissing);
        // No series at all: Istio's proxies do not export the counters (proxyStatsMatcher), and
        // the graph says so rather than showing no retries.
        const TelemetrySnapshot unexported
            = MeshVocabulary::interpret(MeshKind::Istio, {{}, {}, {}, {}, {}, QueryResult {}});
        QVERIFY(unexported.retriesMissing);
        QVERIFY(buildGraph(bookinfo(), &unexported, BuildOptions {}).retriesMissing);
        QVERIFY(!MeshVocabulary::interpret(MeshKind::Linkerd, {{}, {}, {}, {}, {}}).retriesMissing);
        t.retries = parsed.retries;
        QCOMPARE(t.retries.first().dstService, QStringLiteral("reviews"));
        QCOMPARE(t.retries.first().dstNamespace, QStringLiteral("bookinfo"));

        const Graph g = buildGraph(bookinfo(), &t, BuildOptions {});
        double onEdges = 0;
        for (const Edge &e : g.edges) {
            onEdges += e.retriesPerSecond;
            if (e.retriesPerSecond > 0) {
                QCOMPARE(e.source, QStringLiteral("wl:bookinfo/productpage-v1"));
                QCOMPARE(e.target, QStringLiteral("svc:bookinfo/reviews"));
            }
        }
        QCOMPARE(onEdges, 2.0);

        BuildOptions versioned;
        versioned.type = GraphType::VersionedApp;
        const Graph v = buildGraph(bookinfo(), &t, versioned);
        double shared = 0;
        int edges = 0;
        for (const Edge &e : v.edges)
            if (e.retriesPerSecond > 0) {
                shared += e.retriesPerSecond;
                ++edges;
            }
        QVERIFY(qAbs(shared - 2.0) < 1e-9);
        QVERIFY(edges >= 1);
    }

    void otherGraphTypes()
    {
        const TelemetrySnapshot t = traffic();
        BuildOptions app;
        app.type = GraphType::App;
        const Graph a = buildGraph(bookinfo(), &t, app);
        QVERIFY(a.indexOf(QStringLiteral("app:bookinfo/reviews")) >= 0);
        QCOMPARE(a.indexOf(QStringLiteral("wl:bookinfo/reviews-v1")), -1);
        BuildOptions versioned;
        versioned.type = GraphType::VersionedApp;
        const Graph v = buildGraph(bookinfo(), &t, versioned);
        QVERIFY(v.indexOf(QStringLiteral("va:bookinfo/reviews/v2")) >= 0);
        BuildOptions service;
        service.type = GraphType::Service;
        const Graph s = buildGraph(bookinfo(), &t, service);
        bool productToReviews = false;
        for (const Edge &e : s.edges)
            productToReviews = productToReviews
                || (e.source == QLatin1String("svc:bookinfo/productpage")
                    && e.target == QLatin1String("svc:bookinfo/reviews"));
        QVERIFY(productToReviews);
    }

    void withoutTelemetryTheApiGraph()
    {
        const Graph g = buildGraph(bookinfo(), nullptr, BuildOptions {});
        QVERIFY(!g.hasTelemetry);
        QCOMPARE(g.nodes.size(), 7); // 4 workloads + 3 services
        QCOMPARE(g.edges.size(), 4); // each service selects its workloads
        for (const Edge &e : g.edges) {
            QVERIFY(!e.fromTelemetry);
            QCOMPARE(e.health, Health::NoTraffic);
        }
    }

    void idleHiddenWithTelemetry()
    {
        ClusterSnapshot c = bookinfo();
        ClusterSnapshot::Workload idle;
        idle.ns = QStringLiteral("bookinfo");
        idle.name = QStringLiteral("unused-v1");
        idle.labels = {{QStringLiteral("app"), QStringLiteral("unused")}};
        c.workloads << idle;
        const TelemetrySnapshot t = traffic();
        BuildOptions o;
        QCOMPARE(buildGraph(c, &t, o).indexOf(QStringLiteral("wl:bookinfo/unused-v1")), -1);
        o.includeIdle = true;
        QVERIFY(buildGraph(c, &t, o).indexOf(QStringLiteral("wl:bookinfo/unused-v1")) >= 0);
    }

    // A Service whose selector matches no ready pod is marked, and stays in view even when idle
    // parts are hidden (its callers get 503s; it is the problem to see).
    void serviceWithoutPods()
    {
        ClusterSnapshot c = bookinfo();
        c.services << ClusterSnapshot::Service {
            QStringLiteral("bookinfo"),
            QStringLiteral("details"),
            {{QStringLiteral("app"), QStringLiteral("details")}}};
        ClusterSnapshot::Workload scaledDown;
        scaledDown.ns = QStringLiteral("bookinfo");
        scaledDown.name = QStringLiteral("details-v1");
        scaledDown.labels = {{QStringLiteral("app"), QStringLiteral("details")}};
        scaledDown.selector = scaledDown.labels;
        scaledDown.replicas = 0; // scaled to zero: no ready pod
        c.workloads << scaledDown;
        const TelemetrySnapshot t = traffic();
        BuildOptions o;
        o.serviceNodes = true;
        const Graph g = buildGraph(c, &t, o);
        const int details = g.indexOf(QStringLiteral("svc:bookinfo/details"));
        QVERIFY(details >= 0);
        QVERIFY(g.nodes[details].noPods);
        const int reviews = g.indexOf(QStringLiteral("svc:bookinfo/reviews"));
        QVERIFY(reviews >= 0);
        QVERIFY(!g.nodes[reviews].noPods);
        QVERIFY(graphToJson(g)
                    .value(QStringLiteral("nodes"))
                    .toArray()
                    .at(details)
                    .toObject()
                    .value(QStringLiteral("badges"))
                    .toObject()
                    .value(QStringLiteral("noPods"))
                    .toBool());
    }

    void layoutIsLayeredAndStable()
    {
        const TelemetrySnapshot t = traffic();
        Graph g = buildGraph(bookinfo(), &t, BuildOptions {});
        const auto first = layeredLayout(g);
        QCOMPARE(first.size(), g.nodes.size());
        // Left to right along the traffic.
        QVERIFY(first.value(QStringLiteral("unknown")).x()
                < first.value(QStringLiteral("wl:bookinfo/productpage-v1")).x());
        QVERIFY(first.value(QStringLiteral("wl:bookinfo/productpage-v1")).x()
                < first.value(QStringLiteral("svc:bookinfo/reviews")).x());
        QVERIFY(first.value(QStringLiteral("svc:bookinfo/reviews")).x()
                < first.value(QStringLiteral("wl:bookinfo/reviews-v2")).x());
        // No two nodes on one spot.
        QSet<QPair<qint64, qint64>> spots;
        for (const QPointF &p : first)
            spots.insert({std::llround(p.x()), std::llround(p.y())});
        QCOMPARE(spots.size(), first.size());
        // A refresh that adds one node keeps everyone else where they were.
        ClusterSnapshot more = bookinfo();
        ClusterSnapshot::Workload extra;
        extra.ns = QStringLiteral("bookinfo");
        extra.name = QStringLiteral("reviews-v3");
        extra.labels = {{QStringLiteral("app"), QStringLiteral("reviews")},
                        {QStringLiteral("version"), QStringLiteral("v3")}};
        extra.selector = extra.labels;
        more.workloads << extra;
        BuildOptions idle;
        idle.includeIdle = true;
        Graph g2 = buildGraph(more, &t, idle);
        const auto second = layeredLayout(g2, first);
        for (auto it = first.begin(); it != first.end(); ++it)
            QCOMPARE(second.value(it.key()), it.value());
        QVERIFY(second.contains(QStringLiteral("wl:bookinfo/reviews-v3")));
        // A cycle does not hang or lose nodes.
        Graph cyc;
        for (const char *id : {"a", "b", "c"}) {
            Node n;
            n.id = QLatin1String(id);
            cyc.nodes << n;
        }
        for (const auto &[from, to] :
             {std::pair {"a", "b"}, std::pair {"b", "c"}, std::pair {"c", "a"}}) {
            Edge e;
            e.source = QLatin1String(from);
            e.target = QLatin1String(to);
            cyc.edges << e;
        }
        QCOMPARE(layeredLayout(cyc).size(), 3);
    }

    void forceLayoutSpreadsAndStays()
    {
        Graph g;
        for (int i = 0; i < 300; ++i) {
            Node n;
            n.id = QString::number(i);
            g.nodes << n;
            if (i) {
                Edge e;
                e.source = QString::number((i - 1) / 3);
                e.target = n.id;
                g.edges << e;
            }
        }
        const auto first = forceLayout(g);
        QCOMPARE(first.size(), 300);
        double linked = 0, all = 0;
        for (const QPointF &p : first)
            QVERIFY(std::isfinite(p.x()) && std::isfinite(p.y()));
        for (const Edge &e : g.edges)
            linked += QLineF(first.value(e.source), first.value(e.target)).length();
        for (int i = 0; i < 300; i += 7)
            all += QLineF(first.value(QString::number(i)),
                          first.value(QString::number((i * 37) % 300)))
                       .length();
        QVERIFY2(linked / g.edges.size() < all / 43,
                 "linked nodes end up closer than random pairs");
        // No two nodes on top of each other.
        int crowded = 0;
        for (int i = 0; i < 300; ++i)
            for (int j = i + 1; j < 300; ++j)
                crowded += QLineF(first.value(QString::number(i)), first.value(QString::number(j)))
                               .length()
                        < 5
                    ? 1
                    : 0;
        QCOMPARE(crowded, 0);
        // A warm refresh moves things little.
        const auto second = forceLayout(g, first, 30);
        double moved = 0;
        for (auto it = first.begin(); it != first.end(); ++it)
            moved += QLineF(it.value(), second.value(it.key())).length();
        QVERIFY2(moved / 300 < 60, qPrintable(QString::number(moved / 300)));
    }

    void findAndHide_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QStringList>("nodes");
        QTest::newRow("name") << "name contains review"
                              << QStringList {"reviews", "reviews-v1", "reviews-v2"};
        QTest::newRow("number and")
            << "rps >= 5 and %err > 0"
            << QStringList {"reviews", "reviews-v2", "ratings", "ratings-v1"};
        QTest::newRow("not sidecar") << "not sidecar" << QStringList {"ratings-v1"};
        QTest::newRow("node type")
            << "node = service and not name = productpage" << QStringList {"reviews", "ratings"};
        QTest::newRow("or and parens") << "(name = ratings or name = reviews) and healthy = false"
                                       << QStringList {"reviews", "ratings"};
        QTest::newRow("namespace") << "ns != bookinfo" << QStringList {"unknown"};
    }
    void findAndHide()
    {
        QFETCH(QString, expression);
        QFETCH(QStringList, nodes);
        const TelemetrySnapshot t = traffic();
        const Graph g = buildGraph(bookinfo(), &t, BuildOptions {});
        const auto filter = GraphFilter::parse(expression);
        QVERIFY2(filter.ok(), qPrintable(filter.ok() ? QString() : filter.error().message()));
        QStringList matched;
        for (const Node &n : g.nodes)
            if (filter->matches(n))
                matched << n.name;
        matched.sort();
        nodes.sort();
        QCOMPARE(matched, nodes);
    }

    void edgeExpressions()
    {
        const TelemetrySnapshot t = traffic();
        const Graph g = buildGraph(bookinfo(), &t, BuildOptions {});
        const auto slow = GraphFilter::parse(QStringLiteral("rt > 10")).value();
        int matched = 0;
        for (const Edge &e : g.edges)
            matched += slow.matches(e) ? 1 : 0;
        QCOMPARE(matched, 2); // productpage -> reviews and reviews -> reviews-v2 carry p99 12.5
    }

    void badExpressions_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown field") << "colour = red"
                                       << "Unknown field";
        QTest::newRow("no value") << "rps >"
                                  << "needs a value";
        QTest::newRow("not a number") << "rps > lots"
                                      << "not one";
        QTest::newRow("no operator") << "name reviews"
                                     << "operator";
        QTest::newRow("unclosed") << "(name = a"
                                  << "never closed";
        QTest::newRow("dangling") << "name = a b"
                                  << "Unexpected";
    }
    void badExpressions()
    {
        QFETCH(QString, expression);
        QFETCH(QString, mentions);
        const auto f = GraphFilter::parse(expression);
        QVERIFY(!f.ok());
        QVERIFY2(f.error().message().contains(mentions), qPrintable(f.error().message()));
        QVERIFY(GraphFilter::parse(QString()).ok()); // empty: matches nothing
        QVERIFY(GraphFilter::parse(QString()).value().isEmpty());
    }

    void exports()
    {
        const TelemetrySnapshot t = traffic();
        Graph g = buildGraph(bookinfo(), &t, BuildOptions {});
        applyLayout(g, layeredLayout(g));
        const QJsonObject json = graphToJson(g);
        QCOMPARE(json.value(QStringLiteral("nodes")).toArray().size(), g.nodes.size());
        QCOMPARE(json.value(QStringLiteral("edges")).toArray().size(), g.edges.size());
        const QByteArray dot = graphToDot(g);
        QVERIFY(dot.startsWith("digraph mesh {"));
        QVERIFY(dot.contains("subgraph cluster_0"));
        QVERIFY(dot.contains("\"svc:bookinfo/reviews\" -> \"wl:bookinfo/reviews-v2\""));
        QVERIFY(dot.contains("#c9190b")); // the failing edge is red
    }
};

QTEST_GUILESS_MAIN(tst_Topology)
#include "tst_topology.moc"
