#pragma once

#include <core/result.h>
#include <perf/runresult.h>

#include <QCoreApplication>
#include <QList>

namespace Meshdeck {

// Reading and writing runs in other tools' formats. Import recognises, by content: Meshdeck
// result files (meshdeck.perf.v1), fortio JSON results (what Meshery stores), and Service Mesh
// Performance results as JSON or YAML (PerformanceTestResult, alone or with its config). Runs
// rebuilt from percentiles only (SMP) say so in a label (histogram=from-percentiles).
class ResultFiles
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::ResultFiles)

public:
    enum class Format { Meshdeck, Fortio, SmpJson };

    [[nodiscard]] static Result<QList<Perf::RunResult>> parse(const QByteArray &bytes,
                                                              const QString &fileName);
    // All the files, or nothing: the first bad one fails the whole import, naming it.
    [[nodiscard]] static Result<QList<Perf::RunResult>> readAll(const QStringList &paths);

    [[nodiscard]] static QByteArray serialize(const Perf::RunResult &run, Format format);
    [[nodiscard]] static Result<Format> formatFromName(const QString &name); // meshdeck|fortio|smp
    [[nodiscard]] static QJsonObject fortioJson(const Perf::RunResult &run);
};

} // namespace Meshdeck
