// The native load engine against real sockets: bodies of every framing, constant rate,
// coordinated omission, TLS, cancel, and each kind of bad input a user meets.
#include "support/enginerun.h"
#include "support/rawhttpserver.h"

#include <demo/certificates.h>
#include <perf/loadengine.h>
#include <perf/loadrunner.h>

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/ssl.h>

#include <csignal>

using namespace Meshdeck::Perf;
using TestSupport::RawHttpServer;
using TestSupport::RawReply;
using namespace std::chrono_literals;
using TestSupport::failures;
using TestSupport::runToEnd;

namespace {

LoadSpec specFor(const std::string &url, int connections = 4, Micros duration = 1s)
{
    LoadSpec s;
    s.url = url;
    s.connections = connections;
    s.duration = duration;
    return s;
}

} // namespace

class tst_LoadEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The test server writes to sockets the engine may have closed.
        std::signal(SIGPIPE, SIG_IGN);
    }

    void closedLoopAcrossThreads()
    {
        RawHttpServer server;
        QVERIFY(server.start(
            [](int, int, const std::string &) { return RawReply {RawHttpServer::ok()}; }));
        LoadSpec spec = specFor(server.url("/x?y=1"), 6, 1s);
        spec.threads = 2;
        const LoadReport r = runToEnd(spec);
        QVERIFY2(r.counters.responses > 200, qPrintable(QString::number(r.counters.responses)));
        QCOMPARE(r.counters.failureCount(), 0u);
        QCOMPARE(r.counters.statusCodes.at(200), r.counters.responses);
        QCOMPARE(r.corrected.count(), r.counters.responses);
        QCOMPARE(r.series.size(), std::size_t(1));
        QCOMPARE(r.series.front().requests, r.counters.responses);
        QCOMPARE(r.peakConnections, 6);
        QCOMPARE(server.connections(), 6);
        QVERIFY(r.achievedRate > 0);
        QVERIFY(r.clientCpuSeconds > 0);
    }

    void framings_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<int>("status");
        QTest::newRow("content-length")
            << QByteArray(RawHttpServer::ok("0123456789").c_str()) << QByteArray("GET") << 200;
        QTest::newRow("chunked") << QByteArray(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n")
                                 << QByteArray("GET") << 200;
        QTest::newRow("interim 100 then 200") << QByteArray(
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
                                              << QByteArray("POST") << 200;
        QTest::newRow("204 without body")
            << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << QByteArray("DELETE") << 204;
        QTest::newRow("redirect counted, not followed")
            << QByteArray("HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\n\r\n")
            << QByteArray("GET") << 302;
        QTest::newRow("HEAD has no body")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n") << QByteArray("HEAD")
            << 200;
        QTest::newRow("HTTP/1.0 close-delimited")
            << QByteArray("HTTP/1.0 200 OK\r\n\r\nbody until close") << QByteArray("GET") << 200;
        QTest::newRow("server error")
            << QByteArray("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\n\r\nbusy")
            << QByteArray("GET") << 503;
    }
    void framings()
    {
        QFETCH(QByteArray, reply);
        QFETCH(QByteArray, method);
        QFETCH(int, status);
        const bool closes = reply.startsWith("HTTP/1.0");
        RawHttpServer server;
        QVERIFY(server.start([&](int, int, const std::string &head) {
            QTest::qVerify(head.rfind(method.toStdString() + " /", 0) == 0, "method", "", __FILE__,
                           __LINE__);
            return RawReply {reply.toStdString(), 0, closes};
        }));
        LoadSpec spec = specFor(server.url(), 2, 500ms);
        spec.method = method.toStdString();
        const LoadReport r = runToEnd(spec);
        QVERIFY(r.counters.responses > 20);
        QCOMPARE(r.counters.failureCount(), 0u);
        QCOMPARE(r.counters.statusCodes.at(status), r.counters.responses);
        if (status >= 300 && status < 400)
            QCOMPARE(r.counters.redirects, r.counters.responses);
        if (status >= 500)
            QCOMPARE(r.errorShare(), 1.0);
        if (closes)
            QVERIFY(r.counters.connectionsOpened >= r.counters.responses);
    }

    void constantRateHoldsTheRate()
    {
        RawHttpServer server;
        QVERIFY(server.start(
            [](int, int, const std::string &) { return RawReply {RawHttpServer::ok()}; }));
        LoadSpec spec = specFor(server.url(), 4, 2s);
        spec.mode = LoadSpec::Mode::ConstantRate;
        spec.rate = 1000;
        spec.threads = 2;
        const LoadReport r = runToEnd(spec);
        QVERIFY2(std::abs(static_cast<double>(r.counters.responses) - 2000.0) <= 20.0,
                 qPrintable(QString::number(r.counters.responses)));
        QVERIFY(std::abs(r.achievedRate - 1000.0) <= 10.0);
        QCOMPARE(r.requestedRate, 1000.0);
        QCOMPARE(r.counters.droppedSends, 0u);
        QCOMPARE(r.series.size(), std::size_t(2));
        for (const SecondPoint &p : r.series)
            QVERIFY2(p.requests >= 980 && p.requests <= 1020,
                     qPrintable(QString::number(p.requests)));
        // Service time never exceeds the time from the intended send.
        QVERIFY(r.service.percentileNs(99) <= r.corrected.percentileNs(99));
    }

    // A server that stalls 200 ms once a second. A closed loop waits politely and hides the
    // stall in its p99; a constant rate keeps the schedule and shows it.
    void coordinatedOmissionIsCorrected()
    {
        const auto origin = std::chrono::steady_clock::now();
        RawHttpServer server;
        QVERIFY(server.start([origin](int, int, const std::string &) {
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::steady_clock::now() - origin)
                                .count();
            const int phase = static_cast<int>(ms % 1000);
            RawReply r {RawHttpServer::ok()};
            if (phase < 200)
                r.delayMs = 200 - phase; // everything waits for the end of the stall
            return r;
        }));
        LoadSpec closed = specFor(server.url(), 4, 3s);
        const LoadReport c = runToEnd(closed);
        LoadSpec open = specFor(server.url(), 4, 3s);
        open.mode = LoadSpec::Mode::ConstantRate;
        open.rate = 500;
        const LoadReport o = runToEnd(open);
        const double closedP99 = static_cast<double>(c.corrected.percentileNs(99)) / 1e6;
        const double openP99 = static_cast<double>(o.corrected.percentileNs(99)) / 1e6;
        const double openP90 = static_cast<double>(o.corrected.percentileNs(90)) / 1e6;
        qInfo("closed loop p99 %.1f ms; constant rate p90 %.1f ms, p99 %.1f ms", closedP99, openP90,
              openP99);
        QVERIFY2(closedP99 < 50, "the closed loop should hide the stall");
        QVERIFY2(openP99 > 150 && openP99 < 260, "the constant rate should show the stall");
        QVERIFY2(openP90 > 50, "a fifth of the schedule falls into stalls");
        QCOMPARE(o.counters.failureCount(), 0u);
    }

    void tlsVerifiesAndResumes()
    {
        const auto material = Meshdeck::Demo::Certificates::generate({QStringLiteral("127.0.0.1")});
        QVERIFY(material.ok());
        SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
        QVERIFY(Meshdeck::Demo::Certificates::configureServer(ctx, material.value()));
        SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
        RawHttpServer server;
        // Every fourth response closes, so the engine reconnects and can resume sessions.
        QVERIFY(server.start(
            [](int, int n, const std::string &) {
                return RawReply {RawHttpServer::ok("secure", n == 3 ? "Connection: close\r\n" : ""),
                                 0, n == 3};
            },
            ctx));
        QTemporaryDir dir;
        const QString ca = dir.filePath(QStringLiteral("ca.pem"));
        QFile f(ca);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(material->caCert);
        f.close();

        LoadSpec trusted = specFor(server.url(), 2, 500ms);
        trusted.caFile = ca.toStdString();
        const LoadReport ok = runToEnd(trusted);
        QVERIFY(ok.counters.responses > 20);
        QCOMPARE(ok.counters.failureCount(), 0u);
        QVERIFY(ok.counters.connectionsOpened > 4);

        LoadSpec untrusted = specFor(server.url(), 2, 500ms);
        LoadEngine engine(untrusted);
        std::string error;
        QVERIFY(engine.start(&error));
        const LoadReport bad = engine.report();
        QCOMPARE(bad.counters.responses, 0u);
        QVERIFY(failures(bad, FailureKind::TlsFailure) > 0);
        QVERIFY2(bad.failureExamples.at(FailureKind::TlsFailure).find("certificate")
                     != std::string::npos,
                 bad.failureExamples.at(FailureKind::TlsFailure).c_str());

        LoadSpec insecure = specFor(server.url(), 2, 300ms);
        insecure.insecureTls = true;
        QVERIFY(runToEnd(insecure).counters.responses > 10);
        server.stop();
        SSL_CTX_free(ctx);
    }

    void cancelKeepsWhatWasMeasured()
    {
        RawHttpServer server;
        QVERIFY(server.start(
            [](int, int, const std::string &) { return RawReply {RawHttpServer::ok()}; }));
        LoadEngine engine(specFor(server.url(), 4, 60s));
        std::string error;
        QVERIFY(engine.start(&error));
        QTest::qWait(1200);
        QElapsedTimer clock;
        clock.start();
        engine.cancel();
        QVERIFY(engine.wait(1s));
        QVERIFY(clock.elapsed() < 1000);
        const LoadReport r = engine.report();
        QVERIFY(r.cancelled);
        QVERIFY(r.counters.responses > 0);
        QVERIFY(r.measuredSeconds > 1.0 && r.measuredSeconds < 3.0);
        QVERIFY(r.series.size() >= 1 && r.series.size() <= 3);
    }

    void startRefuses_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no scheme") << "localhost:8080/"
                                   << "no scheme";
        QTest::newRow("unknown scheme") << "ftp://example.org/"
                                        << "unsupported scheme";
        QTest::newRow("bad port") << "http://localhost:99999/"
                                  << "port";
        QTest::newRow("no host") << "http:///path"
                                 << "no host";
        QTest::newRow("space in path") << "http://localhost/a b"
                                       << "spaces";
        QTest::newRow("dns failure") << "http://no-such-host.invalid/"
                                     << "cannot resolve";
    }
    void startRefuses()
    {
        QFETCH(QString, url);
        QFETCH(QString, mentions);
        LoadEngine engine(specFor(url.toStdString()));
        std::string error;
        QVERIFY(!engine.start(&error));
        QVERIFY2(QString::fromStdString(error).contains(mentions), error.c_str());
    }

    void refusedConnectionEndsWithAClearError()
    {
        RawHttpServer server; // bound, then stopped: the port is free and refuses
        QVERIFY(server.start([](int, int, const std::string &) { return RawReply {}; }));
        const std::string url = server.url();
        server.stop();
        RunRequest request;
        request.spec = specFor(url, 4, 10s);
        std::atomic_bool cancel {false};
        QElapsedTimer clock;
        clock.start();
        const RunResult result = LoadRunner::runBlocking(request, cancel, {});
        QVERIFY2(clock.elapsed() < 4000, "a dead server should end the run early");
        QVERIFY2(result.failure.contains(QStringLiteral("refused")), qPrintable(result.failure));
    }

    void misbehavingServers_data()
    {
        QTest::addColumn<int>("behaviour");
        QTest::addColumn<int>("kind"); // FailureKind expected, or -1 for none
        QTest::newRow("closes keep-alive early (resent)") << 0 << -1;
        QTest::newRow("truncated body") << 1 << int(FailureKind::Reset);
        QTest::newRow("not HTTP") << 2 << int(FailureKind::ProtocolError);
        QTest::newRow("slow: request timeout") << 3 << int(FailureKind::ReadTimeout);
        QTest::newRow("bad chunk size") << 4 << int(FailureKind::ProtocolError);
    }
    void misbehavingServers()
    {
        QFETCH(int, behaviour);
        QFETCH(int, kind);
        RawHttpServer server;
        QVERIFY(server.start([behaviour](int, int n, const std::string &) {
            switch (behaviour) {
            case 0: // answers as keep-alive, then drops the connection after two requests
                return RawReply {RawHttpServer::ok(), 0, n == 1};
            case 1:
                return RawReply {"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten..", 0,
                                 true};
            case 2:
                return RawReply {"SSH-2.0-OpenSSH_9.2\r\n\r\n", 0, false};
            case 3:
                return RawReply {{}, 0, false, true};
            default:
                return RawReply {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 0,
                                 false};
            }
        }));
        LoadSpec spec = specFor(server.url(), 2, 700ms);
        spec.requestTimeout = 200ms;
        const LoadReport r = runToEnd(spec);
        if (kind < 0) {
            QCOMPARE(r.counters.failureCount(), 0u);
            QVERIFY(r.counters.responses > 20);
            QVERIFY(r.counters.keepAliveRetries > 0);
        } else {
            QVERIFY2(failures(r, static_cast<FailureKind>(kind)) > 0,
                     qPrintable(QStringLiteral("%1 failures").arg(r.counters.failureCount())));
            QVERIFY(!r.failureExamples.empty());
        }
    }

    void hugeBodiesAreReadAndCounted()
    {
        const std::string big(3 * 1024 * 1024, 'x');
        RawHttpServer server;
        QVERIFY(server.start(
            [&](int, int, const std::string &) { return RawReply {RawHttpServer::ok(big)}; }));
        LoadSpec spec = specFor(server.url(), 2, 700ms);
        spec.largeBodyBytes = 1024 * 1024;
        const LoadReport r = runToEnd(spec);
        QVERIFY(r.counters.responses > 2);
        QCOMPARE(r.counters.oversizedBodies, r.counters.responses);
        QCOMPARE(r.counters.failureCount(), 0u);
        QVERIFY(r.counters.bytesRead >= r.counters.responses * big.size());
    }

    void rateHigherThanReachableIsReported()
    {
        RawHttpServer server;
        QVERIFY(server.start([](int, int, const std::string &) {
            return RawReply {RawHttpServer::ok(), 20};
        }));
        LoadSpec spec = specFor(server.url(), 2, 1s);
        spec.mode = LoadSpec::Mode::ConstantRate;
        spec.rate = 1000;
        spec.maxConnections = 2; // at most ~100 req/s possible
        const LoadReport r = runToEnd(spec);
        QVERIFY2(r.achievedRate < 0.5 * r.requestedRate,
                 qPrintable(QString::number(r.achievedRate)));
        QVERIFY(r.counters.lateSends > 0);
        QCOMPARE(r.peakConnections, 2);
        // The queueing shows in the corrected latency, not in the service time.
        QVERIFY(r.corrected.percentileNs(50) > 5 * r.service.percentileNs(50));
    }

    void warmupIsExcluded()
    {
        RawHttpServer server;
        QVERIFY(server.start(
            [](int, int, const std::string &) { return RawReply {RawHttpServer::ok()}; }));
        LoadSpec spec = specFor(server.url(), 2, 500ms);
        spec.warmup = 500ms;
        const LoadReport r = runToEnd(spec);
        QVERIFY(r.counters.warmupResponses > 0);
        QCOMPARE(r.corrected.count(), r.counters.responses);
        QVERIFY(std::abs(r.measuredSeconds - 0.5) < 0.05);
        QCOMPARE(static_cast<long>(r.counters.responses + r.counters.warmupResponses),
                 server.requests());
    }
};

QTEST_GUILESS_MAIN(tst_LoadEngine)
#include "tst_loadengine.moc"
