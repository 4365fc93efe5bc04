// The Lifecycle page on an empty demo cluster: detect, install Istio (bundled) through the wizard
// with the keyboard until its control plane is Ready, deploy a sample with sidecars, switch
// injection, uninstall; the log tells each step, the history keeps them.
#include "support/stallprobe.h"

#include <demo/democluster.h>
#include <kube/kubeconfig.h>
#include <models/lifecyclecontroller.h>
#include <models/resultscontroller.h>
#include <store/resultstore.h>
#include <views/installwizard.h>
#include <views/lifecyclepage.h>

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QTreeWidget>

#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Meshdeck;

class tst_LifecyclePage : public QObject
{
    Q_OBJECT

    static Demo::DemoCluster::Options emptyCluster()
    {
        Demo::DemoCluster::Options options;
        options.scenario = QStringLiteral("empty");
        options.bookinfoTraffic = false;
        return options;
    }
    static Kube::ClusterSessionPtr sessionOf(const QString &kubeconfig)
    {
        return std::make_shared<Kube::ClusterSession>(
            Kube::Kubeconfig::load(kubeconfig)->resolve(QStringLiteral("meshdeck-demo")).value());
    }

private Q_SLOTS:
    void installSampleInjectUninstall()
    {
        Demo::DemoCluster cluster(emptyCluster());
        QVERIFY(cluster.start().ok());
        QTemporaryDir dir;
        const QString kc = dir.filePath(QStringLiteral("kc"));
        QVERIFY(cluster.writeKubeconfig(kc).ok());
        LifecycleController controller;
        const QString history = dir.filePath(QStringLiteral("history.sqlite"));
        controller.setHistoryPath(history);
        LifecyclePage page(&controller);
        auto historyStore = ResultStore::open(history).value();
        ResultsController results;
        results.setStore(historyStore.get(), history, QString());
        page.setHistorySource(&results);
        page.resize(1280, 800);
        page.show();
        QSignalSpy detected(&controller, &LifecycleController::detected);
        controller.setSession(sessionOf(kc));
        QVERIFY(detected.wait(10000));
        QCOMPARE(page.meshTable()->rowCount(), 5);
        QVERIFY(page.meshTable()->item(0, 1)->text().contains(QStringLiteral("not installed")));

        QSignalSpy done(&page, &LifecyclePage::operationFinished);
        page.meshTable()->selectRow(0); // Istio
        InstallWizard *wizard = page.openInstallWizard();
        QVERIFY(wizard);
        QVERIFY(QTest::qWaitForWindowExposed(wizard));
        QApplication::setActiveWindow(wizard);
        QVERIFY(QTest::qWaitForWindowActive(wizard));
        const QString shots = qEnvironmentVariable("MESHDECK_TEST_SHOTS");
        const auto shoot = [&](const char *name) {
            if (!shots.isEmpty())
                wizard->grab().save(shots + QStringLiteral("/wizard-%1.png").arg(name));
        };
        const auto next = [&] {
            QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled()
                                         || wizard->button(QWizard::CommitButton)->isEnabled(),
                                     90000);
            // The keyboard alone: the focused Next (or Install) button takes Space.
            QAbstractButton *b = wizard->button(QWizard::NextButton)->isVisible()
                ? wizard->button(QWizard::NextButton)
                : wizard->button(QWizard::CommitButton);
            b->setFocus(Qt::TabFocusReason);
            QTest::keyClick(b, Qt::Key_Space);
        };
        // 1. Cards: Istio chosen; the arrow keys move between meshes.
        QCOMPARE(wizard->currentId(), int(InstallWizard::ChoosePage));
        auto *cards = wizard->findChild<QListWidget *>(QStringLiteral("meshCards"));
        QCOMPARE(cards->count(), 5);
        QCOMPARE(cards->currentRow(), 0);
        QTest::keyClick(cards, Qt::Key_Down);
        QCOMPARE(cards->currentRow(), 1);
        QTest::keyClick(cards, Qt::Key_Up);
        shoot("1-choose");
        QTest::keyClick(cards, Qt::Key_Return); // Enter on a card: Next, once
        QTRY_COMPARE(wizard->currentId(), int(InstallWizard::ConfigurePage));
        // 2. Options: the bundle (no istioctl here), Prometheus on, STRICT mTLS, inject "shop".
        QCOMPARE(wizard->currentId(), int(InstallWizard::ConfigurePage));
        auto *bundled = wizard->findChild<QRadioButton *>(QStringLiteral("methodBundled"));
        bundled->setChecked(true);
        QVERIFY(wizard->findChild<QCheckBox *>(QStringLiteral("addon_prometheus"))->isChecked());
        auto *mtls = wizard->findChild<QComboBox *>(QStringLiteral("mtlsCombo"));
        mtls->setCurrentIndex(mtls->findData(QStringLiteral("STRICT")));
        auto *newNs = wizard->findChild<QLineEdit *>(QStringLiteral("newNamespaceEdit"));
        QTest::keyClicks(newNs, QStringLiteral("shop"));
        QTest::keyClick(newNs, Qt::Key_Return);
        shoot("2-configure");
        next();
        // 3. Preflight passes on the demo cluster.
        QCOMPARE(wizard->currentId(), int(InstallWizard::PreflightPage));
        auto *checks = wizard->findChild<QTreeWidget *>(QStringLiteral("checksTable"));
        QTRY_VERIFY_WITH_TIMEOUT(checks->topLevelItemCount() >= 4, 20000);
        QStringList titles;
        for (int i = 0; i < checks->topLevelItemCount(); ++i)
            titles << checks->topLevelItem(i)->text(1);
        QVERIFY2(titles.contains(QStringLiteral("Permissions")), qPrintable(titles.join(',')));
        QVERIFY(titles.contains(QStringLiteral("Kubernetes version supported")));
        shoot("3-preflight");
        next();
        // 4. Review: every object with its YAML; the PeerAuthentication is in the plan.
        QCOMPARE(wizard->currentId(), int(InstallWizard::ReviewPage));
        auto *plan = wizard->findChild<QTreeWidget *>(QStringLiteral("planTree"));
        QVERIFY(!plan->findItems(QStringLiteral("PeerAuthentication istio-system/default"),
                                 Qt::MatchContains | Qt::MatchRecursive)
                     .isEmpty());
        auto *yaml = wizard->findChild<QPlainTextEdit *>(QStringLiteral("yamlView"));
        QVERIFY(
            yaml->toPlainText().contains(QStringLiteral("apiVersion: apiextensions.k8s.io/v1")));
        shoot("4-review");
        // The GUI thread keeps its frames while the plan is applied and verified.
        StallProbe probe;
        probe.start();
        next();
        // 5. Progress: every step applied, live.
        QCOMPARE(wizard->currentId(), int(InstallWizard::ProgressPage));
        auto *steps = wizard->findChild<QTreeWidget *>(QStringLiteral("stepsTree"));
        QVERIFY(steps->topLevelItemCount() > 15);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), 60000);
        for (int i = 0; i < steps->topLevelItemCount(); ++i)
            QCOMPARE(steps->topLevelItem(i)->text(1), QStringLiteral("applied"));
        shoot("5-progress");
        next();
        // 6. Verify: control plane Ready, add-on Ready, the webhook injecting.
        QCOMPARE(wizard->currentId(), int(InstallWizard::VerifyPage));
        QVERIFY(done.wait(90000));
        QVERIFY(done.last().at(0).toBool());
        const qint64 worstStall = probe.stop();
        qInfo("worst GUI stall during the install (apply and verify): %lld ms", worstStall);
        QVERIFY2(worstStall < 100, qPrintable(QString::number(worstStall)));
        auto *verify = wizard->findChild<QTreeWidget *>(QStringLiteral("verifyTable"));
        QCOMPARE(verify->topLevelItemCount(), 3);
        for (int i = 0; i < verify->topLevelItemCount(); ++i)
            QVERIFY2(verify->topLevelItem(i)->data(0, Qt::UserRole).toInt()
                         == int(Mesh::Check::State::Pass),
                     qPrintable(verify->topLevelItem(i)->text(2)));
        shoot("6-verify");
        next();
        QCOMPARE(wizard->currentId(), int(InstallWizard::NextPage));
        shoot("7-next");
        QTRY_VERIFY_WITH_TIMEOUT(
            page.meshTable()->item(0, 1)->text().contains(QStringLiteral("1.26.2")), 5000);
        QTRY_COMPARE(page.findChild<QComboBox *>(QStringLiteral("mtlsMode"))->currentText(),
                     QStringLiteral("STRICT"));
        // Next steps: Bookinfo into the namespace this install injects, proposed by the wizard.
        QCOMPARE(wizard->findChild<QLineEdit *>(QStringLiteral("sampleNamespace"))->text(),
                 QStringLiteral("shop"));
        wizard->findChild<QPushButton *>(QStringLiteral("deploySampleButton"))->click();
        QVERIFY(done.wait(30000));
        QVERIFY2(done.last().at(0).toBool(), qPrintable(page.status()->text()));
        QVERIFY(cluster.waitUntilSettled(20000));
        {
            const auto pods
                = cluster.store().objects(QStringLiteral("/pods"), QStringLiteral("shop"));
            QCOMPARE(pods.size(), 6);
            for (const auto &pod : pods)
                QVERIFY(QJsonDocument(pod).toJson().contains("istio-proxy"));
        }
        QVERIFY(page.log()->toPlainText().contains(QStringLiteral("Install verified")));

        page.deploySample(QStringLiteral("httpbin"), QStringLiteral("shop"), true);
        QVERIFY(done.wait(30000));
        QVERIFY2(done.last().at(0).toBool(), qPrintable(page.status()->text()));
        QVERIFY(cluster.waitUntilSettled(20000));
        const auto pods = cluster.store().objects(QStringLiteral("/pods"), QStringLiteral("shop"));
        QCOMPARE(pods.size(), 7); // Bookinfo's six, and httpbin
        for (const auto &pod : pods)
            QVERIFY(QJsonDocument(pod).toJson().contains("istio-proxy"));
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
        QCOMPARE(page.namespaceTable()->horizontalHeaderItem(1)->text(),
                 QStringLiteral("Istio sidecars injected"));
        page.namespaceTable()->item(row, 1)->setCheckState(Qt::Unchecked);
        QVERIFY(done.wait(10000));
        QVERIFY(done.last().at(0).toBool());
        // Restart to apply: the namespace just switched is the one Restart Workloads names,
        // without selecting it first; the new pods come without sidecars.
        auto *restart = page.findChild<QPushButton *>(QStringLiteral("restartButton"));
        QTRY_VERIFY(restart->isEnabled());
        QCOMPARE(restart->text(), QStringLiteral("Restart &Workloads in shop"));
        // The operation log shows its newest line.
        QTRY_COMPARE(page.log()->verticalScrollBar()->value(),
                     page.log()->verticalScrollBar()->maximum());
        QTest::mouseClick(restart, Qt::LeftButton);
        QVERIFY(done.wait(10000));
        QVERIFY2(done.last().at(0).toBool(), qPrintable(page.status()->text()));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto now
                    = cluster.store().objects(QStringLiteral("/pods"), QStringLiteral("shop"));
                if (now.size() != 7)
                    return false;
                for (const auto &pod : now)
                    if (QJsonDocument(pod).toJson().contains("istio-proxy"))
                        return false;
                return true;
            }(),
            30000);

        page.meshTable()->selectRow(0);
        page.uninstallSelected(false);
        QVERIFY(done.wait(60000));
        QVERIFY2(done.last().at(0).toBool(), qPrintable(page.status()->text()));
        QTRY_VERIFY_WITH_TIMEOUT(
            page.meshTable()->item(0, 1)->text().contains(QStringLiteral("not installed")), 5000);

        // The page lists the history.
        page.refreshHistory();
        QTRY_VERIFY(page.historyTable()->rowCount() >= 3);
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

    // The page follows the cluster without Refresh (the window feeds scheduleDetect from the
    // informers' changes), and a new detection keeps the user's selection.
    void followsTheClusterAndKeepsTheSelection()
    {
        Demo::DemoCluster cluster(emptyCluster());
        QVERIFY(cluster.start().ok());
        QTemporaryDir dir;
        const QString kc = dir.filePath(QStringLiteral("kc"));
        QVERIFY(cluster.writeKubeconfig(kc).ok());
        LifecycleController controller;
        LifecyclePage page(&controller);
        page.resize(1280, 800);
        page.show();
        QSignalSpy detected(&controller, &LifecycleController::detected);
        controller.setSession(sessionOf(kc));
        QVERIFY(detected.wait(10000));
        QTableWidget *ns = page.namespaceTable();
        QCOMPARE(ns->horizontalHeaderItem(1)->text(),
                 QStringLiteral("Sidecars injected (no mesh installed)"));
        int row = -1;
        for (int i = 0; i < ns->rowCount(); ++i)
            if (ns->item(i, 0)->text() == QLatin1String("default"))
                row = i;
        QVERIFY(row >= 0);
        ns->selectRow(row);
        auto *restart = page.findChild<QPushButton *>(QStringLiteral("restartButton"));
        QCOMPARE(restart->text(), QStringLiteral("Restart &Workloads in default"));

        const auto namespaces = *cluster.registry().find(QString(), QStringLiteral("v1"),
                                                         QStringLiteral("namespaces"));
        cluster.store().create(
            namespaces,
            QJsonObject {{QStringLiteral("metadata"),
                          QJsonObject {{QStringLiteral("name"), QStringLiteral("aaa")}}}});
        controller.scheduleDetect();
        controller.scheduleDetect(); // coalesced: one detection
        QVERIFY(detected.wait(5000));
        QCOMPARE(detected.size(), 2);
        QTRY_COMPARE(ns->item(0, 0)->text(), QStringLiteral("aaa"));
        const auto rows = ns->selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(ns->item(rows.first().row(), 0)->text(), QStringLiteral("default"));
        QCOMPARE(restart->text(), QStringLiteral("Restart &Workloads in default"));
        // The sample picker says what it picks.
        auto *app = page.findChild<QComboBox *>(QStringLiteral("sampleApp"));
        bool labelled = false;
        for (QLabel *l : page.findChildren<QLabel *>())
            labelled = labelled || l->buddy() == app;
        QVERIFY(labelled);
    }
};

QTEST_MAIN(tst_LifecyclePage)
#include "tst_lifecyclepage.moc"
