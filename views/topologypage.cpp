#include "topologypage.h"

#include "emptystatepage.h"
#include "pageemptystates.h"
#include "sparkline.h"
#include "topologyview.h"

#include <models/configchecksmodel.h>
#include <models/filewriter.h>
#include <models/topologycontroller.h>
#include <topology/graphfilter.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace Meshdeck {

using namespace Topology;

TopologyPage::TopologyPage(TopologyController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_files(new FileWriter(this))
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);
    m_empty
        = new EmptyStatePage([] { return PageEmptyStates::forPage(PageId::Topology); }, m_stack);
    connect(m_empty, &EmptyStatePage::actionTriggered, this, &TopologyPage::clustersRequested);
    m_stack->addWidget(m_empty);

    m_content = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(12, 8, 12, 8);
    auto *row1 = new QHBoxLayout;
    const auto labelled = [&](QLabel *&label, QWidget *field, QHBoxLayout *row) {
        label = new QLabel(m_content);
        label->setBuddy(field);
        row->addWidget(label);
        row->addWidget(field);
    };
    m_type = new QComboBox(m_content);
    m_namespace = new QComboBox(m_content);
    m_namespace->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_window = new QComboBox(m_content);
    for (const int s : {60, 300, 600, 1800, 3600})
        m_window->addItem(s < 3600 ? QStringLiteral("%1 min").arg(s / 60) : QStringLiteral("1 h"),
                          s);
    m_interval = new QComboBox(m_content);
    m_edgeText = new QComboBox(m_content);
    for (QComboBox *box : {m_type, m_window, m_interval, m_edgeText})
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_idle = new QCheckBox(m_content);
    m_animate = new QCheckBox(m_content);
    m_layout = new QComboBox(m_content);
    m_layout->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_idle->setChecked(false);
    m_refresh = new QPushButton(m_content);
    m_fit = new QPushButton(m_content);
    m_export = new QPushButton(m_content);
    labelled(m_typeLabel, m_type, row1);
    labelled(m_nsLabel, m_namespace, row1);
    labelled(m_windowLabel, m_window, row1);
    labelled(m_refreshLabel, m_interval, row1);
    row1->addWidget(m_refresh);
    row1->addStretch();
    layout->addLayout(row1);
    // Three rows, so that every combo shows its longest item in every language (a combo is
    // never squeezed below it) and Find and Hide get room to type.
    auto *row2 = new QHBoxLayout;
    labelled(m_edgeLabel, m_edgeText, row2);
    labelled(m_layoutLabel, m_layout, row2);
    row2->addWidget(m_idle);
    row2->addWidget(m_animate);
    row2->addStretch();
    row2->addWidget(m_fit);
    row2->addWidget(m_export);
    layout->addLayout(row2);
    auto *row3 = new QHBoxLayout;
    m_find = new QLineEdit(m_content);
    m_hide = new QLineEdit(m_content);
    m_find->setClearButtonEnabled(true);
    m_hide->setClearButtonEnabled(true);
    labelled(m_findLabel, m_find, row3);
    labelled(m_hideLabel, m_hide, row3);
    layout->addLayout(row3);
    for (QComboBox *box : {m_type, m_namespace, m_window, m_interval, m_edgeText, m_layout})
        box->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_status = new QLabel(m_content);
    m_status->setObjectName(QStringLiteral("topologyStatus"));
    m_status->setAlignment(Qt::AlignRight);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setOpenExternalLinks(true);
    layout->addWidget(m_status);
    m_banner = new QLabel(m_content);
    m_banner->setObjectName(QStringLiteral("topologyBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setAutoFillBackground(true);
    m_banner->setMargin(6);
    m_banner->hide();
    layout->addWidget(m_banner);
    auto *split = new QSplitter(Qt::Horizontal, m_content);
    m_view = new TopologyView(split);
    auto *side = new QWidget(split);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    m_details = new QLabel(side);
    m_rateSpark = new Sparkline(side);
    m_errorSpark = new Sparkline(side);
    m_p99Spark = new Sparkline(side);
    m_errorSpark->setColor(QColor(0xc9, 0x19, 0x0b));
    m_p99Spark->setColor(QColor(0xe0, 0x9b, 0x00));
    m_errorSpark->setUnit(QStringLiteral(" %"));
    m_p99Spark->setUnit(QStringLiteral(" ms"));
    sideLayout->addWidget(m_details);
    for (Sparkline *s : {m_rateSpark, m_errorSpark, m_p99Spark}) {
        s->setContentsMargins(8, 0, 8, 0);
        sideLayout->addWidget(s);
        s->hide();
    }
    sideLayout->addStretch();
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setMargin(8);
    m_details->setMinimumWidth(220);
    split->addWidget(m_view);
    split->addWidget(side);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    split->setSizes({900, 260});
    layout->addWidget(split, 1);
    m_stack->addWidget(m_content);

    connect(m_controller, &TopologyController::graphReady, this, &TopologyPage::onGraph);
    connect(m_controller, &TopologyController::refreshFailed, this, [this](const QString &error) {
        m_problem = error;
        m_banner->setText(
            tr("The graph could not be refreshed: %1 The last good graph is shown.").arg(error));
        m_banner->show();
        m_status->clear();
    });
    connect(m_controller, &TopologyController::refreshStarted, this,
            [this] { m_status->setText(tr("Refreshing…")); });
    for (QComboBox *box : {m_type, m_window})
        connect(box, &QComboBox::activated, this, &TopologyPage::sendRequest);
    connect(m_namespace, &QComboBox::activated, this, &TopologyPage::sendRequest);
    connect(m_idle, &QCheckBox::toggled, this, &TopologyPage::sendRequest);
    connect(m_layout, &QComboBox::activated, this, &TopologyPage::sendRequest);
    connect(m_animate, &QCheckBox::toggled, m_view, &TopologyView::setTrafficAnimation);
    connect(m_controller, &TopologyController::historyReady, this,
            [this](const QString &key, const QList<QPointF> &rate, const QList<QPointF> &errors,
                   const QList<QPointF> &p99) {
                if (key != m_historyKey)
                    return; // an answer for an earlier selection
                m_rateSpark->setPoints(rate);
                m_errorSpark->setPoints(errors);
                m_p99Spark->setPoints(p99);
            });
    connect(m_interval, &QComboBox::activated, this,
            [this] { m_controller->setInterval(m_interval->currentData().toInt()); });
    connect(m_refresh, &QPushButton::clicked, m_controller, &TopologyController::refresh);
    connect(m_edgeText, &QComboBox::activated, this, [this] {
        m_view->setEdgeLabel(
            static_cast<GraphPainter::EdgeLabel>(m_edgeText->currentData().toInt()));
    });
    connect(m_fit, &QPushButton::clicked, m_view, &TopologyView::fit);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path
            = QFileDialog::getSaveFileName(this, tr("Export Graph"), QStringLiteral("topology.png"),
                                           tr("PNG image (*.png);;SVG drawing (*.svg)"));
        if (path.isEmpty())
            return;
        exportGraph(path);
    });
    connect(m_files, &FileWriter::written, this,
            [this](const QString &, const QString &problem, const QString &path) {
                // Said where it went, with a way to it.
                if (problem.isEmpty()) {
                    m_status->setTextFormat(Qt::RichText);
                    m_status->setText(tr("Exported to %1 — <a href=\"%2\">Open Folder</a>")
                                          .arg(path.toHtmlEscaped(),
                                               QUrl::fromLocalFile(QFileInfo(path).absolutePath())
                                                   .toString()
                                                   .toHtmlEscaped()));
                } else {
                    m_status->setTextFormat(Qt::PlainText);
                    m_status->setText(problem); // "Cannot write PATH: why"
                }
            });
    auto *filterTimer = new QTimer(this);
    filterTimer->setSingleShot(true);
    filterTimer->setInterval(200);
    connect(filterTimer, &QTimer::timeout, this, &TopologyPage::applyFindAndHide);
    for (QLineEdit *e : {m_find, m_hide}) {
        connect(e, &QLineEdit::textChanged, filterTimer, qOverload<>(&QTimer::start));
        // Escape leaves the field for the graph, where the single-key shortcuts work.
        auto *back
            = new QShortcut(QKeySequence(Qt::Key_Escape), e, nullptr, nullptr, Qt::WidgetShortcut);
        connect(back, &QShortcut::activated, m_view, [this] { m_view->setFocus(); });
    }
    connect(m_view, &TopologyView::selectionChanged, this, &TopologyPage::showDetails);
    connect(m_view, &TopologyView::nodeMenuRequested, this, [this](int node, const QPoint &at) {
        if (node < 0 || node >= m_graph.nodes.size())
            return;
        const Node &n = m_graph.nodes[node];
        // A Service by its name; apps and workloads by the Service their app label names.
        const QString service = n.type == NodeType::Service ? n.name : n.app;
        QMenu menu(this);
        QAction *route = menu.addAction(tr("&Route Traffic to %1…").arg(service));
        route->setEnabled(!service.isEmpty() && !n.ns.isEmpty()
                          && n.ns != QLatin1String("unknown"));
        if (menu.exec(at) == route)
            Q_EMIT routeTrafficRequested(n.ns, service);
    });
    retranslate();
    m_stack->setCurrentWidget(m_empty);
}

