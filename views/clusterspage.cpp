#include "clusterspage.h"

#include "emptystatepage.h"
#include "forwardportdialog.h"
#include "pageemptystates.h"
#include "podshellpanel.h"
#include "portforwardpanel.h"

#include <core/yaml.h>
#include <kube/podexec.h>
#include <kube/podsummary.h>
#include <models/connectionstate.h>
#include <models/resourcetreemodel.h>

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>

#include <memory>
#include <QPainter>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Meshdeck {

namespace {
// Keeps namespaces matching the namespace filter and, inside them, rows whose name (or a
// descendant's) contains the search text.
class ResourceFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setNamespace(const QString &ns)
    {
        m_ns = ns;
        invalidateFilter();
    }
    void setText(const QString &text)
    {
        m_text = text;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        if (!parent.isValid() && !m_ns.isEmpty() && index.data().toString() != m_ns)
            return false;
        return m_text.isEmpty() || matches(index);
    }

private:
    bool matches(const QModelIndex &index) const
    {
        if (index.data().toString().contains(m_text, Qt::CaseInsensitive))
            return true;
        for (int i = 0; i < sourceModel()->rowCount(index); ++i)
            if (matches(sourceModel()->index(i, 0, index)))
                return true;
        return false;
    }

    QString m_ns;
    QString m_text;
};
} // namespace

