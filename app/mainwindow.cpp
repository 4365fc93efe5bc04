#include "mainwindow.h"
#include <QMessageBox>
#include <views/trafficdialog.h>

#include <core/httpengine.h>
#include <kube/clustersession.h>
#include <kube/kubeclient.h>
#include <models/podshellsession.h>
#include <models/portforwardmodel.h>
#include <views/podshellpanel.h>

#include "clustercontroller.h"
#include "versioninfo.h"

#include <models/configchecksmodel.h>
#include <models/connectionstate.h>
#include <models/lifecyclecontroller.h>
#include <models/navigationmodel.h>
#include <models/overheadcontroller.h>
#include <models/preferences.h>
#include <models/resourcetreemodel.h>
#include <models/resultscontroller.h>
#include <models/runcontroller.h>
#include <models/topologycontroller.h>
#include <views/aboutdialog.h>
#include <views/clusterspage.h>
#include <views/connectionindicator.h>
#include <views/emptystatepage.h>
#include <views/lifecyclepage.h>
#include <views/navigationrail.h>
#include <views/pageemptystates.h>
#include <views/performancepage.h>
#include <views/resultspage.h>
#include <views/settingspage.h>
#include <views/topologypage.h>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QFrame>
#include <QHBoxLayout>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>

namespace Meshdeck {

namespace {
// The platform's binding for a standard key, or a fallback where the platform defines none
// (Preferences and Full Screen have none on several Linux platforms).
QList<QKeySequence> standardOr(QKeySequence::StandardKey key, const QKeySequence &fallback)
{
    QList<QKeySequence> bindings = QKeySequence::keyBindings(key);
    if (bindings.isEmpty())
        bindings << fallback;
    return bindings;
}
} // namespace

MainWindow::MainWindow(Preferences *preferences, QWidget *parent)
    : QMainWindow(parent)
    , m_preferences(preferences)
    , m_connection(new ConnectionState(this))
    , m_navigation(new NavigationModel(this))
    , m_resources(new ResourceTreeModel(this))
    , m_runs(new RunController(this))
    , m_overhead(new OverheadController(this))
    , m_topology(new TopologyController(this))
    , m_lifecycle(new LifecycleController(this))
    , m_checks(new ConfigChecksModel(this))
    , m_results(new ResultsController(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/io.meshdeck.Meshdeck.svg")));
    setMinimumSize(800, 560);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_rail = new NavigationRail(m_navigation, central);
    auto *divider = new QFrame(central);
    divider->setFrameShape(QFrame::VLine);
    divider->setFrameShadow(QFrame::Plain);
    divider->setForegroundRole(QPalette::Mid);
    m_stack = new QStackedWidget(central);
    layout->addWidget(m_rail);
    layout->addWidget(divider);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    createPages();
    createMenus();

    m_indicator = new ConnectionIndicator(m_connection, this);
    statusBar()->addWidget(m_indicator, 1);
    statusBar()->setSizeGripEnabled(true);

    connect(m_rail, &NavigationRail::pageSelected, this, &MainWindow::setCurrentPage);
    // Runs and the operations history are saved where the results database opened writable.
    connect(m_results, &ResultsController::opened, this,
            [this](const QString &path, bool writable) {
                m_runs->setStorePath(writable ? path : QString());
                m_overhead->setStorePath(writable ? path : QString());
                m_lifecycle->setHistoryPath(writable ? path : QString());
            });

    retranslate();
    restoreFromPreferences();
}

MainWindow::~MainWindow()
{
    // The cluster controller ends its connection on deletion and says so (sessionStarted with
    // no session); the handlers of that signal use this window's members, so it must go while
    // they still exist, not among the children after them.
    delete m_clusters;
    m_clusters = nullptr;
}

void MainWindow::createPages()
{
    for (int i = 0; i < int(PageId::PageCount); ++i) {
        const PageId page = PageId(i);
        QWidget *widget = nullptr;
        if (page == PageId::Settings) {
            widget = new SettingsPage(m_preferences, m_stack);
        } else if (page == PageId::Clusters) {
            m_clustersPage = new ClustersPage(m_resources, m_connection, m_stack);
            widget = m_clustersPage;
        } else if (page == PageId::Topology) {
            m_topologyPage = new TopologyPage(m_topology, m_stack);
            m_topologyPage->setChecksModel(m_checks);
            connect(m_topologyPage, &TopologyPage::routeTrafficRequested, this,
                    &MainWindow::openTrafficDialog);
            connect(m_topologyPage, &TopologyPage::clustersRequested, this,
                    [this] { setCurrentPage(PageId::Clusters); });
            widget = m_topologyPage;
        } else if (page == PageId::Lifecycle) {
            m_lifecyclePage = new LifecyclePage(m_lifecycle, m_stack);
            m_lifecyclePage->setHistorySource(m_results);
            m_lifecyclePage->setChecksModel(m_checks);
            connect(m_lifecyclePage, &LifecyclePage::clustersRequested, this,
                    [this] { setCurrentPage(PageId::Clusters); });
            connect(m_lifecyclePage, &LifecyclePage::topologyRequested, this,
                    [this] { setCurrentPage(PageId::Topology); });
            connect(m_lifecyclePage, &LifecyclePage::dashboardRequested, this,
                    &MainWindow::openDashboard);
            widget = m_lifecyclePage;
        } else if (page == PageId::Performance) {
            m_performancePage = new PerformancePage(m_runs, m_stack);
            m_performancePage->setResultsController(m_results);
            m_performancePage->setOverheadController(m_overhead);
            connect(m_performancePage, &PerformancePage::resultsRequested, this,
                    [this] { setCurrentPage(PageId::Results); });
            m_performancePage->setEnvironmentProvider([this] {
                Perf::RunEnvironment env;
                if (m_connection->state() == ConnectionState::State::Connected) {
                    env.context = m_connection->contextName();
                    env.kubernetesVersion = m_connection->detail();
                }
                return env;
            });
            widget = m_performancePage;
        } else if (page == PageId::Results) {
            m_resultsPage = new ResultsPage(m_results, m_stack);
            connect(m_resultsPage, &ResultsPage::performanceRequested, this,
                    [this] { setCurrentPage(PageId::Performance); });
            connect(m_runs, &RunController::finished, m_resultsPage, &ResultsPage::reload);
            connect(m_overhead, &OverheadController::finished, m_resultsPage, &ResultsPage::reload);
            widget = m_resultsPage;
        } else {
            auto *empty
                = new EmptyStatePage([page] { return PageEmptyStates::forPage(page); }, m_stack);
            const PageId target = page == PageId::Results ? PageId::Performance : PageId::Clusters;
            connect(empty, &EmptyStatePage::actionTriggered, this,
                    [this, target] { setCurrentPage(target); });
            widget = empty;
        }
        widget->setObjectName(pageKey(page) + QStringLiteral("Page"));
        m_stack->addWidget(widget);
    }
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_quit = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quit->setShortcuts(standardOr(QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q)));
    m_quit->setMenuRole(QAction::QuitRole);

    m_editMenu = menuBar()->addMenu(QString());
    m_preferencesAction
        = m_editMenu->addAction(QString(), this, [this] { setCurrentPage(PageId::Settings); });
    m_preferencesAction->setShortcuts(
        standardOr(QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma)));
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);

    m_viewMenu = menuBar()->addMenu(QString());
    auto *group = new QActionGroup(this);
    for (int i = 0; i < int(PageId::PageCount); ++i) {
        const PageId page = PageId(i);
        QAction *action
            = m_viewMenu->addAction(QString(), this, [this, page] { setCurrentPage(page); });
        action->setCheckable(true);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        group->addAction(action);
        m_pageActions << action;
    }
    m_viewMenu->addSeparator();
    m_fullScreen = m_viewMenu->addAction(QString(), this, &MainWindow::toggleFullScreen);
    m_fullScreen->setCheckable(true);
    m_fullScreen->setShortcuts(standardOr(QKeySequence::FullScreen, QKeySequence(Qt::Key_F11)));

    m_helpMenu = menuBar()->addMenu(QString());
    m_about = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
    m_about->setMenuRole(QAction::AboutRole);
    m_aboutQt = m_helpMenu->addAction(QString(), qApp, &QApplication::aboutQt);
    m_aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Meshdeck"));
    m_fileMenu->setTitle(tr("&File"));
    m_quit->setText(tr("&Quit"));
    m_editMenu->setTitle(tr("&Edit"));
    m_preferencesAction->setText(tr("&Preferences…"));
    m_viewMenu->setTitle(tr("&View"));
    for (int i = 0; i < m_pageActions.size(); ++i)
        m_pageActions[i]->setText(NavigationModel::title(PageId(i)));
    m_fullScreen->setText(tr("&Full Screen"));
    m_helpMenu->setTitle(tr("&Help"));
    m_about->setText(tr("&About Meshdeck"));
    m_aboutQt->setText(tr("About &Qt"));
    m_navigation->retranslate();
}

