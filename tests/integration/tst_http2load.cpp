// The load engine's HTTP/2: against nghttpd (Debian's nghttp2-server, a server we did not write)
// for the well-behaved runs, and against a server that misbehaves on purpose for the rest:
// GOAWAY mid-run (graceful and not), refused streams, a small stream limit, answers that never
// come, a server that only speaks HTTP/1.1, and TLS that will not negotiate h2.
#include "support/enginerun.h"
#include "support/h2testserver.h"
#include "support/loopback.h"
#include "support/rawhttpserver.h"

#include <demo/certificates.h>
#include <perf/loadengine.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/ssl.h>

#include <csignal>

using namespace Meshdeck::Perf;
using TestSupport::H2Behaviour;
using TestSupport::H2TestServer;
using TestSupport::RawHttpServer;
using TestSupport::RawReply;
using namespace std::chrono_literals;
using TestSupport::failures;
using TestSupport::freePort;
using TestSupport::portOpen;
using TestSupport::runToEnd;

namespace {

LoadSpec h2Spec(const std::string &url, int connections, int streams, Micros duration)
{
    LoadSpec s;
    s.url = url;
    s.protocol = LoadSpec::Protocol::Http2;
    s.connections = connections;
    s.streams = streams;
    s.duration = duration;
    return s;
}

// Every failure seen, for messages.
QString failureText(const LoadReport &r)
{
    QString text;
    for (const auto &[kind, message] : r.failureExamples)
        text += QStringLiteral("%1 x%2: %3; ")
                    .arg(QString::fromLatin1(failureKindName(kind)))
                    .arg(r.counters.failures[static_cast<std::size_t>(kind)])
                    .arg(QString::fromStdString(message));
    return text;
}

std::string example(const LoadReport &r, FailureKind k)
{
    const auto it = r.failureExamples.find(k);
    return it == r.failureExamples.end() ? std::string("(none)") : it->second;
}

// nghttpd serving a directory over h2c (prior knowledge) on a free loopback port.
class Nghttpd
{
public:
    bool start(const QString &root, const QStringList &extra = {})
    {
        const QString binary = QStandardPaths::findExecutable(
            QStringLiteral("nghttpd"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        if (binary.isEmpty())
            return false;
        m_port = freePort();
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.setStandardOutputFile(QProcess::nullDevice());
        m_process.start(binary,
                        QStringList {QStringLiteral("--no-tls"), QStringLiteral("-a"),
                                     QStringLiteral("127.0.0.1"), QStringLiteral("-d"), root}
                            + extra + QStringList {QString::number(m_port)});
        if (!m_process.waitForStarted())
            return false;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 5000 && m_process.state() == QProcess::Running) {
            if (portOpen(m_port))
                return true;
            QThread::msleep(20);
        }
        return false;
    }
    ~Nghttpd()
    {
        m_process.terminate();
        m_process.waitForFinished(3000);
    }
    [[nodiscard]] std::string url(const std::string &path) const
    {
        return "http://127.0.0.1:" + std::to_string(m_port) + path;
    }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

int selectH2(SSL *, const unsigned char **out, unsigned char *outLength, const unsigned char *in,
             unsigned int inLength, void *)
{
    static const unsigned char h2[] = {2, 'h', '2'};
    return SSL_select_next_proto(const_cast<unsigned char **>(out), outLength, h2, sizeof h2, in,
                                 inLength)
            == OPENSSL_NPN_NEGOTIATED
        ? SSL_TLSEXT_ERR_OK
        : SSL_TLSEXT_ERR_ALERT_FATAL;
}

} // namespace

class tst_Http2Load : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        std::signal(SIGPIPE, SIG_IGN);
        QVERIFY(m_root.isValid());
        QFile page(m_root.filePath(QStringLiteral("index.html")));
        QVERIFY(page.open(QIODevice::WriteOnly));
        page.write(QByteArray(100, 'x'));
        page.close();
        QVERIFY2(m_nghttpd.start(m_root.path()),
                 "nghttpd did not start: packaging/dev.sh installs Debian's nghttp2-server");
    }

    void closedLoopKeepsStreamsInFlight()
    {
        const LoadReport r = runToEnd(h2Spec(m_nghttpd.url("/index.html"), 2, 8, 1s));
        QVERIFY2(r.counters.responses > 300, qPrintable(QString::number(r.counters.responses)));
        QCOMPARE(r.counters.failureCount(), 0u);
        QCOMPARE(r.counters.statusCodes.at(200), r.counters.responses);
        QCOMPARE(r.peakConnections, 2);
        QCOMPARE(r.counters.connectionsOpened, 2u);
        QCOMPARE(r.corrected.count(), r.counters.responses);
        // 100-byte bodies came back in DATA frames; HPACK keeps the repeated headers small.
        QVERIFY(r.counters.bytesRead > r.counters.responses * 100);
        QVERIFY(r.counters.bytesWritten < r.counters.responses * 60);
    }