ClustersPage::ClustersPage(ResourceTreeModel *model, ConnectionState *state, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_state(state)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);

    m_empty = new EmptyStatePage(
        [this] {
            EmptyStateContent c = PageEmptyStates::forPage(PageId::Clusters);
            if (!m_loadError.isEmpty())
                c.body = m_loadError;
            return c;
        },
        m_stack);
    m_stack->addWidget(m_empty);

    auto *content = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 10, 12, 8);
    auto *bar = new QHBoxLayout;
    m_contextLabel = new QLabel(content);
    m_context = new QComboBox(content);
    m_context->setMinimumWidth(180);
    m_contextLabel->setBuddy(m_context);
    m_status = new QLabel(content);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long connection error is elided (whole in the tooltip) and never squeezes the filters.
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_status->installEventFilter(this);
    m_namespace = new QComboBox(content);
    m_namespace->setMinimumWidth(160);
    m_search = new QLineEdit(content);
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(240);
    bar->addWidget(m_contextLabel);
    bar->addWidget(m_context);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_namespace);
    bar->addWidget(m_search);
    layout->addLayout(bar);

    auto *split = new QSplitter(Qt::Horizontal, content);
    m_split = split;
    m_proxy = new ResourceFilter(this);
    m_proxy->setSourceModel(model);
    m_proxy->setRecursiveFilteringEnabled(false);
    m_tree = new QTreeView(split);
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    // Fixed, interactive widths: ResizeToContents would measure every row on every change,
    // which makes each update cost O(rows) on the GUI thread.
    // The Name column takes what the others leave, but never less than a usual pod name
    // (fitColumns); the tree scrolls sideways rather than cut names to "bo…".
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_tree->header()->setStretchLastSection(false);
    m_tree->viewport()->installEventFilter(this);
    const QFontMetrics fm(font());
    // Each column as wide as its title or its widest usual value, whichever is wider.
    const QString samples[] = {QString(),
                               QStringLiteral("StatefulSet"),
                               QStringLiteral("ContainerCreating"),
                               QStringLiteral("10/10"),
                               QString(),
                               QStringLiteral("10h59m"),
                               QStringLiteral("linkerd")};
    for (int c = ResourceTreeModel::KindColumn; c < ResourceTreeModel::ColumnCount; ++c) {
        const QString title = m_model->headerData(c, Qt::Horizontal).toString();
        m_tree->header()->resizeSection(
            c, qMax(fm.horizontalAdvance(title), fm.horizontalAdvance(samples[c])) + 18);
    }
    m_details = new QTabWidget(split);
    m_yaml = new QPlainTextEdit(m_details);
    m_yaml->setReadOnly(true);
    m_yaml->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_yaml->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_yaml->setPlaceholderText(tr("Select a namespace, workload or pod to see its YAML."));
    m_eventList = new QTreeWidget(m_details);
    m_eventList->setRootIsDecorated(false);
    m_eventList->setColumnCount(4);
    // Long messages wrap inside the Message column instead of being cut.
    m_eventList->setWordWrap(true);
    m_eventList->setUniformRowHeights(false);
    m_eventList->setTextElideMode(Qt::ElideNone);
    m_logsTab = new QWidget(m_details);
    auto *logsLayout = new QVBoxLayout(m_logsTab);
    logsLayout->setContentsMargins(4, 4, 4, 4);
    auto *logsBar = new QHBoxLayout;
    m_container = new QComboBox(m_logsTab);
    m_follow = new QCheckBox(m_logsTab);
    m_follow->setObjectName(QStringLiteral("followLog"));
    m_follow->setChecked(true);
    m_logSearch = new QLineEdit(m_logsTab);
    m_logSearch->setClearButtonEnabled(true);
    m_wrap = new QCheckBox(m_logsTab);
    m_wrap->setObjectName(QStringLiteral("wrapLogLines"));
    logsBar->addWidget(m_container);
    logsBar->addWidget(m_follow);
    logsBar->addWidget(m_wrap);
    logsBar->addWidget(m_logSearch, 1);
    logsLayout->addLayout(logsBar);
    m_logs = new QPlainTextEdit(m_logsTab);
    m_logs->setReadOnly(true);
    m_logs->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_logs->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_logs->setMaximumBlockCount(10000); // a bounded buffer: the oldest lines go first
    logsLayout->addWidget(m_logs, 1);
    m_logStatus = new QLabel(m_logsTab);
    m_logStatus->setWordWrap(true);
    logsLayout->addWidget(m_logStatus);
    m_details->addTab(m_yaml, QString());
    m_details->addTab(m_eventList, QString());
    m_details->addTab(m_logsTab, QString());
    m_shell = new PodShellPanel(m_details);
    m_details->addTab(m_shell, QString());
    connect(m_shell, &PodShellPanel::startRequested, this, &ClustersPage::shellRequested);
    connect(m_shell, &PodShellPanel::stopRequested, this, &ClustersPage::shellStopRequested);
    connect(m_shell, &PodShellPanel::input, this, &ClustersPage::shellInput);
    connect(m_shell, &PodShellPanel::resized, this, &ClustersPage::shellResized);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QTreeView::customContextMenuRequested, this, &ClustersPage::showTreeMenu);
    split->addWidget(m_tree);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);
    m_stack->addWidget(content);

    connect(m_context, &QComboBox::activated, this,
            [this](int i) { emit contextSelected(m_context->itemText(i)); });
    connect(m_namespace, &QComboBox::activated, this, [this](int i) {
        static_cast<ResourceFilter *>(m_proxy)->setNamespace(m_namespace->itemData(i).toString());
        m_tree->expandToDepth(0);
        dropHiddenDetails();
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        // What was open before filtering opens again when the filter is cleared.
        if (!text.isEmpty() && !m_filtering) {
            m_filtering = true;
            m_expandedBeforeFilter.clear();
            rememberExpanded(QModelIndex());
        }
        static_cast<ResourceFilter *>(m_proxy)->setText(text);
        if (!text.isEmpty()) {
            m_tree->expandAll();
        } else if (m_filtering) {
            m_filtering = false;
            m_tree->collapseAll();
            for (const QPersistentModelIndex &source : std::as_const(m_expandedBeforeFilter))
                if (source.isValid())
                    m_tree->expand(m_proxy->mapFromSource(source));
            m_expandedBeforeFilter.clear();
            m_tree->scrollTo(m_tree->currentIndex());
        }
        dropHiddenDetails();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showDetails();
        requestLogs();
    });
    connect(m_details, &QTabWidget::currentChanged, this, &ClustersPage::requestLogs);
    connect(m_container, &QComboBox::activated, this, &ClustersPage::requestLogs);
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_logs->moveCursor(QTextCursor::End);
        updateLogStatus();
    });
    connect(m_wrap, &QCheckBox::toggled, this, [this](bool on) {
        m_logs->setLineWrapMode(on ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    });
    connect(m_logSearch, &QLineEdit::returnPressed, this, [this] { findInLogs(false); });
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) {
                const QModelIndex current = m_proxy->mapToSource(m_tree->currentIndex());
                if (current.isValid() && current.parent() == from.parent()
                    && current.row() >= from.row() && current.row() <= to.row()
                    && from.column() == 0)
                    showDetails();
            });
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent, int first, int last) {
                if (parent.isValid())
                    return;
                updateNamespaces();
                // New namespaces open, so that their workloads show at a glance.
                for (int row = first; row <= last; ++row)
                    m_tree->expand(m_proxy->mapFromSource(m_model->index(row, 0)));
            });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &parent) {
        if (!parent.isValid())
            updateNamespaces();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &ClustersPage::updateNamespaces);
    connect(m_state, &ConnectionState::changed, this, &ClustersPage::updateState);
    auto *ages = new QTimer(this);
    ages->setInterval(5000);
    connect(ages, &QTimer::timeout, m_model, &ResourceTreeModel::refreshAges);
    ages->start();

    retranslate();
    updateNamespaces();
    updateState();
}