void TopologyPage::exportGraph(const QString &path)
{
    // Painted here (the view and its palette live on this thread); encoded and written by the
    // file writer on its own thread.
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        const QByteArray svg = m_view->renderSvg();
        if (svg.isEmpty()) {
            m_status->setTextFormat(Qt::PlainText);
            m_status->setText(tr("There is no graph to export yet."));
            return;
        }
        m_files->write(tr("Export Graph"), path, svg);
        return;
    }
    const QImage image = m_view->renderImage();
    if (image.isNull()) {
        m_status->setTextFormat(Qt::PlainText);
        m_status->setText(tr("There is no graph to export yet."));
        return;
    }
    m_files->writeImage(tr("Export Graph"), path, image);
}

void TopologyPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TopologyPage::retranslate()
{
    const auto refill = [](QComboBox *box, const QList<QPair<QString, QVariant>> &items,
                           const QVariant &fallback) {
        const QVariant current = box->count() ? box->currentData() : fallback;
        box->clear();
        for (const auto &[text, data] : items)
            box->addItem(text, data);
        box->setCurrentIndex(std::max(0, box->findData(current)));
    };
    refill(m_type,
           {{tr("Workload graph"), static_cast<int>(GraphType::Workload)},
            {tr("App graph"), static_cast<int>(GraphType::App)},
            {tr("Versioned app graph"), static_cast<int>(GraphType::VersionedApp)},
            {tr("Service graph"), static_cast<int>(GraphType::Service)}},
           static_cast<int>(GraphType::Workload));
    refill(m_interval,
           {{tr("Paused"), 0},
            {tr("Every 5 s"), 5000},
            {tr("Every 10 s"), 10000},
            {tr("Every 30 s"), 30000},
            {tr("Every minute"), 60000}},
           m_controller->interval());
    refill(
        m_edgeText,
        {{tr("No edge labels"), static_cast<int>(GraphPainter::EdgeLabel::None)},
         {tr("Request rate"), static_cast<int>(GraphPainter::EdgeLabel::Rate)},
         {tr("Response time (p99)"), static_cast<int>(GraphPainter::EdgeLabel::ResponseTime)},
         {tr("Throughput"), static_cast<int>(GraphPainter::EdgeLabel::Throughput)},
         {tr("Security (mTLS)"), static_cast<int>(GraphPainter::EdgeLabel::Security)},
         {tr("Traffic distribution (%)"), static_cast<int>(GraphPainter::EdgeLabel::Distribution)}},
        static_cast<int>(GraphPainter::EdgeLabel::Rate));
    refill(m_layout,
           {{tr("Automatic"), static_cast<int>(RefreshRequest::Layout::Auto)},
            {tr("Layered"), static_cast<int>(RefreshRequest::Layout::Layered)},
            {tr("Force-directed"), static_cast<int>(RefreshRequest::Layout::Force)}},
           static_cast<int>(RefreshRequest::Layout::Auto));
    m_layoutLabel->setText(tr("&Layout:"));
    m_animate->setText(tr("Traffic &animation"));
    m_animate->setToolTip(
        tr("Dots run along busy edges: more and faster with more requests, red for errors"));
    m_rateSpark->setTitle(tr("Requests/s"));
    m_errorSpark->setTitle(tr("Errors"));
    m_p99Spark->setTitle(tr("p99"));
    m_typeLabel->setText(tr("&Graph:"));
    m_nsLabel->setText(tr("&Namespace:"));
    m_windowLabel->setText(tr("&Window:"));
    m_refreshLabel->setText(tr("Re&fresh:"));
    m_edgeLabel->setText(tr("&Edges:"));
    m_idle->setText(tr("&Idle nodes"));
    m_refresh->setText(tr("&Refresh"));
    m_fit->setText(tr("Fi&t"));
    m_fit->setToolTip(tr("Fit the graph to the view (F)"));
    m_export->setText(tr("E&xport…"));
    m_findLabel->setText(tr("Fin&d:"));
    m_hideLabel->setText(tr("&Hide:"));
    m_find->setPlaceholderText(tr("e.g. rt > 100 or %err > 0"));
    m_hide->setPlaceholderText(tr("e.g. namespace = istio-system"));
    updateNamespaces();
    showDetails(m_view->selectedNode(), m_view->selectedEdge());
    m_empty->refresh();
}

