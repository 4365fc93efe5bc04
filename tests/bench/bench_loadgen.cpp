// Figures of the native load engine (issue "Benchmark engine"), against wrk in the same run, on
// nginx serving a 100-byte file on loopback (one worker):
//  1. Closed loop, 1 thread x 50 connections and 2 x 100: requests/s native / wrk, and client
//     CPU per request native / wrk (goals: >= 1.0 and <= 0.9).
//  2. Constant rate at 10,000 and 20,000 requests/s: achieved / requested (goal: within 1 %),
//     and p50/p99 from the intended send time (the wrk2-style correction) next to the service
//     time and to wrk's closed-loop figures on the same target.
//  3. Memory over a long constant-rate run: resident set at the start and the end
//     (MESHDECK_BENCH_LONG_SECONDS, default 60; the figure is 600).
// Each closed-loop figure is the median of three alternating rounds; the machine is noisy.
#include "benchsupport.h"

#include <perf/externalgenerator.h>
#include <perf/loadengine.h>

#include <QTemporaryDir>
#include <QTest>

using namespace Meshdeck;
using namespace Meshdeck::Perf;
using namespace std::chrono_literals;

namespace {

struct Figure
{
    double rate = 0;
    double cpuPerRequestUs = 0;
    double p50Ms = 0;
    double p99Ms = 0;
};

Figure native(const LoadSpec &spec)
{
    LoadEngine engine(spec);
    std::string error;
    if (!engine.start(&error))
        qFatal("%s", error.c_str());
    const LoadReport r = engine.report();
    return {r.achievedRate, r.clientCpuSeconds * 1e6 / static_cast<double>(r.counters.responses),
            static_cast<double>(r.corrected.percentileNs(50)) / 1e6,
            static_cast<double>(r.corrected.percentileNs(99)) / 1e6};
}

Figure wrk(const LoadSpec &spec)
{
    std::atomic_bool cancel {false};
    const double before = Bench::childCpuSeconds();
    const auto r = ExternalGenerator::run(Generator::Wrk, spec, cancel, {});
    const double cpu = Bench::childCpuSeconds() - before;
    if (!r)
        qFatal("wrk: %s", qPrintable(r.error().toString()));
    return {r->achievedRate, cpu * 1e6 / static_cast<double>(r->counters.responses),
            static_cast<double>(r->corrected.percentileNs(50)) / 1e6,
            static_cast<double>(r->corrected.percentileNs(99)) / 1e6};
}

} // namespace

