#include "bookinfotraffic.h"

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

    // A sidecar: forwards every request to `upstream` over a kept-alive connection.
    void proxyTo(const HttpService *upstream)
    {
        const int port = upstream->port();
        const std::string name = m_name;
        m_server.Get(".*", [port, name](const httplib::Request &req, httplib::Response &res) {
            httplib::Headers headers;
            for (const auto &[k, v] : req.headers) {
                if (k != "Host" && k != "Connection" && k != "Content-Length" && k != "REMOTE_ADDR"
                    && k != "REMOTE_PORT" && k != "LOCAL_ADDR" && k != "LOCAL_PORT")
                    headers.emplace(k, v);
            }
            headers.emplace("x-forwarded-by", name);
            const auto started = std::chrono::steady_clock::now();
            auto reply = clientFor(port).Get(req.target, headers);
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
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::steady_clock::now() - started)
                                .count();
            res.set_header("x-upstream-service-time", std::to_string(ms));
            res.set_header("server", "meshdeck-sidecar");
        });
    }

private:
    std::string m_name;
    httplib::Server m_server;
    int m_port = 0;
    std::thread m_thread;
};

BookinfoTraffic::BookinfoTraffic() = default;

BookinfoTraffic::~BookinfoTraffic()
{
    stop();
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
    const auto reviews = [this](const std::string &name, const HttpService *ratingsUpstream) {
        HttpService *s = add(std::make_unique<HttpService>(name));
        const int port = ratingsUpstream->port();
        s->server().Get(
            R"(/reviews/(\d+))", [port](const httplib::Request &req, httplib::Response &res) {
                work(1.2);
                auto r = clientFor(port).Get("/ratings/" + req.matches[1].str());
                if (!r || r->status != 200) {
                    res.status = 503;
                    res.set_content("{\"error\":\"ratings unavailable\"}", "application/json");
                    return;
                }
                res.set_content(
                    "{\"id\":\"" + req.matches[1].str()
                        + "\",\"podname\":\"reviews-v2\",\"clustername\":\"null\","
                          "\"reviews\":[{\"reviewer\":\"Reviewer1\",\"text\":\"An "
                          "extremely entertaining play by Shakespeare.\"},{\"reviewer\":"
                          "\"Reviewer2\",\"text\":\"Absolutely fun and entertaining.\"}],"
                          "\"ratings\":"
                        + r->body + "}",
                    "application/json");
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
    const auto sidecar = [this](const std::string &name, const HttpService *upstream) {
        HttpService *s = add(std::make_unique<HttpService>(name));
        s->proxyTo(upstream);
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

    // With sidecars: inbound in front of every service, outbound on every calling edge.
    HttpService *ratingsIn = started(sidecar("ratings-inbound", m_ratings));
    HttpService *detailsIn = ratingsIn ? started(sidecar("details-inbound", m_details)) : nullptr;
    HttpService *reviewsToRatings
        = detailsIn ? started(sidecar("reviews-outbound", ratingsIn)) : nullptr;
    HttpService *reviewsMesh
        = reviewsToRatings ? started(reviews("reviews-meshed", reviewsToRatings)) : nullptr;
    HttpService *reviewsIn
        = reviewsMesh ? started(sidecar("reviews-inbound", reviewsMesh)) : nullptr;
    HttpService *ppToDetails
        = reviewsIn ? started(sidecar("productpage-outbound-details", detailsIn)) : nullptr;
    HttpService *ppToReviews
        = ppToDetails ? started(sidecar("productpage-outbound-reviews", reviewsIn)) : nullptr;
    HttpService *ppMesh = ppToReviews
        ? started(productpage("productpage-meshed", ppToDetails, ppToReviews))
        : nullptr;
    m_productpageSidecar = ppMesh ? started(sidecar("productpage-inbound", ppMesh)) : nullptr;
    return m_productpageSidecar != nullptr;
}

void BookinfoTraffic::stop()
{
    // Front to back, so that no proxy waits on a stopped upstream.
    for (auto it = m_services.rbegin(); it != m_services.rend(); ++it)
        (*it)->stop();
    m_services.clear();
    m_productpage = m_productpageSidecar = m_details = m_reviews = m_ratings = nullptr;
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
