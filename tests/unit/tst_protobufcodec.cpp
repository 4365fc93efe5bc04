// Kubernetes' protobuf encoding of built-in kinds, both ways, through the demo's schema: the
// mapping rules Kubernetes' JSON follows (Time, Quantity, IntOrString, bytes, inline structs,
// pointer zeros) and every malformed body a client could send.
#include <demo/apierror.h>
#include <demo/protobufcodec.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Meshdeck::Demo;

namespace {
QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(text, &error).object();
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return o;
}

int statusOf(const QByteArray &body)
{
    try {
        ProtobufCodec::decode(body);
    } catch (const ApiError &e) {
        return e.code();
    }
    return 200;
}

const char kDeployment[] = R"({
  "apiVersion": "apps/v1", "kind": "Deployment",
  "metadata": {"name": "web", "namespace": "shop", "labels": {"app": "web"},
               "creationTimestamp": "2026-11-30T10:20:30Z", "generation": 2,
               "managedFields": [{"manager": "kubectl", "operation": "Apply",
                                  "apiVersion": "apps/v1", "time": "2026-11-30T10:20:30Z",
                                  "fieldsType": "FieldsV1",
                                  "fieldsV1": {"f:spec": {"f:replicas": {}}}}]},
  "spec": {
    "replicas": 0, "revisionHistoryLimit": 10,
    "selector": {"matchLabels": {"app": "web"}},
    "strategy": {"type": "RollingUpdate",
                 "rollingUpdate": {"maxSurge": "25%", "maxUnavailable": 1}},
    "template": {
      "metadata": {"labels": {"app": "web"}},
      "spec": {
        "automountServiceAccountToken": false,
        "containers": [{
          "name": "web", "image": "nginx:1.27", "args": ["-g", "daemon off;"],
          "ports": [{"containerPort": 80, "protocol": "TCP"}],
          "resources": {"requests": {"cpu": "100m", "memory": "64Mi"}},
          "readinessProbe": {"httpGet": {"path": "/", "port": "http"}, "periodSeconds": 5},
          "volumeMounts": [{"name": "conf", "mountPath": "/etc/nginx"}]
        }],
        "volumes": [{"name": "conf", "configMap": {"name": "nginx", "defaultMode": 420}}]
      }
    }
  },
  "status": {"conditions": [{"type": "Available", "status": "True",
                             "lastUpdateTime": "2026-11-30T10:20:31Z"}]}
})";
} // namespace

class tst_ProtobufCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripKeepsEveryField()
    {
        const QJsonObject original = json(kDeployment);
        const auto encoded = ProtobufCodec::encode(original);
        QVERIFY(encoded);
        QVERIFY(encoded->startsWith(QByteArray("k8s\0", 4)));
        const QJsonObject decoded = ProtobufCodec::decode(*encoded);
        if (decoded != original)
            qWarning().noquote() << QJsonDocument(decoded).toJson();
        QCOMPARE(decoded, original);
    }

    void inlineStructsAreFlatInJson()
    {
        // IngressRule embeds IngressRuleValue inline: "http" sits beside "host" in JSON.
        const QJsonObject ingress = json(R"({"apiVersion": "networking.k8s.io/v1",
            "kind": "Ingress", "metadata": {"name": "ing"},
            "spec": {"rules": [{"host": "shop.example",
              "http": {"paths": [{"path": "/", "pathType": "Prefix",
                "backend": {"service": {"name": "web", "port": {"number": 80}}}}]}}]}})");
        const auto encoded = ProtobufCodec::encode(ingress);
        QVERIFY(encoded);
        QCOMPARE(ProtobufCodec::decode(*encoded), ingress);
    }

    void bytesAreBase64AndZerosFollowGo()
    {
        const QJsonObject secret = json(R"({"apiVersion": "v1", "kind": "Secret",
            "metadata": {"name": "s"}, "type": "Opaque", "immutable": false,
            "data": {"password": "c2VjcmV0"}})");
        const auto encoded = ProtobufCodec::encode(secret);
        QVERIFY(encoded);
        QVERIFY(encoded->contains("secret")); // the raw bytes, not their base64 form
        QVERIFY(!encoded->contains("c2VjcmV0"));
        QCOMPARE(ProtobufCodec::decode(*encoded), secret); // immutable: false is a choice
    }

    void goZeroTimeIsNull()
    {
        // kubectl create sends metadata.creationTimestamp as Go's zero Time: an empty message.
        const QJsonObject ns = json(R"({"apiVersion": "v1", "kind": "Namespace",
            "metadata": {"name": "demo", "creationTimestamp": null}, "spec": {}})");
        const auto encoded = ProtobufCodec::encode(ns);
        QVERIFY(encoded);
        const QJsonObject decoded = ProtobufCodec::decode(*encoded);
        QVERIFY(!decoded.value("metadata").toObject().contains("creationTimestamp"));
        QCOMPARE(decoded.value("metadata").toObject().value("name").toString(),
                 QStringLiteral("demo"));
    }

    void whatHasNoProtobufFormStaysJson()
    {
        QVERIFY(!ProtobufCodec::encode(json(R"({"apiVersion": "example.io/v1", "kind": "Widget",
            "metadata": {"name": "w"}})")));
        QVERIFY(!ProtobufCodec::encode(json(R"({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": "c"}, "surprise": true})")));
        QVERIFY(!ProtobufCodec::encode(json(R"({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": "c"}, "data": {"a": 1}})")));
    }

    void acceptHeader()
    {
        QVERIFY(
            ProtobufCodec::prefersProtobuf("application/vnd.kubernetes.protobuf,application/json"));
        QVERIFY(!ProtobufCodec::prefersProtobuf("application/json, */*"));
        QVERIFY(!ProtobufCodec::prefersProtobuf(
            "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"));
        QVERIFY(!ProtobufCodec::prefersProtobuf(""));
    }

    void malformedBodies()
    {
        const QByteArray good = *ProtobufCodec::encode(json(kDeployment));
        QCOMPARE(statusOf(QByteArray("{\"kind\":\"Namespace\"}")), 400); // no k8s\0 prefix
        QCOMPARE(statusOf(QByteArray("k8s\0", 4)), 415); // no type at all
        QCOMPARE(statusOf(good.left(good.size() / 2)), 400); // truncated
        QByteArray garbage("k8s\0", 4);
        garbage += QByteArray(64, '\xff');
        QCOMPARE(statusOf(garbage), 400);
        // A kind without a protobuf form (a custom resource) is 415, naming it.
        QByteArray custom = good;
        custom.replace("apps/v1", "zzzz/v1"); // same length: the framing stays valid
        try {
            ProtobufCodec::decode(custom);
            QFAIL("a custom kind in protobuf was accepted");
        } catch (const ApiError &e) {
            QCOMPARE(e.code(), 415);
            QVERIFY2(e.message().contains(QStringLiteral("zzzz/v1 Deployment")),
                     qPrintable(e.message()));
        }
    }
};

QTEST_GUILESS_MAIN(tst_ProtobufCodec)
#include "tst_protobufcodec.moc"