void TopologyPage::updateNamespaces()
{
    const QString current = m_namespace->currentData().toString();
    m_namespace->clear();
    m_namespace->addItem(tr("All namespaces"), QString());
    QStringList names = m_graph.namespaces;
    if (!current.isEmpty() && !names.contains(current))
        names << current;
    for (const QString &ns : std::as_const(names))
        m_namespace->addItem(ns, ns);
    m_namespace->setCurrentIndex(std::max(0, m_namespace->findData(current)));
}

void TopologyPage::sendRequest()
{
    RefreshRequest r = m_controller->request();
    r.build.type = static_cast<GraphType>(m_type->currentData().toInt());
    const QString ns = m_namespace->currentData().toString();
    r.build.namespaces = ns.isEmpty() ? QStringList() : QStringList {ns};
    r.build.includeIdle = m_idle->isChecked();
    r.windowSeconds = m_window->currentData().toInt();
    r.layout = static_cast<RefreshRequest::Layout>(m_layout->currentData().toInt());
    m_controller->setRequest(r);
}

void TopologyPage::onGraph(const Graph &graph, const QString &problem, int promql, qint64 ms)
{
    const bool first = !m_shownOnce || graph.type != m_graph.type;
    m_graph = withFindings(graph);
    m_shownOnce = true;
    m_stack->setCurrentWidget(m_content);
    m_view->setGraph(m_graph, !first);
    updateNamespaces();
    m_problem = problem;
    QStringList notes;
    if (!problem.isEmpty())
        notes
            << tr("No live traffic: %1 The graph shows what the Kubernetes API knows (services and "
                  "the workloads they select).")
                   .arg(problem);
    for (const QString &w : graph.warnings)
        if (w != problem)
            notes << w;
    m_banner->setText(notes.join(QLatin1Char('\n')));
    m_banner->setVisible(!notes.isEmpty());
    QPalette pal = m_banner->palette();
    pal.setColor(QPalette::Window,
                 problem.isEmpty() ? pal.color(QPalette::AlternateBase) : QColor(0xfd, 0xf1, 0xd6));
    pal.setColor(QPalette::WindowText,
                 problem.isEmpty() ? pal.color(QPalette::Text) : QColor(0x5c, 0x42, 0x00));
    m_banner->setPalette(pal);
    m_refreshed = tr("updated %1 · %2 PromQL queries, %3 ms")
                      .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat))
                      .arg(promql)
                      .arg(ms);
    applyFindAndHide();
    // The selection's sparklines follow the refresh.
    if (m_view->selectedNode() >= 0 || m_view->selectedEdge() >= 0)
        requestHistory(m_view->selectedNode(), m_view->selectedEdge());
    Q_EMIT graphShown();
}

