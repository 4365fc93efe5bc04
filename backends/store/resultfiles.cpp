#include "resultfiles.h"

#include <core/boundedfile.h>
#include <core/yaml.h>
#include <perf/externalgenerator.h>
#include <perf/smpexport.h>
#include <perf/specsecrets.h>
#include <proto/resultcodec.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace Meshdeck {

using namespace Perf;

namespace {

// Import files are JSON or YAML results: a few MiB each, 256 MiB is generous.
constexpr qint64 MaxImportBytes = 256LL * 1024 * 1024;

Result<RunResult> fromFortio(const QJsonObject &o)
{
    const QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    auto report = ExternalGenerator::parseFortioJson(json);
    if (!report)
        return Unexpected(report.error());
    RunResult run;
    run.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    run.generator = Generator::Fortio;
    run.report = std::move(report).value();
    run.spec.url = o.value(QLatin1String("URL")).toString().toStdString();
    run.spec.connections = o.value(QLatin1String("NumThreads")).toInt(1);
    run.spec.duration = Micros(static_cast<long long>(run.report.measuredSeconds * 1e6));
    if (run.report.requestedRate > 0) {
        run.spec.mode = LoadSpec::Mode::ConstantRate;
        run.spec.rate = run.report.requestedRate;
    }
    run.start
        = QDateTime::fromString(o.value(QLatin1String("StartTime")).toString(), Qt::ISODateWithMs);
    if (run.start.isValid())
        run.end = run.start.addMSecs(static_cast<qint64>(run.report.measuredSeconds * 1000));
    run.name = o.value(QLatin1String("Labels")).toString();
    // fortio's own percentiles travel with the run, so that a reader can set them beside the
    // ones Meshdeck computes from the buckets.
    for (const QJsonValue &v : o.value(QLatin1String("DurationHistogram"))
                                   .toObject()
                                   .value(QLatin1String("Percentiles"))
                                   .toArray()) {
        const double p = v.toObject().value(QLatin1String("Percentile")).toDouble(-1);
        const double seconds = v.toObject().value(QLatin1String("Value")).toDouble(-1);
        if (p > 0 && p <= 100 && seconds >= 0 && seconds < 3600)
            run.labels.insert(QStringLiteral("fortio.p%1").arg(p),
                              QStringLiteral("%1 ms").arg(seconds * 1e3, 0, 'g', 4));
    }
    return run;
}

Result<RunResult> fromSmp(const QJsonObject &root)
{
    const QJsonObject result = root.contains(QLatin1String("PerformanceTestResult"))
        ? root.value(QLatin1String("PerformanceTestResult")).toObject()
        : root;
    const QJsonObject lat = result.value(QLatin1String("latencies_ms")).toObject();
    if (lat.isEmpty())
        return Unexpected(
            Error(ErrorCode::ParseError, ResultFiles::tr("The SMP result has no latencies_ms.")));
    RunResult run;
    run.id = result.value(QLatin1String("id")).toString();
    if (run.id.isEmpty())
        run.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonObject config = root.value(QLatin1String("PerformanceTestConfig")).toObject();
    run.name = config.value(QLatin1String("name")).toString();
    const QJsonObject client = config.value(QLatin1String("clients")).toArray().first().toObject();
    run.spec.url
        = client.value(QLatin1String("endpoint_url")).toArray().first().toString().toStdString();
    run.spec.connections = std::max(1, client.value(QLatin1String("connections")).toInt(1));
    if (const double rps = client.value(QLatin1String("rps")).toDouble(); rps > 0) {
        run.spec.mode = LoadSpec::Mode::ConstantRate;
        run.spec.rate = rps;
        run.report.requestedRate = rps;
    }
    if (client.value(QLatin1String("protocol")).toString() == QLatin1String("grpc"))
        run.spec.protocol = LoadSpec::Protocol::Grpc;
    else if (client.value(QLatin1String("http_version")).toString() == QLatin1String("2"))
        run.spec.protocol = LoadSpec::Protocol::Http2;
    Generator g = Generator::Native;
    if (generatorFromName(client.value(QLatin1String("load_generator")).toString(), &g))
        run.generator = g;
    const QJsonObject mesh = root.value(QLatin1String("ServiceMeshConfig")).toObject();
    run.mesh.type = mesh.value(QLatin1String("Type")).toString();
    run.mesh.version = mesh.value(QLatin1String("mesh_build")).toString();
    run.mesh.mtls = mesh.value(QLatin1String("mtls_enabled")).toBool();
    const QJsonObject env = root.value(QLatin1String("EnvironmentConfig")).toObject();
    run.environment.kubernetesVersion = env.value(QLatin1String("kubernetes_version")).toString();
    run.start = QDateTime::fromString(result.value(QLatin1String("start_time")).toString(),
                                      Qt::ISODateWithMs);
    run.end = QDateTime::fromString(result.value(QLatin1String("end_time")).toString(),
                                    Qt::ISODateWithMs);
    const QJsonObject labels = result.value(QLatin1String("labels")).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        run.labels.insert(it.key(), it.value().toString());
    run.labels.insert(QStringLiteral("histogram"), QStringLiteral("from-percentiles"));
    run.report.achievedRate = result.value(QLatin1String("actual_QPS")).toDouble();
    run.report.measuredSeconds = run.start.isValid() && run.end.isValid()
        ? static_cast<double>(run.start.msecsTo(run.end)) / 1000.0
        : 0;
    // SMP carries six numbers: place a nominal 10,000 samples so that each is kept.
    const auto ns = [&](const char *k) {
        return static_cast<std::uint64_t>(std::max(0.0, lat.value(QLatin1String(k)).toDouble())
                                          * 1e6);
    };
    Histogram &h = run.report.corrected;
    h.recordN(ns("min"), 1);
    h.recordN(ns("p50"), 4999);
    h.recordN(ns("p90"), 4000);
    h.recordN(ns("p99"), 900);
    h.recordN(ns("max"), 100);
    run.report.service = h;
    run.report.hasServiceTime = false;
    run.report.counters.responses = h.count();
    run.report.counters.successes = h.count();
    run.report.generator = generatorName(run.generator).toStdString();
    return run;
}

} // namespace

