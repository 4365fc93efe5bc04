// Informers against the demo cluster: they agree with the server after applies, scales and
// deletes; a 410 relists with synthetic deletes; a server that goes away is reconnected to.
#include <core/httpengine.h>
#include <demo/democluster.h>
#include <kube/informer.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Meshdeck;
using namespace Meshdeck::Demo;
using namespace Meshdeck::Kube;

namespace {
std::shared_ptr<KubeClient> clientFor(DemoCluster &cluster,
                                      const std::shared_ptr<HttpEngine> &engine)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("config"));
    (void)cluster.writeKubeconfig(file);
    return std::make_shared<KubeClient>(*Kubeconfig::load(file)->resolve(), engine);
}

ApiResource resource(const QString &group, const QString &kind, const QString &plural)
{
    ApiResource r;
    r.group = group;
    r.version = QStringLiteral("v1");
    r.kind = kind;
    r.plural = plural;
    return r;
}

QSet<QString> versions(const QList<QJsonObject> &objects)
{
    QSet<QString> out;
    for (const QJsonObject &o : objects)
        out.insert(Informer::keyOf(o) + QLatin1Char('@')
                   + o.value(QStringLiteral("metadata"))
                         .toObject()
                         .value(QStringLiteral("resourceVersion"))
                         .toString());
    return out;
}

QByteArray configMap(const QString &name)
{
    return QStringLiteral("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: %1, namespace: "
                          "default}\ndata: {k: v}\n")
        .arg(name)
        .toUtf8();
}

QByteArray deployment(int replicas)
{
    return QStringLiteral(
               "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: default}\n"
               "spec:\n  replicas: %1\n  selector: {matchLabels: {app: web}}\n"
               "  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: "
               "web, image: 'nginx:1.27'}]}\n")
        .arg(replicas)
        .toUtf8();
}
} // namespace

