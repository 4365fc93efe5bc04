// The GUI thread while the Clusters page ingests a sustained stream of changes: a timer probe
// on the GUI thread measures the longest stall while the demo cluster's pods change 10,000
// times a second (target: under 50 ms).
#include "support/stallprobe.h"

#include <app/mainwindow.h>
#include <demo/democluster.h>
#include <models/connectionstate.h>
#include <models/preferences.h>
#include <models/resourcetreemodel.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <thread>

using namespace Meshdeck;

class bench_ClustersPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tenThousandEventsPerSecond()
    {
        Demo::DemoCluster::Options options;
        options.scenario = QStringLiteral("empty");
        Demo::DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        const auto pods
            = *cluster.registry().find(QString(), QStringLiteral("v1"), QStringLiteral("pods"));
        const auto nss = *cluster.registry().find(QString(), QStringLiteral("v1"),
                                                  QStringLiteral("namespaces"));
        constexpr int kPods = 2000;
        for (int n = 0; n < 20; ++n)
            cluster.store().create(nss,
                                   QJsonObject {{QStringLiteral("metadata"),
                                                 QJsonObject {{QStringLiteral("name"),
                                                               QStringLiteral("ns-%1").arg(n)}}}});
        for (int i = 0; i < kPods; ++i) {
            cluster.store().create(
                pods,
                QJsonObject {
                    {QStringLiteral("metadata"),
                     QJsonObject {
                         {QStringLiteral("name"), QStringLiteral("pod-%1").arg(i)},
                         {QStringLiteral("namespace"), QStringLiteral("ns-%1").arg(i % 20)}}},
                    {QStringLiteral("spec"),
                     QJsonObject {{QStringLiteral("nodeName"), QStringLiteral("demo-node-1")},
                                  {QStringLiteral("containers"),
                                   QJsonArray {QJsonObject {
                                       {QStringLiteral("name"), QStringLiteral("app")},
                                       {QStringLiteral("image"), QStringLiteral("app:1")}}}}}},
                    {QStringLiteral("status"),
                     QJsonObject {{QStringLiteral("phase"), QStringLiteral("Running")}}}});
        }
        cluster.waitUntilSettled(60000);
        QTemporaryDir dir;
        const QString kubeconfig = dir.filePath(QStringLiteral("config"));
        QVERIFY(cluster.writeKubeconfig(kubeconfig).ok());

        Preferences prefs(dir.filePath(QStringLiteral("p.ini")));
        MainWindow window(&prefs);
        window.setPersistState(false);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.startClusters(kubeconfig, {}, false);
        QTRY_VERIFY_WITH_TIMEOUT(window.resourceTree()->podCount() >= kPods, 30000);
        QTest::qWait(500);

        StallProbe probe;
        QElapsedTimer clock;
        clock.start();
        qint64 changesSeen = 0;
        connect(window.resourceTree(), &QAbstractItemModel::dataChanged, this,
                [&](const QModelIndex &from, const QModelIndex &to) {
                    if (from.column() == 0)
                        changesSeen += to.row() - from.row() + 1;
                });
        probe.start();
        constexpr int kRate = 10000;
        constexpr int kSeconds = 3;
        std::atomic<qint64> written {0};
        std::thread writer([&] {
            QElapsedTimer w;
            w.start();
            for (int i = 0; i < kRate * kSeconds; ++i) {
                while (w.nsecsElapsed() < qint64(i) * 1'000'000'000 / kRate)
                    std::this_thread::sleep_for(std::chrono::microseconds(50));
                const int p = i % kPods;
                QJsonObject o = cluster.store().get(pods, QStringLiteral("ns-%1").arg(p % 20),
                                                    QStringLiteral("pod-%1").arg(p));
                QJsonObject st = o.value(QStringLiteral("status")).toObject();
                st.insert(QStringLiteral("message"), QString::number(i));
                o.insert(QStringLiteral("status"), st);
                cluster.store().update(pods, o, false);
                ++written;
            }
        });
        const qint64 start = clock.elapsed();
        while (written < kRate * kSeconds || clock.elapsed() - start < kSeconds * 1000)
            QTest::qWait(20);
        writer.join();
        const double writeSeconds = double(clock.elapsed() - start) / 1000.0;
        QTest::qWait(1000); // let the last batches in
        const qint64 worst = probe.stop();
        std::printf("\n%d pods, %lld changes written in %.1f s (%.0f/s); %lld row changes reached "
                    "the model\n",
                    kPods, static_cast<long long>(written.load()), writeSeconds,
                    double(written) / writeSeconds, static_cast<long long>(changesSeen));
        std::printf("GUI thread's longest stall while ingesting: %lld ms (target: under 50 ms)\n",
                    static_cast<long long>(worst));
        window.close();
    }
};

QTEST_MAIN(bench_ClustersPage)
#include "bench_clusterspage.moc"
