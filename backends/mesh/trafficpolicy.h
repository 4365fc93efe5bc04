#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Meshdeck::Mesh {

// How traffic to one Service should flow, as a user sets it in Meshdeck: weighted routing across
// its versions (subsets), fault injection, the request timeout and retries, and circuit breaking.
// Rendered as Istio's VirtualService and DestinationRule named after the Service and labelled
// as Meshdeck's, applied with server-side apply and removed as one unit.
struct TrafficPolicy
{
    struct Subset
    {
        QString name; // "v1"
        QMap<QString, QString> labels; // {"version": "v1"}
        int weight = 0; // percent
    };
    // Request routing: a request that matches goes to one version, before the shares apply.
    struct Match
    {
        enum class Kind { Header, PathPrefix, PathExact, Query };
        Kind kind = Kind::Header;
        QString name; // the header or query parameter (unused for paths)
        QString value; // exact value, or the path (prefix)
        QString subset; // the version such requests go to
    };
    // mTLS from clients to this Service: as the mesh decides, Istio's mutual TLS, or plain text.
    enum class Tls { Mesh, Mutual, Disable };
    // How the policy is written: Istio's VirtualService and DestinationRule, or the Gateway
    // API's HTTPRoute attached to the Service (GAMMA, which Istio and Linkerd both read), with
    // a Service per version (<service>-<version>) for its backendRefs.
    enum class Flavor { Istio, GatewayApi };
    Flavor flavor = Flavor::Istio;
    // The Service's selector and ports: the per-version Services copy them (Gateway API).
    QMap<QString, QString> selector;
    QJsonArray ports;

    QString ns, service;
    QList<Subset> subsets; // empty: no version routing (one destination, the Service)
    QList<Match> matches; // each a rule before the shares, in this order
    Tls tls = Tls::Mesh;
    // Fault injection: a delay and an abort, each for a percentage of requests.
    int delayMs = 0;
    double delayPercent = 0;
    int abortStatus = 0;
    double abortPercent = 0;
    // Timeout (0: none) and retries (attempts 0: Istio's default).
    int timeoutMs = 0;
    int retryAttempts = 0;
    int perTryTimeoutMs = 0;
    QString retryOn = QStringLiteral("5xx,connect-failure");
    // Circuit breaking (0: not set).
    int maxConnections = 0;
    int maxPendingRequests = 0;
    int consecutive5xxErrors = 0;
    int ejectionSeconds = 30;

    [[nodiscard]] QString host() const; // reviews.bookinfo.svc.cluster.local
    // What is wrong with the values, for the user (empty: it can be applied).
    [[nodiscard]] QStringList problems() const;
    // The objects to apply: the VirtualService (a rule per match, then the shares; faults,
    // timeout and retries on each), and the DestinationRule when subsets, circuit breaking or
    // a TLS mode need one.
    [[nodiscard]] QList<QJsonObject> render() const;
    // The name of the Service standing for one version (Gateway API): "reviews-v3".
    [[nodiscard]] QString versionService(const QString &subset) const;
    // The share of version `index` of `count` in an even split (100 % in all).
    [[nodiscard]] static int evenWeight(int index, int count)
    {
        return 100 / count + (index < 100 % count ? 1 : 0);
    }
    // Whether an object is one Meshdeck wrote (labelled app.kubernetes.io/managed-by).
    [[nodiscard]] static bool isMeshdecks(const QJsonObject &object);
    // The weights, matches and timeout an HTTPRoute Meshdeck wrote expresses, on `base` (whose
    // subsets come from the pods); the flavor becomes GatewayApi.
    [[nodiscard]] static TrafficPolicy fromHttpRoute(TrafficPolicy base,
                                                     const QJsonObject &httpRoute);
    // The policy as existing objects express it (a VirtualService and DestinationRule for the
    // Service, either may be empty); fields Meshdeck does not edit are left out.
    [[nodiscard]] static TrafficPolicy fromObjects(const QString &ns, const QString &service,
                                                   const QJsonObject &virtualService,
                                                   const QJsonObject &destinationRule);
    // Subsets for the versions the Service's pods carry ("version" labels), even weights.
    [[nodiscard]] static QList<Subset> subsetsFromPods(const QList<QJsonObject> &pods,
                                                       const QMap<QString, QString> &selector);
};

} // namespace Meshdeck::Mesh
