// Figures of the Kubernetes client (issue "Kubernetes client and Clusters page"), against
// kubectl on the same demo server in the same run:
//  - initial sync of 20,000 pods in 200 namespaces: informer list-to-snapshot time vs
//    `kubectl get pods -A -o json > /dev/null`;
//  - watch ingestion: events per second into the informer's store;
//  - memory per 10,000 pods held by an informer.
#include "benchsupport.h"

#include <core/httpengine.h>
#include <demo/democluster.h>
#include <kube/informer.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QThread>

#include <malloc.h>

using namespace Meshdeck;
using namespace Meshdeck::Demo;
using namespace Meshdeck::Kube;

namespace {
QJsonObject pod(const QString &ns, const QString &name, int i)
{
    const QJsonObject container {
        {QStringLiteral("name"), QStringLiteral("app")},
        {QStringLiteral("image"),
         QStringLiteral("docker.io/istio/examples-bookinfo-reviews-v2:1.20.2")},
        {QStringLiteral("ports"),
         QJsonArray {QJsonObject {{QStringLiteral("containerPort"), 9080}}}}};
    QJsonObject proxy = container;
    proxy.insert(QStringLiteral("name"), QStringLiteral("istio-proxy"));
    proxy.insert(QStringLiteral("image"), QStringLiteral("docker.io/istio/proxyv2:1.24.2"));
    return QJsonObject {
        {QStringLiteral("metadata"),
         QJsonObject {{QStringLiteral("name"), name},
                      {QStringLiteral("namespace"), ns},
                      {QStringLiteral("labels"),
                       QJsonObject {{QStringLiteral("app"), QStringLiteral("reviews")},
                                    {QStringLiteral("version"), QStringLiteral("v2")}}}}},
        {QStringLiteral("spec"),
         QJsonObject {{QStringLiteral("containers"), QJsonArray {container, proxy}},
                      {QStringLiteral("nodeName"), QStringLiteral("demo-node-%1").arg(i % 3 + 1)}}},
        {QStringLiteral("status"),
         QJsonObject {{QStringLiteral("phase"), QStringLiteral("Running")},
                      {QStringLiteral("podIP"),
                       QStringLiteral("10.244.%1.%2").arg(i / 250 % 250).arg(i % 250 + 2)}}}};
}
} // namespace

class bench_Informer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initialSyncVersusKubectl()
    {
        DemoCluster::Options options;
        options.scenario = QStringLiteral("empty");
        options.anonymousAdmin = true; // kubectl sends no token over plain HTTP (--plain)
        DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        const auto pods
            = *cluster.registry().find(QString(), QStringLiteral("v1"), QStringLiteral("pods"));
        const auto nss = *cluster.registry().find(QString(), QStringLiteral("v1"),
                                                  QStringLiteral("namespaces"));
        for (int n = 0; n < 200; ++n)
            cluster.store().create(nss,
                                   QJsonObject {{QStringLiteral("metadata"),
                                                 QJsonObject {{QStringLiteral("name"),
                                                               QStringLiteral("ns-%1").arg(n)}}}});
        for (int i = 0; i < 20000; ++i)
            cluster.store().create(
                pods,
                pod(QStringLiteral("ns-%1").arg(i % 200), QStringLiteral("pod-%1").arg(i), i));
        cluster.waitUntilSettled(120000);
        QTemporaryDir dir;
        const QString kubeconfig = dir.filePath(QStringLiteral("config"));
        QVERIFY(cluster.writeKubeconfig(kubeconfig).ok());
        auto engine = std::make_shared<HttpEngine>();
        auto client
            = std::make_shared<KubeClient>(*Kubeconfig::load(kubeconfig)->resolve(), engine);
        ApiResource podsResource;
        podsResource.version = QStringLiteral("v1");
        podsResource.kind = QStringLiteral("Pod");
        podsResource.plural = QStringLiteral("pods");

        std::vector<double> ours, theirs;
        const QString kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
        for (int run = 0; run < 3; ++run) {
            QElapsedTimer clock;
            clock.start();
            Informer informer(client, podsResource);
            informer.start();
            QVERIFY(informer.waitForSync(120000));
            ours.push_back(double(clock.nsecsElapsed()) / 1e6);
            QVERIFY(informer.size() >= 20000);
            informer.stop();
            if (!kubectl.isEmpty()) {
                QProcess p;
                p.setStandardOutputFile(QProcess::nullDevice());
                clock.restart();
                p.start(kubectl,
                        {QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("--cache-dir"),
                         dir.filePath(QStringLiteral("cache")), QStringLiteral("get"),
                         QStringLiteral("pods"), QStringLiteral("-A"), QStringLiteral("-o"),
                         QStringLiteral("json")});
                QVERIFY(p.waitForFinished(120000));
                QCOMPARE(p.exitCode(), 0);
                theirs.push_back(double(clock.nsecsElapsed()) / 1e6);
            }
        }
        std::printf("\nInitial sync of 20,000 pods in 200 namespaces (median of 3):\n");
        std::printf("  Meshdeck informer (LIST pages of 500 -> store): %8.0f ms\n",
                    Bench::median(ours));
        if (!theirs.empty()) {
            std::printf("  kubectl get pods -A -o json > /dev/null      : %8.0f ms\n",
                        Bench::median(theirs));
            std::printf("  ratio Meshdeck/kubectl: %.2f (lower is faster)\n",
                        Bench::median(ours) / Bench::median(theirs));
        } else {
            std::printf("  kubectl not installed: no peer figure\n");
        }

        // Watch ingestion: a burst of status updates through one informer.
        Informer informer(client, podsResource);
        informer.start();
        QVERIFY(informer.waitForSync(120000));
        (void)informer.takeDeltas();
        const int updates = 20000;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < updates; ++i) {
            QJsonObject o = cluster.store().get(pods, QStringLiteral("ns-%1").arg(i % 200),
                                                QStringLiteral("pod-%1").arg(i));
            QJsonObject st = o.value(QStringLiteral("status")).toObject();
            st.insert(QStringLiteral("phase"), QStringLiteral("Succeeded"));
            o.insert(QStringLiteral("status"), st);
            cluster.store().update(pods, o, false);
        }
        const double writeMs = double(clock.nsecsElapsed()) / 1e6;
        qsizetype seen = 0;
        while (seen < updates && clock.elapsed() < 60000) {
            seen += qsizetype(informer.takeDeltas().size());
            QThread::msleep(5);
        }
        std::printf("\nWatch ingestion: %d MODIFIED events written in %.0f ms, all in the informer "
                    "after %.0f ms: %.0f events/s\n",
                    updates, writeMs, double(clock.elapsed()),
                    updates / (double(clock.elapsed()) / 1000.0));
        informer.stop();

        // Memory per 10,000 pods held by an informer.
        malloc_trim(0);
        const qint64 before = Bench::rssKiB();
        {
            Informer held(client, podsResource);
            held.start();
            QVERIFY(held.waitForSync(120000));
            (void)held.takeDeltas();
            malloc_trim(0);
            const qint64 after = Bench::rssKiB();
            std::printf(
                "\nMemory held by an informer: %.1f MB for 20,000 pods = %.1f MB per 10,000 pods\n",
                double(after - before) / 1024.0, double(after - before) / 1024.0 / 2.0);
            held.stop();
        }
        cluster.stop();
    }
};

QTEST_GUILESS_MAIN(bench_Informer)
#include "bench_informer.moc"
