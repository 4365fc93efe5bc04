#include "loadprofile.h"

#include <QJsonArray>

namespace Meshdeck::Perf {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::Perf::LoadProfile)
};

} // namespace

QJsonObject LoadProfile::toJson() const
{
    QJsonArray headers;
    for (const auto &[name, value] : spec.headers)
        headers.append(QJsonArray {QString::fromStdString(name), QString::fromStdString(value)});
    QJsonObject labelsJson;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        labelsJson.insert(it.key(), it.value());
    const QByteArray bytes = QByteArray::fromStdString(spec.body);
    const bool textBody = !bytes.contains('\0') && QString::fromUtf8(bytes).toUtf8() == bytes;
    QJsonObject json {
        {QStringLiteral("name"), name},
        {QStringLiteral("url"), QString::fromStdString(spec.url)},
        {QStringLiteral("method"), QString::fromStdString(spec.method)},
        {QStringLiteral("headers"), headers},
        {QStringLiteral("body"), textBody ? QString::fromStdString(spec.body) : QString()},
        {QStringLiteral("mode"),
         spec.mode == LoadSpec::Mode::ConstantRate ? QStringLiteral("constant_rate")
                                                   : QStringLiteral("closed_loop")},
        {QStringLiteral("rate"), spec.rate},
        {QStringLiteral("connections"), spec.connections},
        {QStringLiteral("max_connections"), spec.maxConnections},
        {QStringLiteral("threads"), spec.threads},
        {QStringLiteral("protocol"), QString::fromLatin1(protocolName(spec.protocol))},
        {QStringLiteral("streams"), spec.streams},
        {QStringLiteral("grpc_method"), QString::fromStdString(spec.grpcMethod)},
        {QStringLiteral("duration_ms"), static_cast<double>(spec.duration.count()) / 1000.0},
        {QStringLiteral("warmup_ms"), static_cast<double>(spec.warmup.count()) / 1000.0},
        {QStringLiteral("timeout_ms"), static_cast<double>(spec.requestTimeout.count()) / 1000.0},
        {QStringLiteral("insecure_tls"), spec.insecureTls},
        {QStringLiteral("generator"), generatorName(generator)},
        {QStringLiteral("labels"), labelsJson},
    };
    if (!textBody) // a binary body (a gRPC message) survives JSON as base64
        json.insert(QStringLiteral("body_base64"), QString::fromLatin1(bytes.toBase64()));
    return json;
}

Result<LoadProfile> LoadProfile::fromJson(const QJsonObject &o)
{
    LoadProfile p;
    p.name = o.value(QLatin1String("name")).toString();
    if (p.name.trimmed().isEmpty())
        return Unexpected(Error(ErrorCode::InvalidArgument, Tr::tr("The profile has no name.")));
    p.spec.url = o.value(QLatin1String("url")).toString().toStdString();
    p.spec.method = o.value(QLatin1String("method")).toString(QStringLiteral("GET")).toStdString();
    for (const QJsonValue &h : o.value(QLatin1String("headers")).toArray()) {
        const QJsonArray pair = h.toArray();
        p.spec.headers.emplace_back(pair.at(0).toString().toStdString(),
                                    pair.at(1).toString().toStdString());
    }
    p.spec.body = o.contains(QLatin1String("body_base64"))
        ? QByteArray::fromBase64(o.value(QLatin1String("body_base64")).toString().toLatin1())
              .toStdString()
        : o.value(QLatin1String("body")).toString().toStdString();
    p.spec.mode = o.value(QLatin1String("mode")).toString() == QLatin1String("constant_rate")
        ? LoadSpec::Mode::ConstantRate
        : LoadSpec::Mode::ClosedLoop;
    p.spec.rate = o.value(QLatin1String("rate")).toDouble();
    p.spec.connections = o.value(QLatin1String("connections")).toInt(10);
    p.spec.maxConnections = o.value(QLatin1String("max_connections")).toInt(0);
    p.spec.threads = o.value(QLatin1String("threads")).toInt(1);
    const QString protocol = o.value(QLatin1String("protocol")).toString();
    if (!parseProtocol(protocol.toStdString(), p.spec.protocol))
        return Unexpected(Error(
            ErrorCode::InvalidArgument,
            Tr::tr("The profile \"%1\" names an unknown protocol \"%2\".").arg(p.name, protocol)));
    p.spec.streams = std::max(1, o.value(QLatin1String("streams")).toInt(1));
    p.spec.grpcMethod = o.value(QLatin1String("grpc_method")).toString().toStdString();
    const auto ms = [&](const char *key, double fallback) {
        return Micros(
            static_cast<long long>(o.value(QLatin1String(key)).toDouble(fallback) * 1000));
    };
    p.spec.duration = ms("duration_ms", 10000);
    p.spec.warmup = ms("warmup_ms", 0);
    p.spec.requestTimeout = ms("timeout_ms", 10000);
    p.spec.insecureTls = o.value(QLatin1String("insecure_tls")).toBool();
    if (!generatorFromName(o.value(QLatin1String("generator")).toString(QStringLiteral("native")),
                           &p.generator))
        return Unexpected(Error(ErrorCode::InvalidArgument,
                                Tr::tr("The profile \"%1\" names an unknown generator \"%2\".")
                                    .arg(p.name, o.value(QLatin1String("generator")).toString())));
    const QJsonObject labels = o.value(QLatin1String("labels")).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        p.labels.insert(it.key(), it.value().toString());
    return p;
}

} // namespace Meshdeck::Perf
