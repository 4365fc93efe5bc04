#pragma once

#include "eventhttp.h"

#include <QJsonObject>
#include <QList>

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace Meshdeck::Demo {

// What the demo's sidecars do with a request to a Service, as Istio's VirtualServices and
// DestinationRules say (or, for a Service no VirtualService covers, the Gateway API's
// HTTPRoutes attached to it: matches by Gateway API precedence, weighted backendRefs, the
// request timeout): which rule matches (uri, headers, query parameters, method), which
// subset takes it by weight, fault injection (delay, abort), the request timeout and retries
// (Istio's default when none are set: 2 attempts on connect failures and 503), outlier
// detection and connection pool limits. Compiled once per change; decide() is called for every
// request, from any sidecar's thread.
class SidecarRoutes
{
public:
    struct Fault
    {
        double delayMs = 0; // 0: no delay for this request
        int abortStatus = 0; // 0: no abort for this request
    };
    struct Retry
    {
        int attempts = 2;
        double perTryTimeoutMs = 0;
        bool on5xx = false, gatewayError = false, connectFailure = true, retriable4xx = false;
        std::vector<int> statusCodes {503};
        [[nodiscard]] bool retries(int status) const; // status 0: no answer
    };
    struct Outlier
    {
        int consecutive5xx = 0; // 0: off
        int consecutiveGateway = 0;
        double ejectionMs = 30000;
    };
    // The DestinationRule's connectionPool, Envoy's circuit breakers per sidecar: requests
    // in flight beyond maxConnections wait (up to maxPending), beyond maxRequests or a full
    // queue they fail at once, 503 with the response flag UO. 0: no limit.
    struct Pool
    {
        int maxConnections = 0; // tcp.maxConnections (HTTP/1.1: one request per connection)
        int maxPending = 0; // http.http1MaxPendingRequests
        int maxRequests = 0; // http.http2MaxRequests
    };
    struct Decision
    {
        std::string rule; // "bookinfo/reviews" when a VirtualService rule took the request
        std::string subset;
        std::map<std::string, std::string> subsetLabels; // empty: any endpoint
        bool noRoute = false; // the subset is defined by no DestinationRule: 503 NR
        int noRouteStatus = 503; // 404 at the gateway: no rule took the request
        std::string host; // at the gateway: the destination's qualified host
        Fault fault;
        double timeoutMs = 0; // 0: none
        Retry retry;
        Outlier outlier;
        Pool pool;
    };

    // The cluster's routing objects (as the API returns them).
    struct Objects
    {
        QList<QJsonObject> virtualServices, destinationRules;
        // Gateway API HTTPRoutes whose parentRefs name a Service (GAMMA, the mesh-neutral form),
        // and the Services their backendRefs name (whose selectors pick the endpoints).
        QList<QJsonObject> httpRoutes, services;
        // Istio Gateways: the VirtualServices bound to one that selects the ingress gateway's
        // pod (istio=ingressgateway) route at the gateway.
        QList<QJsonObject> gateways;
    };
    void update(const Objects &objects);
    void update(const QList<QJsonObject> &virtualServices,
                const QList<QJsonObject> &destinationRules)
    {
        update(Objects {virtualServices, destinationRules, {}, {}, {}});
    }
    // For a request from a sidecar to `service` ("reviews.bookinfo.svc.cluster.local"). Weighted
    // and percentage choices are drawn here, per request.
    [[nodiscard]] Decision decide(const std::string &service, const std::string &method,
                                  const std::string &target, const HttpHeaderList &headers) const;
    // For a request reaching the ingress gateway for `authority` (the Host header): the first
    // rule of the gateway-bound VirtualServices whose hosts take it ("*", "*.domain", a name)
    // and whose matches take the request; none: noRoute, 404. Without any Istio Gateway for
    // the ingress gateway, no rule: the request passes on to the gateway's own destination.
    [[nodiscard]] Decision decideAtGateway(const std::string &authority, const std::string &method,
                                           const std::string &target,
                                           const HttpHeaderList &headers) const;
    // "2s", "500ms", "1.5s", "1m" -> milliseconds; -1 when malformed.
    [[nodiscard]] static double durationMs(const QString &text);

private:
    struct Table;
    // decide() (for `service`) and decideAtGateway() (service null, for `authority`).
    [[nodiscard]] Decision route(const std::string *service, const std::string &authority,
                                 const std::string &method, const std::string &target,
                                 const HttpHeaderList &headers) const;
    static void addHttpRoutes(Table *table, const QList<QJsonObject> &httpRoutes,
                              const QList<QJsonObject> &services);
    mutable std::mutex m_mutex;
    std::shared_ptr<const Table> m_table;
};

} // namespace Meshdeck::Demo
