#include "comparisondata.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <map>

namespace Meshdeck {

QColor ComparisonData::colorFor(int i)
{
    // Distinct for the colour-blind in pairs, readable on light and dark backgrounds.
    static const QColor palette[]
        = {QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e), QColor(0x2c, 0xa0, 0x2c),
           QColor(0xd6, 0x27, 0x28), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b)};
    return palette[std::abs(i) % 6];
}

double ComparisonData::nines(double percent)
{
    return -std::log10(std::max(1e-9, 1.0 - percent / 100.0));
}

QStringList ComparisonData::warningsFor(const QList<Run> &runs)
{
    const QLocale locale;
    QStringList warnings;
    QStringList missed, closed, constant, protocols;
    for (const Run &r : runs) {
        if (r.missedRate)
            missed << QCoreApplication::translate("Meshdeck::ComparisonData",
                                                  "%1 (%2 of %3 requests/s)")
                          .arg(r.name, locale.toString(r.achievedRate, 'f', 0),
                               locale.toString(r.requestedRate, 'f', 0));
        (r.requestedRate > 0 ? constant : closed) << r.name;
        if (!protocols.contains(r.protocol))
            protocols << r.protocol;
    }
    if (!missed.isEmpty())
        warnings << QCoreApplication::translate(
                        "Meshdeck::ComparisonData",
                        "Did not reach the requested rate (marked ⚠): %1. Their latency is that "
                        "of a lighter load than asked; the target or the connections could not "
                        "keep up.")
                        .arg(missed.join(QStringLiteral(", ")));
    if (!closed.isEmpty() && !constant.isEmpty())
        warnings << QCoreApplication::translate(
                        "Meshdeck::ComparisonData",
                        "Closed-loop runs (%1) are compared with constant-rate runs: a closed "
                        "loop sends less when the server slows down, so its latency leaves out "
                        "the waiting a constant rate measures.")
                        .arg(closed.join(QStringLiteral(", ")));
    for (const Run &r : runs) {
        // An imported run whose generator's own percentiles differ from the histogram's by
        // more than 2 %: both are said, so that neither passes for the other.
        const auto differs = [](double a, double b) {
            return std::abs(a - b) > 0.02 * std::max(std::abs(a), std::abs(b));
        };
        if (!r.reportedMs.contains(50) || !r.reportedMs.contains(99) || r.samples == 0)
            continue;
        if (differs(r.reportedMs.value(50), r.p50) || differs(r.reportedMs.value(99), r.p99))
            warnings << QCoreApplication::translate(
                            "Meshdeck::ComparisonData",
                            "%1 was imported from %2, which reported p50 %3 ms and p99 %4 ms; the "
                            "figures here (p50 %5 ms, p99 %6 ms) are computed from its histogram, "
                            "whose buckets are coarser than its samples.")
                            .arg(r.name, r.reportedBy,
                                 locale.toString(r.reportedMs.value(50), 'f', 2),
                                 locale.toString(r.reportedMs.value(99), 'f', 2),
                                 locale.toString(r.p50, 'f', 2), locale.toString(r.p99, 'f', 2));
    }
    if (protocols.size() > 1)
        warnings << QCoreApplication::translate(
                        "Meshdeck::ComparisonData",
                        "The runs use different protocols (%1): part of the difference is the "
                        "protocol's, not the mesh's.")
                        .arg(protocols.join(QStringLiteral(", ")));
    return warnings;
}