void MainWindow::restoreFromPreferences()
{
    if (!restoreGeometry(m_preferences->windowGeometry()))
        resize(1280, 800);
    restoreState(m_preferences->windowState());
    setCurrentPage(m_preferences->restoreLastPage() ? m_preferences->lastPage() : PageId::Clusters);
}

PageId MainWindow::currentPage() const
{
    return PageId(m_stack->currentIndex());
}

void MainWindow::setCurrentPage(PageId page)
{
    if (page == PageId::PageCount)
        return;
    const bool changed = m_stack->currentIndex() != int(page);
    m_stack->setCurrentIndex(int(page));
    m_rail->setCurrentPage(page);
    m_pageActions.value(int(page))->setChecked(true);
    if (changed) {
        if (m_persistState)
            m_preferences->setLastPage(page);
        emit currentPageChanged(page);
    }
}

QWidget *MainWindow::pageWidget(PageId page) const
{
    return m_stack->widget(int(page));
}

void MainWindow::startClusters(const QString &kubeconfig, const QString &context, bool demo)
{
    if (m_clusters)
        return;
    m_clusters = new ClusterController(m_connection, m_resources, this);
    connect(m_clusters, &ClusterController::contextsChanged, this, [this] {
        m_clustersPage->setContexts(m_clusters->contexts(), m_clusters->currentContext(),
                                    m_clusters->loadError(), m_clusters->contextStatus());
    });
    connect(m_clusters, &ClusterController::eventsChanged, m_clustersPage,
            &ClustersPage::refreshEvents);
    connect(m_clustersPage, &ClustersPage::contextSelected, m_clusters,
            &ClusterController::switchContext);
    connect(m_clustersPage, &ClustersPage::logsRequested, m_clusters,
            &ClusterController::followLogs);
    connect(m_clustersPage, &ClustersPage::logsNotNeeded, m_clusters, &ClusterController::stopLogs);
    connect(m_clusters, &ClusterController::logsAppended, m_clustersPage,
            &ClustersPage::appendLogs);
    connect(m_clusters, &ClusterController::logsFinished, m_clustersPage,
            &ClustersPage::logsFinished);
    m_clustersPage->setServicesProvider([this](const QString &ns, const QJsonObject &labels) {
        QStringList out;
        if (!m_session)
            return out;
        for (const QJsonObject &svc : m_session->cachedObjects(QString(), QStringLiteral("Service"))
                                          .value_or(QList<QJsonObject> {})) {
            const QJsonObject md = svc.value(QLatin1String("metadata")).toObject();
            const QJsonObject selector = svc.value(QLatin1String("spec"))
                                             .toObject()
                                             .value(QLatin1String("selector"))
                                             .toObject();
            if (md.value(QLatin1String("namespace")).toString() != ns || selector.isEmpty())
                continue;
            bool selects = true;
            for (auto it = selector.begin(); it != selector.end() && selects; ++it)
                selects = labels.value(it.key()) == it.value();
            if (selects)
                out << md.value(QLatin1String("name")).toString();
        }
        out.sort();
        return out;
    });
    connect(m_clustersPage, &ClustersPage::routeTrafficRequested, this,
            &MainWindow::openTrafficDialog);
    m_clustersPage->setEventsProvider(
        [this](const QString &uid) { return m_clusters->eventsFor(uid); });
    connect(m_clusters, &ClusterController::contextSwitched, this,
            [this, demo](const QString &name) {
                if (m_persistState && !demo)
                    m_preferences->setLastContext(name);
            });
    // Shell and port forwards: on threads of their own, ended with the connection.
    m_shell = new PodShellSession(this);
    m_forwards = new PortForwardModel(this);
    m_clustersPage->setPortForwards(m_forwards);
    connect(m_forwards, &PortForwardModel::openRequested, this, [this](const QUrl &url) {
        QDesktopServices::openUrl(url);
        if (m_lifecyclePage)
            m_lifecyclePage->showDashboardState(
                tr("Opened %1 in the browser. The forward stays on the Clusters page under Port "
                   "Forwards until stopped or disconnected.")
                    .arg(url.toString()));
    });
    connect(m_forwards, &PortForwardModel::openFailed, this,
            [this](const QString &target, const QString &error) {
                if (m_lifecyclePage)
                    m_lifecyclePage->showDashboardState(
                        tr("Could not forward %1: %2").arg(target, error));
            });
    connect(m_clusters, &ClusterController::sessionStarted, this,
            [this](const Kube::ClusterSessionPtr &session) {
                m_shell->stop();
                m_forwards->stopAll();
                // A client of their own, on an engine of its own: the session's engine must end
                // with the session (its transfers call back into the session's informers).
                m_streamClient = session ? std::make_shared<Kube::KubeClient>(
                                     session->client()->context(), std::make_shared<HttpEngine>())
                                         : nullptr;
            });
    connect(m_clustersPage, &ClustersPage::shellRequested, this,
            [this](const QString &ns, const QString &pod, const QString &container,
                   const QStringList &command) {
                Kube::PodExec::Spec spec;
                spec.ns = ns;
                spec.pod = pod;
                spec.container = container;
                spec.command = command;
                spec.stdinOpen = true;
                spec.tty = true;
                if (!m_streamClient)
                    return m_clustersPage->shellPanel()->finished(
                        -1, tr("Not connected: choose a context first."));
                m_shell->start(m_streamClient, spec);
            });
    connect(m_clustersPage, &ClustersPage::shellStopRequested, m_shell, &PodShellSession::stop);
    connect(m_clustersPage, &ClustersPage::shellInput, m_shell, &PodShellSession::write);
    connect(m_clustersPage, &ClustersPage::shellResized, m_shell, &PodShellSession::resize);
    connect(m_shell, &PodShellSession::opened, m_clustersPage->shellPanel(),
            &PodShellPanel::opened);
    connect(m_shell, &PodShellSession::output, m_clustersPage->shellPanel(),
            &PodShellPanel::output);
    connect(m_shell, &PodShellSession::finished, m_clustersPage->shellPanel(),
            &PodShellPanel::finished);
    connect(
        m_clustersPage, &ClustersPage::forwardRequested, this,
        [this](const QString &ns, const QString &kind, const QString &name, int local, int remote) {
            if (!m_streamClient)
                return;
            Kube::PortForwarder::Spec spec;
            spec.ns = ns;
            spec.kind = kind;
            spec.name = name;
            spec.localPort = quint16(local);
            spec.remotePort = remote;
            m_forwards->add(m_streamClient, spec);
        });
    connect(m_clusters, &ClusterController::sessionStarted, m_topology,
            &TopologyController::setSession);
    connect(m_clusters, &ClusterController::sessionStarted, m_runs, &RunController::setSession);
    connect(m_clusters, &ClusterController::sessionStarted, m_overhead,
            &OverheadController::setSession);
    connect(m_clusters, &ClusterController::sessionStarted, m_lifecycle,
            &LifecycleController::setSession);
    connect(m_clusters, &ClusterController::sessionStarted, m_checks,
            &ConfigChecksModel::setSession);
    connect(m_clusters, &ClusterController::sessionStarted, this,
            [this](const Kube::ClusterSessionPtr &session) { m_session = session; });
    connect(m_clusters, &ClusterController::objectsChanged, m_checks,
            &ConfigChecksModel::scheduleRefresh);
    connect(m_clusters, &ClusterController::objectsChanged, m_lifecycle,
            &LifecycleController::scheduleDetect);
    connect(m_clusters, &ClusterController::demoStarted, this,
            [this](const QString &direct, const QString &mesh) {
                m_performancePage->setSuggestedTargets(
                    {{tr("demo Bookinfo productpage"), direct},
                     {tr("demo Bookinfo productpage through sidecars"), mesh}});
            });
    if (demo)
        m_clusters->useDemo();
    else
        m_clusters->load(kubeconfig, context.isEmpty() ? m_preferences->lastContext() : context);
}

