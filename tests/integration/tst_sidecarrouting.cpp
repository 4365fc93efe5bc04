// The demo's sidecars honour Istio's routing: the table compiled from VirtualServices and
// DestinationRules (matches, weights, faults, timeouts, retries), an outbound sidecar on real
// loopback sockets (retries, per-try and request timeouts, subsets, ejection, response flags),
// and the demo end to end: VirtualServices written with kubectl move Bookinfo's traffic.
#include "support/clirunner.h"

#include <core/httptransport.h>
#include <core/yaml.h>
#include <demo/bookinfotraffic.h>
#include <demo/democluster.h>
#include <demo/eventhttp.h>
#include <demo/eventloop.h>
#include <demo/outboundsidecar.h>
#include <demo/sidecarroutes.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

using namespace Meshdeck;
using namespace Meshdeck::Demo;
using namespace TestSupport;

namespace {

QList<QJsonObject> objects(const char *yaml)
{
    QList<QJsonObject> out;
    const auto docs = Yaml::toJsonDocuments(yaml); // kept: the loop reads into it
    for (const QJsonValue &v : docs.value())
        out << v.toObject();
    return out;
}

const char kReviewsRules[] = R"(
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: bookinfo}
spec:
  hosts: [reviews]
  http:
  - match: [{headers: {end-user: {exact: jason}}}]
    route: [{destination: {host: reviews, subset: v2}}]
  - match: [{uri: {prefix: /reviews/9}}, {queryParams: {canary: {exact: "1"}}}]
    fault: {abort: {httpStatus: 418, percentage: {value: 100}}}
    route: [{destination: {host: reviews, subset: v1}}]
  - route:
    - {destination: {host: reviews, subset: v1}, weight: 0}
    - {destination: {host: reviews, subset: v3}, weight: 100}
    timeout: 1.5s
    retries: {attempts: 3, perTryTimeout: 200ms, retryOn: "5xx,connect-failure"}
)";

const char kReviewsSubsets[] = R"(
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: bookinfo}
spec:
  host: reviews.bookinfo.svc.cluster.local
  trafficPolicy: {outlierDetection: {consecutive5xxErrors: 2, baseEjectionTime: 30s}}
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v2, labels: {version: v2}}
  - {name: v3, labels: {version: v3}}
)";

const std::string kReviews = "reviews.bookinfo.svc.cluster.local";

// An endpoint's inbound side on loopback: answers with the status its script gives, after the
// delay it gives, and says who it is as an inbound sidecar does.
struct Endpoint
{
    explicit Endpoint(EventLoop &loop, std::string name)
        : listener(loop)
        , version(std::move(name))
    {
        listener.route("", [this, &loop](const HttpExchangePtr &request) {
            const int n = requests++;
            const int status = n < int(script.size()) ? script[n].first : 200;
            const double delay = n < int(script.size()) ? script[n].second : 0;
            loop.after(delay, [this, request, status] {
                request->reply(status, "text/plain", "from " + version,
                               {{"x-meshdeck-workload",
                                 MeshWorkload {"reviews-" + version, "bookinfo", "reviews", version}
                                     .encode()}});
            });
        });
        listener.listen();
    }
    HttpListener listener;
    std::string version;
    std::vector<std::pair<int, double>> script; // per request: status, delay in ms
    std::atomic_int requests {0};
};

// A demo cluster over HTTPS, settled, with an administrator's kubeconfig written to `kc` for
// kubectl (null when it did not start).
std::unique_ptr<DemoCluster> settledCluster(const QString &kc)
{
    DemoCluster::Options options;
    options.tls = true;
    auto cluster = std::make_unique<DemoCluster>(options);
    if (!cluster->start().ok() || !cluster->waitUntilSettled(20000)
        || !cluster->writeKubeconfig(kc).ok())
        return nullptr;
    return cluster;
}

} // namespace

