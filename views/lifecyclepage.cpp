#include "lifecyclepage.h"

#include "checkspanel.h"
#include "emptystatepage.h"
#include "installwizard.h"
#include "pageemptystates.h"

#include <mesh/installer.h>
#include <mesh/manifestplan.h>
#include <models/lifecyclecontroller.h>
#include <models/resultscontroller.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTabWidget>
#include <QTime>
#include <QVBoxLayout>

namespace Meshdeck {

LifecyclePage::LifecyclePage(LifecycleController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);
    m_empty
        = new EmptyStatePage([] { return PageEmptyStates::forPage(PageId::Lifecycle); }, m_stack);
    connect(m_empty, &EmptyStatePage::actionTriggered, this, &LifecyclePage::clustersRequested);
    m_stack->addWidget(m_empty);

    m_content = new QWidget(m_stack);
    auto *grid = new QGridLayout(m_content);
    grid->setContentsMargins(16, 12, 16, 12);
    QFont bold = font();
    bold.setBold(true);
    const auto title = [&](QLabel *&l) {
        l = new QLabel(m_content);
        l->setFont(bold);
        return l;
    };
    // Meshes.
    grid->addWidget(title(m_meshesTitle), 0, 0);
    m_meshes = new QTableWidget(0, 3, m_content);
    m_meshes->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_meshes->setSelectionMode(QAbstractItemView::SingleSelection);
    m_meshes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_meshes->verticalHeader()->hide();
    m_meshes->horizontalHeader()->setStretchLastSection(true);
    m_meshes->setWordWrap(true);
    grid->addWidget(m_meshes, 1, 0, 1, 2);
    auto *meshButtons = new QHBoxLayout;
    m_install = new QPushButton(m_content);
    m_uninstall = new QPushButton(m_content);
    m_refresh = new QPushButton(m_content);
    m_mtlsLabel = new QLabel(m_content);
    m_mtls = new QComboBox(m_content);
    m_mtls->setObjectName(QStringLiteral("mtlsMode"));
    m_mtlsLabel->setBuddy(m_mtls);
    meshButtons->addWidget(m_install);
    meshButtons->addWidget(m_uninstall);
    meshButtons->addSpacing(16);
    meshButtons->addWidget(m_mtlsLabel);
    meshButtons->addWidget(m_mtls);
    meshButtons->addSpacing(16);
    m_dashboard = new QPushButton(m_content);
    m_dashboard->setObjectName(QStringLiteral("openDashboard"));
    m_dashboardMenu = new QMenu(m_dashboard);
    m_dashboard->setMenu(m_dashboardMenu);
    meshButtons->addWidget(m_dashboard);
    meshButtons->addStretch();
    meshButtons->addWidget(m_refresh);
    grid->addLayout(meshButtons, 2, 0, 1, 2);
    // Namespaces and injection.
    grid->addWidget(title(m_namespacesTitle), 3, 0);
    m_namespaces = new QTableWidget(0, 2, m_content);
    m_namespaces->verticalHeader()->hide();
    m_namespaces->horizontalHeader()->setStretchLastSection(true);
    m_namespaces->setSelectionMode(QAbstractItemView::SingleSelection);
    m_namespaces->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_namespaces->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *nsBox = new QVBoxLayout;
    nsBox->addWidget(m_namespaces, 1);
    m_restart = new QPushButton(m_content);
    m_restart->setObjectName(QStringLiteral("restartButton"));
    nsBox->addWidget(m_restart, 0, Qt::AlignLeft);
    grid->addLayout(nsBox, 4, 0);
    // Configuration checks and the operation history share the bottom of the page.
    m_bottomTabs = new QTabWidget(m_content);
    m_checks = new ChecksPanel(m_bottomTabs);
    m_bottomTabs->addTab(m_checks, QString());
    auto *historyTab = new QWidget(m_bottomTabs);
    auto *historyBox = new QVBoxLayout(historyTab);
    historyBox->setContentsMargins(0, 4, 0, 0);
    m_historyTitle = new QLabel(historyTab);
    historyBox->addWidget(m_historyTitle);
    m_history = new QTableWidget(0, 4, historyTab);
    m_history->verticalHeader()->hide();
    m_history->horizontalHeader()->setStretchLastSection(true);
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    historyBox->addWidget(m_history, 1);
    m_bottomTabs->addTab(historyTab, QString());
    grid->addWidget(m_bottomTabs, 6, 0, 1, 2);
    connect(m_checks, &ChecksPanel::tabTitleChanged, this,
            [this](const QString &text) { m_bottomTabs->setTabText(0, text); });
    // Samples and the log.
    auto *right = new QVBoxLayout;
    right->addWidget(title(m_samplesTitle));
    auto *sampleRow = new QHBoxLayout;
    m_appLabel = new QLabel(m_content);
    m_sampleNsLabel = new QLabel(m_content);
    m_app = new QComboBox(m_content);
    m_app->setObjectName(QStringLiteral("sampleApp"));
    m_app->addItems(
        {QStringLiteral("bookinfo"), QStringLiteral("httpbin"), QStringLiteral("emojivoto")});
    m_sampleNs = new QLineEdit(QStringLiteral("samples"), m_content);
    m_appLabel->setBuddy(m_app);
    m_sampleNsLabel->setBuddy(m_sampleNs);
    m_inject = new QCheckBox(m_content);
    m_inject->setChecked(true);
    m_deploy = new QPushButton(m_content);
    m_remove = new QPushButton(m_content);
    sampleRow->addWidget(m_appLabel);
    sampleRow->addWidget(m_app);
    sampleRow->addWidget(m_sampleNsLabel);
    sampleRow->addWidget(m_sampleNs, 1);
    right->addLayout(sampleRow);
    // The options and actions on a row of their own, so that long translations fit.
    auto *sampleActions = new QHBoxLayout;
    sampleActions->addWidget(m_inject);
    sampleActions->addStretch();
    sampleActions->addWidget(m_deploy);
    sampleActions->addWidget(m_remove);
    right->addLayout(sampleActions);
    auto *logRow = new QHBoxLayout;
    logRow->addWidget(title(m_logTitle));
    logRow->addStretch();
    m_cancel = new QPushButton(m_content);
    logRow->addWidget(m_cancel);
    right->addLayout(logRow);
    m_log = new QPlainTextEdit(m_content);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    right->addWidget(m_log, 1);
    m_status = new QLabel(m_content);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    right->addWidget(m_status);
    grid->addLayout(right, 4, 1);
    grid->setRowStretch(1, 2);
    grid->setRowStretch(4, 3);
    grid->setRowStretch(6, 2);
    grid->setColumnStretch(0, 2);
    grid->setColumnStretch(1, 3);
    m_stack->addWidget(m_content);

