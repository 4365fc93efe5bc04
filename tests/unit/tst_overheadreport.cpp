// The overhead report from measured runs: pairs, spread, arms that did not keep up, half pairs
// left by a cancel, proxy CPU per 1,000 requests/s; and the resource sampler's pure steps.
#include <overhead/overheadhtml.h>
#include <overhead/overheadimage.h>
#include <overhead/overheadreport.h>
#include <perf/smpexport.h>
#include <proto/resultcodec.h>
#include <telemetry/resourcesampler.h>

#include <QImage>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Meshdeck;
using namespace Meshdeck::Overhead;

namespace {

Perf::ResourceUsage usage(double proxyCores, qint64 proxyMemory)
{
    Perf::ResourceUsage u;
    u.source = QStringLiteral("prometheus");
    u.windowStart = 0;
    u.windowEnd = 10;
    Perf::ResourceSeries s;
    s.ns = QStringLiteral("bookinfo");
    s.pod = QStringLiteral("productpage-v1-abc");
    s.container = QStringLiteral("istio-proxy");
    s.role = Perf::ResourceRole::Sidecar;
    s.points = {{2, proxyCores * 0.9, proxyMemory}, {4, proxyCores * 1.1, proxyMemory}};
    u.series << s;
    return u;
}

ArmRun run(Arm arm, double rate, int repeat, double latencyMs, double achieved,
           std::optional<Perf::ResourceUsage> resources = {})
{
    ArmRun r;
    r.arm = arm;
    r.rate = rate;
    r.repeat = repeat;
    r.result.spec.url = arm == Arm::Baseline ? "http://base/" : "http://mesh/";
    r.result.spec.duration = std::chrono::seconds(10);
    r.result.start = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 1000; ++i)
        r.result.report.corrected.record(static_cast<std::uint64_t>(latencyMs * 1e6));
    r.result.report.achievedRate = achieved;
    r.result.report.counters.responses = static_cast<std::uint64_t>(achieved * 10);
    if (resources)
        r.result.resources = *resources;
    return r;
}

} // namespace

