#include "overheadreport.h"

#include <QJsonArray>

#include <algorithm>
#include <map>

namespace Meshdeck::Overhead {

namespace {

double median(QList<double> v)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n % 2 ? v.at(n / 2) : (v.at(n / 2 - 1) + v.at(n / 2)) / 2;
}

double ms(const Perf::RunResult &r, double percent)
{
    const auto &h = r.report.corrected;
    return static_cast<double>(percent >= 100 ? h.maxNs() : h.percentileNs(percent)) / 1e6;
}

bool keptUp(const Perf::RunResult &r, double rate)
{
    const auto &c = r.report.counters;
    const double attempts = static_cast<double>(c.responses + c.failureCount());
    const double errors = static_cast<double>(c.errorCount());
    return r.failure.isEmpty() && r.report.achievedRate >= 0.95 * rate && c.droppedSends == 0
        && (attempts == 0 || errors / attempts < 0.01);
}

AddedLatency added(const QList<std::pair<const Perf::RunResult *, const Perf::RunResult *>> &pairs,
                   double percent)
{
    QList<double> base, mesh, diff;
    for (const auto &[b, m] : pairs) {
        base << ms(*b, percent);
        mesh << ms(*m, percent);
        diff << ms(*m, percent) - ms(*b, percent);
    }
    AddedLatency a;
    a.baselineMs = median(base);
    a.meshMs = median(mesh);
    a.addedMs = median(diff);
    if (!diff.isEmpty()) {
        a.addedMinMs = *std::min_element(diff.begin(), diff.end());
        a.addedMaxMs = *std::max_element(diff.begin(), diff.end());
    }
    return a;
}

QJsonObject addedJson(const AddedLatency &a)
{
    return QJsonObject {{QStringLiteral("baseline_ms"), a.baselineMs},
                        {QStringLiteral("mesh_ms"), a.meshMs},
                        {QStringLiteral("added_ms"), a.addedMs},
                        {QStringLiteral("added_min_ms"), a.addedMinMs},
                        {QStringLiteral("added_max_ms"), a.addedMaxMs}};
}

} // namespace

