#include "resultspage.h"

#include "overheadreportview.h"

#include "comparisonview.h"
#include "emptystatepage.h"
#include "pageemptystates.h"

#include <models/comparisondata.h>
#include <models/resultscontroller.h>
#include <models/runstablemodel.h>

#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace Meshdeck {

ResultsPage::ResultsPage(ResultsController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_model(controller->runs())
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);

    // Blank until the database has opened and the table has its first answer: then the runs or
    // the empty state, without a flash of the other.
    m_opening = new QWidget(m_stack);
    m_stack->addWidget(m_opening);
    m_empty = new EmptyStatePage([] { return PageEmptyStates::forPage(PageId::Results); }, m_stack);
    m_stack->addWidget(m_empty);

    m_listPage = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(m_listPage);
    layout->setContentsMargins(16, 12, 16, 12);
    auto *problemRow = new QHBoxLayout;
    m_problem = new QLabel(m_listPage);
    m_problem->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("resultsProblem"));
    m_fresh = new QPushButton(m_listPage);
    m_fresh->setObjectName(QStringLiteral("resultsMoveAside"));
    m_retry = new QPushButton(m_listPage);
    m_retry->setObjectName(QStringLiteral("resultsRetry"));
    problemRow->addWidget(m_problem, 1);
    problemRow->addWidget(m_retry);
    problemRow->addWidget(m_fresh);
    layout->addLayout(problemRow);
    // What the last import, export or delete did (with a link to the folder it wrote to).
    m_outcome = new QLabel(m_listPage);
    m_outcome->setObjectName(QStringLiteral("resultsOutcome"));
    m_outcome->setWordWrap(true);
    m_outcome->setTextFormat(Qt::RichText);
    m_outcome->hide();
    connect(m_outcome, &QLabel::linkActivated, this,
            [](const QString &link) { QDesktopServices::openUrl(QUrl(link)); });
    layout->addWidget(m_outcome);

    auto *toolbar = new QHBoxLayout;
    m_filter = new QLineEdit(m_listPage);
    m_filter->setClearButtonEnabled(true);
    m_count = new QLabel(m_listPage);
    m_compare = new QPushButton(m_listPage);
    m_compare->setDefault(true);
    m_overheadReport = new QPushButton(m_listPage);
    m_import = new QPushButton(m_listPage);
    m_export = new QPushButton(m_listPage);
    m_delete = new QPushButton(m_listPage);
    toolbar->addWidget(m_filter, 1);
    toolbar->addWidget(m_count);
    toolbar->addSpacing(12);
    toolbar->addWidget(m_compare);
    toolbar->addWidget(m_overheadReport);
    toolbar->addWidget(m_import);
    toolbar->addWidget(m_export);
    toolbar->addWidget(m_delete);
    layout->addLayout(toolbar);

    m_table = new QTableView(m_listPage);
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RunsTableModel::Started, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(RunsTableModel::Name, QHeaderView::Stretch);
    const QFontMetrics fm(font());
    for (int c = RunsTableModel::Profile; c < RunsTableModel::ColumnCount; ++c)
        m_table->setColumnWidth(c, fm.horizontalAdvance(QStringLiteral("0000000000000")));
    m_table->setColumnWidth(RunsTableModel::Started,
                            fm.horizontalAdvance(QStringLiteral("00/00/0000 00:00 AM")) + 16);
    layout->addWidget(m_table, 1);
    m_stack->addWidget(m_listPage);

    m_comparison = new ComparisonView(m_stack);
    m_stack->addWidget(m_comparison);
    m_overheadPage = new QWidget(m_stack);
    auto *overheadLayout = new QVBoxLayout(m_overheadPage);
    m_overheadBack = new QPushButton(m_overheadPage);
    auto *backRow = new QHBoxLayout;
    backRow->addWidget(m_overheadBack);
    backRow->addStretch();
    overheadLayout->addLayout(backRow);
    m_overheadView = new OverheadReportView(m_overheadPage);
    m_overheadView->setFileWriter(m_controller);
    overheadLayout->addWidget(m_overheadView, 1);
    m_stack->addWidget(m_overheadPage);

    // Filtering runs a query: coalesce keystrokes.
    auto *filterTimer = new QTimer(this);
    filterTimer->setSingleShot(true);
    filterTimer->setInterval(150);
    connect(m_filter, &QLineEdit::textChanged, filterTimer, qOverload<>(&QTimer::start));
    connect(filterTimer, &QTimer::timeout, this,
            [this] { m_model->setFilter(m_filter->text().trimmed()); });
    connect(m_model, &RunsTableModel::countChanged, this, [this] {
        retranslate();
        updateButtons();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ResultsPage::updateButtons);
    connect(m_compare, &QPushButton::clicked, this, [this] { compare(selectedIds()); });
    connect(m_overheadReport, &QPushButton::clicked, this,
            [this] { showOverheadReport(selectedIds()); });
    connect(m_overheadBack, &QPushButton::clicked, this,
            [this] { m_stack->setCurrentWidget(m_listPage); });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (const QStringList ids = selectedIds(); ids.size() >= 2)
            compare(ids);
        else
            compare({m_model->runId(index.row())});
    });
    connect(m_import, &QPushButton::clicked, this, &ResultsPage::onImport);
    connect(m_export, &QPushButton::clicked, this, &ResultsPage::onExport);
    connect(m_delete, &QPushButton::clicked, this, &ResultsPage::onDelete);
    connect(m_fresh, &QPushButton::clicked, m_controller, &ResultsController::moveAsideAndOpen);
    connect(m_retry, &QPushButton::clicked, m_controller, &ResultsController::retryOpen);
    connect(m_comparison, &ComparisonView::closeRequested, this,
            [this] { m_stack->setCurrentWidget(m_listPage); });
    connect(m_empty, &EmptyStatePage::actionTriggered, this, &ResultsPage::performanceRequested);
    connect(m_comparison, &ComparisonView::exportRequested, m_controller,
            &ResultsController::writeFile);
    connect(m_controller, &ResultsController::storeChanged, this, &ResultsPage::reload);
    connect(m_controller, &ResultsController::busyChanged, this, &ResultsPage::updateButtons);
    connect(m_controller, &ResultsController::fileWorkFinished, this,
            &ResultsPage::onFileWorkFinished);
    connect(m_controller, &ResultsController::loadFailed, this,
            [this](const QString &title, const QString &error) {
                if (!std::exchange(m_waiting, false))
                    return;
                showProblem(title, error);
                updateButtons();
            });
    connect(m_controller, &ResultsController::overheadReportLoaded, this,
            [this](const Overhead::OverheadReport &report) {
                if (!std::exchange(m_waiting, false))
                    return;
                m_overheadView->setReport(report);
                m_stack->setCurrentWidget(m_overheadPage);
                updateButtons();
                Q_EMIT overheadReportReady();
            });
    connect(m_controller, &ResultsController::comparisonLoaded, this,
            [this](const QList<Perf::RunResult> &runs, const ComparisonData &data) {
                if (!std::exchange(m_waiting, false))
                    return;
                m_comparison->setData(data, runs);
                m_stack->setCurrentWidget(m_comparison);
                Q_EMIT comparisonReady();
            });
    retranslate();
    updateButtons();
}