void ClustersPage::setContexts(const QStringList &contexts, const QString &current,
                               const QString &loadError,
                               const QHash<QString, QPair<bool, QString>> &status)
{
    m_loadError = loadError;
    m_context->clear();
    const auto dot = [this](const QColor &color) {
        const qreal dpr = devicePixelRatioF();
        QPixmap pm(QSize(10, 10) * dpr);
        pm.setDevicePixelRatio(dpr);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(QRectF(0.5, 0.5, 9, 9));
        return QIcon(pm);
    };
    for (const QString &name : contexts) {
        const auto it = status.constFind(name);
        if (it == status.cend()) {
            m_context->addItem(dot(QColor(0x8a, 0x8f, 0x98)), name);
            m_context->setItemData(m_context->count() - 1, tr("Not checked yet"), Qt::ToolTipRole);
        } else if (it->first) {
            m_context->addItem(dot(QColor(0x2e, 0xa0, 0x43)), name);
            m_context->setItemData(m_context->count() - 1,
                                   tr("Reachable, Kubernetes %1").arg(it->second), Qt::ToolTipRole);
        } else {
            m_context->addItem(dot(QColor(0xd1, 0x24, 0x2f)), name);
            m_context->setItemData(m_context->count() - 1, it->second, Qt::ToolTipRole);
        }
    }
    m_context->setCurrentText(current);
    m_empty->refresh(); // its text carries the load error
    updateState();
}

void ClustersPage::setEventsProvider(EventsProvider provider)
{
    m_events = std::move(provider);
}

void ClustersPage::refreshEvents()
{
    if (m_details->currentWidget() == m_eventList || m_eventList->topLevelItemCount() > 0)
        showDetails();
}

void ClustersPage::updateState()
{
    const bool connected
        = m_state->state() != ConnectionState::State::NoContext || m_context->count() > 0;
    m_stack->setCurrentIndex(connected ? 1 : 0);
    m_statusText = m_state->summary();
    m_status->setToolTip(m_state->detail().isEmpty() ? m_statusText : m_state->detail());
    elideStatus();
}

void ClustersPage::elideStatus()
{
    m_status->setText(m_status->fontMetrics().elidedText(m_statusText, Qt::ElideRight,
                                                         std::max(0, m_status->width())));
}

bool ClustersPage::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize) {
        if (watched == m_status)
            elideStatus();
        else if (watched == m_tree->viewport())
            fitColumns();
    }
    return QWidget::eventFilter(watched, event);
}

