// Route Traffic… on the demo, as a user does it from the Topology page: the dialog prefilled
// with the Service's versions, bad values refused before anything is sent, the diff of what
// Apply writes, the apply by server-side apply (recorded), then the removal of Meshdeck's rules.
#include <app/mainwindow.h>
#include <demo/democluster.h>
#include <kube/clustersession.h>
#include <models/connectionstate.h>
#include <models/preferences.h>
#include <models/resourcetreemodel.h>
#include <views/clusterspage.h>
#include <views/thememanager.h>
#include <views/trafficdialog.h>

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace Meshdeck;

namespace {

// A main window on the embedded demo cluster (as `meshdeck --demo`), or on a kubeconfig's
// current context: connected, the cache's first LISTs done.
class ConnectedWindow
{
public:
    ConnectedWindow()
        : m_prefs(m_dir.filePath(QStringLiteral("p.ini")))
        , m_xdg(qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toUtf8()))
        , window(&m_prefs)
    {
    }

    [[nodiscard]] bool start(const QString &kubeconfig = {})
    {
        window.setPersistState(false);
        window.resize(1280, 800);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        window.startClusters(kubeconfig, {}, kubeconfig.isEmpty());
        QElapsedTimer clock;
        clock.start();
        while (window.connectionState()->state() != ConnectionState::State::Connected) {
            if (clock.elapsed() > 20000)
                return false;
            QTest::qWait(50);
        }
        QTest::qWait(1500); // the cache's first LISTs
        return true;
    }

private:
    QTemporaryDir m_dir;
    Preferences m_prefs;
    bool m_xdg;

public:
    MainWindow window;
};

} // namespace