void MainWindow::openDashboard(const QString &ns, const QString &service, int port,
                               const QString &path)
{
    if (!m_streamClient || !m_forwards) {
        if (m_lifecyclePage)
            m_lifecyclePage->showDashboardState(tr("Not connected: choose a context first."));
        return;
    }
    Kube::PortForwarder::Spec spec;
    spec.ns = ns;
    spec.kind = QStringLiteral("service");
    spec.name = service;
    spec.remotePort = port;
    m_forwards->openInBrowser(m_streamClient, spec, path);
}

void MainWindow::openResults(const QString &path)
{
    // Opened on the results worker (a migration or another program's lock takes time); runs
    // are saved there once it is writable.
    m_results->open(path);
}

void MainWindow::showAbout()
{
    AboutDialog dialog(VersionInfo::applicationVersion(), VersionInfo::components(), this);
    dialog.exec();
}

void MainWindow::toggleFullScreen()
{
    setWindowState(windowState() ^ Qt::WindowFullScreen);
    m_fullScreen->setChecked(isFullScreen());
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::WindowStateChange && m_fullScreen)
        m_fullScreen->setChecked(isFullScreen());
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_persistState) {
        m_preferences->setWindowGeometry(saveGeometry());
        m_preferences->setWindowState(saveState());
        m_preferences->setLastPage(currentPage());
        m_preferences->sync();
    }
    event->accept();
}

