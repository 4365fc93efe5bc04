// The configuration checks over hand-written objects: a correct Bookinfo-like configuration gives
// no finding, and each mistake added to it gives exactly its finding, on the right field.
#include <core/yaml.h>
#include <mesh/configchecks.h>

#include <QJsonArray>
#include <QTest>

using namespace Meshdeck;
using namespace Meshdeck::Mesh;

namespace {

ConfigObjects objectsFrom(const QByteArray &yaml)
{
    ConfigObjects o;
    o.istioServed = true;
    o.gatewayApiServed = true;
    const auto docs = Yaml::toJsonDocuments(yaml);
    if (!docs) {
        qWarning("%s", qPrintable(docs.error().message()));
        return o;
    }
    for (const QJsonValue &doc : docs.value()) {
        const QJsonObject obj = doc.toObject();
        const QString kind = obj.value(QLatin1String("kind")).toString();
        const QString api = obj.value(QLatin1String("apiVersion")).toString();
        const bool gatewayApi = api.startsWith(QLatin1String("gateway.networking.k8s.io"));
        QList<QJsonObject> *target = nullptr;
        if (kind == QLatin1String("Namespace"))
            target = &o.namespaces;
        else if (kind == QLatin1String("Service"))
            target = &o.services;
        else if (kind == QLatin1String("Pod"))
            target = &o.pods;
        else if (kind == QLatin1String("VirtualService"))
            target = &o.virtualServices;
        else if (kind == QLatin1String("DestinationRule"))
            target = &o.destinationRules;
        else if (kind == QLatin1String("Gateway"))
            target = gatewayApi ? &o.gateways : &o.istioGateways;
        else if (kind == QLatin1String("ServiceEntry"))
            target = &o.serviceEntries;
        else if (kind == QLatin1String("PeerAuthentication"))
            target = &o.peerAuthentications;
        else if (kind == QLatin1String("HTTPRoute"))
            target = &o.httpRoutes;
        else if (kind == QLatin1String("GRPCRoute"))
            target = &o.grpcRoutes;
        else if (kind == QLatin1String("ReferenceGrant"))
            target = &o.referenceGrants;
        if (target)
            target->append(obj);
        else
            qWarning("unexpected kind %s", qPrintable(kind));
    }
    return o;
}

// Bookinfo's reviews in two versions, behind the mesh and an ingress gateway, configured well.
const char kBase[] = R"(
apiVersion: v1
kind: Namespace
metadata: {name: bookinfo, labels: {istio-injection: enabled}}
---
apiVersion: v1
kind: Namespace
metadata: {name: istio-system}
---
apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: bookinfo}
spec: {selector: {app: reviews}, ports: [{name: http, port: 9080}]}
---
apiVersion: v1
kind: Service
metadata: {name: ratings, namespace: bookinfo}
spec: {selector: {app: ratings}, ports: [{name: http, port: 9080}]}
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec: {selector: {app: cart}, ports: [{name: http, port: 8080}]}
---
apiVersion: v1
kind: Pod
metadata:
  name: reviews-v1-5d9f-abcde
  namespace: bookinfo
  labels: {app: reviews, version: v1, pod-template-hash: 5d9f}
  ownerReferences: [{kind: ReplicaSet, name: reviews-v1-5d9f}]
spec: {containers: [{name: reviews}, {name: istio-proxy}]}
status: {phase: Running}
---
apiVersion: v1
kind: Pod
metadata:
  name: reviews-v2-77aa-fghij
  namespace: bookinfo
  labels: {app: reviews, version: v2, pod-template-hash: 77aa}
  ownerReferences: [{kind: ReplicaSet, name: reviews-v2-77aa}]
spec: {initContainers: [{name: istio-proxy, restartPolicy: Always}], containers: [{name: reviews}]}
status: {phase: Running}
---
apiVersion: v1
kind: Pod
metadata: {name: ratings-1, namespace: bookinfo, labels: {app: ratings, sidecar.istio.io/inject: "false"}}
spec: {containers: [{name: ratings}]}
status: {phase: Running}
---
apiVersion: v1
kind: Pod
metadata: {name: ingress-1, namespace: istio-system, labels: {istio: ingressgateway}}
spec: {containers: [{name: istio-proxy}]}
status: {phase: Running}
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
metadata: {name: reviews, namespace: bookinfo}
spec:
  hosts: [reviews]
  http:
  - route:
    - {destination: {host: reviews, subset: v1}, weight: 80}
    - {destination: {host: reviews.bookinfo.svc.cluster.local, subset: v2}, weight: 20}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: bookinfo-gateway, namespace: bookinfo}
