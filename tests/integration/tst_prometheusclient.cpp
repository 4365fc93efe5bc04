// The Prometheus client against real HTTP servers that answer badly on purpose, and through the
// demo cluster's service proxy: each bad input gets an error that says what to do.
#include "support/rawhttpserver.h"

#include <core/httpengine.h>
#include <demo/democluster.h>
#include <kube/kubeclient.h>
#include <kube/kubeconfig.h>
#include <telemetry/meshvocabulary.h>
#include <telemetry/prometheusclient.h>
#include <topology/topologysource.h>

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Meshdeck;
using namespace Meshdeck::Telemetry;
using TestSupport::RawHttpServer;
using TestSupport::RawReply;

class tst_PrometheusClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { std::signal(SIGPIPE, SIG_IGN); }

    void badServers_data()
    {
        QTest::addColumn<int>("behaviour");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("401") << 0 << int(ErrorCode::Unauthorized) << "credentials";
        QTest::newRow("invalid json") << 1 << int(ErrorCode::ParseError) << "not Prometheus's JSON";
        QTest::newRow("status error") << 2 << int(ErrorCode::HttpError) << "parse error";
        QTest::newRow("slow") << 3 << int(ErrorCode::Timeout) << "";
        QTest::newRow("500 html") << 4 << int(ErrorCode::HttpError) << "HTTP 500";
    }
    void badServers()
    {
        QFETCH(int, behaviour);
        QFETCH(int, code);
        QFETCH(QString, mentions);
        RawHttpServer server;
        QVERIFY(server.start([behaviour](int, int, const std::string &head) {
            switch (behaviour) {
            case 0:
                return RawReply {
                    "HTTP/1.1 401 Unauthorized\r\nContent-Length: 12\r\n\r\nUnauthorized"};
            case 1:
                return RawReply {RawHttpServer::ok("<html>not prometheus</html>")};
            case 2: {
                const std::string body
                    = R"({"status":"error","errorType":"bad_data","error":"parse error at 1"})";
                return RawReply {
                    "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: "
                    + std::to_string(body.size()) + "\r\n\r\n" + body};
            }
            case 3:
                return RawReply {{}, 0, false, true};
            default:
                return RawReply {
                    "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 5\r\n\r\noops!"};
            }
            Q_UNUSED(head)
        }));
        PrometheusEndpoint e;
        e.url = QString::fromStdString(server.url()).chopped(1);
        e.bearerToken = QStringLiteral("secret");
        const PrometheusClient client(e, 500);
        QElapsedTimer clock;
        clock.start();
        const auto r = client.query(QStringLiteral("up"));
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error().code()), code);
        QVERIFY2(r.error().message().contains(mentions), qPrintable(r.error().toString()));
        QVERIFY(!r.error().toString().contains(QStringLiteral("secret")));
        QVERIFY(clock.elapsed() < 5000);
    }

    void unreachable()
    {
        RawHttpServer server;
        QVERIFY(server.start([](int, int, const std::string &) { return RawReply {}; }));
        const QString url = QString::fromStdString(server.url()).chopped(1);
        server.stop();
        PrometheusEndpoint e;
        e.url = url;
        const auto r = PrometheusClient(e, 1000).query(QStringLiteral("up"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::ConnectionRefused);
        QVERIFY(r.error().message().contains(url));
    }

    void answersWithMissingLabelsStillBuild()
    {
        const auto r = PrometheusClient::parseVector(
            R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"3"]}]}})");
        QVERIFY(r.ok());
        const TelemetrySnapshot t = MeshVocabulary::interpret(MeshKind::Istio, {r.value()});
        QCOMPARE(t.traffic.size(), 1);
        QCOMPARE(t.traffic.first().key.srcWorkload, QStringLiteral("unknown"));
        QCOMPARE(t.traffic.first().key.dstWorkload, QStringLiteral("unknown"));
    }

    void serviceProxyWithoutPrometheusBehindIt()
    {
        Demo::DemoCluster cluster; // its istio-system/prometheus Service has no real server
        QVERIFY(cluster.start().ok());
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("kc"));
        QVERIFY(cluster.writeKubeconfig(file).ok());
        auto client = std::make_shared<Kube::KubeClient>(
            Kube::Kubeconfig::load(file)->resolve(QStringLiteral("meshdeck-demo")).value(),
            std::make_shared<HttpEngine>());
        const auto endpoint = PrometheusClient::discover(client);
        QVERIFY2(endpoint.ok(), qPrintable(endpoint.ok() ? QString() : endpoint.error().message()));
        QCOMPARE(endpoint->ns, QStringLiteral("istio-system"));
        QCOMPARE(endpoint->port, QStringLiteral("9090"));
        const auto r = PrometheusClient(endpoint.value()).query(QStringLiteral("up"));
        QVERIFY(!r.ok());
        // The refresh still returns the API's graph, and says why there is no traffic.
        Topology::RefreshRequest request;
        const auto refreshed = Topology::refreshTopology(client, request);
        QVERIFY(refreshed.ok());
        QVERIFY(!refreshed->prometheusProblem.isEmpty());
        QVERIFY(refreshed->graph.indexOf(QStringLiteral("svc:bookinfo/productpage")) >= 0);
        QVERIFY(!refreshed->graph.warnings.isEmpty());
    }

    void discoveryNamesWhereItLooked()
    {
        Demo::DemoCluster::Options options;
        options.scenario = QStringLiteral("empty");
        Demo::DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("kc"));
        QVERIFY(cluster.writeKubeconfig(file).ok());
        auto client = std::make_shared<Kube::KubeClient>(
            Kube::Kubeconfig::load(file)->resolve(QStringLiteral("meshdeck-demo")).value(),
            std::make_shared<HttpEngine>());
        const auto endpoint = PrometheusClient::discover(client);
        QVERIFY(!endpoint.ok());
        QCOMPARE(endpoint.error().code(), ErrorCode::NotFound);
        QVERIFY(endpoint.error().message().contains(QStringLiteral("istio-system/prometheus")));
        QVERIFY(endpoint.error().message().contains(QStringLiteral("linkerd-viz/prometheus")));
    }
};

QTEST_GUILESS_MAIN(tst_PrometheusClient)
#include "tst_prometheusclient.moc"
