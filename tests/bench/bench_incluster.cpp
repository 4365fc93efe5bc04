// In-cluster load on the demo: the figures of issue 13, each against a peer in the same run.
//  - exactness: 4 workers at 4 x R against 1 worker at 4 x R (p50, p99, achieved rate);
//  - start: Job created -> pods running -> first request; skew between the workers' starts;
//  - capacity: closed-loop req/s for N = 1, 2, 4 workers (grows until the target saturates).
#include <demo/democluster.h>
#include <incluster/inclusterrun.h>
#include <kube/kubeclient.h>
#include <kube/kubeconfig.h>

#include <core/httpengine.h>

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace Meshdeck;
using namespace Meshdeck::InCluster;

class bench_InCluster : public QObject
{
    Q_OBJECT

    struct Outcome
    {
        Perf::RunResult result;
        qint64 firstRunningMs = -1; // all pods seen running (or started), from the Job's creation
        qint64 maxLateMs = -1;
        qint64 minLateMs = -1;
    };

    Outcome run(int workers, Perf::LoadSpec spec, int startDelayMs = 2500)
    {
        Perf::RunRequest request;
        request.spec = spec;
        InClusterOptions options;
        options.workers = workers;
        options.startDelayMs = startDelayMs;
        InClusterRun r(m_client, request, options);
        std::atomic_bool cancel {false};
        Outcome out;
        QElapsedTimer clock;
        clock.start();
        const auto result = r.run(cancel, [&](const InClusterProgress &p) {
            int late = 0;
            qint64 lo = -1, hi = -1;
            for (const auto &w : p.workers) {
                if (w.lateMs < 0)
                    continue;
                ++late;
                lo = lo < 0 ? w.lateMs : std::min(lo, w.lateMs);
                hi = std::max(hi, w.lateMs);
            }
            if (late == workers) {
                out.minLateMs = lo;
                out.maxLateMs = hi;
            }
            int running = 0;
            for (const auto &w : p.workers)
                running += w.state == QLatin1String("Running") || w.lateMs >= 0 ? 1 : 0;
            if (running == workers && out.firstRunningMs < 0)
                out.firstRunningMs = clock.elapsed();
        });
        if (!result.ok())
            qFatal("in-cluster run failed: %s", qPrintable(result.error().toString()));
        out.result = result.value();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("MESHDECK_LOADGEN_BINARY", MESHDECK_LOADGEN_BINARY);
        m_cluster = std::make_unique<Demo::DemoCluster>();
        QVERIFY(m_cluster->start().ok());
        QVERIFY(m_cluster->waitUntilSettled(20000));
        const QString kc = m_dir.filePath(QStringLiteral("kc"));
        QVERIFY(m_cluster->writeKubeconfig(kc).ok());
        m_client = std::make_shared<Kube::KubeClient>(
            Kube::Kubeconfig::load(kc)->resolve(QString()).value(), std::make_shared<HttpEngine>());
    }
    void cleanupTestCase() { m_cluster->stop(); }

    void exactnessAndStart()
    {
        Perf::LoadSpec spec;
        spec.url = "http://productpage.bookinfo:9080/productpage";
        spec.mode = Perf::LoadSpec::Mode::ConstantRate;
        spec.rate = 400;
        spec.connections = 16;
        spec.duration = std::chrono::seconds(8);
        const Outcome one = run(1, spec);
        const Outcome four = run(4, spec);
        const auto pct = [](const Outcome &o, double p) {
            return double(o.result.report.corrected.percentileNs(p)) / 1e6;
        };
        qInfo("400 req/s on Bookinfo's productpage, 1 worker vs 4 workers (100 each):");
        qInfo("  p50 %.3f ms vs %.3f ms (ratio %.3f), p99 %.3f ms vs %.3f ms (ratio %.3f)",
              pct(one, 50), pct(four, 50), pct(four, 50) / pct(one, 50), pct(one, 99),
              pct(four, 99), pct(four, 99) / pct(one, 99));
        qInfo("  achieved %.1f vs %.1f req/s (%.2f %% and %.2f %% of requested)",
              one.result.report.achievedRate, four.result.report.achievedRate,
              100 * one.result.report.achievedRate / 400,
              100 * four.result.report.achievedRate / 400);
        qInfo("  start skew between the 4 workers: %lld ms (each began %lld..%lld ms after the "
              "common start)",
              four.maxLateMs - four.minLateMs, four.minLateMs, four.maxLateMs);
        qInfo("  Job created -> all 4 pods running: %lld ms; -> first request: %d ms + %lld ms",
              four.firstRunningMs, 2500, four.minLateMs);
    }

    void capacity()
    {
        Perf::LoadSpec spec;
        spec.url = "http://productpage.bookinfo:9080/productpage";
        spec.mode = Perf::LoadSpec::Mode::ClosedLoop;
        spec.connections = 8;
        spec.duration = std::chrono::seconds(5);
        double base = 0;
        for (const int n : {1, 2, 4}) {
            Perf::LoadSpec s = spec;
            s.connections = 8 * n;
            const Outcome o = run(n, s);
            const double rate = o.result.report.achievedRate;
            if (n == 1)
                base = rate;
            qInfo("closed loop, %d worker(s) x 8 connections: %.0f req/s (%.2fx one worker)", n,
                  rate, rate / base);
        }
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Demo::DemoCluster> m_cluster;
    std::shared_ptr<Kube::KubeClient> m_client;
};

QTEST_GUILESS_MAIN(bench_InCluster)
#include "bench_incluster.moc"
