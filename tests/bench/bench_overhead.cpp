// Figures of the mesh overhead report on the demo, each against a peer measured in the same run:
//  - the demo's sidecar path against its direct path at 200, 1,000 and 2,000 requests/s
//    (achieved rate, p50, p99) and the process's threads before and during;
//  - resource sampling on against off (achieved rate and p99 ratio);
//  - the productpage sidecar's measured CPU at double the rate (ratio, expected 1.6-2.4);
//  - a 3-rate x 3-repetition experiment: every figure filled, and the HTML export's time.
#include "benchsupport.h"

#include <demo/bookinfotraffic.h>
#include <demo/democluster.h>
#include <demo/kubeletstats.h>
#include <kube/kubeclient.h>
#include <overhead/overheadexperiment.h>
#include <overhead/overheadhtml.h>
#include <overhead/overheadimage.h>
#include <perf/loadengine.h>
#include <telemetry/resourcesampler.h>

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Meshdeck;
using namespace std::chrono_literals;

namespace {

int threads()
{
    return static_cast<int>(QDir(QStringLiteral("/proc/self/task"))
                                .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                                .size());
}

Perf::LoadReport load(const QString &url, double rate, std::chrono::milliseconds duration,
                      int *threadsDuring = nullptr)
{
    Perf::LoadSpec spec;
    spec.url = url.toStdString();
    spec.mode = Perf::LoadSpec::Mode::ConstantRate;
    spec.rate = rate;
    spec.connections = 32;
    spec.duration = duration;
    spec.warmup = 1s;
    Perf::LoadEngine engine(spec);
    std::string error;
    std::thread watcher;
    if (threadsDuring)
        watcher = std::thread([threadsDuring, duration] {
            std::this_thread::sleep_for(duration / 2 + 1s);
            *threadsDuring = threads();
        });
    if (!engine.start(&error))
        qFatal("%s", error.c_str());
    if (watcher.joinable())
        watcher.join();
    return engine.report();
}

// A load run by `meshdeck perf run` in a process of its own, as a user runs it beside the demo
// (the generator's threads then do not share the demo's process).
struct External
{
    double achieved = 0, p50 = 0, p99 = 0;
};

External loadFromOutside(const QString &url, double rate, int seconds, int *threadsDuring)
{
    QProcess p;
    p.start(QString::fromUtf8(MESHDECK_BINARY),
            {QStringLiteral("perf"), QStringLiteral("run"), QStringLiteral("--url"), url,
             QStringLiteral("--rate"), QString::number(rate), QStringLiteral("--connections"),
             QStringLiteral("32"), QStringLiteral("--duration"), QStringLiteral("%1s").arg(seconds),
             QStringLiteral("--warmup"), QStringLiteral("1s"), QStringLiteral("--json")});
    QTest::qWait((seconds / 2 + 1) * 1000);
    *threadsDuring = threads();
    p.waitForFinished(60000);
    const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    const QJsonObject l = o.value(QStringLiteral("latency_ms")).toObject();
    return {o.value(QStringLiteral("achieved_rate")).toDouble(),
            l.value(QStringLiteral("p50")).toDouble(), l.value(QStringLiteral("p99")).toDouble()};
}

double ms(const Perf::LoadReport &r, double p)
{
    return static_cast<double>(r.corrected.percentileNs(p)) / 1e6;
}

double proxyCpu(Demo::KubeletStats &stats)
{
    for (const auto &r : stats.read()) {
        if (r.container == QLatin1String("istio-proxy")
            && r.podLabels.value(QLatin1String("app")) == QLatin1String("productpage"))
            return r.cpuSeconds;
    }
    return 0;
}

} // namespace

