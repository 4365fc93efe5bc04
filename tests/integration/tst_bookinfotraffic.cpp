// The demo's Bookinfo as load-test targets: real HTTP, with and without sidecar hops, and the
// sidecar path measurably slower, as a mesh is.
#include <core/httptransport.h>
#include <demo/bookinfotraffic.h>
#include <demo/democluster.h>
#include <demo/demoprometheus.h>
#include <perf/loadengine.h>

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace Meshdeck;
using namespace std::chrono_literals;

class tst_BookinfoTraffic : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesBothPaths()
    {
        Demo::DemoCluster cluster;
        QVERIFY(cluster.start().ok());
        const Demo::BookinfoTraffic *bookinfo = cluster.bookinfo();
        QVERIFY(bookinfo);
        for (const QString &url : {bookinfo->productpageUrl(), bookinfo->productpageMeshUrl()}) {
            HttpRequest request;
            request.url = QUrl(url);
            const auto reply = HttpTransport::perform(request);
            QVERIFY2(reply.ok(), qPrintable(url));
            QCOMPARE(reply->status, 200);
            QVERIFY(reply->body.contains("The Comedy of Errors"));
            QVERIFY(reply->body.contains("William Shakespeare")); // from details
            QVERIFY(reply->body.contains("Reviewer1")); // from reviews (v1 shows no stars)
        }
        HttpRequest viaSidecar;
        viaSidecar.url = QUrl(bookinfo->productpageMeshUrl());
        QCOMPARE(HttpTransport::perform(viaSidecar)->header("server"),
                 QByteArray("meshdeck-sidecar"));
        HttpRequest details;
        details.url
            = QUrl(bookinfo->serviceUrl(QStringLiteral("details")) + QStringLiteral("/details/7"));
        QVERIFY(HttpTransport::perform(details)->body.startsWith("{\"id\":7,"));
    }

    // h2c with prior knowledge on the same ports, as Envoy's listeners take it: checked with
    // h2load (Debian's nghttp2-client) and with Meshdeck's engine.
    void servesHttp2OnTheSamePorts()
    {
        Demo::DemoCluster cluster;
        QVERIFY(cluster.start().ok());
        const Demo::BookinfoTraffic *bookinfo = cluster.bookinfo();
        for (const QString &url :
             {bookinfo->productpageUrl(), bookinfo->productpageMeshUrl(),
              bookinfo->serviceUrl(QStringLiteral("details")) + QStringLiteral("/details/3")}) {
            QProcess h2load;
            h2load.start(QStringLiteral("h2load"),
                         {QStringLiteral("-n"), QStringLiteral("300"), QStringLiteral("-c"),
                          QStringLiteral("3"), QStringLiteral("-m"), QStringLiteral("10"), url});
            QVERIFY2(h2load.waitForFinished(30000),
                     "h2load missing: packaging/dev.sh installs Debian's nghttp2-client");
            const QString out = QString::fromUtf8(h2load.readAllStandardOutput());
            QVERIFY2(out.contains(QStringLiteral("Application protocol: h2c")), qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("300 succeeded, 0 failed, 0 errored")),
                     qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("300 2xx")), qPrintable(out));

            Perf::LoadSpec spec;
            spec.url = url.toStdString();
            spec.protocol = Perf::LoadSpec::Protocol::Http2;
            spec.connections = 2;
            spec.streams = 8;
            spec.duration = 500ms;
            Perf::LoadEngine engine(spec);
            std::string error;
            QVERIFY2(engine.start(&error), error.c_str());
            const Perf::LoadReport r = engine.report();
            QVERIFY(r.counters.responses > 20);
            QCOMPARE(r.counters.failureCount(), 0u);
            QCOMPARE(r.counters.statusCodes.at(200), r.counters.responses);
        }
        // The same port still speaks HTTP/1.1.
        HttpRequest plain;
        plain.url = QUrl(bookinfo->productpageMeshUrl());
        QCOMPARE(HttpTransport::perform(plain)->status, 200);
    }

    void sidecarsReportIstioMetricsToARealPrometheus()
    {
        Demo::DemoCluster::Options options;
        options.prometheus = true;
        options.anonymousAdmin = true; // PromQL with curl-like anonymous requests
        Demo::DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        HttpRequest metrics;
        metrics.url = QUrl(cluster.bookinfo()->metricsUrl());
        // The background shoppers go through the gateway: edges appear within a second.
        QTRY_VERIFY_WITH_TIMEOUT(
            HttpTransport::perform(metrics)->body.contains("destination_workload=\"ratings-v1\""),
            5000);
        const QByteArray text = HttpTransport::perform(metrics)->body;
        QVERIFY(text.contains("# TYPE istio_requests_total counter"));
        QVERIFY(text.contains("reporter=\"destination\",source_workload=\"istio-ingressgateway\""));
        QVERIFY(text.contains("source_workload=\"reviews-v2\""));
        QVERIFY(text.contains("connection_security_policy=\"mutual_tls\""));
        QVERIFY(text.contains("istio_request_duration_milliseconds_bucket{"));
        QVERIFY(!text.contains("source_workload=\"reviews-v1\",source_workload_namespace="
                               "\"bookinfo\",source_principal"));
        if (Demo::DemoPrometheus::binary().isEmpty())
            QSKIP("Prometheus is not installed (packaging/dev.sh installs it)");
        QVERIFY2(cluster.waitForPrometheus(15000), qPrintable(cluster.prometheusProblem()));
        // Real PromQL through the API server's service proxy, as the app asks it.
        HttpRequest query;
        query.url
            = QUrl(cluster.serverUrl()
                   + QStringLiteral("/api/v1/namespaces/istio-system/services/prometheus:9090/"
                                    "proxy/api/v1/query?query=sum(istio_requests_total)"));
        QTRY_VERIFY_WITH_TIMEOUT(HttpTransport::perform(query)->body.contains("\"value\":["),
                                 15000);
        QVERIFY(HttpTransport::perform(query)->body.contains("\"status\":\"success\""));
    }

    void sidecarsAddMeasurableLatency()
    {
        Demo::DemoCluster cluster;
        QVERIFY(cluster.start().ok());
        const auto spec = [](const QString &url) {
            Perf::LoadSpec spec;
            spec.url = url.toStdString();
            spec.mode = Perf::LoadSpec::Mode::ConstantRate;
            spec.rate = 100;
            spec.connections = 4;
            spec.duration = 2s;
            spec.warmup = 300ms;
            return spec;
        };
        // Both paths are measured at the same time, so that whatever else the machine does (CI
        // runs other tests beside this one) weighs on both alike; one after the other, a busy
        // second during the direct run once made the direct path look slower than the mesh.
        Perf::LoadEngine directEngine(spec(cluster.bookinfo()->productpageUrl()));
        Perf::LoadEngine meshEngine(spec(cluster.bookinfo()->productpageMeshUrl()));
        std::string error;
        QVERIFY2(directEngine.start(&error), error.c_str());
        QVERIFY2(meshEngine.start(&error), error.c_str());
        QVERIFY(directEngine.wait(10s));
        QVERIFY(meshEngine.wait(10s));
        const Perf::LoadReport direct = directEngine.report();
        const Perf::LoadReport mesh = meshEngine.report();
        QCOMPARE(direct.counters.failureCount() + direct.counters.errorStatusCount(), 0u);
        QCOMPARE(mesh.counters.failureCount() + mesh.counters.errorStatusCount(), 0u);
        QVERIFY(direct.counters.responses >= 190);
        const double d50 = static_cast<double>(direct.service.percentileNs(50)) / 1e6;
        const double m50 = static_cast<double>(mesh.service.percentileNs(50)) / 1e6;
        qInfo("productpage p50: direct %.2f ms, through sidecars %.2f ms", d50, m50);
        QVERIFY2(d50 > 2.5 && d50 < 20, "Bookinfo's service times add up to a few milliseconds");
        QVERIFY2(m50 > d50, "seven proxy hops cost something");
    }
};

QTEST_GUILESS_MAIN(tst_BookinfoTraffic)
#include "tst_bookinfotraffic.moc"