spec: {selector: {istio: ingressgateway}, servers: [{port: {number: 80}, hosts: ["*"]}]}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: bookinfo, namespace: bookinfo}
spec:
  hosts: ["*"]
  gateways: [bookinfo-gateway]
  http: [{route: [{destination: {host: reviews, port: {number: 9080}}}]}]
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: payments, namespace: shop}
spec: {hosts: [api.payments.example.com, "*.cdn.example.com"], location: MESH_EXTERNAL}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: payments, namespace: shop}
spec:
  hosts: [api.payments.example.com]
  http: [{route: [{destination: {host: api.payments.example.com}}], timeout: 2s}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ratings-canary, namespace: bookinfo}
spec:
  parentRefs: [{group: "", kind: Service, name: ratings, port: 9080}]
  rules: [{backendRefs: [{name: ratings, port: 9080, weight: 90}, {name: cart, namespace: shop, port: 8080, weight: 10}]}]
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: from-bookinfo, namespace: shop}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: bookinfo}]
  to: [{group: "", kind: Service}]
)";

QStringList describe(const QList<ConfigFinding> &findings)
{
    QStringList out;
    for (const ConfigFinding &f : findings)
        out << f.code + QLatin1Char(' ') + f.objectKey() + QLatin1Char(' ') + f.field;
    return out;
}

} // namespace

class tst_ConfigChecks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void correctConfigurationHasNoFinding()
    {
        const ConfigObjects objects = objectsFrom(kBase);
        QCOMPARE(objects.virtualServices.size(), 3);
        QCOMPARE(describe(ConfigChecks::run(objects)), QStringList {});
    }

    void eachMistakeIsFound_data()
    {
        QTest::addColumn<QByteArray>("change");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("words"); // the message says what is wrong

        QTest::newRow("host not found") << QByteArray(R"(
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: details, namespace: bookinfo}
spec: {hosts: [details], http: [{route: [{destination: {host: detials}}]}]}
)") << QStringList {"MD0101 VirtualService/bookinfo/details spec.http[0].route[0].destination.host"}
                                        << "detials";
        QTest::newRow("subset not defined")
            << QByteArray(R"(
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews-v3, namespace: bookinfo}
spec: {hosts: [reviews.bookinfo.svc.cluster.local], gateways: [bookinfo-gateway], http: [{route: [{destination: {host: reviews, subset: v3}}]}]}
)")
            << QStringList {"MD0102 VirtualService/bookinfo/reviews-v3 "
                            "spec.http[0].route[0].destination.subset"}
            << "defined: v1, v2";
        QTest::newRow("subset without rule")
            << QByteArray(R"(
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ratings, namespace: bookinfo}
spec: {hosts: [ratings], tcp: [{route: [{destination: {host: ratings, subset: v1}}]}]}
)")
            << QStringList {"MD0102 VirtualService/bookinfo/ratings "
                            "spec.tcp[0].route[0].destination.subset"}
            << "no DestinationRule";
        QTest::newRow("weights") << QByteArray(R"(
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ratings, namespace: bookinfo}
spec:
  hosts: [ratings]
  http:
  - match: [{headers: {end-user: {exact: jason}}}]
    route: [{destination: {host: ratings}}]
  - route: [{destination: {host: ratings}, weight: 70}, {destination: {host: ratings}, weight: 20}]
)") << QStringList {"MD0103 VirtualService/bookinfo/ratings spec.http[1].route"}
                                 << "add up to 90";
        QTest::newRow("gateway missing") << QByteArray(R"(
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ratings, namespace: bookinfo}
spec: {hosts: [ratings], gateways: [mesh, istio-system/public], http: [{route: [{destination: {host: ratings}}]}]}
)") << QStringList {"MD0104 VirtualService/bookinfo/ratings spec.gateways[1]"}
                                         << "istio-system/public";
        QTest::newRow("two for one host")
            << QByteArray(R"(
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews-again, namespace: bookinfo}
spec: {hosts: [reviews.bookinfo], http: [{route: [{destination: {host: reviews, subset: v2}}]}]}
)")
            << QStringList {"MD0105 VirtualService/bookinfo/reviews spec.hosts",
                            "MD0105 VirtualService/bookinfo/reviews-again spec.hosts"}
            << "reviews, reviews-again";
        QTest::newRow("fault percentage")
            << QByteArray(R"(
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ratings, namespace: bookinfo}
spec: {hosts: [ratings], http: [{fault: {delay: {fixedDelay: 2s, percentage: {value: 150}}}, route: [{destination: {host: ratings}}]}]}
)")
            << QStringList {"MD0106 VirtualService/bookinfo/ratings "
                            "spec.http[0].fault.delay.percentage.value"}
            << "150";
        QTest::newRow("rule host not found") << QByteArray(R"(
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: details, namespace: bookinfo}
spec: {host: details}
)") << QStringList {"MD0201 DestinationRule/bookinfo/details spec.host"}
                                             << "details";
        QTest::newRow("subset selects nothing") << QByteArray(R"(
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: ratings, namespace: bookinfo}
spec: {host: ratings, subsets: [{name: v1, labels: {}}, {name: v2, labels: {version: v2}}]}
)") << QStringList {"MD0202 DestinationRule/bookinfo/ratings spec.subsets[1].labels"}
                                                << "version=v2";
        QTest::newRow("tls disabled under strict")
            << QByteArray(R"(
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: istio-system}
spec: {mtls: {mode: STRICT}}
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: shop}
spec: {mtls: {mode: PERMISSIVE}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: ratings, namespace: bookinfo}
spec: {host: ratings, trafficPolicy: {portLevelSettings: [{port: {number: 9080}, tls: {mode: DISABLE}}]}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: cart, namespace: shop}
spec: {host: cart, trafficPolicy: {tls: {mode: DISABLE}}}
)")
            << QStringList {"MD0203 DestinationRule/bookinfo/ratings "
                            "spec.trafficPolicy.portLevelSettings[0].tls.mode"}
            << "istio-system/default";
        QTest::newRow("gateway selects nothing") << QByteArray(R"(
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: egress, namespace: istio-system}
spec: {selector: {istio: egressgateway}}
)") << QStringList {"MD0301 Gateway/istio-system/egress spec.selector"}
                                                 << "istio=egressgateway";
        QTest::newRow("route parents missing")
            << QByteArray(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: bookinfo}