    connect(m_install, &QPushButton::clicked, this, [this] { openInstallWizard(); });
    connect(m_restart, &QPushButton::clicked, this, &LifecyclePage::restartSelectedNamespace);
    connect(m_mtls, &QComboBox::activated, this, [this] {
        const QString mode = m_mtls->currentData().toString();
        if (!m_filling && !mode.isEmpty() && !activeMesh().isEmpty())
            m_controller->setMtlsMode(activeMesh(), mode);
    });
    connect(m_uninstall, &QPushButton::clicked, this, [this] { uninstallSelected(true); });
    connect(m_refresh, &QPushButton::clicked, m_controller, &LifecycleController::detect);
    connect(m_cancel, &QPushButton::clicked, m_controller, &LifecycleController::cancel);
    connect(m_deploy, &QPushButton::clicked, this, [this] {
        deploySample(m_app->currentText(), m_sampleNs->text().trimmed(), m_inject->isChecked());
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        m_controller->sample(m_app->currentText(), m_sampleNs->text().trimmed(), false, QString());
    });
    connect(m_meshes, &QTableWidget::itemSelectionChanged, this,
            [this] { setBusy(m_controller->busy()); });
    connect(m_namespaces, &QTableWidget::itemSelectionChanged, this,
            [this] { setBusy(m_controller->busy()); });
    connect(m_namespaces, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_filling || item->column() != 1 || activeMesh().isEmpty())
            return;
        // The namespace just switched is the one Restart Workloads acts on.
        m_namespaces->selectRow(item->row());
        m_controller->setInjection(activeMesh(), m_namespaces->item(item->row(), 0)->text(),
                                   item->checkState() == Qt::Checked);
    });
    connect(m_controller, &LifecycleController::detected, this, &LifecyclePage::onDetected);
    connect(m_history, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        // The whole record of an operation: every step, its state and timing.
        const QString steps = m_history->item(row, 0)->data(Qt::UserRole).toString();
        QString text;
        for (const QJsonValue &v : QJsonDocument::fromJson(steps.toUtf8()).array()) {
            const QJsonObject o = v.toObject();
            text += QStringLiteral("[%1] %2 %3\n")
                        .arg(o.value(QLatin1String("state")).toString(),
                             o.value(QLatin1String("step")).toString(),
                             o.contains(QLatin1String("ms")) ? QStringLiteral("(%1 ms)").arg(
                                 o.value(QLatin1String("ms")).toInt())
                                                             : QString());
        }
        QMessageBox box(QMessageBox::Information, m_history->item(row, 1)->text(),
                        m_history->item(row, 2)->text(), QMessageBox::Close, this);
        box.setDetailedText(text.isEmpty() ? tr("No steps were recorded.") : text);
        box.exec();
    });
    connect(m_controller, &LifecycleController::logged, this, [this](const QString &line) {
        appendLog(QTime::currentTime().toString(QStringLiteral("HH:mm:ss ")) + line);
    });
    connect(m_controller, &LifecycleController::started, this, [this](const QString &what) {
        appendLog(QStringLiteral("── %1 ──").arg(what));
        m_status->setText(tr("%1…").arg(what));
        setBusy(true);
    });
    connect(m_controller, &LifecycleController::finished, this,
            [this](const QString &what, bool ok, const QString &message) {
                appendLog(ok ? tr("%1: done").arg(what) : tr("%1: FAILED").arg(what));
                m_status->setText(message);
                setBusy(false);
                Q_EMIT operationFinished(ok);
            });
    retranslate();
    m_stack->setCurrentWidget(m_empty);
    setBusy(false);
}

void LifecyclePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void LifecyclePage::retranslate()
{
    m_meshesTitle->setText(tr("Service meshes"));
    m_namespacesTitle->setText(tr("Sidecar injection"));
    m_samplesTitle->setText(tr("Sample applications"));
    m_logTitle->setText(tr("Operation log"));
    m_historyTitle->setText(tr("Double-click an operation for its steps."));
    m_bottomTabs->setTabText(0, m_checks->tabTitle());
    m_bottomTabs->setTabText(1, tr("History"));
    m_history->setHorizontalHeaderLabels(
        {tr("When"), tr("Operation"), tr("Target"), tr("Outcome")});
    m_meshes->setHorizontalHeaderLabels({tr("Mesh"), tr("In this cluster"), tr("About")});
    m_appLabel->setText(tr("&App:"));
    m_sampleNsLabel->setText(tr("in namespac&e:"));
    m_install->setText(tr("&Install…"));
    m_restart->setToolTip(tr("Restart the selected namespace's workloads so that their pods get "
                             "(or lose) sidecars"));
    m_mtlsLabel->setText(tr("m&TLS:"));
    m_uninstall->setText(tr("&Uninstall…"));
    m_refresh->setText(tr("&Refresh"));
    m_dashboard->setText(tr("&Open Dashboard"));
    m_dashboardMenu->clear(); // its entries are rebuilt in the new language
    m_cancel->setText(tr("Cancel"));
    m_deploy->setText(tr("&Deploy"));
    m_remove->setText(tr("Re&move"));
    m_inject->setText(tr("Inject &sidecars first"));
    m_sampleNs->setPlaceholderText(tr("namespace"));
    m_empty->refresh();
    m_shown.clear(); // the tables' texts are in the new language
    onDetected(m_detected, {});
}

void LifecyclePage::updateDashboards()
{
    QList<Mesh::MeshDescription::Dashboard> boards;
    QString key;
    for (const auto &d : std::as_const(m_detected)) {
        const Mesh::MeshDescription *mesh = Mesh::findMesh(d.id);
        if (!mesh || d.replicas <= 0)
            continue;
        for (const auto &board : mesh->dashboards)
            if (d.addons.contains(board.addon)) {
                boards << board;
                key += d.id + QLatin1Char('/') + board.addon + QLatin1Char(' ');
            }
    }
    // Rebuilt only when the add-ons changed (an open menu keeps its entries), or the language.
    if (key == m_dashboardKey && !m_dashboardMenu->isEmpty())
        return;
    m_dashboardKey = key;
    m_dashboardMenu->clear();
    for (const auto &board : std::as_const(boards)) {
        QAction *open = m_dashboardMenu->addAction(
            tr("%1 (%2/%3:%4)").arg(board.title, board.ns, board.service).arg(board.port));
        open->setData(board.addon);
        connect(open, &QAction::triggered, this, [this, board] {
            showDashboardState(tr("Forwarding %1/%2:%3 for %4…")
                                   .arg(board.ns, board.service)
                                   .arg(board.port)
                                   .arg(board.title));
            emit dashboardRequested(board.ns, board.service, board.port, board.path);
        });
    }
    const bool any = !m_dashboardMenu->isEmpty();
    m_dashboard->setEnabled(any);
    m_dashboard->setToolTip(
        any ? tr("Open a running add-on's web UI in the browser, through a port forward (listed "
                 "on the Clusters page under Port Forwards)")
            : tr("No add-on with a web UI runs in this cluster. The install wizard adds "
                 "Prometheus, Grafana, Jaeger and Kiali to Istio, and Viz to Linkerd."));
}

