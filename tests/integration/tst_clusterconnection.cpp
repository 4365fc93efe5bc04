// A live connection to the demo cluster: it syncs, picks up a mesh's kinds when their CRDs
// arrive while connected, says so when the server goes away, and recovers by itself.
#include <demo/democluster.h>
#include <kube/clusterconnection.h>
#include <kube/kubeclient.h>

#include <core/httpengine.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Meshdeck;
using namespace Meshdeck::Kube;

class tst_ClusterConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lifecycle()
    {
        QTemporaryDir dir;
        Demo::DemoCluster::Options options;
        options.scenario = QStringLiteral("empty");
        options.stateFile = dir.filePath(QStringLiteral("state.json"));
        auto cluster = std::make_unique<Demo::DemoCluster>(options);
        QVERIFY(cluster->start().ok());
        options.port = cluster->port();
        const QString file = dir.filePath(QStringLiteral("config"));
        QVERIFY(cluster->writeKubeconfig(file).ok());
        const ResolvedContext context = *Kubeconfig::load(file)->resolve();

        QThread thread;
        auto *connection = new ClusterConnection(context);
        connection->moveToThread(&thread);
        connect(&thread, &QThread::started, connection, &ClusterConnection::start);
        connect(&thread, &QThread::finished, connection, &QObject::deleteLater);
        QStringList kinds;
        QStringList deletedKinds;
        connect(connection, &ClusterConnection::deltasReady, this,
                [&](const ResourceDeltas &deltas) {
                    for (const ResourceDelta &d : deltas) {
                        if (d.type == ResourceDelta::Type::Deleted) {
                            if (!deletedKinds.contains(d.kind))
                                deletedKinds << d.kind;
                        } else if (!kinds.contains(d.kind)) {
                            kinds << d.kind;
                        }
                    }
                });
        QList<QPair<ClusterConnection::State, QString>> states;
        connect(connection, &ClusterConnection::stateChanged, this,
                [&](ClusterConnection::State s, const QString &detail) {
                    states.append({s, detail});
                });
        QSignalSpy synced(connection, &ClusterConnection::synced);
        thread.start();
        QVERIFY(synced.wait(10000));
        QVERIFY(kinds.contains(QStringLiteral("Pod")));
        QCOMPARE(states.last().first, ClusterConnection::State::Connected);
        QVERIFY(!kinds.contains(QStringLiteral("VirtualService")));

        // Istio arrives while we are connected.
        auto engine = std::make_shared<HttpEngine>();
        KubeClient client(context, engine);
        const QByteArray crd
            = "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
              "metadata: {name: virtualservices.networking.istio.io}\n"
              "spec:\n  group: networking.istio.io\n  scope: Namespaced\n"
              "  names: {kind: VirtualService, plural: virtualservices}\n"
              "  versions: [{name: v1, served: true, storage: true}]\n";
        QVERIFY(client
                    .apply(QStringLiteral("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/"
                                          "virtualservices.networking.istio.io"),
                           crd)
                    .ok());
        QTRY_VERIFY_WITH_TIMEOUT(client.get(QStringLiteral("/apis/networking.istio.io/v1")).ok(),
                                 5000);
        const QByteArray vs
            = "apiVersion: networking.istio.io/v1\nkind: VirtualService\n"
              "metadata: {name: reviews, namespace: default}\nspec: {hosts: [reviews]}\n";
        const auto applyVirtualService = [&] {
            return client
                .apply(
                    QStringLiteral(
                        "/apis/networking.istio.io/v1/namespaces/default/virtualservices/reviews"),
                    vs)
                .ok();
        };
        QVERIFY(applyVirtualService());
        QTRY_VERIFY_WITH_TIMEOUT(kinds.contains(QStringLiteral("VirtualService")), 10000);

        // The mesh is removed: its CRD goes, its objects leave as deletes, and the connection stays
        // Connected (one kind gone is not the cluster gone).
        const QString crdPath
            = QStringLiteral("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/"
                             "virtualservices.networking.istio.io");
        QVERIFY(client.remove(crdPath).ok());
        QTRY_VERIFY_WITH_TIMEOUT(deletedKinds.contains(QStringLiteral("VirtualService")), 10000);
        const qsizetype statesBefore = states.size();
        // Longer than several of the informer's backoff rounds (0.5 s, 1 s, 2 s).
        QTest::qWait(4000);
        for (qsizetype i = statesBefore; i < states.size(); ++i)
            QVERIFY2(states.at(i).first == ClusterConnection::State::Connected,
                     qPrintable(states.at(i).second));
        QCOMPARE(states.last().first, ClusterConnection::State::Connected);

        // It comes back: the kind is watched again.
        kinds.removeAll(QStringLiteral("VirtualService"));
        QVERIFY(client.apply(crdPath, crd).ok());
        QTRY_VERIFY_WITH_TIMEOUT(client.get(QStringLiteral("/apis/networking.istio.io/v1")).ok(),
                                 5000);
        QVERIFY(applyVirtualService());
        QTRY_VERIFY_WITH_TIMEOUT(kinds.contains(QStringLiteral("VirtualService")), 10000);
        QCOMPARE(states.last().first, ClusterConnection::State::Connected);

        // The server goes away: the state says so; it comes back: connected again.
        cluster->stop();
        cluster.reset();
        QTRY_VERIFY_WITH_TIMEOUT(states.last().first == ClusterConnection::State::Failed, 10000);
        QVERIFY2(states.last().second.contains(QStringLiteral("Reconnecting")),
                 qPrintable(states.last().second));
        cluster = std::make_unique<Demo::DemoCluster>(options);
        QVERIFY(cluster->start().ok());
        QTRY_VERIFY_WITH_TIMEOUT(states.last().first == ClusterConnection::State::Connected, 20000);

        QMetaObject::invokeMethod(connection, &ClusterConnection::stop,
                                  Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }
};

QTEST_GUILESS_MAIN(tst_ClusterConnection)
#include "tst_clusterconnection.moc"
