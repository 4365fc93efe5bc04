// The demo API's semantics over real HTTP: discovery, paging, patches, server-side apply,
// tables, selectors, tokens, field validation, restarts, and every bad input with the Status a
// real API server returns.
#include "support/demoapi.h"
#include "support/demoobjects.h"

#include <demo/democluster.h>

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Meshdeck;
using namespace Meshdeck::Demo;
using namespace TestSupport;

class tst_DemoApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        DemoCluster::Options options;
        options.timeScale = 0.2;
        options.bookmarkIntervalMs = 300;
        options.store.historyLimit = 5000;
        m_cluster = std::make_unique<DemoCluster>(options);
        QVERIFY(m_cluster->start().ok());
        QVERIFY(m_cluster->waitUntilSettled(20000));
        m_api = std::make_unique<DemoApi>(*m_cluster);
    }

    void cleanupTestCase() { m_cluster->stop(); }

    // Requests after the first on a kept-alive connection answer as fast as the first (no Nagle
    // delay waiting for the client's delayed ACK, about 40 ms a request before).
    void keptAliveRequestsAreFast()
    {
        if (m_cluster->serverUrl().startsWith(QLatin1String("https")))
            QSKIP("the plain server is measured");
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        QVERIFY(fd >= 0);
        sockaddr_in addr {};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(m_cluster->port());
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
        const QByteArray request = "GET /version HTTP/1.1\r\nHost: x\r\n\r\n";
        qint64 slowest = 0;
        for (int i = 0; i < 6; ++i) {
            QElapsedTimer t;
            t.start();
            QCOMPARE(::send(fd, request.constData(), size_t(request.size()), 0),
                     ssize_t(request.size()));
            QByteArray reply;
            // The reply is complete once its body (a JSON object) has arrived.
            while (!reply.contains("\r\n\r\n") || !reply.trimmed().endsWith('}')) {
                char buf[4096];
                const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
                QVERIFY(n > 0);
                reply.append(buf, n);
            }
            QVERIFY(reply.startsWith("HTTP/1.1 200"));
            if (i > 0)
                slowest = std::max(slowest, t.elapsed());
        }
        ::close(fd);
        QVERIFY2(slowest < 30, qPrintable(QStringLiteral("%1 ms").arg(slowest)));
    }

    void discovery()
    {
        QCOMPARE(
            m_api->get(QStringLiteral("/version")).json.value(QStringLiteral("minor")).toString(),
            QStringLiteral("32"));
        const auto groups
            = m_api->get(QStringLiteral("/apis")).json.value(QStringLiteral("groups")).toArray();
        bool apps = false;
        for (const QJsonValue &g : groups)
            apps = apps
                || g.toObject().value(QStringLiteral("name")).toString() == QLatin1String("apps");
        QVERIFY(apps);
        const auto core = m_api->get(QStringLiteral("/api/v1")).json;
        QCOMPARE(core.value(QStringLiteral("kind")).toString(), QStringLiteral("APIResourceList"));
        QVERIFY(m_api->get(QStringLiteral("/openapi/v3"))
                    .json.value(QStringLiteral("paths"))
                    .toObject()
                    .contains(QStringLiteral("apis/apps/v1")));
        QCOMPARE(m_api->get(QStringLiteral("/apis/networking.istio.io/v1")).status,
                 200); // a CRD's group
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("malformed json")
            << QByteArray("POST") << "/api/v1/namespaces/default/configmaps"
            << QByteArray("{\"kind\": ") << QByteArray("application/json") << 400 << "BadRequest"
            << "json parse error";
        QTest::newRow("malformed yaml")
            << QByteArray("POST") << "/api/v1/namespaces/default/configmaps"
            << QByteArray("kind: ConfigMap\nmetadata: [unclosed") << QByteArray("application/yaml")
            << 400 << "BadRequest"
            << "line";
        QTest::newRow("unknown kind")
            << QByteArray("GET") << "/apis/example.com/v1/namespaces/default/gizmos" << QByteArray()
            << QByteArray() << 404 << "NotFound"
            << "could not find";
        QTest::newRow("missing object")
            << QByteArray("GET") << "/api/v1/namespaces/default/pods/nope" << QByteArray()
            << QByteArray() << 404 << "NotFound"
            << "pods \"nope\" not found";
        QTest::newRow("invalid name")
            << QByteArray("POST") << "/api/v1/namespaces/default/configmaps"
            << QJsonDocument(configMap(QStringLiteral("Bad_Name!"), QStringLiteral("x"))).toJson()
            << QByteArray("application/json") << 422 << "Invalid"
            << "RFC 1123";
        QTest::newRow("apply without fieldManager")
            << QByteArray("PATCH") << "/api/v1/namespaces/default/configmaps/a"
            << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n")
            << QByteArray("application/apply-patch+yaml") << 422 << "Invalid"
            << "fieldManager: Required value";
        QTest::newRow("force on a merge patch")
            << QByteArray("PATCH") << "/api/v1/namespaces/default/services/kubernetes?force=true"
            << QByteArray("{}") << QByteArray("application/merge-patch+json") << 422 << "Invalid"
            << "force: Forbidden: may not be specified for non-apply patch";
        QTest::newRow("protobuf of a custom kind")
            << QByteArray("POST") << "/api/v1/namespaces/default/configmaps"
            << QByteArray("k8s\0\x0a\x0f\x0a\x08zz.io/v1\x12\x03Zap", 21)
            << QByteArray("application/vnd.kubernetes.protobuf") << 415 << "UnsupportedMediaType"
            << "zz.io/v1 Zap";
        QTest::newRow("truncated protobuf")
            << QByteArray("POST") << "/api/v1/namespaces/default/configmaps"
            << QByteArray("k8s\0\x0a\x30\x0a", 7)
            << QByteArray("application/vnd.kubernetes.protobuf") << 400 << "BadRequest"
            << "malformed or truncated";
        QTest::newRow("array in a configmap's data")
            << QByteArray("POST") << "/api/v1/namespaces/default/configmaps"
            << QByteArray(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"arr"},)"
                          R"("data":{"a":[1,[2]]}})")
            << QByteArray("application/json") << 400 << "BadRequest"
            << "cannot unmarshal array into Go struct field data of type string";
        QTest::newRow("label value too long")
            << QByteArray("POST") << "/api/v1/namespaces/default/configmaps"
            << QByteArray(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"long",)"
                          R"("labels":{"a":")")
                + QByteArray(10000, 'x') + QByteArray(R"("}}})")
            << QByteArray("application/json") << 422 << "Invalid"
            << "must be no more than 63 characters";
        QTest::newRow("label key with a space")
            << QByteArray("POST") << "/api/v1/namespaces/default/configmaps"
            << QByteArray(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"sp",)"
                          R"("labels":{"bad key":"v"}}})")
            << QByteArray("application/json") << 422 << "Invalid"
            << "name part must consist of alphanumeric characters";
        QTest::newRow("exact list without a version")
            << QByteArray("GET") << "/api/v1/configmaps?resourceVersionMatch=Exact" << QByteArray()
            << QByteArray() << 422 << "Invalid"
            << "resourceVersionMatch is forbidden unless resourceVersion is provided";
        QTest::newRow("unsupported patch type")
            << QByteArray("PATCH") << "/api/v1/namespaces/default/services/kubernetes"
            << QByteArray("{}") << QByteArray("text/plain") << 415 << "UnsupportedMediaType"
            << "text/plain";
        QTest::newRow("missing namespace")
            << QByteArray("POST") << "/api/v1/namespaces/nowhere/configmaps"
            << QJsonDocument(configMap(QStringLiteral("a"), QStringLiteral("x"))).toJson()
            << QByteArray("application/json") << 404 << "NotFound"
            << "nowhere";
        QTest::newRow("bad selector")
            << QByteArray("GET") << "/api/v1/pods?labelSelector=app%20in%20oops" << QByteArray()
            << QByteArray() << 400 << "BadRequest"
            << "label selector";
        QTest::newRow("unsupported field")
            << QByteArray("GET") << "/api/v1/pods?fieldSelector=spec.color%3Dred" << QByteArray()
            << QByteArray() << 400 << "BadRequest"
            << "spec.color";
        QTest::newRow("oversized body")
            << QByteArray("POST") << "/api/v1/namespaces/default/configmaps"
            << QJsonDocument(
                   configMap(QStringLiteral("big"), QString(4 * 1024 * 1024, QLatin1Char('x'))))
                   .toJson()
            << QByteArray("application/json") << 413 << "RequestEntityTooLarge"
            << "limit";
        QTest::newRow("bad continue token")
            << QByteArray("GET") << "/api/v1/pods?limit=1&continue=garbage" << QByteArray()
            << QByteArray() << 400 << "BadRequest"
            << "continue";
    }

    void badInput()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        QFETCH(QString, reason);
        QFETCH(QString, mentions);
        const auto r = m_api->call(method, path, body, contentType);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.status, status);
        QCOMPARE(r.json.value(QStringLiteral("kind")).toString(), QStringLiteral("Status"));
        QCOMPARE(r.json.value(QStringLiteral("reason")).toString(), reason);
        QCOMPARE(r.json.value(QStringLiteral("code")).toInt(), status);
        QVERIFY2(r.json.value(QStringLiteral("message")).toString().contains(mentions),
                 qPrintable(r.json.value(QStringLiteral("message")).toString()));
    }

    void createConflictsAndStaleUpdates()
    {
        const QString base = QStringLiteral("/api/v1/namespaces/default/configmaps");
        auto r = m_api->post(base, configMap(QStringLiteral("settings"), QStringLiteral("one")));
        QCOMPARE(r.status, 201);
        const QString rv = r.json.value(QStringLiteral("metadata"))
                               .toObject()
                               .value(QStringLiteral("resourceVersion"))
                               .toString();
        QVERIFY(!rv.isEmpty());
        r = m_api->post(base, configMap(QStringLiteral("settings"), QStringLiteral("again")));
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("AlreadyExists"));

        QJsonObject update = configMap(QStringLiteral("settings"), QStringLiteral("two"));
        QJsonObject md = update.value(QStringLiteral("metadata")).toObject();
        md.insert(QStringLiteral("resourceVersion"), rv);
        update.insert(QStringLiteral("metadata"), md);
        r = m_api->put(base + QStringLiteral("/settings"), update);
        QCOMPARE(r.status, 200);
        QVERIFY(r.json.value(QStringLiteral("metadata"))
                    .toObject()
                    .value(QStringLiteral("resourceVersion"))
                    .toString()
                != rv);
        // The same, stale, resourceVersion again: 409 Conflict.
        update.insert(QStringLiteral("data"),
                      QJsonObject {{QStringLiteral("key"), QStringLiteral("three")}});
        r = m_api->put(base + QStringLiteral("/settings"), update);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json.value(QStringLiteral("reason")).toString(), QStringLiteral("Conflict"));
        QVERIFY(r.json.value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("has been modified")));
    }

    void patches()
    {
        const QString path = QStringLiteral("/api/v1/namespaces/default/configmaps/patchme");
        QCOMPARE(m_api
                     ->post(QStringLiteral("/api/v1/namespaces/default/configmaps"),
                            configMap(QStringLiteral("patchme"), QStringLiteral("a")))
                     .status,
                 201);
        auto r = m_api->patch(path, R"({"data":{"extra":"b"}})", "application/merge-patch+json");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("extra"))
                     .toString(),
                 QStringLiteral("b"));
        r = m_api->patch(
            path,
            R"([{"op":"replace","path":"/data/key","value":"c"},{"op":"remove","path":"/data/extra"}])",
            "application/json-patch+json");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("data")).toObject(),
                 QJsonObject({{QStringLiteral("key"), QStringLiteral("c")}}));
        r = m_api->patch(path, R"([{"op":"remove","path":"/data/missing"}])",
                         "application/json-patch+json");
        QCOMPARE(r.status, 422);
        r = m_api->patch(path, R"([{"op":"test","path":"/data/key","value":"nope"}])",
                         "application/json-patch+json");
        QCOMPARE(r.status, 422);
    }

    void serverSideApply()
    {
        const QString path
            = QStringLiteral("/apis/apps/v1/namespaces/default/deployments/ssa?fieldManager=alice");
        QByteArray applied = QJsonDocument(deployment(QStringLiteral("ssa"), 2)).toJson();
        auto r = m_api->patch(path, applied, "application/apply-patch+yaml");
        QCOMPARE(r.status, 201);
        const QJsonArray managed = r.json.value(QStringLiteral("metadata"))
                                       .toObject()
                                       .value(QStringLiteral("managedFields"))
                                       .toArray();
        QCOMPARE(managed.size(), 1);
        QCOMPARE(managed.first().toObject().value(QStringLiteral("manager")).toString(),
                 QStringLiteral("alice"));
        QCOMPARE(managed.first().toObject().value(QStringLiteral("operation")).toString(),
                 QStringLiteral("Apply"));

        // bob changes replicas that alice owns: a conflict naming alice and the field.
        const QString bob
            = QStringLiteral("/apis/apps/v1/namespaces/default/deployments/ssa?fieldManager=bob");
        applied = QJsonDocument(deployment(QStringLiteral("ssa"), 5)).toJson();
        r = m_api->patch(bob, applied, "application/apply-patch+yaml");
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json.value(QStringLiteral("reason")).toString(), QStringLiteral("Conflict"));
        const QString message = r.json.value(QStringLiteral("message")).toString();
        QVERIFY2(message.contains(QStringLiteral("\"alice\""))
                     && message.contains(QStringLiteral(".spec.replicas")),
                 qPrintable(message));
        QVERIFY(!r.json.value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("causes"))
                     .toArray()
                     .isEmpty());

        // With force, bob takes the field over.
        r = m_api->patch(bob + QStringLiteral("&force=true"), applied,
                         "application/apply-patch+yaml");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("spec"))
                     .toObject()
                     .value(QStringLiteral("replicas"))
                     .toInt(),
                 5);

        // alice re-applies without the image field she dropped: it is removed.
        QJsonObject slim = deployment(QStringLiteral("ssa"), 5);
        r = m_api->patch(path + QStringLiteral("&force=true"), QJsonDocument(slim).toJson(),
                         "application/apply-patch+yaml");
        QCOMPARE(r.status, 200);
    }

    void pagingAndExpiredContinue()
    {
        for (int i = 0; i < 25; ++i)
            QCOMPARE(m_api
                         ->post(QStringLiteral("/api/v1/namespaces/default/configmaps"),
                                configMap(QStringLiteral("page-%1").arg(i, 2, 10, QLatin1Char('0')),
                                          QStringLiteral("x")))
                         .status,
                     201);
        QStringList names;
        QString token;
        int pages = 0;
        QString firstRv;
        do {
            const auto r = m_api->get(
                QStringLiteral("/api/v1/namespaces/default/configmaps?labelSelector=&limit=10")
                + (token.isEmpty() ? QString() : QStringLiteral("&continue=") + token));
            QCOMPARE(r.status, 200);
            const QString rv = r.json.value(QStringLiteral("metadata"))
                                   .toObject()
                                   .value(QStringLiteral("resourceVersion"))
                                   .toString();
            if (pages == 0) {
                firstRv = rv;
                // A write in the middle of paging does not show up: the pages are one snapshot.
                QCOMPARE(m_api
                             ->post(QStringLiteral("/api/v1/namespaces/default/configmaps"),
                                    configMap(QStringLiteral("page-00a"), QStringLiteral("late")))
                             .status,
                         201);
            } else {
                QCOMPARE(rv, firstRv);
            }
            for (const QJsonValue &item : r.json.value(QStringLiteral("items")).toArray())
                names << item.toObject()
                             .value(QStringLiteral("metadata"))
                             .toObject()
                             .value(QStringLiteral("name"))
                             .toString();
            token = r.json.value(QStringLiteral("metadata"))
                        .toObject()
                        .value(QStringLiteral("continue"))
                        .toString();
            ++pages;
        } while (!token.isEmpty() && pages < 20);
        QVERIFY(!names.contains(QStringLiteral("page-00a")));
        QCOMPARE(names.filter(QStringLiteral("page-")).size(), 25);

        const auto first
            = m_api->get(QStringLiteral("/api/v1/namespaces/default/configmaps?limit=5"));
        token = first.json.value(QStringLiteral("metadata"))
                    .toObject()
                    .value(QStringLiteral("continue"))
                    .toString();
        QVERIFY(!token.isEmpty());
        QVERIFY(first.json.value(QStringLiteral("metadata"))
                    .toObject()
                    .value(QStringLiteral("remainingItemCount"))
                    .toInt()
                > 0);
        m_cluster->store().compact(0);
        const auto expired = m_api->get(
            QStringLiteral("/api/v1/namespaces/default/configmaps?limit=5&continue=") + token);
        QCOMPARE(expired.status, 410);
        QCOMPARE(expired.json.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("Expired"));
    }

    void tables()
    {
        const auto r = m_api->call(
            "GET", QStringLiteral("/api/v1/namespaces/bookinfo/pods"), {}, {},
            {{"Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("kind")).toString(), QStringLiteral("Table"));
        QStringList columns;
        for (const QJsonValue &c : r.json.value(QStringLiteral("columnDefinitions")).toArray())
            columns << c.toObject().value(QStringLiteral("name")).toString();
        QCOMPARE(columns.mid(0, 5), QStringList({"Name", "Ready", "Status", "Restarts", "Age"}));
        const QJsonArray rows = r.json.value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.size(), 6);
        QCOMPARE(rows.first().toObject().value(QStringLiteral("cells")).toArray().at(1).toString(),
                 QStringLiteral("2/2"));
    }

    void selectors()
    {
        auto r = m_api->get(QStringLiteral(
            "/api/v1/namespaces/bookinfo/pods?labelSelector=app%3Dreviews,version%20in%20(v2,v3)"));
        QCOMPARE(r.json.value(QStringLiteral("items")).toArray().size(), 2);
        r = m_api->get(QStringLiteral(
            "/api/v1/pods?fieldSelector=metadata.namespace%3Dbookinfo,status.phase%3DRunning"));
        QCOMPARE(r.json.value(QStringLiteral("items")).toArray().size(), 6);
        const QString node = r.json.value(QStringLiteral("items"))
                                 .toArray()
                                 .first()
                                 .toObject()
                                 .value(QStringLiteral("spec"))
                                 .toObject()
                                 .value(QStringLiteral("nodeName"))
                                 .toString();
        r = m_api->get(QStringLiteral("/api/v1/pods?fieldSelector=spec.nodeName%3D") + node);
        for (const QJsonValue &p : r.json.value(QStringLiteral("items")).toArray())
            QCOMPARE(p.toObject()
                         .value(QStringLiteral("spec"))
                         .toObject()
                         .value(QStringLiteral("nodeName"))
                         .toString(),
                     node);
        r = m_api->get(QStringLiteral("/api/v1/namespaces/bookinfo/pods?labelSelector=!version"));
        QCOMPARE(r.json.value(QStringLiteral("items")).toArray().size(), 0);
    }

    void readOnlyTokenIsForbiddenToWrite()
    {
        DemoCluster::Options options;
        options.scenario = QStringLiteral("empty");
        options.tokenAuth = true;
        DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        DemoApi viewer(cluster, cluster.readOnlyToken());
        QCOMPARE(viewer.get(QStringLiteral("/api/v1/namespaces")).status, 200);
        const auto denied = viewer.post(QStringLiteral("/api/v1/namespaces/default/configmaps"),
                                        configMap(QStringLiteral("x"), QStringLiteral("y")));
        QCOMPARE(denied.status, 403);
        QCOMPARE(denied.json.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("Forbidden"));
        DemoApi stranger(cluster, QStringLiteral("not-a-token"));
        QCOMPARE(stranger.get(QStringLiteral("/api/v1/namespaces")).status, 401);
        DemoApi anonymous(cluster);
        anonymous.setAnonymous(true);
        QCOMPARE(anonymous.get(QStringLiteral("/api/v1/namespaces")).status, 401);
    }

    // Plain HTTP: the kubeconfigs carry tokens; a request without any is anonymous and may
    // read only what a real cluster shows anonymous users. 403s name the exact verb.
    void plainHttpAnonymousHasNoRights()
    {
        DemoCluster::Options options;
        options.scenario = QStringLiteral("empty");
        DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        DemoApi anonymous(cluster);
        anonymous.setAnonymous(true);
        QCOMPARE(anonymous.get(QStringLiteral("/version")).status, 200);
        QCOMPARE(anonymous.get(QStringLiteral("/healthz")).status, 200);
        const auto discovery = anonymous.get(QStringLiteral("/api"));
        QCOMPARE(discovery.status, 403);
        QVERIFY(discovery.json.value("message").toString().contains("cannot get path \"/api\""));
        const auto list = anonymous.get(QStringLiteral("/api/v1/namespaces"));
        QCOMPARE(list.status, 403);
        QVERIFY2(list.json.value("message").toString().contains(
                     "User \"system:anonymous\" cannot list resource \"namespaces\""),
                 list.body.constData());
        QCOMPARE(anonymous.get(QStringLiteral("/api/v1/namespaces?watch=1")).status, 403);
        const auto wipe = anonymous.del(QStringLiteral("/api/v1/namespaces/default/configmaps"));
        QCOMPARE(wipe.status, 403);
        QVERIFY2(wipe.json.value("message").toString().contains("cannot deletecollection"),
                 wipe.body.constData());
        QCOMPARE(anonymous
                     .get(QStringLiteral("/api/v1/namespaces/istio-system/services/"
                                         "prometheus:9090/proxy/api/v1/query?query=up"))
                     .status,
                 403);

        DemoApi viewer(cluster, cluster.readOnlyToken());
        QCOMPARE(viewer.get(QStringLiteral("/api/v1/namespaces")).status, 200);
        const auto denied = viewer.del(QStringLiteral("/api/v1/namespaces/default"));
        QCOMPARE(denied.status, 403);
        QVERIFY(denied.json.value("message").toString().contains("cannot delete resource"));
        DemoApi admin(cluster);
        QCOMPARE(admin
                     .post(QStringLiteral("/api/v1/namespaces/default/configmaps"),
                           configMap(QStringLiteral("x"), QStringLiteral("y")))
                     .status,
                 201);
    }

    // A CRD's versions are ordered as Kubernetes orders them (GA, beta, alpha; higher first):
    // the preferred version is the first, whatever order the CRD lists them in. Aggregated
    // discovery shows the same order.
    void crdVersionsInKubernetesOrder()
    {
        const QByteArray crd = R"({"apiVersion": "apiextensions.k8s.io/v1",
            "kind": "CustomResourceDefinition", "metadata": {"name": "kites.sky.example.io"},
            "spec": {"group": "sky.example.io", "scope": "Namespaced",
              "names": {"kind": "Kite", "plural": "kites"},
              "versions": [
                {"name": "v2alpha1", "served": true, "storage": false,
                 "schema": {"openAPIV3Schema": {"type": "object"}}},
                {"name": "v1beta1", "served": true, "storage": false,
                 "schema": {"openAPIV3Schema": {"type": "object"}}},
                {"name": "v1", "served": true, "storage": true,
                 "schema": {"openAPIV3Schema": {"type": "object"}}}]}})";
        QCOMPARE(m_api
                     ->call("POST",
                            QStringLiteral("/apis/apiextensions.k8s.io/v1/"
                                           "customresourcedefinitions"),
                            crd)
                     .status,
                 201);
        DemoApi::Reply group;
        QTRY_VERIFY_WITH_TIMEOUT(
            (group = m_api->get(QStringLiteral("/apis/sky.example.io"))).status == 200, 5000);
        QCOMPARE(group.json.value("preferredVersion").toObject().value("version").toString(),
                 QStringLiteral("v1"));
        QStringList order;
        for (const QJsonValue &v : group.json.value("versions").toArray())
            order << v.toObject().value("version").toString();
        QCOMPARE(order, QStringList({"v1", "v1beta1", "v2alpha1"}));
        const auto aggregated
            = m_api->call("GET", QStringLiteral("/apis"), {}, {},
                          {{"Accept",
                            "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
                            "application/json"}});
        QCOMPARE(aggregated.json.value("kind").toString(), QStringLiteral("APIGroupDiscoveryList"));
        bool found = false;
        for (const QJsonValue &item : aggregated.json.value("items").toArray()) {
            const QJsonObject o = item.toObject();
            if (o.value("metadata").toObject().value("name").toString() != "sky.example.io")
                continue;
            found = true;
            QCOMPARE(o.value("versions").toArray().first().toObject().value("version").toString(),
                     QStringLiteral("v1"));
        }
        QVERIFY(found);
    }

    // Unknown fields of built-in kinds are dropped as Kubernetes' decoder drops them; the client
    // hears of them as fieldValidation asks: a Warning header each (the default), 400 (Strict)
    // or nothing (Ignore).
    void unknownFieldsPerFieldValidation()
    {
        const QByteArray body = R"({"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": "typo", "labelz": {"a": "b"}},
            "data": {"k": "v"}, "dta": {"x": "y"}})";
        const QString path = QStringLiteral("/api/v1/namespaces/default/configmaps");
        const auto strict
            = m_api->call("POST", path + QStringLiteral("?fieldValidation=Strict"), body);
        QCOMPARE(strict.status, 400);
        const QString strictMessage = strict.json.value("message").toString();
        QVERIFY2(strictMessage.startsWith("strict decoding error: ")
                     && strictMessage.contains("unknown field \"metadata.labelz\"")
                     && strictMessage.contains("unknown field \"dta\""),
                 strict.body.constData());
        QCOMPARE(
            m_api->call("POST", path + QStringLiteral("?fieldValidation=Sometimes"), body).status,
            400);
        const auto warned = m_api->call("POST", path, body);
        QCOMPARE(warned.status, 201);
        QStringList warnings;
        for (const auto &h : warned.headers)
            if (h.first.compare("Warning", Qt::CaseInsensitive) == 0)
                warnings << QString::fromUtf8(h.second);
        QCOMPARE(warnings.size(), 2);
        QVERIFY2(warnings.contains(QStringLiteral("299 - \"unknown field \\\"dta\\\"\"")),
                 qPrintable(warnings.join('|')));
        QVERIFY(!warned.json.contains("dta"));
        QVERIFY(!warned.json.value("metadata").toObject().contains("labelz"));
        QCOMPARE(warned.json.value("data").toObject().value("k").toString(), QStringLiteral("v"));
        // Nested: a container field misspelt, reported with its index.
        const QByteArray pod = R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
            "spec": {"containers": [{"name": "c", "image": "nginx", "imagePolicy": "Always"}]}})";
        const auto nested = m_api->call(
            "POST", QStringLiteral("/api/v1/namespaces/default/pods?fieldValidation=Strict"), pod);
        QCOMPARE(nested.status, 400);
        QVERIFY2(nested.json.value("message").toString().contains(
                     "unknown field \"spec.containers[0].imagePolicy\""),
                 nested.body.constData());
        // Patches name fields as objects do.
        const auto patched
            = m_api->call("PATCH", path + QStringLiteral("/typo?fieldValidation=Strict"),
                          R"({"spec": {"x": 1}})", "application/merge-patch+json");
        QCOMPARE(patched.status, 400);
        QCOMPARE(m_api
                     ->call("PATCH", path + QStringLiteral("/typo"), R"({"data": {"k": "w"}})",
                            "application/merge-patch+json")
                     .status,
                 200);
    }

    void stateSurvivesRestart()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("state.json"));
        {
            DemoCluster::Options options;
            options.scenario = QStringLiteral("empty");
            options.stateFile = file;
            DemoCluster cluster(options);
            QVERIFY(cluster.start().ok());
            DemoApi api(cluster);
            QCOMPARE(api.post(QStringLiteral("/api/v1/namespaces/default/configmaps"),
                              configMap(QStringLiteral("kept"), QStringLiteral("v")))
                         .status,
                     201);
            cluster.stop();
        }
        DemoCluster::Options options;
        options.stateFile = file;
        DemoCluster again(options);
        QVERIFY(again.start().ok());
        DemoApi api(again);
        QCOMPARE(api.get(QStringLiteral("/api/v1/namespaces/default/configmaps/kept"))
                     .json.value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("key"))
                     .toString(),
                 QStringLiteral("v"));
        // A damaged state file is refused with a clear message.
        QFile broken(dir.filePath(QStringLiteral("broken.json")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{not json");
        broken.close();
        options.stateFile = broken.fileName();
        DemoCluster bad(options);
        const auto r = bad.start();
        QVERIFY(!r.ok());
        QVERIFY(
            r.error().message().contains(QStringLiteral("not a Meshdeck demo cluster state file")));
    }

private:
    std::unique_ptr<DemoCluster> m_cluster;
    std::unique_ptr<DemoApi> m_api;
};

QTEST_GUILESS_MAIN(tst_DemoApi)
#include "tst_demoapi.moc"
