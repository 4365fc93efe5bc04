#pragma once

#include <topology/graph.h>

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace Meshdeck {

class ConfigChecksModel;

class FileWriter;

class EmptyStatePage;
class TopologyController;
class TopologyView;
class Sparkline;

// How traffic flows between services right now: the graph with health colours and edge labels,
// graph type, namespace, time window and refresh interval, find and hide expressions, a side
// panel for the selected node or edge, and PNG/SVG export. A problem (no Prometheus, a failing
// query) shows as a banner above the last good graph.
class TopologyPage : public QWidget
{
    Q_OBJECT

public:
    explicit TopologyPage(TopologyController *controller, QWidget *parent = nullptr);

    [[nodiscard]] TopologyView *view() const { return m_view; }
    [[nodiscard]] QLabel *banner() const { return m_banner; }
    [[nodiscard]] QLabel *details() const { return m_details; }
    [[nodiscard]] QLineEdit *findEdit() const { return m_find; }
    [[nodiscard]] QLineEdit *hideEdit() const { return m_hide; }
    [[nodiscard]] const Topology::Graph &graph() const { return m_graph; }
    [[nodiscard]] Sparkline *rateSparkline() const { return m_rateSpark; }
    // Writes the graph as PNG or SVG (by the name) off the GUI thread; the status line says
    // where it went, or why not (fileWriter()'s written() follows).
    void exportGraph(const QString &path);
    // The configuration checks whose findings badge the nodes they concern.
    void setChecksModel(ConfigChecksModel *model);
    [[nodiscard]] FileWriter *fileWriter() const { return m_files; }

Q_SIGNALS:
    void clustersRequested();
    // Route Traffic… on a node: the Service (ns, name) whose routing the user wants to change.
    void routeTrafficRequested(const QString &ns, const QString &service);
    void graphShown(); // a refreshed graph is on screen

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void onGraph(const Topology::Graph &graph, const QString &problem, int promql, qint64 ms);
    void sendRequest();
    void applyFindAndHide();
    void showDetails(int node, int edge);
    void updateNamespaces();
    void requestHistory(int node, int edge);
    // What a node's or an edge's routing badges mean, in words.
    [[nodiscard]] static QStringList routingTexts(const Topology::RoutingBadges &badges);
    // Marks the nodes the configuration checks found something about, and the edges whose
    // routing they concern.
    [[nodiscard]] Topology::Graph withFindings(Topology::Graph graph) const;

    TopologyController *m_controller;
    Topology::Graph m_graph;
    QString m_refreshed; // "updated … · N PromQL queries, M ms" of the last refresh
    ConfigChecksModel *m_checks = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyStatePage *m_empty = nullptr;
    QWidget *m_content = nullptr;
    TopologyView *m_view = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_status = nullptr;
    FileWriter *m_files = nullptr;
    QLabel *m_typeLabel = nullptr, *m_nsLabel = nullptr, *m_windowLabel = nullptr,
           *m_refreshLabel = nullptr, *m_edgeLabel = nullptr, *m_findLabel = nullptr,
           *m_hideLabel = nullptr;
    QComboBox *m_type = nullptr;
    QComboBox *m_namespace = nullptr;
    QComboBox *m_window = nullptr;
    QComboBox *m_interval = nullptr;
    QComboBox *m_edgeText = nullptr;
    QCheckBox *m_idle = nullptr;
    QComboBox *m_layout = nullptr;
    QCheckBox *m_animate = nullptr;
    QLabel *m_layoutLabel = nullptr;
    Sparkline *m_rateSpark = nullptr;
    Sparkline *m_errorSpark = nullptr;
    Sparkline *m_p99Spark = nullptr;
    QString m_historyKey;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_fit = nullptr;
    QPushButton *m_export = nullptr;
    QLineEdit *m_find = nullptr;
    QLineEdit *m_hide = nullptr;
    QString m_problem;
    QString m_filterError;
    bool m_shownOnce = false;
};

} // namespace Meshdeck