Result<QList<RunResult>> ResultFiles::parse(const QByteArray &bytes, const QString &fileName)
{
    const auto failed = [&](const Error &e) {
        return Unexpected(e.withContext(fileName));
    };
    if (bytes.isEmpty())
        return failed(Error(ErrorCode::ParseError, tr("The file is empty.")));
    const char first = bytes.trimmed().isEmpty() ? 0 : bytes.trimmed().at(0);
    if (first != '{' && first != '[' && !fileName.endsWith(QLatin1String(".yaml"))
        && !fileName.endsWith(QLatin1String(".yml"))) {
        auto run = ResultCodec::decode(bytes);
        if (!run)
            return failed(run.error());
        return QList<RunResult> {run.value()};
    }
    QJsonDocument doc;
    if (first == '{' || first == '[') {
        QJsonParseError error {};
        doc = QJsonDocument::fromJson(bytes, &error);
        if (doc.isNull())
            return failed(Error(ErrorCode::ParseError,
                                tr("The JSON is malformed at offset %1: %2.")
                                    .arg(error.offset)
                                    .arg(error.errorString())));
    } else {
        auto json = Yaml::toJson(bytes);
        if (!json)
            return failed(json.error());
        const QJsonValue value = json.value();
        doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
        if (!doc.isObject() && !doc.isArray())
            return failed(Error(ErrorCode::ParseError, tr("The YAML is not a mapping.")));
    }
    QList<QJsonObject> objects;
    if (doc.isArray()) {
        for (const QJsonValue &v : doc.array())
            objects.append(v.toObject());
    } else if (doc.object().contains(QLatin1String("runs"))) {
        for (const QJsonValue &v : doc.object().value(QLatin1String("runs")).toArray())
            objects.append(v.toObject());
    } else {
        objects.append(doc.object());
    }
    QList<RunResult> runs;
    for (const QJsonObject &o : objects) {
        Result<RunResult> run = o.contains(QLatin1String("DurationHistogram")) ? fromFortio(o)
            : (o.contains(QLatin1String("PerformanceTestResult"))
               || o.contains(QLatin1String("latencies_ms")))
            ? fromSmp(o)
            : Result<RunResult>(Unexpected(Error(
                ErrorCode::Unsupported,
                tr("This JSON is neither a fortio result (DurationHistogram) nor a Service Mesh "
                   "Performance result (PerformanceTestResult)."))));
        if (!run)
            return failed(run.error());
        runs.append(run.value());
    }
    if (runs.isEmpty())
        return failed(Error(ErrorCode::ParseError, tr("The file holds no runs.")));
    return runs;
}

