// The Performance and Results pages as a user drives them: run a profile against a real server
// (the GUI thread never stalls), see the run saved, find it, compare runs, export the charts.
#include "support/databaselock.h"
#include "support/rawhttpserver.h"
#include "support/sampleruns.h"
#include "support/stallprobe.h"

#include "support/livesession.h"

#include <demo/bookinfotraffic.h>
#include <demo/democluster.h>
#include <kube/kubeconfig.h>
#include <models/comparisondata.h>
#include <models/resultscontroller.h>
#include <models/runcontroller.h>
#include <models/runstablemodel.h>
#include <store/resultstore.h>
#include <views/comparisonview.h>
#include <views/emptystatepage.h>
#include <views/performancepage.h>
#include <views/resultspage.h>

#include <QAbstractItemModelTester>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>

#include <csignal>

using namespace Meshdeck;
using namespace Meshdeck::Perf;
using namespace std::chrono_literals;

// A results database at `path` with one run in it.
bool storeOneRun(const QString &path)
{
    auto store = ResultStore::open(path);
    return store.ok()
        && (*store)->saveRun(TestSupport::sampleRun(QStringLiteral("kept"), 4, 1000, 1)).ok();
}

class tst_PerformanceResults : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { std::signal(SIGPIPE, SIG_IGN); }

    void runFromThePerformancePage()
    {
        TestSupport::RawHttpServer server;
        QVERIFY(server.start([](int, int, const std::string &) {
            return TestSupport::RawReply {TestSupport::RawHttpServer::ok()};
        }));
        const QString db = m_dir.filePath(QStringLiteral("gui.sqlite"));
        auto store = ResultStore::open(db).value();
        RunController runs;
        runs.setStorePath(db);
        ResultsController results;
        results.setStore(store.get(), db, QString());
        PerformancePage page(&runs);
        page.setResultsController(&results);
        page.resize(1280, 760);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));

        LoadProfile p;
        p.name = QStringLiteral("gui run");
        p.spec.url = server.url("/x");
        p.spec.mode = LoadSpec::Mode::ConstantRate;
        p.spec.rate = 400;
        p.spec.connections = 4;
        p.spec.duration = 3s;
        p.spec.warmup = 0s;
        p.labels.insert(QStringLiteral("mesh"), QStringLiteral("none"));
        page.loadProfile(p);
        const LoadProfile back = page.profileFromForm();
        QCOMPARE(QString::fromStdString(back.spec.url), QString::fromStdString(p.spec.url));
        QCOMPARE(back.labels, p.labels);
        QCOMPARE(back.spec.duration, p.spec.duration);

        QSignalSpy finished(&runs, &RunController::finished);
        StallProbe probe;
        probe.start();
        page.startRun();
        QVERIFY(runs.isRunning());
        // The live chart moves before the first second is complete: the second under way is
        // drawn as it stands (a point between whole seconds).
        auto *rate = qobject_cast<QLineSeries *>(page.rateChart()->chart()->series().first());
        bool partial = false;
        QTRY_VERIFY_WITH_TIMEOUT(partial = partial
                                     || (rate->count() > 0
                                         && std::abs(rate->at(rate->count() - 1).x()
                                                     - std::round(rate->at(rate->count() - 1).x()))
                                             > 0.02),
                                 3000);
        QVERIFY(finished.wait(10000));
        const qint64 worstStall = probe.stop();
        qInfo("worst GUI stall during a 3 s run: %lld ms", worstStall);
        QVERIFY2(worstStall < 100, qPrintable(QString::number(worstStall)));
        QVERIFY2(finished.first().at(1).toString().isEmpty(),
                 qPrintable(finished.first().at(1).toString()));
        const RunResult result = finished.first().at(0).value<RunResult>();
        QVERIFY(std::abs(result.report.achievedRate - 400) < 8);
        QCOMPARE(store->countRuns().value(), 1);
        QTRY_VERIFY(rate->count() >= 2); // the live chart drew the completed seconds
        // Its points are the completed seconds alone once the run is over.
        for (int i = 0; i < rate->count(); ++i)
            QCOMPARE(rate->at(i).x(), std::round(rate->at(i).x()));
        // The named run is a profile: listed, chosen, as the runs' Profile column says.
        auto *profiles = page.findChild<QListWidget *>();
        QVERIFY(profiles);
        QTRY_COMPARE(profiles->count(), 1);
        QCOMPARE(profiles->item(0)->text(), QStringLiteral("gui run"));
        QCOMPARE(profiles->currentRow(), 0);
        QVERIFY(page.statusLabel()->text().contains(QStringLiteral("p99")));
        const QImage shot = page.grab().toImage();
        QVERIFY(!shot.isNull());
    }

    void http2IsAProfileChoice()
    {
        RunController runs;
        PerformancePage page(&runs);
        LoadProfile p;
        p.name = QStringLiteral("h2");
        p.spec.url = "http://127.0.0.1:9/";
        p.spec.protocol = LoadSpec::Protocol::Http2;
        p.spec.streams = 6;
        page.loadProfile(p);
        auto *protocol = page.findChild<QComboBox *>(QStringLiteral("protocol"));
        auto *streams = page.findChild<QSpinBox *>(QStringLiteral("streams"));
        QVERIFY(protocol && streams);
        QCOMPARE(protocol->currentText(), QStringLiteral("HTTP/2"));
        QVERIFY(streams->isEnabled());
        LoadProfile back = page.profileFromForm();
        QCOMPARE(back.spec.protocol, LoadSpec::Protocol::Http2);
        QCOMPARE(back.spec.streams, 6);
        QCOMPARE(back.generator, Generator::Native);
        // The profile survives its JSON (as profiles are stored).
        const auto stored = LoadProfile::fromJson(back.toJson());
        QVERIFY(stored.ok());
        QCOMPARE(stored->spec.protocol, LoadSpec::Protocol::Http2);
        QCOMPARE(stored->spec.streams, 6);

        protocol->setCurrentIndex(protocol->findText(QStringLiteral("HTTP/1.1")));
        QVERIFY(!streams->isEnabled());
        back = page.profileFromForm();
        QCOMPARE(back.spec.protocol, LoadSpec::Protocol::Http1);
        QCOMPARE(back.spec.streams, 1);
    }

    // gRPC from the page: the method, the JSON message encoded by its descriptors, the
    // statuses counted; against the demo's Bookinfo.
    void grpcRunFromThePage()
    {
        Meshdeck::Demo::DemoCluster cluster;
        QVERIFY(cluster.start().ok());
        RunController runs;
        PerformancePage page(&runs);
        page.resize(1280, 760);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        LoadProfile p;
        p.name = QStringLiteral("grpc details");
        p.spec.url = QUrl(cluster.bookinfo()->productpageMeshUrl())
                         .adjusted(QUrl::RemovePath)
                         .toString()
                         .toStdString();
        p.spec.protocol = LoadSpec::Protocol::Grpc;
        p.spec.grpcMethod = "bookinfo.ProductPage/GetProductPage";
        p.spec.body = R"({"id": 5})";
        p.spec.mode = LoadSpec::Mode::ConstantRate;
        p.spec.rate = 100;
        p.spec.connections = 2;
        p.spec.streams = 4;
        p.spec.duration = 1s;
        p.spec.warmup = 0s;
        page.loadProfile(p);
        auto *method = page.findChild<QLineEdit *>(QStringLiteral("grpcMethod"));
        QVERIFY(method && method->isVisible());
        QCOMPARE(method->text(), QStringLiteral("bookinfo.ProductPage/GetProductPage"));
        QVERIFY(page.findChild<QSpinBox *>(QStringLiteral("streams"))->isEnabled());
        if (const QString dir = qEnvironmentVariable("MESHDECK_TEST_SHOTS"); !dir.isEmpty())
            page.grab().save(dir + QStringLiteral("/performance-grpc.png"));

        QSignalSpy finished(&runs, &RunController::finished);
        page.startRun();
        QVERIFY(finished.wait(15000));
        const RunResult result = finished.first().at(0).value<RunResult>();
        QCOMPARE(result.spec.protocol, LoadSpec::Protocol::Grpc);
        QVERIFY2(result.report.counters.grpcCodes.count(0)
                     && result.report.counters.grpcCodes.at(0) > 50,
                 qPrintable(QString::number(result.report.counters.responses)));
        QCOMPARE(result.report.counters.errorCount(), 0u);

        // JSON that is not the method's message stops the run before it starts.
        p.spec.body = R"({"title": "x"})";
        page.loadProfile(p);
        page.startRun();
        QVERIFY(!runs.isRunning());
        QVERIFY2(page.statusLabel()->text().contains(QStringLiteral("bookinfo.BookRequest")),
                 qPrintable(page.statusLabel()->text()));
    }

    void badTargetIsExplained()
    {
        RunController runs;
        PerformancePage page(&runs);
        LoadProfile p;
        p.spec.url = "ftp://example.org/";
        page.loadProfile(p);
        page.startRun();
        QVERIFY(!runs.isRunning());
        QVERIFY(page.statusLabel()->text().contains(QStringLiteral("http")));

        // A suggestion puts its URL alone in the box, not its description.
        page.setSuggestedTargets({{QStringLiteral("demo Bookinfo productpage"),
                                   QStringLiteral("http://127.0.0.1:9/productpage")}});
        auto *url = page.findChild<QComboBox *>(QStringLiteral("url"));
        QVERIFY(url);
        url->setCurrentIndex(0);
        Q_EMIT url->activated(0);
        QCOMPARE(url->currentText(), QStringLiteral("http://127.0.0.1:9/productpage"));

        // A rate being typed that is not a rate refuses the run, and says why.
        p.spec.url = "http://127.0.0.1:9/";
        p.spec.mode = LoadSpec::Mode::ConstantRate;
        p.spec.rate = 148;
        page.loadProfile(p);
        auto *rate = page.findChild<QSpinBox *>(QStringLiteral("rate"));
        QVERIFY(rate);
        auto *rateText = rate->findChild<QLineEdit *>();
        QVERIFY(rateText);
        rateText->selectAll();
        QTest::keyClick(rateText, Qt::Key_Backspace);
        page.startRun();
        QVERIFY(!runs.isRunning());
        QVERIFY2(page.statusLabel()->text().contains(QStringLiteral("not a rate")),
                 qPrintable(page.statusLabel()->text()));

        // A target that refuses every connection: the page says why, and shows no figures of
        // a run that measured nothing ("errors 0").
        page.show();
        p.spec.duration = 1s;
        p.spec.warmup = 0s;
        page.loadProfile(p);
        QSignalSpy finished(&runs, &RunController::finished);
        page.startRun();
        QVERIFY(finished.wait(20000));
        QTRY_VERIFY2(page.statusLabel()->text().contains(QStringLiteral("failed")),
                     qPrintable(page.statusLabel()->text()));
        for (QLabel *l : page.findChildren<QLabel *>())
            QVERIFY2(!l->isVisible() || !l->text().contains(QStringLiteral("errors 0")),
                     qPrintable(l->text()));
    }

    void comparisonSaysWhyItMayMislead()
    {
        Perf::RunResult kept = TestSupport::sampleRun(QStringLiteral("kept up"), 4.8, 30000, 1);
        Perf::RunResult missed
            = TestSupport::sampleRun(QStringLiteral("fell behind"), 9.5, 24000, 2);
        missed.report.requestedRate = 2000; // achieved 800/s
        missed.spec.protocol = LoadSpec::Protocol::Http2;
        missed.spec.streams = 10;
        ComparisonView view;
        view.resize(1200, 760);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setData(ComparisonData::build({kept, missed}), {kept, missed});
        auto *warnings = view.findChild<QLabel *>(QStringLiteral("comparisonWarnings"));
        QVERIFY(warnings && warnings->isVisible());
        QVERIFY2(warnings->text().contains(QStringLiteral("fell behind (800 of"))
                     && warnings->text().contains(QStringLiteral("different protocols")),
                 qPrintable(warnings->text()));
        QCOMPARE(view.summaryTable()->item(1, 0)->text(), QStringLiteral("fell behind ⚠"));
        QCOMPARE(view.summaryTable()->item(1, 2)->text(), QStringLiteral("HTTP/2 × 10"));
        if (const QString dir = qEnvironmentVariable("MESHDECK_TEST_SHOTS"); !dir.isEmpty())
            view.grab().save(dir + QStringLiteral("/comparison-warnings.png"));

        view.setData(ComparisonData::build({kept, kept}), {kept, kept});
        QVERIFY(!warnings->isVisible());
        // Bars of close runs on a linear axis; a run 100 times slower makes it logarithmic, so
        // that the small bars stay visible.
        const auto barsAxis = [&view] {
            return view.chartView(ComparisonView::Bars)
                ->chart()
                ->findChild<QAbstractAxis *>(QStringLiteral("barsLatencyAxis"));
        };
        QVERIFY(barsAxis());
        QCOMPARE(barsAxis()->type(), QAbstractAxis::AxisTypeValue);
        const Perf::RunResult slow = TestSupport::sampleRun(QStringLiteral("slow"), 480, 30000, 3);
        view.setData(ComparisonData::build({kept, slow}), {kept, slow});
        QCOMPARE(barsAxis()->type(), QAbstractAxis::AxisTypeLogValue);
        view.setCurrentChart(ComparisonView::Bars);
        if (const QString dir = qEnvironmentVariable("MESHDECK_TEST_SHOTS"); !dir.isEmpty())
            view.grab().save(dir + QStringLiteral("/comparison-bars-log.png"));
    }

    void hiddenChartsFollowTheLanguageWhenShown()
    {
        // A language switch rebuilds the charts of a comparison nobody sees only when it is
        // shown again (they were most of a switch's stall); shown, they are in the new language.
        const Perf::RunResult a = TestSupport::sampleRun(QStringLiteral("a"), 4.8, 30000, 1);
        const Perf::RunResult b = TestSupport::sampleRun(QStringLiteral("b"), 5.2, 30000, 2);
        ComparisonView view;
        view.resize(1000, 700);
        view.setData(ComparisonData::build({a, b}), {a, b});
        const auto axisTitle = [&view] {
            const QChart *chart = view.chartView(ComparisonView::Percentiles)->chart();
            return chart->axes(Qt::Vertical).isEmpty()
                ? QString()
                : chart->axes(Qt::Vertical).first()->titleText();
        };
        QCOMPARE(axisTitle(), QStringLiteral("Latency (ms)"));
        QTranslator german;
        QVERIFY(german.load(QCoreApplication::applicationDirPath()
                            + QStringLiteral("/../../app/meshdeck_de.qm")));
        QCoreApplication::installTranslator(&german);
        QCoreApplication::processEvents();
        // The table is cheap and follows at once.
        QCOMPARE(view.summaryTable()->horizontalHeaderItem(0)->text(), QStringLiteral("Lauf"));
        QCOMPARE(axisTitle(), QStringLiteral("Latency (ms)")); // hidden: not rebuilt yet
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(axisTitle(), QStringLiteral("Latenz (ms)"));
        QCoreApplication::removeTranslator(&german);
        QCoreApplication::processEvents();
        QCOMPARE(axisTitle(), QStringLiteral("Latency (ms)")); // shown: rebuilt at once
    }

    void findAndCompare()
    {
        const QString db = m_dir.filePath(QStringLiteral("compare.sqlite"));
        auto store = ResultStore::open(db).value();
        QVERIFY(store
                    ->saveRuns({TestSupport::sampleRun(QStringLiteral("direct"), 4.8, 100000, 1),
                                TestSupport::sampleRun(QStringLiteral("istio"), 5.6, 100000, 2,
                                                       QStringLiteral("istio")),
                                TestSupport::sampleRun(QStringLiteral("linkerd"), 5.1, 100000, 3,
                                                       QStringLiteral("linkerd"))})
                    .ok());
        ResultsController results;
        QAbstractItemModelTester tester(results.runs(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        results.setStore(store.get(), db, QString());
        ResultsPage page(&results);
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_COMPARE(page.model()->rowCount(), 3);
        QTest::keyClicks(page.filterEdit(), QStringLiteral("istio"));
        QTRY_COMPARE(page.model()->rowCount(), 1);
        page.filterEdit()->clear();
        QTRY_COMPARE(page.model()->rowCount(), 3);

        // Sort by p50, then compare the two fastest.
        page.table()->sortByColumn(RunsTableModel::P50, Qt::AscendingOrder);
        QTRY_VERIFY(!page.model()->loading()); // the table reads on its own thread
        QCOMPARE(page.model()->data(page.model()->index(0, RunsTableModel::Name)).toString(),
                 QStringLiteral("direct"));
        QSignalSpy ready(&page, &ResultsPage::comparisonReady);
        page.compare({page.model()->runId(0), page.model()->runId(1), page.model()->runId(2)});
        QVERIFY(ready.wait(5000));
        ComparisonView *view = page.comparison();
        QVERIFY(view->isVisible());
        QCOMPARE(view->data().runs.size(), 3);
        const auto series = view->chartView(ComparisonView::Percentiles)->chart()->series();
        QCOMPARE(series.size(), 3);
        for (QAbstractSeries *s : series)
            QVERIFY(qobject_cast<QLineSeries *>(s)->count() > 50);
        QCOMPARE(view->data().runs[0].color, ComparisonData::colorFor(0));
        // The overhead against the baseline, in ms and %.
        QTableWidget *table = view->summaryTable();
        QCOMPARE(table->rowCount(), 3);
        QVERIFY(table->item(0, 0)->text().contains(QStringLiteral("baseline")));
        QVERIFY(table->item(1, 9)->text().startsWith(QLatin1Char('+')));
        QVERIFY(table->item(1, 9)->text().contains(QLatin1String("%")));
        view->setBaseline(1);
        QVERIFY(table->item(1, 0)->text().contains(QStringLiteral("baseline")));
        QVERIFY(table->item(0, 9)->text().startsWith(QLatin1Char('-')));

        // Exports: the view paints the bytes, the controller writes them on its worker and the
        // page says where, with a link to the folder.
        QSignalSpy written(&results, &ResultsController::fileWorkFinished);
        for (const char *name : {"chart.png", "chart.svg", "t.csv", "s.json"}) {
            const QString path = m_dir.filePath(QLatin1String(name));
            Q_EMIT view->exportRequested(QStringLiteral("Export Comparison"), path,
                                         view->exportBytes(path));
            QVERIFY(written.wait(5000));
            QVERIFY2(written.last().at(1).toString().isEmpty(),
                     qPrintable(written.last().at(1).toString()));
            QCOMPARE(written.last().at(2).toString(), path);
            QVERIFY(QFileInfo(path).size() > (QByteArray(name).endsWith(".csv") ? 100 : 1000));
        }
        QVERIFY(QImage(m_dir.filePath(QStringLiteral("chart.png"))).width() > 100);
        QFile csv(m_dir.filePath(QStringLiteral("t.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll().count('\n'), 4);
        auto *outcome = view->findChild<QLabel *>(QStringLiteral("comparisonOutcome"));
        QVERIFY(outcome && outcome->isVisible());
        QVERIFY(outcome->text().contains(QStringLiteral("s.json")));
        QVERIFY(outcome->text().contains(QStringLiteral("Open Folder")));
        // A folder that cannot be written: the reason, nothing half-written.
        const QString bad = m_dir.filePath(QStringLiteral("missing/dir/x.csv"));
        Q_EMIT view->exportRequested(QStringLiteral("Export Comparison"), bad,
                                     view->exportBytes(bad));
        QVERIFY(written.wait(5000));
        QVERIFY(written.last().at(1).toString().contains(QStringLiteral("Cannot write")));
        QVERIFY(!QFile::exists(bad));
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = page.findChild<QMessageBox *>()) != nullptr);
        QVERIFY(box->text().contains(QStringLiteral("Cannot write")));
        box->close();
        for (int c = 0; c < ComparisonView::ChartCount; ++c) {
            view->setCurrentChart(static_cast<ComparisonView::Chart>(c));
            const QImage image = page.grab().toImage();
            QVERIFY(!image.isNull());
            // MESHDECK_TEST_SHOTS=DIR keeps the pictures for a person to look at.
            if (const QString shots = qEnvironmentVariable("MESHDECK_TEST_SHOTS"); !shots.isEmpty())
                image.save(QStringLiteral("%1/comparison-%2.png").arg(shots).arg(c));
        }
    }

    // The issue's end-to-end check: the demo's productpage without and with sidecars, run from
    // the Performance page, compared on the Results page; the sidecar path is slower.
    void demoOverheadEndToEnd()
    {
        Demo::DemoCluster cluster;
        QVERIFY(cluster.start().ok());
        // Bookinfo's pods running, as a user finds them: the kubelet reports running pods only.
        QVERIFY(cluster.waitUntilSettled(30000));
        const QString db = m_dir.filePath(QStringLiteral("demo.sqlite"));
        auto store = ResultStore::open(db).value();
        RunController runs;
        runs.setStorePath(db);
        QTemporaryDir kc;
        QVERIFY(cluster.writeKubeconfig(kc.filePath(QStringLiteral("kc"))).ok());
        runs.setSession(std::make_shared<Kube::ClusterSession>(
            Kube::Kubeconfig::load(kc.filePath(QStringLiteral("kc")))
                ->resolve(QStringLiteral("meshdeck-demo"))
                .value()));
        ResultsController results;
        results.setStore(store.get(), db, QString());
        PerformancePage perf(&runs);
        perf.setResultsController(&results);
        perf.setSuggestedTargets(
            {{QStringLiteral("direct"), cluster.bookinfo()->productpageUrl()},
             {QStringLiteral("mesh"), cluster.bookinfo()->productpageMeshUrl()}});
        for (const auto &[name, url] : {std::pair {QStringLiteral("productpage direct"),
                                                   cluster.bookinfo()->productpageUrl()},
                                        std::pair {QStringLiteral("productpage via sidecars"),
                                                   cluster.bookinfo()->productpageMeshUrl()}}) {
            LoadProfile p;
            p.name = name;
            p.spec.url = url.toStdString();
            p.spec.mode = LoadSpec::Mode::ConstantRate;
            p.spec.rate = 150;
            p.spec.connections = 8;
            p.spec.duration = 3s;
            p.spec.warmup = 500ms;
            p.labels.insert(QStringLiteral("mesh"),
                            name.contains(QLatin1String("sidecar")) ? QStringLiteral("istio")
                                                                    : QStringLiteral("none"));
            p.labels.insert(QStringLiteral("namespace"), QStringLiteral("bookinfo"));
            perf.loadProfile(p);
            QSignalSpy finished(&runs, &RunController::finished);
            perf.startRun();
            QVERIFY(finished.wait(15000));
            QVERIFY(finished.first().at(1).toString().isEmpty());
            // CPU and memory sampled beside the run (the demo serves the metrics API).
            const auto &resources = finished.first().at(0).value<Perf::RunResult>().resources;
            QVERIFY2(resources.available(),
                     qPrintable(resources.unavailableReason
                                + resources.warnings.join(QLatin1Char(' '))));
            QString seen;
            for (const Perf::ResourceSeries &s : resources.series) {
                seen += QStringLiteral("%1/%2 role %3 at").arg(s.pod, s.container).arg(int(s.role));
                for (const Perf::ResourcePoint &p : s.points)
                    seen += QStringLiteral(" %1").arg(p.offsetSeconds, 0, 'f', 1);
                seen += QStringLiteral("; ");
            }
            QVERIFY2(resources.usage(Perf::ResourceRole::Application).measured,
                     qPrintable(QStringLiteral("window %1..%2 s; %3")
                                    .arg(resources.windowStart)
                                    .arg(resources.windowEnd)
                                    .arg(seen)));
        }
        ResultsPage page(&results);
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_COMPARE(page.model()->rowCount(), 2);
        page.table()->sortByColumn(RunsTableModel::Name,
                                   Qt::AscendingOrder); // direct first: the baseline
        QTRY_VERIFY(!page.model()->loading());
        QSignalSpy ready(&page, &ResultsPage::comparisonReady);
        page.compare({page.model()->runId(0), page.model()->runId(1)});
        QVERIFY(ready.wait(5000));
        const ComparisonData &data = page.comparison()->data();
        QCOMPARE(data.runs[0].name, QStringLiteral("productpage direct"));
        // The cluster's facts went with the runs: version, nodes, the detected mesh.
        const RunResult meshed = store->loadRun(page.model()->runId(1)).value();
        QVERIFY(meshed.environment.kubernetesVersion.startsWith(QLatin1Char('v')));
        QCOMPARE(meshed.environment.nodes.size(), 3);
        QVERIFY(meshed.environment.nodes.first().cpuMillicores > 0);
        QVERIFY(meshed.environment.nodes.first().memoryBytes > 0);
        QCOMPARE(meshed.mesh.type, QStringLiteral("istio"));
        QVERIFY2(!meshed.mesh.version.isEmpty(), "the version comes from istiod's image tag");
        QVERIFY(store->loadRun(page.model()->runId(0)).value().mesh.type.isEmpty()); // mesh=none
        qInfo("demo productpage p50: direct %.2f ms, via sidecars %.2f ms", data.runs[0].p50,
              data.runs[1].p50);
        QVERIFY(data.runs[1].p50 > data.runs[0].p50);
        // CPU and memory over time beside the latency: the sidecars worked in the mesh run.
        QVERIFY(data.resources);
        QVERIFY(!data.runs[1].proxyCpuOverTime.isEmpty());
        QVERIFY(std::any_of(data.runs[1].proxyCpuOverTime.begin(),
                            data.runs[1].proxyCpuOverTime.end(),
                            [](const QPointF &p) { return p.y() > 0; }));
        QVERIFY(!page.comparison()
                     ->chartView(ComparisonView::CpuOverTime)
                     ->chart()
                     ->series()
                     .isEmpty());
        QVERIFY(!page.comparison()
                     ->chartView(ComparisonView::MemoryOverTime)
                     ->chart()
                     ->series()
                     .isEmpty());
        if (const QString shots = qEnvironmentVariable("MESHDECK_TEST_SHOTS"); !shots.isEmpty()) {
            page.comparison()->setCurrentChart(ComparisonView::CpuOverTime);
            page.grab().save(shots + QStringLiteral("/compare-cpu.png"));
            page.comparison()->setCurrentChart(ComparisonView::MemoryOverTime);
            page.grab().save(shots + QStringLiteral("/compare-memory.png"));
            page.comparison()->setCurrentChart(ComparisonView::Percentiles);
        }
        QVERIFY(page.comparison()->summaryTable()->item(1, 9)->text().startsWith(QLatin1Char('+')));
        if (const QString shots = qEnvironmentVariable("MESHDECK_TEST_SHOTS"); !shots.isEmpty())
            page.grab().save(shots + QStringLiteral("/demo-overhead.png"));
    }

    // Load from the cluster: the page runs an Indexed Job of worker pods on the demo (real child
    // processes), shows each worker live and keeps the merged run.
    void loadFromTheCluster()
    {
        qputenv("MESHDECK_LOADGEN_BINARY", MESHDECK_LOADGEN_BINARY);
        Demo::DemoCluster::Options options;
        options.timeScale = 0.5;
        Demo::DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        QVERIFY(cluster.waitUntilSettled(20000));
        const QString db = m_dir.filePath(QStringLiteral("cluster.sqlite"));
        auto store = ResultStore::open(db).value();
        RunController runs;
        runs.setStorePath(db);
        QTemporaryDir kc;
        QVERIFY(cluster.writeKubeconfig(kc.filePath(QStringLiteral("kc"))).ok());
        LiveSession live(Kube::Kubeconfig::load(kc.filePath(QStringLiteral("kc")))
                             ->resolve(QStringLiteral("meshdeck-demo"))
                             .value());
        QVERIFY(live.waitForSync());
        runs.setSession(live.session());
        ResultsController results;
        results.setStore(store.get(), db, QString());
        PerformancePage perf(&runs);
        perf.setResultsController(&results);
        perf.resize(1280, 800);
        perf.show();
        auto *from = perf.findChild<QComboBox *>(QStringLiteral("loadFrom"));
        QVERIFY(from);
        from->setCurrentIndex(1);
        // The cluster's Services are offered as targets, as the workers reach them.
        auto *url = perf.findChild<QComboBox *>();
        bool offered = false;
        for (QComboBox *box : perf.findChildren<QComboBox *>())
            offered = offered
                || box->findData(QStringLiteral("http://productpage.bookinfo:9080/")) >= 0;
        QVERIFY(offered);
        Q_UNUSED(url);
        perf.findChild<QSpinBox *>(QStringLiteral("workerCount"))->setValue(2);
        LoadProfile p;
        p.name = QStringLiteral("from the cluster");
        p.spec.url = "http://productpage.bookinfo:9080/productpage";
        p.spec.mode = LoadSpec::Mode::ConstantRate;
        p.spec.rate = 100;
        p.spec.connections = 4;
        p.spec.duration = 3s;
        perf.loadProfile(p);
        QSignalSpy finished(&runs, &RunController::finished);
        QSignalSpy workers(&runs, &RunController::clusterProgressed);
        perf.startRun();
        // Jobs scheduled, workers started, 3 s of load, results gathered: about 6 s alone, but
        // a loaded CI machine (two tests at once on two cores) once took over 30 s.
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.first().at(1).toString().isEmpty(),
                 qPrintable(finished.first().at(1).toString()));
        QVERIFY(!workers.isEmpty());
        auto *view = perf.findChild<QTreeWidget *>(QStringLiteral("workers"));
        QVERIFY(view->isVisible());
        QTRY_COMPARE(view->topLevelItemCount(), 2);
        QVERIFY(view->topLevelItem(0)->text(0).startsWith(QStringLiteral("meshdeck-load-")));
        const RunResult r = finished.first().at(0).value<RunResult>();
        QCOMPARE(r.labels.value(QStringLiteral("load.from")), QStringLiteral("cluster"));
        QVERIFY(r.report.counters.responses >= 270);
        QVERIFY(store->loadRun(r.id).ok());
        if (const QString shots = qEnvironmentVariable("MESHDECK_TEST_SHOTS"); !shots.isEmpty())
            perf.grab().save(shots + QStringLiteral("/performance-cluster.png"));
    }

    // Until the database has opened and the table has its first answer, the page shows neither
    // the runs nor the empty state; then the right one, without a flash of the other.
    void noFlashWhileOpening()
    {
        QTemporaryDir dir;
        const QString withRuns = dir.filePath(QStringLiteral("runs.sqlite"));
        QVERIFY(storeOneRun(withRuns));
        const QString none = dir.filePath(QStringLiteral("none.sqlite"));
        for (const QString &db : {withRuns, none}) {
            ResultsController results;
            ResultsPage page(&results);
            page.resize(1000, 600);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            auto *stack = page.findChild<QStackedWidget *>(QString(), Qt::FindDirectChildrenOnly);
            auto *empty = page.findChild<EmptyStatePage *>();
            QTableView *table = nullptr; // the runs table (the comparison has tables too)
            for (auto *t : page.findChildren<QTableView *>())
                if (t->model() == page.model())
                    table = t;
            QVERIFY(stack && empty && table);
            QList<QWidget *> shown {stack->currentWidget()};
            connect(stack, &QStackedWidget::currentChanged, this,
                    [&] { shown << stack->currentWidget(); });
            QVERIFY(!empty->isVisible());
            QVERIFY(!table->isVisible());
            results.open(db);
            if (db == withRuns) {
                QTRY_COMPARE(page.model()->rowCount(), 1);
                QTRY_VERIFY(table->isVisible());
            } else {
                QTRY_VERIFY(empty->isVisible());
            }
            QVERIFY(!shown.contains(db == withRuns ? static_cast<QWidget *>(empty)
                                                   : table->parentWidget()));
            QCOMPARE(shown.size(), 2); // blank, then the answer
        }
    }

    void problemsAreShown()
    {
        ResultsController results;
        results.setStore(nullptr, QString(), QStringLiteral("the results database is damaged"));
        ResultsPage page(&results);
        page.show();
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("resultsProblem"))->isVisible());
    }

    void lockedAndDamagedDatabases()
    {
        // Locked by another program: said so, with Try Again, which opens it once released.
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("locked.sqlite"));
        QVERIFY(storeOneRun(db));
        ResultsController results;
        ResultsPage page(&results);
        page.resize(1000, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *problem = page.findChild<QLabel *>(QStringLiteral("resultsProblem"));
        auto *retry = page.findChild<QPushButton *>(QStringLiteral("resultsRetry"));
        auto *moveAside = page.findChild<QPushButton *>(QStringLiteral("resultsMoveAside"));
        QVERIFY(problem && retry && moveAside);
        QSignalSpy opened(&results, &ResultsController::opened);
        {
            DatabaseLock lock(db);
            QVERIFY(lock.held());
            results.open(db);
            QVERIFY(opened.wait(15000));
            QVERIFY(problem->isVisible());
            QVERIFY2(problem->text().contains(QStringLiteral("another program")),
                     qPrintable(problem->text()));
            QVERIFY(retry->isVisible());
            QVERIFY(!moveAside->isVisible()); // nothing is wrong with the file
            if (const QString dir = qEnvironmentVariable("MESHDECK_TEST_SHOTS"); !dir.isEmpty())
                page.grab().save(dir + QStringLiteral("/results-locked.png"));
        }
        QTest::mouseClick(retry, Qt::LeftButton);
        QVERIFY(opened.wait(15000));
        QVERIFY(results.writable());
        QTRY_COMPARE(page.model()->rowCount(), 1);
        QVERIFY(!problem->isVisible());
        QVERIFY(!retry->isVisible());

        // Damaged: said so, with Move Aside, which keeps the file and starts a fresh one.
        const QString damaged = dir.filePath(QStringLiteral("damaged.sqlite"));
        {
            QFile f(damaged);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(4096, 'z'));
        }
        results.open(damaged);
        QVERIFY(opened.wait(15000));
        QVERIFY(problem->isVisible());
        QVERIFY(moveAside->isVisible());
        QVERIFY(!retry->isVisible());
        QTest::mouseClick(moveAside, Qt::LeftButton);
        QVERIFY(opened.wait(15000));
        QVERIFY(results.writable());
        QVERIFY(!problem->isVisible());
        QCOMPARE(QDir(dir.path())
                     .entryList({QStringLiteral("damaged.sqlite.damaged-*")}, QDir::Files)
                     .size(),
                 1);
    }
};

QTEST_MAIN(tst_PerformanceResults)
#include "tst_performanceresults.moc"
