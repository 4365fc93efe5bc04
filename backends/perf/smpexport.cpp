#include "smpexport.h"

#include "specsecrets.h"

#include <cmath>

#include <QJsonArray>

namespace Meshdeck::Perf {

namespace {

QJsonObject labelsObject(const QMap<QString, QString> &labels)
{
    QJsonObject o;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QString durationText(Micros us)
{
    return QString::number(static_cast<double>(us.count()) / 1e6) + QLatin1Char('s');
}

// SMP's ServiceMeshes.Type enum names.
QString smpMeshType(const QString &type)
{
    static const QStringList known {
        QStringLiteral("appmesh"),  QStringLiteral("consul"),
        QStringLiteral("istio"),    QStringLiteral("kuma"),
        QStringLiteral("linkerd"),  QStringLiteral("maesh"),
        QStringLiteral("octarine"), QStringLiteral("networkservicemesh"),
        QStringLiteral("tanzu")};
    const QString t = type.toLower();
    return known.contains(t) ? t : QString();
}

} // namespace

QJsonObject SmpExport::toJson(const RunResult &run)
{
    const LoadSpec spec = SpecSecrets::redacted(run.spec);
    const LoadReport &r = run.report;
    const QString version = QString::fromLatin1(SmpsVersion);

    QJsonObject headers;
    for (const auto &[name, value] : spec.headers)
        headers.insert(QString::fromStdString(name), QString::fromStdString(value));
    QJsonObject client {
        {QStringLiteral("internal"), run.generator == Generator::Native},
        {QStringLiteral("load_generator"), generatorName(run.generator)},
        // SMP's protocol enum: http, tcp, udp, grpc; the HTTP version beside it.
        {QStringLiteral("protocol"),
         spec.protocol == LoadSpec::Protocol::Grpc ? QStringLiteral("grpc")
                                                   : QStringLiteral("http")},
        {QStringLiteral("http_version"),
         spec.protocol == LoadSpec::Protocol::Http1 ? QStringLiteral("1.1") : QStringLiteral("2")},
        {QStringLiteral("connections"), spec.connections},
        {QStringLiteral("rps"),
         spec.mode == LoadSpec::Mode::ConstantRate ? static_cast<qint64>(spec.rate) : 0},
        {QStringLiteral("headers"), headers},
        {QStringLiteral("cookies"), QJsonObject()},
        {QStringLiteral("body"), QString::fromStdString(spec.body)},
        {QStringLiteral("content_type"), QString()},
        {QStringLiteral("endpoint_url"), QJsonArray {QString::fromStdString(spec.url)}},
    };
    for (const auto &[name, value] : spec.headers) {
        if (QString::fromStdString(name).compare(QLatin1String("content-type"), Qt::CaseInsensitive)
            == 0)
            client.insert(QStringLiteral("content_type"), QString::fromStdString(value));
    }
    const QJsonObject config {
        {QStringLiteral("smps_version"), version},
        {QStringLiteral("id"), run.id},
        {QStringLiteral("name"), run.name},
        {QStringLiteral("labels"), labelsObject(run.labels)},
        {QStringLiteral("clients"), QJsonArray {client}},
        {QStringLiteral("duration"), durationText(spec.duration)},
    };

    const auto ms = [](std::uint64_t ns) {
        return static_cast<double>(ns) / 1e6;
    };
    const auto p = r.corrected.percentilesNs({50, 90, 99});
    const QJsonObject latencies {
        {QStringLiteral("min"), ms(r.corrected.minNs())},
        {QStringLiteral("average"), r.corrected.meanNs() / 1e6},
        {QStringLiteral("p50"), ms(p[0])},
        {QStringLiteral("p90"), ms(p[1])},
        {QStringLiteral("p99"), ms(p[2])},
        {QStringLiteral("max"), ms(r.corrected.maxNs())},
    };
    const QString meshConfigId = run.id + QStringLiteral("-mesh");
    const QString envId = run.id + QStringLiteral("-env");
    const QJsonObject result {
        {QStringLiteral("smps_version"), version},
        {QStringLiteral("id"), run.id},
        {QStringLiteral("labels"), labelsObject(run.labels)},
        {QStringLiteral("start_time"), run.start.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("end_time"), run.end.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("latencies_ms"), latencies},
        {QStringLiteral("actual_QPS"), r.achievedRate},
        {QStringLiteral("details_uri"), QString()},
        {QStringLiteral("testId"), run.id},
        {QStringLiteral("meshConfigId"), meshConfigId},
        {QStringLiteral("envId"), envId},
    };

    QJsonObject mesh {
        {QStringLiteral("smps_version"), version},
        {QStringLiteral("id"), meshConfigId},
        {QStringLiteral("labels"), QJsonObject()},
        {QStringLiteral("mtls_enabled"), run.mesh.mtls},
        {QStringLiteral("proxy_concurrency"), run.mesh.proxyConcurrency},
        {QStringLiteral("mesh_build"), run.mesh.version},
        {QStringLiteral("profile"), run.mesh.profile},
    };
    if (const QString type = smpMeshType(run.mesh.type); !type.isEmpty())
        mesh.insert(QStringLiteral("Type"), type);
    // What the proxies and the control plane used during the run, as measured (SMP's
    // ServiceMeshConfig.Sidecar and MeshControlPlane: CPU in millicores, memory in MB).
    if (run.resources.available()) {
        const RoleUsage sidecars = run.resources.usage(ResourceRole::Sidecar);
        if (sidecars.measured)
            mesh.insert(QStringLiteral("sidecar"),
                        QJsonObject {{QStringLiteral("count"), sidecars.containers},
                                     {QStringLiteral("cpu_mCores"),
                                      static_cast<int>(std::lround(sidecars.cores * 1000))},
                                     {QStringLiteral("mem_mb"),
                                      static_cast<int>(std::lround(sidecars.memoryBytes / 1e6))},
                                     {QStringLiteral("rps"),
                                      static_cast<int>(std::lround(run.report.achievedRate))}});
        const RoleUsage control = run.resources.usage(ResourceRole::ControlPlane);
        if (control.measured)
            mesh.insert(QStringLiteral("mesh_control_plane"),
                        QJsonObject {{QStringLiteral("count"), control.containers},
                                     {QStringLiteral("cpu_mCores"),
                                      static_cast<int>(std::lround(control.cores * 1000))},
                                     {QStringLiteral("mem_mb"),
                                      static_cast<int>(std::lround(control.memoryBytes / 1e6))}});
    }

    QJsonArray nodes;
    for (const auto &n : run.environment.nodes) {
        nodes.append(QJsonObject {
            {QStringLiteral("type"), n.name},
            {QStringLiteral("cores"), (n.cpuMillicores + 999) / 1000},
            {QStringLiteral("mem_mb"), n.memoryBytes / (1024 * 1024)},
        });
    }
    const QJsonObject environment {
        {QStringLiteral("smps_version"), version},
        {QStringLiteral("id"), envId},
        {QStringLiteral("labels"), QJsonObject()},
        {QStringLiteral("kubernetes_version"), run.environment.kubernetesVersion},
        {QStringLiteral("node"), nodes},
        {QStringLiteral("individual_workloads"), QJsonArray()},
    };

    return QJsonObject {
        {QStringLiteral("PerformanceTestConfig"), config},
        {QStringLiteral("PerformanceTestResult"), result},
        {QStringLiteral("ServiceMeshConfig"), mesh},
        {QStringLiteral("EnvironmentConfig"), environment},
    };
}

} // namespace Meshdeck::Perf