void LifecyclePage::showDashboardState(const QString &text)
{
    m_status->setText(text);
}

void LifecyclePage::appendLog(const QString &line)
{
    // The newest line is always in view, wherever the user had scrolled.
    m_log->appendPlainText(line);
    m_log->verticalScrollBar()->setValue(m_log->verticalScrollBar()->maximum());
}

QString LifecyclePage::selectedMesh() const
{
    const auto rows = m_meshes->selectionModel() ? m_meshes->selectionModel()->selectedRows()
                                                 : QModelIndexList();
    return rows.isEmpty() ? QString()
                          : m_meshes->item(rows.first().row(), 0)->data(Qt::UserRole).toString();
}

QString LifecyclePage::activeMesh() const
{
    for (const auto &d : m_detected)
        if (d.replicas > 0
            && Mesh::findMesh(d.id)->injection != Mesh::MeshDescription::Injection::None)
            return d.id;
    return {};
}

void LifecyclePage::setBusy(bool busy)
{
    const QString mesh = selectedMesh();
    bool installed = false;
    for (const auto &d : m_detected)
        installed = installed || (d.id == mesh && d.replicas > 0);
    m_install->setEnabled(!busy && m_controller->hasContext()); // the wizard chooses the mesh
    m_uninstall->setEnabled(!busy && installed);
    m_deploy->setEnabled(!busy);
    m_remove->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    m_namespaces->setEnabled(!busy && !activeMesh().isEmpty());
    const auto nsRows = m_namespaces->selectionModel()->selectedRows();
    const QString ns = nsRows.isEmpty() || !m_namespaces->item(nsRows.first().row(), 0)
        ? QString()
        : m_namespaces->item(nsRows.first().row(), 0)->text();
    m_restart->setEnabled(!busy && !ns.isEmpty());
    m_restart->setText(ns.isEmpty() ? tr("Restart &Workloads")
                                    : tr("Restart &Workloads in %1").arg(ns));
    bool modes = false;
    for (const auto &d : m_detected)
        modes = modes || (d.replicas > 0 && !Mesh::findMesh(d.id)->mtlsModes.isEmpty());
    m_mtls->setEnabled(!busy && modes);
}