void TopologyPage::applyFindAndHide()
{
    QSet<int> foundNodes, foundEdges, hiddenNodes, hiddenEdges;
    QStringList errors;
    const auto run = [&](QLineEdit *edit, QSet<int> &nodes, QSet<int> &edges) {
        auto filter = GraphFilter::parse(edit->text());
        QPalette pal = edit->palette();
        pal.setColor(QPalette::Text,
                     filter ? palette().color(QPalette::Text) : QColor(0xc9, 0x19, 0x0b));
        edit->setPalette(pal);
        edit->setToolTip(filter ? QString() : filter.error().message());
        if (!filter) {
            errors << filter.error().message();
            return;
        }
        for (int i = 0; i < m_graph.nodes.size(); ++i)
            if (filter->matches(m_graph.nodes[i]))
                nodes.insert(i);
        for (int i = 0; i < m_graph.edges.size(); ++i)
            if (filter->matches(m_graph.edges[i]))
                edges.insert(i);
    };
    run(m_find, foundNodes, foundEdges);
    run(m_hide, hiddenNodes, hiddenEdges);
    // Edges of hidden nodes go with them (ids looked up once, not per edge).
    if (!hiddenNodes.isEmpty()) {
        QSet<QString> hiddenIds;
        for (const int i : std::as_const(hiddenNodes))
            hiddenIds.insert(m_graph.nodes[i].id);
        for (int i = 0; i < m_graph.edges.size(); ++i) {
            if (hiddenIds.contains(m_graph.edges[i].source)
                || hiddenIds.contains(m_graph.edges[i].target))
                hiddenEdges.insert(i);
        }
    }
    m_view->setFindAndHide(foundNodes, foundEdges, hiddenNodes, hiddenEdges);
    m_status->setTextFormat(Qt::PlainText);
    if (!errors.isEmpty()) {
        m_status->setText(errors.join(QLatin1Char(' ')));
        return;
    }
    // What is shown: hidden nodes and edges are not counted as if they were there.
    const auto nodes = static_cast<int>(m_graph.nodes.size());
    const auto edges = static_cast<int>(m_graph.edges.size());
    QStringList parts;
    if (hiddenNodes.isEmpty() && hiddenEdges.isEmpty())
        parts << tr("%1 nodes, %2 edges").arg(nodes).arg(edges);
    else
        parts << tr("%1 of %2 nodes, %3 of %4 edges shown (the rest hidden)")
                     .arg(nodes - hiddenNodes.size())
                     .arg(nodes)
                     .arg(edges - hiddenEdges.size())
                     .arg(edges);
    if (!m_refreshed.isEmpty())
        parts << m_refreshed;
    if (!m_find->text().trimmed().isEmpty()) {
        // Matches among what is shown: a hidden match is not one the user can see.
        const auto shownNodes = static_cast<int>((foundNodes - hiddenNodes).size());
        const auto shownEdges = static_cast<int>((foundEdges - hiddenEdges).size());
        parts << tr("Find: %n match(es)", nullptr, shownNodes + shownEdges);
    }
    m_status->setText(parts.join(QStringLiteral(" · ")));
}

