#pragma once

#include <models/pageid.h>

#include <kube/clustersession.h>

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QMenu;
class QStackedWidget;

namespace Meshdeck {

namespace Kube {
class KubeClient;
}

class ClusterController;
class PodShellSession;
class PortForwardModel;
class TrafficDialog;
class ConfigChecksModel;
class ClustersPage;
class PerformancePage;
class ResultsPage;
class OverheadController;
class RunController;
class TopologyController;
class LifecycleController;
class ResultsController;
class LifecyclePage;
class TopologyPage;
class ConnectionIndicator;
class ConnectionState;
class ResourceTreeModel;
class NavigationModel;
class NavigationRail;
class Preferences;

// The application window: navigation rail on the left, the current page on the right, the
// connection state in the status bar. Remembers geometry and the last page in Preferences.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Preferences *preferences, QWidget *parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] PageId currentPage() const;
    void setCurrentPage(PageId page);
    [[nodiscard]] QWidget *pageWidget(PageId page) const;
    [[nodiscard]] ConnectionState *connectionState() const { return m_connection; }

    // Whether closing the window writes geometry and state back to Preferences (off for
    // --screenshot renders).
    void setPersistState(bool on) { m_persistState = on; }

    void showAbout();
    // Connects the Clusters page: the kubeconfig (empty: $KUBECONFIG or ~/.kube/config) and
    // context (empty: its current one), or the embedded demo cluster.
    void startClusters(const QString &kubeconfig, const QString &context, bool demo);
    [[nodiscard]] ResourceTreeModel *resourceTree() const { return m_resources; }
    [[nodiscard]] ResultsController *resultsController() const { return m_results; }
    // The connected context's session (null before one connects).
    [[nodiscard]] Kube::ClusterSessionPtr session() const { return m_session; }
    // An add-on's web UI through a port forward to its Service (reused when one exists).
    void openDashboard(const QString &ns, const QString &service, int port, const QString &path);
    // Opens the results database (runs, profiles) for the Performance and Results pages. A
    // damaged, locked or newer file is explained on the Results page.
    void openResults(const QString &path);
    [[nodiscard]] RunController *runController() const { return m_runs; }
    [[nodiscard]] TopologyController *topologyController() const { return m_topology; }

Q_SIGNALS:
    void currentPageChanged(Meshdeck::PageId page);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

public:
    // Route Traffic… for a Service: the dialog, prefilled from the cluster's objects.
    void openTrafficDialog(const QString &ns, const QString &service);
    [[nodiscard]] TrafficDialog *trafficDialog() const;

private:
    void createPages();
    void createMenus();
    void retranslate();
    void restoreFromPreferences();
    void toggleFullScreen();

    Preferences *m_preferences;
    ConnectionState *m_connection;
    NavigationModel *m_navigation;
    ResourceTreeModel *m_resources;
    ClusterController *m_clusters = nullptr;
    PodShellSession *m_shell = nullptr;
    PortForwardModel *m_forwards = nullptr;
    Kube::ClusterSessionPtr m_session; // the connected context's
    QPointer<TrafficDialog> m_trafficDialog;
    std::shared_ptr<Kube::KubeClient> m_streamClient; // the connected context's, for streams
    ClustersPage *m_clustersPage = nullptr;
    PerformancePage *m_performancePage = nullptr;
    ResultsPage *m_resultsPage = nullptr;
    RunController *m_runs = nullptr;
    OverheadController *m_overhead = nullptr;
    TopologyController *m_topology = nullptr;
    LifecycleController *m_lifecycle = nullptr;
    ConfigChecksModel *m_checks = nullptr;
    ResultsController *m_results = nullptr;
    LifecyclePage *m_lifecyclePage = nullptr;
    TopologyPage *m_topologyPage = nullptr;
    NavigationRail *m_rail = nullptr;
    QStackedWidget *m_stack = nullptr;
    ConnectionIndicator *m_indicator = nullptr;
    bool m_persistState = true;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_preferencesAction = nullptr;
    QAction *m_fullScreen = nullptr;
    QAction *m_about = nullptr;
    QAction *m_aboutQt = nullptr;
    QList<QAction *> m_pageActions;
};

} // namespace Meshdeck
