// The mesh overhead experiment against the demo cluster: refused when it would compare nothing,
// resources from the metrics API or Prometheus, and a clear reason when neither answers.
#include <demo/bookinfotraffic.h>
#include <demo/democluster.h>
#include <demo/demoprometheus.h>
#include <kube/kubeclient.h>
#include <overhead/overheadexperiment.h>

#include <QJsonArray>
#include <QJsonObject>

#include <QTemporaryDir>
#include <QTest>

using namespace Meshdeck;
using namespace Meshdeck::Overhead;
using namespace std::chrono_literals;

class tst_OverheadExperiment : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<Kube::KubeClient> connect(Demo::DemoCluster &cluster)
    {
        const QString path = m_dir.filePath(QStringLiteral("kubeconfig-%1").arg(cluster.port()));
        if (!cluster.writeKubeconfig(path).ok())
            return {};
        auto client = Kube::KubeClient::fromKubeconfig(path, QString());
        return client ? *client : nullptr;
    }

    static ExperimentSpec bookinfo(const Demo::DemoCluster &cluster)
    {
        ExperimentSpec spec;
        spec.baseline = {cluster.bookinfo()->productpageUrl(), QString()};
        spec.mesh = {cluster.bookinfo()->productpageMeshUrl(), QStringLiteral("bookinfo")};
        spec.rates = {100, 300};
        spec.repeats = 1;
        spec.load.duration = 3s;
        spec.load.warmup = 500ms;
        spec.load.connections = 8;
        spec.sampleIntervalMs = 1000;
        return spec;
    }

