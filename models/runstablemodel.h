#pragma once

#include <QAbstractTableModel>

#include <memory>

namespace Meshdeck {

class ResultStore;

// The Results page's table: runs from the database, fetched a page at a time as the view
// scrolls (fetchMore), sorted and filtered by indexed SQL queries, so that 100,000 runs open
// and filter in milliseconds. Reads through its own connection on the GUI thread; each query
// touches at most one page of rows.
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

    // Takes a store to read from (null: empty table). Resets the model.
    void setStore(ResultStore *store);
    void setFilter(const QString &filter);
    [[nodiscard]] QString filter() const;
    void reload(); // after runs were added or removed
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

private:
    ResultStore *m_store = nullptr;
    struct Page; // the query and the rows fetched so far
    std::unique_ptr<Page> m_page;
    int m_total = 0;
    QString m_error;
};

} // namespace Meshdeck
