// Traffic policies as a user sets them: refused when the values make no sense, rendered as the
// VirtualService and DestinationRule Istio reads (and the configuration checks accept), and read
// back from those objects.
#include <mesh/configchecks.h>
#include <mesh/trafficpolicy.h>

#include <QJsonArray>
#include <QTest>

using namespace Meshdeck::Mesh;

namespace {

TrafficPolicy reviews()
{
    TrafficPolicy p;
    p.ns = QStringLiteral("bookinfo");
    p.service = QStringLiteral("reviews");
    p.subsets = {{QStringLiteral("v1"), {{QStringLiteral("version"), QStringLiteral("v1")}}, 0},
                 {QStringLiteral("v2"), {{QStringLiteral("version"), QStringLiteral("v2")}}, 20},
                 {QStringLiteral("v3"), {{QStringLiteral("version"), QStringLiteral("v3")}}, 80}};
    return p;
}

QJsonObject pod(const char *app, const char *version)
{
    return {
        {"metadata", QJsonObject {{"labels", QJsonObject {{"app", app}, {"version", version}}}}}};
}

} // namespace

class tst_TrafficPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void renderedAsIstioReadsIt()
    {
        TrafficPolicy p = reviews();
        p.delayMs = 2000;
        p.delayPercent = 50;
        p.timeoutMs = 1500;
        p.retryAttempts = 3;
        p.perTryTimeoutMs = 500;
        p.consecutive5xxErrors = 5;
        QCOMPARE(p.problems(), QStringList {});
        const QList<QJsonObject> objects = p.render();
        QCOMPARE(objects.size(), 2);
        const QJsonObject vs = objects.at(0);
        QCOMPARE(vs.value("kind").toString(), QStringLiteral("VirtualService"));
        QCOMPARE(vs.value("metadata")
                     .toObject()
                     .value("labels")
                     .toObject()
                     .value("app.kubernetes.io/managed-by"),
                 QJsonValue("meshdeck"));
        const QJsonObject http = vs.value("spec").toObject().value("http").toArray()[0].toObject();
        const QJsonArray route = http.value("route").toArray();
        QCOMPARE(route.size(), 2); // v1 has no share
        QCOMPARE(route[1].toObject().value("weight").toInt(), 80);
        QCOMPARE(route[1].toObject().value("destination").toObject().value("subset"),
                 QJsonValue("v3"));
        QCOMPARE(http.value("fault").toObject().value("delay").toObject().value("fixedDelay"),
                 QJsonValue("2s"));
        QCOMPARE(http.value("timeout"), QJsonValue("1500ms"));
        QCOMPARE(http.value("retries").toObject().value("perTryTimeout"), QJsonValue("500ms"));
        const QJsonObject dr = objects.at(1);
        QCOMPARE(dr.value("spec").toObject().value("subsets").toArray().size(), 3);
        QCOMPARE(dr.value("spec")
                     .toObject()
                     .value("trafficPolicy")
                     .toObject()
                     .value("outlierDetection")
                     .toObject()
                     .value("baseEjectionTime"),
                 QJsonValue("30s"));

        // What Meshdeck writes passes its own checks.
        ConfigObjects cluster;
        cluster.istioServed = true;
        cluster.namespaces = {QJsonObject {{"metadata", QJsonObject {{"name", "bookinfo"}}}}};
        cluster.services = {
            QJsonObject {{"metadata", QJsonObject {{"name", "reviews"}, {"namespace", "bookinfo"}}},
                         {"spec", QJsonObject {{"selector", QJsonObject {{"app", "reviews"}}}}}}};
        for (const char *v : {"v1", "v2", "v3"}) {
            QJsonObject o = pod("reviews", v);
            QJsonObject md = o.value("metadata").toObject();
            md.insert("namespace", "bookinfo");
            md.insert("name", QStringLiteral("reviews-%1").arg(QLatin1String(v)));
            o.insert("metadata", md);
            cluster.pods << o;
        }
        cluster.virtualServices = {vs};
        cluster.destinationRules = {dr};
        QCOMPARE(ConfigChecks::run(cluster).size(), 0);

        // And reads back the same.
        const TrafficPolicy back
            = TrafficPolicy::fromObjects(p.ns, p.service, objects.at(0), objects.at(1));
        QCOMPARE(back.subsets.size(), 3);
        QCOMPARE(back.subsets[0].weight, 0);
        QCOMPARE(back.subsets[2].weight, 80);
        QCOMPARE(back.delayMs, 2000);
        QCOMPARE(back.delayPercent, 50.0);
        QCOMPARE(back.timeoutMs, 1500);
        QCOMPARE(back.retryAttempts, 3);
        QCOMPARE(back.perTryTimeoutMs, 500);
        QCOMPARE(back.consecutive5xxErrors, 5);
        QCOMPARE(back.render(), objects);
    }

    // Requests by header, query parameter or path go to one version first; the service-wide
    // timeout holds on each rule; the TLS mode goes into the DestinationRule; read back whole.
    void requestRoutingAndTls()
    {
        TrafficPolicy p = reviews();
        p.timeoutMs = 1500;
        p.tls = TrafficPolicy::Tls::Disable;
        p.matches = {{TrafficPolicy::Match::Kind::Header, "End-User", "jason", "v2"},
                     {TrafficPolicy::Match::Kind::Query, "canary", "1", "v3"},
                     {TrafficPolicy::Match::Kind::PathPrefix, {}, "/reviews/9", "v1"}};
        QCOMPARE(p.problems(), QStringList {});
        const QList<QJsonObject> objects = p.render();
        const QJsonArray http = objects.at(0).value("spec").toObject().value("http").toArray();
        QCOMPARE(http.size(), 4);
        const QJsonObject first = http.at(0).toObject();
        QCOMPARE(first.value("match").toArray().at(0).toObject().value("headers").toObject(),
                 (QJsonObject {{"end-user", QJsonObject {{"exact", "jason"}}}}));
        QCOMPARE(first.value("route")
                     .toArray()
                     .at(0)
                     .toObject()
                     .value("destination")
                     .toObject()
                     .value("subset"),
                 QJsonValue("v2"));
        QCOMPARE(first.value("timeout"), QJsonValue("1500ms"));
        QCOMPARE(
            http.at(1).toObject().value("match").toArray().at(0).toObject().value("queryParams"),
            QJsonValue(QJsonObject {{"canary", QJsonObject {{"exact", "1"}}}}));
        QCOMPARE(http.at(2).toObject().value("match").toArray().at(0).toObject().value("uri"),
                 QJsonValue(QJsonObject {{"prefix", "/reviews/9"}}));
        QVERIFY(!http.at(3).toObject().contains("match")); // the shares come last
        QCOMPARE(objects.at(1)
                     .value("spec")
                     .toObject()
                     .value("trafficPolicy")
                     .toObject()
                     .value("tls")
                     .toObject()
                     .value("mode"),
                 QJsonValue("DISABLE"));
        // Read back the same.
        const TrafficPolicy back
            = TrafficPolicy::fromObjects("bookinfo", "reviews", objects.at(0), objects.at(1));
        QCOMPARE(back.matches.size(), 3);
        QCOMPARE(back.matches.at(0).name, QStringLiteral("end-user"));
        QCOMPARE(back.matches.at(1).kind, TrafficPolicy::Match::Kind::Query);
        QCOMPARE(back.tls, TrafficPolicy::Tls::Disable);
        QCOMPARE(back.render(), objects);

        // Bad matches are refused, each with its reason.
        TrafficPolicy bad = reviews();
        bad.matches = {{TrafficPolicy::Match::Kind::Header, "bad name", "x", "v2"},
                       {TrafficPolicy::Match::Kind::PathExact, {}, "reviews", "v1"},
                       {TrafficPolicy::Match::Kind::Query, "q", "", "v9"}};
        const QString all = bad.problems().join(QLatin1Char('\n'));
        QVERIFY2(all.contains("got \"bad name\"") && all.contains("starts with /")
                     && all.contains("value of q") && all.contains("Choose which version"),
                 qPrintable(all));
        TrafficPolicy unversioned;
        unversioned.ns = "default";
        unversioned.service = "web";
        unversioned.matches = {{TrafficPolicy::Match::Kind::Header, "x-test", "1", "v2"}};
        QVERIFY(unversioned.problems().join(' ').contains("needs the Service's versions"));
    }

    // The Gateway API's form (GAMMA): a Service per version copying the Service's selector and
    // ports, and an HTTPRoute attached to the Service; what HTTPRoute cannot say is refused;
    // read back the same.
    void renderedAsGatewayApi()
    {
        TrafficPolicy p = reviews();
        p.flavor = TrafficPolicy::Flavor::GatewayApi;
        p.selector = {{"app", "reviews"}};
        p.ports = QJsonArray {QJsonObject {{"name", "http"},
                                           {"port", 9080},
                                           {"targetPort", 9080},
                                           {"protocol", "TCP"},
                                           {"nodePort", 31000}}};
        p.timeoutMs = 2000;
        p.matches = {{TrafficPolicy::Match::Kind::Header, "end-user", "jason", "v2"},
                     {TrafficPolicy::Match::Kind::PathPrefix, {}, "/reviews/9", "v1"}};
        QCOMPARE(p.problems(), QStringList {});
        const QList<QJsonObject> objects = p.render();
        QCOMPARE(objects.size(), 4); // three Services, then the route
        const QJsonObject v3 = objects.at(2);
        QCOMPARE(v3.value("kind").toString(), QStringLiteral("Service"));
        QCOMPARE(v3.value("metadata").toObject().value("name").toString(),
                 QStringLiteral("reviews-v3"));
        QCOMPARE(v3.value("metadata")
                     .toObject()
                     .value("labels")
                     .toObject()
                     .value("meshdeck.io/version-of"),
                 QJsonValue("reviews"));
        QCOMPARE(v3.value("spec").toObject().value("selector").toObject(),
                 (QJsonObject {{"app", "reviews"}, {"version", "v3"}}));
        QVERIFY(!v3.value("spec").toObject().value("ports").toArray().at(0).toObject().contains(
            "nodePort"));
        const QJsonObject route = objects.at(3);
        QCOMPARE(route.value("apiVersion").toString(),
                 QStringLiteral("gateway.networking.k8s.io/v1"));
        const QJsonObject spec = route.value("spec").toObject();
        QCOMPARE(spec.value("parentRefs").toArray().at(0).toObject(),
                 (QJsonObject {
                     {"group", ""}, {"kind", "Service"}, {"name", "reviews"}, {"port", 9080}}));
        const QJsonArray rules = spec.value("rules").toArray();
        QCOMPARE(rules.size(), 3);
        QCOMPARE(
            rules.at(0).toObject().value("matches").toArray().at(0).toObject().value("headers"),
            QJsonValue(QJsonArray {
                QJsonObject {{"type", "Exact"}, {"name", "end-user"}, {"value", "jason"}}}));
        QCOMPARE(rules.at(1).toObject().value("matches").toArray().at(0).toObject().value("path"),
                 QJsonValue(QJsonObject {{"type", "PathPrefix"}, {"value", "/reviews/9"}}));
        const QJsonArray shares = rules.at(2).toObject().value("backendRefs").toArray();
        QCOMPARE(shares.size(), 2); // v1 has no share
        QCOMPARE(shares.at(1).toObject(),
                 (QJsonObject {{"name", "reviews-v3"}, {"port", 9080}, {"weight", 80}}));
        QCOMPARE(rules.at(2).toObject().value("timeouts").toObject().value("request"),
                 QJsonValue("2s"));

        // Read back: the versions come from the pods, the rest from the route.
        TrafficPolicy base = reviews();
        for (auto &s : base.subsets)
            s.weight = 0;
        base.selector = p.selector;
        base.ports = p.ports;
        const TrafficPolicy back = TrafficPolicy::fromHttpRoute(base, route);
        QCOMPARE(back.flavor, TrafficPolicy::Flavor::GatewayApi);
        QCOMPARE(back.subsets[2].weight, 80);
        QCOMPARE(back.matches.size(), 2);
        QCOMPARE(back.matches[1].kind, TrafficPolicy::Match::Kind::PathPrefix);
        QCOMPARE(back.timeoutMs, 2000);
        QCOMPARE(back.render(), objects);

        // What the route cannot say.
        p.delayMs = 100;
        p.delayPercent = 10;
        p.retryAttempts = 2;
        p.tls = TrafficPolicy::Tls::Disable;
        QVERIFY2(p.problems().join(' ').contains("has no fault injection, retries, a client TLS "
                                                 "mode"),
                 qPrintable(p.problems().join(' ')));
    }

    void refusedBeforeApplying_data()
    {
        QTest::addColumn<int>("change");
        QTest::addColumn<QString>("words");
        QTest::newRow("weights") << 0 << "add up to 90";
        QTest::newRow("percentage") << 1 << "percentage is 120";
        QTest::newRow("abort status") << 2 << "not an HTTP status";
        QTest::newRow("per try") << 3 << "longer than the whole request";
        QTest::newRow("negative") << 4 << "cannot be negative";
    }

    void refusedBeforeApplying()
    {
        QFETCH(int, change);
        QFETCH(QString, words);
        TrafficPolicy p = reviews();
        switch (change) {
        case 0:
            p.subsets[2].weight = 70;
            break;
        case 1:
            p.delayMs = 100;
            p.delayPercent = 120;
            break;
        case 2:
            p.abortStatus = 42;
            p.abortPercent = 10;
            break;
        case 3:
            p.timeoutMs = 1000;
            p.perTryTimeoutMs = 2000;
            break;
        case 4:
            p.timeoutMs = -5;
            break;
        }
        const QStringList problems = p.problems();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(words), qPrintable(problems.first()));
    }

    void versionsFromPods()
    {
        const auto subsets = TrafficPolicy::subsetsFromPods(
            {pod("reviews", "v2"), pod("reviews", "v1"), pod("ratings", "v1"), pod("reviews", "v3"),
             pod("reviews", "v2")},
            {{QStringLiteral("app"), QStringLiteral("reviews")}});
        QCOMPARE(subsets.size(), 3);
        QCOMPARE(subsets[0].name, QStringLiteral("v1"));
        QCOMPARE(subsets[0].weight + subsets[1].weight + subsets[2].weight, 100);
        // Nothing existing: an even split, and no version routing without subsets.
        const TrafficPolicy none = TrafficPolicy::fromObjects(QStringLiteral("bookinfo"),
                                                              QStringLiteral("details"), {}, {});
        QVERIFY(none.subsets.isEmpty());
        QCOMPARE(none.render().size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_TrafficPolicy)
#include "tst_trafficpolicy.moc"
