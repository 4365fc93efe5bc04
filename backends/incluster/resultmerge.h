#pragma once

#include <perf/runresult.h>

#include <QList>

namespace Meshdeck::InCluster {

// Several generators' results as one run, exactly: their latency histograms merge by adding
// counts (so every merged percentile is the percentile of the union of all samples, to the
// histogram's three significant digits), counters and rates add up, per-second series add up
// second by second (their percentiles taken from the merged second histograms when given).
// The first result gives the spec, name and environment; the merged spec has the total rate
// and connections.
[[nodiscard]] Perf::RunResult mergeResults(const QList<Perf::RunResult> &parts);

} // namespace Meshdeck::InCluster
