#pragma once

#include <perf/runresult.h>

#include <QColor>
#include <QList>
#include <QMap>
#include <QPointF>
#include <QStringList>

namespace Meshdeck {

// Everything the comparison charts draw, computed from 2 to 6 runs' full histograms, away from
// the widgets (pure, so it can run on a worker and be measured). Latency is in milliseconds.
struct ComparisonData
{
    struct Run
    {
        QString name;
        QString label; // the name, marked "⚠" when the run missed its requested rate
        QColor color;
        bool missedRate = false; // constant rate, below 95 % of what it asked for
        QList<QPointF> percentileCurve; // x: "nines" = -log10(1 - p), y: latency
        QList<QPointF> histogram; // x: bin centre (latency), y: share of the run's samples in %
        QList<QPointF> p50OverTime; // x: second of the run
        QList<QPointF> p99OverTime;
        // CPU (millicores) and memory (MiB) the cluster measured, summed over the role's
        // containers, x as above; empty with resourcesNote saying why.
        QList<QPointF> proxyCpuOverTime;
        QList<QPointF> applicationCpuOverTime;
        QList<QPointF> proxyMemoryOverTime;
        QList<QPointF> applicationMemoryOverTime;
        QString resourcesNote;
        double p50 = 0, p90 = 0, p99 = 0, p999 = 0, max = 0, mean = 0;
        double requestedRate = 0, achievedRate = 0, errorPercent = 0;
        QString mesh;
        QString protocol; // "HTTP/1.1", "HTTP/2 x 10" (streams per connection)
        QString protocolName; // "http/1.1", "h2", for files
        quint64 samples = 0;
        // Percentiles the generator itself reported (fortio's, kept on import), by percent;
        // the figures above are Meshdeck's, computed from the histogram.
        QMap<double, double> reportedMs;
        QString reportedBy;
    };
    QList<Run> runs;
    double minLatency = 0; // across runs, for shared axes
    double maxLatency = 0;
    double maxNines = 0;
    bool resources = false; // at least one run has CPU or memory over time

    // A role's containers summed per sampling instant (rounded to the second), offsets from the
    // start of the measured part; cores as millicores, memory as MiB.
    [[nodiscard]] static QList<QPointF> overTime(const Perf::ResourceUsage &usage,
                                                 Perf::ResourceRole role, bool memory);

    // The colour of the i-th run, the same on every chart and in the table.
    static QColor colorFor(int i);
    // Percent -> "nines" and back; 99.9 % -> 3.
    static double nines(double percent);
    [[nodiscard]] static ComparisonData build(const QList<Perf::RunResult> &runs);
    // Why a comparison of these runs may mislead: runs that missed their rate, closed-loop runs
    // beside constant-rate ones, different protocols, imported runs whose generator reported
    // other percentiles than their histogram gives (in the language of the moment).
    [[nodiscard]] static QStringList warningsFor(const QList<Run> &runs);
};

} // namespace Meshdeck
