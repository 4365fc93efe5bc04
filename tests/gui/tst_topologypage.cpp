// The Topology page on the demo cluster with its real Prometheus: live edges with rates and
// health, selection details, find and hide, graph types, export; and without Prometheus, the
// API-derived graph with a banner saying why there is no traffic.
#include "support/livesession.h"

#include <demo/democluster.h>
#include <demo/demoprometheus.h>
#include <kube/kubeconfig.h>
#include <models/configchecksmodel.h>
#include <models/filewriter.h>
#include <models/topologycontroller.h>
#include <views/sparkline.h>
#include <views/topologypage.h>
#include <views/topologyview.h>

#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Meshdeck;
using namespace Meshdeck::Topology;

namespace {

Kube::ResolvedContext contextOf(const Demo::DemoCluster &cluster, const QTemporaryDir &dir)
{
    const QString file = dir.filePath(QStringLiteral("kc"));
    (void)cluster.writeKubeconfig(file);
    return Kube::Kubeconfig::load(file)->resolve(QStringLiteral("meshdeck-demo")).value();
}

bool hasTraffic(const Graph &g)
{
    for (const Edge &e : g.edges)
        if (e.rps > 0)
            return true;
    return false;
}

} // namespace

class tst_TopologyPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A relayout that moves nodes animates them from where they were to where they go.
    void relayoutGlides()
    {
        using namespace Meshdeck::Topology;
        Graph g;
        for (int i = 0; i < 3; ++i) {
            Node n;
            n.id = QStringLiteral("wl:ns/w%1").arg(i);
            n.name = QStringLiteral("w%1").arg(i);
            n.ns = QStringLiteral("ns");
            n.position = QPointF(i * 200, 0);
            g.nodes << n;
        }
        Edge e;
        e.source = g.nodes[0].id;
        e.target = g.nodes[1].id;
        g.edges << e;
        g.geometryKey = 1;
        TopologyView view;
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setGraph(g, false);
        Graph moved = g;
        moved.nodes[1].position = QPointF(200, 300);
        moved.geometryKey = 2;
        view.setGraph(moved, true);
        // At first the node is still where it was, then on its way, then there.
        QCOMPARE(view.painter().graph().nodes[1].position, QPointF(200, 0));
        QTRY_VERIFY2(view.painter().graph().nodes[1].position.y() > 0
                         && view.painter().graph().nodes[1].position.y() < 300,
                     qPrintable(QString::number(view.painter().graph().nodes[1].position.y())));
        QTRY_COMPARE(view.painter().graph().nodes[1].position, QPointF(200, 300));
        QCOMPARE(view.painter().graph().geometryKey, quint64(2));
    }

    // A namespace's box holds the labels of its nodes, not only their shapes, and a graph that
    // fits shows no scroll bars.
    void boxesHoldLabels()
    {
        using namespace Meshdeck::Topology;
        Graph g;
        Node n;
        n.id = QStringLiteral("wl:istio-system/istio-ingressgateway");
        n.name = QStringLiteral("istio-ingressgateway");
        n.ns = QStringLiteral("istio-system");
        g.nodes << n;
        n.id = QStringLiteral("wl:ns/a");
        n.name = QStringLiteral("a");
        n.ns = QStringLiteral("ns");
        n.position = QPointF(300, 0);
        g.nodes << n;
        TopologyView view;
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setGraph(g, false);
        const QRectF box = view.painter().namespaceBoxes().value(QStringLiteral("istio-system"));
        const double label
            = QFontMetricsF(view.font()).horizontalAdvance(QStringLiteral("istio-ingressgateway"));
        QVERIFY2(box.width() >= label + 8,
                 qPrintable(QStringLiteral("box %1 wide, label %2").arg(box.width()).arg(label)));
        QVERIFY(box.contains(QRectF(-label / 2, 0, label, 1)));
        // The short name keeps the box's usual margin.
        QCOMPARE(view.painter().namespaceBoxes().value(QStringLiteral("ns")).width(),
                 GraphPainter::NodeSize + 60);
        QVERIFY(!view.horizontalScrollBar()->isVisible());
        QVERIFY(!view.verticalScrollBar()->isVisible());
        // A larger font (the desktop's setting changed): the box grows to hold the label again.
        QFont larger = view.font();
        larger.setPointSizeF(larger.pointSizeF() * 2);
        view.setFont(larger);
        const double wider
            = QFontMetricsF(larger).horizontalAdvance(QStringLiteral("istio-ingressgateway"));
        const QRectF grown = view.painter().namespaceBoxes().value(QStringLiteral("istio-system"));
        QVERIFY2(grown.contains(QRectF(-wider / 2, 0, wider, 1)),
                 qPrintable(QStringLiteral("box %1 wide, label %2").arg(grown.width()).arg(wider)));
        QVERIFY(view.painter().bounds().contains(grown));
    }

    void liveGraphFromRealPrometheus()
    {
        if (Demo::DemoPrometheus::binary().isEmpty())
            QSKIP("Prometheus is not installed (packaging/dev.sh installs it)");
        Demo::DemoCluster::Options options;
        options.prometheus = true;
        Demo::DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        QVERIFY(cluster.waitForPrometheus(20000));
        QTemporaryDir dir;
        TopologyController controller;
        controller.setInterval(1000);
        TopologyPage page(&controller);
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        LiveSession live(contextOf(cluster, dir));
        QVERIFY(live.waitForSync());
        controller.setSession(live.session());
        QTRY_VERIFY_WITH_TIMEOUT(hasTraffic(page.graph()), 30000);
        const Graph &g = page.graph();
        QVERIFY(g.hasTelemetry);

        // A refresh reads the objects from the session's cache: the only API requests it makes
        // are its PromQL queries through the service proxy (no LIST, no discovery GET).
        {
            QSignalSpy ready(&controller, &TopologyController::graphReady);
            const int before = live.session()->client()->requestCount();
            controller.refresh();
            QVERIFY(ready.wait(10000));
            const int requests = live.session()->client()->requestCount() - before;
            const int promql = ready.last().at(2).toInt();
            // The same refresh without the cache, as every refresh was before sessions.
            const int listedBefore = live.session()->client()->requestCount();
            QVERIFY(Topology::refreshTopology(live.session()->client(), controller.request()).ok());
            const int listed = live.session()->client()->requestCount() - listedBefore;
            qInfo("API requests for one topology refresh: %d from the session's cache (PromQL %d, "
                  "other %d); %d when it LISTs",
                  requests, promql, requests - promql, listed);
            QCOMPARE(requests - promql, 0);
            QVERIFY(listed > requests);
        }
        const int gateway = g.indexOf(QStringLiteral("wl:istio-system/istio-ingressgateway"));
        QVERIFY(gateway >= 0);
        QCOMPARE(g.nodes[gateway].type, NodeType::IngressGateway);
        bool mtls = false, latency = false;
        for (const Edge &e : g.edges) {
            mtls = mtls || e.mtlsPercent > 99;
            latency = latency || e.p99 > 0;
        }
        QVERIFY(mtls);
        QVERIFY(latency);
        QVERIFY2(page.banner()->isHidden(), qPrintable(page.banner()->text()));
        // The first graph fills the view (fitted, not a speck, nothing cut off).
        QTRY_VERIFY(!page.view()->isMoving());
        const QRectF visible = page.view()->visibleSceneRect();
        const QRectF bounds = page.view()->painter().bounds();
        QVERIFY2(visible.contains(bounds),
                 qPrintable(QStringLiteral("visible %1,%2 %3x%4; graph %5,%6 %7x%8")
                                .arg(visible.x())
                                .arg(visible.y())
                                .arg(visible.width())
                                .arg(visible.height())
                                .arg(bounds.x())
                                .arg(bounds.y())
                                .arg(bounds.width())
                                .arg(bounds.height())));
        QVERIFY2(bounds.width() > visible.width() * 0.5 || bounds.height() > visible.height() * 0.5
                     || page.view()->zoom() >= 1.0,
                 "the graph fills the view");

        // Select a node: its details; find highlights; hide removes.
        const int reviews = g.indexOf(QStringLiteral("wl:bookinfo/reviews-v2"));
        QVERIFY(reviews >= 0);
        page.view()->selectNode(reviews);
        QVERIFY(page.details()->text().contains(QStringLiteral("reviews-v2")));
        QVERIFY(page.details()->text().contains(QStringLiteral("req/s")));
        // An edge with traffic: the demo's sidecars export Envoy's retry counters, so nothing
        // says they are missing (a real Istio without proxyStatsMatcher gets that note).
        QVERIFY(!g.retriesMissing);
        for (int i = 0; i < g.edges.size(); ++i) {
            if (g.edges[i].fromTelemetry && g.edges[i].rps > 0) {
                page.view()->selectEdge(i);
                QVERIFY(page.details()->text().contains(QStringLiteral("mTLS")));
                QVERIFY(!page.details()->text().contains(QStringLiteral("not reported")));
                break;
            }
        }
        page.view()->selectNode(reviews);
        // Its history over the window, from a range query.
        QTRY_VERIFY_WITH_TIMEOUT(page.rateSparkline()->points().size() >= 2, 10000);
        QVERIFY(page.rateSparkline()->isVisible());
        // Its scale: the series' least and greatest values.
        QVERIFY2(page.rateSparkline()->scaleText().startsWith(QStringLiteral("min "))
                     && page.rateSparkline()->scaleText().contains(QStringLiteral(" · max ")),
                 qPrintable(page.rateSparkline()->scaleText()));
        page.findEdit()->setText(QStringLiteral("name contains reviews and rps > 0"));
        QTRY_VERIFY(page.view()->painter().graph().nodes.size() > 0);
        const auto saysMatches = [&page] {
            const QList<QLabel *> labels = page.findChildren<QLabel *>();
            return std::any_of(labels.begin(), labels.end(),
                               [](QLabel *l) { return l->text().contains("match"); });
        };
        QTRY_VERIFY2(saysMatches(), "Find says how many it matched");
        // Escape leaves the field for the graph.
        page.findEdit()->setFocus();
        QTRY_VERIFY(page.findEdit()->hasFocus());
        QTest::keyClick(page.findEdit(), Qt::Key_Escape);
        QTRY_VERIFY(page.view()->hasFocus());
        page.hideEdit()->setText(QStringLiteral("rps >"));
        QTRY_VERIFY(!page.hideEdit()->toolTip().isEmpty()); // the parse error, explained
        QVERIFY(page.view()->painter().namespaceBoxes().contains(QStringLiteral("istio-system")));
        page.hideEdit()->setText(QStringLiteral("namespace = istio-system"));
        QTRY_VERIFY(page.hideEdit()->toolTip().isEmpty());
        // A namespace whose nodes are all hidden leaves no empty box, and the status line
        // counts what is shown.
        QVERIFY(!page.view()->painter().namespaceBoxes().contains(QStringLiteral("istio-system")));
        QVERIFY(page.view()->painter().namespaceBoxes().contains(QStringLiteral("bookinfo")));
        auto *status = page.findChild<QLabel *>(QStringLiteral("topologyStatus"));
        QVERIFY2(status->text().contains(QStringLiteral(" nodes, "))
                     && status->text().contains(QStringLiteral("shown")),
                 qPrintable(status->text()));

        // Positions hold still across refreshes.
        const QPointF before
            = page.graph()
                  .nodes[page.graph().indexOf(QStringLiteral("wl:bookinfo/details-v1"))]
                  .position;
        QSignalSpy shown(&page, &TopologyPage::graphShown);
        QVERIFY(shown.wait(5000));
        QCOMPARE(page.graph()
                     .nodes[page.graph().indexOf(QStringLiteral("wl:bookinfo/details-v1"))]
                     .position,
                 before);

        // Traffic animation runs while on, and stops.
        page.view()->setTrafficAnimation(true);
        QVERIFY(page.view()->trafficAnimation());
        const QImage a = page.view()->grab().toImage();
        QTRY_VERIFY2(page.view()->grab().toImage() != a, "the dots moved");
        page.view()->setTrafficAnimation(false);
        QVERIFY(!page.view()->trafficAnimation());

        QTemporaryDir out;
        QSignalSpy written(page.fileWriter(), &FileWriter::written);
        for (const char *name : {"g.png", "g.svg"}) {
            const QString path = out.filePath(QLatin1String(name));
            page.exportGraph(path);
            QVERIFY(written.wait(10000));
            QVERIFY2(written.last().at(1).toString().isEmpty(),
                     qPrintable(written.last().at(1).toString()));
            QVERIFY(QFileInfo(path).size() > 1000);
            auto *status = page.findChild<QLabel *>(QStringLiteral("topologyStatus"));
            QVERIFY(status);
            QVERIFY2(status->text().contains(QStringLiteral("Open Folder")),
                     qPrintable(status->text()));
        }
        QVERIFY(!QImage(out.filePath(QStringLiteral("g.png"))).isNull());
        // A folder that is not there: the reason, on the status line.
        page.exportGraph(out.filePath(QStringLiteral("absent/g.png")));
        QVERIFY(written.wait(10000));
        QVERIFY(written.last().at(1).toString().contains(QStringLiteral("Cannot write")));

        // A routing mistake badges the nodes it concerns, and says what it is when selected.
        ConfigChecksModel checks;
        page.setChecksModel(&checks);
        checks.setSession(live.session());
        QVERIFY(live.session()
                    ->client()
                    ->apply(QStringLiteral("/apis/networking.istio.io/v1/namespaces/bookinfo/"
                                           "virtualservices/ratings"),
                            R"({"apiVersion": "networking.istio.io/v1", "kind": "VirtualService",
                                "metadata": {"name": "ratings", "namespace": "bookinfo"},
                                "spec": {"hosts": ["ratings"], "http": [{"route": [
                                  {"destination": {"host": "ratings", "subset": "v9"}}]}]}})")
                    .ok());
        const auto ratingsNode = [&page] {
            return page.graph().indexOf(QStringLiteral("wl:bookinfo/ratings-v1"));
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            ratingsNode() >= 0 && !page.graph().nodes[ratingsNode()].configErrors.isEmpty(), 20000);
        QVERIFY(page.graph().nodes[ratingsNode()].configErrors.first().startsWith(
            QStringLiteral("MD0102 VirtualService bookinfo/ratings")));
        QVERIFY(page.view()->painter().graph().nodes[ratingsNode()].configErrors.size() == 1);
        page.view()->selectNode(ratingsNode());
        QTRY_VERIFY(page.details()->text().contains(QStringLiteral("configuration error: MD0102")));
        QCOMPARE(page.graph()
                     .nodes[page.graph().indexOf(QStringLiteral("wl:bookinfo/reviews-v2"))]
                     .configErrors.size(),
                 0);
        QTest::qWait(200); // the side panel's layout follows the longer details
        QVERIFY2(page.details()->height()
                     >= page.details()->heightForWidth(page.details()->width()),
                 "the details are not cut off");
        if (const QString shots = qEnvironmentVariable("MESHDECK_TEST_SHOTS"); !shots.isEmpty())
            page.grab().save(shots + QStringLiteral("/topology.png"));
    }

    void withoutPrometheusTheApiGraphAndABanner()
    {
        Demo::DemoCluster cluster; // no Prometheus behind istio-system/prometheus
        QVERIFY(cluster.start().ok());
        QVERIFY(cluster.waitUntilSettled(10000));
        QTemporaryDir dir;
        TopologyController controller;
        TopologyPage page(&controller);
        page.show();
        QSignalSpy shown(&page, &TopologyPage::graphShown);
        controller.setSession(std::make_shared<Kube::ClusterSession>(contextOf(cluster, dir)));
        QVERIFY(shown.wait(15000));
        const Graph &g = page.graph();
        QVERIFY(g.indexOf(QStringLiteral("svc:bookinfo/reviews")) >= 0);
        QVERIFY(g.indexOf(QStringLiteral("wl:bookinfo/reviews-v3")) >= 0);
        QVERIFY(!hasTraffic(g));
        QVERIFY(page.banner()->isVisible());
        QVERIFY2(page.banner()->text().contains(QStringLiteral("No live traffic")),
                 qPrintable(page.banner()->text()));
    }
};

QTEST_MAIN(tst_TopologyPage)
#include "support/livesession.h"
#include "tst_topologypage.moc"