class tst_SidecarRouting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decisions()
    {
        SidecarRoutes routes;
        routes.update(objects(kReviewsRules), objects(kReviewsSubsets));
        // A header match takes precedence, in rule order.
        auto d = routes.decide(kReviews, "GET", "/reviews/1", {{"End-User", "jason"}});
        QCOMPARE(QString::fromStdString(d.subset), QStringLiteral("v2"));
        QCOMPARE(d.subsetLabels.at("version"), std::string("v2"));
        QCOMPARE(QString::fromStdString(d.rule), QStringLiteral("bookinfo/reviews"));
        QCOMPARE(d.retry.attempts, 2); // no retries in that rule: Istio's default
        // Either match of the second rule: the abort, every time.
        QCOMPARE(routes.decide(kReviews, "GET", "/reviews/9", {}).fault.abortStatus, 418);
        QCOMPARE(routes.decide(kReviews, "GET", "/reviews/1?a=2&canary=1", {}).fault.abortStatus,
                 418);
        // The rest: weight 100 to v3, with its timeout and retries.
        for (int i = 0; i < 50; ++i) {
            d = routes.decide(kReviews, "GET", "/reviews/1?canary=0", {});
            QCOMPARE(QString::fromStdString(d.subset), QStringLiteral("v3"));
        }
        QCOMPARE(d.timeoutMs, 1500.0);
        QCOMPARE(d.retry.attempts, 3);
        QCOMPARE(d.retry.perTryTimeoutMs, 200.0);
        QVERIFY(d.retry.retries(500) && d.retry.retries(0) && !d.retry.retries(404));
        QCOMPARE(d.outlier.consecutive5xx, 2);
        QCOMPARE(d.outlier.ejectionMs, 30000.0);
        // Another Service: no rule, Istio's defaults.
        d = routes.decide("ratings.bookinfo.svc.cluster.local", "GET", "/ratings/1", {});
        QVERIFY(d.rule.empty() && d.subsetLabels.empty() && d.timeoutMs == 0);
        QVERIFY(d.retry.retries(503) && d.retry.retries(0) && !d.retry.retries(500));
        // A subset no DestinationRule defines: no route.
        routes.update(objects(kReviewsRules), {});
        QVERIFY(routes.decide(kReviews, "GET", "/reviews/1", {}).noRoute);
        // A 50/50 split comes out near half and half.
        routes.update(objects(R"(
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: bookinfo}
spec:
  hosts: [reviews]
  http: [{route: [{destination: {host: reviews, subset: v1}, weight: 50},
                  {destination: {host: reviews, subset: v3}, weight: 50}],
          fault: {delay: {fixedDelay: 2s, percentage: {value: 25}}}}]
)"),
                      objects(kReviewsSubsets));
        int v3 = 0, delayed = 0;
        for (int i = 0; i < 4000; ++i) {
            d = routes.decide(kReviews, "GET", "/", {});
            v3 += d.subset == "v3";
            delayed += d.fault.delayMs == 2000;
        }
        QVERIFY2(v3 > 1800 && v3 < 2200, qPrintable(QString::number(v3)));
        QVERIFY2(delayed > 850 && delayed < 1150, qPrintable(QString::number(delayed)));
        QCOMPARE(SidecarRoutes::durationMs(QStringLiteral("250ms")), 250.0);
        QCOMPARE(SidecarRoutes::durationMs(QStringLiteral("1m")), 60000.0);
        QCOMPARE(SidecarRoutes::durationMs(QStringLiteral("soon")), -1.0);
    }

    void outboundSidecarOnLoopback()
    {
        EventLoop loop("test-proxy");
        Endpoint v1(loop, "v1"), v3(loop, "v3");
        // v3 fails twice, then answers; later it is slow.
        v3.script = {{503, 0}, {500, 0}, {200, 0}, {200, 400}, {200, 400}, {200, 400}, {200, 400}};
        UpstreamPool toV1(loop, v1.listener.port()), toV3(loop, v3.listener.port());
        HttpListener listener(loop);
        QVERIFY(listener.listen());
        MeshTelemetry telemetry;
        SidecarRoutes routes;
        routes.update(objects(kReviewsRules), objects(kReviewsSubsets));
        OutboundSidecar sidecar(loop, listener, {"productpage-v1", "bookinfo", "productpage", "v1"},
                                kReviews,
                                {{&toV1, {{"app", "reviews"}, {"version", "v1"}}},
                                 {&toV3, {{"app", "reviews"}, {"version", "v3"}}}},
                                &telemetry, &routes, "productpage-to-reviews");
        QVERIFY(loop.start());
        const auto get = [&](const char *path) {
            HttpRequest request;
            request.url = QUrl(QStringLiteral("http://127.0.0.1:%1%2")
                                   .arg(listener.port())
                                   .arg(QLatin1String(path)));
            return HttpTransport::perform(request);
        };
        // Two failures are retried (5xx): the third try answers, all to v3 (weight 100).
        auto reply = get("/reviews/1");
        QVERIFY(reply.ok());
        QCOMPARE(reply->status, 200);
        QCOMPARE(reply->body, QByteArray("from v3"));
        QCOMPARE(reply->header("x-envoy-attempt-count"), QByteArray("3"));
        QCOMPARE(v3.requests.load(), 3);
        QCOMPARE(v1.requests.load(), 0);
        // A slow endpoint: every try ends at its 200 ms per-try timeout, then 504 (UT), well
        // before the request's own 1.5 s.
        QElapsedTimer clock;
        clock.start();
        reply = get("/reviews/2");
        QVERIFY(reply.ok());
        QCOMPARE(reply->status, 504);
        QVERIFY2(clock.elapsed() >= 750 && clock.elapsed() < 1400,
                 qPrintable(QString::number(clock.elapsed())));
        QVERIFY(reply->header("x-envoy-response-flags").contains("UT"));
        // The abort of the canary rule: no endpoint sees it.
        const int before = v1.requests + v3.requests;
        reply = get("/reviews/9");
        QCOMPARE(reply->status, 418);
        QCOMPARE(reply->header("x-envoy-response-flags"), QByteArray("FI"));
        QCOMPARE(v1.requests + v3.requests, before);
        const std::string metrics = telemetry.exposition();
        QVERIFY(metrics.find("response_code=\"418\"") != std::string::npos);
        QVERIFY(metrics.find("response_flags=\"FI\"") != std::string::npos);
        QVERIFY(metrics.find("response_flags=\"UT,URX\"") != std::string::npos);
        QVERIFY(metrics.find("destination_workload=\"reviews-v3\"") != std::string::npos);
        // Envoy's retry statistics for the cluster, as a scrape of productpage's pod labels
        // them: 2 retries for the first request, which then succeeded; 3 for the second, whose
        // retries ran out.
        const std::string labels = "{cluster_name=\"outbound|9080||" + std::string(kReviews)
            + "\",namespace=\"bookinfo\",app=\"productpage\",version=\"v1\"}";
        QVERIFY2(metrics.find("envoy_cluster_upstream_rq_retry" + labels + " 5\n")
                     != std::string::npos,
                 metrics.c_str());
        QVERIFY(metrics.find("envoy_cluster_upstream_rq_retry_success" + labels + " 1\n")
                != std::string::npos);
        QVERIFY(metrics.find("envoy_cluster_upstream_rq_retry_limit_exceeded" + labels + " 1\n")
                != std::string::npos);
        loop.stop();
    }

    // Gateway API routes attached to a Service (GAMMA): Gateway API precedence (an exact path,
    // then the longest prefix, then headers), whole-segment prefixes, weighted backendRefs
    // reaching the pods their Services select; a VirtualService for the host wins.
    // The ingress gateway routes by the VirtualServices bound to the Istio Gateways that select
    // its pod: by host and match, to the destination's host; nothing matching is 404 (NR); a
    // VirtualService bound to a Gateway that does not exist routes nothing.
    void gatewayDecisions()
    {
        const char gateways[] = R"(
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: bookinfo-gateway, namespace: bookinfo}
spec:
  selector: {istio: ingressgateway}
  servers: [{port: {number: 8080, name: http, protocol: HTTP}, hosts: ["*"]}]
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: egress, namespace: istio-system}
spec:
  selector: {istio: egressgateway}
  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
)";
        const char services[] = R"(
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: shop, namespace: bookinfo}
spec:
  hosts: [shop.example.com]
  gateways: [bookinfo-gateway]
  http: [{route: [{destination: {host: details, port: {number: 9080}}}], timeout: 3s}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: bookinfo, namespace: bookinfo}