spec:
  parentRefs: [{name: public-gw}, {kind: Service, group: "", name: productpage}]
  rules: [{backendRefs: [{name: reviews, port: 9080}]}]
)")
            << QStringList {"MD0401 HTTPRoute/bookinfo/web spec.parentRefs[0]",
                            "MD0401 HTTPRoute/bookinfo/web spec.parentRefs[1]"}
            << "bookinfo/public-gw";
        QTest::newRow("route backends wrong")
            << QByteArray(R"(
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: public, namespace: bookinfo}
spec: {gatewayClassName: istio}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: shop}
spec:
  parentRefs: [{name: public, namespace: bookinfo}]
  rules:
  - backendRefs: [{name: details, port: 9080}, {name: cart}, {name: cart, port: 80}]
  - backendRefs: [{name: reviews, namespace: bookinfo, port: 9080}]
)")
            << QStringList {"MD0402 HTTPRoute/shop/web spec.rules[0].backendRefs[0]",
                            "MD0403 HTTPRoute/shop/web spec.rules[0].backendRefs[1].port",
                            "MD0403 HTTPRoute/shop/web spec.rules[0].backendRefs[2].port",
                            "MD0404 HTTPRoute/shop/web spec.rules[1].backendRefs[0]"}
            << "shop/details";
        // A GRPCRoute has the same references; a ReferenceGrant for HTTPRoutes does not let
        // it through.
        QTest::newRow("grpc route references wrong")
            << QByteArray(R"(
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: http-only, namespace: bookinfo}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}]
  to: [{group: "", kind: Service}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: rpc, namespace: shop}
