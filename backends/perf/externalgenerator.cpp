#include "externalgenerator.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <csignal>

namespace Meshdeck::Perf {

namespace {

constexpr char WrkMarker[] = "MESHDECK-JSON ";

// A Lua string literal for any bytes.
QByteArray luaString(const std::string &s)
{
    QByteArray out = "\"";
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c == ' ' || c == '/' || c == '-' || c == '_' || c == '.' || c == ':')
            out += static_cast<char>(c);
        else
            out += "\\" + QByteArray::number(c);
    }
    return out + "\"";
}

QString seconds(Micros us)
{
    return QString::number(std::max<long long>(1, (us.count() + 999'999) / 1'000'000))
        + QLatin1Char('s');
}

// Rebuilds a histogram from (percentile, value) pairs: the samples between two percentiles are
// placed at the upper one's value. Exact at every given percentile, which is what charts use.
void histogramFromPercentiles(const QList<QPair<double, double>> &points, std::uint64_t total,
                              double toNs, Histogram &out)
{
    std::uint64_t placed = 0;
    for (const auto &[percent, value] : points) {
        const auto upto = static_cast<std::uint64_t>(std::llround(percent / 100.0 * total));
        if (upto > placed) {
            out.recordN(static_cast<std::uint64_t>(std::max(0.0, value * toNs)), upto - placed);
            placed = upto;
        }
    }
    if (placed < total && !points.isEmpty())
        out.recordN(static_cast<std::uint64_t>(points.last().second * toNs), total - placed);
}

} // namespace

Result<QString> ExternalGenerator::locate(Generator generator)
{
    if (generator == Generator::Wrk) {
        const QString path = QStandardPaths::findExecutable(QStringLiteral("wrk"));
        if (path.isEmpty())
            return Unexpected(
                Error(ErrorCode::NotFound,
                      tr("wrk is not installed. Install it with "
                         "\"sudo apt-get install wrk\", or use the native generator.")));
        return path;
    }
    if (generator == Generator::Fortio) {
        const QString path = QStandardPaths::findExecutable(QStringLiteral("fortio"));
        if (path.isEmpty())
            return Unexpected(Error(
                ErrorCode::NotFound,
                tr("fortio is not on PATH. Debian 12 does not package it: install a release from "
                   "fortio.org (or \"go install fortio.org/fortio@latest\"), or use the native "
                   "generator.")));
        return path;
    }
    return Unexpected(Error(ErrorCode::InvalidArgument, tr("The native generator is built in.")));
}

QByteArray ExternalGenerator::wrkScript(const LoadSpec &spec)
{
    QByteArray lua;
    lua += "wrk.method = " + luaString(spec.method) + "\n";
    if (!spec.body.empty())
        lua += "wrk.body = " + luaString(spec.body) + "\n";
    for (const auto &[name, value] : spec.headers)
        lua += "wrk.headers[" + luaString(name) + "] = " + luaString(value) + "\n";
    // done(): the summary and 1,000+ percentiles as one JSON line.
    lua += "done = function(summary, latency, requests)\n"
           "  local e = summary.errors\n"
           "  io.write(string.format('"
        + QByteArray(WrkMarker)
        + "{\"duration_us\":%d,\"requests\":%d,\"bytes\":%d,"
          "\"errors\":{\"connect\":%d,\"read\":%d,\"write\":%d,\"status\":%d,\"timeout\":%d},"
          "\"min_us\":%d,\"max_us\":%d,\"mean_us\":%.3f,\"stdev_us\":%.3f,\"percentiles\":[',\n"
          "    summary.duration, summary.requests, summary.bytes, e.connect, e.read, e.write,\n"
          "    e.status, e.timeout, latency.min, latency.max, latency.mean, latency.stdev))\n"
          "  local ps = {}\n"
          "  for i = 1, 999 do ps[#ps + 1] = i / 10 end\n"
          "  for i = 1, 9 do ps[#ps + 1] = 99.9 + i / 100 end\n"
          "  for i = 1, 9 do ps[#ps + 1] = 99.99 + i / 1000 end\n"
          "  ps[#ps + 1] = 100\n"
          "  for i, p in ipairs(ps) do\n"
          "    if i > 1 then io.write(',') end\n"
          "    io.write(string.format('[%.4f,%d]', p, latency:percentile(p)))\n"
          "  end\n"
          "  io.write(']}\\n')\n"
          "end\n";
    return lua;
}

Result<LoadReport> ExternalGenerator::parseWrkOutput(const QByteArray &text)
{
    const qsizetype at = text.lastIndexOf(WrkMarker);
    if (at < 0)
        return Unexpected(Error(ErrorCode::ParseError,
                                tr("wrk ended without printing its results."),
                                QString::fromUtf8(text.right(2000))));
    const qsizetype start = at + qsizetype(sizeof WrkMarker) - 1;
    const qsizetype end = text.indexOf('\n', start);
    QJsonParseError error {};
    const QJsonDocument doc
        = QJsonDocument::fromJson(text.mid(start, end < 0 ? -1 : end - start), &error);
    if (!doc.isObject())
        return Unexpected(Error(ErrorCode::ParseError, tr("wrk's results could not be read."),
                                error.errorString()));
    const QJsonObject o = doc.object();
    LoadReport r;
    r.generator = "wrk";
    r.hasServiceTime = false;
    r.measuredSeconds = o.value(QLatin1String("duration_us")).toDouble() / 1e6;
    const auto requests = static_cast<std::uint64_t>(o.value(QLatin1String("requests")).toDouble());
    const QJsonObject errors = o.value(QLatin1String("errors")).toObject();
    const auto count = [&](const char *key) {
        return static_cast<std::uint64_t>(errors.value(QLatin1String(key)).toDouble());
    };
    r.counters.responses = requests;
    r.counters.unknownErrorStatuses = count("status");
    r.counters.successes = requests - std::min(requests, r.counters.unknownErrorStatuses);
    r.counters.bytesRead = static_cast<std::uint64_t>(o.value(QLatin1String("bytes")).toDouble());
    r.counters.failures[static_cast<int>(FailureKind::ConnectFailed)] = count("connect");
    r.counters.failures[static_cast<int>(FailureKind::Reset)] = count("read") + count("write");
    r.counters.failures[static_cast<int>(FailureKind::ReadTimeout)] = count("timeout");
    QList<QPair<double, double>> points;
    for (const QJsonValue &v : o.value(QLatin1String("percentiles")).toArray()) {
        const QJsonArray pair = v.toArray();
        points.append({pair.at(0).toDouble(), pair.at(1).toDouble()});
    }
    histogramFromPercentiles(points, requests, 1000.0, r.corrected);
    r.service = r.corrected;
    r.achievedRate = r.measuredSeconds > 0 ? static_cast<double>(requests) / r.measuredSeconds : 0;
    return r;
}

Result<LoadReport> ExternalGenerator::parseFortioJson(const QByteArray &json)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        return Unexpected(Error(ErrorCode::ParseError, tr("This is not a fortio JSON result."),
                                error.errorString()));
    const QJsonObject o = doc.object();
    const QJsonObject hist = o.value(QLatin1String("DurationHistogram")).toObject();
    if (hist.isEmpty() || !o.contains(QLatin1String("ActualQPS")))
        return Unexpected(Error(ErrorCode::ParseError,
                                tr("This JSON has no fortio DurationHistogram or ActualQPS.")));
    LoadReport r;
    r.generator = "fortio";
    r.generatorVersion = o.value(QLatin1String("Version")).toString().toStdString();
    r.hasServiceTime = false;
    r.measuredSeconds = o.value(QLatin1String("ActualDuration")).toDouble() / 1e9;
    r.achievedRate = o.value(QLatin1String("ActualQPS")).toDouble();
    const QJsonValue requested = o.value(QLatin1String("RequestedQPS"));
    r.requestedRate = requested.isString() ? requested.toString().toDouble() : requested.toDouble();
    // Buckets [Start, End) in seconds. fortio computes its percentiles by interpolating
    // linearly within a bucket, as if its samples were spread evenly over it: they are spread
    // the same way here (over at most 1,000 equal slices per bucket), so that the imported
    // percentiles are fortio's own. Every number is checked first: the import is all or nothing.
    const QJsonArray data = hist.value(QLatin1String("Data")).toArray();
    constexpr qsizetype MaxBuckets = 100'000;
    if (data.size() > MaxBuckets)
        return Unexpected(Error(ErrorCode::ParseError,
                                tr("The fortio histogram has %1 buckets; fortio writes a few "
                                   "hundred at most, so this file is refused.")
                                    .arg(data.size())));
    struct Bucket
    {
        double start;
        double end;
        std::uint64_t count;
    };
    std::vector<Bucket> buckets;
    buckets.reserve(std::size_t(data.size()));
    constexpr double MaxSeconds = 3600; // beyond any request timeout
    constexpr double MaxCount = 1e15;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const QJsonObject b = data.at(i).toObject();
        const double count = b.value(QLatin1String("Count")).toDouble(-1);
        const double start = b.value(QLatin1String("Start")).toDouble(-1);
        const double end = b.value(QLatin1String("End")).toDouble(-1);
        const auto bad = [&](const QString &what) {
            return Unexpected(
                Error(ErrorCode::ParseError,
                      tr("Bucket %1 of the fortio histogram is damaged: %2. Nothing was imported.")
                          .arg(i + 1)
                          .arg(what)));
        };
        if (!(count >= 0) || count > MaxCount || std::floor(count) != count)
            return bad(tr("its Count %1 is not a whole number of requests")
                           .arg(b.value(QLatin1String("Count")).toVariant().toString()));
        if (!(start >= 0) || !(end >= start) || end > MaxSeconds)
            return bad(
                tr("its Start %1 s and End %2 s are not a latency range").arg(start).arg(end));
        buckets.push_back(Bucket {start, end, static_cast<std::uint64_t>(count)});
    }
    for (const Bucket &b : buckets) {
        if (b.count == 0)
            continue;
        const std::uint64_t slices = std::min<std::uint64_t>(b.count, 1000);
        const double width = (b.end - b.start) / double(slices);
        for (std::uint64_t k = 0; k < slices; ++k) {
            // fortio puts the i-th of a bucket's n samples at Start + (End - Start) * i / n: each
            // slice's samples sit at its upper end. The remainder goes to the first slices.
            const std::uint64_t n = b.count / slices + (k < b.count % slices ? 1 : 0);
            const double at = b.start + width * (double(k) + 1.0);
            r.corrected.recordN(static_cast<std::uint64_t>(at * 1e9), n);
        }
    }
    r.service = r.corrected;
    const QJsonObject codes = o.value(QLatin1String("RetCodes")).toObject();
    for (auto it = codes.begin(); it != codes.end(); ++it) {
        const int code = it.key().toInt();
        const double count = it.value().toDouble(-1);
        if (!(count >= 0) || count > 1e15 || std::floor(count) != count)
            return Unexpected(Error(ErrorCode::ParseError,
                                    tr("The fortio result counts %1 responses with code %2, "
                                       "which is not a whole number of requests. Nothing was "
                                       "imported.")
                                        .arg(it.value().toVariant().toString(), it.key())));
        const auto n = static_cast<std::uint64_t>(count);
        if (code <= 0) {
            r.counters.failures[static_cast<int>(FailureKind::ConnectFailed)] += n;
            continue;
        }
        r.counters.statusCodes[code] += n;
        r.counters.responses += n;
        if (code < 400)
            r.counters.successes += n;
        if (code >= 300 && code < 400)
            r.counters.redirects += n;
    }
    if (codes.isEmpty())
        r.counters.responses = r.corrected.count();
    r.counters.bytesRead = static_cast<std::uint64_t>(
        o.value(QLatin1String("Sizes")).toObject().value(QLatin1String("Sum")).toDouble());
    return r;
}