void TopologyPage::requestHistory(int node, int edge)
{
    // Istio's destination-side labels of the selected node or edge.
    const auto labelsFor = [this](const Node &n, bool asSource) {
        QMap<QString, QString> l;
        const QString side = asSource ? QStringLiteral("source_") : QStringLiteral("destination_");
        switch (n.type) {
        case NodeType::Service:
            if (!asSource) {
                l.insert(QStringLiteral("destination_service_name"), n.name);
                l.insert(QStringLiteral("destination_service_namespace"), n.ns);
            }
            break;
        case NodeType::App:
        case NodeType::VersionedApp:
            l.insert(side + QStringLiteral("canonical_service"), n.app);
            l.insert(side + QStringLiteral("workload_namespace"), n.ns);
            if (n.type == NodeType::VersionedApp && !n.version.isEmpty())
                l.insert(side + QStringLiteral("canonical_revision"), n.version);
            break;
        default:
            l.insert(side + QStringLiteral("workload"),
                     n.type == NodeType::Unknown ? QStringLiteral("unknown")
                         : n.workload.isEmpty()  ? n.name
                                                 : n.workload);
            if (n.type != NodeType::Unknown)
                l.insert(side + QStringLiteral("workload_namespace"), n.ns);
            break;
        }
        return l;
    };
    QMap<QString, QString> labels;
    const QString previousKey = m_historyKey;
    m_historyKey.clear();
    if (node >= 0 && node < m_graph.nodes.size()) {
        const Node &n = m_graph.nodes[node];
        labels = labelsFor(n, n.inRps <= 0 && n.outRps > 0); // a pure source: its outbound traffic
        m_historyKey = n.id;
    } else if (edge >= 0 && edge < m_graph.edges.size()) {
        const Edge &e = m_graph.edges[edge];
        const int a = m_graph.indexOf(e.source), b = m_graph.indexOf(e.target);
        if (a >= 0 && m_graph.nodes[a].type != NodeType::Service)
            labels = labelsFor(m_graph.nodes[a], true);
        if (b >= 0) {
            const auto dst = labelsFor(m_graph.nodes[b], false);
            for (auto it = dst.begin(); it != dst.end(); ++it)
                labels.insert(it.key(), it.value());
        }
        m_historyKey = e.source + QLatin1Char('>') + e.target;
    }
    const bool show = !labels.isEmpty() && m_graph.hasTelemetry;
    for (Sparkline *s : {m_rateSpark, m_errorSpark, m_p99Spark}) {
        if (m_historyKey != previousKey)
            s->setPoints({}); // another selection: no stale history meanwhile
        s->setVisible(show);
    }
    if (show)
        m_controller->requestHistory(labels, m_historyKey);
}

