#include "outboundsidecar.h"

#include "eventloop.h"

#include <algorithm>

namespace Meshdeck::Demo {

bool hopByHop(const std::string &name)
{
    static const char *const names[] = {"host",
                                        "connection",
                                        "content-length",
                                        "keep-alive",
                                        "transfer-encoding",
                                        "proxy-connection",
                                        "upgrade",
                                        "te",
                                        "x-meshdeck-peer",
                                        "x-forwarded-by"};
    return std::any_of(std::begin(names), std::end(names),
                       [&name](const char *n) { return sameHeaderName(name, n); });
}

// One request on its way: what was decided for it, its tries, and whether it has been answered
// (a timeout answers it before the upstream does; the late reply is then dropped).
struct OutboundSidecar::Call
{
    HttpExchangePtr request;
    HttpHeaderList headers;
    SidecarRoutes::Decision decision;
    std::chrono::steady_clock::time_point started;
    int tries = 0;
    bool answered = false;
    bool delayed = false;
};

OutboundSidecar::OutboundSidecar(EventLoop &loop, HttpListener &listener, MeshWorkload self,
                                 std::string service, std::vector<Endpoint> endpoints,
                                 MeshTelemetry *telemetry, const SidecarRoutes *routes,
                                 std::string name)
    : m_loop(loop)
    , m_self(std::move(self))
    , m_service(std::move(service))
    , m_cluster("outbound|9080||" + m_service)
    , m_endpoints(std::move(endpoints))
    , m_failures(m_endpoints.size(), 0)
    , m_ejectedUntil(m_endpoints.size())
    , m_telemetry(telemetry)
    , m_routes(routes)
    , m_name(std::move(name))
{
    listener.route("", [this](const HttpExchangePtr &request) { handle(request); });
    if (m_telemetry)
        m_telemetry->addCluster(m_self, m_cluster);
}

void OutboundSidecar::handle(const HttpExchangePtr &request)
{
    auto call = std::make_shared<Call>();
    call->request = request;
    call->started = std::chrono::steady_clock::now();
    for (const auto &[k, v] : request->headers)
        if (!hopByHop(k))
            call->headers.emplace_back(k, v);
    call->headers.emplace_back("x-meshdeck-peer", m_self.encode());
    call->headers.emplace_back("x-forwarded-by", m_name);
    if (m_routes && m_gateway)
        call->decision = m_routes->decideAtGateway(request->header("host"), request->method,
                                                   request->target, request->headers);
    else if (m_routes)
        call->decision
            = m_routes->decide(m_service, request->method, request->target, request->headers);
    const SidecarRoutes::Decision &d = call->decision;
    if (m_gateway && d.noRoute && d.noRouteStatus == 404) {
        finish(call, HttpReply {404, "", "text/plain", {}, {}, {}}, 404, "NR");
        return;
    }
    if (m_gateway && !d.host.empty() && d.host != m_service) {
        finish(call, HttpReply {503, "no healthy upstream", "text/plain", {}, {}, {}}, 503, "UH");
        return;
    }
    if (d.fault.abortStatus > 0) {
        finish(call,
               HttpReply {d.fault.abortStatus, "fault filter abort", "text/plain", {}, {}, {}},
               d.fault.abortStatus, "FI");
        return;
    }
    if (d.timeoutMs > 0) {
        m_loop.after(d.timeoutMs, [this, call] {
            if (!call->answered)
                finish(call, HttpReply {504, "upstream request timeout", "text/plain", {}, {}, {}},
                       504, "UT");
        });
    }
    if (d.fault.delayMs > 0) {
        call->delayed = true;
        m_loop.after(d.fault.delayMs, [this, call] {
            if (!call->answered)
                attempt(call);
        });
        return;
    }
    attempt(call);
}

int OutboundSidecar::pick(const std::map<std::string, std::string> &labels)
{
    const auto now = std::chrono::steady_clock::now();
    const auto fits = [&](std::size_t i) {
        for (const auto &[k, v] : labels) {
            const auto it = m_endpoints[i].labels.find(k);
            if (it == m_endpoints[i].labels.end() || it->second != v)
                return false;
        }
        return true;
    };
    std::vector<int> candidates, ejected;
    for (std::size_t i = 0; i < m_endpoints.size(); ++i) {
        if (!fits(i))
            continue;
        (m_ejectedUntil[i] > now ? ejected : candidates).push_back(int(i));
    }
    // Envoy's panic threshold, simplified: when every endpoint is ejected, use them anyway.
    if (candidates.empty())
        candidates = ejected;
    if (candidates.empty())
        return -1;
    return candidates[m_next++ % candidates.size()];
}

void OutboundSidecar::observe(int endpoint, int status, const SidecarRoutes::Outlier &outlier)
{
    const bool gatewayError = status == 0 || status == 502 || status == 503 || status == 504;
    const bool failed = outlier.consecutive5xx > 0 ? (status == 0 || status >= 500) : gatewayError;
    m_failures[endpoint] = failed ? m_failures[endpoint] + 1 : 0;
    const int limit
        = outlier.consecutive5xx > 0 ? outlier.consecutive5xx : outlier.consecutiveGateway;
    if (limit > 0 && m_failures[endpoint] >= limit) {
        m_failures[endpoint] = 0;
        m_ejectedUntil[endpoint] = std::chrono::steady_clock::now()
            + std::chrono::milliseconds(static_cast<long long>(outlier.ejectionMs));
    }
}

void OutboundSidecar::attempt(const std::shared_ptr<Call> &call)
{
    const SidecarRoutes::Decision &d = call->decision;
    if (d.noRoute) {
        finish(call, HttpReply {503, "no healthy upstream", "text/plain", {}, {}, {}}, 503, "NR");
        return;
    }
    const int endpoint = pick(d.subsetLabels);
    if (endpoint < 0) {
        finish(call, HttpReply {503, "no healthy upstream", "text/plain", {}, {}, {}}, 503, "UH");
        return;
    }
    if (!admit(call))
        return;
    const int attemptNo = ++call->tries;
    auto perTry = std::make_shared<bool>(false); // this try has ended (answer or per-try timeout)
    const auto retryOrFinish
        = [this, call, attemptNo](const HttpReply &reply, int status, const std::string &flags) {
              const SidecarRoutes::Retry &retry = call->decision.retry;
              if (attemptNo <= retry.attempts && retry.retries(status)) {
                  m_telemetry->recordRetry(m_self, m_cluster, MeshTelemetry::Retry::Sent);
                  attempt(call);
                  return;
              }
              const bool exhausted = attemptNo > 1 && retry.retries(status);
              if (attemptNo > 1)
                  m_telemetry->recordRetry(m_self, m_cluster,
                                           exhausted ? MeshTelemetry::Retry::LimitExceeded
                                                     : MeshTelemetry::Retry::Succeeded);
              finish(call, reply, status,
                     !exhausted          ? flags
                         : flags.empty() ? std::string("URX")
                                         : flags + ",URX");
          };
    if (d.retry.perTryTimeoutMs > 0) {
        m_loop.after(d.retry.perTryTimeoutMs, [call, perTry, retryOrFinish] {
            if (*perTry || call->answered)
                return;
            *perTry = true;
            retryOrFinish(HttpReply {504, "upstream request timeout", "text/plain", {}, {}, {}},
                          504, "UT");
        });
    }
    m_endpoints[endpoint].pool->send(
        call->request->method, call->request->target, call->headers, call->request->body,
        [this, call, perTry, endpoint, retryOrFinish](HttpReply reply) {
            release();
            observe(endpoint, reply.status, call->decision.outlier);
            if (*perTry || call->answered)
                return; // answered already (timeout): the late reply is dropped
            *perTry = true;
            retryOrFinish(reply, reply.status, reply.status ? std::string() : std::string("UF"));
        });
}

bool OutboundSidecar::admit(const std::shared_ptr<Call> &call)
{
    const SidecarRoutes::Pool &pool = call->decision.pool;
    const auto overflow = [this, call] {
        finish(call,
               HttpReply {503,
                          "upstream connect error or disconnect/reset before headers. "
                          "reset reason: overflow",
                          "text/plain",
                          {},
                          {},
                          {}},
               503, "UO");
        return false;
    };
    if (pool.maxRequests > 0 && m_inFlight >= pool.maxRequests)
        return overflow();
    if (pool.maxConnections > 0 && m_inFlight >= pool.maxConnections) {
        // Istio leaves the queue unbounded (2^32-1) unless http1MaxPendingRequests is set.
        if (pool.maxPending > 0 && int(m_waiting.size()) >= pool.maxPending)
            return overflow();
        m_waiting.push_back(call);
        return false;
    }
    ++m_inFlight;
    return true;
}

void OutboundSidecar::release()
{
    --m_inFlight;
    while (!m_waiting.empty()) {
        std::shared_ptr<Call> next = m_waiting.front();
        m_waiting.pop_front();
        if (next->answered)
            continue; // timed out while waiting
        attempt(next);
        return;
    }
}

void OutboundSidecar::finish(const std::shared_ptr<Call> &call, const HttpReply &reply, int status,
                             const std::string &flags)
{
    if (call->answered)
        return;
    call->answered = true;
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now()
                                                                - call->started)
                          .count();
    const int code = status ? status : 503;
    std::string allFlags = flags;
    if (call->delayed)
        allFlags = allFlags.empty() ? "DI" : "DI," + allFlags;
    const MeshWorkload destination
        = reply.workload.empty() ? MeshWorkload::unknown() : MeshWorkload::decode(reply.workload);
    m_telemetry->record(false, m_self, destination, m_service, code, ms, true, allFlags);
    HttpHeaderList extra {{"server", "meshdeck-sidecar"}};
    if (!reply.status) {
        call->request->reply(503, "text/plain",
                             "upstream connect error or disconnect/reset before headers", extra);
        return;
    }
    if (!allFlags.empty())
        extra.emplace_back("x-envoy-response-flags", allFlags);
    extra.emplace_back("x-envoy-upstream-service-time", std::to_string(static_cast<long long>(ms)));
    if (call->tries > 1)
        extra.emplace_back("x-envoy-attempt-count", std::to_string(call->tries));
    if (!reply.grpcStatus.empty()) {
        HttpHeaderList trailers {{"grpc-status", reply.grpcStatus}};
        if (!reply.grpcMessage.empty())
            trailers.emplace_back("grpc-message", reply.grpcMessage);
        call->request->replyWithTrailers(reply.status, reply.contentType, reply.body, extra,
                                         trailers);
        return;
    }
    call->request->reply(reply.status,
                         reply.contentType.empty() ? "application/octet-stream" : reply.contentType,
                         reply.body, extra);
}

} // namespace Meshdeck::Demo