Result<LoadReport> ExternalGenerator::run(Generator generator, const LoadSpec &spec,
                                          const std::atomic_bool &cancel,
                                          const std::function<void(double)> &tick)
{
    const auto program = locate(generator);
    if (!program)
        return Unexpected(program.error());
    QTemporaryDir dir;
    if (!dir.isValid())
        return Unexpected(Error(ErrorCode::IoError, tr("Cannot create a temporary folder.")));

    QStringList args;
    const auto headerArgs = [&](const QString &flag) {
        for (const auto &[name, value] : spec.headers)
            args << flag << QString::fromStdString(name + ": " + value);
    };
    if (generator == Generator::Wrk) {
        if (spec.mode == LoadSpec::Mode::ConstantRate)
            return Unexpected(Error(
                ErrorCode::Unsupported,
                tr("wrk cannot hold a constant rate (that is wrk2, which Debian does not "
                   "package). Use --max with wrk, or the native generator for a constant rate.")));
        const QString script = dir.filePath(QStringLiteral("meshdeck.lua"));
        QFile f(script);
        if (!f.open(QIODevice::WriteOnly) || f.write(wrkScript(spec)) < 0)
            return Unexpected(Error(ErrorCode::IoError, tr("Cannot write wrk's script.")));
        f.close();
        args << QStringLiteral("-t") << QString::number(std::min(spec.threads, spec.connections))
             << QStringLiteral("-c") << QString::number(spec.connections)
             << QStringLiteral("--timeout") << seconds(spec.requestTimeout) << QStringLiteral("-s")
             << script;
    } else {
        args << QStringLiteral("load") << QStringLiteral("-c") << QString::number(spec.connections)
             << QStringLiteral("-qps")
             << (spec.mode == LoadSpec::Mode::ConstantRate ? QString::number(spec.rate)
                                                           : QStringLiteral("0"))
             << QStringLiteral("-timeout") << seconds(spec.requestTimeout) << QStringLiteral("-r")
             << QStringLiteral("0.00001") << QStringLiteral("-json")
             << dir.filePath(QStringLiteral("result.json"));
        if (spec.mode == LoadSpec::Mode::ConstantRate)
            args << QStringLiteral("-uniform") << QStringLiteral("-nocatchup");
        if (spec.method != "GET")
            args << QStringLiteral("-X") << QString::fromStdString(spec.method);
        if (!spec.body.empty()) {
            const QString body = dir.filePath(QStringLiteral("body"));
            QFile f(body);
            if (!f.open(QIODevice::WriteOnly))
                return Unexpected(Error(ErrorCode::IoError, tr("Cannot write the request body.")));
            f.write(spec.body.data(), qint64(spec.body.size()));
            args << QStringLiteral("-payload-file") << body;
        }
        headerArgs(QStringLiteral("-H"));
    }

    // One process for the warm-up (its results dropped), one for the measurement.
    const auto runOnce = [&](Micros duration, QByteArray *output) -> Result<int> {
        QStringList a = args;
        if (generator == Generator::Wrk)
            a << QStringLiteral("-d") << seconds(duration) << QString::fromStdString(spec.url);
        else
            a << QStringLiteral("-t") << seconds(duration) << QString::fromStdString(spec.url);
        QProcess process;
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(program.value(), a);
        if (!process.waitForStarted(5000))
            return Unexpected(Error(ErrorCode::IoError,
                                    tr("%1 could not be started.").arg(program.value()),
                                    process.errorString()));
        QElapsedTimer clock;
        clock.start();
        bool interrupted = false;
        while (!process.waitForFinished(250)) {
            if (tick)
                tick(static_cast<double>(clock.elapsed()) / 1000.0);
            if (cancel.load() && !interrupted) {
                // Both print what they measured on SIGINT.
                ::kill(static_cast<pid_t>(process.processId()), SIGINT);
                interrupted = true;
            }
        }
        if (output)
            *output = process.readAllStandardOutput();
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            if (!interrupted)
                return Unexpected(
                    Error(ErrorCode::Unknown,
                          tr("%1 failed (exit code %2).")
                              .arg(QFileInfo(program.value()).fileName())
                              .arg(process.exitCode()),
                          QString::fromUtf8(process.readAllStandardError().right(2000))));
        }
        return 0;
    };
    if (spec.warmup.count() > 0) {
        if (const auto warm = runOnce(spec.warmup, nullptr); !warm)
            return Unexpected(warm.error());
        if (cancel.load())
            return Unexpected(Error(ErrorCode::Cancelled, tr("Cancelled during the warm-up.")));
    }
    QByteArray output;
    if (const auto measured = runOnce(spec.duration, &output); !measured)
        return Unexpected(measured.error());
    Result<LoadReport> report
        = generator == Generator::Wrk ? parseWrkOutput(output) : [&]() -> Result<LoadReport> {
        QFile f(dir.filePath(QStringLiteral("result.json")));
        if (!f.open(QIODevice::ReadOnly))
            return Unexpected(
                Error(ErrorCode::IoError, tr("fortio ended without writing its result.")));
        return parseFortioJson(f.readAll());
    }();
    if (report) {
        report.value().cancelled = cancel.load();
        if (spec.mode == LoadSpec::Mode::ConstantRate)
            report.value().requestedRate = spec.rate;
    }
    return report;
}

} // namespace Meshdeck::Perf