void ClustersPage::fitColumns()
{
    int others = 0;
    for (int c = ResourceTreeModel::KindColumn; c < ResourceTreeModel::ColumnCount; ++c)
        others += m_tree->header()->sectionSize(c);
    const int least
        = m_tree->fontMetrics().horizontalAdvance(QStringLiteral("productpage-v1-abcde"))
        + m_tree->indentation() * 2 + 24;
    m_tree->header()->resizeSection(ResourceTreeModel::NameColumn,
                                    std::max(least, m_tree->viewport()->width() - others));
}

void ClustersPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_sized && m_split->width() > 0) {
        // The tree gets three fifths at first, the details the rest; the user's drag stays.
        m_sized = true;
        const int w = m_split->width();
        m_split->setSizes({w * 3 / 5, w - w * 3 / 5});
    }
}

void ClustersPage::rememberExpanded(const QModelIndex &proxyParent)
{
    for (int row = 0; row < m_proxy->rowCount(proxyParent); ++row) {
        const QModelIndex child = m_proxy->index(row, 0, proxyParent);
        if (m_tree->isExpanded(child)) {
            m_expandedBeforeFilter.append(QPersistentModelIndex(m_proxy->mapToSource(child)));
            rememberExpanded(child);
        }
    }
}

void ClustersPage::dropHiddenDetails()
{
    // An object the filter hides leaves the details: its YAML, events and log stream go.
    if (m_tree->currentIndex().isValid())
        return;
    showDetails();
    requestLogs();
}

void ClustersPage::updateLogStatus()
{
    if (m_logPod.isEmpty())
        return;
    const QString container = m_logPod.section(QLatin1Char('/'), 2);
    const QString pod = m_logPod.section(QLatin1Char('/'), 1, 1);
    m_logStatus->setText(m_follow->isChecked()
                             ? tr("Following %1 in %2…").arg(container, pod)
                             : tr("Streaming %1 in %2; Follow is off, so the view stays where "
                                  "it is.")
                                   .arg(container, pod));
}

void ClustersPage::updateNamespaces()
{
    const QString current = m_namespace->currentData().toString();
    m_namespace->clear();
    m_namespace->addItem(tr("All namespaces"), QString());
    for (const QString &ns : m_model->namespaces())
        m_namespace->addItem(ns, ns);
    const int i = m_namespace->findData(current);
    m_namespace->setCurrentIndex(i >= 0 ? i : 0);
}

void ClustersPage::showDetails()
{
    const QModelIndex index = m_proxy->mapToSource(m_tree->currentIndex().siblingAtColumn(0));
    QJsonObject object = index.data(ResourceTreeModel::ObjectRole).toJsonObject();
    QJsonObject md = object.value(QStringLiteral("metadata")).toObject();
    md.remove(QStringLiteral("managedFields")); // as kubectl shows it
    if (!object.isEmpty())
        object.insert(QStringLiteral("metadata"), md);
    const QString yaml = object.isEmpty() ? QString() : QString::fromUtf8(Yaml::fromJson(object));
    if (m_yaml->toPlainText() != yaml)
        m_yaml->setPlainText(yaml);
    if (index.data(ResourceTreeModel::KindRole).toString() == QLatin1String("Pod")) {
        QStringList containers;
        const QString preferred = Kube::PodExec::defaultContainer(object, &containers);
        m_shell->setPod(
            md.value(QStringLiteral("namespace")).toString(),
            md.value(QStringLiteral("name")).toString(), containers, preferred,
            object.value(QStringLiteral("status")).toObject().value(QStringLiteral("phase"))
                == QLatin1String("Running"));
    } else if (!m_shell->connected()) {
        m_shell->setPod({}, {}, {}, {}, false);
    }
    m_eventList->clear();
    if (!m_events)
        return;
    for (const QJsonObject &e : m_events(md.value(QStringLiteral("uid")).toString())) {
        const QString last = e.value(QStringLiteral("lastTimestamp")).toString();
        auto *item = new QTreeWidgetItem({Kube::PodSummary::age(last),
                                          e.value(QStringLiteral("type")).toString(),
                                          e.value(QStringLiteral("reason")).toString(),
                                          e.value(QStringLiteral("message")).toString()});
        item->setToolTip(3, item->text(3));
        m_eventList->addTopLevelItem(item);
    }
    for (int c = 0; c < 3; ++c)
        m_eventList->resizeColumnToContents(c);
}