class tst_TrafficDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void routeReviewsToV3()
    {
        ConnectedWindow connected;
        QVERIFY(connected.start());
        MainWindow &window = connected.window;

        window.openTrafficDialog(QStringLiteral("bookinfo"), QStringLiteral("reviews"));
        TrafficDialog *dialog = window.trafficDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const Mesh::TrafficPolicy initial = dialog->policy();
        QCOMPARE(initial.subsets.size(), 3); // v1, v2, v3 from the pods
        QCOMPARE(initial.subsets[0].weight + initial.subsets[1].weight + initial.subsets[2].weight,
                 100);
        QTRY_VERIFY(dialog->applyButton()->isEnabled()); // the access check answered

        // Bad values: refused before anything is sent.
        dialog->weightBox(0)->setValue(0);
        dialog->weightBox(1)->setValue(0);
        dialog->weightBox(2)->setValue(90);
        QVERIFY(!dialog->applyButton()->isEnabled());
        QVERIFY2(dialog->problems()->text().contains(QStringLiteral("add up to 90")),
                 qPrintable(dialog->problems()->text()));
        dialog->weightBox(2)->setValue(100);
        dialog->delayBox()->setValue(300);
        dialog->delayPercentBox()->setValue(50);
        QVERIFY(dialog->applyButton()->isEnabled());
        const QString diff = dialog->changes()->toPlainText();
        QVERIFY2(diff.contains(QStringLiteral("+ kind: VirtualService"))
                     && diff.contains(QStringLiteral("+ kind: DestinationRule"))
                     && diff.contains(QStringLiteral("+           fixedDelay: 300ms")),
                 qPrintable(diff));

        // Request routing: a header rule sends jason's requests to v3; a rule without a header
        // name is refused first. Client TLS set to Istio's mutual TLS.
        QTableWidget *rules = dialog->matchTable();
        dialog->addMatch({Mesh::TrafficPolicy::Match::Kind::Header, {}, "jason", "v3"});
        QCOMPARE(rules->rowCount(), 1);
        QVERIFY(!dialog->applyButton()->isEnabled());
        QVERIFY2(dialog->problems()->text().contains(QStringLiteral("Name the header")),
                 qPrintable(dialog->problems()->text()));
        rules->item(0, 1)->setText(QStringLiteral("end-user"));
        QVERIFY(dialog->applyButton()->isEnabled());
        dialog->tlsBox()->setCurrentIndex(int(Mesh::TrafficPolicy::Tls::Mutual));
        const QString matched = dialog->changes()->toPlainText();
        QVERIFY2(
            QRegularExpression(QStringLiteral("\\n\\+ +exact: jason\\n")).match(matched).hasMatch()
                && QRegularExpression(QStringLiteral("\\n\\+ +mode: ISTIO_MUTUAL(\\n|$)"))
                       .match(matched)
                       .hasMatch(),
            qPrintable(matched));

        const QString shots = qEnvironmentVariable("MESHDECK_TEST_SHOTS");
        if (!shots.isEmpty()) {
            dialog->grab().save(shots + QStringLiteral("/traffic-dialog.png"));
            dialog->findChild<QTabWidget *>()->setCurrentIndex(1);
            QTest::qWait(50);
            dialog->grab().save(shots + QStringLiteral("/traffic-dialog-routing.png"));
            dialog->findChild<QTabWidget *>()->setCurrentIndex(0);
        }
        QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->status()->text().startsWith(QStringLiteral("Applied")),
                                 15000);
        // Nothing left to change: the diff has no + or - lines.
        QVERIFY(!dialog->changes()->toPlainText().contains(QStringLiteral("\n+ ")));
        QVERIFY(dialog->removeButton()->isEnabled());
        if (!shots.isEmpty()) {
            QTranslator german;
            QVERIFY(german.load(QCoreApplication::applicationDirPath()
                                + QStringLiteral("/../../app/meshdeck_de.qm")));
            QCoreApplication::installTranslator(&german);
            const QPalette light = QApplication::palette();
            QApplication::setPalette(ThemeManager::darkPalette());
            QTest::qWait(200);
            dialog->grab().save(shots + QStringLiteral("/traffic-dialog-de-dark.png"));
            QCoreApplication::removeTranslator(&german);
            QApplication::setPalette(light);
            QTest::qWait(100);
        }

        // Opened again, the dialog reads the rule and the TLS mode back from the cluster.
        dialog->close();
        QTest::qWait(600); // the informers' copy
        window.openTrafficDialog(QStringLiteral("bookinfo"), QStringLiteral("reviews"));
        dialog = window.trafficDialog();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const Mesh::TrafficPolicy read = dialog->policy();
        QCOMPARE(read.matches.size(), 1);
        QCOMPARE(read.matches.first().name, QStringLiteral("end-user"));
        QCOMPARE(read.matches.first().subset, QStringLiteral("v3"));
        QCOMPARE(read.tls, Mesh::TrafficPolicy::Tls::Mutual);
        QCOMPARE(dialog->matchTable()->rowCount(), 1);
        QTRY_VERIFY(dialog->removeButton()->isEnabled());

        // Removed as one unit.
        QTest::mouseClick(dialog->removeButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->status()->text().contains(QStringLiteral("removed")),
                                 15000);
        QVERIFY(!dialog->removeButton()->isEnabled());
        dialog->close();
    }

    // The Gateway API's form on the demo (which serves both): an HTTPRoute on reviews and a
    // Service per version, applied, read back as such, removed as one unit.
    void gatewayApiForm()
    {
        ConnectedWindow connected;
        QVERIFY(connected.start());
        MainWindow &window = connected.window;
        window.openTrafficDialog(QStringLiteral("bookinfo"), QStringLiteral("reviews"));
        TrafficDialog *dialog = window.trafficDialog();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QComboBox *flavor = dialog->flavorBox();
        QCOMPARE(flavor->count(), 2);
        flavor->setCurrentIndex(flavor->findData(int(Mesh::TrafficPolicy::Flavor::GatewayApi)));
        dialog->weightBox(0)->setValue(0);
        dialog->weightBox(2)->setValue(0);
        dialog->weightBox(1)->setValue(100);
        QTRY_VERIFY(dialog->applyButton()->isEnabled());
        const QString diff = dialog->changes()->toPlainText();
        QVERIFY2(diff.contains(QStringLiteral("+ kind: HTTPRoute"))
                     && diff.contains(QStringLiteral("+   name: reviews-v2")),
                 qPrintable(diff));
        // Faults cannot be written as an HTTPRoute: their tab is off.
        QVERIFY(!dialog->findChild<QTabWidget *>()->isTabEnabled(2));
        const QString shots = qEnvironmentVariable("MESHDECK_TEST_SHOTS");
        if (!shots.isEmpty())
            dialog->grab().save(shots + QStringLiteral("/traffic-dialog-gateway.png"));
        QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->status()->text().startsWith(QStringLiteral("Applied")),
                                 15000);
        QVERIFY2(!dialog->changes()->toPlainText().contains(QStringLiteral("\n+ ")),
                 qPrintable(dialog->changes()->toPlainText()));
        dialog->close();
        QTest::qWait(600);
        window.openTrafficDialog(QStringLiteral("bookinfo"), QStringLiteral("reviews"));
        dialog = window.trafficDialog();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const Mesh::TrafficPolicy read = dialog->policy();
        QCOMPARE(read.flavor, Mesh::TrafficPolicy::Flavor::GatewayApi);
        QCOMPARE(read.subsets.at(1).weight, 100);
        QVERIFY2(!dialog->changes()->toPlainText().contains(QStringLiteral("\n+ ")),
                 qPrintable(dialog->changes()->toPlainText()));
        QTRY_VERIFY(dialog->removeButton()->isEnabled());
        QTest::mouseClick(dialog->removeButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->status()->text().contains(QStringLiteral("removed")),
                                 15000);
        dialog->close();
        QTest::qWait(600);
        const auto left = window.session()->cachedObjects(QString(), QStringLiteral("Service"));
        for (const QJsonObject &o : left.value_or(QList<QJsonObject> {}))
            QVERIFY(!o.value("metadata")
                         .toObject()
                         .value("name")
                         .toString()
                         .startsWith(QStringLiteral("reviews-v")));
    }

    // A user who may only read: the dialog opens with what exists, Apply and Remove stay off
    // and the reason is shown; nothing is sent.
    void readOnlyUserIsToldWhy()
    {
        Demo::DemoCluster::Options options;
        options.tls = true;
        Demo::DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        QVERIFY(cluster.waitUntilSettled(20000));
        QTemporaryDir dir;
        const QString kc = dir.filePath(QStringLiteral("ro"));
        QVERIFY(cluster.writeKubeconfig(kc, Demo::DemoCluster::Access::ReadOnly).ok());
        ConnectedWindow connected;
        QVERIFY(connected.start(kc));
        MainWindow &window = connected.window;
        window.openTrafficDialog(QStringLiteral("bookinfo"), QStringLiteral("reviews"));
        TrafficDialog *dialog = window.trafficDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog->status()->text().contains(QStringLiteral("may not change")), 10000);
        QVERIFY2(dialog->status()->text().contains(QStringLiteral("patch on networking.istio.io")),
                 qPrintable(dialog->status()->text()));
        QVERIFY(!dialog->applyButton()->isEnabled());
        QVERIFY(!dialog->removeButton()->isEnabled());
        dialog->weightBox(0)->setValue(100); // a change does not turn Apply on
        dialog->weightBox(1)->setValue(0);
        dialog->weightBox(2)->setValue(0);
        QVERIFY(!dialog->applyButton()->isEnabled());
        dialog->close();
    }

    // Clusters page: right-click a workload or a pod → Route Traffic to each Service in front.
    void fromTheClustersPage()
    {
        ConnectedWindow connected;
        QVERIFY(connected.start());
        MainWindow &window = connected.window;
        ResourceTreeModel *model = window.resourceTree();
        QTRY_VERIFY_WITH_TIMEOUT(
            model->indexForKey(QStringLiteral("Deployment/bookinfo/reviews-v2")).isValid(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            model->rowCount(model->indexForKey(QStringLiteral("Deployment/bookinfo/reviews-v2")))
                == 1,
            10000);
        QTest::qWait(500); // the Services in the cache
        auto *page = window.findChild<ClustersPage *>();
        QVERIFY(page);
        const auto texts = [](QMenu *menu) {
            QStringList out;
            for (QAction *a : menu->actions())
                out << a->text();
            return out;
        };
        const QModelIndex workload
            = model->indexForKey(QStringLiteral("Deployment/bookinfo/reviews-v2"));
        std::unique_ptr<QMenu> menu(page->contextMenu(workload));
        QVERIFY(menu);
        QCOMPARE(texts(menu.get()), QStringList {QStringLiteral("&Route Traffic to reviews…")});
        std::unique_ptr<QMenu> podMenu(page->contextMenu(model->index(0, 0, workload)));
        QVERIFY(podMenu);
        QCOMPARE(texts(podMenu.get()),
                 (QStringList {QStringLiteral("Open &Shell"), QStringLiteral("&Forward Port…"),
                               QStringLiteral("&Route Traffic to reviews…")}));
        menu->actions().first()->trigger();
        TrafficDialog *dialog = window.trafficDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->policy().service, QStringLiteral("reviews"));
        QCOMPARE(dialog->policy().subsets.size(), 3);
        dialog->close();
        // A namespace row has no menu.
        QVERIFY(!page->contextMenu(model->index(0, 0)));
    }
};

QTEST_MAIN(tst_TrafficDialog)
#include "tst_trafficdialog.moc"
