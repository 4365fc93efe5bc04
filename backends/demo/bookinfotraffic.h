#pragma once

#include "meshtelemetry.h"
#include "sidecarroutes.h"

#include <QString>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace Meshdeck::Demo {

class AccessLog;
class EventLoop;
class HttpListener;
class UpstreamPool;

// Bookinfo as real HTTP services on loopback, for load tests that measure a mesh for real on
// one machine. productpage calls details and reviews, reviews (v2, v3) calls ratings, each with
// its own service time (log-normal around Bookinfo-like medians, spent waiting as an
// application waits on its database). The same application is served twice:
//  - direct: services call each other straight, as without a mesh;
//  - mesh: every call crosses two real HTTP proxies, the caller's outbound sidecar and the
//    callee's inbound sidecar, and the entry point is productpage's inbound sidecar, as with
//    Istio or Linkerd sidecars.
// Every pod's application container and its sidecar is one event loop on its own thread (a
// fixed number of threads, none per connection), so each container's CPU time is its thread's
// CPU clock and its memory the heap its HTTP library holds (see usage()).
class BookinfoTraffic
{
public:
    BookinfoTraffic();
    ~BookinfoTraffic();

    // Tells, at each scrape, which mesh's proxies Bookinfo's pods carry and where they run, so
    // that the metrics speak that mesh's vocabulary (none: no series). Default: Istio.
    void setMeshView(std::function<MeshView()> view);
    // What /metrics/cadvisor on the metrics port serves (the demo's kubelet series).
    void setCadvisor(std::function<std::string()> exposition);
    // Where the sidecars' routing comes from: called a few times a second from the demo's own
    // thread; fills the objects and answers true when they may have changed.
    using RoutingSource = std::function<bool(SidecarRoutes::Objects *objects)>;
    void setRoutingSource(RoutingSource source);
    [[nodiscard]] const SidecarRoutes &routes() const { return *m_routes; }
    // Where the containers log each request they answer (the pods' logs read it); set before
    // start().
    void setAccessLog(std::shared_ptr<AccessLog> log) { m_accessLog = std::move(log); }
    bool start(); // false when a port cannot be bound
    void stop();

    [[nodiscard]] QString productpageUrl() const; // http://127.0.0.1:P/productpage
    [[nodiscard]] QString productpageMeshUrl() const; // through the sidecars
    [[nodiscard]] QString gatewayUrl() const; // the ingress gateway in front of the sidecars
    [[nodiscard]] QString metricsUrl() const; // the sidecars' Istio metrics, for Prometheus
    [[nodiscard]] quint16 metricsPort() const;
    [[nodiscard]] QString serviceUrl(const QString &service) const; // direct, e.g. "details"
    // One pod's application, e.g. ("reviews", "v3"); empty when there is no such pod.
    [[nodiscard]] QString podUrl(const QString &app, const QString &version) const;

    // What one container of a Bookinfo pod has really used so far.
    struct ContainerUsage
    {
        std::string app; // "reviews"; "istio-ingressgateway" for the gateway
        std::string version; // "v2"
        bool proxy = false; // the pod's sidecar (or the gateway's proxy), else the application
        double cpuSeconds = 0; // the container thread's CPU clock
        long long memoryBytes = 0; // heap the container's HTTP library holds, see usage()
    };
    // Memory is attributed by allocation: libevent's allocation hooks charge every block (its
    // connections, requests, headers, buffers) to the loop whose thread allocated it until it is
    // freed. Thread stacks and the shared program are not counted.
    [[nodiscard]] std::vector<ContainerUsage> usage() const;
    [[nodiscard]] int threadCount() const; // event-loop threads serving Bookinfo

private:
    struct Pod;
    struct Shared;
    std::vector<std::unique_ptr<Pod>> m_pods;
    std::shared_ptr<AccessLog> m_accessLog;
    std::unique_ptr<EventLoop> m_misc; // the metrics endpoint and the shop's users
    std::unique_ptr<HttpListener> m_metrics;
    std::unique_ptr<UpstreamPool> m_shoppers;
    std::unique_ptr<MeshTelemetry> m_telemetry;
    std::function<MeshView()> m_view;
    std::function<std::string()> m_cadvisor;
    std::function<void()> m_shop; // one shopper's visit, again and again
    std::unique_ptr<SidecarRoutes> m_routes;
    RoutingSource m_routingSource;
    std::function<void()> m_pollRoutes;
    bool m_running = false;
};

} // namespace Meshdeck::Demo