void ClustersPage::requestLogs()
{
    const QModelIndex index = m_proxy->mapToSource(m_tree->currentIndex().siblingAtColumn(0));
    const QJsonObject object = index.data(ResourceTreeModel::ObjectRole).toJsonObject();
    if (index.data(ResourceTreeModel::KindRole).toString() != QLatin1String("Pod")
        || m_details->currentWidget() != m_logsTab) {
        if (!m_logPod.isEmpty() && m_details->currentWidget() != m_logsTab)
            return; // keep following while another tab is shown
        if (index.data(ResourceTreeModel::KindRole).toString() != QLatin1String("Pod")) {
            m_logPod.clear();
            m_logs->clear();
            m_container->clear();
            m_logStatus->setText(tr("Select a pod to follow its log."));
            emit logsNotNeeded();
        }
        return;
    }
    const QJsonObject md = object.value(QStringLiteral("metadata")).toObject();
    QStringList containers;
    for (const QJsonValue &c : object.value(QStringLiteral("spec"))
                                   .toObject()
                                   .value(QStringLiteral("containers"))
                                   .toArray())
        containers << c.toObject().value(QStringLiteral("name")).toString();
    const QString ns = md.value(QStringLiteral("namespace")).toString();
    const QString pod = md.value(QStringLiteral("name")).toString();
    if (m_container->count() != containers.size()
        || m_logPod.section(QLatin1Char('/'), 0, 1) != ns + QLatin1Char('/') + pod) {
        m_container->clear();
        m_container->addItems(containers);
    }
    const QString container = m_container->currentText();
    const QString key = QStringLiteral("%1/%2/%3").arg(ns, pod, container);
    if (key == m_logPod)
        return;
    m_logPod = key;
    m_logs->clear();
    updateLogStatus();
    emit logsRequested(ns, pod, container);
}

