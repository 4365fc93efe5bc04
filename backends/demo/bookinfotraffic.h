#pragma once

#include "meshtelemetry.h"

#include <QString>

#include <functional>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace Meshdeck::Demo {

class HttpService;

// Bookinfo as real HTTP services on loopback, for load tests that measure a mesh for real on
// one machine. productpage calls details and reviews, reviews calls ratings, each with its own
// service time (log-normal around Bookinfo-like medians). The same application is served twice:
//  - direct: services call each other straight, as without a mesh;
//  - mesh: every call crosses two real HTTP proxies, the caller's outbound sidecar and the
//    callee's inbound sidecar, and the entry point is productpage's inbound sidecar, as with
//    Istio or Linkerd sidecars.
// Comparing a load test of productpageUrl() with one of productpageMeshUrl() shows the mesh's
// overhead as measured, not as assumed.
class BookinfoTraffic
{
public:
    BookinfoTraffic();
    ~BookinfoTraffic();

    // Tells, at each scrape, which mesh's proxies Bookinfo's pods carry and where they run, so
    // that the metrics speak that mesh's vocabulary (none: no series). Default: Istio.
    void setMeshView(std::function<MeshView()> view);
    bool start(); // false when a port cannot be bound
    void stop();

    [[nodiscard]] QString productpageUrl() const; // http://127.0.0.1:P/productpage
    [[nodiscard]] QString productpageMeshUrl() const; // through the sidecars
    [[nodiscard]] QString gatewayUrl() const; // the ingress gateway in front of the sidecars
    [[nodiscard]] QString metricsUrl() const; // the sidecars' Istio metrics, for Prometheus
    [[nodiscard]] quint16 metricsPort() const;
    [[nodiscard]] QString serviceUrl(const QString &service) const; // direct, e.g. "details"

private:
    HttpService *add(std::unique_ptr<HttpService> service);
    std::vector<std::unique_ptr<HttpService>> m_services;
    HttpService *m_productpage = nullptr;
    HttpService *m_productpageSidecar = nullptr;
    HttpService *m_details = nullptr;
    HttpService *m_reviews = nullptr;
    HttpService *m_ratings = nullptr;
    HttpService *m_gateway = nullptr;
    HttpService *m_metrics = nullptr;
    std::unique_ptr<MeshTelemetry> m_telemetry;
    std::function<MeshView()> m_view;
    std::thread m_traffic;
    std::atomic_bool m_stop {false};
    std::mutex m_stopMutex;
    std::condition_variable m_stopCondition;
};

} // namespace Meshdeck::Demo