class bench_LoadGen : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    Bench::Nginx m_nginx;
    std::string m_url;

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("wrk")).isEmpty())
            QSKIP("wrk is not installed (packaging/dev.sh bench installs it)");
        QFile f(m_root.filePath(QStringLiteral("index.html")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(100, 'x'));
        f.close();
        if (!m_nginx.start(m_root.path()))
            QSKIP("nginx is not installed (packaging/dev.sh bench installs it)");
        m_url = "http://127.0.0.1:" + std::to_string(m_nginx.port()) + "/index.html";
    }

    void closedLoop_data()
    {
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("connections");
        QTest::newRow("1x50") << 1 << 50;
        QTest::newRow("2x100") << 2 << 100;
    }
    void closedLoop()
    {
        QFETCH(int, threads);
        QFETCH(int, connections);
        LoadSpec spec;
        spec.url = m_url;
        spec.threads = threads;
        spec.connections = connections;
        spec.duration = 5s;
        spec.warmup = 0s;
        const auto [ours, peer] = Bench::alternate<Figure>(
            3, [&] { return native(spec); }, [&] { return wrk(spec); });
        const double nativeRate = Bench::medianOf(ours, &Figure::rate);
        const double wrkRate = Bench::medianOf(peer, &Figure::rate);
        const double nativeCpu = Bench::medianOf(ours, &Figure::cpuPerRequestUs);
        const double wrkCpu = Bench::medianOf(peer, &Figure::cpuPerRequestUs);
        const double rateRatio = nativeRate / wrkRate;
        const double cpuRatio = nativeCpu / wrkCpu;
        qInfo("closed loop %d thread(s) x %d connections: native %.0f req/s, wrk %.0f req/s -> "
              "requests/s ratio native/wrk %.2f (goal >= 1.0)",
              threads, connections, nativeRate, wrkRate, rateRatio);
        qInfo("closed loop %d thread(s) x %d connections: CPU per request native %.2f us, wrk "
              "%.2f us -> ratio native/wrk %.2f (goal <= 0.9)",
              threads, connections, nativeCpu, wrkCpu, cpuRatio);
        QVERIFY(rateRatio > 0);
    }

    void constantRate_data()
    {
        QTest::addColumn<double>("rate");
        QTest::addColumn<int>("threads");
        QTest::newRow("10000/s") << 10000.0 << 1;
        QTest::newRow("20000/s") << 20000.0 << 2;
    }
    void constantRate()
    {
        QFETCH(double, rate);
        QFETCH(int, threads);
        LoadSpec spec;
        spec.url = m_url;
        spec.mode = LoadSpec::Mode::ConstantRate;
        spec.rate = rate;
        spec.threads = threads;
        spec.connections = 50;
        spec.duration = 5s;
        spec.warmup = 1s;
        LoadEngine engine(spec);
        std::string error;
        QVERIFY(engine.start(&error));
        const LoadReport r = engine.report();
        LoadSpec closed = spec;
        closed.mode = LoadSpec::Mode::ClosedLoop;
        closed.warmup = 0s;
        const Figure w = wrk(closed);
        const double share = r.achievedRate / rate;
        qInfo("constant rate %.0f/s: achieved %.1f/s = %.2f %% of requested (goal: within 1 %%); "
              "%llu sent over 1 ms late, %llu never sent",
              rate, r.achievedRate, share * 100,
              static_cast<unsigned long long>(r.counters.lateSends),
              static_cast<unsigned long long>(r.counters.droppedSends));
        qInfo("constant rate %.0f/s: native p50 %.3f ms p99 %.3f ms from the intended send time, "
              "service time p50 %.3f ms p99 %.3f ms; wrk closed loop (%.0f req/s) p50 %.3f ms p99 "
              "%.3f ms -> p99 ratio native corrected / wrk %.2f",
              rate, static_cast<double>(r.corrected.percentileNs(50)) / 1e6,
              static_cast<double>(r.corrected.percentileNs(99)) / 1e6,
              static_cast<double>(r.service.percentileNs(50)) / 1e6,
              static_cast<double>(r.service.percentileNs(99)) / 1e6, w.rate, w.p50Ms, w.p99Ms,
              static_cast<double>(r.corrected.percentileNs(99)) / 1e6 / w.p99Ms);
        QVERIFY(share > 0);
    }

    void memoryStaysFlat()
    {
        const int seconds = qEnvironmentVariableIntValue("MESHDECK_BENCH_LONG_SECONDS") > 0
            ? qEnvironmentVariableIntValue("MESHDECK_BENCH_LONG_SECONDS")
            : 60;
        LoadSpec spec;
        spec.url = m_url;
        spec.mode = LoadSpec::Mode::ConstantRate;
        spec.rate = 5000;
        spec.connections = 20;
        spec.duration = std::chrono::seconds(seconds);
        LoadEngine engine(spec);
        std::string error;
        QVERIFY(engine.start(&error));
        QTest::qWait(3000);
        (void)engine.progress();
        const qint64 early = Bench::rssKiB();
        qint64 peak = early;
        while (!engine.wait(1s)) {
            (void)engine.progress(); // as the runner does: completed seconds handed out
            peak = std::max(peak, Bench::rssKiB());
        }
        const LoadReport r = engine.report();
        qInfo("memory over %d s at 5,000 req/s (%llu requests): RSS %lld KiB after 3 s, peak "
              "%lld KiB -> growth %lld KiB (%.2f bytes per request); %zu one-second points",
              seconds, static_cast<unsigned long long>(r.counters.responses), early, peak,
              peak - early,
              static_cast<double>(peak - early) * 1024.0
                  / static_cast<double>(r.counters.responses),
              r.series.size());
        QVERIFY(r.counters.responses > 0);
    }
};

QTEST_GUILESS_MAIN(bench_LoadGen)
#include "bench_loadgen.moc"
