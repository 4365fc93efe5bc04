#pragma once

#include <QHash>
#include <QJsonObject>
#include <QPair>
#include <QPersistentModelIndex>
#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTreeView;
class QTreeWidget;

namespace Meshdeck {

class ConnectionState;
class EmptyStatePage;
class PodShellPanel;
class PortForwardModel;
class PortForwardPanel;
class ResourceTreeModel;

// The Clusters page: the kubeconfig's contexts, the connection state, and a live tree of
// namespaces, workloads and pods (filter by namespace and name) with the selected object's YAML
// and events beside it. Before any context is connected it shows what to do.
class ClustersPage : public QWidget
{
    Q_OBJECT

public:
    using EventsProvider = std::function<QList<QJsonObject>(const QString &uid)>;
    // The Services of `ns` whose selector takes pods with these labels.
    using ServicesProvider
        = std::function<QStringList(const QString &ns, const QJsonObject &podLabels)>;

    ClustersPage(ResourceTreeModel *model, ConnectionState *state, QWidget *parent = nullptr);

    // status: context -> (reachable, Kubernetes version or why not); contexts not probed yet are
    // missing.
    void setContexts(const QStringList &contexts, const QString &current, const QString &loadError,
                     const QHash<QString, QPair<bool, QString>> &status = {});
    void setEventsProvider(EventsProvider provider);
    // Right-click a pod or workload: Route Traffic to each Service in front of it.
    void setServicesProvider(ServicesProvider provider) { m_services = std::move(provider); }
    void refreshEvents();
    void appendLogs(const QString &text);
    void logsFinished(const QString &error);
    [[nodiscard]] QTreeView *tree() const { return m_tree; }
    // The Port Forwards tab shows this model's forwards.
    void setPortForwards(PortForwardModel *forwards);
    [[nodiscard]] PodShellPanel *shellPanel() const { return m_shell; }
    // Asks where to forward (prefilled with the pod's namespace, name and first port).
    void askForward(const QJsonObject &pod = {});
    // The tree's context menu for a row of the model (null: none): a pod's Open Shell and
    // Forward Port…, and for pods and workloads Route Traffic to each Service in front of them.
    [[nodiscard]] QMenu *contextMenu(const QModelIndex &index);

Q_SIGNALS:
    void contextSelected(const QString &context);
    // The selection is a pod: follow this container's log.
    void logsRequested(const QString &ns, const QString &pod, const QString &container);
    void logsNotNeeded();
    // Shell tab: start a terminal on a container, its bytes and size, or end it.
    void shellRequested(const QString &ns, const QString &pod, const QString &container,
                        const QStringList &command);
    void shellStopRequested();
    void shellInput(const QByteArray &bytes);
    void shellResized(int columns, int rows);
    // kind "pod" or "service"; localPort 0: any free port
    void forwardRequested(const QString &ns, const QString &kind, const QString &name,
                          int localPort, int remotePort);
    void routeTrafficRequested(const QString &ns, const QString &service);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void updateState();
    void updateNamespaces();
    void showDetails();
    void requestLogs();
    void findInLogs(bool backwards);
    void updateLogStatus();
    void elideStatus();
    void fitColumns();
    void rememberExpanded(const QModelIndex &proxyParent);
    void dropHiddenDetails();
    void showTreeMenu(const QPoint &at);

    ResourceTreeModel *m_model;
    ConnectionState *m_state;
    EventsProvider m_events;
    ServicesProvider m_services;
    QStackedWidget *m_stack = nullptr;
    EmptyStatePage *m_empty = nullptr;
    QLabel *m_contextLabel = nullptr;
    QComboBox *m_context = nullptr;
    QLabel *m_status = nullptr;
    QComboBox *m_namespace = nullptr;
    QLineEdit *m_search = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTreeView *m_tree = nullptr;
    QTabWidget *m_details = nullptr;
    QPlainTextEdit *m_yaml = nullptr;
    QTreeWidget *m_eventList = nullptr;
    QWidget *m_logsTab = nullptr;
    QComboBox *m_container = nullptr;
    QCheckBox *m_follow = nullptr;
    QLineEdit *m_logSearch = nullptr;
    QLabel *m_logStatus = nullptr;
    QPlainTextEdit *m_logs = nullptr;
    PodShellPanel *m_shell = nullptr;
    PortForwardPanel *m_forwards = nullptr;
    QString m_logPod; // "ns/pod/container" being followed
    QString m_loadError;
    QString m_statusText; // whole; the label shows it elided
    QSplitter *m_split = nullptr;
    bool m_sized = false;
    QCheckBox *m_wrap = nullptr;
    bool m_filtering = false;
    QList<QPersistentModelIndex> m_expandedBeforeFilter; // source indexes
};

} // namespace Meshdeck
