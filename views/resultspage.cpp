#include "resultspage.h"

#include "overheadreportview.h"

#include "comparisonview.h"
#include "emptystatepage.h"
#include "pageemptystates.h"

#include <models/comparisondata.h>
#include <models/runstablemodel.h>
#include <store/resultfiles.h>
#include <store/resultstore.h>

#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>
#include <QTimer>
#include <QVBoxLayout>

namespace Meshdeck {

struct ResultsPage::Loaded
{
    QList<Perf::RunResult> runs;
    ComparisonData data;
    std::optional<Overhead::OverheadReport> overhead; // set when an overhead report was asked
    QString error;
};

ResultsPage::ResultsPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new RunsTableModel(this))
    , m_loading(new QFutureWatcher<void>(this))
    , m_fileWork(new QFutureWatcher<QString>(this))
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);

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
    problemRow->addWidget(m_problem, 1);
    problemRow->addWidget(m_fresh);
    layout->addLayout(problemRow);

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
    connect(m_fresh, &QPushButton::clicked, this, &ResultsPage::freshDatabaseRequested);
    connect(m_comparison, &ComparisonView::closeRequested, this,
            [this] { m_stack->setCurrentWidget(m_listPage); });
    connect(m_empty, &EmptyStatePage::actionTriggered, this, &ResultsPage::performanceRequested);
    connect(m_fileWork, &QFutureWatcher<QString>::finished, this, [this] {
        const QString problem = m_fileWork->result();
        if (!problem.isEmpty())
            QMessageBox::warning(this, m_fileWorkTitle, problem);
        reload();
    });
    connect(m_loading, &QFutureWatcher<void>::finished, this, [this] {
        const auto loaded = m_loaded;
        if (!loaded)
            return;
        if (!loaded->error.isEmpty()) {
            QMessageBox::warning(
                this, loaded->overhead ? tr("Overhead Report") : tr("Compare Runs"), loaded->error);
            updateButtons();
            return;
        }
        if (loaded->overhead) {
            m_overheadView->setReport(*loaded->overhead);
            m_stack->setCurrentWidget(m_overheadPage);
            updateButtons();
            Q_EMIT overheadReportReady();
            return;
        }
        m_comparison->setData(loaded->data, loaded->runs);
        m_stack->setCurrentWidget(m_comparison);
        Q_EMIT comparisonReady();
    });
    retranslate();
    updateButtons();
}

ResultsPage::~ResultsPage()
{
    m_loading->waitForFinished();
    m_fileWork->waitForFinished();
}

void ResultsPage::setStore(ResultStore *store, const QString &storePath, const QString &problem)
{
    m_store = store;
    m_storePath = storePath;
    m_problemText = problem;
    m_model->setStore(store);
    reload();
}

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
    QString problem = m_problemText;
    if (problem.isEmpty() && !m_model->errorText().isEmpty())
        problem = m_model->errorText();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_fresh->setVisible(!problem.isEmpty() && !m_store);
    const bool empty = (!m_store || m_model->totalCount() == 0) && m_model->filter().isEmpty()
        && problem.isEmpty();
    if (m_stack->currentWidget() != m_comparison)
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
    m_compare->setEnabled(n >= 2 && n <= 6 && !m_loading->isRunning());
    m_overheadReport->setEnabled(n >= 1 && !m_loading->isRunning());
    const bool filesBusy = m_fileWork->isRunning();
    m_export->setEnabled(n >= 1 && !filesBusy);
    m_delete->setEnabled(n >= 1 && m_store && !m_store->readOnly());
    m_import->setEnabled(m_store && !m_store->readOnly() && !filesBusy);
}

void ResultsPage::compare(const QStringList &ids)
{
    if (ids.isEmpty() || ids.size() > 6 || m_loading->isRunning() || m_storePath.isEmpty())
        return;
    auto loaded = std::make_shared<Loaded>();
    m_loaded = loaded;
    const QString path = m_storePath;
    // Reading and decoding the runs and walking their histograms happen off the GUI thread.
    m_loading->setFuture(QtConcurrent::run([loaded, path, ids] {
        auto store = ResultStore::open(path, ResultStore::Mode::ReadOnly);
        if (!store) {
            loaded->error = store.error().message();
            return;
        }
        for (const QString &id : ids) {
            auto run = store.value()->loadRun(id);
            if (!run) {
                loaded->error = run.error().message();
                return;
            }
            loaded->runs.append(run.value());
        }
        loaded->data = ComparisonData::build(loaded->runs);
    }));
    updateButtons();
}

