// The Lifecycle page on an empty demo cluster: detect, install Istio (bundled) until its control
// plane is Ready, deploy a sample with sidecars, switch injection, uninstall; the log tells
// each step, the history keeps them.
#include <demo/democluster.h>
#include <kube/kubeconfig.h>
#include <models/lifecyclecontroller.h>
#include <store/resultstore.h>
#include <views/lifecyclepage.h>

#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Meshdeck;

class tst_LifecyclePage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void installSampleInjectUninstall()
    {
        Demo::DemoCluster::Options options;
        options.scenario = QStringLiteral("empty");
        options.bookinfoTraffic = false;
        Demo::DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        QTemporaryDir dir;
        const QString kc = dir.filePath(QStringLiteral("kc"));
        QVERIFY(cluster.writeKubeconfig(kc).ok());
        LifecycleController controller;
        const QString history = dir.filePath(QStringLiteral("history.sqlite"));
        controller.setHistoryPath(history);
        LifecyclePage page(&controller);
        auto historyStore = ResultStore::open(history).value();
        page.setHistorySource(historyStore.get());
        page.resize(1280, 800);
        page.show();
        QSignalSpy detected(&controller, &LifecycleController::detected);
        controller.setContext(
            Kube::Kubeconfig::load(kc)->resolve(QStringLiteral("meshdeck-demo")).value());
        QVERIFY(detected.wait(10000));
        QCOMPARE(page.meshTable()->rowCount(), 5);
        QVERIFY(page.meshTable()->item(0, 1)->text().contains(QStringLiteral("not installed")));

        QSignalSpy done(&page, &LifecyclePage::operationFinished);
        page.meshTable()->selectRow(0); // Istio
        page.installSelected(false);
        QVERIFY(done.wait(90000));
        QVERIFY2(done.last().at(0).toBool(), qPrintable(page.status()->text()));
        QTRY_VERIFY_WITH_TIMEOUT(
            page.meshTable()->item(0, 1)->text().contains(QStringLiteral("1.26.2")), 5000);
        QVERIFY(page.log()->toPlainText().contains(QStringLiteral("CustomResourceDefinition")));

        page.deploySample(QStringLiteral("httpbin"), QStringLiteral("shop"), true);
        QVERIFY(done.wait(30000));
        QVERIFY2(done.last().at(0).toBool(), qPrintable(page.status()->text()));
        QVERIFY(cluster.waitUntilSettled(20000));
        const auto pods = cluster.store().objects(QStringLiteral("/pods"), QStringLiteral("shop"));
        QCOMPARE(pods.size(), 1);
        QVERIFY(QJsonDocument(pods.first()).toJson().contains("istio-proxy"));
        // The namespace shows as injected; switching it off from the table works.
        int row = -1;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int i = 0; i < page.namespaceTable()->rowCount(); ++i)
                    if (page.namespaceTable()->item(i, 0)->text() == QLatin1String("shop"))
                        row = i;
                return row >= 0 && page.namespaceTable()->item(row, 1)->checkState() == Qt::Checked;
            }(),
            5000);
        page.namespaceTable()->item(row, 1)->setCheckState(Qt::Unchecked);
        QVERIFY(done.wait(10000));
        QVERIFY(done.last().at(0).toBool());

        page.meshTable()->selectRow(0);
        page.uninstallSelected(false);
        QVERIFY(done.wait(60000));
        QVERIFY2(done.last().at(0).toBool(), qPrintable(page.status()->text()));
        QTRY_VERIFY_WITH_TIMEOUT(
            page.meshTable()->item(0, 1)->text().contains(QStringLiteral("not installed")), 5000);

        // The page lists the history.
        page.refreshHistory();
        QVERIFY(page.historyTable()->rowCount() >= 3);
        // The history kept every operation with its steps.
        const auto store = ResultStore::open(history).value();
        const auto ops = store->operations().value();
        QVERIFY(ops.size() >= 3);
        QStringList kinds;
        for (const auto &op : ops)
            kinds << op.kind;
        QVERIFY(kinds.contains(QStringLiteral("install")));
        QVERIFY(kinds.contains(QStringLiteral("uninstall")));
        QVERIFY(kinds.contains(QStringLiteral("sample deploy")));
    }
};

QTEST_MAIN(tst_LifecyclePage)
#include "tst_lifecyclepage.moc"
