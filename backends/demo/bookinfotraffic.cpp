#include "bookinfotraffic.h"

#include "meshtelemetry.h"
#include "threadperconnection.h"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <map>
#include <random>
#include <thread>

namespace Meshdeck::Demo {

namespace {

using namespace std::chrono_literals;

// Log-normal service time around `medianMs` with a modest tail (sigma 0.35).
void work(double medianMs)
{
    thread_local std::mt19937 rng(std::random_device {}());
    std::lognormal_distribution<double> dist(std::log(medianMs), 0.35);
    const double ms = std::min(dist(rng), medianMs * 20);
    std::this_thread::sleep_for(std::chrono::microseconds(static_cast<long long>(ms * 1000)));
}

// Bookinfo's ratings database has a bad quarter of a minute every minute and a half: a fifth
// of its answers fail then, which shows as a red edge from reviews to ratings.
bool ratingsFailing()
{
    thread_local std::mt19937 rng(std::random_device {}());
    const auto s = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::steady_clock::now().time_since_epoch())
                       .count();
    return s % 90 >= 45 && s % 90 < 60 && std::uniform_int_distribution<int>(0, 4)(rng) == 0;
}

// One keep-alive client per thread and upstream port: a connection's handler thread reuses it.
httplib::Client &clientFor(int port)
{
    thread_local std::map<int, std::unique_ptr<httplib::Client>> clients;
    auto &c = clients[port];
    if (!c) {
        c = std::make_unique<httplib::Client>("127.0.0.1", port);
        c->set_keep_alive(true);
        c->set_connection_timeout(2, 0);
        c->set_read_timeout(10, 0);
    }
    return *c;
}

} // namespace

// One HTTP server on a loopback port: an application service or a sidecar proxy.
class HttpService
{
public:
    explicit HttpService(std::string name)
        : m_name(std::move(name))
    {
        m_server.new_task_queue = [] {
            return new ThreadPerConnection;
        };
        m_server.set_keep_alive_max_count(1'000'000);
        m_server.set_keep_alive_timeout(2);
        m_server.set_tcp_nodelay(true);
    }
    ~HttpService() { stop(); }

    httplib::Server &server() { return m_server; }
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] const std::string &name() const { return m_name; }

    bool start()
    {
        int listening = -1;
        m_server.set_socket_options([&listening](socket_t fd) {
            int on = 1;
            ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
            listening = static_cast<int>(fd);
        });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        if (m_port <= 0)
            return false;
        if (listening >= 0)
            ::listen(listening, 4096);
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running())
            std::this_thread::sleep_for(1ms);
        return true;
    }
    void stop()
    {
        if (!m_thread.joinable())
            return;
        m_server.stop();
        m_thread.join();
    }

    // A sidecar (or the ingress gateway): forwards every request to one of `upstreams` (round
    // robin, kept-alive connections) and reports it in Istio's vocabulary. Inbound sidecars learn
    // the caller from the peer-metadata header an outbound sidecar sets, and answer with their
    // own identity, as Istio's metadata exchange does.
    void sidecar(bool inbound, MeshWorkload self, std::string service, std::vector<int> upstreams,
                 MeshTelemetry *telemetry)
    {
        auto next = std::make_shared<std::atomic_uint>(0);
        const std::string name = m_name;
        m_server.Get(".*", [=](const httplib::Request &req, httplib::Response &res) {
            httplib::Headers headers;
            for (const auto &[k, v] : req.headers) {
                if (k != "Host" && k != "Connection" && k != "Content-Length" && k != "REMOTE_ADDR"
                    && k != "REMOTE_PORT" && k != "LOCAL_ADDR" && k != "LOCAL_PORT"
                    && k != "x-meshdeck-peer")
                    headers.emplace(k, v);
            }
            const MeshWorkload peer = inbound && req.has_header("x-meshdeck-peer")
                ? MeshWorkload::decode(req.get_header_value("x-meshdeck-peer"))
                : MeshWorkload::unknown();
            if (!inbound)
                headers.emplace("x-meshdeck-peer", self.encode());
            headers.emplace("x-forwarded-by", name);
            const int port = upstreams[(*next)++ % upstreams.size()];
            const auto started = std::chrono::steady_clock::now();
            auto reply = clientFor(port).Get(req.target, headers);
            const double ms = std::chrono::duration<double, std::milli>(
                                  std::chrono::steady_clock::now() - started)
                                  .count();
            const int code = reply ? reply->status : 503;
            if (inbound) {
                telemetry->record(true, peer, self, service, code, ms, peer.name != "unknown");
                res.set_header("x-meshdeck-workload", self.encode());
            } else {
                const MeshWorkload destination = reply && reply->has_header("x-meshdeck-workload")
                    ? MeshWorkload::decode(reply->get_header_value("x-meshdeck-workload"))
                    : MeshWorkload::unknown();
                telemetry->record(false, self, destination, service, code, ms, true);
            }
            if (!reply) {
                res.status = 503;
                res.set_content("upstream connect error or disconnect/reset before headers",
                                "text/plain");
                return;
            }
            res.status = reply->status;
            res.body = std::move(reply->body);
            for (const auto &[k, v] : reply->headers) {
                if (k == "Content-Type")
                    res.set_header(k, v);
            }
            res.set_header("x-envoy-upstream-service-time",
                           std::to_string(static_cast<long long>(ms)));
            res.set_header("server", "meshdeck-sidecar");
        });
    }