void ResultsPage::showOverheadReport(const QStringList &ids)
{
    if (ids.isEmpty() || m_loading->isRunning() || m_storePath.isEmpty())
        return;
    auto loaded = std::make_shared<Loaded>();
    loaded->overhead.emplace();
    m_loaded = loaded;
    const QString path = m_storePath;
    // Every run of the experiments the selected runs belong to, read off the GUI thread.
    m_loading->setFuture(QtConcurrent::run([loaded, path, ids] {
        auto store = ResultStore::open(path, ResultStore::Mode::ReadOnly);
        if (!store) {
            loaded->error = store.error().message();
            return;
        }
        QStringList experiments;
        for (const QString &id : ids) {
            const auto run = store.value()->loadRun(id);
            if (!run) {
                loaded->error = run.error().message();
                return;
            }
            const QString e = run->labels.value(QStringLiteral("experiment"));
            if (!e.isEmpty() && !experiments.contains(e))
                experiments << e;
        }
        QList<Perf::RunResult> runs;
        for (const QString &experiment : std::as_const(experiments)) {
            RunQuery query;
            query.filter = experiment;
            const auto summaries = store.value()->listRuns(query);
            if (!summaries) {
                loaded->error = summaries.error().message();
                return;
            }
            for (const RunSummary &s : summaries.value()) {
                auto run = store.value()->loadRun(s.id);
                if (run && run->labels.value(QStringLiteral("experiment")) == experiment)
                    runs << run.value();
            }
        }
        *loaded->overhead
            = Overhead::OverheadReport::build(Overhead::OverheadReport::armRunsFromLabels(runs));
        if (loaded->overhead->rows.isEmpty())
            loaded->error = tr("These runs are not from a mesh overhead experiment, or it "
                               "measured no rate with both arms. Run one from Performance → "
                               "Measure Mesh Overhead…, then select any of its runs.");
    }));
    updateButtons();
}

void ResultsPage::runFileWork(const QString &title, std::function<QString()> work)
{
    // Reading, decoding and writing files, and the database, happen off the GUI thread; the
    // page only learns the outcome (an empty string when all went well).
    if (m_fileWork->isRunning())
        return;
    m_fileWorkTitle = title;
    m_import->setEnabled(false);
    m_export->setEnabled(false);
    m_fileWork->setFuture(QtConcurrent::run(std::move(work)));
}

void ResultsPage::onImport()
{
    const QStringList files
        = QFileDialog::getOpenFileNames(this, tr("Import Results"), QString(),
                                        tr("Results (*.pb *.json *.yaml *.yml);;All files (*)"));
    if (files.isEmpty() || !m_store)
        return;
    const QString path = m_storePath;
    runFileWork(tr("Import Results"), [files, path]() -> QString {
        const auto runs = ResultFiles::readAll(files);
        if (!runs)
            return tr("Nothing was imported. %1").arg(runs.error().message());
        auto store = ResultStore::open(path);
        const VoidResult saved
            = store ? store.value()->saveRuns(runs.value()) : VoidResult(Unexpected(store.error()));
        return saved ? QString() : tr("Nothing was imported. %1").arg(saved.error().message());
    });
}

void ResultsPage::onExport()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty() || !m_store)
        return;
    QString filter;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Results"), QStringLiteral("results.json"),
        tr("Service Mesh Performance JSON (*.json);;fortio JSON (*.fortio.json);;Meshdeck result "
           "file (*.pb)"),
        &filter);
    if (path.isEmpty())
        return;
    const ResultFiles::Format format = path.endsWith(QLatin1String(".pb"))
        ? ResultFiles::Format::Meshdeck
        : (path.endsWith(QLatin1String(".fortio.json")) ? ResultFiles::Format::Fortio
                                                        : ResultFiles::Format::SmpJson);
    const QString storePath = m_storePath;
    runFileWork(tr("Export Results"), [ids, path, format, storePath]() -> QString {
        auto store = ResultStore::open(storePath, ResultStore::Mode::ReadOnly);
        if (!store)
            return store.error().message();
        // One run per file: a second and later run get the run's id in their name.
        for (int i = 0; i < ids.size(); ++i) {
            const auto run = store.value()->loadRun(ids[i]);
            if (!run)
                return run.error().message();
            QString target = path;
            if (i > 0) {
                const int dot = static_cast<int>(
                    path.indexOf(QLatin1Char('.'), path.lastIndexOf(QLatin1Char('/')) + 1));
                target = dot > 0
                    ? path.left(dot) + QLatin1Char('-') + run->id.left(8) + path.mid(dot)
                    : path + QLatin1Char('-') + run->id.left(8);
            }
            QFile f(target);
            if (!f.open(QIODevice::WriteOnly)
                || f.write(ResultFiles::serialize(run.value(), format)) < 0)
                return tr("Cannot write %1: %2").arg(target, f.errorString());
        }
        return QString();
    });
}

void ResultsPage::onDelete()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty() || !m_store)
        return;
    if (QMessageBox::question(
            this, tr("Delete Runs"),
            tr("Delete %n run(s)? This cannot be undone.", nullptr, static_cast<int>(ids.size())))
        != QMessageBox::Yes)
        return;
    if (const VoidResult r = m_store->deleteRuns(ids); !r)
        QMessageBox::warning(this, tr("Delete Runs"), r.error().message());
    reload();
}

} // namespace Meshdeck