spec:
  hosts: ["*"]
  gateways: [bookinfo-gateway]
  http:
  - match: [{uri: {exact: /productpage}}, {uri: {prefix: /static}}]
    route: [{destination: {host: productpage, port: {number: 9080}}}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: elsewhere, namespace: bookinfo}
spec:
  hosts: ["*"]
  gateways: [istio-system/egress, missing-gateway]
  http: [{route: [{destination: {host: ratings}}]}]
)";
        SidecarRoutes routes;
        SidecarRoutes::Objects o;
        o.virtualServices = objects(services);
        o.gateways = objects(gateways);
        routes.update(o);
        auto d = routes.decideAtGateway("192.0.2.1:8080", "GET", "/productpage?u=1", {});
        QCOMPARE(d.rule, std::string("bookinfo/bookinfo"));
        QCOMPARE(d.host, std::string("productpage.bookinfo.svc.cluster.local"));
        QVERIFY(!d.noRoute);
        d = routes.decideAtGateway("192.0.2.1", "GET", "/static/app.css", {});
        QCOMPARE(d.host, std::string("productpage.bookinfo.svc.cluster.local"));
        // By host first: the shop's VirtualService takes its own name, with its timeout.
        d = routes.decideAtGateway("shop.example.com:8080", "GET", "/anything", {});
        QCOMPARE(d.rule, std::string("bookinfo/shop"));
        QCOMPARE(d.host, std::string("details.bookinfo.svc.cluster.local"));
        QCOMPARE(d.timeoutMs, 3000.0);
        // No match: 404, as Envoy answers with NR.
        d = routes.decideAtGateway("192.0.2.1", "GET", "/admin", {});
        QVERIFY(d.noRoute);
        QCOMPARE(d.noRouteStatus, 404);
        QVERIFY(d.rule.empty());
        // The mesh's sidecars ignore gateway-only VirtualServices.
        QVERIFY(routes.decide("productpage.bookinfo.svc.cluster.local", "GET", "/productpage", {})
                    .rule.empty());
        // Without a Gateway for the ingress gateway, it routes nothing: requests pass on.
        o.gateways = objects(gateways).mid(1);
        routes.update(o);
        d = routes.decideAtGateway("192.0.2.1", "GET", "/admin", {});
        QVERIFY(!d.noRoute);
        QVERIFY(d.rule.empty());
    }

    void httpRouteDecisions()
    {
        SidecarRoutes routes;
        SidecarRoutes::Objects cluster;
        cluster.services = objects(R"(
apiVersion: v1
kind: Service
metadata: {name: reviews-v2, namespace: bookinfo}
spec: {selector: {app: reviews, version: v2}}
---
apiVersion: v1
kind: Service
metadata: {name: reviews-v3, namespace: bookinfo}
spec: {selector: {app: reviews, version: v3}}
)");
        cluster.httpRoutes = objects(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: reviews, namespace: bookinfo}
spec:
  parentRefs: [{group: "", kind: Service, name: reviews, port: 9080}]
  rules:
  - backendRefs: [{name: reviews-v3, port: 9080}]
    timeouts: {request: 2s}
  - matches: [{headers: [{name: End-User, value: jason}]}]
    backendRefs: [{name: reviews-v2, port: 9080}]
  - matches: [{path: {type: PathPrefix, value: /reviews/9}}]
    backendRefs: [{name: reviews-v2, port: 9080, weight: 1}, {name: reviews-gone, port: 9080, weight: 0}]
  - matches: [{path: {type: Exact, value: /reviews/99}}]
    backendRefs: [{name: reviews-gone, port: 9080}]
)");
        routes.update(cluster);
        auto d = routes.decide(kReviews, "GET", "/reviews/1", {{"end-user", "jason"}});
        QCOMPARE(QString::fromStdString(d.subset), QStringLiteral("reviews-v2"));
        QCOMPARE(d.subsetLabels.at("version"), std::string("v2"));
        QCOMPARE(QString::fromStdString(d.rule), QStringLiteral("bookinfo/reviews"));
        d = routes.decide(kReviews, "GET", "/reviews/1", {});
        QCOMPARE(d.subsetLabels.at("version"), std::string("v3"));
        QCOMPARE(d.timeoutMs, 2000.0);
        // Whole segments: /reviews/9 and /reviews/9/x, not /reviews/90.
        QCOMPARE(routes.decide(kReviews, "GET", "/reviews/9/x", {}).subsetLabels.at("version"),
                 std::string("v2"));
        QCOMPARE(routes.decide(kReviews, "GET", "/reviews/90", {}).subsetLabels.at("version"),
                 std::string("v3"));
        // The exact path comes before the prefix, even though listed after it: a backend whose
        // Service does not exist has no route.
        QVERIFY(routes.decide(kReviews, "GET", "/reviews/99", {}).noRoute);
        // The longer prefix comes before a header match too.
        QCOMPARE(routes.decide(kReviews, "GET", "/reviews/9", {{"end-user", "jason"}})
                     .subsetLabels.at("version"),
                 std::string("v2"));
        // A route attached to a Gateway is not the sidecars'; a VirtualService takes the host.
        cluster.virtualServices = objects(kReviewsRules);
        cluster.destinationRules = objects(kReviewsSubsets);
        routes.update(cluster);
        QCOMPARE(QString::fromStdString(routes.decide(kReviews, "GET", "/reviews/1", {}).subset),
                 QStringLiteral("v3"));
        QCOMPARE(routes.decide(kReviews, "GET", "/reviews/1", {}).timeoutMs, 1500.0);
    }

    // The DestinationRule's connection pool: one request in flight, one waiting; the rest
    // overflow at once with 503 UO, and the telemetry says so.
    void connectionPoolOverflows()
    {
        EventLoop loop("test-pool");
        Endpoint v1(loop, "v1");
        v1.script = {{200, 300}, {200, 300}, {200, 300}, {200, 300}};
        UpstreamPool toV1(loop, v1.listener.port());
        HttpListener listener(loop);
        QVERIFY(listener.listen());
        MeshTelemetry telemetry;
        SidecarRoutes routes;
        routes.update({}, objects(R"(
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: bookinfo}
spec:
  host: reviews
  trafficPolicy:
    connectionPool: {tcp: {maxConnections: 1}, http: {http1MaxPendingRequests: 1}}
)"));
        OutboundSidecar sidecar(loop, listener, {"productpage-v1", "bookinfo", "productpage", "v1"},
                                kReviews, {{&toV1, {{"app", "reviews"}, {"version", "v1"}}}},
                                &telemetry, &routes, "productpage-to-reviews");
        QVERIFY(loop.start());
        std::vector<int> statuses(4, -1);
        std::vector<QByteArray> flags(4);
        std::vector<qint64> took(4, 0);
        std::vector<std::thread> clients;
        for (int i = 0; i < 4; ++i)
            clients.emplace_back([&, i] {
                QThread::msleep(i * 30); // in this order
                QElapsedTimer clock;
                clock.start();
                HttpRequest request;
                request.url = QUrl(
                    QStringLiteral("http://127.0.0.1:%1/reviews/%2").arg(listener.port()).arg(i));
                if (const auto reply = HttpTransport::perform(request); reply.ok()) {
                    statuses[i] = reply->status;
                    flags[i] = reply->header("x-envoy-response-flags");
                }
                took[i] = clock.elapsed();
            });
        for (std::thread &t : clients)
            t.join();
        // Whichever came first (the clients' threads may start in any order): two answered,
        // one of them after waiting for the other; two refused at once.
        std::vector<qint64> answered, refused;
        for (int i = 0; i < 4; ++i) {
            if (statuses[i] == 200) {
                answered.push_back(took[i]);
            } else {
                QCOMPARE(statuses[i], 503);
                QCOMPARE(flags[i], QByteArray("UO"));
                refused.push_back(took[i]);
            }
        }
        QCOMPARE(answered.size(), std::size_t(2));
        QVERIFY2(*std::max_element(answered.begin(), answered.end()) >= 500,
                 qPrintable(QString::number(answered.back())));
        QVERIFY2(*std::max_element(refused.begin(), refused.end()) < 250,
                 qPrintable(QString::number(refused.back())));
        QCOMPARE(v1.requests.load(), 2);
        QVERIFY(telemetry.exposition().find("response_flags=\"UO\"") != std::string::npos);
        loop.stop();
    }

    void demoTrafficFollowsKubectl()
    {
        QVERIFY2(!kubectlPath().isEmpty(), "kubectl is not installed");
        QTemporaryDir dir;
        const QString kc = dir.filePath(QStringLiteral("kc"));
        const std::unique_ptr<DemoCluster> cluster = settledCluster(kc);
        QVERIFY2(cluster, "the demo cluster did not start and settle");
        const QByteArray all = QByteArray(kReviewsSubsets) + "---\n" + R"(
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: bookinfo}
spec:
  hosts: [reviews]
  http: [{route: [{destination: {host: reviews, subset: v3}}]}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ratings, namespace: bookinfo}