    // The sessions' memory comes from the worker's free lists once warm: a run four times as
    // long takes no more blocks from the heap.
    void hotPathStaysOffTheHeap()
    {
        const LoadReport shortRun = runToEnd(h2Spec(m_nghttpd.url("/index.html"), 2, 8, 300ms));
        const LoadReport longRun = runToEnd(h2Spec(m_nghttpd.url("/index.html"), 2, 8, 1200ms));
        // The long run did clearly more work (on a busy CI machine not quite four times as much).
        QVERIFY2(longRun.counters.responses > 1.5 * shortRun.counters.responses,
                 qPrintable(QStringLiteral("%1 and %2 requests")
                                .arg(shortRun.counters.responses)
                                .arg(longRun.counters.responses)));
        qInfo("HTTP/2 heap blocks: %llu for %llu requests, %llu for %llu requests",
              static_cast<unsigned long long>(shortRun.protocolAllocations),
              static_cast<unsigned long long>(shortRun.counters.responses),
              static_cast<unsigned long long>(longRun.protocolAllocations),
              static_cast<unsigned long long>(longRun.counters.responses));
        QVERIFY(shortRun.protocolAllocations > 0);
        QVERIFY2(longRun.protocolAllocations <= shortRun.protocolAllocations + 8,
                 qPrintable(QStringLiteral("%1 blocks for %2 requests, %3 for %4")
                                .arg(shortRun.protocolAllocations)
                                .arg(shortRun.counters.responses)
                                .arg(longRun.protocolAllocations)
                                .arg(longRun.counters.responses)));
    }

    void missingFileIsA404NotAFailure()
    {
        const LoadReport r = runToEnd(h2Spec(m_nghttpd.url("/nothing-here"), 1, 4, 300ms));
        QVERIFY(r.counters.responses > 10);
        QCOMPARE(r.counters.failureCount(), 0u);
        QCOMPARE(r.counters.statusCodes.at(404), r.counters.responses);
    }

    void constantRateOverStreams()
    {
        LoadSpec spec = h2Spec(m_nghttpd.url("/index.html"), 2, 4, 2s);
        spec.mode = LoadSpec::Mode::ConstantRate;
        spec.rate = 400;
        const LoadReport r = runToEnd(spec);
        QCOMPARE(r.counters.failureCount(), 0u);
        QVERIFY2(std::abs(r.achievedRate - 400) < 400 * 0.03,
                 qPrintable(QString::number(r.achievedRate)));
        QCOMPARE(r.counters.droppedSends, 0u);
        QVERIFY(r.peakConnections <= 2 * 4);
    }

    void postBodiesLargerThanTheWindow()
    {
        H2TestServer server;
        QVERIFY(server.start({}));
        LoadSpec spec = h2Spec(server.url("/upload"), 1, 4, 500ms);
        spec.method = "POST";
        spec.body = std::string(100 * 1024, 'b'); // beyond the 64 KiB initial stream window
        const LoadReport r = runToEnd(spec);
        QVERIFY2(r.counters.responses > 5, qPrintable(QString::number(r.counters.responses)));
        QCOMPARE(r.counters.failureCount(), 0u);
        QVERIFY(r.counters.bytesWritten >= r.counters.responses * spec.body.size());
    }

    void serverStreamLimitIsRespected()
    {
        H2Behaviour b;
        b.maxStreams = 3;
        H2TestServer server;
        QVERIFY(server.start(b));
        const LoadReport r = runToEnd(h2Spec(server.url(), 1, 20, 500ms));
        QVERIFY(r.counters.responses > 20);
        QVERIFY2(r.counters.failureCount() == 0, qPrintable(failureText(r)));
        QVERIFY2(server.maxOpenStreams() <= 3,
                 qPrintable(QString::number(server.maxOpenStreams())));
    }

    void gracefulGoawayMovesToNewConnections()
    {
        H2Behaviour b;
        b.goawayAfter = 50;
        H2TestServer server;
        QVERIFY(server.start(b));
        const LoadReport r = runToEnd(h2Spec(server.url(), 2, 10, 1s));
        QVERIFY(r.counters.responses > 200);
        QVERIFY2(r.counters.failureCount() == 0, qPrintable(failureText(r)));
        QVERIFY(server.connections() > 4);
        QVERIFY(r.counters.connectionsOpened > 4);
    }

    void goawayWithAnErrorIsCounted()
    {
        H2Behaviour b;
        b.goawayAfter = 20;
        b.goawayCode = NGHTTP2_ENHANCE_YOUR_CALM;
        H2TestServer server;
        QVERIFY(server.start(b));
        const LoadReport r = runToEnd(h2Spec(server.url(), 1, 10, 500ms));
        QVERIFY(r.counters.responses >= 20);
        QVERIFY(failures(r, FailureKind::GoAway) > 0);
        QVERIFY2(example(r, FailureKind::GoAway).find("ENHANCE_YOUR_CALM") != std::string::npos,
                 example(r, FailureKind::GoAway).c_str());
    }

