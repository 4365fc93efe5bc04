// HTTP/2 figures of the native load engine (issue "HTTP/2 and gRPC load"), against h2load
// (Debian's nghttp2-client, the HTTP/2 load generator most people know) in the same run, on
// nginx serving a 100-byte file over h2c on loopback (one worker):
//   closed loop, 1 thread, 10 connections x 10 streams: requests/s native / h2load (goal >= 1.0)
//   and client CPU per request native / h2load (goal <= 1.0);
//   constant rate: achieved / requested over HTTP/2 (goal: within 1 %);
//   gRPC at a constant rate against a server that stalls 200 ms once a second: achieved /
//   requested (goal: within 1 %) and p99 from the intended send time next to the service time's
//   (the stall must show in the first, as in the HTTP/1.1 figure).
// Each closed-loop figure is the median of three alternating rounds; the machine is noisy.
#include "benchsupport.h"
#include "support/h2testserver.h"

#include <perf/loadengine.h>

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Meshdeck::Perf;
using namespace std::chrono_literals;

namespace {

struct Figure
{
    double rate = 0;
    double cpuPerRequestUs = 0;
    std::uint64_t failed = 0;
};

Figure native(const LoadSpec &spec)
{
    LoadEngine engine(spec);
    std::string error;
    if (!engine.start(&error))
        qFatal("%s", error.c_str());
    const LoadReport r = engine.report();
    return {r.achievedRate, r.clientCpuSeconds * 1e6 / static_cast<double>(r.counters.responses),
            r.counters.failureCount()};
}

Figure h2load(const LoadSpec &spec)
{
    QProcess p;
    const double before = Bench::childCpuSeconds();
    p.start(QStringLiteral("h2load"),
            {QStringLiteral("-t"), QString::number(spec.threads), QStringLiteral("-c"),
             QString::number(spec.connections), QStringLiteral("-m"), QString::number(spec.streams),
             QStringLiteral("-D"), QString::number(spec.duration.count() / 1'000'000),
             QString::fromStdString(spec.url)});
    if (!p.waitForFinished(120'000))
        qFatal("h2load did not finish");
    const double cpu = Bench::childCpuSeconds() - before;
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const auto rate
        = QRegularExpression(QStringLiteral("finished in [0-9.]+m?s, ([0-9.]+) req/s")).match(out);
    const auto done
        = QRegularExpression(QStringLiteral("requests: \\d+ total, \\d+ started, (\\d+) done, "
                                            "(\\d+) succeeded, (\\d+) failed, (\\d+) errored"))
              .match(out);
    if (!rate.hasMatch() || !done.hasMatch())
        qFatal("cannot read h2load's output:\n%s", qPrintable(out));
    const double requests = done.captured(1).toDouble();
    return {rate.captured(1).toDouble(), cpu * 1e6 / requests,
            done.captured(3).toULongLong() + done.captured(4).toULongLong()};
}

} // namespace

class bench_Http2 : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    Bench::Nginx m_nginx;
    std::string m_url;

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("h2load")).isEmpty())
            QSKIP("h2load is not installed (packaging/dev.sh installs nghttp2-client)");
        QFile f(m_root.filePath(QStringLiteral("index.html")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(100, 'x'));
        f.close();
        if (!m_nginx.start(m_root.path(), true))
            QSKIP("nginx is not installed (packaging/dev.sh bench installs it)");
        m_url = "http://127.0.0.1:" + std::to_string(m_nginx.port()) + "/index.html";
    }

    void closedLoop()
    {
        LoadSpec spec;
        spec.url = m_url;
        spec.protocol = LoadSpec::Protocol::Http2;
        spec.threads = 1;
        spec.connections = 10;
        spec.streams = 10;
        spec.duration = 5s;
        const auto [ours, peer] = Bench::alternate<Figure>(
            3, [&] { return native(spec); }, [&] { return h2load(spec); });
        std::uint64_t nativeFailed = 0, peerFailed = 0;
        for (const Figure &f : ours)
            nativeFailed += f.failed;
        for (const Figure &f : peer)
            peerFailed += f.failed;
        const double nativeRate = Bench::medianOf(ours, &Figure::rate);
        const double peerRate = Bench::medianOf(peer, &Figure::rate);
        const double nativeCpu = Bench::medianOf(ours, &Figure::cpuPerRequestUs);
        const double peerCpu = Bench::medianOf(peer, &Figure::cpuPerRequestUs);
        const double rateRatio = nativeRate / peerRate;
        const double cpuRatio = nativeCpu / peerCpu;
        qInfo("HTTP/2 closed loop 1 thread x 10 connections x 10 streams: native %.0f req/s, "
              "h2load %.0f req/s -> requests/s ratio native/h2load %.2f (goal >= 1.0)",
              nativeRate, peerRate, rateRatio);
        qInfo("HTTP/2 closed loop: CPU per request native %.2f us, h2load %.2f us -> ratio "
              "native/h2load %.2f (goal <= 1.0); failed requests native %llu, h2load %llu",
              nativeCpu, peerCpu, cpuRatio, static_cast<unsigned long long>(nativeFailed),
              static_cast<unsigned long long>(peerFailed));
        QCOMPARE(nativeFailed, 0u);
    }

    void constantRate()
    {
        LoadSpec spec;
        spec.url = m_url;
        spec.protocol = LoadSpec::Protocol::Http2;
        spec.mode = LoadSpec::Mode::ConstantRate;
        spec.rate = 10000;
        spec.connections = 10;
        spec.streams = 10;
        spec.duration = 5s;
        spec.warmup = 1s;
        LoadEngine engine(spec);
        std::string error;
        QVERIFY(engine.start(&error));
        const LoadReport r = engine.report();
        qInfo("HTTP/2 constant rate 10000/s over 10 connections x 10 streams: achieved %.1f/s = "
              "%.2f %% of requested (goal: within 1 %%); p50 %.3f ms, p99 %.3f ms from the "
              "intended send time; %llu sent over 1 ms late",
              r.achievedRate, r.achievedRate / spec.rate * 100,
              static_cast<double>(r.corrected.percentileNs(50)) / 1e6,
              static_cast<double>(r.corrected.percentileNs(99)) / 1e6,
              static_cast<unsigned long long>(r.counters.lateSends));
        QCOMPARE(r.counters.failureCount(), 0u);
    }

    void grpcStallShows();
};

