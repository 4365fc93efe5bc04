#include "runstablemodel.h"

#include "runsreader.h"

#include <core/workerthread.h>

#include <QLocale>
#include <QPointer>

namespace Meshdeck {

namespace {

QString ms(qint64 ns)
{
    const double v = static_cast<double>(ns) / 1e6;
    return QLocale().toString(v, 'f', v >= 100 ? 1 : (v >= 1 ? 2 : 3));
}

} // namespace

struct RunsTableModel::Page
{
    RunQuery query;
    QList<RunSummary> rows;
};

RunsTableModel::RunsTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_page(std::make_unique<Page>())
    , m_reader(std::make_unique<WorkerThread<RunsReader>>(QStringLiteral("meshdeck-runs"),
                                                          new RunsReader))
{
}

RunsTableModel::~RunsTableModel() = default; // the reader's thread ends after its current read

QString RunsTableModel::filter() const
{
    return m_page->query.filter;
}

void RunsTableModel::setStorePath(const QString &path)
{
    m_path = path;
    reload();
}

void RunsTableModel::setFilter(const QString &filter)
{
    if (filter == m_page->query.filter)
        return;
    m_page->query.filter = filter;
    reload();
}

void RunsTableModel::reload()
{
    ++m_generation;
    m_loading = true;
    m_fetching = false; // a page of the old question is dropped when it comes
    ask(true);
}

void RunsTableModel::ask(bool fromStart)
{
    RunQuery query = m_page->query;
    query.offset = fromStart ? 0 : static_cast<int>(m_page->rows.size());
    query.limit = PageSize;
    QPointer<RunsTableModel> self(this);
    m_reader->post(
        [self, path = m_path, query, fromStart, generation = m_generation](RunsReader *reader) {
            RunsPage page = reader->read(path, query, fromStart);
            QMetaObject::invokeMethod(
                self.data(),
                [self, page = std::move(page), fromStart, generation] {
                    if (!self || generation != self->m_generation)
                        return;
                    fromStart ? self->onReloaded(page) : self->onFetched(page);
                },
                Qt::QueuedConnection);
        });
}

void RunsTableModel::onReloaded(const RunsPage &page)
{
    beginResetModel();
    m_page->rows = page.rows;
    m_total = page.error.isEmpty() ? std::max(page.total, 0) : 0;
    m_error = page.error;
    m_loading = false;
    endResetModel();
    Q_EMIT countChanged(m_total);
    Q_EMIT loaded();
}

void RunsTableModel::onFetched(const RunsPage &page)
{
    m_fetching = false;
    if (page.rows.isEmpty()) {
        // Runs went away since the count (or the read failed): the table ends here.
        m_total = static_cast<int>(m_page->rows.size());
        if (!page.error.isEmpty())
            m_error = page.error;
        return;
    }
    beginInsertRows({}, static_cast<int>(m_page->rows.size()),
                    static_cast<int>(m_page->rows.size() + page.rows.size()) - 1);
    m_page->rows.append(page.rows);
    endInsertRows();
}

QString RunsTableModel::runId(int row) const
{
    return row >= 0 && row < m_page->rows.size() ? m_page->rows[row].id : QString();
}

int RunsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_page->rows.size());
}

int RunsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool RunsTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_loading && !m_fetching && m_page->rows.size() < m_total;
}

void RunsTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    ask(false);
}

void RunsTableModel::sort(int column, Qt::SortOrder order)
{
    static const RunQuery::Sort map[]
        = {RunQuery::Sort::Name,        RunQuery::Sort::Profile,       RunQuery::Sort::Mesh,
           RunQuery::Sort::Started,     RunQuery::Sort::RequestedRate, RunQuery::Sort::AchievedRate,
           RunQuery::Sort::P50,         RunQuery::Sort::P99,           RunQuery::Sort::P999,
           RunQuery::Sort::ErrorPercent};
    if (column < 0 || column >= ColumnCount)
        return;
    m_page->query.sort = map[column];
    m_page->query.descending = order == Qt::DescendingOrder;
    reload();
}

QVariant RunsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_page->rows.size())
        return {};
    const RunSummary &r = m_page->rows[index.row()];
    if (role == IdRole)
        return r.id;
    if (role == Qt::TextAlignmentRole)
        return index.column() >= RequestedRate ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                               : QVariant();
    if (role == Qt::ToolTipRole && index.column() == Name)
        return QStringLiteral("%1\n%2 · %3").arg(r.url, r.generator, r.id);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (static_cast<Column>(index.column())) {
    case Name:
        return r.cancelled ? tr("%1 (partial)").arg(r.name.isEmpty() ? tr("unnamed") : r.name)
                           : (r.name.isEmpty() ? tr("unnamed") : r.name);
    case Profile:
        return r.profile;
    case Mesh:
        return r.mesh.isEmpty() ? tr("none") : r.mesh;
    case Started:
        return locale.toString(r.started.toLocalTime(), QLocale::ShortFormat);
    case RequestedRate:
        return r.requestedRate > 0 ? locale.toString(r.requestedRate, 'f', 0) : tr("max");
    case AchievedRate:
        return locale.toString(r.achievedRate, 'f', 1);
    case P50:
        return ms(r.p50Ns);
    case P99:
        return ms(r.p99Ns);
    case P999:
        return ms(r.p999Ns);
    case ErrorPercent:
        return locale.toString(r.errorPercent, 'f', 2);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RunsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (static_cast<Column>(section)) {
    case Name:
        return tr("Run");
    case Profile:
        return tr("Profile");
    case Mesh:
        return tr("Mesh");
    case Started:
        return tr("Date");
    case RequestedRate:
        return tr("Requested/s");
    case AchievedRate:
        return tr("Achieved/s");
    case P50:
        return tr("p50 ms");
    case P99:
        return tr("p99 ms");
    case P999:
        return tr("p99.9 ms");
    case ErrorPercent:
        return tr("Errors %");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Meshdeck