spec:
  parentRefs: [{kind: Service, group: "", name: ledger}]
  rules:
  - backendRefs: [{name: reviews, namespace: bookinfo, port: 9080}, {name: ledger, port: 50051}]
)")
            << QStringList {"MD0401 GRPCRoute/shop/rpc spec.parentRefs[0]",
                            "MD0404 GRPCRoute/shop/rpc spec.rules[0].backendRefs[0]",
                            "MD0402 GRPCRoute/shop/rpc spec.rules[0].backendRefs[1]"}
            << "shop/ledger";
        QTest::newRow("restart needed") << QByteArray(R"(
apiVersion: v1
kind: Pod
metadata:
  name: reviews-v1-5d9f-older
  namespace: bookinfo
  labels: {app: reviews, version: v1, pod-template-hash: 5d9f}
  ownerReferences: [{kind: ReplicaSet, name: reviews-v1-5d9f}]
spec: {containers: [{name: reviews}]}
status: {phase: Running}
---
apiVersion: v1
kind: Pod
metadata: {name: old-job-x, namespace: bookinfo, ownerReferences: [{kind: Job, name: old-job}]}
spec: {containers: [{name: main}]}
status: {phase: Succeeded}
)") << QStringList {"MD0501 Deployment/bookinfo/reviews-v1 spec.template.spec.containers"}
                                        << "1 of its 2 pods";
    }

    void eachMistakeIsFound()
    {
        QFETCH(QByteArray, change);
        QFETCH(QStringList, expected);
        QFETCH(QString, words);
        const QList<ConfigFinding> findings
            = ConfigChecks::run(objectsFrom(QByteArray(kBase) + "---\n" + change));
        QCOMPARE(describe(findings), expected);
        QVERIFY2(findings.first().message.contains(words), qPrintable(findings.first().message));
        // What each finding concerns in the graph, for the topology's badges.
        for (const ConfigFinding &f : findings)
            if (f.kind == QLatin1String("VirtualService") && f.name != QLatin1String("details"))
                QVERIFY(!f.services.isEmpty());
    }

    void severitiesAndJson()
    {
        const QList<ConfigFinding> findings = ConfigChecks::run(objectsFrom(QByteArray(kBase) + R"(
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: details, namespace: bookinfo}
spec: {host: details}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: details, namespace: bookinfo}
spec: {hosts: [details], http: [{route: [{destination: {host: details}}]}]}
)"));
        QCOMPARE(findings.size(), 2);
        QCOMPARE(findings.at(0).severity, ConfigFinding::Severity::Error); // errors first
        QCOMPARE(findings.at(1).severity, ConfigFinding::Severity::Warning);
        const QJsonObject json = findings.at(0).toJson();
        QCOMPARE(json.value(QLatin1String("code")).toString(), QStringLiteral("MD0101"));
        QCOMPARE(json.value(QLatin1String("severity")).toString(), QStringLiteral("error"));
        QCOMPARE(json.value(QLatin1String("group")).toString(),
                 QStringLiteral("networking.istio.io"));
        QCOMPARE(json.value(QLatin1String("namespace")).toString(), QStringLiteral("bookinfo"));
    }

    void namespaceFilter()
    {
        const ConfigObjects objects = objectsFrom(QByteArray(kBase) + R"(
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: nowhere, namespace: shop}
spec: {host: nowhere}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: nowhere, namespace: bookinfo}
spec: {host: nowhere}
)");
        QCOMPARE(ConfigChecks::run(objects).size(), 2);
        const auto shop = ConfigChecks::run(objects, {QStringLiteral("shop")});
        QCOMPARE(describe(shop), QStringList {"MD0201 DestinationRule/shop/nowhere spec.host"});
    }

    void hostNames()
    {
        const QString ns = QStringLiteral("bookinfo");
        QCOMPARE(ConfigChecks::qualifiedHost(QStringLiteral("reviews"), ns),
                 QStringLiteral("reviews.bookinfo.svc.cluster.local"));
        QCOMPARE(ConfigChecks::qualifiedHost(QStringLiteral("Reviews.Shop"), ns),
                 QStringLiteral("reviews.shop.svc.cluster.local"));
        QCOMPARE(ConfigChecks::qualifiedHost(QStringLiteral("reviews.shop.svc"), ns),
                 QStringLiteral("reviews.shop.svc.cluster.local"));
        QCOMPARE(ConfigChecks::qualifiedHost(QStringLiteral("api.example.com"), ns),
                 QStringLiteral("api.example.com"));
        QCOMPARE(ConfigChecks::qualifiedHost(QStringLiteral("*.example.com"), ns),
                 QStringLiteral("*.example.com"));
    }
};

QTEST_GUILESS_MAIN(tst_ConfigChecks)
#include "tst_configchecks.moc"
