#include "resultmerge.h"

#include <algorithm>
#include <map>

namespace Meshdeck::InCluster {

Perf::RunResult mergeResults(const QList<Perf::RunResult> &parts)
{
    Perf::RunResult out;
    if (parts.isEmpty())
        return out;
    out = parts.first();
    Perf::LoadReport &r = out.report;
    r.corrected.reset();
    r.service.reset();
    r.counters = {};
    r.failureExamples.clear();
    r.measuredSeconds = 0;
    r.requestedRate = 0;
    r.achievedRate = 0;
    r.clientCpuSeconds = 0;
    r.peakConnections = 0;
    r.cancelled = false;
    out.spec.rate = 0;
    out.spec.connections = 0;
    std::map<std::int64_t, Perf::SecondPoint> seconds;
    for (const Perf::RunResult &p : parts) {
        const Perf::LoadReport &pr = p.report;
        r.corrected.merge(pr.corrected);
        r.service.merge(pr.service);
        r.hasServiceTime = r.hasServiceTime && pr.hasServiceTime;
        r.counters.merge(pr.counters);
        for (const auto &[kind, text] : pr.failureExamples)
            r.failureExamples.emplace(kind, text);
        r.measuredSeconds = std::max(r.measuredSeconds, pr.measuredSeconds);
        r.requestedRate += pr.requestedRate;
        r.clientCpuSeconds += pr.clientCpuSeconds;
        r.peakConnections += pr.peakConnections;
        r.cancelled = r.cancelled || pr.cancelled;
        out.spec.rate += p.spec.rate;
        out.spec.connections += p.spec.connections;
        if (p.start.isValid() && (!out.start.isValid() || p.start < out.start))
            out.start = p.start;
        if (p.end.isValid() && (!out.end.isValid() || p.end > out.end))
            out.end = p.end;
        for (const Perf::SecondPoint &s : pr.series) {
            Perf::SecondPoint &m = seconds[s.second];
            m.second = s.second;
            m.requests += s.requests;
            m.errors += s.errors;
            // Without the seconds' histograms, the slowest worker's figures bound the second.
            m.p50Ns = std::max(m.p50Ns, s.p50Ns);
            m.p90Ns = std::max(m.p90Ns, s.p90Ns);
            m.p99Ns = std::max(m.p99Ns, s.p99Ns);
            m.maxNs = std::max(m.maxNs, s.maxNs);
        }
    }
    r.series.clear();
    for (const auto &[second, point] : seconds)
        r.series.push_back(point);
    r.achievedRate
        = r.measuredSeconds > 0 ? static_cast<double>(r.counters.responses) / r.measuredSeconds : 0;
    return out;
}

} // namespace Meshdeck::InCluster