Result<QList<RunResult>> ResultFiles::readAll(const QStringList &paths)
{
    QList<RunResult> all;
    for (const QString &path : paths) {
        const auto bytes = readBoundedFile(path, MaxImportBytes);
        if (!bytes)
            return Unexpected(bytes.error());
        auto runs = parse(bytes.value(), QFileInfo(path).fileName());
        if (!runs)
            return Unexpected(runs.error());
        all.append(runs.value());
    }
    return all;
}

Result<ResultFiles::Format> ResultFiles::formatFromName(const QString &name)
{
    if (name == QLatin1String("meshdeck") || name == QLatin1String("pb"))
        return Format::Meshdeck;
    if (name == QLatin1String("fortio"))
        return Format::Fortio;
    if (name == QLatin1String("smp"))
        return Format::SmpJson;
    return Unexpected(Error(ErrorCode::InvalidArgument,
                            tr("Unknown format \"%1\": use meshdeck, fortio or smp.").arg(name)));
}

QJsonObject ResultFiles::fortioJson(const RunResult &run)
{
    const Histogram &h = run.report.corrected;
    QJsonArray data;
    std::uint64_t seen = 0;
    h.forEachBucket([&](std::uint64_t lo, std::uint64_t hi, std::uint64_t n) {
        seen += n;
        data.append(QJsonObject {
            {QStringLiteral("Start"), static_cast<double>(lo) / 1e9},
            {QStringLiteral("End"), static_cast<double>(hi + 1) / 1e9},
            {QStringLiteral("Percent"),
             static_cast<double>(seen) * 100.0 / static_cast<double>(h.count())},
            {QStringLiteral("Count"), static_cast<double>(n)},
        });
    });
    QJsonArray percentiles;
    for (const double p : {50.0, 75.0, 90.0, 99.0, 99.9}) {
        percentiles.append(
            QJsonObject {{QStringLiteral("Percentile"), p},
                         {QStringLiteral("Value"), static_cast<double>(h.percentileNs(p)) / 1e9}});
    }
    QJsonObject codes;
    for (const auto &[code, n] : run.report.counters.statusCodes)
        codes.insert(QString::number(code), static_cast<double>(n));
    if (const auto failures = run.report.counters.failureCount())
        codes.insert(QStringLiteral("-1"), static_cast<double>(failures));
    return QJsonObject {
        {QStringLiteral("RunType"), QStringLiteral("HTTP")},
        {QStringLiteral("Labels"), run.name},
        {QStringLiteral("StartTime"), run.start.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("RequestedQPS"),
         run.report.requestedRate > 0 ? QJsonValue(QString::number(run.report.requestedRate))
                                      : QJsonValue(QStringLiteral("max"))},
        {QStringLiteral("RequestedDuration"),
         QString::number(run.report.measuredSeconds) + QLatin1Char('s')},
        {QStringLiteral("ActualQPS"), run.report.achievedRate},
        {QStringLiteral("ActualDuration"), run.report.measuredSeconds * 1e9},
        {QStringLiteral("NumThreads"), run.spec.connections},
        {QStringLiteral("URL"), QString::fromStdString(SpecSecrets::redactUrl(run.spec.url))},
        {QStringLiteral("DurationHistogram"),
         QJsonObject {
             {QStringLiteral("Count"), static_cast<double>(h.count())},
             {QStringLiteral("Min"), static_cast<double>(h.minNs()) / 1e9},
             {QStringLiteral("Max"), static_cast<double>(h.maxNs()) / 1e9},
             {QStringLiteral("Sum"), h.meanNs() * static_cast<double>(h.count()) / 1e9},
             {QStringLiteral("Avg"), h.meanNs() / 1e9},
             {QStringLiteral("StdDev"), h.stddevNs() / 1e9},
             {QStringLiteral("Data"), data},
             {QStringLiteral("Percentiles"), percentiles},
         }},
        {QStringLiteral("RetCodes"), codes},
    };
}

QByteArray ResultFiles::serialize(const RunResult &run, Format format)
{
    switch (format) {
    case Format::Meshdeck:
        return ResultCodec::encode(run);
    case Format::Fortio:
        return QJsonDocument(fortioJson(run)).toJson(QJsonDocument::Indented);
    case Format::SmpJson:
        return QJsonDocument(SmpExport::toJson(run)).toJson(QJsonDocument::Indented);
    }
    return {};
}

} // namespace Meshdeck