OverheadReport OverheadReport::build(const QList<ArmRun> &runs)
{
    OverheadReport report;
    std::map<double, std::map<int, std::pair<const ArmRun *, const ArmRun *>>> byRate;
    for (const ArmRun &run : runs) {
        auto &pair = byRate[run.rate][run.repeat];
        (run.arm == Arm::Baseline ? pair.first : pair.second) = &run;
        report.repeats = std::max(report.repeats, run.repeat + 1);
        if (!report.started.isValid() || run.result.start < report.started)
            report.started = run.result.start;
        report.durationSeconds
            = std::max(report.durationSeconds,
                       std::chrono::duration<double>(run.result.spec.duration).count());
        // Load from worker pods: where the workers ran tells the arms apart as much as the URL.
        const QString from
            = run.result.labels.value(QStringLiteral("load.from")) == QLatin1String("cluster")
            ? (run.result.labels.value(QStringLiteral("load.mesh")) == QLatin1String("inside")
                   ? tr(" (from workers inside the mesh)")
                   : tr(" (from workers outside the mesh)"))
            : QString();
        if (run.arm == Arm::Baseline)
            report.baselineTarget = QString::fromStdString(run.result.spec.url) + from;
        else {
            report.meshTarget = QString::fromStdString(run.result.spec.url) + from;
            if (!run.result.mesh.type.isEmpty())
                report.meshType = run.result.mesh.type;
        }
        if (run.result.report.cancelled)
            report.cancelled = true;
    }
    if (std::any_of(runs.begin(), runs.end(), [](const ArmRun &r) {
            return r.result.labels.value(QStringLiteral("arms")) == QLatin1String("injection");
        }))
        report.warnings << tr("The arms ran one after the other, before and after injection with "
                              "a restart between: drift on the machine or in the cluster over "
                              "that time is not cancelled out as interleaved arms would.");
    for (const auto &[rate, repeats] : byRate) {
        OverheadRow row;
        row.rate = rate;
        QList<std::pair<const Perf::RunResult *, const Perf::RunResult *>> pairs;
        QList<double> baseAchieved, meshAchieved, proxyCores, proxyPer1000, proxyMemory,
            controlCores, controlMemory, appBase, appMesh;
        QStringList notes;
        for (const auto &[repeat, pair] : repeats) {
            if (!pair.first || !pair.second)
                continue; // cancelled between the arms: the half pair is not compared
            const Perf::RunResult &b = pair.first->result;
            const Perf::RunResult &m = pair.second->result;
            pairs << std::pair {&b, &m};
            baseAchieved << b.report.achievedRate;
            meshAchieved << m.report.achievedRate;
            row.baselineKeptUp = row.baselineKeptUp && keptUp(b, rate);
            row.meshKeptUp = row.meshKeptUp && keptUp(m, rate);
            const Perf::ResourceUsage &res = m.resources;
            if (!res.available()) {
                if (!res.unavailableReason.isEmpty() && !notes.contains(res.unavailableReason))
                    notes << res.unavailableReason;
                continue;
            }
            const Perf::RoleUsage proxy = res.usage(Perf::ResourceRole::Sidecar);
            if (proxy.measured) {
                proxyCores << proxy.cores;
                proxyMemory << proxy.memoryBytes;
                row.proxies = std::max(row.proxies, proxy.containers);
                if (m.report.achievedRate > 0)
                    proxyPer1000 << proxy.cores / (m.report.achievedRate / 1000.0);
            }
            const Perf::RoleUsage control = res.usage(Perf::ResourceRole::ControlPlane);
            if (control.measured) {
                controlCores << control.cores;
                controlMemory << control.memoryBytes;
            }
            appMesh << res.usage(Perf::ResourceRole::Application).cores;
            if (b.resources.available())
                appBase << b.resources.usage(Perf::ResourceRole::Application).cores;
            const QString source = res.source == QLatin1String("prometheus")
                ? tr("cAdvisor series in Prometheus")
                : tr("the metrics API");
            if (!notes.contains(source))
                notes << source;
        }
        row.pairs = static_cast<int>(pairs.size());
        if (pairs.isEmpty())
            continue;
        row.baselineAchieved = median(baseAchieved);
        row.meshAchieved = median(meshAchieved);
        row.p50 = added(pairs, 50);
        row.p90 = added(pairs, 90);
        row.p99 = added(pairs, 99);
        row.max = added(pairs, 100);
        row.resourcesMeasured = !proxyCores.isEmpty();
        row.resourcesNote = notes.join(QStringLiteral("; "));
        row.proxyCores = median(proxyCores);
        row.proxyCoresPer1000 = median(proxyPer1000);
        row.proxyMemoryBytes = median(proxyMemory);
        row.controlPlaneMeasured = !controlCores.isEmpty();
        row.controlPlaneCores = median(controlCores);
        row.controlPlaneMemoryBytes = median(controlMemory);
        row.applicationCoresBaseline = median(appBase);
        row.applicationCoresMesh = median(appMesh);
        if (row.resourcesMeasured && !row.controlPlaneMeasured) {
            const QString why = tr("The mesh's control plane has no CPU or memory series (no "
                                   "samples for its pods in the control-plane namespaces): its "
                                   "cost is left out.");
            if (!report.warnings.contains(why))
                report.warnings << why;
        }
        if (!row.keptUp())
            report.warnings << tr("At %1 requests/s the %2 arm did not keep up (below 95 % of the "
                                  "rate, or 1 % errors): its figures are marked and left out of "
                                  "the summary.")
                                   .arg(rate)
                                   .arg(row.meshKeptUp ? tr("baseline") : tr("mesh"));
        report.rows << row;
    }
    return report;
}

QList<ArmRun> OverheadReport::armRunsFromLabels(const QList<Perf::RunResult> &runs)
{
    QList<ArmRun> out;
    for (const Perf::RunResult &r : runs) {
        const QString arm = r.labels.value(QStringLiteral("arm"));
        bool rateOk = false, repeatOk = false;
        const double rate = r.labels.value(QStringLiteral("rate")).toDouble(&rateOk);
        const int repeat = r.labels.value(QStringLiteral("repeat")).toInt(&repeatOk);
        if ((arm != QLatin1String("baseline") && arm != QLatin1String("mesh")) || !rateOk
            || !repeatOk || repeat < 1)
            continue;
        out << ArmRun {arm == QLatin1String("mesh") ? Arm::Mesh : Arm::Baseline, rate, repeat - 1,
                       r};
    }
    return out;
}

QString OverheadReport::memoryText(double bytes, const QLocale &locale)
{
    if (bytes < 1024.0 * 1024.0)
        return QStringLiteral("%1 KiB").arg(locale.toString(bytes / 1024.0, 'f', 0));
    return QStringLiteral("%1 MiB").arg(locale.toString(bytes / 1048576.0, 'f', 1));
}

double OverheadReport::highestKeptUpRate() const
{
    double best = 0;
    for (const OverheadRow &r : rows) {
        if (r.keptUp())
            best = std::max(best, r.rate);
    }
    return best;
}

