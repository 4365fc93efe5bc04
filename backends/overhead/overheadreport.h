#pragma once

#include <perf/runresult.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QLocale>
#include <QString>

namespace Meshdeck::Overhead {

enum class Arm { Baseline, Mesh };

// One measured run of the experiment.
struct ArmRun
{
    Arm arm = Arm::Baseline;
    double rate = 0; // requested
    int repeat = 0; // 0-based
    Perf::RunResult result;
};

// A latency percentile without and with the mesh, and what the mesh added: the median over the
// repetitions' pairs and their spread (min..max).
struct AddedLatency
{
    double baselineMs = 0;
    double meshMs = 0;
    double addedMs = 0;
    double addedMinMs = 0;
    double addedMaxMs = 0;
};

// One rung of the rate ladder.
struct OverheadRow
{
    double rate = 0;
    int pairs = 0; // repetitions where both arms ran
    double baselineAchieved = 0; // requests/s, median
    double meshAchieved = 0;
    bool baselineKeptUp = true; // achieved >= 95 % of the rate with < 1 % errors, every time
    bool meshKeptUp = true;
    AddedLatency p50, p90, p99, max;

    // CPU and memory of the mesh arm (medians over repetitions); measured false: see note.
    bool resourcesMeasured = false;
    QString resourcesNote; // the source, or why there are no figures
    double proxyCores = 0; // all sidecars of the target together
    double proxyCoresPer1000 = 0; // per 1,000 requests/s achieved
    double proxyMemoryBytes = 0;
    int proxies = 0;
    bool controlPlaneMeasured = false;
    double controlPlaneCores = 0;
    double controlPlaneMemoryBytes = 0;
    double applicationCoresBaseline = 0;
    double applicationCoresMesh = 0;

    [[nodiscard]] bool keptUp() const { return baselineKeptUp && meshKeptUp; }
};

// The experiment's answer: a row per rate, in rising order.
struct OverheadReport
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::Overhead::OverheadReport)

public:
    QString baselineTarget;
    QString meshTarget;
    QString meshType; // "istio", "linkerd", ...
    QDateTime started;
    double durationSeconds = 0; // per run
    int repeats = 0;
    QList<OverheadRow> rows;
    QStringList warnings;
    bool cancelled = false;

    // Memory as people read it: "29 KiB" below a MiB, else "41.2 MiB" (the demo's proxies hold
    // kilobytes, real ones tens of megabytes). `locale` formats the number (C when default).
    [[nodiscard]] static QString memoryText(double bytes, const QLocale &locale = QLocale::c());

    // The highest rate both arms kept up with; 0 when none.
    [[nodiscard]] double highestKeptUpRate() const;

    [[nodiscard]] static OverheadReport build(const QList<ArmRun> &runs);
    // Stored runs of an experiment, told apart by the labels the experiment gives them (arm,
    // rate, repeat); runs without them are left out.
    [[nodiscard]] static QList<ArmRun> armRunsFromLabels(const QList<Perf::RunResult> &runs);
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] QString toText() const; // the table Istio publishes, for a terminal
};

} // namespace Meshdeck::Overhead
