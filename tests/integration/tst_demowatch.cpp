// The demo cluster's API over real HTTP: watches (bookmarks, too-old versions, released
// streams), the controllers behind Deployments, Jobs and namespace deletion, and pod logs.
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

class tst_DemoWatch : public QObject
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

    void watchFromVersionWithBookmarks()
    {
        const QString rv = m_api->get(QStringLiteral("/api/v1/namespaces/default/configmaps"))
                               .json.value(QStringLiteral("metadata"))
                               .toObject()
                               .value(QStringLiteral("resourceVersion"))
                               .toString();
        std::thread writer([this] {
            QThread::msleep(200);
            m_api->post(QStringLiteral("/api/v1/namespaces/default/configmaps"),
                        configMap(QStringLiteral("watched"), QStringLiteral("1")));
            m_api->patch(QStringLiteral("/api/v1/namespaces/default/configmaps/watched"),
                         R"({"data":{"key":"2"}})", "application/merge-patch+json");
            m_api->del(QStringLiteral("/api/v1/namespaces/default/configmaps/watched"));
        });
        const auto r = m_api->get(
            QStringLiteral(
                "/api/v1/namespaces/default/"
                "configmaps?watch=true&allowWatchBookmarks=true&timeoutSeconds=2&resourceVersion=")
            + rv);
        writer.join();
        QCOMPARE(r.status, 200);
        QStringList types;
        for (const QByteArray &line : r.body.split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonObject e = QJsonDocument::fromJson(line).object();
            QVERIFY2(!e.isEmpty(), line.constData());
            types << e.value(QStringLiteral("type")).toString();
        }
        QVERIFY2(types.mid(0, 3) == QStringList({"ADDED", "MODIFIED", "DELETED"}),
                 qPrintable(types.join(',')));
        QVERIFY(types.contains(QStringLiteral("BOOKMARK")));
    }

    void watchTooOld()
    {
        m_cluster->store().compact(0);
        const auto r = m_api->get(QStringLiteral(
            "/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=2&timeoutSeconds=1"));
        QCOMPARE(r.status, 200);
        const QJsonObject e = QJsonDocument::fromJson(r.body.split('\n').first()).object();
        QCOMPARE(e.value(QStringLiteral("type")).toString(), QStringLiteral("ERROR"));
        QCOMPARE(e.value(QStringLiteral("object")).toObject().value(QStringLiteral("code")).toInt(),
                 410);
    }

    void watchTooOldAsHttpStatus()
    {
        DemoCluster::Options options;
        options.scenario = QStringLiteral("empty");
        options.watchGoneAsHttpStatus = true;
        DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        cluster.store().compact(0);
        DemoApi api(cluster);
        const auto r = api.get(QStringLiteral("/api/v1/pods?watch=1&resourceVersion=1"));
        QCOMPARE(r.status, 410);
        QCOMPARE(r.json.value(QStringLiteral("reason")).toString(), QStringLiteral("Expired"));
    }

    void disconnectedWatchIsReleased()
    {
        const int before = m_cluster->openWatchStreams();
        HttpRequest request;
        request.url = QUrl(m_cluster->serverUrl()
                           + QStringLiteral("/api/v1/pods?watch=true&allowWatchBookmarks=true"));
        request.acceptCompressed = false;
        int lines = 0;
        // The client goes away after the first event.
        const auto r = HttpTransport::perform(request, {},
                                              [&](const char *, size_t) { return ++lines < 1; });
        QVERIFY(r.ok());
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster->openWatchStreams(), before, 5000);
    }

    void controllers()
    {
        const QString base = QStringLiteral("/apis/apps/v1/namespaces/default/deployments");
        QCOMPARE(m_api->post(base, deployment(QStringLiteral("api"), 3)).status, 201);
        QTRY_COMPARE_WITH_TIMEOUT(
            readyPods(*m_cluster, QStringLiteral("default"), QStringLiteral("api")), 3, 10000);
        // Endpoints follow the ready pods.
        QJsonObject svc {
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Service")},
            {QStringLiteral("metadata"),
             QJsonObject {{QStringLiteral("name"), QStringLiteral("api")}}},
            {QStringLiteral("spec"),
             QJsonObject {{QStringLiteral("selector"),
                           QJsonObject {{QStringLiteral("app"), QStringLiteral("api")}}},
                          {QStringLiteral("ports"),
                           QJsonArray {QJsonObject {{QStringLiteral("port"), 80}}}}}}};
        QCOMPARE(m_api->post(QStringLiteral("/api/v1/namespaces/default/services"), svc).status,
                 201);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_api->get(QStringLiteral(
                           "/apis/discovery.k8s.io/v1/namespaces/default/"
                           "endpointslices?labelSelector=kubernetes.io/service-name%3Dapi"))
                    .json.value(QStringLiteral("items"))
                    .toArray()
                    .first()
                    .toObject()
                    .value(QStringLiteral("endpoints"))
                    .toArray()
                    .size()
                == 3,
            10000);
        // Scale through the scale subresource.
        auto r = m_api->patch(base + QStringLiteral("/api/scale"), R"({"spec":{"replicas":1}})",
                              "application/merge-patch+json");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("kind")).toString(), QStringLiteral("Scale"));
        QTRY_COMPARE_WITH_TIMEOUT(
            readyPods(*m_cluster, QStringLiteral("default"), QStringLiteral("api")), 1, 10000);
        // Let the scale-down finish (terminating pods gone) before orphaning, on a loaded machine
        // the controllers may still be at work.
        QVERIFY(m_cluster->waitUntilSettled(10000));
        QTRY_COMPARE_WITH_TIMEOUT(
            readyPods(*m_cluster, QStringLiteral("default"), QStringLiteral("api")), 1, 10000);
        // Orphaning keeps the ReplicaSet and its pods.
        r = m_api->call("DELETE", base + QStringLiteral("/api?propagationPolicy=Orphan"));
        QCOMPARE(r.status, 200);
        QTest::qWait(300);
        QCOMPARE(readyPods(*m_cluster, QStringLiteral("default"), QStringLiteral("api")), 1);
    }

    void jobsRunToCompletion()
    {
        QJsonObject job {
            {QStringLiteral("apiVersion"), QStringLiteral("batch/v1")},
            {QStringLiteral("kind"), QStringLiteral("Job")},
            {QStringLiteral("metadata"),
             QJsonObject {{QStringLiteral("name"), QStringLiteral("migrate")}}},
            {QStringLiteral("spec"),
             QJsonObject {
                 {QStringLiteral("completions"), 2},
                 {QStringLiteral("template"),
                  QJsonObject {{QStringLiteral("spec"),
                                QJsonObject {{QStringLiteral("containers"),
                                              QJsonArray {QJsonObject {
                                                  {QStringLiteral("name"), QStringLiteral("m")},
                                                  {QStringLiteral("image"),
                                                   QStringLiteral("busybox:1.36")}}}}}}}}}}};
        QCOMPARE(m_api->post(QStringLiteral("/apis/batch/v1/namespaces/default/jobs"), job).status,
                 201);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_api->get(QStringLiteral("/apis/batch/v1/namespaces/default/jobs/migrate"))
                .json.value(QStringLiteral("status"))
                .toObject()
                .value(QStringLiteral("succeeded"))
                .toInt(),
            2, 15000);
    }

    void namespaceDeletionEmptiesIt()
    {
        QCOMPARE(m_api
                     ->post(QStringLiteral("/api/v1/namespaces"),
                            QJsonObject {
                                {QStringLiteral("metadata"),
                                 QJsonObject {{QStringLiteral("name"), QStringLiteral("doomed")}}}})
                     .status,
                 201);
        QCOMPARE(m_api
                     ->post(QStringLiteral("/apis/apps/v1/namespaces/doomed/deployments"),
                            deployment(QStringLiteral("d"), 2))
                     .status,
                 201);
        QTRY_COMPARE_WITH_TIMEOUT(
            readyPods(*m_cluster, QStringLiteral("doomed"), QStringLiteral("d")), 2, 10000);
        auto r = m_api->del(QStringLiteral("/api/v1/namespaces/doomed"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("status"))
                     .toObject()
                     .value(QStringLiteral("phase"))
                     .toString(),
                 QStringLiteral("Terminating"));
        QTRY_COMPARE_WITH_TIMEOUT(m_api->get(QStringLiteral("/api/v1/namespaces/doomed")).status,
                                  404, 10000);
        QCOMPARE(
            m_cluster->store().objects(QStringLiteral("/pods"), QStringLiteral("doomed")).size(),
            0);
    }

    // Logs as the API server serves them: a pod with several containers needs one named (the
    // 400 lists the choices), limitBytes ends the log after that many bytes.
    void logsNameTheContainerAndHonourLimitBytes()
    {
        const auto pods = m_api->get(QStringLiteral("/api/v1/namespaces/bookinfo/pods"));
        QString pod;
        for (const QJsonValue &p : pods.json.value("items").toArray())
            if (p.toObject()
                    .value("metadata")
                    .toObject()
                    .value("name")
                    .toString()
                    .startsWith("productpage"))
                pod = p.toObject().value("metadata").toObject().value("name").toString();
        QVERIFY(!pod.isEmpty());
        const QString base = QStringLiteral("/api/v1/namespaces/bookinfo/pods/%1/log").arg(pod);
        const auto unnamed = m_api->get(base);
        QCOMPARE(unnamed.status, 400);
        QVERIFY2(unnamed.json.value("message").toString().contains(
                     "a container name must be specified for pod " + pod
                     + ", choose one of: [productpage istio-proxy]"),
                 unnamed.body.constData());
        const auto whole = m_api->get(base + QStringLiteral("?container=productpage"));
        QCOMPARE(whole.status, 200);
        QVERIFY(whole.body.size() > 40);
        const auto limited
            = m_api->get(base + QStringLiteral("?container=productpage&limitBytes=17"));
        QCOMPARE(limited.status, 200);
        QCOMPARE(limited.body, whole.body.left(17));
        QCOMPARE(m_api->get(base + QStringLiteral("?container=productpage&limitBytes=0")).status,
                 422);
        QCOMPARE(m_api->get(base + QStringLiteral("?container=nope")).status, 400);
    }

    // A container's log is what it did: its start, then each request it really answered (the
    // gateway's users reach productpage through its sidecar); a container that serves nothing
    // logs its start alone.
    void logsAreWhatTheContainersAnswered()
    {
        const auto podOf = [this](const QString &ns, const QString &prefix) {
            const auto pods = m_api->get(QStringLiteral("/api/v1/namespaces/%1/pods").arg(ns));
            for (const QJsonValue &p : pods.json.value("items").toArray()) {
                const QString name
                    = p.toObject().value("metadata").toObject().value("name").toString();
                if (name.startsWith(prefix))
                    return name;
            }
            return QString();
        };
        const QString productpage
            = podOf(QStringLiteral("bookinfo"), QStringLiteral("productpage"));
        const QString base
            = QStringLiteral("/api/v1/namespaces/bookinfo/pods/%1/log").arg(productpage);
        QTRY_VERIFY_WITH_TIMEOUT(m_api->get(base + QStringLiteral("?container=productpage"))
                                     .body.contains("\"GET /productpage HTTP/1.1\" 200 "),
                                 10000);
        const auto app = m_api->get(base + QStringLiteral("?container=productpage"));
        QVERIFY(app.body.startsWith("INFO: starting " + productpage.toUtf8()));
        QVERIFY(app.body.contains("INFO: listening on port 9080\n"));
        const auto proxy = m_api->get(base + QStringLiteral("?container=istio-proxy&tailLines=1"));
        QVERIFY2(proxy.body.contains("\"GET /productpage ")
                     && proxy.body.contains("inbound|9080||"),
                 proxy.body.constData());
        QCOMPARE(proxy.body.count('\n'), 1);
        // kube-dns answers no HTTP here: its log is its start, and stays so.
        const QString dns = podOf(QStringLiteral("kube-system"), QStringLiteral("coredns"));
        const QString dnsLog
            = QStringLiteral("/api/v1/namespaces/kube-system/pods/%1/log").arg(dns);
        const QByteArray first = m_api->get(dnsLog).body;
        QVERIFY(first.startsWith("INFO: starting " + dns.toUtf8()));
        QVERIFY2(!first.contains("GET "), first.constData());
        QTest::qWait(600);
        QCOMPARE(m_api->get(dnsLog).body, first);
    }

private:
    std::unique_ptr<DemoCluster> m_cluster;
    std::unique_ptr<DemoApi> m_api;
};

QTEST_GUILESS_MAIN(tst_DemoWatch)
#include "tst_demowatch.moc"
