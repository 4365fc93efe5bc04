#include "workerprotocol.h"

#include <proto/resultcodec.h>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace Meshdeck::InCluster::WorkerProtocol {

namespace {

QByteArray line(QJsonObject o, const char *event, int worker)
{
    o.insert(QStringLiteral("event"), QLatin1String(event));
    o.insert(QStringLiteral("worker"), worker);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::InCluster::WorkerProtocol)
};

} // namespace

QByteArray ready(int worker, int workers, qint64 startAtMs)
{
    return line(
        {{QStringLiteral("workers"), workers}, {QStringLiteral("startAt"), double(startAtMs)}},
        "ready", worker);
}

QByteArray started(int worker, qint64 lateMs)
{
    return line({{QStringLiteral("lateMs"), double(lateMs)}}, "started", worker);
}

QByteArray second(int worker, const Perf::SecondPoint &point,
                  const std::string &serializedHistogram)
{
    return line({{QStringLiteral("second"), double(point.second)},
                 {QStringLiteral("requests"), double(point.requests)},
                 {QStringLiteral("errors"), double(point.errors)},
                 {QStringLiteral("histogram"),
                  QString::fromLatin1(QByteArray::fromStdString(serializedHistogram).toBase64())}},
                "second", worker);
}

QByteArray result(int worker, const Perf::RunResult &run)
{
    return line(
        {{QStringLiteral("result"), QString::fromLatin1(ResultCodec::encode(run).toBase64())}},
        "result", worker);
}

QByteArray error(int worker, const QString &message)
{
    return line({{QStringLiteral("message"), message}}, "error", worker);
}

Result<WorkerLine> parse(const QByteArray &text)
{
    WorkerLine out;
    const QByteArray trimmed = text.trimmed();
    if (!trimmed.startsWith('{'))
        return out;
    const QJsonObject o = QJsonDocument::fromJson(trimmed).object();
    const QString event = o.value(QLatin1String("event")).toString();
    if (event.isEmpty() || !o.contains(QLatin1String("worker")))
        return out;
    out.worker = o.value(QLatin1String("worker")).toInt(-1);
    if (event == QLatin1String("ready")) {
        out.type = WorkerLine::Type::Ready;
        out.workers = o.value(QLatin1String("workers")).toInt();
        out.startAtMs = qint64(o.value(QLatin1String("startAt")).toDouble());
    } else if (event == QLatin1String("started")) {
        out.type = WorkerLine::Type::Started;
        out.lateMs = qint64(o.value(QLatin1String("lateMs")).toDouble());
    } else if (event == QLatin1String("second")) {
        out.type = WorkerLine::Type::Second;
        out.second = qint64(o.value(QLatin1String("second")).toDouble());
        out.requests = quint64(o.value(QLatin1String("requests")).toDouble());
        out.errors = quint64(o.value(QLatin1String("errors")).toDouble());
        const QByteArray h
            = QByteArray::fromBase64(o.value(QLatin1String("histogram")).toString().toLatin1());
        if (!h.isEmpty() && !out.histogram.deserialize(std::string_view(h.constData(), h.size())))
            return Unexpected(Error(ErrorCode::ParseError,
                                    Tr::tr("Worker %1 sent a damaged histogram for second %2.")
                                        .arg(out.worker)
                                        .arg(out.second)));
    } else if (event == QLatin1String("result")) {
        out.type = WorkerLine::Type::Result;
        auto run = ResultCodec::decode(
            QByteArray::fromBase64(o.value(QLatin1String("result")).toString().toLatin1()));
        if (!run)
            return Unexpected(
                run.error().withContext(Tr::tr("The result of worker %1").arg(out.worker)));
        out.result = std::move(run).value();
    } else if (event == QLatin1String("error")) {
        out.type = WorkerLine::Type::Error;
        out.message = o.value(QLatin1String("message")).toString();
    }
    return out;
}

Perf::LoadSpec shareOf(const Perf::LoadSpec &spec, int index, int workers)
{
    Perf::LoadSpec share = spec;
    workers = std::max(1, workers);
    index = std::clamp(index, 0, workers - 1);
    if (spec.mode == Perf::LoadSpec::Mode::ConstantRate)
        share.rate = spec.rate / workers;
    // Connections spread as evenly as they go; every worker keeps at least one.
    share.connections
        = std::max(1, spec.connections / workers + (index < spec.connections % workers ? 1 : 0));
    if (spec.maxConnections > 0)
        share.maxConnections = std::max(share.connections, spec.maxConnections / workers);
    share.threads = std::clamp(spec.threads, 1, share.connections);
    return share;
}

} // namespace Meshdeck::InCluster::WorkerProtocol
