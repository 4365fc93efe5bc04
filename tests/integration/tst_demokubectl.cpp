// The real kubectl against the embedded demo cluster, as a user would run it: plain HTTP, TLS
// with client certificates, and bearer tokens.
#include <demo/democluster.h>
#include <demo/objectstore.h>
#include <demo/resourcetype.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Meshdeck::Demo;

namespace {

const char kManifest[] = R"(apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.meshdeck.io
spec:
  group: example.meshdeck.io
  scope: Namespaced
  names: {kind: Widget, plural: widgets, singular: widget, shortNames: [wd]}
  versions:
  - name: v1
    served: true
    storage: true
    additionalPrinterColumns:
    - {name: Size, type: integer, jsonPath: .spec.size}
    schema:
      openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels: {istio-injection: enabled}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports: [{containerPort: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports: [{port: 80}]
)";

const char kWidget[] = R"(apiVersion: example.meshdeck.io/v1
kind: Widget
metadata: {name: blue, namespace: shop}
spec: {size: 3}
)";

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

// An empty demo cluster over HTTPS, without Bookinfo's traffic.
DemoCluster::Options emptyOverTls()
{
    DemoCluster::Options options;
    options.tls = true;
    options.bookinfoTraffic = false;
    options.scenario = QStringLiteral("empty");
    return options;
}

} // namespace

