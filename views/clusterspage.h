#pragma once

#include <QJsonObject>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTreeView;
class QTreeWidget;

namespace Meshdeck {

class ConnectionState;
class EmptyStatePage;
class ResourceTreeModel;

// The Clusters page: the kubeconfig's contexts, the connection state, and a live tree of
// namespaces, workloads and pods (filter by namespace and name) with the selected object's YAML
// and events beside it. Before any context is connected it shows what to do.
class ClustersPage : public QWidget
{
    Q_OBJECT

public:
    using EventsProvider = std::function<QList<QJsonObject>(const QString &uid)>;

    ClustersPage(ResourceTreeModel *model, ConnectionState *state, QWidget *parent = nullptr);

    void setContexts(const QStringList &contexts, const QString &current, const QString &loadError);
    void setEventsProvider(EventsProvider provider);
    void refreshEvents();
    [[nodiscard]] QTreeView *tree() const { return m_tree; }

Q_SIGNALS:
    void contextSelected(const QString &context);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateState();
    void updateNamespaces();
    void showDetails();

    ResourceTreeModel *m_model;
    ConnectionState *m_state;
    EventsProvider m_events;
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
    QString m_loadError;
};

} // namespace Meshdeck