void TopologyPage::showDetails(int node, int edge)
{
    if (m_historyKey
        != (node >= 0 && node < m_graph.nodes.size() ? m_graph.nodes[node].id
                : edge >= 0 && edge < m_graph.edges.size()
                ? m_graph.edges[edge].source + QLatin1Char('>') + m_graph.edges[edge].target
                : QString()))
        requestHistory(node, edge);
    const QLocale l;
    const auto ms = [&l](double v) {
        return v < 0 ? tr("n/a") : tr("%1 ms").arg(l.toString(v, 'f', v < 10 ? 2 : 0));
    };
    if (node >= 0 && node < m_graph.nodes.size()) {
        const Node &n = m_graph.nodes[node];
        QString html = QStringLiteral("<h3>%1</h3>").arg(n.name.toHtmlEscaped());
        html += tr("<p>%1 in <b>%2</b></p>").arg(nodeTypeName(n.type), n.ns.toHtmlEscaped());
        if (!n.app.isEmpty())
            html += tr("<p>App %1 %2</p>").arg(n.app.toHtmlEscaped(), n.version.toHtmlEscaped());
        if (n.replicas)
            html += tr("<p>Pods ready: %1 of %2</p>").arg(n.readyReplicas).arg(n.replicas);
        html += tr("<p>Inbound: %1 req/s, %2 % errors<br>Outbound: %3 req/s</p>")
                    .arg(l.toString(n.inRps, 'f', 2), l.toString(n.errorPercent, 'f', 2),
                         l.toString(n.outRps, 'f', 2));
        html += tr("<p>Health: <b>%1</b></p>").arg(healthName(n.health));
        QStringList badges;
        if (n.missingSidecar)
            badges << tr("missing sidecar: its pods are outside the mesh");
        if (n.noPods)
            badges << tr("no ready pods: its selector matches none, so its calls fail (503)");
        badges << routingTexts(n);
        if (!badges.isEmpty())
            html += QStringLiteral("<ul><li>") + badges.join(QStringLiteral("</li><li>"))
                + QStringLiteral("</li></ul>");
        m_details->setText(html);
        return;
    }
    if (edge >= 0 && edge < m_graph.edges.size()) {
        const Edge &e = m_graph.edges[edge];
        const auto name = [this](const QString &id) {
            const int i = m_graph.indexOf(id);
            return i >= 0 ? m_graph.nodes[i].name : id;
        };
        QString html = QStringLiteral("<h3>%1 → %2</h3>")
                           .arg(name(e.source).toHtmlEscaped(), name(e.target).toHtmlEscaped());
        html += tr("<p>Protocol %1</p>").arg(e.protocol);
        if (!e.fromTelemetry)
            html += tr("<p>No traffic in the window: this edge is the Service selecting its "
                       "workload.</p>");
        html += tr("<p>%1 req/s<br>4xx %2 %, 5xx %3 %</p>")
                    .arg(l.toString(e.rps, 'f', 2), l.toString(e.percent4xx, 'f', 2),
                         l.toString(e.percent5xx, 'f', 2));
        html += tr("<p>p50 %1<br>p95 %2<br>p99 %3</p>").arg(ms(e.p50), ms(e.p95), ms(e.p99));
        html += tr("<p>mTLS: %1 % of requests</p>").arg(l.toString(e.mtlsPercent, 'f', 0));
        if (e.retriesPerSecond > 0)
            html += tr("<p>Retries: %1/s (%2 per request), sent by the source's proxies</p>")
                        .arg(l.toString(e.retriesPerSecond, 'f', 2),
                             l.toString(e.rps > 0 ? e.retriesPerSecond / e.rps : 0, 'f', 2));
        else if (m_graph.retriesMissing && e.fromTelemetry)
            html += tr("<p>Retries: not reported. Istio's proxies export Envoy's retry counters "
                       "only when the mesh's <tt>proxyStatsMatcher</tt> includes them (for "
                       "example <tt>inclusionRegexps: [\".*upstream_rq_retry.*\"]</tt>).</p>");
        html += tr("<p>Health: <b>%1</b></p>").arg(healthName(e.health));
        if (const QStringList badges = routingTexts(e); !badges.isEmpty())
            html += tr("<p>Routing of these requests:</p>") + QStringLiteral("<ul><li>")
                + badges.join(QStringLiteral("</li><li>")) + QStringLiteral("</li></ul>");
        m_details->setText(html);
        return;
    }
    m_details->setText(
        tr("<p>Select a node or an edge to see its traffic.</p><p>Drag to pan, wheel "
           "to zoom, F to fit, Tab to walk the nodes.</p><p>Shapes: triangle "
           "service, circle workload, square app, hexagon gateway, diamond "
           "unknown. Colours: green healthy, amber degraded, red failing, grey "
           "idle.</p>"));
}

