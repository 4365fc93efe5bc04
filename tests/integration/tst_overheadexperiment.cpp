// The mesh overhead experiment against the demo cluster: refused when it would compare nothing,
// resources from the metrics API or Prometheus, and a clear reason when neither answers.
#include <demo/bookinfotraffic.h>
#include <demo/democluster.h>
#include <demo/demoprometheus.h>
#include <kube/kubeclient.h>
#include <overhead/overheadexperiment.h>

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