private:
    std::string m_name;
    httplib::Server m_server;
    int m_port = 0;
    std::thread m_thread;
};

BookinfoTraffic::BookinfoTraffic()
    : m_telemetry(std::make_unique<MeshTelemetry>())
{
}

BookinfoTraffic::~BookinfoTraffic()
{
    stop();
}

void BookinfoTraffic::setMeshView(std::function<MeshView()> view)
{
    m_view = std::move(view);
}

HttpService *BookinfoTraffic::add(std::unique_ptr<HttpService> service)
{
    m_services.push_back(std::move(service));
    return m_services.back().get();
}

bool BookinfoTraffic::start()
{
    // Services are started callee first, so callers know their upstream ports.
    const auto ratings = [this](const std::string &name) {
        HttpService *s = add(std::make_unique<HttpService>(name));
        s->server().Get(R"(/ratings/(\d+))",
                        [](const httplib::Request &req, httplib::Response &res) {
                            work(0.4);
                            if (ratingsFailing()) {
                                res.status = 500;
                                res.set_content("{\"error\":\"ratings database unavailable\"}",
                                                "application/json");
                                return;
                            }
                            res.set_content("{\"id\":" + req.matches[1].str()
                                                + ",\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}",
                                            "application/json");
                        });
        return s;
    };
    const auto details = [this](const std::string &name) {
        HttpService *s = add(std::make_unique<HttpService>(name));
        s->server().Get(
            R"(/details/(\d+))", [](const httplib::Request &req, httplib::Response &res) {
                work(0.8);
                res.set_content("{\"id\":" + req.matches[1].str()
                                    + ",\"author\":\"William Shakespeare\",\"year\":1595,"
                                      "\"type\":\"paperback\",\"pages\":200,\"publisher\":"
                                      "\"PublisherA\",\"language\":\"English\","
                                      "\"ISBN-10\":\"1234567890\",\"ISBN-13\":\"123-1234567890\"}",
                                "application/json");
            });
        return s;
    };
    // reviews-v1 shows no ratings (ratingsUpstream null); v2 and v3 ask the ratings service.
    const auto reviews = [this](const std::string &name, const HttpService *ratingsUpstream,
                                const std::string &version = "v2") {
        HttpService *s = add(std::make_unique<HttpService>(name));
        const int port = ratingsUpstream ? ratingsUpstream->port() : 0;
        s->server().Get(
            R"(/reviews/(\d+))",
            [port, version](const httplib::Request &req, httplib::Response &res) {
                work(version == "v3" ? 1.6 : 1.2);
                const std::string id = req.matches[1].str();
                const std::string head = "{\"id\":\"" + id + "\",\"podname\":\"reviews-" + version
                    + "\",\"clustername\":\"null\",\"reviews\":[{\"reviewer\":\"Reviewer1\","
                      "\"text\":"
                      "\"An extremely entertaining play by Shakespeare.\"},{\"reviewer\":"
                      "\"Reviewer2\",\"text\":\"Absolutely fun and entertaining.\"}]";
                if (!port) {
                    res.set_content(head + "}", "application/json");
                    return;
                }
                auto r = clientFor(port).Get("/ratings/" + id);
                if (!r || r->status != 200) {
                    // As Bookinfo does: the page still renders, without stars.
                    res.set_content(
                        head + ",\"error\":\"Ratings service is currently unavailable\"}",
                        "application/json");
                    return;
                }
                res.set_content(head + ",\"ratings\":" + r->body + "}", "application/json");
            });
        return s;
    };
    const auto productpage = [this](const std::string &name, const HttpService *detailsUpstream,
                                    const HttpService *reviewsUpstream) {
        HttpService *s = add(std::make_unique<HttpService>(name));
        const int d = detailsUpstream->port();
        const int r = reviewsUpstream->port();
        s->server().Get("/productpage", [d, r](const httplib::Request &, httplib::Response &res) {
            work(1.5);
            auto detailsReply = clientFor(d).Get("/details/0");
            auto reviewsReply = clientFor(r).Get("/reviews/0");
            const bool ok = detailsReply && detailsReply->status == 200 && reviewsReply
                && reviewsReply->status == 200;
            std::string html = "<!DOCTYPE html><html><head><title>Simple Bookstore App</title>"
                               "</head><body><h1>The Comedy of Errors</h1>";
            html += "<section id=\"details\">"
                + (detailsReply ? detailsReply->body : std::string("unavailable")) + "</section>";
            html += "<section id=\"reviews\">"
                + (reviewsReply ? reviewsReply->body : std::string("unavailable")) + "</section>";
            html += std::string(3000, ' ') + "</body></html>"; // a page of realistic size
            res.status = ok ? 200 : 503;
            res.set_content(html, "text/html; charset=utf-8");
        });
        s->server().Get("/health", [](const httplib::Request &, httplib::Response &res) {
            res.set_content("{\"status\":\"Product page is healthy\"}", "application/json");
        });
        return s;
    };
    const auto started = [](HttpService *s) {
        return s->start() ? s : nullptr;
    };

    // Without a mesh.
    m_ratings = started(ratings("ratings"));
    m_details = m_ratings ? started(details("details")) : nullptr;
    m_reviews = m_details ? started(reviews("reviews", m_ratings)) : nullptr;
    m_productpage = m_reviews ? started(productpage("productpage", m_details, m_reviews)) : nullptr;
    if (!m_productpage)
        return false;

    // With sidecars: inbound in front of every workload, outbound on every calling edge, an
    // ingress gateway in front, all reporting Istio metrics.
    const auto wl = [](const char *app, const char *version, const char *ns = "bookinfo") {
        return MeshWorkload {std::string(app) + '-' + version, ns, app, version};
    };
    const auto fqdn = [](const char *service, const char *ns = "bookinfo") {
        return std::string(service) + '.' + ns + ".svc.cluster.local";
    };
    MeshTelemetry *t = m_telemetry.get();
    const auto inbound = [&](const MeshWorkload &w, const char *service, const HttpService *app) {
        HttpService *s = add(std::make_unique<HttpService>(w.name + "-inbound"));
        s->sidecar(true, w, fqdn(service), {app->port()}, t);
        return started(s);
    };
    const auto outbound
        = [&](const MeshWorkload &from, const char *service, std::vector<const HttpService *> to) {
              HttpService *s = add(std::make_unique<HttpService>(from.name + "-to-" + service));
              std::vector<int> ports;
              for (const HttpService *u : to)
                  ports.push_back(u->port());
              s->sidecar(false, from, fqdn(service), ports, t);
              return started(s);
          };
    HttpService *ratingsIn = inbound(wl("ratings", "v1"), "ratings", m_ratings);
    HttpService *detailsIn
        = ratingsIn ? inbound(wl("details", "v1"), "details", m_details) : nullptr;
    std::vector<const HttpService *> reviewsIns;
    for (const char *v : {"v1", "v2", "v3"}) {
        if (!detailsIn)
            break;
        const MeshWorkload self = wl("reviews", v);
        HttpService *toRatings
            = std::string(v) == "v1" ? nullptr : outbound(self, "ratings", {ratingsIn});
        if (std::string(v) != "v1" && !toRatings)
            return false;
        HttpService *app = started(reviews("reviews-" + std::string(v) + "-meshed", toRatings, v));
        HttpService *in = app ? inbound(self, "reviews", app) : nullptr;
        if (!in)
            return false;
        reviewsIns.push_back(in);
    }
    if (reviewsIns.size() != 3)
        return false;
    const MeshWorkload pp = wl("productpage", "v1");
    HttpService *ppToDetails = outbound(pp, "details", {detailsIn});
    HttpService *ppToReviews = ppToDetails ? outbound(pp, "reviews", reviewsIns) : nullptr;
    HttpService *ppMesh = ppToReviews
        ? started(productpage("productpage-meshed", ppToDetails, ppToReviews))
        : nullptr;
    m_productpageSidecar = ppMesh ? inbound(pp, "productpage", ppMesh) : nullptr;
    if (!m_productpageSidecar)
        return false;
    m_gateway
        = outbound({"istio-ingressgateway", "istio-system", "istio-ingressgateway", "unknown"},
                   "productpage", {m_productpageSidecar});
    m_metrics = m_gateway ? add(std::make_unique<HttpService>("metrics")) : nullptr;
    if (!m_metrics)
        return false;
    m_metrics->server().Get(
        "/stats/prometheus", [t, view = m_view](const httplib::Request &, httplib::Response &res) {
            res.set_content(t->exposition(view ? view() : MeshView()), "text/plain; version=0.0.4");
        });
    if (!started(m_metrics))
        return false;

    // Users of the shop: a steady ~10 requests a second through the gateway.
    m_stop = false;
    const int gatewayPort = m_gateway->port();
    m_traffic = std::thread([this, gatewayPort] {
        httplib::Client client("127.0.0.1", gatewayPort);
        client.set_keep_alive(true);
        client.set_read_timeout(5, 0);
        while (!m_stop.load()) {
            (void)client.Get("/productpage");
            std::unique_lock lock(m_stopMutex);
            m_stopCondition.wait_for(lock, std::chrono::milliseconds(100),
                                     [this] { return m_stop.load(); });
        }
    });
    return m_productpageSidecar != nullptr;
}