private Q_SLOTS:
    void refusesAnExperimentThatComparesNothing()
    {
        Demo::DemoCluster cluster;
        QVERIFY(cluster.start().ok());
        QVERIFY(cluster.waitUntilSettled(20000));
        auto kube = connect(cluster);
        QVERIFY(kube);
        ExperimentSpec spec = bookinfo(cluster);
        QCOMPARE(*OverheadExperiment::preflight(spec, kube.get()), QStringLiteral("istio"));

        spec.mesh.ns = QStringLiteral("kube-system"); // no sidecars there
        auto refused = OverheadExperiment::preflight(spec, kube.get());
        QVERIFY(!refused);
        QVERIFY2(refused.error().message().contains(QStringLiteral("carry no sidecar")),
                 qPrintable(refused.error().message()));

        spec.mesh.ns = QStringLiteral("istio-system");
        spec.baseline.ns = QStringLiteral("bookinfo"); // injected: not a baseline
        refused = OverheadExperiment::preflight(spec, kube.get());
        QVERIFY(!refused);
        QVERIFY(refused.error().message().contains(QStringLiteral("carries a sidecar")));

        spec = bookinfo(cluster);
        spec.mesh.url = spec.baseline.url;
        QVERIFY(!OverheadExperiment::preflight(spec, kube.get()));
    }

    // One namespace before and after injection, with the load from worker pods: the baseline
    // runs find no sidecar to measure, the mesh runs find one in every pod, and the namespace
    // ends as it began.
    void beforeAndAfterInjection()
    {
        qputenv("MESHDECK_LOADGEN_BINARY", MESHDECK_LOADGEN_BINARY);
        Demo::DemoCluster cluster;
        QVERIFY(cluster.start().ok());
        QVERIFY(cluster.waitUntilSettled(20000));
        auto kube = connect(cluster);
        QVERIFY(kube);
        ExperimentSpec spec = bookinfo(cluster);
        spec.injection = true;
        spec.mesh.url = QStringLiteral("http://productpage.bookinfo:9080/productpage");
        spec.baseline = spec.mesh;
        spec.rates = {200};
        spec.repeats = 2;
        spec.load.duration = 2s;
        spec.sampleIntervalMs = 500;
        InCluster::InClusterOptions workers;
        workers.startDelayMs = 1500;
        spec.inCluster = workers;
        // The namespace starts without injection (its pods keep their sidecars until restarted):
        // it must end so.
        QVERIFY(kube->send("PATCH", QStringLiteral("/api/v1/namespaces/bookinfo"),
                           R"({"metadata":{"labels":{"istio-injection":null}}})",
                           "application/merge-patch+json")
                    .ok());
        QCOMPARE(*OverheadExperiment::preflight(spec, kube.get()), QStringLiteral("istio"));
        const std::atomic_bool cancel {false};
        QStringList phases;
        const QList<ArmRun> runs
            = OverheadExperiment::run(spec, kube, QStringLiteral("istio"), cancel, {}, {},
                                      [&](const QString &phase) { phases << phase; });
        QCOMPARE(runs.size(), 4);
        QVERIFY2(phases.size() == 3 && phases.at(0).contains(QStringLiteral("off"))
                     && phases.at(1).contains(QStringLiteral(" on "))
                     && phases.at(2).contains(QStringLiteral("off")),
                 qPrintable(phases.join(QLatin1Char('\n'))));
        for (int i = 0; i < 4; ++i) {
            const ArmRun &run = runs.at(i);
            QVERIFY2(run.result.failure.isEmpty(), qPrintable(run.result.failure));
            QCOMPARE(run.arm, i < 2 ? Arm::Baseline : Arm::Mesh); // one after the other
            const auto sidecars = run.result.resources.usage(Perf::ResourceRole::Sidecar);
            QVERIFY2(
                sidecars.measured == (run.arm == Arm::Mesh),
                qPrintable(
                    QStringLiteral("run %1: sidecars measured %2").arg(i).arg(sidecars.measured)));
        }
        const OverheadReport report = OverheadReport::build(runs);
        QCOMPARE(report.rows.size(), 1);
        const auto &p50 = report.rows.first().p50;
        qInfo("p50 without the mesh %.3f ms, with it %.3f ms, added %.3f ms", p50.baselineMs,
              p50.meshMs, p50.addedMs);
        // The sign of the difference is not asserted: at 200 requests/s for 2 s the added p50
        // measured here ranges from +0.3 ms to +13 ms between runs, and on a loaded 2-core
        // machine the arms' noise is larger than the hops' cost. That the mesh arm went through
        // the sidecars is checked above (their CPU was measured, the baseline's not);
        // bench_overhead measures the proportion on a quiet run.
        QVERIFY(p50.baselineMs > 0 && p50.meshMs > 0);
        QVERIFY(qAbs(p50.addedMs - (p50.meshMs - p50.baselineMs)) < 1e-6);
        QVERIFY(
            report.warnings.join(QLatin1Char(' ')).contains(QStringLiteral("one after the other")));
        // The namespace as it was: not injected, its pods restarted without proxies.
        const auto ns = kube->get(QStringLiteral("/api/v1/namespaces/bookinfo"));
        QVERIFY(ns.ok());
        QVERIFY(!ns->value("metadata")
                     .toObject()
                     .value("labels")
                     .toObject()
                     .contains("istio-injection"));
        const auto pods = kube->list(QStringLiteral("/api/v1/namespaces/bookinfo/pods"));
        QVERIFY(pods.ok());
        for (const QJsonObject &pod : pods->items) {
            if (pod.value("metadata").toObject().contains("deletionTimestamp"))
                continue;
            for (const QJsonValue &c : pod.value("spec").toObject().value("containers").toArray())
                QVERIFY(c.toObject().value("name").toString() != QLatin1String("istio-proxy"));
        }
    }

    void beforeAndAfterInjectionBadInput()
    {
        Demo::DemoCluster::Options empty;
        empty.scenario = QStringLiteral("empty");
        empty.bookinfoTraffic = false;
        Demo::DemoCluster cluster(empty);
        QVERIFY(cluster.start().ok());
        auto kube = connect(cluster);
        QVERIFY(kube);
        ExperimentSpec spec;
        spec.injection = true;
        spec.mesh = {QStringLiteral("http://web.shop:8080/"), QStringLiteral("shop")};
        QVERIFY(!OverheadExperiment::preflight(spec, nullptr)); // no cluster
        auto refused = OverheadExperiment::preflight(spec, kube.get());
        QVERIFY(!refused);
        QVERIFY2(
            refused.error().message().contains(QStringLiteral("No mesh with sidecar injection")),
            qPrintable(refused.error().message()));
        spec.mesh.ns.clear();
        refused = OverheadExperiment::preflight(spec, kube.get());
        QVERIFY(!refused);
        QVERIFY2(refused.error().message().contains(QStringLiteral("namespace")),
                 qPrintable(refused.error().message()));
    }

    void measuresProxyCpuFromTheMetricsApi()
    {
        Demo::DemoCluster cluster; // no Prometheus: the metrics API answers
        QVERIFY(cluster.start().ok());
        QVERIFY(cluster.waitUntilSettled(20000));
        auto kube = connect(cluster);
        const ExperimentSpec spec = bookinfo(cluster);
        const std::atomic_bool cancel {false};
        const QList<ArmRun> runs
            = OverheadExperiment::run(spec, kube, QStringLiteral("istio"), cancel, {}, {});
        QCOMPARE(runs.size(), 4);
        QCOMPARE(runs.at(0).arm, Arm::Baseline); // interleaved
        QCOMPARE(runs.at(1).arm, Arm::Mesh);
        QCOMPARE(runs.at(1).result.resources.source, QStringLiteral("metrics-api"));
        const OverheadReport report = OverheadReport::build(runs);
        QCOMPARE(report.rows.size(), 2);
        for (const OverheadRow &row : report.rows) {
            QVERIFY(row.keptUp());
            QVERIFY2(row.resourcesMeasured, qPrintable(row.resourcesNote));
            QVERIFY(row.proxyCoresPer1000 > 0);
            QVERIFY(row.proxies >= 6); // productpage, details, ratings, reviews x3
        }
        QCOMPARE(report.meshType, QStringLiteral("istio"));
    }

    void measuresFromPrometheusCadvisorSeries()
    {
        if (Demo::DemoPrometheus::binary().isEmpty())
            QSKIP("Prometheus is not installed (packaging/dev.sh installs it)");
        Demo::DemoCluster::Options options;
        options.prometheus = true;
        Demo::DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        QVERIFY(cluster.waitUntilSettled(20000));
        QVERIFY(cluster.waitForPrometheus(15000));
        auto kube = connect(cluster);
        ExperimentSpec spec = bookinfo(cluster);
        spec.rates = {300};
        spec.load.duration = 7s; // several of the demo Prometheus's 2 s scrapes
        spec.sampleIntervalMs = 1000;
        // Wait until the cAdvisor series are scraped at all.
        QTest::qWait(4500);
        const std::atomic_bool cancel {false};
        const QList<ArmRun> runs
            = OverheadExperiment::run(spec, kube, QStringLiteral("istio"), cancel, {}, {});
        QCOMPARE(runs.size(), 2);
        const Perf::ResourceUsage &res = runs.at(1).result.resources;
        QVERIFY2(res.source == QLatin1String("prometheus"),
                 qPrintable(res.unavailableReason + res.warnings.join(QLatin1Char(' '))));
        const Perf::RoleUsage proxy = res.usage(Perf::ResourceRole::Sidecar);
        QVERIFY(proxy.measured);
        QVERIFY(proxy.cores > 0);
    }

    void saysWhyWithoutPrometheusOrMetricsApi()
    {
        Demo::DemoCluster::Options options;
        options.bookinfoTraffic = false; // no kubelet statistics: the metrics API answers 503
        Demo::DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        auto kube = connect(cluster);
        ExperimentSpec spec;
        spec.baseline = {cluster.serverUrl() + QStringLiteral("/healthz"), QString()};
        spec.mesh = {cluster.serverUrl() + QStringLiteral("/livez"), QString()};
        spec.rates = {50};
        spec.repeats = 1;
        spec.load.duration = 1s;
        spec.sampleIntervalMs = 500;
        const std::atomic_bool cancel {false};
        const QList<ArmRun> runs = OverheadExperiment::run(spec, kube, QString(), cancel, {}, {});
        QCOMPARE(runs.size(), 2);
        const Perf::ResourceUsage &res = runs.at(1).result.resources;
        QVERIFY(!res.available());
        QVERIFY2(res.unavailableReason.contains(QStringLiteral("metrics.k8s.io")),
                 qPrintable(res.unavailableReason));
        const OverheadReport report = OverheadReport::build(runs);
        QCOMPARE(report.rows.size(), 1); // latency is still reported
        QVERIFY(!report.rows.first().resourcesMeasured);
    }

    void cancelKeepsWhatFinished()
    {
        Demo::DemoCluster cluster;
        QVERIFY(cluster.start().ok());
        ExperimentSpec spec = bookinfo(cluster);
        spec.load.duration = 1s;
        spec.mesh.ns.clear();
        std::atomic_bool cancel {false};
        int finished = 0;
        const QList<ArmRun> runs
            = OverheadExperiment::run(spec, nullptr, QString(), cancel, {}, [&](const ArmRun &) {
                  if (++finished == 3)
                      cancel = true; // between the arms of the second rate
              });
        QCOMPARE(runs.size(), 3);
        const OverheadReport report = OverheadReport::build(runs);
        QCOMPARE(report.rows.size(), 1);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(tst_OverheadExperiment)
#include "tst_overheadexperiment.moc"