void TopologyPage::setChecksModel(ConfigChecksModel *model)
{
    m_checks = model;
    connect(model, &ConfigChecksModel::checked, this, [this] {
        if (!m_shownOnce)
            return;
        m_graph = withFindings(m_graph);
        m_view->setGraph(m_graph, true);
        applyFindAndHide();
        showDetails(m_view->selectedNode(), m_view->selectedEdge());
    });
}

QStringList TopologyPage::routingTexts(const Topology::RoutingBadges &b)
{
    QStringList out;
    if (b.virtualService)
        out << tr("has a VirtualService");
    if (b.circuitBreaker)
        out << tr("circuit breaker (DestinationRule)");
    if (b.faultInjection)
        out << tr("fault injection: its VirtualService delays or aborts requests");
    if (b.timeouts)
        out << tr("a timeout or retries (VirtualService)");
    for (const QString &finding : b.configErrors)
        out << tr("configuration error: %1").arg(finding.toHtmlEscaped());
    for (const QString &finding : b.configWarnings)
        out << tr("configuration warning: %1").arg(finding.toHtmlEscaped());
    return out;
}

Topology::Graph TopologyPage::withFindings(Topology::Graph graph) const
{
    // "ns/name" of a Service (or app, or workload) -> the findings that concern it.
    QHash<QString, QList<const Mesh::ConfigFinding *>> concern;
    if (m_checks) {
        for (const Mesh::ConfigFinding &f : m_checks->findings()) {
            for (const QString &service : f.services)
                concern[service].append(&f);
            if (f.services.isEmpty() && f.group != QLatin1String("networking.istio.io")
                && f.group != QLatin1String("gateway.networking.k8s.io"))
                concern[QStringLiteral("workload:") + f.ns + QLatin1Char('/') + f.name].append(&f);
        }
    }
    for (Node &n : graph.nodes) {
        n.configErrors.clear();
        n.configWarnings.clear();
        // A Service node by its name; apps and workloads by their app label, which names
        // their Service (Bookinfo's convention, and Istio's for its telemetry).
        QList<const Mesh::ConfigFinding *> found;
        const auto collect = [&](const QString &key) {
            for (const Mesh::ConfigFinding *f : concern.value(key))
                if (!found.contains(f))
                    found << f;
        };
        if (n.type == NodeType::Service)
            collect(n.ns + QLatin1Char('/') + n.name);
        if (!n.app.isEmpty())
            collect(n.ns + QLatin1Char('/') + n.app);
        if (!n.workload.isEmpty())
            collect(QStringLiteral("workload:") + n.ns + QLatin1Char('/') + n.workload);
        for (const Mesh::ConfigFinding *f : std::as_const(found)) {
            const QString text
                = QStringLiteral("%1 %2 %3/%4").arg(f->code, f->kind, f->ns, f->name);
            if (f->severity == Mesh::ConfigFinding::Severity::Error)
                n.configErrors << text;
            else
                n.configWarnings << text;
        }
    }
    // An edge shows the findings about the routing objects (VirtualServices, DestinationRules,
    // routes) that govern the requests it carries: those of its destination.
    QHash<QString, int> index;
    for (int i = 0; i < graph.nodes.size(); ++i)
        index.insert(graph.nodes[i].id, i);
    for (Edge &e : graph.edges) {
        e.configErrors.clear();
        e.configWarnings.clear();
        if (!e.virtualService && !e.circuitBreaker)
            continue;
        const int at = index.value(e.target, -1);
        if (at < 0)
            continue;
        const auto routing = [](const QString &finding) {
            const QString kind = finding.section(QLatin1Char(' '), 1, 1);
            return kind == QLatin1String("VirtualService")
                || kind == QLatin1String("DestinationRule") || kind == QLatin1String("HTTPRoute")
                || kind == QLatin1String("GRPCRoute");
        };
        for (const QString &f : graph.nodes[at].configErrors)
            if (routing(f))
                e.configErrors << f;
        for (const QString &f : graph.nodes[at].configWarnings)
            if (routing(f))
                e.configWarnings << f;
    }
    return graph;
}

} // namespace Meshdeck
