// The Clusters page against the embedded demo cluster, started by the app as `meshdeck --demo`
// does: the tree fills, follows changes, shows YAML and events, and the GUI thread never stalls.
#include "support/stallprobe.h"
#include "support/warningguard.h"

#include <app/mainwindow.h>
#include <core/httptransport.h>
#include <core/yaml.h>
#include <demo/democluster.h>
#include <models/connectionstate.h>
#include <models/portforwardmodel.h>
#include <models/preferences.h>
#include <models/resourcetreemodel.h>
#include <models/terminalscreen.h>
#include <views/clusterspage.h>
#include <views/forwardportdialog.h>
#include <views/lifecyclepage.h>
#include <views/podshellpanel.h>
#include <views/terminalwidget.h>
#include <views/thememanager.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>
#include <QTreeView>

#include <thread>

using namespace Meshdeck;

// Stands in for the browser: QDesktopServices hands it the http URLs the app opens.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public Q_SLOTS:
    void open(const QUrl &url) { opened << url; }
};

class tst_ClustersPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoClusterLive()
    {
        WarningGuard guard;
        QTemporaryDir dir;
        Preferences prefs(dir.filePath(QStringLiteral("p.ini")));
        MainWindow window(&prefs);
        window.setPersistState(false);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        StallProbe probe;
        probe.start();

        window.startClusters({}, {}, true);
        ResourceTreeModel *model = window.resourceTree();
        QTRY_VERIFY_WITH_TIMEOUT(
            window.connectionState()->state() == ConnectionState::State::Connected, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(model->podCount() >= 13, 20000); // Bookinfo, Istio, DNS, proxies
        // Kinds arrive from independent informers: the Deployment may come after its pods.
        QTRY_VERIFY_WITH_TIMEOUT(
            model->indexForKey(QStringLiteral("Deployment/bookinfo/productpage-v1")).isValid(),
            10000);
        const QModelIndex productpage
            = model->indexForKey(QStringLiteral("Deployment/bookinfo/productpage-v1"));
        QVERIFY(productpage.isValid());
        QTRY_COMPARE_WITH_TIMEOUT(
            productpage.siblingAtColumn(ResourceTreeModel::ReadyColumn).data().toString(),
            QStringLiteral("1/1"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount(productpage) == 1,
                                 10000); // its pod, through the ReplicaSet
        const QModelIndex pod = model->index(0, 0, productpage);
        QCOMPARE(pod.siblingAtColumn(ResourceTreeModel::MeshColumn).data().toString(),
                 QStringLiteral("istio"));
        const qint64 worst = probe.stop();
        std::printf(
            "GUI thread: longest stall while connecting and syncing the demo cluster: %lld ms\n",
            static_cast<long long>(worst));
        QVERIFY2(worst < 250, qPrintable(QString::number(worst)));

        // Selecting the pod shows its YAML (no managedFields) and, soon, its events.
        auto *page = window.findChild<ClustersPage *>();
        QVERIFY(page);
        QTreeView *tree = page->tree();
        auto *proxy = tree->model();
        QModelIndex proxied;
        for (int r = 0; r < proxy->rowCount() && !proxied.isValid(); ++r) {
            const QModelIndex ns = proxy->index(r, 0);
            for (int w = 0; w < proxy->rowCount(ns) && !proxied.isValid(); ++w) {
                const QModelIndex workload = proxy->index(w, 0, ns);
                if (workload.data().toString() == QLatin1String("productpage-v1"))
                    proxied = proxy->index(0, 0, workload);
            }
        }
        QVERIFY(proxied.isValid());
        tree->setCurrentIndex(proxied);
        auto *yaml = page->findChild<QPlainTextEdit *>();
        QTRY_VERIFY(yaml->toPlainText().contains(QStringLiteral("kind: Pod")));
        QVERIFY(yaml->toPlainText().contains(QStringLiteral("istio-proxy")));
        QVERIFY(!yaml->toPlainText().contains(QStringLiteral("managedFields")));

        // The Logs tab follows the selected pod's application container, then the sidecar's.
        auto *tabs = page->findChild<QTabWidget *>();
        tabs->setCurrentIndex(2);
        QPlainTextEdit *logs = nullptr;
        for (auto *edit : page->findChildren<QPlainTextEdit *>())
            if (edit != yaml)
                logs = edit;
        QVERIFY(logs);
        QTRY_VERIFY_WITH_TIMEOUT(
            logs->toPlainText().contains(QStringLiteral("listening on port 9080")), 5000);
        const int before = logs->blockCount();
        QTRY_VERIFY_WITH_TIMEOUT(logs->blockCount() > before, 5000); // follow: new lines arrive
        QComboBox *container = nullptr; // the Logs tab's, not the Shell tab's
        for (auto *combo : page->findChildren<QComboBox *>())
            if (!page->shellPanel()->isAncestorOf(combo)
                && combo->findText(QStringLiteral("istio-proxy")) >= 0)
                container = combo;
        QVERIFY(container);
        const int proxyIndex = container->findText(QStringLiteral("istio-proxy"));
        QVERIFY(proxyIndex >= 0);
        container->setCurrentIndex(proxyIndex);
        emit container->activated(proxyIndex);
        QTRY_VERIFY_WITH_TIMEOUT(
            logs->toPlainText().contains(QStringLiteral("Envoy proxy is ready")), 5000);
        // Follow off: the footer says the stream goes on while the view stays; Wrap wraps.
        auto *follow = page->findChild<QCheckBox *>(QStringLiteral("followLog"));
        auto *logStatus = logs->parentWidget()->findChildren<QLabel *>().last();
        QVERIFY(logStatus->text().startsWith(QStringLiteral("Following istio-proxy")));
        follow->setChecked(false);
        QVERIFY2(logStatus->text().contains(QStringLiteral("Follow is off")),
                 qPrintable(logStatus->text()));
        follow->setChecked(true);
        QVERIFY(logStatus->text().startsWith(QStringLiteral("Following istio-proxy")));
        auto *wrap = page->findChild<QCheckBox *>(QStringLiteral("wrapLogLines"));
        QCOMPARE(logs->lineWrapMode(), QPlainTextEdit::NoWrap);
        wrap->setChecked(true);
        QCOMPARE(logs->lineWrapMode(), QPlainTextEdit::WidgetWidth);

        // The Shell tab: a terminal in the selected pod's container, typed into.
        const QString shots = qEnvironmentVariable("MESHDECK_TEST_SHOTS");
        PodShellPanel *shell = page->shellPanel();
        StallProbe shellProbe;
        shellProbe.start();
        tabs->setCurrentWidget(shell);
        shell->connectShell();
        QTRY_VERIFY_WITH_TIMEOUT(shell->connected(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(shell->screen()->text().startsWith(QStringLiteral("/ #")), 10000);
        auto *terminal = shell->findChild<TerminalWidget *>();
        QVERIFY(terminal);
        terminal->setFocus();
        QTest::keyClicks(terminal, QStringLiteral("hostname"));
        QTest::keyClick(terminal, Qt::Key_Return);
        const QString podName = proxied.data().toString();
        QTRY_VERIFY2_WITH_TIMEOUT(shell->screen()->text().contains(QStringLiteral("\n") + podName),
                                  qPrintable(shell->screen()->text()), 10000);
        QTest::keyClicks(terminal, QStringLiteral("ls /etc"));
        QTest::keyClick(terminal, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(shell->screen()->text().contains(QStringLiteral("resolv.conf")),
                                 10000);
        if (!shots.isEmpty())
            window.grab().save(shots + QStringLiteral("/clusters-shell.png"));
        QTest::keyClicks(terminal, QStringLiteral("exit 3"));
        QTest::keyClick(terminal, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!shell->connected(), 10000);
        QVERIFY(shell->findChild<QLabel *>()->text().contains(QStringLiteral("exit code 3")));
        {
            // The status line follows a language switch.
            QTranslator german;
            QVERIFY(german.load(QCoreApplication::applicationDirPath()
                                + QStringLiteral("/../../app/meshdeck_de.qm")));
            QCoreApplication::installTranslator(&german);
            QTRY_VERIFY(
                shell->findChild<QLabel *>()->text().contains(QStringLiteral("Exit-Code 3")));
            QCoreApplication::removeTranslator(&german);
            QTRY_VERIFY(
                shell->findChild<QLabel *>()->text().contains(QStringLiteral("exit code 3")));
        }

        // Port Forwards: the pod's port on a local one, traffic counted.
        emit page->forwardRequested(QStringLiteral("bookinfo"), QStringLiteral("service"),
                                    QStringLiteral("details"), 0, 9080);
        auto *forwards = window.findChild<PortForwardModel *>();
        QVERIFY(forwards);
        QTRY_VERIFY_WITH_TIMEOUT(
            !forwards->index(0, 0).data(PortForwardModel::UrlRole).toString().isEmpty(), 10000);
        const QString url = forwards->index(0, 0).data(PortForwardModel::UrlRole).toString();
        QByteArray body;
        std::thread fetch([&] {
            HttpRequest request;
            request.url = QUrl(url + QStringLiteral("details/5"));
            if (const auto r = HttpTransport::perform(request); r.ok())
                body = r->body;
        });
        QTRY_VERIFY_WITH_TIMEOUT(!body.isEmpty(), 10000);
        fetch.join();
        QVERIFY(body.contains("\"id\":5"));
        QTRY_VERIFY_WITH_TIMEOUT(forwards->index(0, PortForwardModel::ConnectionsColumn)
                                     .data()
                                     .toString()
                                     .contains(QStringLiteral("1 in all")),
                                 5000);
        QVERIFY(forwards->index(0, PortForwardModel::PodColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("details-v1-")));
        tabs->setCurrentIndex(tabs->count() - 1);
        if (!shots.isEmpty())
            window.grab().save(shots + QStringLiteral("/clusters-forwards.png"));
        if (!shots.isEmpty()) {
            // German and dark, to look at (the translation file is the app's).
            QTranslator german;
            if (german.load(QCoreApplication::applicationDirPath()
                            + QStringLiteral("/../../app/meshdeck_de.qm")))
                QCoreApplication::installTranslator(&german);
            const QPalette light = QApplication::palette();
            QApplication::setPalette(ThemeManager::darkPalette());
            QTest::qWait(200);
            window.grab().save(shots + QStringLiteral("/clusters-forwards-de-dark.png"));
            tabs->setCurrentWidget(shell);
            QTest::qWait(100);
            window.grab().save(shots + QStringLiteral("/clusters-shell-de-dark.png"));
            ForwardPortDialog dialog({QStringLiteral("bookinfo"), QStringLiteral("pod"),
                                      QStringLiteral("details-v1-abc"), 9080, 0},
                                     {QStringLiteral("9080 (http)")}, &window);
            dialog.show();
            QTest::qWait(100);
            dialog.grab().save(shots + QStringLiteral("/forward-dialog-de-dark.png"));
            dialog.close();
            QCoreApplication::removeTranslator(&german);
            QApplication::setPalette(light);
        }
        // Lifecycle → Open Dashboard: the demo's Prometheus add-on (a real Prometheus) through
        // a forward to its Service, opened in the "browser"; asked again, the forward is reused.
        UrlCatcher browser;
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &browser, "open");
        window.setCurrentPage(PageId::Lifecycle);
        auto *lifecycle = window.findChild<LifecyclePage *>();
        QVERIFY(lifecycle);
        QTRY_VERIFY_WITH_TIMEOUT(lifecycle->dashboardButton()->isEnabled(), 10000);
        const auto prometheusEntry = [lifecycle] {
            for (QAction *a : lifecycle->dashboardButton()->menu()->actions())
                if (a->data().toString() == QLatin1String("prometheus"))
                    return a;
            return static_cast<QAction *>(nullptr);
        };
        QAction *prometheus = prometheusEntry();
        QVERIFY(prometheus);
        QVERIFY(prometheus->text().contains(QStringLiteral("istio-system/prometheus:9090")));
        const int forwardsBefore = forwards->rowCount();
        prometheus->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(browser.opened.size(), 1, 10000);
        QCOMPARE(forwards->rowCount(), forwardsBefore + 1);
        QVERIFY(lifecycle->status()->text().contains(browser.opened.first().toString()));
        QByteArray ready;
        std::thread probeReady([&] {
            HttpRequest request;
            request.url = browser.opened.first().resolved(QUrl(QStringLiteral("/-/ready")));
            if (const auto r = HttpTransport::perform(request); r.ok() && r->status == 200)
                ready = r->body;
        });
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 10000);
        probeReady.join();
        QVERIFY2(ready.contains("Prometheus"), ready.constData());
        prometheus = prometheusEntry();
        QVERIFY(prometheus);
        prometheus->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(browser.opened.size(), 2, 5000);
        QCOMPARE(browser.opened.at(1), browser.opened.at(0));
        QCOMPARE(forwards->rowCount(), forwardsBefore + 1);
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
        if (!shots.isEmpty())
            window.grab().save(shots + QStringLiteral("/lifecycle-dashboard.png"));
        window.setCurrentPage(PageId::Clusters);

        const qint64 shellWorst = shellProbe.stop();
        std::printf("GUI thread: longest stall with a shell and a port forward: %lld ms\n",
                    static_cast<long long>(shellWorst));
        QVERIFY2(shellWorst < 250, qPrintable(QString::number(shellWorst)));

        // The namespace filter keeps only that namespace.
        auto *ns = page->findChildren<QComboBox *>().at(1);
        const int bookinfo = ns->findData(QStringLiteral("bookinfo"));
        QVERIFY(bookinfo > 0);
        ns->setCurrentIndex(bookinfo);
        emit ns->activated(bookinfo);
        QCOMPARE(proxy->rowCount(), 1);
        QCOMPARE(proxy->index(0, 0).data().toString(), QStringLiteral("bookinfo"));
        ns->setCurrentIndex(0);
        emit ns->activated(0);

        // A pod's name is never cut to a few letters: the Name column keeps room for one.
        QVERIFY(tree->header()->sectionSize(0)
                >= tree->fontMetrics().horizontalAdvance(QStringLiteral("productpage-v1-abcde")));
        // The name filter: a pod it hides leaves the details; clearing it brings back what
        // was open before.
        const auto row = [&](const QString &name, const QModelIndex &parent = {}) {
            for (int r = 0; r < proxy->rowCount(parent); ++r)
                if (proxy->index(r, 0, parent).data().toString() == name)
                    return proxy->index(r, 0, parent);
            return QModelIndex();
        };
        tree->collapse(row(QStringLiteral("kube-system")));
        const QModelIndex workload
            = row(QStringLiteral("productpage-v1"), row(QStringLiteral("bookinfo")));
        tree->expand(workload);
        tree->setCurrentIndex(proxy->index(0, 0, workload));
        QTRY_VERIFY(yaml->toPlainText().contains(QStringLiteral("kind: Pod")));
        auto *search = page->findChild<QLineEdit *>();
        QVERIFY(search->isClearButtonEnabled()); // the name filter, the first line edit
        QTest::keyClicks(search, QStringLiteral("ratings"));
        QVERIFY(!tree->currentIndex().isValid());
        QCOMPARE(yaml->toPlainText(), QString());
        search->clear();
        QVERIFY(!tree->isExpanded(row(QStringLiteral("kube-system"))));
        QVERIFY(tree->isExpanded(row(QStringLiteral("bookinfo"))));
        QVERIFY(tree->isExpanded(
            row(QStringLiteral("productpage-v1"), row(QStringLiteral("bookinfo")))));
        QVERIFY(
            !tree->isExpanded(row(QStringLiteral("ratings-v1"), row(QStringLiteral("bookinfo")))));
        // A long connection error is elided and leaves the filter its width.
        const int searchWidth = search->width();
        window.connectionState()->setFailed(QStringLiteral("meshdeck-demo"),
                                            QString(400, QLatin1Char('x')));
        QLabel *status = nullptr;
        for (QLabel *l : page->findChildren<QLabel *>())
            if (l->toolTip().contains(QString(400, QLatin1Char('x'))))
                status = l;
        QVERIFY(status);
        QTRY_VERIFY(status->text().endsWith(QChar(0x2026)));
        QCOMPARE(search->width(), searchWidth);
        window.connectionState()->setConnected(QStringLiteral("meshdeck-demo"),
                                               QStringLiteral("v1.32.2"));
        QVERIFY2(guard.messages().isEmpty(), qPrintable(guard.messages().join(QLatin1Char('\n'))));
    }

    void everyContextIsProbed()
    {
        Demo::DemoCluster::Options options;
        options.scenario = QStringLiteral("empty");
        Demo::DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        // The demo's kubeconfig plus a context whose server is gone.
        QJsonObject config = Yaml::toJson(cluster.kubeconfig())->toObject();
        QJsonArray clusters = config.value(QStringLiteral("clusters")).toArray();
        clusters.append(QJsonObject {
            {QStringLiteral("name"), QStringLiteral("gone")},
            {QStringLiteral("cluster"),
             QJsonObject {{QStringLiteral("server"), QStringLiteral("http://127.0.0.1:1")}}}});
        config.insert(QStringLiteral("clusters"), clusters);
        QJsonArray contexts = config.value(QStringLiteral("contexts")).toArray();
        contexts.append(
            QJsonObject {{QStringLiteral("name"), QStringLiteral("old-staging")},
                         {QStringLiteral("context"),
                          QJsonObject {{QStringLiteral("cluster"), QStringLiteral("gone")}}}});
        config.insert(QStringLiteral("contexts"), contexts);
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("config")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(Yaml::fromJson(config));
        file.close();

        Preferences prefs(dir.filePath(QStringLiteral("p.ini")));
        MainWindow window(&prefs);
        window.setPersistState(false);
        window.show();
        window.startClusters(file.fileName(), {}, false);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.connectionState()->state() == ConnectionState::State::Connected, 10000);
        auto *combo = window.findChild<ClustersPage *>()->findChild<QComboBox *>();
        QTRY_COMPARE_WITH_TIMEOUT(combo->count(), 2, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(
            combo->itemData(combo->findText(QStringLiteral("old-staging")), Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Could not connect")),
            10000);
        QVERIFY(combo->itemData(combo->findText(QStringLiteral("meshdeck-demo")), Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("v1.32")));

        // Switching to the dead context says why it failed; the tree empties.
        const int dead = combo->findText(QStringLiteral("old-staging"));
        combo->setCurrentIndex(dead);
        emit combo->activated(dead);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.connectionState()->state() == ConnectionState::State::Failed, 10000);
        QVERIFY(window.connectionState()->detail().contains(QStringLiteral("Could not connect")));
        QCOMPARE(window.resourceTree()->rowCount(), 0);
    }
};

QTEST_MAIN(tst_ClustersPage)
#include "tst_clusterspage.moc"