void LifecyclePage::onDetected(const QList<Mesh::DetectedMesh> &meshes,
                               const QStringList &namespaces)
{
    if (m_controller->hasContext())
        m_stack->setCurrentWidget(m_content);
    m_detected = meshes;
    if (!namespaces.isEmpty())
        m_namespaceNames = namespaces;
    // Detection follows the informers; the tables are rebuilt only when what they show
    // changed, so a selection, a scroll position or an open editor stays as it was.
    QString shown = m_namespaceNames.join(QLatin1Char(','));
    for (const auto &d : meshes)
        shown += QStringLiteral("|%1 %2 %3/%4 %5 %6 %7")
                     .arg(d.id, d.version)
                     .arg(d.ready)
                     .arg(d.replicas)
                     .arg(d.crds)
                     .arg(d.mtlsMode, d.injectedNamespaces.join(QLatin1Char(',')))
            + d.addons.join(QLatin1Char(','));
    if (shown == m_shown) {
        setBusy(m_controller->busy());
        return;
    }
    m_shown = shown;
    const QString selected = selectedMesh();
    m_filling = true;
    m_meshes->setRowCount(static_cast<int>(Mesh::catalog().size()));
    int row = 0;
    for (const Mesh::MeshDescription &m : Mesh::catalog()) {
        const Mesh::DetectedMesh *d = nullptr;
        for (const auto &x : meshes)
            if (x.id == m.id)
                d = &x;
        auto *name = new QTableWidgetItem(m.name);
        name->setData(Qt::UserRole, m.id);
        QString state = d && d->replicas > 0
            ? tr("%1, %2 of %3 ready").arg(d->version).arg(d->ready).arg(d->replicas)
            : (d && d->crds ? tr("CRDs only (control plane missing)") : tr("not installed"));
        if (d && d->replicas > 0 && !d->addons.isEmpty())
            state
                += QLatin1Char('\n') + tr("add-ons: %1").arg(d->addons.join(QStringLiteral(", ")));
        m_meshes->setItem(row, 0, name);
        m_meshes->setItem(row, 1, new QTableWidgetItem(state));
        auto *about = new QTableWidgetItem(m.localSummary());
        about->setToolTip(m.localSummary() + QStringLiteral("\n") + m.homepage);
        m_meshes->setItem(row, 2, about);
        if (m.id == selected)
            m_meshes->selectRow(row);
        ++row;
    }
    m_meshes->resizeColumnToContents(0);
    m_meshes->resizeColumnToContents(1);
    m_meshes->resizeRowsToContents();
    // The catalog stays in view whole, whatever the rest of the page asks for.
    int tableHeight = m_meshes->horizontalHeader()->height() + 2 * m_meshes->frameWidth();
    for (int r = 0; r < m_meshes->rowCount(); ++r)
        tableHeight += m_meshes->rowHeight(r);
    m_meshes->setMinimumHeight(tableHeight);
    updateDashboards();
    // The mesh-wide mTLS mode, where the running mesh has one.
    m_mtls->clear();
    const Mesh::DetectedMesh *running = nullptr;
    for (const auto &d : meshes)
        if (d.replicas > 0 && !Mesh::findMesh(d.id)->mtlsModes.isEmpty())
            running = &d;
    if (running) {
        if (running->mtlsMode.isEmpty())
            m_mtls->addItem(tr("default (not set)"), QString());
        for (const QString &mode : Mesh::findMesh(running->id)->mtlsModes)
            m_mtls->addItem(mode, mode);
        m_mtls->setCurrentIndex(std::max(0, m_mtls->findData(running->mtlsMode)));
    } else {
        bool alwaysOn = false;
        for (const auto &d : meshes)
            alwaysOn = alwaysOn || (d.replicas > 0 && Mesh::findMesh(d.id)->mtlsByDefault);
        m_mtls->addItem(alwaysOn ? tr("always on") : tr("no mesh"), QString());
    }
    const QString mesh = activeMesh();
    m_namespaces->setHorizontalHeaderLabels(
        {tr("Namespace"),
         mesh.isEmpty() ? tr("Sidecars injected (no mesh installed)")
                        : tr("%1 sidecars injected").arg(Mesh::findMesh(mesh)->name)});
    if (!m_namespaceNames.isEmpty()) {
        const QStringList &namespaces = m_namespaceNames;
        const auto rows = m_namespaces->selectionModel()->selectedRows();
        const QString selectedNs
            = rows.isEmpty() ? QString() : m_namespaces->item(rows.first().row(), 0)->text();
        QStringList injected;
        for (const auto &d : meshes)
            if (d.id == mesh)
                injected = d.injectedNamespaces;
        m_namespaces->setRowCount(static_cast<int>(namespaces.size()));
        for (int i = 0; i < namespaces.size(); ++i) {
            m_namespaces->setItem(i, 0, new QTableWidgetItem(namespaces[i]));
            auto *check = new QTableWidgetItem;
            check->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
            check->setCheckState(injected.contains(namespaces[i]) ? Qt::Checked : Qt::Unchecked);
            m_namespaces->setItem(i, 1, check);
            if (namespaces[i] == selectedNs)
                m_namespaces->selectRow(i);
        }
        m_namespaces->resizeColumnToContents(0);
    }
    m_filling = false;
    refreshHistory();
    setBusy(m_controller->busy());
}

void LifecyclePage::setHistorySource(ResultsController *results)
{
    if (m_results)
        disconnect(m_results, nullptr, this, nullptr);
    m_results = results;
    if (results)
        connect(results, &ResultsController::historyChanged, this, &LifecyclePage::showHistory);
    refreshHistory();
}

