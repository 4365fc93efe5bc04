#pragma once

#include <perf/runresult.h>

#include <QJsonObject>
#include <QList>
#include <QTextStream>

namespace Meshdeck {

// Text and JSON renderings of runs, shared by `perf run`, `perf show` and `perf compare`.
namespace PerfSummary {

void printRun(const Perf::RunResult &run, QTextStream &out);
[[nodiscard]] QJsonObject runJson(const Perf::RunResult &run);
// A table of runs with each one's difference from the first (the baseline).
void printComparison(const QList<Perf::RunResult> &runs, const QStringList &names,
                     QTextStream &out);
[[nodiscard]] QJsonObject comparisonJson(const QList<Perf::RunResult> &runs,
                                         const QStringList &names);
[[nodiscard]] QString formatMs(std::uint64_t ns);

} // namespace PerfSummary

} // namespace Meshdeck
