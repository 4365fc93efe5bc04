#pragma once

#include <core/result.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <memory>

namespace Meshdeck {
namespace Kube {
class KubeClient;
}

namespace Telemetry {

// One element of an instant vector.
struct Sample
{
    QMap<QString, QString> labels;
    double value = 0;
};

// An instant query's answer: the samples (NaN and Inf dropped), Prometheus's warnings, and
// whether the answer is partial (warnings, or the sample cap was hit).
struct QueryResult
{
    QList<Sample> samples;
    QStringList warnings;
    bool partial = false;
    int droppedNonFinite = 0;
};

// A range query's series: (unix seconds, value) points.
struct RangeSeries
{
    QMap<QString, QString> labels;
    QList<QPair<double, double>> points;
};

// Where Prometheus is: a URL (with optional bearer token or basic credentials), or a Service
// reached through the Kubernetes API server's service proxy.
struct PrometheusEndpoint
{
    QString url; // direct: http://host:9090
    QString bearerToken;
    QString user;
    QString password;
    std::shared_ptr<Kube::KubeClient> kube; // service proxy: through this cluster
    QString ns; // istio-system
    QString service; // prometheus
    QString port = QStringLiteral("9090");

    [[nodiscard]] QString describe() const; // for messages: "istio-system/prometheus" or the URL
};

// The Prometheus HTTP API (/api/v1/query and /api/v1/query_range), with the errors a user can
// act on: unreachable, 401/403, timeout, a reply that is not Prometheus's JSON, status "error"
// (with its errorType), partial answers. Blocking: call it from a worker thread.
class PrometheusClient
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::Telemetry::PrometheusClient)

public:
    static constexpr int MaxSamples
        = 50'000; // unbounded label cardinality is capped, with a warning

    explicit PrometheusClient(PrometheusEndpoint endpoint, int timeoutMs = 10'000);

    [[nodiscard]] Result<QueryResult> query(const QString &promql, const QDateTime &at = {}) const;
    [[nodiscard]] Result<QList<RangeSeries>> queryRange(const QString &promql,
                                                        const QDateTime &start,
                                                        const QDateTime &end,
                                                        int stepSeconds) const;
    [[nodiscard]] const PrometheusEndpoint &endpoint() const { return m_endpoint; }
    [[nodiscard]] int requestCount() const { return m_requests; }

    // Looks for the usual Prometheus services (istio-system/prometheus, linkerd-viz/prometheus,
    // monitoring/prometheus-k8s, prometheus-operated, kube-prometheus-stack-prometheus,
    // prometheus-server) and answers the first that exists, or NotFound saying where it looked.
    [[nodiscard]] static Result<PrometheusEndpoint>
    discover(std::shared_ptr<Kube::KubeClient> kube);
    // The same choice among Services already known (a session's cache): no request at all.
    [[nodiscard]] static Result<PrometheusEndpoint>
    discoverAmong(std::shared_ptr<Kube::KubeClient> kube, const QList<QJsonObject> &services);

    // Parsers, public for tests.
    [[nodiscard]] static Result<QueryResult> parseVector(const QByteArray &json);
    [[nodiscard]] static Result<QList<RangeSeries>> parseMatrix(const QByteArray &json);

private:
    [[nodiscard]] Result<QByteArray> get(const QString &apiPath,
                                         const QList<QPair<QString, QString>> &query) const;

    PrometheusEndpoint m_endpoint;
    int m_timeoutMs;
    mutable int m_requests = 0;
};

} // namespace Telemetry
} // namespace Meshdeck