ResultsPage::~ResultsPage() = default;

void ResultsPage::reload()
{
    m_model->reload();
    retranslate();
    updateButtons();
}

void ResultsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ResultsPage::retranslate()
{
    m_filter->setPlaceholderText(tr("Filter by name, profile, mesh, URL or label"));
    m_count->setText(tr("%n run(s)", nullptr, m_model->totalCount()));
    m_compare->setText(tr("&Compare"));
    m_overheadReport->setText(tr("Overhead &Report"));
    m_overheadReport->setToolTip(tr("The mesh overhead report of the experiment the selected "
                                    "runs belong to"));
    m_overheadBack->setText(tr("Back to &runs"));
    m_compare->setToolTip(tr("Select 2 to 6 runs (Ctrl or Shift + click), then compare their "
                             "latency distributions"));
    m_import->setText(tr("&Import…"));
    m_export->setText(tr("E&xport…"));
    m_delete->setText(tr("&Delete"));
    m_fresh->setText(tr("Move Aside and Start &Fresh"));
    m_retry->setText(tr("&Try Again"));
    QString problem = m_controller->problem();
    if (problem.isEmpty() && !m_model->errorText().isEmpty())
        problem = m_model->errorText();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    // A damaged file can be moved aside; a locked or unreadable one may open on a retry.
    const bool missing = !problem.isEmpty() && !m_controller->hasStore();
    m_fresh->setVisible(missing && m_controller->damaged());
    m_retry->setVisible(missing && !m_controller->damaged());
    const bool empty = (!m_controller->hasStore() || m_model->totalCount() == 0)
        && m_model->filter().isEmpty() && problem.isEmpty();
    // Neither a database nor a problem with one yet: it is still opening.
    const bool unknown = problem.isEmpty() && (m_model->loading() || !m_controller->hasStore());
    QWidget *current = m_stack->currentWidget();
    // A comparison or an overhead report stays on screen; the list and the empty state follow
    // the table once its answer is in.
    if (!unknown && (current == m_opening || current == m_empty || current == m_listPage))
        m_stack->setCurrentWidget(empty ? static_cast<QWidget *>(m_empty) : m_listPage);
    m_empty->refresh();
}

