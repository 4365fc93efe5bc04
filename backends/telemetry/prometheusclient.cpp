#include "prometheusclient.h"

#include <core/httptransport.h>
#include <kube/kubeclient.h>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <cmath>

namespace Meshdeck::Telemetry {

namespace {

Result<QJsonObject> successData(const QByteArray &json)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        return Unexpected(
            Error(ErrorCode::ParseError,
                  PrometheusClient::tr("The answer is not Prometheus's JSON. Is this "
                                       "address a Prometheus server?"),
                  error.errorString() + QStringLiteral(": ") + QString::fromUtf8(json.left(200))));
    const QJsonObject o = doc.object();
    const QString status = o.value(QLatin1String("status")).toString();
    if (status == QLatin1String("error"))
        return Unexpected(Error(ErrorCode::HttpError,
                                PrometheusClient::tr("Prometheus refused the query (%1): %2")
                                    .arg(o.value(QLatin1String("errorType")).toString(),
                                         o.value(QLatin1String("error")).toString())));
    if (status != QLatin1String("success") || !o.value(QLatin1String("data")).isObject())
        return Unexpected(
            Error(ErrorCode::ParseError,
                  PrometheusClient::tr("The answer has no \"status\":\"success\" and "
                                       "data; it is not from the Prometheus HTTP API.")));
    return o;
}

bool finiteValue(const QJsonArray &pair, double *value)
{
    const QString text = pair.at(1).toString();
    bool ok = false;
    *value = text.toDouble(&ok);
    return ok && std::isfinite(*value); // "NaN", "+Inf", "-Inf" are not
}

QMap<QString, QString> labelsOf(const QJsonObject &metric)
{
    QMap<QString, QString> out;
    for (auto it = metric.begin(); it != metric.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

} // namespace

QString PrometheusEndpoint::describe() const
{
    return kube ? QStringLiteral("%1/%2 (service proxy)").arg(ns, service) : url;
}

PrometheusClient::PrometheusClient(PrometheusEndpoint endpoint, int timeoutMs)
    : m_endpoint(std::move(endpoint))
    , m_timeoutMs(timeoutMs)
{
}

Result<QueryResult> PrometheusClient::parseVector(const QByteArray &json)
{
    const auto o = successData(json);
    if (!o)
        return Unexpected(o.error());
    const QJsonObject data = o->value(QLatin1String("data")).toObject();
    const QString type = data.value(QLatin1String("resultType")).toString();
    QueryResult out;
    for (const QJsonValue &w : o->value(QLatin1String("warnings")).toArray())
        out.warnings << w.toString();
    if (type == QLatin1String("scalar")) {
        double v = 0;
        if (finiteValue(data.value(QLatin1String("result")).toArray(), &v))
            out.samples.append({{}, v});
        return out;
    }
    if (type != QLatin1String("vector"))
        return Unexpected(
            Error(ErrorCode::ParseError, tr("Expected an instant vector, got \"%1\".").arg(type)));
    const QJsonArray result = data.value(QLatin1String("result")).toArray();
    for (const QJsonValue &v : result) {
        if (out.samples.size() >= MaxSamples) {
            out.partial = true;
            out.warnings << tr("More than %1 series: the rest were left out. Narrow the query "
                               "(namespaces) or raise Prometheus's relabelling.")
                                .arg(MaxSamples);
            break;
        }
        const QJsonObject s = v.toObject();
        double value = 0;
        if (!finiteValue(s.value(QLatin1String("value")).toArray(), &value)) {
            ++out.droppedNonFinite;
            continue;
        }
        out.samples.append({labelsOf(s.value(QLatin1String("metric")).toObject()), value});
    }
    out.partial = out.partial || !out.warnings.isEmpty();
    return out;
}

Result<QList<RangeSeries>> PrometheusClient::parseMatrix(const QByteArray &json)
{
    const auto o = successData(json);
    if (!o)
        return Unexpected(o.error());
    const QJsonObject data = o->value(QLatin1String("data")).toObject();
    if (data.value(QLatin1String("resultType")).toString() != QLatin1String("matrix"))
        return Unexpected(Error(ErrorCode::ParseError, tr("Expected a range matrix.")));
    QList<RangeSeries> out;
    for (const QJsonValue &v : data.value(QLatin1String("result")).toArray()) {
        const QJsonObject s = v.toObject();
        RangeSeries series;
        series.labels = labelsOf(s.value(QLatin1String("metric")).toObject());
        for (const QJsonValue &p : s.value(QLatin1String("values")).toArray()) {
            const QJsonArray pair = p.toArray();
            double value = 0;
            if (finiteValue(pair, &value))
                series.points.append({pair.at(0).toDouble(), value});
        }
        out.append(series);
        if (out.size() >= MaxSamples)
            break;
    }
    return out;
}

Result<QByteArray> PrometheusClient::get(const QString &apiPath,
                                         const QList<QPair<QString, QString>> &query) const
{
    ++m_requests;
    QUrlQuery q;
    for (const auto &[k, v] : query)
        q.addQueryItem(k, QString::fromUtf8(QUrl::toPercentEncoding(v)));
    const QString encoded = q.toString(QUrl::FullyEncoded);
    int status = 0;
    QByteArray body;
    if (m_endpoint.kube) {
        const QString path
            = QStringLiteral("/api/v1/namespaces/%1/services/%2:%3/proxy%4?%5")
                  .arg(m_endpoint.ns, m_endpoint.service, m_endpoint.port, apiPath, encoded);
        const auto reply = m_endpoint.kube->getRaw(path);
        if (!reply)
            return Unexpected(reply.error().withContext(
                tr("Querying Prometheus at %1").arg(m_endpoint.describe())));
        status = reply->status;
        body = reply->body;
    } else {
        HttpRequest request;
        request.url = QUrl(m_endpoint.url + apiPath + QLatin1Char('?') + encoded);
        request.timeout = std::chrono::milliseconds(m_timeoutMs);
        if (!m_endpoint.bearerToken.isEmpty())
            request.headers.append({"Authorization", "Bearer " + m_endpoint.bearerToken.toUtf8()});
        else if (!m_endpoint.user.isEmpty())
            request.headers.append({"Authorization",
                                    "Basic "
                                        + (m_endpoint.user + QLatin1Char(':') + m_endpoint.password)
                                              .toUtf8()
                                              .toBase64()});
        const auto reply = HttpTransport::perform(request);
        if (!reply)
            return Unexpected(reply.error().withContext(
                tr("Querying Prometheus at %1").arg(m_endpoint.describe())));
        status = reply->status;
        body = reply->body;
    }
    if (status == 401 || status == 403)
        return Unexpected(Error(status == 401 ? ErrorCode::Unauthorized : ErrorCode::Forbidden,
                                tr("Prometheus at %1 refused the credentials (HTTP %2). Check the "
                                   "token or user set for it.")
                                    .arg(m_endpoint.describe())
                                    .arg(status)));
    if (status == 503 && m_endpoint.kube && !body.trimmed().startsWith('{'))
        return Unexpected(
            Error(ErrorCode::ConnectionRefused,
                  tr("Prometheus at %1 is not answering yet.").arg(m_endpoint.describe()),
                  QString::fromUtf8(body.left(300)), true));
    if (status >= 500 && !body.trimmed().startsWith('{'))
        return Unexpected(
            Error(ErrorCode::HttpError,
                  tr("Prometheus at %1 answered HTTP %2.").arg(m_endpoint.describe()).arg(status),
                  QString::fromUtf8(body.left(300)), true));
    return body; // 200, or 400/422 with Prometheus's error JSON
}

Result<QueryResult> PrometheusClient::query(const QString &promql, const QDateTime &at) const
{
    QList<QPair<QString, QString>> q {
        {QStringLiteral("query"), promql},
        {QStringLiteral("timeout"), QStringLiteral("%1ms").arg(m_timeoutMs)}};
    if (at.isValid())
        q.append({QStringLiteral("time"),
                  QString::number(static_cast<double>(at.toMSecsSinceEpoch()) / 1000.0, 'f', 3)});
    const auto body = get(QStringLiteral("/api/v1/query"), q);
    if (!body)
        return Unexpected(body.error());
    return parseVector(body.value());
}

Result<QList<RangeSeries>> PrometheusClient::queryRange(const QString &promql,
                                                        const QDateTime &start,
                                                        const QDateTime &end, int stepSeconds) const
{
    const auto seconds = [](const QDateTime &t) {
        return QString::number(static_cast<double>(t.toMSecsSinceEpoch()) / 1000.0, 'f', 3);
    };
    const auto body = get(QStringLiteral("/api/v1/query_range"),
                          {{QStringLiteral("query"), promql},
                           {QStringLiteral("start"), seconds(start)},
                           {QStringLiteral("end"), seconds(end)},
                           {QStringLiteral("step"), QString::number(std::max(1, stepSeconds))}});
    if (!body)
        return Unexpected(body.error());
    return parseMatrix(body.value());
}

namespace {
struct Candidate
{
    const char *ns;
    const char *name;
    const char *port;
};
// Where the meshes' add-ons and the usual Prometheus charts put it, in order of preference.
const Candidate kCandidates[] = {
    {"istio-system", "prometheus", "9090"},
    {"linkerd-viz", "prometheus", "9090"},
    {"monitoring", "prometheus-k8s", "9090"},
    {"monitoring", "prometheus-operated", "9090"},
    {"monitoring", "kube-prometheus-stack-prometheus", "9090"},
    {"monitoring", "prometheus-server", "80"},
    {"prometheus", "prometheus-server", "80"},
};

PrometheusEndpoint endpointFor(std::shared_ptr<Kube::KubeClient> kube, const Candidate &c,
                               const QJsonObject &service)
{
    PrometheusEndpoint e;
    e.kube = std::move(kube);
    e.ns = QLatin1String(c.ns);
    e.service = QLatin1String(c.name);
    // The service's first port, when it says.
    const QJsonArray ports
        = service.value(QLatin1String("spec")).toObject().value(QLatin1String("ports")).toArray();
    e.port = ports.isEmpty()
        ? QLatin1String(c.port)
        : QString::number(ports.first().toObject().value(QLatin1String("port")).toInt());
    return e;
}

Error notFound()
{
    QStringList looked;
    for (const Candidate &c : kCandidates)
        looked << QStringLiteral("%1/%2").arg(QLatin1String(c.ns), QLatin1String(c.name));
    return Error(ErrorCode::NotFound,
                 PrometheusClient::tr("No Prometheus found in the cluster (looked for %1). Install "
                                      "the mesh's Prometheus add-on, or give Prometheus's URL.")
                     .arg(looked.join(QStringLiteral(", "))));
}
} // namespace

Result<PrometheusEndpoint> PrometheusClient::discover(std::shared_ptr<Kube::KubeClient> kube)
{
    for (const Candidate &c : kCandidates) {
        const auto svc = kube->get(QStringLiteral("/api/v1/namespaces/%1/services/%2")
                                       .arg(QLatin1String(c.ns), QLatin1String(c.name)));
        if (svc)
            return endpointFor(kube, c, svc.value());
    }
    return Unexpected(notFound());
}

Result<PrometheusEndpoint> PrometheusClient::discoverAmong(std::shared_ptr<Kube::KubeClient> kube,
                                                           const QList<QJsonObject> &services)
{
    QHash<QString, const QJsonObject *> byName;
    for (const QJsonObject &s : services) {
        const QJsonObject md = s.value(QLatin1String("metadata")).toObject();
        byName.insert(md.value(QLatin1String("namespace")).toString() + QLatin1Char('/')
                          + md.value(QLatin1String("name")).toString(),
                      &s);
    }
    for (const Candidate &c : kCandidates) {
        const auto it
            = byName.constFind(QLatin1String(c.ns) + QLatin1Char('/') + QLatin1String(c.name));
        if (it != byName.constEnd())
            return endpointFor(kube, c, **it);
    }
    return Unexpected(notFound());
}

} // namespace Meshdeck::Telemetry