void bench_Http2::grpcStallShows()
{
    TestSupport::H2Behaviour b;
    // HealthCheckResponse{status: SERVING}, framed.
    b.body = std::string("\0\0\0\0\x02\x08\x01", 7);
    b.grpcStatus = 0;
    b.stallPeriodMs = 1000;
    b.stallMs = 200;
    TestSupport::H2TestServer server;
    QVERIFY(server.start(b));
    LoadSpec spec;
    spec.url = server.url();
    spec.protocol = LoadSpec::Protocol::Grpc;
    spec.grpcMethod = "grpc.health.v1.Health/Check";
    spec.mode = LoadSpec::Mode::ConstantRate;
    spec.rate = 1000;
    // 4 x 10 streams: fewer than the 200 calls due during a stall, so that some wait to be sent
    // and only the intended-time latency sees how long.
    spec.connections = 4;
    spec.maxConnections = 4;
    spec.streams = 10;
    spec.duration = 6s;
    spec.warmup = 1s;
    LoadEngine engine(spec);
    std::string error;
    QVERIFY(engine.start(&error));
    const LoadReport r = engine.report();
    const double corrected = static_cast<double>(r.corrected.percentileNs(99)) / 1e6;
    const double service = static_cast<double>(r.service.percentileNs(99)) / 1e6;
    qInfo("gRPC constant rate 1000/s, server stalling 200 ms once a second: achieved %.1f/s = "
          "%.2f %% of requested (goal: within 1 %%); p99 %.1f ms from the intended send time, "
          "%.1f ms service time -> corrected/service %.2f; OK %llu of %llu",
          r.achievedRate, r.achievedRate / spec.rate * 100, corrected, service,
          service > 0 ? corrected / service : 0,
          static_cast<unsigned long long>(r.counters.grpcCodes.count(0) ? r.counters.grpcCodes.at(0)
                                                                        : 0),
          static_cast<unsigned long long>(r.counters.responses));
    QCOMPARE(r.counters.failureCount(), 0u);
}

QTEST_GUILESS_MAIN(bench_Http2)
#include "bench_http2.moc"