QStringList ResultsPage::selectedIds() const
{
    QStringList ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        ids << m_model->runId(index.row());
    return ids;
}

void ResultsPage::updateButtons()
{
    const int n = static_cast<int>(m_table->selectionModel()->selectedRows().size());
    const bool busy = m_controller->busy();
    m_compare->setEnabled(n >= 2 && n <= 6 && !busy);
    m_overheadReport->setEnabled(n >= 1 && !busy);
    m_export->setEnabled(n >= 1 && !busy);
    m_delete->setEnabled(n >= 1 && m_controller->writable() && !busy);
    m_import->setEnabled(m_controller->writable() && !busy);
}

void ResultsPage::compare(const QStringList &ids)
{
    if (ids.isEmpty() || ids.size() > 6 || m_controller->busy() || !m_controller->hasStore())
        return;
    m_waiting = true;
    m_controller->compare(ids);
    updateButtons();
}

void ResultsPage::showOverheadReport(const QStringList &ids)
{
    if (ids.isEmpty() || m_controller->busy() || !m_controller->hasStore())
        return;
    m_waiting = true;
    m_controller->overheadReport(ids);
    updateButtons();
}

void ResultsPage::onFileWorkFinished(const QString &title, const QString &problem,
                                     const QString &path)
{
    if (!problem.isEmpty()) {
        m_outcome->hide();
        showProblem(title, problem);
    } else if (!path.isEmpty()) {
        const QString folder = QFileInfo(path).absolutePath();
        m_outcome->setText(tr("%1: written to %2. <a href=\"%3\">Open Folder</a>")
                               .arg(title.toHtmlEscaped(),
                                    QDir::toNativeSeparators(path).toHtmlEscaped(),
                                    QUrl::fromLocalFile(folder).toString()));
        m_outcome->show();
    } else {
        m_outcome->setText(tr("%1: done.").arg(title.toHtmlEscaped()));
        m_outcome->show();
    }
    m_comparison->setExportOutcome(problem.isEmpty() ? m_outcome->text() : QString());
    retranslate();
    updateButtons();
}

void ResultsPage::showProblem(const QString &title, const QString &text)
{
    // Window-modal without a nested event loop: the page keeps painting and the work that
    // follows is not held up.
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Close, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void ResultsPage::onImport()
{
    const QStringList files
        = QFileDialog::getOpenFileNames(this, tr("Import Results"), QString(),
                                        tr("Results (*.pb *.json *.yaml *.yml);;All files (*)"));
    if (files.isEmpty() || !m_controller->writable())
        return;
    m_controller->importFiles(files);
    updateButtons();
}

void ResultsPage::onExport()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty() || !m_controller->hasStore())
        return;
    QString filter;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Results"), QStringLiteral("results.json"),
        tr("Service Mesh Performance JSON (*.json);;fortio JSON (*.fortio.json);;Meshdeck result "
           "file (*.pb)"),
        &filter);
    if (path.isEmpty())
        return;
    m_controller->exportRuns(ids, path);
    updateButtons();
}

void ResultsPage::onDelete()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty() || !m_controller->writable())
        return;
    if (QMessageBox::question(
            this, tr("Delete Runs"),
            tr("Delete %n run(s)? This cannot be undone.", nullptr, static_cast<int>(ids.size())))
        != QMessageBox::Yes)
        return;
    m_controller->deleteRuns(ids);
    updateButtons();
}

} // namespace Meshdeck
