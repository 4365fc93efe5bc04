#pragma once

// Runs with realistic contents for store, model and chart tests and benchmarks.
#include <perf/runresult.h>

#include <QUuid>

#include <random>

namespace TestSupport {

// A run whose latency is log-normal around `medianMs`, with `samples` samples, a per-second
// series and a few failures. Deterministic for a given seed.
inline Meshdeck::Perf::RunResult sampleRun(const QString &name, double medianMs, quint64 samples,
                                           unsigned seed = 1, const QString &mesh = {})
{
    using namespace Meshdeck::Perf;
    RunResult run;
    run.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    run.name = name;
    run.spec.url = "http://127.0.0.1:9080/productpage";
    run.spec.mode = LoadSpec::Mode::ConstantRate;
    run.spec.rate = 1000;
    run.spec.connections = 16;
    run.spec.duration = std::chrono::seconds(30);
    run.mesh.type = mesh;
    if (!mesh.isEmpty())
        run.labels.insert(QStringLiteral("mesh"), mesh);
    std::mt19937_64 rng(seed);
    std::lognormal_distribution<double> dist(std::log(medianMs * 1e6), 0.4);
    // Record in batches: 10^7 samples take a moment otherwise.
    const quint64 distinct = std::min<quint64>(samples, 200000);
    const quint64 weight = samples / distinct;
    for (quint64 i = 0; i < distinct; ++i)
        run.report.corrected.recordN(static_cast<std::uint64_t>(dist(rng)), weight);
    run.report.service = run.report.corrected;
    for (int s = 0; s < 30; ++s) {
        const auto p = run.report.corrected.percentilesNs({50, 90, 99});
        run.report.series.push_back({s, run.report.corrected.count() / 30,
                                     static_cast<std::uint64_t>(s % 7 == 0),
                                     p[0] + static_cast<std::uint64_t>(s) * 10000, p[1], p[2],
                                     run.report.corrected.maxNs()});
    }
    run.report.counters.responses = run.report.corrected.count();
    run.report.counters.successes = run.report.counters.responses;
    run.report.counters.statusCodes[200] = run.report.counters.responses;
    run.report.measuredSeconds = 30;
    run.report.requestedRate = 1000;
    run.report.achievedRate = static_cast<double>(run.report.counters.responses) / 30.0;
    run.start = QDateTime::currentDateTimeUtc().addSecs(-static_cast<qint64>(seed) * 60);
    run.end = run.start.addSecs(32);
    return run;
}

} // namespace TestSupport