spec:
  hosts: [ratings]
  http: [{fault: {delay: {fixedDelay: 300ms, percentage: {value: 100}}},
          route: [{destination: {host: ratings}}]}]
)";
        const Run applied = kubectl(kc, {"apply", "-f", "-"}, all);
        QVERIFY2(applied.exitCode == 0, applied.err.constData());
        // kubectl's table: the CRD's columns, its date column as an age, as a real server gives.
        const Run table = kubectl(kc, {"get", "virtualservices", "-n", "bookinfo"});
        QCOMPARE(table.exitCode, 0);
        QCOMPARE(table.out.count("AGE"), 1);
        QVERIFY2(QRegularExpression(QStringLiteral("\\nratings +\\[\"ratings\"\\] +\\d+s"))
                     .match(QString::fromUtf8(table.out))
                     .hasMatch(),
                 table.out.constData());
        QTest::qWait(600); // the sidecars follow within a poll (250 ms)
        const QString metricsUrl = cluster->bookinfo()->metricsUrl();
        const auto reviewsCounts = [&] {
            HttpRequest request;
            request.url = QUrl(metricsUrl);
            const QByteArray text = HttpTransport::perform(request)->body;
            QMap<QString, double> counts;
            static const QRegularExpression line(QStringLiteral(
                "^istio_requests_total\\{[^}]*reporter=\"source\"[^}]*source_workload="
                "\"productpage-v1\"[^}]*destination_workload=\"(reviews-v\\d)\"[^}]*\\} (\\d+)"));
            for (const QByteArray &l : text.split('\n')) {
                const auto m = line.match(QString::fromUtf8(l));
                if (m.hasMatch())
                    counts[m.captured(1)] += m.captured(2).toDouble();
            }
            return counts;
        };
        const QMap<QString, double> before = reviewsCounts();
        QElapsedTimer clock;
        for (int i = 0; i < 20; ++i) {
            HttpRequest request;
            request.url = QUrl(cluster->bookinfo()->productpageMeshUrl());
            clock.start();
            const auto reply = HttpTransport::perform(request);
            QVERIFY(reply.ok());
            QCOMPARE(reply->status, 200);
            // reviews-v3 asks ratings, which is delayed 300 ms by the fault.
            QVERIFY2(clock.elapsed() >= 300, qPrintable(QString::number(clock.elapsed())));
        }
        const QMap<QString, double> after = reviewsCounts();
        QVERIFY2(after.value("reviews-v3") - before.value("reviews-v3") >= 20,
                 qPrintable(QString::number(after.value("reviews-v3"))));
        QCOMPARE(after.value("reviews-v1"), before.value("reviews-v1"));
        QCOMPARE(after.value("reviews-v2"), before.value("reviews-v2"));

        // The same through the Gateway API (GAMMA): without the VirtualService, an HTTPRoute on
        // the reviews Service sends everything to a reviews-v2 Service.
        const Run removed = kubectl(kc, {"delete", "-n", "bookinfo", "virtualservice", "reviews"});
        QVERIFY2(removed.exitCode == 0, removed.err.constData());
        const Run gamma = kubectl(kc, {"apply", "-f", "-"}, R"(
apiVersion: v1
kind: Service
metadata: {name: reviews-v2, namespace: bookinfo}
spec:
  selector: {app: reviews, version: v2}
  ports: [{name: http, port: 9080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: reviews, namespace: bookinfo}
spec:
  parentRefs: [{group: "", kind: Service, name: reviews, port: 9080}]
  rules: [{backendRefs: [{name: reviews-v2, port: 9080}]}]
)");
        QVERIFY2(gamma.exitCode == 0, gamma.err.constData());
        QTest::qWait(600);
        const QMap<QString, double> gammaBefore = reviewsCounts();
        for (int i = 0; i < 10; ++i) {
            HttpRequest request;
            request.url = QUrl(cluster->bookinfo()->productpageMeshUrl());
            const auto reply = HttpTransport::perform(request);
            QVERIFY(reply.ok());
            QCOMPARE(reply->status, 200);
        }
        const QMap<QString, double> gammaAfter = reviewsCounts();
        QVERIFY2(gammaAfter.value("reviews-v2") - gammaBefore.value("reviews-v2") >= 10,
                 qPrintable(QString::number(gammaAfter.value("reviews-v2"))));
        QCOMPARE(gammaAfter.value("reviews-v1"), gammaBefore.value("reviews-v1"));
        QCOMPARE(gammaAfter.value("reviews-v3"), gammaBefore.value("reviews-v3"));

        // The ingress gateway follows the VirtualService bound to bookinfo-gateway: deleted,
        // the shoppers' requests (about ten a second) get 404 with the flag NR there.
        const auto gatewayNoRoute = [&] {
            HttpRequest request;
            request.url = QUrl(metricsUrl);
            static const QRegularExpression line(QStringLiteral(
                "^istio_requests_total\\{[^}]*reporter=\"source\"[^}]*source_workload="
                "\"istio-ingressgateway\"[^}]*response_code=\"404\"[^}]*response_flags=\"NR\""
                "[^}]*\\} (\\d+)"));
            double n = 0;
            for (const QByteArray &l : HttpTransport::perform(request)->body.split('\n'))
                if (const auto m = line.match(QString::fromUtf8(l)); m.hasMatch())
                    n += m.captured(1).toDouble();
            return n;
        };
        QCOMPARE(gatewayNoRoute(), 0.0);
        const Run unbound = kubectl(kc, {"delete", "-n", "bookinfo", "virtualservice", "bookinfo"});
        QVERIFY2(unbound.exitCode == 0, unbound.err.constData());
        QTRY_VERIFY_WITH_TIMEOUT(gatewayNoRoute() >= 3, 10000);
    }

    void applicationTimeoutsAsBookinfos()
    {
        // Bookinfo's own clients have timeouts, and the Istio fault-injection task rests on them:
        // reviews-v3 waits 2.5 s for ratings, reviews-v2 10 s, and productpage 3 s for reviews,
        // asking twice. A delay on ratings longer than v3's timeout leaves v3's reviews without
        // stars in about 2.5 s; behind v2, the page gives up on reviews after about 6 s.
        QVERIFY2(!kubectlPath().isEmpty(), "kubectl is not installed");
        QTemporaryDir dir;
        const QString kc = dir.filePath(QStringLiteral("kc"));
        const std::unique_ptr<DemoCluster> cluster = settledCluster(kc);
        QVERIFY2(cluster, "the demo cluster did not start and settle");
        const auto route = [&](const char *subset, const char *delay) {
            const QByteArray yaml = QByteArray(kReviewsSubsets) + "---\n" + QByteArray(R"(
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: bookinfo}
spec:
  hosts: [reviews]
  http: [{route: [{destination: {host: reviews, subset: )")
                + subset + R"(}}]}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ratings, namespace: bookinfo}
spec:
  hosts: [ratings]
  http: [{fault: {delay: {fixedDelay: )"
                + delay + R"(, percentage: {value: 100}}},
          route: [{destination: {host: ratings}}]}]
)";
            const Run applied = kubectl(kc, {"apply", "-f", "-"}, yaml);
            QVERIFY2(applied.exitCode == 0, applied.err.constData());
            QTest::qWait(600); // the sidecars follow within a poll (250 ms)
        };
        const auto page = [&](qint64 *ms) {
            HttpRequest request;
            request.url = QUrl(cluster->bookinfo()->productpageMeshUrl());
            request.timeout = std::chrono::milliseconds(20000);
            QElapsedTimer clock;
            clock.start();
            const auto reply = HttpTransport::perform(request);
            *ms = clock.elapsed();
            return reply.ok() ? std::make_pair(reply->status, reply->body)
                              : std::make_pair(0, QByteArray());
        };

        route("v3", "3s");
        qint64 ms = 0;
        auto [status, body] = page(&ms);
        QCOMPARE(status, 200);
        QVERIFY2(body.contains("Ratings service is currently unavailable"), body.constData());
        QVERIFY2(body.contains("reviews-v3"), body.constData());
        QVERIFY2(ms >= 2400, qPrintable(QString::number(ms)));

        route("v2", "4s");
        std::tie(status, body) = page(&ms);
        QCOMPARE(status, 200); // the page renders with its apology, as Bookinfo's does
        QVERIFY2(body.contains("Sorry, product reviews are currently unavailable for this book."),
                 body.constData());
        QVERIFY2(body.contains("\"author\":\"William Shakespeare\""),
                 body.constData()); // details answered
        QVERIFY2(ms >= 5900 && ms < 9000, qPrintable(QString::number(ms)));
    }
};

QTEST_GUILESS_MAIN(tst_SidecarRouting)
#include "tst_sidecarrouting.moc"
