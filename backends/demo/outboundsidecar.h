#pragma once

#include "eventhttp.h"
#include "meshtelemetry.h"
#include "sidecarroutes.h"

#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace Meshdeck::Demo {

class EventLoop;

// The headers that a proxy does not pass on (connection-level, or the demo's own peer metadata).
[[nodiscard]] bool hopByHop(const std::string &name);

// A Bookinfo pod's outbound sidecar for one Service: takes the application's requests on its
// listener and sends each to one of the Service's endpoints as the routing objects say
// (SidecarRoutes: subset by weight and match, fault injection, timeout, retries, outlier
// ejection), and reports every request in the mesh's telemetry with Envoy's response flags.
// Lives on the pod's proxy loop; everything here runs on that loop's thread.
class OutboundSidecar
{
public:
    struct Endpoint
    {
        UpstreamPool *pool = nullptr; // to the endpoint pod's inbound sidecar
        std::map<std::string, std::string> labels; // the pod's labels (app, version)
    };

    OutboundSidecar(EventLoop &loop, HttpListener &listener, MeshWorkload self, std::string service,
                    std::vector<Endpoint> endpoints, MeshTelemetry *telemetry,
                    const SidecarRoutes *routes, std::string name);
    // The ingress gateway: requests are routed by the VirtualServices bound to its Gateways
    // (404 NR when none takes them); `service` is the one its endpoints serve, and a route to
    // another answers 503 UH (the demo's gateway reaches only that one).
    void setGateway(bool gateway) { m_gateway = gateway; }

private:
    struct Call;
    void handle(const HttpExchangePtr &request);
    void attempt(const std::shared_ptr<Call> &call);
    void finish(const std::shared_ptr<Call> &call, const HttpReply &reply, int status,
                const std::string &flags);
    [[nodiscard]] int pick(const std::map<std::string, std::string> &labels);
    void observe(int endpoint, int status, const SidecarRoutes::Outlier &outlier);
    // Connection pool: true when the attempt may go now; false when it waits (queued, sent
    // later) or overflowed (answered 503 UO).
    bool admit(const std::shared_ptr<Call> &call);
    void release(); // an attempt ended: the next waiting one goes

    EventLoop &m_loop;
    MeshWorkload m_self;
    bool m_gateway = false;
    std::string m_service;
    std::string m_cluster; // Envoy's name for the outbound cluster: "outbound|9080||HOST"
    std::vector<Endpoint> m_endpoints;
    std::vector<int> m_failures; // consecutive, per endpoint
    std::vector<std::chrono::steady_clock::time_point> m_ejectedUntil;
    MeshTelemetry *m_telemetry;
    const SidecarRoutes *m_routes;
    std::string m_name;
    unsigned m_next = 0;
    int m_inFlight = 0; // attempts sent and not answered
    std::deque<std::shared_ptr<Call>> m_waiting; // beyond maxConnections, within maxPending
};

} // namespace Meshdeck::Demo