TrafficDialog *MainWindow::trafficDialog() const
{
    return m_trafficDialog;
}

void MainWindow::openTrafficDialog(const QString &ns, const QString &service)
{
    if (!m_session)
        return;
    const auto virtualServices = m_session->cachedObjects(QStringLiteral("networking.istio.io"),
                                                          QStringLiteral("VirtualService"));
    const auto httpRoutes = m_session->cachedObjects(QStringLiteral("gateway.networking.k8s.io"),
                                                     QStringLiteral("HTTPRoute"));
    if (!virtualServices && !httpRoutes) {
        QMessageBox::information(
            this, tr("Route Traffic"),
            tr("Routing %1 needs Istio's networking.istio.io/v1 kinds (VirtualService, "
               "DestinationRule) or the Gateway API's HTTPRoute (gateway.networking.k8s.io/v1), "
               "and this cluster serves neither. Install Istio, or Linkerd with the Gateway "
               "API's CRDs, on the Lifecycle page first.")
                .arg(service));
        return;
    }
    const auto named = [&](const std::optional<QList<QJsonObject>> &list) {
        for (const QJsonObject &o : list.value_or(QList<QJsonObject> {})) {
            const QJsonObject md = o.value(QLatin1String("metadata")).toObject();
            if (md.value(QLatin1String("namespace")).toString() == ns
                && md.value(QLatin1String("name")).toString() == service)
                return o;
        }
        return QJsonObject();
    };
    const QJsonObject vs = named(virtualServices);
    const QJsonObject dr = named(m_session->cachedObjects(QStringLiteral("networking.istio.io"),
                                                          QStringLiteral("DestinationRule")));
    Mesh::TrafficPolicy policy = Mesh::TrafficPolicy::fromObjects(ns, service, vs, dr);
    if (policy.subsets.isEmpty()) {
        // No subsets yet: one per version the Service's pods carry.
        const QJsonObject svc
            = named(m_session->cachedObjects(QString(), QStringLiteral("Service")));
        QMap<QString, QString> selector;
        const QJsonObject sel = svc.value(QLatin1String("spec"))
                                    .toObject()
                                    .value(QLatin1String("selector"))
                                    .toObject();
        for (auto it = sel.begin(); it != sel.end(); ++it)
            selector.insert(it.key(), it.value().toString());
        QList<QJsonObject> pods;
        for (const QJsonObject &pod : m_session->cachedObjects(QString(), QStringLiteral("Pod"))
                                          .value_or(QList<QJsonObject> {}))
            if (pod.value(QLatin1String("metadata")).toObject().value(QLatin1String("namespace"))
                == ns)
                pods << pod;
        policy.subsets = Mesh::TrafficPolicy::subsetsFromPods(pods, selector);
    }
    // The Gateway API's form: the Service's selector and ports for the versions' Services;
    // Meshdeck's HTTPRoute read back, and chosen when there is no Istio (or it is the form
    // in use).
    const QJsonObject svc = named(m_session->cachedObjects(QString(), QStringLiteral("Service")));
    const QJsonObject svcSpec = svc.value(QLatin1String("spec")).toObject();
    const QJsonObject sel = svcSpec.value(QLatin1String("selector")).toObject();
    for (auto it = sel.begin(); it != sel.end(); ++it)
        policy.selector.insert(it.key(), it.value().toString());
    policy.ports = svcSpec.value(QLatin1String("ports")).toArray();
    const QJsonObject route = named(httpRoutes);
    const bool routeIsMeshdecks = Mesh::TrafficPolicy::isMeshdecks(route);
    QList<QJsonObject> existingGateway;
    for (const QJsonObject &o : m_session->cachedObjects(QString(), QStringLiteral("Service"))
                                    .value_or(QList<QJsonObject> {})) {
        const QJsonObject md = o.value(QLatin1String("metadata")).toObject();
        if (md.value(QLatin1String("namespace")).toString() == ns
            && md.value(QLatin1String("labels"))
                    .toObject()
                    .value(QLatin1String("meshdeck.io/version-of"))
                == service)
            existingGateway << o;
    }
    if (!route.isEmpty())
        existingGateway << route;
    if (!virtualServices || (vs.isEmpty() && routeIsMeshdecks)) {
        const QList<Mesh::TrafficPolicy::Subset> versions = policy.subsets;
        policy = routeIsMeshdecks ? Mesh::TrafficPolicy::fromHttpRoute(policy, route) : policy;
        policy.flavor = Mesh::TrafficPolicy::Flavor::GatewayApi;
        if (policy.subsets.isEmpty())
            policy.subsets = versions;
    }
    auto *dialog = new TrafficDialog(policy, vs, dr, this);
    dialog->setFlavors(virtualServices.has_value(), httpRoutes.has_value(), existingGateway);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &TrafficDialog::applyRequested, this,
            [this, dialog](const Mesh::TrafficPolicy &p, bool force) {
                if (m_lifecycle->busy()) {
                    dialog->showResult(false, false,
                                       tr("Another operation is running; apply again when it "
                                          "has ended (Lifecycle page)."));
                    return;
                }
                m_lifecycle->applyTraffic(p, force);
            });
    connect(dialog, &TrafficDialog::removeRequested, this,
            [this, dialog](const QString &n, const QString &s) {
                if (m_lifecycle->busy()) {
                    dialog->showResult(false, false,
                                       tr("Another operation is running; try again when it has "
                                          "ended (Lifecycle page)."));
                    return;
                }
                m_lifecycle->removeTraffic(n, s);
            });
    connect(m_lifecycle, &LifecycleController::trafficFinished, dialog, &TrafficDialog::showResult);
    connect(m_lifecycle, &LifecycleController::trafficAccessChecked, dialog,
            [dialog, ns](const QString &checked, bool allowed, const QString &reason) {
                if (checked == ns)
                    dialog->setAccess(allowed, reason);
            });
    m_lifecycle->checkTrafficAccess(ns, policy.flavor == Mesh::TrafficPolicy::Flavor::GatewayApi);
    dialog->show();
    m_trafficDialog = dialog;
}

} // namespace Meshdeck