class tst_Informer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreesWithTheServer_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("plain") << "plain";
        QTest::newRow("tls") << "tls";
        QTest::newRow("token") << "token";
    }
    void agreesWithTheServer()
    {
        QFETCH(QString, mode);
        DemoCluster::Options options;
        options.timeScale = 0.2;
        options.tls = mode == QLatin1String("tls");
        options.tokenAuth = mode == QLatin1String("token");
        options.anonymousAdmin = mode == QLatin1String("plain"); // kubectl sends no token over HTTP
        DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        auto engine = std::make_shared<HttpEngine>();
        auto client = clientFor(cluster, engine);
        Informer pods(client, resource(QString(), QStringLiteral("Pod"), QStringLiteral("pods")));
        Informer deployments(client,
                             resource(QStringLiteral("apps"), QStringLiteral("Deployment"),
                                      QStringLiteral("deployments")));
        pods.start();
        deployments.start();
        QVERIFY(pods.waitForSync(10000));
        QVERIFY(deployments.waitForSync(10000));

        const QString path = QStringLiteral("/apis/apps/v1/namespaces/default/deployments/web");
        QVERIFY(client->apply(path, deployment(3)).ok());
        QVERIFY(cluster.waitUntilSettled(20000));
        QVERIFY(client->apply(path, deployment(5)).ok());
        QVERIFY(cluster.waitUntilSettled(20000));
        QVERIFY(client->apply(path, deployment(2)).ok());
        QVERIFY(cluster.waitUntilSettled(20000));
        QVERIFY(
            client
                ->remove(QStringLiteral("/apis/apps/v1/namespaces/bookinfo/deployments/ratings-v1"))
                .ok());
        QVERIFY(cluster.waitUntilSettled(20000));

        QTRY_COMPARE_WITH_TIMEOUT(versions(pods.objects()),
                                  versions(cluster.store().objects(QStringLiteral("/pods"))), 5000);
        // ...and with what the real kubectl lists.
        const QString kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
        if (!kubectl.isEmpty()) {
            QTemporaryDir dir;
            const QString file = dir.filePath(QStringLiteral("config"));
            QVERIFY(cluster.writeKubeconfig(file).ok());
            QProcess p;
            p.start(kubectl,
                    {QStringLiteral("--kubeconfig"), file, QStringLiteral("--cache-dir"),
                     dir.filePath(QStringLiteral("cache")), QStringLiteral("get"),
                     QStringLiteral("pods"), QStringLiteral("-A"), QStringLiteral("-o"),
                     QStringLiteral("json")});
            QVERIFY(p.waitForFinished(60000));
            QCOMPARE(p.exitCode(), 0);
            QList<QJsonObject> listed;
            for (const QJsonValue &v : QJsonDocument::fromJson(p.readAllStandardOutput())
                                           .object()
                                           .value(QStringLiteral("items"))
                                           .toArray())
                listed << v.toObject();
            QCOMPARE(versions(pods.objects()), versions(listed));
        }
        QTRY_COMPARE_WITH_TIMEOUT(
            versions(deployments.objects()),
            versions(cluster.store().objects(QStringLiteral("apps/deployments"))), 5000);
        QVERIFY(!pods.takeDeltas().empty());
        QCOMPARE(pods.stats().errors, 0);
        pods.stop();
        deployments.stop();
        cluster.stop();
    }

    void goneRelistsWithSyntheticDeletes()
    {
        DemoCluster::Options options;
        options.scenario = QStringLiteral("empty");
        DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        auto engine = std::make_shared<HttpEngine>();
        auto client = clientFor(cluster, engine);
        for (const char *name : {"keep", "drop-1", "drop-2"})
            QVERIFY(client
                        ->apply(QStringLiteral("/api/v1/namespaces/default/configmaps/")
                                    + QLatin1String(name),
                                configMap(QLatin1String(name)))
                        .ok());
        Informer informer(
            client, resource(QString(), QStringLiteral("ConfigMap"), QStringLiteral("configmaps")),
            QStringLiteral("default"));
        informer.start();
        QVERIFY(informer.waitForSync(5000));
        // Ours and the namespace's kube-root-ca.crt (published by the controller manager).
        QTRY_COMPARE_WITH_TIMEOUT(informer.size(), 4, 5000);
        (void)informer.takeDeltas();

        // While the informer is away, two objects go and the history is compacted.
        informer.stop();
        QVERIFY(
            client->remove(QStringLiteral("/api/v1/namespaces/default/configmaps/drop-1")).ok());
        QVERIFY(
            client->remove(QStringLiteral("/api/v1/namespaces/default/configmaps/drop-2")).ok());
        QVERIFY(client
                    ->apply(QStringLiteral("/api/v1/namespaces/default/configmaps/new"),
                            configMap(QStringLiteral("new")))
                    .ok());
        cluster.store().compact(0);
        informer.start();
        QTRY_COMPARE_WITH_TIMEOUT(informer.stats().relistsAfterGone, 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(informer.size(), 3, 5000);
        QStringList deleted, added;
        for (const auto &d : informer.takeDeltas()) {
            const QString name = d.object.value(QStringLiteral("metadata"))
                                     .toObject()
                                     .value(QStringLiteral("name"))
                                     .toString();
            if (d.type == Informer::Delta::Type::Deleted)
                deleted << name;
            else if (d.type == Informer::Delta::Type::Added)
                added << name;
        }
        deleted.sort();
        QCOMPARE(deleted, QStringList({"drop-1", "drop-2"}));
        QCOMPARE(added, QStringList({"new"}));
        informer.stop();
    }

    void reconnectsAfterTheServerComesBack()
    {
        QTemporaryDir dir;
        DemoCluster::Options options;
        options.scenario = QStringLiteral("empty");
        options.stateFile = dir.filePath(QStringLiteral("state.json"));
        auto cluster = std::make_unique<DemoCluster>(options);
        QVERIFY(cluster->start().ok());
        options.port = cluster->port();
        auto engine = std::make_shared<HttpEngine>();
        auto client = clientFor(*cluster, engine);
        Informer::Options informerOptions;
        informerOptions.initialBackoff = std::chrono::milliseconds(100);
        informerOptions.maxBackoff = std::chrono::milliseconds(500);
        Informer informer(
            client, resource(QString(), QStringLiteral("ConfigMap"), QStringLiteral("configmaps")),
            QStringLiteral("default"), informerOptions);
        informer.start();
        QVERIFY(informer.waitForSync(5000));

        cluster->stop(); // closes the watch mid-stream
        cluster.reset();
        QTRY_VERIFY_WITH_TIMEOUT(informer.lastError().has_value(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(informer.stats().errors >= 1, 5000);

        cluster = std::make_unique<DemoCluster>(options); // same port, state restored
        QVERIFY(cluster->start().ok());
        auto again = clientFor(*cluster, engine);
        QVERIFY(again
                    ->apply(QStringLiteral("/api/v1/namespaces/default/configmaps/after"),
                            configMap(QStringLiteral("after")))
                    .ok());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QJsonObject &o : informer.objects())
                    if (o.value(QStringLiteral("metadata"))
                            .toObject()
                            .value(QStringLiteral("name"))
                            .toString()
                        == QLatin1String("after"))
                        return true;
                return false;
            }(),
            10000);
        informer.stop();
    }
};

QTEST_GUILESS_MAIN(tst_Informer)
#include "tst_informer.moc"