    void refusedStreamsAreCountedWithTheirCode()
    {
        H2Behaviour b;
        b.refuseEvery = 5;
        H2TestServer server;
        QVERIFY(server.start(b));
        const LoadReport r = runToEnd(h2Spec(server.url(), 1, 10, 500ms));
        QVERIFY(r.counters.responses > 40);
        const auto refused = failures(r, FailureKind::StreamReset);
        // One in five is refused: a quarter of the answered count, give or take the last few.
        QVERIFY2(
            refused * 4 + 12 >= r.counters.responses && refused * 4 <= r.counters.responses + 12,
            qPrintable(
                QStringLiteral("%1 refused, %2 answered").arg(refused).arg(r.counters.responses)));
        QVERIFY2(example(r, FailureKind::StreamReset).find("REFUSED_STREAM") != std::string::npos,
                 example(r, FailureKind::StreamReset).c_str());
    }

    void unansweredStreamsTimeOut()
    {
        H2Behaviour b;
        b.hang = true;
        H2TestServer server;
        QVERIFY(server.start(b));
        LoadSpec spec = h2Spec(server.url(), 1, 4, 600ms);
        spec.requestTimeout = 200ms;
        QElapsedTimer t;
        t.start();
        const LoadReport r = runToEnd(spec);
        QVERIFY2(t.elapsed() < 4000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(r.counters.responses, 0u);
        QVERIFY(failures(r, FailureKind::ReadTimeout) >= 4);
        QVERIFY(example(r, FailureKind::ReadTimeout).find("request timeout") != std::string::npos);
    }

    void http1OnlyServerIsNamed()
    {
        RawHttpServer server;
        QVERIFY(server.start([](int, int, const std::string &) {
            return RawReply {"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: "
                             "close\r\n\r\n",
                             0, true};
        }));
        const LoadReport r = runToEnd(h2Spec(server.url(), 2, 4, 1s));
        QCOMPARE(r.counters.responses, 0u);
        QVERIFY(failures(r, FailureKind::ProtocolError) > 0);
        QVERIFY2(example(r, FailureKind::ProtocolError).find("does not speak h2c")
                     != std::string::npos,
                 example(r, FailureKind::ProtocolError).c_str());
        // Retried with growing pauses, not hammered in a loop.
        QVERIFY2(server.connections() < 40, qPrintable(QString::number(server.connections())));
    }

    void tlsNegotiatesH2ByAlpn()
    {
        const auto material = Meshdeck::Demo::Certificates::generate({QStringLiteral("127.0.0.1")});
        QVERIFY(material.ok());
        SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
        QVERIFY(Meshdeck::Demo::Certificates::configureServer(ctx, material.value()));
        SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
        SSL_CTX_set_alpn_select_cb(ctx, selectH2, nullptr);
        {
            H2TestServer server;
            QVERIFY(server.start({}, ctx));
            LoadSpec spec = h2Spec(server.url(), 2, 4, 500ms);
            spec.insecureTls = true;
            const LoadReport r = runToEnd(spec);
            QVERIFY2(r.counters.responses > 50, example(r, FailureKind::TlsFailure).c_str());
            QCOMPARE(r.counters.failureCount(), 0u);
        }
        SSL_CTX_free(ctx);
    }

    void tlsWithoutH2IsNamed()
    {
        const auto material = Meshdeck::Demo::Certificates::generate({QStringLiteral("127.0.0.1")});
        QVERIFY(material.ok());
        SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
        QVERIFY(Meshdeck::Demo::Certificates::configureServer(ctx, material.value()));
        SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
        {
            RawHttpServer server; // HTTP/1.1 over TLS, no ALPN
            QVERIFY(server.start(
                [](int, int, const std::string &) { return RawReply {RawHttpServer::ok()}; }, ctx));
            LoadSpec spec = h2Spec(server.url(), 1, 4, 500ms);
            spec.insecureTls = true;
            const LoadReport r = runToEnd(spec);
            QCOMPARE(r.counters.responses, 0u);
            QVERIFY(failures(r, FailureKind::TlsFailure) > 0);
            QVERIFY2(example(r, FailureKind::TlsFailure).find("did not agree to HTTP/2")
                         != std::string::npos,
                     example(r, FailureKind::TlsFailure).c_str());
        }
        SSL_CTX_free(ctx);
    }

    void streamsNeedHttp2()
    {
        LoadSpec spec = h2Spec(m_nghttpd.url("/"), 1, 4, 1s);
        spec.protocol = LoadSpec::Protocol::Http1;
        LoadEngine engine(spec);
        std::string error;
        QVERIFY(!engine.start(&error));
        QVERIFY2(error.find("HTTP/2") != std::string::npos, error.c_str());
    }

private:
    QTemporaryDir m_root;
    Nghttpd m_nghttpd;
};

QTEST_GUILESS_MAIN(tst_Http2Load)
#include "tst_http2load.moc"