void ClustersPage::appendLogs(const QString &text)
{
    QTextCursor cursor(m_logs->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(text);
    if (m_follow->isChecked())
        m_logs->moveCursor(QTextCursor::End);
}

void ClustersPage::logsFinished(const QString &error)
{
    m_logStatus->setText(
        error.isEmpty() ? tr("The log stream ended (the container stopped or the pod went away).")
                        : error);
    m_logPod.clear();
}

void ClustersPage::findInLogs(bool backwards)
{
    const QString text = m_logSearch->text();
    if (text.isEmpty())
        return;
    m_follow->setChecked(false);
    const auto flags = backwards ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    if (!m_logs->find(text, flags)) {
        m_logs->moveCursor(backwards ? QTextCursor::End : QTextCursor::Start);
        if (!m_logs->find(text, flags))
            m_logStatus->setText(tr("\"%1\" is not in the log.").arg(text));
    }
}

void ClustersPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ClustersPage::setPortForwards(PortForwardModel *forwards)
{
    if (m_forwards)
        return;
    m_forwards = new PortForwardPanel(forwards, m_details);
    m_details->addTab(m_forwards, tr("Port Forwards"));
    connect(m_forwards, &PortForwardPanel::newForwardRequested, this, [this] { askForward(); });
}

void ClustersPage::askForward(const QJsonObject &pod)
{
    const QJsonObject md = pod.value(QStringLiteral("metadata")).toObject();
    ForwardPortDialog::Choice initial;
    initial.ns = md.value(QStringLiteral("namespace")).toString();
    initial.name = md.value(QStringLiteral("name")).toString();
    if (initial.ns.isEmpty())
        initial.ns = m_namespace->currentData().toString();
    QStringList ports;
    for (const QJsonValue &c :
         pod.value(QStringLiteral("spec")).toObject().value(QStringLiteral("containers")).toArray())
        for (const QJsonValue &p : c.toObject().value(QStringLiteral("ports")).toArray()) {
            const QJsonObject port = p.toObject();
            const QString name = port.value(QStringLiteral("name")).toString();
            ports << QString::number(port.value(QStringLiteral("containerPort")).toInt())
                    + (name.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(name));
        }
    if (!ports.isEmpty())
        initial.remotePort = ports.first().section(QLatin1Char(' '), 0, 0).toInt();
    ForwardPortDialog dialog(initial, ports, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ForwardPortDialog::Choice c = dialog.choice();
    emit forwardRequested(c.ns, c.kind, c.name, c.localPort, c.remotePort);
    if (m_forwards)
        m_details->setCurrentWidget(m_forwards);
}

void ClustersPage::showTreeMenu(const QPoint &at)
{
    const QModelIndex index = m_proxy->mapToSource(m_tree->indexAt(at).siblingAtColumn(0));
    std::unique_ptr<QMenu> menu(contextMenu(index));
    if (!menu)
        return;
    m_tree->setCurrentIndex(m_proxy->mapFromSource(index));
    menu->exec(m_tree->viewport()->mapToGlobal(at));
}

QMenu *ClustersPage::contextMenu(const QModelIndex &index)
{
    const QString kind = index.data(ResourceTreeModel::KindRole).toString();
    const QJsonObject object = index.data(ResourceTreeModel::ObjectRole).toJsonObject();
    const bool pod = kind == QLatin1String("Pod");
    // The labels of the pods it stands for: a pod's own, a workload's template's.
    const QJsonObject md = object.value(QStringLiteral("metadata")).toObject();
    const QJsonObject labels = pod ? md.value(QStringLiteral("labels")).toObject()
                                   : object.value(QStringLiteral("spec"))
                                         .toObject()
                                         .value(QStringLiteral("template"))
                                         .toObject()
                                         .value(QStringLiteral("metadata"))
                                         .toObject()
                                         .value(QStringLiteral("labels"))
                                         .toObject();
    const QString ns = md.value(QStringLiteral("namespace")).toString();
    const QStringList services
        = m_services && !labels.isEmpty() ? m_services(ns, labels) : QStringList();
    if (!pod && services.isEmpty())
        return nullptr;
    auto *menu = new QMenu(this);
    if (pod) {
        menu->addAction(tr("Open &Shell"), this, [this] {
            m_details->setCurrentWidget(m_shell);
            m_shell->connectShell();
        });
        QAction *forward
            = menu->addAction(tr("&Forward Port…"), this, [this, object] { askForward(object); });
        forward->setEnabled(m_forwards != nullptr);
    }
    for (const QString &service : services)
        menu->addAction(tr("&Route Traffic to %1…").arg(service), this,
                        [this, ns, service] { emit routeTrafficRequested(ns, service); });
    return menu;
}

void ClustersPage::retranslate()
{
    m_contextLabel->setText(tr("&Context:"));
    m_search->setPlaceholderText(tr("Filter by name"));
    m_details->setTabText(0, tr("YAML"));
    m_details->setTabText(1, tr("Events"));
    m_details->setTabText(2, tr("Logs"));
    m_details->setTabText(3, tr("Shell"));
    if (m_forwards)
        m_details->setTabText(4, tr("Port Forwards"));
    m_follow->setText(tr("&Follow"));
    m_wrap->setText(tr("&Wrap lines"));
    updateLogStatus();
    m_logSearch->setPlaceholderText(tr("Find in log (Enter)"));
    m_eventList->setHeaderLabels({tr("Last seen"), tr("Type"), tr("Reason"), tr("Message")});
    if (m_namespace->count() > 0)
        m_namespace->setItemText(0, tr("All namespaces"));
    updateState();
}

} // namespace Meshdeck
