// Figures of the topology (issue "Live service topology"), on synthetic meshes of 1,000, 5,000
// and 20,000 workloads with 5 edges each:
//  - graph builder, layered layout, painter preparation ("scene build") and memory;
//  - full-view and zoomed-in (1:1) repaints at 1920x1080 through the view widget's own paint
//    path (repaint()): the first paint after a change, drawn from the graph, and a repaint from
//    the view's cache; the GUI-thread time to apply a refresh where 1 % of nodes changed;
//  - at 5,000 nodes, the same full-view repaint with the usual QGraphicsScene approach (one item
//    per node and per edge, default BSP index) as the peer, measured in the same run;
//  - PromQL requests per refresh for 1, 10 and 100 namespaces (they must not grow).
#include "benchsupport.h"
#include "support/rawhttpserver.h"

#include <telemetry/meshvocabulary.h>
#include <topology/graphbuilder.h>
#include <topology/layout.h>
#include <views/topologyview.h>

#include <QElapsedTimer>
#include <QGraphicsEllipseItem>
#include <QGraphicsLineItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QTest>

#include <csignal>
#include <random>

using namespace Meshdeck;
using namespace Meshdeck::Topology;
using namespace Meshdeck::Telemetry;

namespace {

struct Synthetic
{
    ClusterSnapshot cluster;
    TelemetrySnapshot telemetry;
};

// Workloads in namespaces of 50, each calling 5 others "downstream" (a layered mesh).
Synthetic synthetic(int n, unsigned seed = 7)
{
    Synthetic s;
    std::mt19937 rng(seed);
    for (int i = 0; i < n; ++i) {
        ClusterSnapshot::Workload w;
        w.ns = QStringLiteral("ns-%1").arg(i / 50);
        w.name = QStringLiteral("svc-%1-v1").arg(i);
        w.labels = {{QStringLiteral("app"), QStringLiteral("svc-%1").arg(i)},
                    {QStringLiteral("version"), QStringLiteral("v1")}};
        w.selector = w.labels;
        w.sidecar = true;
        s.cluster.workloads << w;
    }
    for (int i = 0; i < n; ++i) {
        for (int k = 0; k < 5; ++k) {
            const int j = std::min(n - 1, i + 1 + static_cast<int>(rng() % 200));
            if (j == i)
                continue;
            TrafficSample t;
            t.key = {s.cluster.workloads[i].name,
                     s.cluster.workloads[i].ns,
                     QStringLiteral("svc-%1").arg(i),
                     QStringLiteral("v1"),
                     s.cluster.workloads[j].name,
                     s.cluster.workloads[j].ns,
                     QStringLiteral("svc-%1").arg(j),
                     QStringLiteral("v1"),
                     QString()};
            t.rps = 1 + static_cast<double>(rng() % 100) / 10;
            t.responseCode = rng() % 50 ? 200 : 503;
            t.mtls = true;
            s.telemetry.traffic << t;
        }
    }
    return s;
}

double ms(const QElapsedTimer &t)
{
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

} // namespace

class bench_Topology : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void graphs_data()
    {
        QTest::addColumn<int>("nodes");
        QTest::newRow("1,000") << 1000;
        QTest::newRow("5,000") << 5000;
        QTest::newRow("20,000") << 20000;
    }
    void graphs()
    {
        QFETCH(int, nodes);
        const Synthetic s = synthetic(nodes);
        const qint64 rssBefore = Bench::rssKiB();
        BuildOptions options;
        options.serviceNodes = false;
        QElapsedTimer t;
        t.start();
        Graph g = buildGraph(s.cluster, &s.telemetry, options);
        const double build = ms(t);
        t.restart();
        const auto positions = layeredLayout(g);
        const double layout = ms(t);
        t.restart();
        const auto forced = forceLayout(g);
        const double force = ms(t);
        QCOMPARE(forced.size(), g.nodes.size());
        applyLayout(g, positions);

        TopologyView view;
        view.resize(1920, 1080);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        t.restart();
        view.setGraph(g, false);
        const double scene = ms(t);
        const qint64 rss = Bench::rssKiB() - rssBefore;

        // Cold: the first paint after a change (a refresh, a zoom step), drawn from the graph.
        // Cached: any repaint after that (animation frames, the minimap, hover), a blit.
        const auto cold = [&] {
            view.setEdgeLabel(GraphPainter::EdgeLabel::Rate);
        };
        std::vector<double> full, fullCached, zoomed, zoomedCached;
        view.fit();
        for (int i = 0; i < 5; ++i) {
            cold();
            t.restart();
            view.viewport()->repaint();
            full.push_back(ms(t));
            t.restart();
            view.viewport()->repaint();
            fullCached.push_back(ms(t));
        }
        if (const QString shots = qEnvironmentVariable("MESHDECK_TEST_SHOTS"); !shots.isEmpty())
            view.grab().save(shots + QStringLiteral("/topology-%1-full.png").arg(nodes));
        view.resetTransform();
        view.centerOn(g.nodes[g.nodes.size() / 2].position);
        for (int i = 0; i < 5; ++i) {
            cold();
            t.restart();
            view.viewport()->repaint();
            zoomed.push_back(ms(t));
            t.restart();
            view.viewport()->repaint();
            zoomedCached.push_back(ms(t));
        }
        if (const QString shots = qEnvironmentVariable("MESHDECK_TEST_SHOTS"); !shots.isEmpty())
            view.grab().save(shots + QStringLiteral("/topology-%1-zoomed.png").arg(nodes));
        // A refresh where 1 % of nodes changed (their rates), applied on the GUI thread.
        Graph next = g;
        for (int i = 0; i < next.nodes.size(); i += 100)
            next.nodes[i].inRps += 1;
        t.restart();
        view.setGraph(next, true);
        const double apply = ms(t);
        t.restart();
        view.viewport()->repaint();
        const double applyPaint = ms(t);
        qInfo("%d nodes: force-directed layout (Barnes-Hut, 120 iterations) %.0f ms (target at "
              "5,000: < 2 s)",
              nodes, force);
        qInfo("%d nodes / %lld edges: build %.1f ms, layered layout %.1f ms, scene %.1f ms; "
              "memory %lld KiB more, process %lld KiB",
              nodes, static_cast<long long>(g.edges.size()), build, layout, scene, rss,
              static_cast<long long>(Bench::rssKiB()));
        qInfo("%d nodes: full view 1920x1080 %.1f ms after a change, %.1f ms repaint; zoomed 1:1 "
              "%.1f ms after a change, %.1f ms repaint; 1 %% refresh %.2f ms + its repaint %.1f ms",
              nodes, Bench::median(full), Bench::median(fullCached), Bench::median(zoomed),
              Bench::median(zoomedCached), apply, applyPaint);

        if (nodes == 5000) {
            // The peer: one QGraphicsItem per node and per edge, default index.
            QGraphicsScene peerScene;
            QElapsedTimer peerBuild;
            peerBuild.start();
            QHash<QString, QPointF> at;
            for (const Node &n : std::as_const(g.nodes)) {
                peerScene.addEllipse(n.position.x() - 18, n.position.y() - 18, 36, 36);
                at.insert(n.id, n.position);
            }
            for (const Edge &e : std::as_const(g.edges))
                peerScene.addLine(QLineF(at.value(e.source), at.value(e.target)));
            const double peerScene_ms = ms(peerBuild);
            QGraphicsView peer(&peerScene);
            peer.setRenderHint(QPainter::Antialiasing);
            peer.resize(1920, 1080);
            peer.show();
            QVERIFY(QTest::qWaitForWindowExposed(&peer));
            peer.fitInView(peerScene.itemsBoundingRect(), Qt::KeepAspectRatio);
            std::vector<double> peerFull;
            for (int i = 0; i < 3; ++i) {
                t.restart();
                peer.viewport()->repaint();
                peerFull.push_back(ms(t));
            }
            qInfo("5,000 nodes: full view after a change %.1f ms against %.1f ms for one "
                  "QGraphicsItem per node and edge (scene build %.0f ms) -> ratio %.2f (target < "
                  "30 ms)",
                  Bench::median(full), Bench::median(peerFull), peerScene_ms,
                  Bench::median(full) / Bench::median(peerFull));
        }
    }

    void promqlRequestsDoNotGrow()
    {
        std::signal(SIGPIPE, SIG_IGN);
        TestSupport::RawHttpServer prometheus;
        QVERIFY(prometheus.start([](int, int, const std::string &) {
            return TestSupport::RawReply {TestSupport::RawHttpServer::ok(
                R"({"status":"success","data":{"resultType":"vector","result":[]}})")};
        }));
        PrometheusEndpoint e;
        e.url = QString::fromStdString(prometheus.url()).chopped(1);
        QStringList counts;
        for (const int namespaces : {1, 10, 100}) {
            const Synthetic s = synthetic(namespaces * 50);
            const PrometheusClient client(e);
            const auto t = MeshVocabulary::fetch(client, MeshKind::Istio, 60);
            QVERIFY(t.ok());
            counts
                << QStringLiteral("%1 namespaces: %2").arg(namespaces).arg(client.requestCount());
            Q_UNUSED(s)
        }
        qInfo("PromQL requests per refresh: %s", qPrintable(counts.join(QStringLiteral(", "))));
    }
};

QTEST_MAIN(bench_Topology)
#include "bench_topology.moc"