QJsonObject OverheadReport::toJson() const
{
    QJsonArray list;
    for (const OverheadRow &r : rows) {
        QJsonObject o {{QStringLiteral("rate"), r.rate},
                       {QStringLiteral("pairs"), r.pairs},
                       {QStringLiteral("baseline_achieved_rate"), r.baselineAchieved},
                       {QStringLiteral("mesh_achieved_rate"), r.meshAchieved},
                       {QStringLiteral("baseline_kept_up"), r.baselineKeptUp},
                       {QStringLiteral("mesh_kept_up"), r.meshKeptUp},
                       {QStringLiteral("p50"), addedJson(r.p50)},
                       {QStringLiteral("p90"), addedJson(r.p90)},
                       {QStringLiteral("p99"), addedJson(r.p99)},
                       {QStringLiteral("max"), addedJson(r.max)},
                       {QStringLiteral("resources_measured"), r.resourcesMeasured},
                       {QStringLiteral("resources_note"), r.resourcesNote}};
        if (r.resourcesMeasured) {
            o.insert(QStringLiteral("proxy_cores"), r.proxyCores);
            o.insert(QStringLiteral("proxy_vcpu_per_1000_rps"), r.proxyCoresPer1000);
            o.insert(QStringLiteral("proxy_memory_bytes"), r.proxyMemoryBytes);
            o.insert(QStringLiteral("proxies"), r.proxies);
            o.insert(QStringLiteral("application_cores_baseline"), r.applicationCoresBaseline);
            o.insert(QStringLiteral("application_cores_mesh"), r.applicationCoresMesh);
        }
        if (r.controlPlaneMeasured) {
            o.insert(QStringLiteral("control_plane_cores"), r.controlPlaneCores);
            o.insert(QStringLiteral("control_plane_memory_bytes"), r.controlPlaneMemoryBytes);
        }
        list << o;
    }
    return QJsonObject {{QStringLiteral("baseline"), baselineTarget},
                        {QStringLiteral("mesh"), meshTarget},
                        {QStringLiteral("mesh_type"), meshType},
                        {QStringLiteral("started"), started.toUTC().toString(Qt::ISODateWithMs)},
                        {QStringLiteral("duration_seconds"), durationSeconds},
                        {QStringLiteral("repeats"), repeats},
                        {QStringLiteral("highest_kept_up_rate"), highestKeptUpRate()},
                        {QStringLiteral("cancelled"), cancelled},
                        {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
                        {QStringLiteral("rates"), list}};
}

QString OverheadReport::toText() const
{
    QString out;
    out += tr("Mesh overhead: %1 (mesh) against %2 (baseline), %3 s per run, %4 repetition(s)\n\n")
               .arg(meshTarget, baselineTarget)
               .arg(durationSeconds)
               .arg(repeats);
    out += tr("%1  %2  %3  %4  %5  %6  %7\n")
               .arg(tr("rate/s"), 7)
               .arg(tr("added p50"), 17)
               .arg(tr("added p90"), 17)
               .arg(tr("added p99"), 17)
               .arg(tr("proxy vCPU/1k rps"), 17)
               .arg(tr("proxy memory"), 12)
               .arg(tr("control plane"), 19);
    const auto latency = [](const AddedLatency &a) {
        return QStringLiteral("%1 ms (%2..%3)")
            .arg(a.addedMs, 0, 'f', 2)
            .arg(a.addedMinMs, 0, 'f', 1)
            .arg(a.addedMaxMs, 0, 'f', 1);
    };
    for (const OverheadRow &r : rows) {
        const QString rate
            = QString::number(r.rate) + (r.keptUp() ? QString() : QStringLiteral("*"));
        out += QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
                   .arg(rate, 7)
                   .arg(latency(r.p50), 17)
                   .arg(latency(r.p90), 17)
                   .arg(latency(r.p99), 17)
                   .arg(r.resourcesMeasured ? QString::number(r.proxyCoresPer1000, 'f', 3)
                                            : tr("n/a"),
                        17)
                   .arg(r.resourcesMeasured ? memoryText(r.proxyMemoryBytes) : tr("n/a"), 12)
                   .arg(r.controlPlaneMeasured ? QStringLiteral("%1m, %2")
                                                     .arg(r.controlPlaneCores * 1000, 0, 'f', 0)
                                                     .arg(memoryText(r.controlPlaneMemoryBytes))
                                               : tr("n/a"),
                        19);
    }
    if (std::any_of(rows.begin(), rows.end(), [](const OverheadRow &r) { return !r.keptUp(); }))
        out += tr("* an arm did not keep up with this rate: its figures are not comparable\n");
    for (const OverheadRow &r : rows) {
        if (!r.resourcesMeasured && !r.resourcesNote.isEmpty()) {
            out += tr("Resources: %1\n").arg(r.resourcesNote);
            break;
        }
    }
    for (const QString &w : warnings)
        out += tr("Warning: %1\n").arg(w);
    return out;
}

} // namespace Meshdeck::Overhead
