#include "perfsummary.h"

#include <overhead/overheadreport.h>

#include <perf/specsecrets.h>

#include <QJsonArray>

namespace Meshdeck::PerfSummary {

using namespace Perf;

namespace {

QString percentName(double p)
{
    if (p >= 100)
        return QStringLiteral("max");
    return QLatin1Char('p') + QString::number(p);
}

QString count(std::uint64_t n)
{
    QString digits = QString::number(static_cast<qulonglong>(n));
    for (auto i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return digits;
}

QString pad(const QString &s, int width)
{
    return s.leftJustified(width);
}

QString rpad(const QString &s, int width)
{
    return s.rightJustified(width);
}

} // namespace

QString formatMs(std::uint64_t ns)
{
    const double ms = static_cast<double>(ns) / 1e6;
    if (ms >= 100)
        return QString::number(ms, 'f', 1);
    if (ms >= 1)
        return QString::number(ms, 'f', 2);
    return QString::number(ms, 'f', 3);
}

// CPU and memory the cluster measured around the run, per role, or why there are none.
void printResources(const ResourceUsage &usage, QTextStream &out)
{
    if (!usage.available()) {
        if (!usage.unavailableReason.isEmpty())
            out << "  Resources    not measured: " << usage.unavailableReason << "\n";
        return;
    }
    out << "  Resources    from "
        << (usage.source == QLatin1String("prometheus")
                ? QStringLiteral("Prometheus (cAdvisor series)")
                : QStringLiteral("the metrics API (metrics.k8s.io)"))
        << ", means over the measured part of the run\n";
    for (const ResourceRole role : {ResourceRole::Sidecar, ResourceRole::Application,
                                    ResourceRole::ControlPlane, ResourceRole::LoadGenerator}) {
        const RoleUsage u = usage.usage(role);
        if (!u.measured) {
            // Only the mesh's own parts are worth a line when nothing of them was seen.
            if (role == ResourceRole::Sidecar || role == ResourceRole::ControlPlane)
                out << "    " << pad(resourceRoleName(role), 15) << "no samples\n";
            continue;
        }
        out << "    " << pad(resourceRoleName(role), 15)
            << rpad(QString::number(u.cores * 1000.0, 'f', 0), 6) << " mCPU  "
            << rpad(Overhead::OverheadReport::memoryText(u.memoryBytes), 12) << "  ("
            << u.containers << (u.containers == 1 ? " container)" : " containers)") << "\n";
    }
    for (const QString &w : usage.warnings)
        out << "    note: " << w << "\n";
}

void printRun(const RunResult &run, QTextStream &out)
{
    const LoadReport &r = run.report;
    const LoadSpec &s = run.spec;
    out << "Run " << run.id
        << (run.name.isEmpty() ? QString() : QStringLiteral(" (") + run.name + QLatin1Char(')'))
        << "\n";
    if (s.protocol == LoadSpec::Protocol::Grpc)
        out << "  Target       " << QString::fromStdString(s.grpcMethod) << " at "
            << QString::fromStdString(SpecSecrets::redactUrl(s.url)) << "\n";
    else
        out << "  Target       " << QString::fromStdString(s.method) << ' '
            << QString::fromStdString(SpecSecrets::redactUrl(s.url)) << "\n";
    out << "  Generator    " << generatorName(run.generator)
        << (r.generatorVersion.empty()
                ? QString()
                : QStringLiteral(" ") + QString::fromStdString(r.generatorVersion))
        << ", "
        << (s.protocol == LoadSpec::Protocol::Grpc
                ? QStringLiteral("gRPC (%1 stream(s) per connection), ").arg(s.streams)
                : s.protocol == LoadSpec::Protocol::Http2
                ? QStringLiteral("HTTP/2 (%1 stream(s) per connection), ").arg(s.streams)
                : QStringLiteral("HTTP/1.1, "))
        << s.connections << " connections on " << s.threads << " thread(s), "
        << (s.mode == LoadSpec::Mode::ConstantRate
                ? QStringLiteral("constant rate %1 req/s").arg(s.rate)
                : QStringLiteral("closed loop (max rate)"))
        << "\n";
    if (!run.mesh.type.isEmpty())
        out << "  Mesh         " << run.mesh.type << ' ' << run.mesh.version
            << (run.mesh.mtls ? " (mTLS)" : "") << "\n";
    if (!run.labels.isEmpty()) {
        QStringList l;
        for (auto it = run.labels.begin(); it != run.labels.end(); ++it)
            l << it.key() + QLatin1Char('=') + it.value();
        out << "  Labels       " << l.join(QStringLiteral(", ")) << "\n";
    }
    if (!run.failure.isEmpty())
        out << "  FAILED       " << run.failure << "\n";
    out << "  Measured     " << QString::number(r.measuredSeconds, 'f', 2) << " s"
        << (r.cancelled ? " (interrupted: partial result)" : "") << "\n";
    out << "  Requests     " << count(r.counters.responses) << " responses, "
        << QString::number(r.achievedRate, 'f', 1) << " req/s";
    if (r.requestedRate > 0) {
        const double share = r.achievedRate / r.requestedRate * 100.0;
        out << " of " << r.requestedRate << " requested (" << QString::number(share, 'f', 1)
            << " %)";
        if (share < 99.0)
            out << "  RATE NOT REACHED";
    }
    out << "\n";
    out << "  Errors       " << count(r.counters.errorCount()) << " ("
        << QString::number(r.errorShare() * 100.0, 'f', 2) << " %)\n";
    if (!r.corrected.empty()) {
        std::vector<double> ps(RunResult::summaryPercentiles().begin(),
                               RunResult::summaryPercentiles().end());
        const auto corrected = r.corrected.percentilesNs(ps);
        const auto service = r.service.percentilesNs(ps);
        out << "  Latency (ms) ";
        for (const double p : ps)
            out << rpad(percentName(p), 9);
        out << rpad(QStringLiteral("mean"), 9) << rpad(QStringLiteral("stddev"), 9) << "\n";
        const bool both = s.mode == LoadSpec::Mode::ConstantRate && r.hasServiceTime;
        out << (both ? "    corrected  " : "               ");
        for (const auto v : corrected)
            out << rpad(formatMs(v), 9);
        out << rpad(formatMs(static_cast<std::uint64_t>(r.corrected.meanNs())), 9)
            << rpad(formatMs(static_cast<std::uint64_t>(r.corrected.stddevNs())), 9) << "\n";
        if (both) {
            out << "    service    ";
            for (const auto v : service)
                out << rpad(formatMs(v), 9);
            out << rpad(formatMs(static_cast<std::uint64_t>(r.service.meanNs())), 9)
                << rpad(formatMs(static_cast<std::uint64_t>(r.service.stddevNs())), 9) << "\n";
            out << "    (corrected: from each request's intended send time; service: from the "
                   "actual send)\n";
        }
    }
    if (!r.counters.statusCodes.empty() || r.counters.unknownErrorStatuses) {
        QStringList codes;
        for (const auto &[code, n] : r.counters.statusCodes)
            codes << QStringLiteral("%1: %2").arg(code).arg(count(n));
        if (r.counters.unknownErrorStatuses)
            codes << QStringLiteral("4xx/5xx: %1").arg(count(r.counters.unknownErrorStatuses));
        out << "  Statuses     " << codes.join(QStringLiteral(", ")) << "\n";
    }
    if (!r.counters.grpcCodes.empty()) {
        QStringList codes;
        for (const auto &[code, n] : r.counters.grpcCodes)
            codes << QStringLiteral("%1: %2").arg(QString::fromStdString(grpcStatusName(code)),
                                                  count(n));
        out << "  gRPC status  " << codes.join(QStringLiteral(", ")) << "\n";
        for (const auto &[code, message] : r.grpcMessages)
            out << "               " << QString::fromStdString(grpcStatusName(code)) << ": "
                << QString::fromStdString(message) << " (calling "
                << QString::fromStdString(s.grpcMethod) << ")\n";
    }
    for (int k = 0; k < static_cast<int>(FailureKind::Count); ++k) {
        const auto kind = static_cast<FailureKind>(k);
        const auto n = r.counters.failures[static_cast<std::size_t>(k)];
        const auto example = r.failureExamples.find(kind);
        if (!n && example == r.failureExamples.end())
            continue;
        out << "  Failure      " << pad(QString::fromLatin1(failureKindTitle(kind)), 28)
            << rpad(count(n), 10);
        if (example != r.failureExamples.end())
            out << "  e.g. " << QString::fromStdString(example->second);
        out << "\n";
    }
    printResources(run.resources, out);
    if (r.generator == "native") {
        out << "  Connections  " << count(r.counters.connectionsOpened) << " opened, peak "
            << r.peakConnections;
        if (r.counters.keepAliveRetries)
            out << ", " << count(r.counters.keepAliveRetries) << " closed by the server and resent";
        out << "\n";
        if (s.mode == LoadSpec::Mode::ConstantRate)
            out << "  Schedule     " << count(r.counters.lateSends) << " sent over 1 ms late (max "
                << formatMs(r.counters.maxSendLagNs) << " ms), " << count(r.counters.droppedSends)
                << " never sent\n";
        if (r.counters.oversizedBodies)
            out << "  Bodies       " << count(r.counters.oversizedBodies)
                << " over the size limit (read and discarded)\n";
        out << "  Client CPU   " << QString::number(r.clientCpuSeconds, 'f', 2) << " s";
        if (r.counters.responses)
            out << " ("
                << QString::number(
                       r.clientCpuSeconds * 1e6 / static_cast<double>(r.counters.responses), 'f', 2)
                << " us per request)";
        out << "\n";
    }
}

QJsonObject runJson(const RunResult &run)
{
    const LoadReport &r = run.report;
    QJsonObject latency, service;
    std::vector<double> ps(RunResult::summaryPercentiles().begin(),
                           RunResult::summaryPercentiles().end());
    const auto corrected = r.corrected.percentilesNs(ps);
    const auto svc = r.service.percentilesNs(ps);
    for (std::size_t i = 0; i < ps.size(); ++i) {
        latency.insert(percentName(ps[i]), static_cast<double>(corrected[i]) / 1e6);
        service.insert(percentName(ps[i]), static_cast<double>(svc[i]) / 1e6);
    }
    latency.insert(QStringLiteral("mean"), r.corrected.meanNs() / 1e6);
    latency.insert(QStringLiteral("stddev"), r.corrected.stddevNs() / 1e6);
    QJsonObject statuses, failures, grpcStatuses, grpcMessages;
    for (const auto &[code, n] : r.counters.statusCodes)
        statuses.insert(QString::number(code), static_cast<double>(n));
    for (const auto &[code, n] : r.counters.grpcCodes)
        grpcStatuses.insert(QString::fromStdString(grpcStatusName(code)), static_cast<double>(n));
    for (const auto &[code, message] : r.grpcMessages)
        grpcMessages.insert(QString::fromStdString(grpcStatusName(code)),
                            QString::fromStdString(message));
    for (int k = 0; k < static_cast<int>(FailureKind::Count); ++k) {
        if (const auto n = r.counters.failures[static_cast<std::size_t>(k)])
            failures.insert(QString::fromLatin1(failureKindName(static_cast<FailureKind>(k))),
                            static_cast<double>(n));
    }
    QJsonObject labels;
    for (auto it = run.labels.begin(); it != run.labels.end(); ++it)
        labels.insert(it.key(), it.value());
    QJsonObject o {
        {QStringLiteral("id"), run.id},
        {QStringLiteral("name"), run.name},
        {QStringLiteral("url"), QString::fromStdString(SpecSecrets::redactUrl(run.spec.url))},
        {QStringLiteral("generator"), generatorName(run.generator)},
        {QStringLiteral("mode"),
         run.spec.mode == LoadSpec::Mode::ConstantRate ? QStringLiteral("constant_rate")
                                                       : QStringLiteral("closed_loop")},
        {QStringLiteral("protocol"), QString::fromLatin1(protocolName(run.spec.protocol))},
        {QStringLiteral("streams"), run.spec.streams},
        {QStringLiteral("grpc_method"), QString::fromStdString(run.spec.grpcMethod)},
        {QStringLiteral("connections"), run.spec.connections},
        {QStringLiteral("threads"), run.spec.threads},
        {QStringLiteral("requested_rate"), r.requestedRate},
        {QStringLiteral("achieved_rate"), r.achievedRate},
        {QStringLiteral("measured_seconds"), r.measuredSeconds},
        {QStringLiteral("responses"), static_cast<double>(r.counters.responses)},
        {QStringLiteral("errors"), static_cast<double>(r.counters.errorCount())},
        {QStringLiteral("error_percent"), r.errorShare() * 100.0},
        {QStringLiteral("latency_ms"), latency},
        {QStringLiteral("statuses"), statuses},
        {QStringLiteral("grpc_statuses"), grpcStatuses},
        {QStringLiteral("grpc_messages"), grpcMessages},
        {QStringLiteral("failures"), failures},
        {QStringLiteral("labels"), labels},
        {QStringLiteral("cancelled"), r.cancelled},
        {QStringLiteral("start"), run.start.toString(Qt::ISODateWithMs)},
        {QStringLiteral("end"), run.end.toString(Qt::ISODateWithMs)},
        {QStringLiteral("client_cpu_seconds"), r.clientCpuSeconds},
    };
    if (r.hasServiceTime)
        o.insert(QStringLiteral("service_time_ms"), service);
    if (r.requestedRate > 0) {
        o.insert(QStringLiteral("late_sends"), static_cast<double>(r.counters.lateSends));
        o.insert(QStringLiteral("dropped_sends"), static_cast<double>(r.counters.droppedSends));
        o.insert(QStringLiteral("rate_reached"), r.achievedRate >= 0.99 * r.requestedRate);
    }
    if (!run.failure.isEmpty())
        o.insert(QStringLiteral("failure"), run.failure);
    if (run.resources.available() || !run.resources.unavailableReason.isEmpty()) {
        // CPU and memory around the run, summed per role over the measured window.
        QJsonObject resources {{QStringLiteral("source"), run.resources.source}};
        if (!run.resources.available())
            resources.insert(QStringLiteral("unavailable"), run.resources.unavailableReason);
        for (const ResourceRole role : {ResourceRole::Sidecar, ResourceRole::ControlPlane,
                                        ResourceRole::Application, ResourceRole::LoadGenerator}) {
            const RoleUsage u = run.resources.usage(role);
            if (u.measured)
                resources.insert(resourceRoleName(role),
                                 QJsonObject {{QStringLiteral("cores"), u.cores},
                                              {QStringLiteral("memory_bytes"), u.memoryBytes},
                                              {QStringLiteral("containers"), u.containers}});
        }
        if (!run.resources.warnings.isEmpty())
            resources.insert(QStringLiteral("warnings"),
                             QJsonArray::fromStringList(run.resources.warnings));
        o.insert(QStringLiteral("resources"), resources);
    }
    return o;
}

namespace {
const QList<double> ComparePercents {50, 90, 99, 99.9, 100};
}

void printComparison(const QList<RunResult> &runs, const QStringList &names, QTextStream &out)
{
    int nameWidth = 8;
    for (const QString &n : names)
        nameWidth = std::max(nameWidth, static_cast<int>(n.size()) + 2);
    out << pad(QStringLiteral("run"), nameWidth) << rpad(QStringLiteral("req/s"), 11)
        << rpad(QStringLiteral("err %"), 8);
    for (const double p : ComparePercents)
        out << rpad(percentName(p) + QStringLiteral(" ms"), 11);
    out << "\n";
    const std::vector<double> ps(ComparePercents.begin(), ComparePercents.end());
    const auto base = runs.first().report.corrected.percentilesNs(ps);
    for (int i = 0; i < runs.size(); ++i) {
        const LoadReport &r = runs[i].report;
        const auto v = r.corrected.percentilesNs(ps);
        out << pad(names[i], nameWidth) << rpad(QString::number(r.achievedRate, 'f', 0), 11)
            << rpad(QString::number(r.errorShare() * 100, 'f', 2), 8);
        for (const auto x : v)
            out << rpad(formatMs(x), 11);
        out << "\n";
        if (i == 0)
            continue;
        out << pad(QStringLiteral("  vs ") + names[0], nameWidth + 19);
        for (std::size_t k = 0; k < v.size(); ++k) {
            const double d = (static_cast<double>(v[k]) - static_cast<double>(base[k])) / 1e6;
            out << rpad((d >= 0 ? QStringLiteral("+") : QString()) + QString::number(d, 'f', 3),
                        11);
        }
        out << "\n" << pad(QString(), nameWidth + 19);
        for (std::size_t k = 0; k < v.size(); ++k) {
            const double pct = base[k]
                ? (static_cast<double>(v[k]) / static_cast<double>(base[k]) - 1) * 100
                : 0;
            out << rpad((pct >= 0 ? QStringLiteral("+") : QString()) + QString::number(pct, 'f', 1)
                            + QStringLiteral("%"),
                        11);
        }
        out << "\n";
    }
}

QJsonObject comparisonJson(const QList<RunResult> &runs, const QStringList &names)
{
    const std::vector<double> ps(ComparePercents.begin(), ComparePercents.end());
    const auto base = runs.first().report.corrected.percentilesNs(ps);
    QJsonArray rows;
    for (int i = 0; i < runs.size(); ++i) {
        const auto v = runs[i].report.corrected.percentilesNs(ps);
        QJsonObject latency, diffMs, diffPct;
        for (std::size_t k = 0; k < v.size(); ++k) {
            const QString key = percentName(ps[k]);
            latency.insert(key, static_cast<double>(v[k]) / 1e6);
            diffMs.insert(key, (static_cast<double>(v[k]) - static_cast<double>(base[k])) / 1e6);
            diffPct.insert(key,
                           base[k] ? (static_cast<double>(v[k]) / static_cast<double>(base[k]) - 1)
                                   * 100
                                   : 0.0);
        }
        rows.append(QJsonObject {
            {QStringLiteral("name"), names[i]},
            {QStringLiteral("id"), runs[i].id},
            {QStringLiteral("achieved_rate"), runs[i].report.achievedRate},
            {QStringLiteral("error_percent"), runs[i].report.errorShare() * 100},
            {QStringLiteral("latency_ms"), latency},
            {QStringLiteral("difference_ms"), diffMs},
            {QStringLiteral("difference_percent"), diffPct},
        });
    }
    return QJsonObject {{QStringLiteral("baseline"), names.first()},
                        {QStringLiteral("runs"), rows}};
}

} // namespace Meshdeck::PerfSummary
