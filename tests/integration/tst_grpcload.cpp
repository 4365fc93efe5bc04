// gRPC unary load: Meshdeck's engine against the official gRPC server (Debian's python3-grpcio)
// and against the demo's Bookinfo, the official client against the demo, and the bad input
// a gRPC user meets (unknown method, deadline, missing trailers, a huge message).
#include "support/enginerun.h"
#include "support/h2testserver.h"

#include <demo/bookinfotraffic.h>
#include <demo/democluster.h>
#include <perf/loadengine.h>
#include <proto/grpccatalog.h>

#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

#include <csignal>

using namespace Meshdeck;
using namespace Meshdeck::Perf;
using namespace std::chrono_literals;
using TestSupport::failures;
using TestSupport::runToEnd;

namespace {

LoadSpec grpcSpec(const std::string &url, const std::string &method, Micros duration)
{
    LoadSpec s;
    s.url = url;
    s.protocol = LoadSpec::Protocol::Grpc;
    s.grpcMethod = method;
    s.connections = 2;
    s.streams = 4;
    s.duration = duration;
    return s;
}

std::uint64_t code(const LoadReport &r, int grpcStatus)
{
    const auto it = r.counters.grpcCodes.find(grpcStatus);
    return it == r.counters.grpcCodes.end() ? 0 : it->second;
}

QString python()
{
    return QFile::exists(QStringLiteral("/usr/bin/python3")) ? QStringLiteral("/usr/bin/python3")
                                                             : QStringLiteral("python3");
}

QString script(const char *name)
{
    return QStringLiteral(MESHDECK_SOURCE_DIR "/tests/integration/python/") + QLatin1String(name);
}

std::string hostPort(const QString &url)
{
    return QUrl(url).authority().toStdString();
}

} // namespace

