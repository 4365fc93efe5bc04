// `meshdeck mesh check` against the demo cluster: routing objects written with the real kubectl,
// the findings as a script reads them (--json, exit code) and as a person reads them.
#include "support/clirunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace TestSupport;

namespace {

const char kBroken[] = R"(
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: bookinfo}
spec:
  hosts: [reviews]
  http:
  - route:
    - {destination: {host: reviews, subset: v3}, weight: 60}
    - {destination: {host: reviews, subset: v2}, weight: 30}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: bookinfo}
spec:
  host: reviews
  subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ratings, namespace: bookinfo}
spec:
  hosts: [ratings]
  gateways: [mesh, istio-system/edge]
  http: [{route: [{destination: {host: ratigns}}]}]
)";

QStringList codes(const QJsonObject &report)
{
    QStringList out;
    for (const QJsonValue &f : report.value(QLatin1String("findings")).toArray())
        out << f.toObject().value(QLatin1String("code")).toString() + QLatin1Char(' ')
                + f.toObject().value(QLatin1String("name")).toString();
    return out;
}

} // namespace

class tst_CliMeshCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!kubectlPath().isEmpty(),
                 "kubectl is not installed (packaging/dev.sh installs Debian's kubernetes-client)");
    }

    void findsWhatKubectlWrote()
    {
        Meshdeck::Demo::DemoCluster::Options options;
        options.bookinfoTraffic = false;
        options.tls = true; // as `meshdeck demo-cluster` serves it: kubectl sends credentials
        Meshdeck::Demo::DemoCluster cluster(options);
        QTemporaryDir dir;
        const QString kc = dir.filePath(QStringLiteral("kc"));
        QVERIFY(cluster.start().ok());
        QVERIFY(cluster.writeKubeconfig(kc).ok());
        QVERIFY(cluster.waitUntilSettled(20000));
        const QStringList k {QStringLiteral("--kubeconfig"), kc};

        // Bookinfo as the demo ships it is configured well.
        Run clean = meshdeck(QStringList {"mesh", "check"} + k);
        QVERIFY2(clean.exitCode == 0, clean.out + clean.err);
        QVERIFY2(clean.out.contains("(Istio, Gateway API)")
                     && clean.out.contains(": 0 errors, 0 warnings."),
                 clean.out.constData());

        Run applied = kubectl(kc, {"apply", "-f", "-"}, kBroken);
        QVERIFY2(applied.exitCode == 0, applied.err.constData());
        Run json = meshdeck(QStringList {"mesh", "check", "--json"} + k);
        QCOMPARE(json.exitCode, 1); // errors found
        const QJsonObject report = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(report.value("errors").toInt(), 4);
        QCOMPARE(report.value("warnings").toInt(), 0);
        QVERIFY(report.value("istio").toBool());
        QCOMPARE(
            codes(report),
            (QStringList {"MD0104 ratings", "MD0101 ratings", "MD0103 reviews", "MD0102 reviews"}));
        const QJsonObject first = report.value("findings").toArray().at(1).toObject();
        QCOMPARE(first.value("field").toString(),
                 QStringLiteral("spec.http[0].route[0].destination.host"));
        QVERIFY(first.value("message").toString().contains(QStringLiteral("ratigns")));
        QCOMPARE(first.value("services").toArray().first().toString(),
                 QStringLiteral("bookinfo/ratings"));

        // Fixed with kubectl, the check is clean again; only a namespace that is asked for.
        applied = kubectl(
            kc,
            {"patch", "virtualservice", "reviews", "-n", "bookinfo", "--type=json", "-p",
             R"([{"op":"replace","path":"/spec/http/0/route/0/destination/subset","value":"v1"},)"
             R"({"op":"replace","path":"/spec/http/0/route/1/weight","value":40}])"});
        QVERIFY2(applied.exitCode == 0, applied.err.constData());
        QCOMPARE(kubectl(kc, {"delete", "vs", "ratings", "-n", "bookinfo"}).exitCode, 0);
        clean = meshdeck(QStringList {"mesh", "check", "-n", "bookinfo"} + k);
        QVERIFY2(clean.exitCode == 0, clean.out.constData());
        QVERIFY(clean.out.contains("in bookinfo: 0 errors"));

        // A namespace turned to injection after its pods started: restart needed, then not.
        QCOMPARE(meshdeck(QStringList {"sample", "deploy", "httpbin", "-n", "shop"} + k).exitCode,
                 0);
        QVERIFY(cluster.waitUntilSettled(20000));
        QCOMPARE(meshdeck(QStringList {"mesh", "inject", "--namespace", "shop", "on"} + k).exitCode,
                 0);
        const Run stale = meshdeck(QStringList {"mesh", "check", "-n", "shop"} + k);
        QCOMPARE(stale.exitCode, 0); // a warning only
        QVERIFY2(stale.out.contains("warning  MD0501  Deployment shop/httpbin"),
                 stale.out.constData());
        QVERIFY(stale.out.contains("meshdeck mesh restart --namespace shop"));
        QCOMPARE(meshdeck(QStringList {"mesh", "restart", "--namespace", "shop"} + k).exitCode, 0);
        QTRY_VERIFY_WITH_TIMEOUT(meshdeck(QStringList {"mesh", "check", "-n", "shop", "--json"} + k)
                                     .out.contains("\"warnings\": 0"),
                                 20000);
    }

    void badInput()
    {
        EmptyDemo demo;
        QVERIFY(demo.start());
        // A cluster without Istio or the Gateway API: said, not an error.
        const Run bare = meshdeck(QStringList {"mesh", "check"} + demo.k);
        QCOMPARE(bare.exitCode, 0);
        QVERIFY2(bare.out.contains("neither Istio's nor the Gateway API's"), bare.out.constData());
        const Run missing = meshdeck(QStringList {"mesh", "check", "-n", "nope"} + demo.k);
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains("the namespace nope does not exist"));
        const Run unreachable = meshdeck(
            {"mesh", "check", "--kubeconfig", demo.dir.filePath(QStringLiteral("absent"))});
        QCOMPARE(unreachable.exitCode, 1);
        QVERIFY(!unreachable.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_CliMeshCheck)
#include "tst_climeshcheck.moc"