class tst_DemoKubectl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_kubectl = qEnvironmentVariable("MESHDECK_KUBECTL");
        if (m_kubectl.isEmpty())
            m_kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
        QVERIFY2(!m_kubectl.isEmpty(),
                 "kubectl is not installed (packaging/dev.sh installs Debian's kubernetes-client)");
        QFile manifest(m_dir.filePath(QStringLiteral("app.yaml")));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write(kManifest);
        QFile limits(m_dir.filePath(QStringLiteral("lr.yaml")));
        QVERIFY(limits.open(QIODevice::WriteOnly));
        limits.write("apiVersion: v1\nkind: LimitRange\nmetadata: {name: defaults, namespace: lr}\n"
                     "spec:\n  limits:\n  - type: Container\n    default: {cpu: 500m, memory: "
                     "256Mi}\n    defaultRequest: {cpu: 100m}\n    max: {cpu: \"1\"}\n");
        limits.close();
        QFile widget(m_dir.filePath(QStringLiteral("widget.yaml")));
        QVERIFY(widget.open(QIODevice::WriteOnly));
        widget.write(kWidget);
    }

    void wholeCheck_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("plain") << "plain";
        QTest::newRow("tls") << "tls";
        QTest::newRow("token") << "token";
    }

    void wholeCheck()
    {
        QFETCH(QString, mode);
        DemoCluster::Options options;
        options.tls = mode == QLatin1String("tls");
        options.tokenAuth = mode == QLatin1String("token");
        options.anonymousAdmin = mode == QLatin1String("plain"); // kubectl sends no token over HTTP
        options.timeScale = 0.5;
        DemoCluster cluster(options);
        const auto started = cluster.start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message()));
        const QString admin = m_dir.filePath(mode + QStringLiteral("-admin.yaml"));
        const QString viewer = m_dir.filePath(mode + QStringLiteral("-viewer.yaml"));
        QVERIFY(cluster.writeKubeconfig(admin).ok());
        QVERIFY(cluster.writeKubeconfig(viewer, DemoCluster::Access::ReadOnly).ok());
        m_cache = m_dir.filePath(mode + QStringLiteral("-cache"));

        Run r = kubectl(admin, {"version"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Server Version"))
                     && r.out.contains(QStringLiteral("v1.32.")),
                 qPrintable(r.out));

        QVERIFY(cluster.waitUntilSettled(20000));
        r = kubectl(admin, {"get", "pods", "-A"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("productpage-v1")));
        QVERIFY(r.out.contains(QStringLiteral("istiod")));
        QVERIFY(r.out.contains(QStringLiteral("2/2")));

        r = kubectl(admin, {"get", "ns"});
        QVERIFY(r.out.contains(QStringLiteral("bookinfo")));

        r = kubectl(admin,
                    {"apply", "--server-side", "-f", m_dir.filePath(QStringLiteral("app.yaml"))});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("deployment.apps/web serverside-applied")));
        r = kubectl(
            admin, {"apply", "--server-side", "-f", m_dir.filePath(QStringLiteral("widget.yaml"))});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = kubectl(admin, {"get", "widgets", "-n", "shop"});
        QVERIFY2(r.out.contains(QStringLiteral("blue")) && r.out.contains(QStringLiteral("SIZE")),
                 qPrintable(r.out + r.err));

        r = kubectl(admin, {"get", "deploy", "-n", "shop", "-o", "json"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QJsonObject list = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(list.value(QStringLiteral("items"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("web"));

        r = kubectl(admin,
                    {"wait", "--for=condition=Ready", "pod", "-l", "app=web", "-n", "shop",
                     "--timeout=30s"});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        r = kubectl(admin, {"get", "pods", "-n", "shop", "-o", "json"});
        const QJsonArray pods = QJsonDocument::fromJson(r.out.toUtf8())
                                    .object()
                                    .value(QStringLiteral("items"))
                                    .toArray();
        QCOMPARE(pods.size(), 2);
        for (const QJsonValue &p : pods) {
            const QJsonArray containers = p.toObject()
                                              .value(QStringLiteral("spec"))
                                              .toObject()
                                              .value(QStringLiteral("containers"))
                                              .toArray();
            QCOMPARE(containers.size(), 2); // web and the injected istio-proxy
        }

        r = kubectl(admin, {"scale", "deploy/web", "-n", "shop", "--replicas=3"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = kubectl(admin, {"rollout", "status", "deploy/web", "-n", "shop", "--timeout=30s"});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(QStringLiteral("successfully rolled out")));
        r = kubectl(admin, {"get", "deploy", "web", "-n", "shop"});
        QVERIFY2(r.out.contains(QStringLiteral("3/3")), qPrintable(r.out));

        // The read-only user may look but not touch.
        if (mode != QLatin1String("plain")) {
            r = kubectl(viewer, {"get", "pods", "-n", "shop"});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            r = kubectl(viewer, {"delete", "deploy", "web", "-n", "shop"});
            QVERIFY(r.code != 0);
            QVERIFY2(r.err.contains(QStringLiteral("Forbidden")), qPrintable(r.err));
        }

        // A watch sees the deletion; the pods go.
        QProcess watch;
        watch.start(m_kubectl, args(admin, {"get", "pods", "-n", "shop", "--watch"}));
        QVERIFY(watch.waitForStarted());
        QTest::qWait(1000);
        r = kubectl(admin, {"delete", "deploy", "web", "-n", "shop"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QElapsedTimer clock;
        clock.start();
        QString remaining;
        do {
            QTest::qWait(200);
            remaining = kubectl(admin, {"get", "pods", "-n", "shop", "-o", "name"}).out.trimmed();
        } while (!remaining.isEmpty() && clock.elapsed() < 20000);
        QVERIFY2(remaining.isEmpty(), qPrintable(remaining));
        QString watched;
        QTRY_VERIFY_WITH_TIMEOUT((watched += QString::fromUtf8(watch.readAllStandardOutput()))
                                     .contains(QStringLiteral("Terminating")),
                                 5000);
        QVERIFY(watched.contains(QStringLiteral("Running")));
        watch.kill();
        watch.waitForFinished();

        // kubectl and the server agree.
        QCOMPARE(cluster.store().objects(QStringLiteral("/pods"), QStringLiteral("shop")).size(),
                 0);
        QCOMPARE(cluster.store()
                     .objects(QStringLiteral("apps/replicasets"), QStringLiteral("shop"))
                     .size(),
                 0);
        cluster.stop();
    }

    // ResourceQuota enforced as the API server's quota admission does, its status.used kept
    // by the quota controller (kubectl describe quota); LimitRange defaults and maximums.
    void quotasAndLimitRanges()
    {
        DemoCluster cluster(emptyOverTls());
        QVERIFY(cluster.start().ok());
        const QString admin = m_dir.filePath(QStringLiteral("quota-admin.yaml"));
        QVERIFY(cluster.writeKubeconfig(admin).ok());
        m_cache = m_dir.filePath(QStringLiteral("quota-cache"));
        const auto ok = [&](const QStringList &args) {
            const Run r = kubectl(admin, args);
            return r.code == 0 ? QString() : r.err.trimmed();
        };
        QCOMPARE(ok({"create", "namespace", "q"}), QString());
        QCOMPARE(ok({"create", "quota", "compute", "-n", "q",
                     "--hard=pods=2,requests.cpu=1,requests.memory=1Gi,count/configmaps=2"}),
                 QString());
        const auto pod = [](const char *name, const char *cpu) {
            return QStringList {"run",
                                name,
                                "-n",
                                "q",
                                "--image=nginx",
                                QStringLiteral("--overrides={\"spec\":{\"containers\":[{\"name\":"
                                               "\"%1\",\"image\":\"nginx\",\"resources\":{"
                                               "\"requests\":{\"cpu\":\"%2\",\"memory\":"
                                               "\"128Mi\"}}}]}}")
                                    .arg(QLatin1String(name), QLatin1String(cpu))};
        };
        QCOMPARE(ok({"run", "bare", "-n", "q", "--image=nginx"}),
                 QStringLiteral("Error from server (Forbidden): pods \"bare\" is forbidden: failed "
                                "quota: compute: must specify requests.cpu for: bare; "
                                "requests.memory for: bare"));
        QCOMPARE(ok(pod("a", "600m")), QString());
        QCOMPARE(ok(pod("b", "600m")),
                 QStringLiteral("Error from server (Forbidden): pods \"b\" is forbidden: exceeded "
                                "quota: compute, requested: requests.cpu=600m, used: "
                                "requests.cpu=600m, limited: requests.cpu=1"));
        QCOMPARE(ok(pod("c", "300m")), QString());
        QVERIFY(ok(pod("d", "50m"))
                    .contains(QStringLiteral("requested: pods=1, used: pods=2, "
                                             "limited: pods=2")));
        // kube-root-ca.crt counts too, as on any cluster: one more fits, a second does not.
        QCOMPARE(ok({"create", "configmap", "one", "-n", "q"}), QString());
        QVERIFY(ok({"create", "configmap", "two", "-n", "q"})
                    .contains(
                        QStringLiteral("exceeded quota: compute, requested: count/configmaps=1")));
        // The quota controller's status, as kubectl describe shows it.
        QString described;
        for (int i = 0; i < 50; ++i) {
            described = kubectl(admin, {"describe", "quota", "compute", "-n", "q"}).out;
            if (described.contains(QRegularExpression(QStringLiteral("requests.cpu +900m +1\\n"))))
                break;
            QTest::qWait(100);
        }
        QVERIFY2(described.contains(QRegularExpression(QStringLiteral("pods +2 +2\\n")))
                     && described.contains(
                         QRegularExpression(QStringLiteral("requests.memory +256Mi +1Gi\\n"))),
                 qPrintable(described));
        // A pod that went frees its share.
        QCOMPARE(ok({"delete", "pod", "c", "-n", "q", "--grace-period=0", "--force"}), QString());
        QString again;
        for (int i = 0; i < 50; ++i) {
            again = ok(pod("d", "50m"));
            if (again.isEmpty())
                break;
            QTest::qWait(200);
        }
        QCOMPARE(again, QString());

        // LimitRange: defaults fill what a container leaves out (so the quota is met), the
        // pod says so; a limit above the maximum is refused.
        QCOMPARE(ok({"create", "namespace", "lr"}), QString());
        const Run range
            = kubectl(admin, {"apply", "-f", m_dir.filePath(QStringLiteral("lr.yaml"))});
        QVERIFY2(range.code == 0, qPrintable(range.err));
        QCOMPARE(ok({"run", "plain", "-n", "lr", "--image=nginx"}), QString());
        const QString resources = kubectl(admin,
                                          {"get", "pod", "plain", "-n", "lr", "-o",
                                           "jsonpath={.spec.containers[0].resources}"})
                                      .out;
        QVERIFY2(
            resources.contains(QStringLiteral("\"limits\":{\"cpu\":\"500m\",\"memory\":\"256Mi\"}"))
                && resources.contains(
                    QStringLiteral("\"requests\":{\"cpu\":\"100m\",\"memory\":\"256Mi\"}")),
            qPrintable(resources));
        QVERIFY(
            kubectl(admin,
                    {"get", "pod", "plain", "-n", "lr", "-o", "jsonpath={.metadata.annotations}"})
                .out.contains(
                    QStringLiteral("LimitRanger plugin set: cpu request for container plain")));
        QCOMPARE(ok({"run", "big", "-n", "lr", "--image=nginx",
                     "--overrides={\"spec\":{\"containers\":[{\"name\":\"big\",\"image\":"
                     "\"nginx\",\"resources\":{\"limits\":{\"cpu\":\"2\"}}}]}}"}),
                 QStringLiteral("Error from server (Forbidden): pods \"big\" is forbidden: maximum "
                                "cpu usage per Container is 1, but limit is 2"));
    }

    // kubectl's create commands send protobuf bodies (the typed client's default for built-in
    // kinds); what the server stores is what kubectl meant.
    void createsWhatKubectlCreates()
    {
        DemoCluster cluster(emptyOverTls());
        QVERIFY(cluster.start().ok());
        const QString admin = m_dir.filePath(QStringLiteral("create-admin.yaml"));
        QVERIFY(cluster.writeKubeconfig(admin).ok());
        m_cache = m_dir.filePath(QStringLiteral("create-cache"));
        const QList<QStringList> commands = {
            {"create", "namespace", "demo"},
            {"create", "deployment", "web", "--image=nginx:1.27", "--replicas=0", "--port=80", "-n",
             "demo"},
            {"create", "configmap", "conf", "--from-literal=mode=fast", "-n", "demo"},
            {"create", "secret", "generic", "creds", "--from-literal=password=s3cret", "-n",
             "demo"},
            {"create", "job", "once", "--image=busybox", "-n", "demo", "--", "echo", "hi"},
            {"create", "cronjob", "nightly", "--image=busybox", "--schedule=0 3 * * *", "-n",
             "demo"},
            {"create", "service", "clusterip", "web", "--tcp=80:8080", "-n", "demo"},
            {"create", "serviceaccount", "robot", "-n", "demo"},
            {"create", "role", "reader", "--verb=get,list", "--resource=pods", "-n", "demo"},
            {"create", "rolebinding", "reader", "--role=reader", "--serviceaccount=demo:robot",
             "-n", "demo"},
            {"create", "clusterrole", "watcher", "--verb=watch", "--resource=pods"},
            {"create", "clusterrolebinding", "watcher", "--clusterrole=watcher", "--user=bob"},
            {"create", "ingress", "shop", "--rule=shop.example/*=web:80", "-n", "demo"},
            {"create", "poddisruptionbudget", "web", "--selector=app=web", "--min-available=1",
             "-n", "demo"},
            {"create", "quota", "small", "--hard=pods=10,services=5", "-n", "demo"},
            {"create", "priorityclass", "high", "--value=1000"},
        };
        for (const QStringList &c : commands) {
            const Run r = kubectl(admin, c);
            QVERIFY2(r.code == 0, qPrintable(c.join(' ') + QStringLiteral(": ") + r.err));
            QVERIFY2(r.out.contains(QStringLiteral("created")), qPrintable(r.out));
        }
        ObjectStore &store = cluster.store();
        const QJsonObject deploy
            = store.get(*cluster.registry().findKind("apps/v1", "Deployment"), "demo", "web");
        const QJsonObject spec = deploy.value("spec").toObject();
        QVERIFY2(spec.contains("replicas") && spec.value("replicas").toInt() == 0,
                 "replicas: 0 was asked for, not left out");
        // Defaulted on create, field by field (kubectl sends `strategy: {}`).
        QCOMPARE(spec.value("strategy").toObject().value("type").toString(),
                 QStringLiteral("RollingUpdate"));
        QCOMPARE(spec.value("strategy")
                     .toObject()
                     .value("rollingUpdate")
                     .toObject()
                     .value("maxSurge")
                     .toString(),
                 QStringLiteral("25%"));
        const QJsonObject container = spec.value("template")
                                          .toObject()
                                          .value("spec")
                                          .toObject()
                                          .value("containers")
                                          .toArray()
                                          .first()
                                          .toObject();
        QCOMPARE(container.value("image").toString(), QStringLiteral("nginx:1.27"));
        QCOMPARE(container.value("ports").toArray().first().toObject().value("containerPort"),
                 QJsonValue(80));
        const QJsonObject secret
            = store.get(*cluster.registry().findKind("v1", "Secret"), "demo", "creds");
        QCOMPARE(secret.value("data").toObject().value("password").toString(),
                 QString::fromLatin1(QByteArray("s3cret").toBase64()));
        const QJsonObject rule
            = store
                  .get(*cluster.registry().findKind("networking.k8s.io/v1", "Ingress"), "demo",
                       "shop")
                  .value("spec")
                  .toObject()
                  .value("rules")
                  .toArray()
                  .first()
                  .toObject();
        QCOMPARE(rule.value("host").toString(), QStringLiteral("shop.example"));
        QVERIFY2(rule.contains("http"), "the inline IngressRuleValue is flat in JSON");
        const QJsonObject port
            = store.get(*cluster.registry().findKind("v1", "Service"), "demo", "web")
                  .value("spec")
                  .toObject()
                  .value("ports")
                  .toArray()
                  .first()
                  .toObject();
        QCOMPARE(port.value("targetPort"), QJsonValue(8080));
        const QJsonObject pdb = store.get(
            *cluster.registry().findKind("policy/v1", "PodDisruptionBudget"), "demo", "web");
        QCOMPARE(pdb.value("spec").toObject().value("minAvailable"), QJsonValue(1));
        // Discovery in one aggregated document, and OpenAPI v3 schemas of every built-in kind.
        Run r = kubectl(admin, {"api-resources"});
        QVERIFY2(r.code == 0 && r.out.contains("deployments") && r.out.contains("resourcequotas"),
                 qPrintable(r.out + r.err));
        r = kubectl(admin, {"explain", "deployment.spec"});
        QVERIFY2(r.code == 0 && r.out.contains("replicas\t<integer>")
                     && r.out.contains("template\t<PodTemplateSpec>"),
                 qPrintable(r.out + r.err));
        r = kubectl(admin, {"explain", "ingress.spec.rules"});
        QVERIFY2(r.code == 0 && r.out.contains("http\t<HTTPIngressRuleValue>"),
                 qPrintable(r.out + r.err));
        // A pod kubectl ran answers exec with the demo's shell.
        r = kubectl(admin, {"run", "shell", "--image=busybox", "-n", "demo", "--", "sleep", "1d"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = kubectl(admin,
                    {"wait", "--for=condition=Ready", "pod/shell", "-n", "demo", "--timeout=30s"});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        r = kubectl(admin, {"exec", "-n", "demo", "shell", "--", "cat", "/etc/hostname"});
        QVERIFY2(r.code == 0 && r.out == QLatin1String("shell\n"), qPrintable(r.out + r.err));
        // The job really ran.
        QTRY_VERIFY_WITH_TIMEOUT(
            (r = kubectl(admin, {"get", "job", "once", "-n", "demo"})).out.contains("1/1"), 20000);
        // Objects come back in protobuf when kubectl asks for it first (kubectl create -o json
        // decodes the server's reply).
        r = kubectl(
            admin,
            {"create", "configmap", "echo", "--from-literal=a=b", "-n", "demo", "-o", "json"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8())
                     .object()
                     .value("data")
                     .toObject()
                     .value("a")
                     .toString(),
                 QStringLiteral("b"));
        cluster.stop();
    }

    // Every live namespace holds the ServiceAccount "default" and the ConfigMap
    // kube-root-ca.crt with the CA that verifies the API server, as the controller manager
    // keeps them: put back when deleted, restored when changed.
    void namespaceDefaults()
    {
        DemoCluster cluster(emptyOverTls());
        QVERIFY(cluster.start().ok());
        const QString admin = m_dir.filePath(QStringLiteral("defaults-admin.yaml"));
        QVERIFY(cluster.writeKubeconfig(admin).ok());
        m_cache = m_dir.filePath(QStringLiteral("defaults-cache"));
        Run r = kubectl(admin,
                        {"config", "view", "--raw", "-o",
                         "jsonpath={.clusters[0].cluster.certificate-authority-data}"});
        const QString ca = QString::fromLatin1(QByteArray::fromBase64(r.out.toLatin1()));
        QVERIFY2(ca.startsWith(QStringLiteral("-----BEGIN CERTIFICATE-----")), qPrintable(r.err));
        const QStringList caOf = {"get",  "configmap", "kube-root-ca.crt",         "-n",
                                  "team", "-o",        "jsonpath={.data.ca\\.crt}"};
        const QStringList account = {"get", "serviceaccount", "default", "-n", "team"};
        QVERIFY(kubectl(admin, {"create", "namespace", "team"}).code == 0);
        QTRY_COMPARE_WITH_TIMEOUT(kubectl(admin, caOf).out, ca, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(kubectl(admin, account).code, 0, 10000);
        // Deleted: back again; changed: restored.
        QCOMPARE(kubectl(admin, {"delete", "configmap", "kube-root-ca.crt", "-n", "team"}).code, 0);
        QCOMPARE(kubectl(admin, {"delete", "serviceaccount", "default", "-n", "team"}).code, 0);
        QTRY_COMPARE_WITH_TIMEOUT(kubectl(admin, caOf).out, ca, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(kubectl(admin, account).code, 0, 10000);
        r = kubectl(admin,
                    {"patch", "configmap", "kube-root-ca.crt", "-n", "team", "--type", "merge",
                     "-p", R"({"data":{"ca.crt":"forged"}})"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QTRY_COMPARE_WITH_TIMEOUT(kubectl(admin, caOf).out, ca, 10000);
        // A pod that names no account runs as "default".
        r = kubectl(admin, {"run", "app", "--image=busybox", "-n", "team", "--", "sleep", "1d"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = kubectl(
            admin,
            {"get", "pod", "app", "-n", "team", "-o", "jsonpath={.spec.serviceAccountName}"});
        QCOMPARE(r.out, QStringLiteral("default"));
        // A namespace going away takes them along, and nothing puts them back.
        r = kubectl(admin, {"delete", "namespace", "team", "--wait=true", "--timeout=30s"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(!cluster.store()
                     .tryGet(QStringLiteral("/configmaps"), QStringLiteral("team"),
                             QStringLiteral("kube-root-ca.crt"))
                     .has_value());
        cluster.stop();
    }

private:
    QStringList args(const QString &kubeconfig, const QStringList &rest) const
    {
        return QStringList {QStringLiteral("--kubeconfig"), kubeconfig,
                            QStringLiteral("--cache-dir"), m_cache,
                            QStringLiteral("--request-timeout=30s")}
        + rest;
    }

    Run kubectl(const QString &kubeconfig, const QStringList &rest)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("KUBECONFIG"));
        env.insert(QStringLiteral("HOME"), m_dir.path());
        p.setProcessEnvironment(env);
        p.start(m_kubectl, args(kubeconfig, rest));
        if (!p.waitForFinished(60000))
            p.kill();
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    QTemporaryDir m_dir;
    QString m_kubectl;
    QString m_cache;
};

QTEST_GUILESS_MAIN(tst_DemoKubectl)
#include "tst_demokubectl.moc"