void LifecyclePage::refreshHistory()
{
    if (m_results)
        m_results->refreshHistory(); // showHistory() when it is read
    else
        showHistory();
}

void LifecyclePage::showHistory()
{
    m_history->setRowCount(0);
    if (!m_results)
        return;
    const QList<HistoryEntry> &ops = m_results->history();
    m_history->setRowCount(static_cast<int>(ops.size()));
    const QLocale locale;
    for (int i = 0; i < ops.size(); ++i) {
        const HistoryEntry &op = ops.at(i);
        auto *when
            = new QTableWidgetItem(locale.toString(op.started.toLocalTime(), QLocale::ShortFormat));
        when->setData(Qt::UserRole, op.steps);
        m_history->setItem(i, 0, when);
        m_history->setItem(i, 1, new QTableWidgetItem(op.kind));
        m_history->setItem(i, 2, new QTableWidgetItem(op.target));
        auto *outcome = new QTableWidgetItem(op.outcome);
        if (op.outcome == QLatin1String("failed"))
            outcome->setForeground(QColor(0xc9, 0x19, 0x0b));
        m_history->setItem(i, 3, outcome);
    }
    m_history->resizeColumnsToContents();
}

InstallWizard *LifecyclePage::openInstallWizard()
{
    if (!m_controller->hasContext())
        return nullptr;
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return m_wizard;
    }
    m_wizard = new InstallWizard(m_controller->session(), m_detected, m_namespaceNames, this);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    m_wizard->setHistoryPath(m_controller->historyPath());
    if (!selectedMesh().isEmpty())
        m_wizard->selectMesh(selectedMesh());
    connect(m_wizard, &InstallWizard::installed, this, [this](bool ok) {
        appendLog(ok ? tr("Install verified.") : tr("Install not verified."));
        m_controller->detect();
        Q_EMIT operationFinished(ok);
    });
    connect(m_wizard, &InstallWizard::sampleRequested, this,
            [this](const QString &app, const QString &ns, const QString &mesh) {
                m_controller->sample(app, ns, true, mesh);
            });
    connect(m_wizard, &InstallWizard::restartRequested, m_controller,
            &LifecycleController::restartWorkloads);
    connect(m_wizard, &InstallWizard::topologyRequested, this, &LifecyclePage::topologyRequested);
    connect(m_wizard, &QWizard::finished, this, [this] { m_controller->detect(); });
    m_wizard->open();
    return m_wizard;
}

void LifecyclePage::restartSelectedNamespace()
{
    const auto rows = m_namespaces->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    m_controller->restartWorkloads(m_namespaces->item(rows.first().row(), 0)->text());
}

void LifecyclePage::uninstallSelected(bool confirm)
{
    const QString id = selectedMesh();
    const Mesh::MeshDescription *m = Mesh::findMesh(id);
    if (!m)
        return;
    if (confirm) {
        // The confirmation lists every object that will be deleted, newest first.
        Mesh::InstallOptions options;
        options.mesh = id;
        QString objects; // from the bundled manifests, parsed once per run
        if (const auto inst = Mesh::Installer::prepareRemoval(options, m_detected))
            for (int i = static_cast<int>(inst->plan.steps.size()) - 1; i >= 0; --i)
                objects += inst->plan.steps[i].title() + QLatin1Char('\n');
        QMessageBox box(QMessageBox::Question, tr("Uninstall %1").arg(m->name),
                        tr("Remove %1's control plane, add-ons and CRDs (%n object(s), listed "
                           "under Details)? Namespaces are kept; injected workloads keep their "
                           "sidecars until they restart.",
                           nullptr, static_cast<int>(objects.count(QLatin1Char('\n'))))
                            .arg(m->name),
                        QMessageBox::Yes | QMessageBox::Cancel, this);
        box.setDetailedText(objects);
        box.setDefaultButton(QMessageBox::Cancel);
        if (box.exec() != QMessageBox::Yes)
            return;
    }
    m_controller->uninstall(id);
}

void LifecyclePage::deploySample(const QString &app, const QString &ns, bool inject)
{
    if (ns.isEmpty()) {
        m_status->setText(tr("Name the namespace to deploy the sample in."));
        m_sampleNs->setFocus();
        return;
    }
    m_controller->sample(app, ns, true, inject ? activeMesh() : QString());
}

void LifecyclePage::setChecksModel(ConfigChecksModel *model)
{
    m_checks->setModel(model);
}

} // namespace Meshdeck