class bench_Overhead : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_cluster.start().ok());
        QVERIFY(m_cluster.waitUntilSettled(20000));
        const QString path = m_dir.filePath(QStringLiteral("kubeconfig"));
        QVERIFY(m_cluster.writeKubeconfig(path).ok());
        auto kube = Kube::KubeClient::fromKubeconfig(path, QString());
        QVERIFY(kube.ok());
        m_kube = *kube;
    }

    void sidecarPathAgainstDirect()
    {
        const QString direct = m_cluster.bookinfo()->productpageUrl();
        const QString mesh = m_cluster.bookinfo()->productpageMeshUrl();
        const int before = threads();
        for (const double rate : {200.0, 1000.0, 2000.0}) {
            int during = 0;
            const External d = loadFromOutside(direct, rate, 5, &during);
            const External m = loadFromOutside(mesh, rate, 5, &during);
            qInfo("%5.0f/s  direct: %7.1f/s p50 %6.2f ms p99 %6.2f ms | sidecars: %7.1f/s p50 "
                  "%6.2f ms p99 %6.2f ms | rate ratio %.3f, p99 ratio %.2f | threads %d before, "
                  "%d during",
                  rate, d.achieved, d.p50, d.p99, m.achieved, m.p50, m.p99, m.achieved / d.achieved,
                  m.p99 / d.p99, before, during);
        }
    }

    void samplingCostsNothingVisible()
    {
        const QString mesh = m_cluster.bookinfo()->productpageMeshUrl();
        std::vector<double> rateRatio, p99Ratio;
        for (int i = 0; i < 3; ++i) {
            const Perf::LoadReport off = load(mesh, 1000, 4s);
            Telemetry::ResourceScope scope;
            scope.targetNamespaces = {QStringLiteral("bookinfo")};
            Telemetry::ResourceSampler sampler(m_kube, scope, 1000);
            sampler.start();
            const Perf::LoadReport on = load(mesh, 1000, 4s);
            const Perf::ResourceUsage usage
                = sampler.finish(QDateTime::currentDateTimeUtc().addSecs(-5), 1, 5);
            QVERIFY2(usage.available(), qPrintable(usage.unavailableReason));
            rateRatio.push_back(on.achievedRate / off.achievedRate);
            p99Ratio.push_back(ms(on, 99) / ms(off, 99));
        }
        qInfo("sampling on/off at 1,000/s (metrics API every second): achieved rate ratio %.3f, "
              "p99 ratio %.2f (median of 3)",
              Bench::median(rateRatio), Bench::median(p99Ratio));
    }

    void proxyCpuFollowsTheLoad()
    {
        Demo::KubeletStats &stats = *m_cluster.kubelet();
        const QString mesh = m_cluster.bookinfo()->productpageMeshUrl();
        std::vector<double> ratios;
        for (int i = 0; i < 3; ++i) {
            const double a0 = proxyCpu(stats);
            load(mesh, 500, 4s);
            const double a1 = proxyCpu(stats);
            load(mesh, 1000, 4s);
            const double a2 = proxyCpu(stats);
            ratios.push_back((a2 - a1) / (a1 - a0));
        }
        qInfo("productpage sidecar CPU at 1,000/s against 500/s: ratio %.2f (median of 3; "
              "expected 1.6-2.4)",
              Bench::median(ratios));
    }

    void experimentAndExport()
    {
        Overhead::ExperimentSpec spec;
        spec.baseline = {m_cluster.bookinfo()->productpageUrl(), QString()};
        spec.mesh = {m_cluster.bookinfo()->productpageMeshUrl(), QStringLiteral("bookinfo")};
        spec.rates = {100, 500, 1000};
        spec.repeats = 3;
        spec.load.duration = 4s;
        spec.load.warmup = 1s;
        spec.load.connections = 32;
        spec.sampleIntervalMs = 1000;
        QElapsedTimer t;
        t.start();
        const std::atomic_bool cancel {false};
        const auto runs = Overhead::OverheadExperiment::run(spec, m_kube, QStringLiteral("istio"),
                                                            cancel, {}, {});
        const double experimentSeconds = static_cast<double>(t.elapsed()) / 1000;
        const auto report = Overhead::OverheadReport::build(runs);
        int filled = 0;
        for (const auto &row : report.rows)
            filled += row.pairs == 3 && row.resourcesMeasured && row.keptUp() ? 1 : 0;
        t.restart();
        const QString path = m_dir.filePath(QStringLiteral("report.html"));
        QVERIFY(Overhead::OverheadHtml::write(report, path).ok());
        const double exportMs = static_cast<double>(t.nsecsElapsed()) / 1e6;
        t.restart();
        QVERIFY(Overhead::OverheadImage::write(report, m_dir.filePath(QStringLiteral("report.png")))
                    .ok());
        const double pngMs = static_cast<double>(t.nsecsElapsed()) / 1e6;
        int controlPlane = 0;
        for (const auto &row : report.rows)
            controlPlane += row.controlPlaneMeasured ? 1 : 0;
        qInfo("3 rates x 3 repetitions: %d of 3 rows with every figure (control plane measured "
              "in %d), %.0f s; HTML export %.2f ms, PNG export %.2f ms (goal < 1,000 ms)",
              filled, controlPlane, experimentSeconds, exportMs, pngMs);
        qInfo("%s", qPrintable(report.toText()));
    }

private:
    Demo::DemoCluster m_cluster;
    QTemporaryDir m_dir;
    std::shared_ptr<Kube::KubeClient> m_kube;
};

QTEST_MAIN(bench_Overhead) // a QGuiApplication: the PNG export draws text
#include "bench_overhead.moc"
