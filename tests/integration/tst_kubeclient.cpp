// The Kubernetes REST client against the demo cluster (plain, TLS, tokens, exec plugin) and
// against a test server that misbehaves (429, 5xx).
#include <core/httpengine.h>
#include <demo/certificates.h>
#include <demo/democluster.h>
#include <kube/execcredential.h>
#include <kube/kubeclient.h>
#include <kube/ratelimiter.h>

#include <httplib.h>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace Meshdeck;
using namespace Meshdeck::Demo;
using namespace Meshdeck::Kube;

namespace {
ResolvedContext contextFor(DemoCluster &cluster,
                           DemoCluster::Access access = DemoCluster::Access::Admin)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("config"));
    (void)cluster.writeKubeconfig(file, access);
    return *Kubeconfig::load(file)->resolve();
}

QByteArray configMapYaml(const QString &name, const QString &value)
{
    return QStringLiteral("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %1\n  namespace: "
                          "default\ndata:\n  key: \"%2\"\n")
        .arg(name, value)
        .toUtf8();
}
} // namespace

class tst_KubeClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        DemoCluster::Options options;
        options.timeScale = 0.2;
        options.bookmarkIntervalMs = 200;
        m_cluster = std::make_unique<DemoCluster>(options);
        QVERIFY(m_cluster->start().ok());
        m_engine = std::make_shared<HttpEngine>();
    }
    void cleanupTestCase() { m_cluster->stop(); }

    void versionAndDiscovery()
    {
        KubeClient client(contextFor(*m_cluster), m_engine);
        const auto v = client.version();
        QVERIFY2(v.ok(), qPrintable(v.ok() ? QString() : v.error().message()));
        QCOMPARE(v->major, 1);
        QCOMPARE(v->minor, 32);
        const auto resources = client.discover();
        QVERIFY(resources.ok());
        QStringList kinds;
        for (const ApiResource &r : *resources)
            kinds << r.apiVersion() + QLatin1Char('/') + r.kind;
        QVERIFY(kinds.contains(QStringLiteral("v1/Pod")));
        QVERIFY(kinds.contains(QStringLiteral("apps/v1/Deployment")));
        QVERIFY(kinds.contains(
            QStringLiteral("networking.istio.io/v1/VirtualService"))); // a CRD's kind
        for (const ApiResource &r : *resources) {
            if (r.kind == QLatin1String("Deployment")) {
                QCOMPARE(r.collectionPath(QStringLiteral("shop")),
                         QStringLiteral("/apis/apps/v1/namespaces/shop/deployments"));
                QVERIFY(r.verbs.contains(QStringLiteral("watch")));
            }
        }
    }

    void pagedList()
    {
        KubeClient client(contextFor(*m_cluster), m_engine);
        for (int i = 0; i < 7; ++i)
            QVERIFY(
                client
                    .apply(QStringLiteral("/api/v1/namespaces/default/configmaps/paged-%1").arg(i),
                           configMapYaml(QStringLiteral("paged-%1").arg(i), QStringLiteral("v")))
                    .ok());
        const auto all = client.list(QStringLiteral("/api/v1/namespaces/default/configmaps"), 2);
        QVERIFY(all.ok());
        QVERIFY(all->pages >= 4);
        QVERIFY(all->items.size() >= 7);
        QVERIFY(!all->resourceVersion.isEmpty());
        const auto selected
            = client.list(QStringLiteral("/api/v1/pods"), 500, QStringLiteral("app in (reviews)"));
        QVERIFY(selected.ok());
        QCOMPARE(selected->items.size(), 3);
    }

    void applyConflictsAndDelete()
    {
        KubeClient client(contextFor(*m_cluster), m_engine);
        const QString path = QStringLiteral("/api/v1/namespaces/default/configmaps/owned");
        auto r = client.apply(path, configMapYaml(QStringLiteral("owned"), QStringLiteral("one")));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message()));
        // Another manager takes the field; Meshdeck's next apply conflicts and says with whom.
        const auto other
            = client.send("PATCH", path + QStringLiteral("?fieldManager=helm"),
                          configMapYaml(QStringLiteral("owned"), QStringLiteral("two")),
                          "application/apply-patch+yaml");
        QVERIFY(!other.ok());
        QCOMPARE(other.error().code(), ErrorCode::Conflict);
        QVERIFY(client
                    .send("PATCH", path + QStringLiteral("?fieldManager=helm&force=true"),
                          configMapYaml(QStringLiteral("owned"), QStringLiteral("two")),
                          "application/apply-patch+yaml")
                    .ok());
        r = client.apply(path, configMapYaml(QStringLiteral("owned"), QStringLiteral("three")));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::Conflict);
        QVERIFY2(r.error().message().contains(QStringLiteral("\"helm\"")),
                 qPrintable(r.error().message()));
        r = client.apply(path, configMapYaml(QStringLiteral("owned"), QStringLiteral("three")),
                         true);
        QVERIFY(r.ok());
        QVERIFY(client.remove(path).ok());
        const auto gone = client.get(path);
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code(), ErrorCode::NotFound);
    }

    void permissions()
    {
        DemoCluster::Options options;
        options.scenario = QStringLiteral("empty");
        options.tokenAuth = true;
        DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        KubeClient admin(contextFor(cluster), m_engine);
        QCOMPARE(admin
                     .canI(QStringLiteral("create"), QStringLiteral("apps"),
                           QStringLiteral("deployments"), QStringLiteral("default"))
                     .valueOr(false),
                 true);
        KubeClient viewer(contextFor(cluster, DemoCluster::Access::ReadOnly), m_engine);
        QCOMPARE(
            viewer.canI(QStringLiteral("list"), QString(), QStringLiteral("pods")).valueOr(false),
            true);
        QCOMPARE(
            viewer.canI(QStringLiteral("delete"), QString(), QStringLiteral("pods")).valueOr(true),
            false);
        const auto denied = viewer.apply(QStringLiteral("/api/v1/namespaces/default/configmaps/x"),
                                         configMapYaml(QStringLiteral("x"), QStringLiteral("y")));
        QVERIFY(!denied.ok());
        QCOMPARE(denied.error().code(), ErrorCode::Forbidden);
        QVERIFY(denied.error().message().contains(QStringLiteral("administrator")));

        ResolvedContext wrong = contextFor(cluster);
        wrong.bearerToken = QStringLiteral("expired-token");
        KubeClient stale(wrong, m_engine);
        const auto refused = stale.get(QStringLiteral("/api/v1/namespaces"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), ErrorCode::Unauthorized);
        QVERIFY(refused.error().message().contains(QStringLiteral("meshdeck-demo-admin")));
        QVERIFY(!refused.error().message().contains(QStringLiteral("expired-token")));
    }

    void execPluginRefreshesOn401()
    {
        DemoCluster::Options options;
        options.scenario = QStringLiteral("empty");
        options.tokenAuth = true;
        DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        QTemporaryDir dir;
        // First run hands out a stale token; later runs the valid one.
        const QString marker = dir.filePath(QStringLiteral("ran"));
        QFile plugin(dir.filePath(QStringLiteral("plugin")));
        QVERIFY(plugin.open(QIODevice::WriteOnly));
        plugin.write(
            QStringLiteral(
                "#!/bin/sh\nif [ -f %1 ]; then t=%2; else t=stale; touch %1; fi\n"
                "printf "
                "'{\"apiVersion\":\"client.authentication.k8s.io/"
                "v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"%s\"}}' \"$t\"\n")
                .arg(marker, cluster.adminToken())
                .toUtf8());
        plugin.close();
        plugin.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner
                              | QFileDevice::ExeOwner);
        ResolvedContext ctx = contextFor(cluster);
        ctx.bearerToken.clear();
        ExecConfig exec;
        exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1");
        exec.command = plugin.fileName();
        ctx.exec = exec;
        KubeClient client(ctx, m_engine);
        const auto r = client.get(QStringLiteral("/api/v1/namespaces"));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message()));
    }

    void watchEventsAndNormalEnd()
    {
        KubeClient client(contextFor(*m_cluster), m_engine);
        const auto list = client.list(QStringLiteral("/api/v1/namespaces/default/configmaps"));
        QVERIFY(list.ok());
        std::mutex mutex;
        QStringList types;
        std::atomic_bool closed {false};
        std::optional<Error> error;
        client.watch(
            QStringLiteral("/api/v1/namespaces/default/configmaps"), list->resourceVersion, 2,
            [&](const KubeClient::WatchEvent &e) {
                std::lock_guard lock(mutex);
                types << e.type;
            },
            [&](const Error *e) {
                if (e)
                    error = *e;
                closed = true;
            });
        QTest::qWait(200);
        QVERIFY(client
                    .apply(QStringLiteral("/api/v1/namespaces/default/configmaps/w"),
                           configMapYaml(QStringLiteral("w"), QStringLiteral("1")))
                    .ok());
        QVERIFY(client
                    .apply(QStringLiteral("/api/v1/namespaces/default/configmaps/w"),
                           configMapYaml(QStringLiteral("w"), QStringLiteral("2")))
                    .ok());
        QVERIFY(client.remove(QStringLiteral("/api/v1/namespaces/default/configmaps/w")).ok());
        QTRY_VERIFY_WITH_TIMEOUT(closed.load(), 6000);
        QVERIFY2(!error, qPrintable(error ? error->message() : QString()));
        std::lock_guard lock(mutex);
        QStringList changes = types;
        changes.removeAll(QStringLiteral("BOOKMARK"));
        QCOMPARE(changes, QStringList({"ADDED", "MODIFIED", "DELETED"}));
        QVERIFY(types.contains(QStringLiteral("BOOKMARK")));
    }

    void watchGoneAsStatus()
    {
        DemoCluster::Options options;
        options.scenario = QStringLiteral("empty");
        options.watchGoneAsHttpStatus = true;
        DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        cluster.store().compact(0);
        KubeClient client(contextFor(cluster), m_engine);
        std::atomic_bool closed {false};
        std::optional<Error> error;
        client.watch(
            QStringLiteral("/api/v1/pods"), QStringLiteral("1"), 5,
            [](const KubeClient::WatchEvent &) {},
            [&](const Error *e) {
                if (e)
                    error = *e;
                closed = true;
            });
        QTRY_VERIFY_WITH_TIMEOUT(closed.load(), 5000);
        QVERIFY(error.has_value());
        QCOMPARE(error->code(), ErrorCode::Gone);
    }

    void retriesAndRateLimit()
    {
        httplib::Server server;
        std::atomic_int hits429 {0}, hits503 {0}, posts {0};
        server.Get("/throttled", [&](const httplib::Request &, httplib::Response &res) {
            if (hits429++ == 0) {
                res.status = 429;
                res.set_header("Retry-After", "1");
                res.set_content(R"({"kind":"Status","message":"slow down","code":429})",
                                "application/json");
                return;
            }
            res.set_content(R"({"ok":true})", "application/json");
        });
        server.Get("/flaky", [&](const httplib::Request &, httplib::Response &res) {
            if (hits503++ < 2) {
                res.status = 503;
                res.set_content(R"({"kind":"Status","message":"etcd leader changed","code":503})",
                                "application/json");
                return;
            }
            res.set_content(R"({"ok":true})", "application/json");
        });
        server.Post("/flaky", [&](const httplib::Request &, httplib::Response &res) {
            ++posts;
            res.status = 503;
            res.set_content(R"({"kind":"Status","message":"unavailable","code":503})",
                            "application/json");
        });
        const int port = server.bind_to_any_port("127.0.0.1");
        std::thread t([&] { server.listen_after_bind(); });
        while (!server.is_running())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));

        ResolvedContext ctx;
        ctx.context = QStringLiteral("test");
        ctx.server = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        KubeClient::Options options;
        options.backoff = std::chrono::milliseconds(20);
        KubeClient client(ctx, m_engine, {}, options);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(client.get(QStringLiteral("/throttled")).ok());
        QVERIFY(clock.elapsed() >= 900); // honoured Retry-After: 1
        QVERIFY(client.get(QStringLiteral("/flaky")).ok());
        QCOMPARE(hits503.load(), 3);
        const auto post = client.send("POST", QStringLiteral("/flaky"), "{}");
        QVERIFY(!post.ok());
        QCOMPARE(posts.load(), 1); // not idempotent: not retried
        QVERIFY(post.error().message().contains(QStringLiteral("unavailable")));

        RateLimiter limiter(20, 1);
        clock.restart();
        for (int i = 0; i < 10; ++i)
            limiter.acquire();
        QVERIFY2(clock.elapsed() >= 400, qPrintable(QString::number(clock.elapsed())));
        server.stop();
        t.join();
    }

    void truncatedEventEndsTheStream()
    {
        httplib::Server server;
        server.Get("/api/v1/pods", [](const httplib::Request &, httplib::Response &res) {
            res.set_chunked_content_provider(
                "application/json", [](size_t offset, httplib::DataSink &sink) {
                    if (offset > 0) {
                        sink.done();
                        return true;
                    }
                    const std::string good
                        = R"({"type":"ADDED","object":{"metadata":{"name":"a","resourceVersion":"5"}}})"
                          "\n";
                    // Cut off mid-object, as when a proxy truncates the stream.
                    const std::string broken = std::string("{\"type\":\"MODIFIED\",\"object\":")
                        + "{\"metadata\":" + "{\"na\n";
                    sink.write(good.data(), good.size());
                    sink.write(broken.data(), broken.size());
                    return true;
                });
        });
        const int port = server.bind_to_any_port("127.0.0.1");
        std::thread t([&] { server.listen_after_bind(); });
        while (!server.is_running())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        ResolvedContext ctx;
        ctx.context = QStringLiteral("broken");
        ctx.server = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        KubeClient client(ctx, m_engine);
        std::atomic_int events {0};
        std::atomic_bool closed {false};
        std::optional<Error> error;
        client.watch(
            QStringLiteral("/api/v1/pods"), QStringLiteral("1"), 5,
            [&](const KubeClient::WatchEvent &) { ++events; },
            [&](const Error *e) {
                if (e)
                    error = *e;
                closed = true;
            });
        QTRY_VERIFY_WITH_TIMEOUT(closed.load(), 5000);
        QCOMPARE(events.load(), 1);
        QVERIFY(error.has_value());
        QCOMPARE(error->code(), ErrorCode::ProtocolError);
        QVERIFY(error->message().contains(QStringLiteral("broken")));
        server.stop();
        t.join();
    }

    void untrustedServerCertificate()
    {
        DemoCluster::Options options;
        options.scenario = QStringLiteral("empty");
        options.tls = true;
        DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        ResolvedContext ctx = contextFor(cluster);
        ctx.tls.caPem.clear(); // the system's CAs do not know the demo's CA
        KubeClient client(ctx, m_engine);
        const auto r = client.version();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::TlsFailure);
        QVERIFY(r.error().message().contains(QStringLiteral("meshdeck-demo")));
        QVERIFY(r.error().message().contains(QStringLiteral("certificate")));
    }

    void certificateFromAnotherAuthority()
    {
        DemoCluster::Options options;
        options.scenario = QStringLiteral("empty");
        options.tls = true;
        DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        // A client certificate that no authority of this cluster signed (e.g. a rotated CA).
        const auto other = Certificates::generate({QStringLiteral("127.0.0.1")});
        QVERIFY(other.ok());
        ResolvedContext ctx = contextFor(cluster);
        ctx.tls.clientCertPem = other->adminCert;
        ctx.tls.clientKeyPem = other->adminKey;
        KubeClient client(ctx, m_engine);
        const auto r = client.get(QStringLiteral("/api/v1/namespaces"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::Unauthorized);
        QVERIFY(r.error().message().contains(QStringLiteral("log in again")));
    }

    void stallingServerTimesOut()
    {
        httplib::Server server;
        std::atomic_bool release {false};
        server.Get("/version", [&](const httplib::Request &, httplib::Response &res) {
            for (int i = 0; i < 100 && !release; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            res.set_content("{}", "application/json");
        });
        const int port = server.bind_to_any_port("127.0.0.1");
        std::thread t([&] { server.listen_after_bind(); });
        while (!server.is_running())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        ResolvedContext ctx;
        ctx.context = QStringLiteral("stuck");
        ctx.server = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        KubeClient::Options options;
        options.maxAttempts = 2;
        options.backoff = std::chrono::milliseconds(10);
        options.requestTimeout = std::chrono::milliseconds(400);
        KubeClient client(ctx, m_engine, {}, options);
        QElapsedTimer clock;
        clock.start();
        const auto r = client.version();
        release = true;
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::Timeout);
        QVERIFY(r.error().message().contains(QStringLiteral("stuck")));
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        server.stop();
        t.join();
    }

    void unreachable()
    {
        ResolvedContext ctx;
        ctx.context = QStringLiteral("gone");
        ctx.server = QUrl(QStringLiteral("http://127.0.0.1:1"));
        KubeClient::Options options;
        options.backoff = std::chrono::milliseconds(10);
        KubeClient client(ctx, m_engine, {}, options);
        const auto r = client.version();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::ConnectionRefused);
        QVERIFY(r.error().message().contains(QStringLiteral("gone")));
    }

private:
    std::unique_ptr<DemoCluster> m_cluster;
    std::shared_ptr<HttpEngine> m_engine;
};

QTEST_GUILESS_MAIN(tst_KubeClient)
#include "tst_kubeclient.moc"
