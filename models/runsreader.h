#pragma once

#include <store/resultstore.h>

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace Meshdeck {

// One answer of the reader.
struct RunsPage
{
    QList<RunSummary> rows;
    int total = -1; // -1: not asked for
    QString error; // empty: read
};

// The runs table's reader: lives on its own thread, with its own read-only connection to the
// results database (WAL lets it read beside the writer), opened on first use and again when
// the path changes. Each read answers one page of rows, and the total when asked for it.
class RunsReader : public QObject
{
    Q_OBJECT

public:
    RunsReader();
    ~RunsReader() override;

    // An empty path reads nothing (an empty page).
    [[nodiscard]] RunsPage read(const QString &path, const RunQuery &query, bool withTotal);

private:
    QString m_path;
    std::unique_ptr<ResultStore> m_store;
};

} // namespace Meshdeck