class tst_GrpcLoad : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        std::signal(SIGPIPE, SIG_IGN);
        QVERIFY(m_cluster.start().ok());
        m_server.start(python(), {script("grpc_echo_server.py")});
        QVERIFY(m_server.waitForStarted());
        QVERIFY2(m_server.waitForReadyRead(15000),
                 "the gRPC server did not start: packaging/dev.sh installs python3-grpcio");
        m_serverUrl = "http://127.0.0.1:" + m_server.readLine().trimmed().toStdString();
    }

    void cleanupTestCase()
    {
        m_server.closeWriteChannel();
        m_server.waitForFinished(5000);
    }

    // The official gRPC server: OK calls, UNIMPLEMENTED named, deadlines from the timeout.
    void officialServer()
    {
        LoadSpec say = grpcSpec(m_serverUrl, "test.Echo/Say", 1s);
        say.body = "hello";
        const LoadReport ok = runToEnd(say);
        QVERIFY2(ok.counters.responses > 50, qPrintable(QString::number(ok.counters.responses)));
        QCOMPARE(code(ok, 0), ok.counters.responses);
        QCOMPARE(ok.counters.failureCount(), 0u);
        QCOMPARE(ok.errorShare(), 0.0);

        const LoadReport missing = runToEnd(grpcSpec(m_serverUrl, "test.Echo/Nope", 500ms));
        QVERIFY(missing.counters.responses > 10);
        QCOMPARE(code(missing, 12), missing.counters.responses); // UNIMPLEMENTED
        QCOMPARE(missing.errorShare(), 1.0);
        QVERIFY(missing.grpcMessages.count(12));

        LoadSpec slow = grpcSpec(m_serverUrl, "test.Echo/Slow", 1s);
        slow.requestTimeout = 300ms; // sent as grpc-timeout: the server gives up first
        const LoadReport late = runToEnd(slow);
        QVERIFY(code(late, 4) + late.counters.failures[static_cast<int>(FailureKind::ReadTimeout)]
                >= 2);
        QCOMPARE(code(late, 0), 0u);
    }

    // The demo's Bookinfo: the health check, each service's method with a JSON-made message,
    // directly and through the sidecars; UNIMPLEMENTED for others, naming the method.
    void demoServices()
    {
        const Demo::BookinfoTraffic *bookinfo = m_cluster.bookinfo();
        for (const QString &base : {bookinfo->productpageUrl(), bookinfo->productpageMeshUrl()}) {
            const std::string url = "http://" + hostPort(base);
            const LoadReport health = runToEnd(grpcSpec(url, "grpc.health.v1.Health/Check", 300ms));
            QVERIFY(health.counters.responses > 10);
            QCOMPARE(code(health, 0), health.counters.responses);

            LoadSpec page = grpcSpec(url, "bookinfo.ProductPage/GetProductPage", 500ms);
            page.body
                = GrpcCatalog::builtIn().requestFromJson(page.grpcMethod, R"({"id": 4})").value();
            const LoadReport pages = runToEnd(page);
            QVERIFY(pages.counters.responses > 10);
            QCOMPARE(code(pages, 0), pages.counters.responses);
            QCOMPARE(pages.counters.failureCount(), 0u);

            const LoadReport unknown = runToEnd(grpcSpec(url, "shop.Cart/Add", 300ms));
            QCOMPARE(code(unknown, 12), unknown.counters.responses);
            QVERIFY2(unknown.grpcMessages.at(12).find("shop.Cart/Add") != std::string::npos,
                     unknown.grpcMessages.at(12).c_str());
        }
        const std::string details
            = "http://" + hostPort(bookinfo->serviceUrl(QStringLiteral("details")));
        // A second, not 300 ms: on a busy machine the first connection alone can take that.
        LoadSpec get = grpcSpec(details, "bookinfo.Details/GetDetails", 1000ms);
        get.body = GrpcCatalog::builtIn().requestFromJson(get.grpcMethod, R"({"id": 9})").value();
        QCOMPARE(code(runToEnd(get), 0) > 10, true);
    }

    void constantRateIsKept()
    {
        const std::string url
            = "http://" + hostPort(m_cluster.bookinfo()->serviceUrl(QStringLiteral("details")));
        LoadSpec spec = grpcSpec(url, "grpc.health.v1.Health/Check", 2s);
        spec.mode = LoadSpec::Mode::ConstantRate;
        spec.rate = 500;
        const LoadReport r = runToEnd(spec);
        QVERIFY2(std::abs(r.achievedRate - 500) <= 5, qPrintable(QString::number(r.achievedRate)));
        QCOMPARE(code(r, 0), r.counters.responses);
    }

    // The official Python client calls the demo through its sidecars.
    void officialClient()
    {
        QProcess client;
        client.start(
            python(),
            {script("grpc_client.py"),
             QString::fromStdString(hostPort(m_cluster.bookinfo()->productpageMeshUrl()))});
        QVERIFY(client.waitForFinished(30000));
        const QByteArray out = client.readAllStandardOutput() + client.readAllStandardError();
        QVERIFY2(client.exitCode() == 0, out.constData());
        QVERIFY2(out.contains("nope UNIMPLEMENTED"), out.constData());
    }

    void missingTrailersAreNamed()
    {
        TestSupport::H2TestServer server; // plain HTTP/2 200s: no grpc-status
        QVERIFY(server.start({}));
        const LoadReport r = runToEnd(grpcSpec(server.url(), "a.B/C", 300ms));
        QCOMPARE(r.counters.responses, 0u);
        const auto protocol = r.failureExamples.find(FailureKind::ProtocolError);
        QVERIFY(protocol != r.failureExamples.end());
        QVERIFY2(protocol->second.find("without a grpc-status") != std::string::npos,
                 protocol->second.c_str());
    }

    void hugeResponsesAreReadAndCounted()
    {
        TestSupport::H2Behaviour b;
        const std::uint32_t size = 3 * 1024 * 1024;
        b.body = std::string(5 + size, 'm');
        b.body[0] = 0;
        for (int i = 0; i < 4; ++i)
            b.body[static_cast<std::size_t>(1 + i)] = static_cast<char>(size >> (24 - 8 * i));
        b.grpcStatus = 0;
        TestSupport::H2TestServer server;
        QVERIFY(server.start(b));
        LoadSpec spec = grpcSpec(server.url(), "big.Data/Get", 500ms);
        spec.largeBodyBytes = 1024 * 1024;
        const LoadReport r = runToEnd(spec);
        QVERIFY(r.counters.responses > 0);
        QCOMPARE(code(r, 0), r.counters.responses);
        QCOMPARE(r.counters.oversizedBodies, r.counters.responses);
        QVERIFY(r.counters.bytesRead > r.counters.responses * size);
    }

    void badMethodIsRefused()
    {
        for (const std::string method : {"", "NoSlash", "/x", "a.B/", "a/b/c"}) {
            LoadEngine engine(grpcSpec(m_serverUrl, method, 1s));
            std::string error;
            QVERIFY(!engine.start(&error));
            QVERIFY2(error.find("package.Service/Method") != std::string::npos, error.c_str());
        }
    }

private:
    Demo::DemoCluster m_cluster;
    QProcess m_server;
    std::string m_serverUrl;
};

QTEST_GUILESS_MAIN(tst_GrpcLoad)
#include "tst_grpcload.moc"
