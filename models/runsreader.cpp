#include "runsreader.h"

#include <store/resultstore.h>

namespace Meshdeck {

RunsReader::RunsReader() = default;

RunsReader::~RunsReader() = default;

RunsPage RunsReader::read(const QString &path, const RunQuery &query, bool withTotal)
{
    RunsPage page;
    if (path.isEmpty()) {
        m_store.reset();
        m_path.clear();
        page.total = withTotal ? 0 : -1;
        return page;
    }
    if (!m_store || path != m_path) {
        m_store.reset();
        m_path = path;
        auto store = ResultStore::open(path, ResultStore::Mode::ReadOnly);
        if (!store) {
            page.error = store.error().message();
            m_path.clear(); // tried again at the next read
            return page;
        }
        m_store = std::move(store).value();
    }
    if (withTotal) {
        const auto count = m_store->countRuns(query.filter);
        if (!count) {
            page.error = count.error().message();
            return page;
        }
        page.total = count.value();
    }
    const auto rows = m_store->listRuns(query);
    if (rows)
        page.rows = rows.value();
    else
        page.error = rows.error().message();
    return page;
}

} // namespace Meshdeck