void BookinfoTraffic::stop()
{
    {
        std::lock_guard lock(m_stopMutex);
        m_stop = true;
    }
    m_stopCondition.notify_all();
    if (m_traffic.joinable())
        m_traffic.join();
    // Front to back, so that no proxy waits on a stopped upstream.
    for (auto it = m_services.rbegin(); it != m_services.rend(); ++it)
        (*it)->stop();
    m_services.clear();
    m_productpage = m_productpageSidecar = m_details = m_reviews = m_ratings = nullptr;
    m_gateway = m_metrics = nullptr;
}

QString BookinfoTraffic::productpageUrl() const
{
    return m_productpage
        ? QStringLiteral("http://127.0.0.1:%1/productpage").arg(m_productpage->port())
        : QString();
}

QString BookinfoTraffic::productpageMeshUrl() const
{
    return m_productpageSidecar
        ? QStringLiteral("http://127.0.0.1:%1/productpage").arg(m_productpageSidecar->port())
        : QString();
}

QString BookinfoTraffic::gatewayUrl() const
{
    return m_gateway ? QStringLiteral("http://127.0.0.1:%1/productpage").arg(m_gateway->port())
                     : QString();
}

QString BookinfoTraffic::metricsUrl() const
{
    return m_metrics ? QStringLiteral("http://127.0.0.1:%1/stats/prometheus").arg(m_metrics->port())
                     : QString();
}

quint16 BookinfoTraffic::metricsPort() const
{
    return m_metrics ? static_cast<quint16>(m_metrics->port()) : 0;
}

QString BookinfoTraffic::serviceUrl(const QString &service) const
{
    const HttpService *s = service == QLatin1String("details") ? m_details
        : service == QLatin1String("reviews")                  ? m_reviews
        : service == QLatin1String("ratings")                  ? m_ratings
        : service == QLatin1String("productpage")              ? m_productpage
                                                               : nullptr;
    return s ? QStringLiteral("http://127.0.0.1:%1").arg(s->port()) : QString();
}

} // namespace Meshdeck::Demo