ComparisonData ComparisonData::build(const QList<Perf::RunResult> &runs)
{
    ComparisonData out;
    out.minLatency = std::numeric_limits<double>::max();
    for (int i = 0; i < runs.size(); ++i) {
        const Perf::RunResult &run = runs[i];
        const Perf::Histogram &h = run.report.corrected;
        Run r;
        r.name = run.name.isEmpty() ? run.id.left(8) : run.name;
        r.color = colorFor(i);
        r.mesh = run.mesh.type.isEmpty() ? run.labels.value(QStringLiteral("mesh")) : run.mesh.type;
        r.samples = h.count();
        r.protocolName = QString::fromLatin1(Perf::protocolName(run.spec.protocol));
        r.protocol = run.spec.protocol == Perf::LoadSpec::Protocol::Http2
            ? QStringLiteral("HTTP/2 × %1").arg(run.spec.streams)
            : run.spec.protocol == Perf::LoadSpec::Protocol::Grpc
            ? QStringLiteral("gRPC × %1").arg(run.spec.streams)
            : QStringLiteral("HTTP/1.1");
        r.requestedRate = run.report.requestedRate;
        r.achievedRate = run.report.achievedRate;
        // The same bar as the overhead report's "kept up": 95 % of the requested rate.
        r.missedRate = r.requestedRate > 0 && r.achievedRate < 0.95 * r.requestedRate;
        r.label = r.missedRate ? r.name + QStringLiteral(" ⚠") : r.name;
        r.errorPercent = run.report.errorShare() * 100.0;
        for (auto it = run.labels.cbegin(); it != run.labels.cend(); ++it) {
            if (!it.key().startsWith(QLatin1String("fortio.p")))
                continue;
            bool okP = false, okV = false;
            const double percent = it.key().mid(8).toDouble(&okP);
            const double ms = it.value().section(QLatin1Char(' '), 0, 0).toDouble(&okV);
            if (okP && okV) {
                r.reportedMs.insert(percent, ms);
                r.reportedBy = QStringLiteral("fortio");
            }
        }
        if (h.empty()) {
            out.runs.append(r);
            continue;
        }
        // Up to the last percentile the samples can tell apart (1/count), in 0.05-nines steps.
        const double top = std::min(6.0, std::log10(static_cast<double>(h.count())));
        out.maxNines = std::max(out.maxNines, top);
        std::vector<double> percents;
        for (double x = 0; x <= top + 1e-9; x += 0.05)
            percents.push_back(100.0 * (1.0 - std::pow(10.0, -x)));
        percents.push_back(100.0);
        const auto values = h.percentilesNs(percents);
        for (std::size_t k = 0; k + 1 < percents.size(); ++k)
            r.percentileCurve.append({nines(percents[k]), static_cast<double>(values[k]) / 1e6});
        const auto summary = h.percentilesNs({50, 90, 99, 99.9});
        r.p50 = static_cast<double>(summary[0]) / 1e6;
        r.p90 = static_cast<double>(summary[1]) / 1e6;
        r.p99 = static_cast<double>(summary[2]) / 1e6;
        r.p999 = static_cast<double>(summary[3]) / 1e6;
        r.max = static_cast<double>(h.maxNs()) / 1e6;
        r.mean = h.meanNs() / 1e6;
        for (const Perf::SecondPoint &p : run.report.series) {
            r.p50OverTime.append(
                {static_cast<double>(p.second), static_cast<double>(p.p50Ns) / 1e6});
            r.p99OverTime.append(
                {static_cast<double>(p.second), static_cast<double>(p.p99Ns) / 1e6});
        }
        r.proxyCpuOverTime = overTime(run.resources, Perf::ResourceRole::Sidecar, false);
        r.applicationCpuOverTime = overTime(run.resources, Perf::ResourceRole::Application, false);
        r.proxyMemoryOverTime = overTime(run.resources, Perf::ResourceRole::Sidecar, true);
        r.applicationMemoryOverTime
            = overTime(run.resources, Perf::ResourceRole::Application, true);
        if (r.proxyCpuOverTime.isEmpty() && r.applicationCpuOverTime.isEmpty())
            r.resourcesNote = !run.resources.unavailableReason.isEmpty()
                ? run.resources.unavailableReason
                : !run.resources.warnings.isEmpty()
                ? run.resources.warnings.last()
                : QCoreApplication::translate("Meshdeck::ComparisonData",
                                              "No cluster was connected during the run.");
        else
            out.resources = true;
        out.minLatency
            = std::min(out.minLatency, std::max(1e-3, static_cast<double>(h.minNs()) / 1e6));
        out.maxLatency = std::max(out.maxLatency, r.max);
        out.runs.append(r);
    }
    if (out.minLatency > out.maxLatency)
        out.minLatency = out.maxLatency = 0;

    // Histogram overlay: 80 log-spaced bins over the shared range, as a share of each run.
    constexpr int Bins = 80;
    if (out.maxLatency > 0) {
        const double lo = std::log10(out.minLatency);
        const double hi = std::log10(std::max(out.maxLatency, out.minLatency * 1.01));
        const double width = (hi - lo) / Bins;
        for (int i = 0; i < runs.size(); ++i) {
            const Perf::Histogram &h = runs[i].report.corrected;
            if (h.empty())
                continue;
            std::vector<double> bins(Bins, 0.0);
            h.forEachBucket([&](std::uint64_t low, std::uint64_t high, std::uint64_t n) {
                const double mid = (static_cast<double>(low) + static_cast<double>(high)) / 2e6;
                const int b = std::clamp(
                    static_cast<int>((std::log10(std::max(mid, 1e-6)) - lo) / width), 0, Bins - 1);
                bins[static_cast<std::size_t>(b)] += static_cast<double>(n);
            });
            QList<QPointF> &points = out.runs[i].histogram;
            for (int b = 0; b < Bins; ++b)
                points.append(
                    {std::pow(10.0, lo + (b + 0.5) * width),
                     bins[static_cast<std::size_t>(b)] * 100.0 / static_cast<double>(h.count())});
        }
    }
    return out;
}

QList<QPointF> ComparisonData::overTime(const Perf::ResourceUsage &usage, Perf::ResourceRole role,
                                        bool memory)
{
    // Containers are scraped at slightly different instants: a second's bucket holds each
    // container's latest point, and the bucket is their sum.
    std::map<int, std::map<QString, double>> buckets;
    for (const Perf::ResourceSeries &s : usage.series) {
        if (s.role != role)
            continue;
        const QString key = s.pod + QLatin1Char('/') + s.container;
        for (const Perf::ResourcePoint &p : s.points) {
            const double x = p.offsetSeconds - usage.windowStart;
            if (x < -0.5 || p.offsetSeconds > usage.windowEnd + 0.5)
                continue; // warm-up, or after the run
            buckets[static_cast<int>(std::lround(x))][key] = memory
                ? static_cast<double>(p.memoryBytes) / (1024.0 * 1024.0)
                : p.cores * 1000.0;
        }
    }
    QList<QPointF> out;
    for (const auto &[second, containers] : buckets) {
        double sum = 0;
        for (const auto &[key, v] : containers)
            sum += v;
        out.append({static_cast<double>(std::max(0, second)), sum});
    }
    return out;
}

} // namespace Meshdeck