class tst_OverheadReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addedLatencyIsTheMedianOfPairsWithTheirSpread()
    {
        const QList<ArmRun> runs {
            run(Arm::Baseline, 100, 0, 5, 100), run(Arm::Mesh, 100, 0, 6, 100),
            run(Arm::Baseline, 100, 1, 5, 100), run(Arm::Mesh, 100, 1, 8, 100),
            run(Arm::Baseline, 100, 2, 4, 100), run(Arm::Mesh, 100, 2, 6, 100),
        };
        const OverheadReport report = OverheadReport::build(runs);
        QCOMPARE(report.rows.size(), 1);
        const OverheadRow &row = report.rows.first();
        QCOMPARE(row.pairs, 3);
        QVERIFY(qAbs(row.p50.addedMs - 2) < 0.05); // pairs add 1, 3 and 2 ms
        QVERIFY(qAbs(row.p50.addedMinMs - 1) < 0.05);
        QVERIFY(qAbs(row.p50.addedMaxMs - 3) < 0.05);
        QVERIFY(row.keptUp());
        QVERIFY(!row.resourcesMeasured);
        QCOMPARE(report.highestKeptUpRate(), 100.0);
    }

    void anArmThatDidNotKeepUpIsMarkedNotAveragedIn()
    {
        const QList<ArmRun> runs {
            run(Arm::Baseline, 100, 0, 5, 100),
            run(Arm::Mesh, 100, 0, 6, 100),
            run(Arm::Baseline, 2000, 0, 5, 2000),
            run(Arm::Mesh, 2000, 0, 300, 1500),
        };
        const OverheadReport report = OverheadReport::build(runs);
        QCOMPARE(report.rows.size(), 2);
        QVERIFY(report.rows.at(0).keptUp());
        QVERIFY(report.rows.at(1).baselineKeptUp);
        QVERIFY(!report.rows.at(1).meshKeptUp);
        QCOMPARE(report.highestKeptUpRate(), 100.0);
        QVERIFY(report.toText().contains(QStringLiteral("2000*")));
        QVERIFY(!report.warnings.isEmpty());
    }

    void aHalfPairLeftByACancelIsNotCompared()
    {
        const QList<ArmRun> runs {run(Arm::Baseline, 100, 0, 5, 100),
                                  run(Arm::Mesh, 100, 0, 6, 100),
                                  run(Arm::Baseline, 500, 0, 5, 500)};
        const OverheadReport report = OverheadReport::build(runs);
        QCOMPARE(report.rows.size(), 1);
        QCOMPARE(report.rows.first().rate, 100.0);
    }

    void proxyCpuPerThousandRequests()
    {
        const QList<ArmRun> runs {run(Arm::Baseline, 500, 0, 5, 500),
                                  run(Arm::Mesh, 500, 0, 6, 500, usage(0.1, 40 << 20))};
        const OverheadReport report = OverheadReport::build(runs);
        const OverheadRow &row = report.rows.first();
        QVERIFY(row.resourcesMeasured);
        QVERIFY(qAbs(row.proxyCores - 0.1) < 1e-9);
        QVERIFY(qAbs(row.proxyCoresPer1000 - 0.2) < 1e-9); // 0.1 vCPU at 500/s
        QCOMPARE(row.proxyMemoryBytes, double(40 << 20));
        QVERIFY(!row.controlPlaneMeasured);
        const QJsonObject json = report.toJson();
        QCOMPARE(json.value(QStringLiteral("rates"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("proxy_vcpu_per_1000_rps"))
                     .toDouble(),
                 0.2);
        const QString html = OverheadHtml::render(report);
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(html.contains(QStringLiteral("<svg")));
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(html.contains(QStringLiteral("0.200")));
    }

    // What `perf overhead --png` writes: the table and the charts, drawn (the charts' colours
    // come from the SVG's own attributes, not from the HTML page's style sheet).
    void pictureOfTheReport()
    {
        const QList<ArmRun> runs {run(Arm::Baseline, 500, 0, 5, 500),
                                  run(Arm::Mesh, 500, 0, 6, 500, usage(0.1, 40 << 20)),
                                  run(Arm::Baseline, 1000, 0, 5, 1000),
                                  run(Arm::Mesh, 1000, 0, 7, 1000, usage(0.2, 41 << 20))};
        const OverheadReport report = OverheadReport::build(runs);
        const QImage image = OverheadImage::render(report);
        QCOMPARE(image.width(), 1200);
        QVERIFY(image.height() > 600);
        int green = 0, ink = 0;
        for (int y = 0; y < image.height(); y += 2) {
            for (int x = 0; x < image.width(); x += 2) {
                const QColor c = image.pixelColor(x, y);
                if (c == QColor(0x2c, 0xa0, 0x2c))
                    ++green; // the proxy CPU bars
                if (c.lightness() < 80)
                    ++ink; // text
            }
        }
        QVERIFY2(green > 500, qPrintable(QString::number(green)));
        QVERIFY2(ink > 500, qPrintable(QString::number(ink)));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.png"));
        QVERIFY(OverheadImage::write(report, path).ok());
        QCOMPARE(QImage(path).size(), image.size());
        QVERIFY(!OverheadImage::write(report, QStringLiteral("/nonexistent/dir/r.png")).ok());
        if (const QString shots = qEnvironmentVariable("MESHDECK_TEST_SHOTS"); !shots.isEmpty())
            image.save(shots + QStringLiteral("/overhead-report.png"));
    }

    void aRunShorterThanTheSamplingIntervalTakesTheNearestSample()
    {
        Perf::ResourceUsage u = usage(0.2, 1000); // samples at 2 s and 4 s
        u.windowStart = 0.5;
        u.windowEnd = 1.5;
        QVERIFY(u.usage(Perf::ResourceRole::Sidecar).measured);
        QVERIFY(qAbs(u.usage(Perf::ResourceRole::Sidecar).cores - 0.18) < 1e-9);
        u.windowStart = 20; // a container seen long before the run is not this run's
        u.windowEnd = 25;
        QVERIFY(!u.usage(Perf::ResourceRole::Sidecar).measured);
    }

    void resourcesWithoutASourceSayWhy()
    {
        Perf::ResourceUsage none;
        none.unavailableReason = QStringLiteral("no Prometheus and no metrics API");
        const OverheadReport report = OverheadReport::build(
            {run(Arm::Baseline, 100, 0, 5, 100), run(Arm::Mesh, 100, 0, 6, 100, none)});
        QVERIFY(!report.rows.first().resourcesMeasured);
        QVERIFY(report.toText().contains(QStringLiteral("no Prometheus and no metrics API")));
    }

    void resourcesRoundTripThroughResultFiles()
    {
        Perf::RunResult r = run(Arm::Mesh, 100, 0, 6, 100, usage(0.25, 1234)).result;
        r.id = QStringLiteral("00000000-0000-0000-0000-000000000001");
        const auto decoded = ResultCodec::decode(ResultCodec::encode(r));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->resources.source, QStringLiteral("prometheus"));
        QCOMPARE(decoded->resources.series.size(), 1);
        QCOMPARE(decoded->resources.series.first().role, Perf::ResourceRole::Sidecar);
        QCOMPARE(decoded->resources.series.first().points.size(), 2);
        QVERIFY(qAbs(decoded->resources.usage(Perf::ResourceRole::Sidecar).cores - 0.25) < 1e-9);
        // SMP's ServiceMeshConfig carries the sidecars' measured CPU and memory.
        const QJsonObject smp = Perf::SmpExport::toJson(r);
        const QJsonObject sidecar = smp.value(QStringLiteral("ServiceMeshConfig"))
                                        .toObject()
                                        .value(QStringLiteral("sidecar"))
                                        .toObject();
        QCOMPARE(sidecar.value(QStringLiteral("cpu_mCores")).toInt(), 250);
        QCOMPARE(sidecar.value(QStringLiteral("count")).toInt(), 1);
    }

    void countersBecomeRatesAcrossResetsAndRepeatedScrapes()
    {
        Telemetry::ResourceScope scope;
        scope.targetNamespaces = {QStringLiteral("bookinfo")};
        const auto reading = [](const char *pod, const char *container, double t, double cpu) {
            return Telemetry::CounterReading {QStringLiteral("bookinfo"),
                                              QString::fromLatin1(pod),
                                              QString::fromLatin1(container),
                                              t,
                                              cpu,
                                              1000};
        };
        const QList<Telemetry::CounterReading> readings {
            reading("pp-1", "istio-proxy", 102, 10.0),
            reading("pp-1", "istio-proxy", 102, 10.0), // the same scrape, read again
            reading("pp-1", "istio-proxy", 104, 10.5),
            reading("pp-1", "istio-proxy", 106, 0.2), // reset: the container restarted
            reading("pp-1", "productpage", 102, 1.0),
            reading("pp-1", "productpage", 104, 1.2),
            reading("pp-1", "", 104, 11.7), // the pod's total: not counted twice
            reading("pp-1", "POD", 104, 0.0),
        };
        const auto series = Telemetry::ResourceSampler::seriesFromCounters(scope, readings, 100);
        QCOMPARE(series.size(), 2);
        const auto proxy = std::find_if(series.begin(), series.end(), [](const auto &s) {
            return s.container == QLatin1String("istio-proxy");
        });
        QVERIFY(proxy != series.end());
        QCOMPARE(proxy->role, Perf::ResourceRole::Sidecar);
        QCOMPARE(proxy->points.size(), 2);
        QVERIFY(qAbs(proxy->points.at(0).cores - 0.25) < 1e-9);
        QCOMPARE(proxy->points.at(0).offsetSeconds, 4.0);
        QVERIFY(qAbs(proxy->points.at(1).cores - 0.1) < 1e-9); // 0.2 s since the reset, over 2 s
    }

    void scopeOfARun_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QStringList>("namespaces");
        QTest::newRow("service") << "http://productpage.bookinfo:9080/x"
                                 << "" << QStringList {"bookinfo"};
        QTest::newRow("svc") << "http://reviews.shop.svc.cluster.local/"
                             << "" << QStringList {"shop"};
        QTest::newRow("ip") << "http://127.0.0.1:8080/"
                            << "" << QStringList {};
        QTest::newRow("host") << "https://www.example.com/"
                              << "" << QStringList {};
        QTest::newRow("label") << "http://127.0.0.1:8080/"
                               << "demo" << QStringList {"demo"};
    }

    void scopeOfARun()
    {
        QFETCH(QString, url);
        QFETCH(QString, label);
        QFETCH(QStringList, namespaces);
        QMap<QString, QString> labels;
        if (!label.isEmpty())
            labels.insert(QStringLiteral("namespace"), label);
        const auto scope = Telemetry::ResourceScope::forRun(url, labels, QStringLiteral("load"));
        QCOMPARE(scope.targetNamespaces, namespaces);
        QCOMPARE(scope.loadNamespace, QStringLiteral("load"));
    }

    void scopeClassifiesRoles()
    {
        Telemetry::ResourceScope scope;
        scope.targetNamespaces = {QStringLiteral("shop")};
        scope.loadNamespace = QStringLiteral("meshdeck-load");
        Perf::ResourceRole role {};
        QVERIFY(scope.classify(QStringLiteral("shop"), QStringLiteral("web-1"),
                               QStringLiteral("linkerd-proxy"), &role));
        QCOMPARE(role, Perf::ResourceRole::Sidecar);
        QVERIFY(scope.classify(QStringLiteral("istio-system"), QStringLiteral("istiod-5c"),
                               QStringLiteral("discovery"), &role));
        QCOMPARE(role, Perf::ResourceRole::ControlPlane);
        QVERIFY(!scope.classify(QStringLiteral("istio-system"),
                                QStringLiteral("istio-ingressgateway-7f"),
                                QStringLiteral("istio-proxy"), &role));
        QVERIFY(!scope.classify(QStringLiteral("istio-system"), QStringLiteral("prometheus-1"),
                                QStringLiteral("prometheus"), &role));
        QVERIFY(scope.classify(QStringLiteral("meshdeck-load"), QStringLiteral("w-0"),
                               QStringLiteral("loadgen"), &role));
        QCOMPARE(role, Perf::ResourceRole::LoadGenerator);
        QVERIFY(!scope.classify(QStringLiteral("kube-system"), QStringLiteral("coredns"),
                                QStringLiteral("coredns"), &role));
    }
};

QTEST_MAIN(tst_OverheadReport) // a QGuiApplication: the picture needs fonts
#include "tst_overheadreport.moc"
