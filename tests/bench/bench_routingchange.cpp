// A routing change on the demo cluster (100 % of reviews to v3, applied with kubectl) and how
// soon the topology's telemetry shows it: the share of reviews' requests reaching reviews-v3,
// read with the Topology page's own queries (MeshVocabulary, a 1-minute window) every 250 ms,
// against the peer that bounds it, the demo's Prometheus seeing v3's request counter rise
// faster (the raw counters, no window). The figure the issue names: visible within one refresh
// (10 s, the page's default interval).
#include "benchsupport.h"
#include "support/clirunner.h"

#include <demo/democluster.h>
#include <telemetry/meshvocabulary.h>
#include <telemetry/prometheusclient.h>

#include <QElapsedTimer>
#include <QTest>

#include <cstdio>

using namespace Meshdeck;

namespace {

const char kAllToV3[] = R"(
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: bookinfo}
spec:
  host: reviews.bookinfo.svc.cluster.local
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v2, labels: {version: v2}}
  - {name: v3, labels: {version: v3}}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: bookinfo}
spec:
  hosts: [reviews.bookinfo.svc.cluster.local]
  http: [{route: [{destination: {host: reviews.bookinfo.svc.cluster.local, subset: v3}}]}]
)";

// The share of reviews' requests that reach reviews-v3 in the Topology's snapshot (%), or -1.
double v3Share(const Telemetry::PrometheusClient &prometheus)
{
    const auto snapshot
        = Telemetry::MeshVocabulary::fetch(prometheus, Telemetry::MeshKind::Istio, 60);
    if (!snapshot.ok())
        return -1;
    double all = 0, v3 = 0;
    for (const Telemetry::TrafficSample &s : snapshot->traffic) {
        if (s.key.dstApp != QLatin1String("reviews"))
            continue;
        all += s.rps;
        if (s.key.dstWorkload == QLatin1String("reviews-v3"))
            v3 += s.rps;
    }
    return all > 0 ? v3 / all * 100 : -1;
}

// Requests to reviews v1 and v2 counted so far by the sidecars (Prometheus' last scrape).
double v1v2Requests(const Telemetry::PrometheusClient &prometheus)
{
    const auto r = prometheus.query(QStringLiteral(
        "sum(istio_requests_total{reporter=\"destination\",destination_app=\"reviews\","
        "destination_version=~\"v1|v2\"})"));
    if (!r.ok() || r->samples.isEmpty())
        return -1;
    return r->samples.first().value;
}

} // namespace

class bench_RoutingChange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void routingChangeReachesTheTopology()
    {
        Demo::DemoCluster::Options options;
        options.prometheus = true;
        options.tls = true;
        Demo::DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        QVERIFY(cluster.waitUntilSettled(30000));
        if (cluster.prometheusUrl().isEmpty())
            QSKIP(qPrintable(QStringLiteral("no Prometheus: %1").arg(cluster.prometheusProblem())));
        QTemporaryDir dir;
        const QString kc = dir.filePath(QStringLiteral("kc"));
        QVERIFY(cluster.writeKubeconfig(kc).ok());
        if (TestSupport::kubectlPath().isEmpty())
            QSKIP("kubectl is not installed");
        Telemetry::PrometheusEndpoint endpoint;
        endpoint.url = cluster.prometheusUrl();
        const Telemetry::PrometheusClient prometheus(endpoint);

        // Traffic spread over the three versions first, in the 1-minute window.
        QElapsedTimer warm;
        warm.start();
        double before = -1;
        while (warm.elapsed() < 60000) {
            before = v3Share(prometheus);
            if (before > 0 && warm.elapsed() > 15000)
                break;
            QTest::qWait(500);
        }
        QVERIFY2(before > 0 && before < 60, qPrintable(QString::number(before)));
        const double countedBefore = v1v2Requests(prometheus);

        QElapsedTimer clock;
        clock.start();
        const TestSupport::Run applied
            = TestSupport::kubectl(kc, {"apply", "-f", "-"}, QByteArray(kAllToV3));
        QVERIFY2(applied.exitCode == 0, applied.err.constData());
        const qint64 appliedMs = clock.elapsed();
        // Visible: the v3 share up by 10 points in the topology's snapshot. The peer: v1 and
        // v2 stop counting in Prometheus (two scrapes without a rise).
        qint64 visibleMs = -1, stoppedMs = -1, lastRiseMs = 0;
        double last = countedBefore, share = before;
        while (clock.elapsed() < 60000 && (visibleMs < 0 || stoppedMs < 0)) {
            share = v3Share(prometheus);
            if (visibleMs < 0 && share >= before + 10)
                visibleMs = clock.elapsed();
            const double counted = v1v2Requests(prometheus);
            if (counted > last) {
                last = counted;
                lastRiseMs = clock.elapsed();
            } else if (stoppedMs < 0 && clock.elapsed() - lastRiseMs > 4500) {
                stoppedMs = lastRiseMs; // the last scrape that still saw v1 or v2 answer
            }
            QTest::qWait(250);
        }
        std::printf("routing change (100 %% of reviews to v3, kubectl apply %lld ms):\n"
                    "  topology's 1-min snapshot: reviews-v3 share %.0f %% -> %.0f %% (+10 points "
                    "after %lld ms)\n"
                    "  peer, Prometheus' raw counters: v1/v2 last rose at %lld ms\n"
                    "  ratio topology/Prometheus %.2f; within one refresh (10 s): %s\n",
                    static_cast<long long>(appliedMs), before, share,
                    static_cast<long long>(visibleMs), static_cast<long long>(stoppedMs),
                    stoppedMs > 0 ? double(visibleMs) / double(stoppedMs) : 0.0,
                    visibleMs >= 0 && visibleMs <= 10000 ? "yes" : "NO");
        QVERIFY(visibleMs >= 0);
    }
};

QTEST_GUILESS_MAIN(bench_RoutingChange)
#include "bench_routingchange.moc"
