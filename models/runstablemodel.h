#pragma once

#include <QAbstractTableModel>

#include <memory>

namespace Meshdeck {

class RunsReader;
struct RunsPage;
template<typename Worker> class WorkerThread;

// The Results page's table: runs from the database, fetched a page at a time as the view
// scrolls (fetchMore), sorted and filtered by indexed SQL queries, so that 100,000 runs open
// and filter in milliseconds. The queries run on the model's own reader thread, with its own
// read-only connection, never on the GUI thread: a database another process holds locked
// delays the table, not the window. Until an answer comes the table shows what it showed; an
// answer to a question asked before the latest one is dropped.
class RunsTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Name,
        Profile,
        Mesh,
        Started,
        RequestedRate,
        AchievedRate,
        P50,
        P99,
        P999,
        ErrorPercent,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1, SortValueRole };
    static constexpr int PageSize = 256;

    explicit RunsTableModel(QObject *parent = nullptr);
    ~RunsTableModel() override;

    // The database to read (empty: an empty table). Reads it again.
    void setStorePath(const QString &path);
    void setFilter(const QString &filter);
    [[nodiscard]] QString filter() const;
    void reload(); // after runs were added or removed
    // A read asked for (reload, filter, sort) has not answered yet.
    [[nodiscard]] bool loading() const { return m_loading; }
    [[nodiscard]] int totalCount() const { return m_total; }
    [[nodiscard]] QString errorText() const { return m_error; }
    [[nodiscard]] QString runId(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    void countChanged(int total);
    // The read asked for last answered: rows, total and errorText() are its outcome.
    void loaded();

private:
    struct Page; // the query and the rows fetched so far
    void ask(bool fromStart);
    void onReloaded(const RunsPage &page);
    void onFetched(const RunsPage &page);

    std::unique_ptr<Page> m_page;
    std::unique_ptr<WorkerThread<RunsReader>> m_reader;
    QString m_path;
    quint64 m_generation = 0; // of the latest reload: older answers are dropped
    bool m_loading = false; // a reload in flight
    bool m_fetching = false; // a further page in flight
    int m_total = 0;
    QString m_error;
};

} // namespace Meshdeck
