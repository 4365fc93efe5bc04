#include "bookinfotraffic.h"

#include "accesslog.h"
#include "bookinfogrpc.h"
#include "eventhttp.h"
#include "eventloop.h"
#include "meshtelemetry.h"
#include "outboundsidecar.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>
#include <random>

namespace Meshdeck::Demo {

namespace {

// The id at the end of /ratings/7 or /details/7?x.
std::string idIn(const std::string &path, std::size_t prefixLength)
{
    std::string id;
    for (std::size_t i = prefixLength; i < path.size() && std::isdigit(path[i]); ++i)
        id += path[i];
    return id.empty() ? "0" : id;
}

const std::string Json = "application/json";

} // namespace

// Log-normal service time around `medianMs` with a modest tail (sigma 0.35).
double bookinfoServiceTimeMs(double medianMs)
{
    thread_local std::mt19937 rng(std::random_device {}());
    std::lognormal_distribution<double> dist(std::log(medianMs), 0.35);
    return std::min(dist(rng), medianMs * 20);
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

// An application's access-log line, as Bookinfo's servers write theirs (common log format);
// behind a sidecar the peer is Istio's inbound passthrough address.
QByteArray applicationLine(const HttpExchange &x, int status, std::size_t bytes, bool meshed)
{
    const std::string agent = x.header("user-agent");
    return QStringLiteral("%1 - - [%2] \"%3 %4 %5\" %6 %7 \"-\" \"%8\"")
        .arg(QLatin1String(meshed ? "127.0.0.6" : "127.0.0.1"),
             QDateTime::currentDateTimeUtc().toString(QStringLiteral("dd/MMM/yyyy:HH:mm:ss +0000")),
             QString::fromStdString(x.method), QString::fromStdString(x.target),
             QLatin1String(x.http2() ? "HTTP/2.0" : "HTTP/1.1"))
        .arg(status)
        .arg(qulonglong(bytes))
        .arg(agent.empty() ? QStringLiteral("-") : QString::fromStdString(agent))
        .toUtf8();
}

// A sidecar's access-log line in Envoy's default format: start, request line, status, flags,
// bytes in and out, duration, upstream time, user agent, request id, authority, cluster.
QByteArray envoyLine(const HttpExchange &x, int status, std::size_t bytes, double ms,
                     const std::string &cluster)
{
    const auto field = [&x](const char *name) {
        const std::string v = x.header(name);
        return v.empty() ? QStringLiteral("-") : QString::fromStdString(v);
    };
    const auto start = QDateTime::currentDateTimeUtc().addMSecs(-qint64(ms));
    // Flags "-" (none); the upstream's time is the sidecar's own measure of the exchange.
    const QString duration = QString::number(std::llround(ms));
    return QStringLiteral("[%1] \"%2 %3 %4\" %5 - via_upstream - \"-\" %6 %7 %8 %8 \"-\" "
                          "\"%9\" \"%10\" \"%11\" %12")
        .arg(start.toString(Qt::ISODateWithMs), QString::fromStdString(x.method),
             QString::fromStdString(x.target), QLatin1String(x.http2() ? "HTTP/2" : "HTTP/1.1"),
             QString::number(status), QString::number(x.body.size()), QString::number(bytes),
             duration, field("user-agent"))
        .arg(field("x-request-id"), field("host"), QString::fromStdString(cluster))
        .toUtf8();
}

// One Bookinfo pod: its application container and its sidecar, each an event loop.
struct BookinfoTraffic::Pod
{
    std::string app, version, ns;
    std::unique_ptr<EventLoop> appLoop; // none for the gateway
    std::unique_ptr<EventLoop> proxyLoop;
    std::unique_ptr<HttpListener> direct; // the application, reached without a mesh
    std::unique_ptr<HttpListener> meshed; // the application behind its sidecar
    std::unique_ptr<HttpListener> inbound; // the sidecar's inbound listener
    std::map<std::string, std::unique_ptr<HttpListener>> outbound; // by destination service
    std::vector<std::unique_ptr<UpstreamPool>> pools;
    std::vector<std::unique_ptr<OutboundSidecar>> sidecars; // routed outbound listeners

    UpstreamPool *pool(EventLoop &loop, int port, bool http2 = false)
    {
        pools.push_back(std::make_unique<UpstreamPool>(loop, port, http2));
        return pools.back().get();
    }
    [[nodiscard]] MeshWorkload workload() const
    {
        // Gateways are named by their deployment alone, as Istio reports them.
        return {appLoop ? app + '-' + version : app, ns, app, version};
    }
};

BookinfoTraffic::BookinfoTraffic()
    : m_telemetry(std::make_unique<MeshTelemetry>())
    , m_routes(std::make_unique<SidecarRoutes>())
{
}

void BookinfoTraffic::setRoutingSource(RoutingSource source)
{
    m_routingSource = std::move(source);
}

BookinfoTraffic::~BookinfoTraffic()
{
    stop();
}

void BookinfoTraffic::setMeshView(std::function<MeshView()> view)
{
    m_view = std::move(view);
}

void BookinfoTraffic::setCadvisor(std::function<std::string()> exposition)
{
    m_cadvisor = std::move(exposition);
}

namespace {

// A sidecar's listener (or the gateway's): forwards every request to one of `upstreams` (round
// robin, kept-alive connections) and reports it in the mesh's vocabulary. Inbound sidecars learn
// the caller from the peer-metadata header an outbound sidecar sets, and answer with their own
// identity, as Istio's metadata exchange does.
void proxy(HttpListener &listener, bool inbound, const MeshWorkload &self, std::string service,
           std::vector<UpstreamPool *> upstreams, MeshTelemetry *telemetry, std::string name)
{
    auto next = std::make_shared<unsigned>(0);
    listener.route("", [=](const HttpExchangePtr &request) {
        HttpHeaderList headers;
        for (const auto &[k, v] : request->headers) {
            if (!hopByHop(k))
                headers.emplace_back(k, v);
        }
        const std::string peerHeader = request->header("x-meshdeck-peer");
        const MeshWorkload peer = inbound && !peerHeader.empty() ? MeshWorkload::decode(peerHeader)
                                                                 : MeshWorkload::unknown();
        if (!inbound)
            headers.emplace_back("x-meshdeck-peer", self.encode());
        headers.emplace_back("x-forwarded-by", name);
        UpstreamPool *upstream = upstreams[(*next)++ % upstreams.size()];
        const auto started = std::chrono::steady_clock::now();
        upstream->send(
            request->method, request->target, headers, request->body, [=](HttpReply reply) {
                const double ms = std::chrono::duration<double, std::milli>(
                                      std::chrono::steady_clock::now() - started)
                                      .count();
                const int code = reply.status ? reply.status : 503;
                if (inbound) {
                    telemetry->record(true, peer, self, service, code, ms, peer.name != "unknown");
                } else {
                    const MeshWorkload destination = reply.workload.empty()
                        ? MeshWorkload::unknown()
                        : MeshWorkload::decode(reply.workload);
                    telemetry->record(false, self, destination, service, code, ms, true);
                }
                HttpHeaderList extra {{"server", "meshdeck-sidecar"}};
                if (inbound)
                    extra.emplace_back("x-meshdeck-workload", self.encode());
                if (!reply.status) {
                    request->reply(503, "text/plain",
                                   "upstream connect error or disconnect/reset before headers",
                                   extra);
                    return;
                }
                extra.emplace_back("x-envoy-upstream-service-time",
                                   std::to_string(static_cast<long long>(ms)));
                if (!reply.grpcStatus.empty()) {
                    // gRPC's status rides in trailers (headers on the HTTP/1.1 hops).
                    HttpHeaderList trailers {{"grpc-status", reply.grpcStatus}};
                    if (!reply.grpcMessage.empty())
                        trailers.emplace_back("grpc-message", reply.grpcMessage);
                    request->replyWithTrailers(reply.status, reply.contentType, reply.body, extra,
                                               trailers);
                    return;
                }
                request->reply(reply.status,
                               reply.contentType.empty() ? "application/octet-stream"
                                                         : reply.contentType,
                               reply.body, extra);
            });
    });
}

void ratingsApp(HttpListener &listener, EventLoop &loop)
{
    listener.route("/ratings/", [&loop](const HttpExchangePtr &request) {
        const std::string id = idIn(request->target, 9);
        loop.after(bookinfoServiceTimeMs(0.4), [request, id] {
            if (ratingsFailing()) {
                request->reply(500, Json, "{\"error\":\"ratings database unavailable\"}");
                return;
            }
            request->reply(200, Json,
                           "{\"id\":" + id + ",\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}");
        });
    });
}

void detailsApp(HttpListener &listener, EventLoop &loop)
{
    listener.route("/details/", [&loop](const HttpExchangePtr &request) {
        const std::string id = idIn(request->target, 9);
        loop.after(bookinfoServiceTimeMs(0.8), [request, id] {
            request->reply(200, Json,
                           "{\"id\":" + id
                               + ",\"author\":\"William Shakespeare\",\"year\":1595,"
                                 "\"type\":\"paperback\",\"pages\":200,\"publisher\":"
                                 "\"PublisherA\",\"language\":\"English\","
                                 "\"ISBN-10\":\"1234567890\",\"ISBN-13\":\"123-1234567890\"}");
        });
    });
}

// reviews-v1 shows no ratings (ratings null); v2 and v3 ask the ratings service.
void reviewsApp(HttpListener &listener, EventLoop &loop, const std::string &version,
                UpstreamPool *ratings)
{
    listener.route("/reviews/", [&loop, version, ratings](const HttpExchangePtr &request) {
        const std::string id = idIn(request->target, 9);
        loop.after(
            bookinfoServiceTimeMs(version == "v3" ? 1.6 : 1.2), [request, id, version, ratings] {
                std::string head = "{\"id\":\"" + id + "\",\"podname\":\"reviews-" + version
                    + "\",\"clustername\":\"null\",\"reviews\":[{\"reviewer\":\"Reviewer1\","
                      "\"text\":\"An extremely entertaining play by Shakespeare.\"},{\"reviewer\":"
                      "\"Reviewer2\",\"text\":\"Absolutely fun and entertaining.\"}]";
                if (!ratings) {
                    request->reply(200, Json, head + "}");
                    return;
                }
                // Bookinfo's reviews wait 10 s for ratings with black stars (v2), 2.5 s with red
                // ones (v3).
                const auto timeout = version == "v2" ? std::chrono::milliseconds(10000)
                                                     : std::chrono::milliseconds(2500);
                ratings->get(
                    "/ratings/" + id,
                    [request, head](HttpReply r) {
                        // As Bookinfo does: the page still renders, without stars.
                        request->reply(200, Json,
                                       r.status == 200 ? head + ",\"ratings\":" + r.body + "}"
                                                       : head
                                               + ",\"error\":\"Ratings service is currently "
                                                 "unavailable\"}");
                    },
                    timeout);
            });
    });
}

// Bookinfo's productpage gives each call 3 s, and asks reviews twice before it gives up (what
// the Istio fault-injection task shows: a 7 s delay on ratings behind reviews-v2, whose own
// timeout is 10 s, leaves the page without reviews after about 6 s).
constexpr std::chrono::milliseconds kProductpageTimeout(3000);

void askReviews(UpstreamPool *review, int tries, std::function<void(HttpReply)> done)
{
    review->get(
        "/reviews/0",
        [review, tries, done = std::move(done)](HttpReply r) mutable {
            if (r.status != 200 && tries > 1) {
                askReviews(review, tries - 1, std::move(done));
                return;
            }
            done(std::move(r));
        },
        kProductpageTimeout);
}

void productpageApp(HttpListener &listener, EventLoop &loop, UpstreamPool *details,
                    std::vector<UpstreamPool *> reviews)
{
    auto next = std::make_shared<unsigned>(0);
    listener.route("/productpage", [&loop, details, reviews, next](const HttpExchangePtr &request) {
        UpstreamPool *review = reviews[(*next)++ % reviews.size()];
        loop.after(bookinfoServiceTimeMs(1.5), [request, details, review] {
            details->get(
                "/details/0",
                [request, review](HttpReply d) {
                    askReviews(review, 2, [request, d = std::move(d)](HttpReply r) {
                        std::string html
                            = "<!DOCTYPE html><html><head><title>Simple Bookstore App</title>"
                              "</head><body><h1>The Comedy of Errors</h1>";
                        // A section with the service's answer, or Bookinfo's apology.
                        const auto section = [&html](const char *what, const HttpReply &reply) {
                            html += std::string("<section id=\"") + what + "\">";
                            html += reply.status == 200 ? reply.body
                                                        : std::string("Sorry, product ") + what
                                    + " are currently unavailable for this book.";
                            html += "</section>";
                        };
                        section("details", d);
                        section("reviews", r);
                        html += std::string(3000, ' ') + "</body></html>"; // a realistic size
                        // The page renders with its apologies: 200, as Bookinfo's does, so
                        // that a failing backend shows on its own edge, not the page's.
                        request->reply(200, "text/html; charset=utf-8", html);
                    });
                },
                kProductpageTimeout);
        });
    });
    listener.route("/health", [](const HttpExchangePtr &request) {
        request->reply(200, Json, "{\"status\":\"Product page is healthy\"}");
    });
    // The page's static files, as one asset of the size asked for (?bytes=N, 1 KiB by default,
    // at most 64 MiB): what transfer tests through the mesh and through port-forward fetch.
    listener.route("/static/", [](const HttpExchangePtr &request) {
        std::size_t bytes = 1024;
        if (const auto at = request->target.find("bytes="); at != std::string::npos)
            bytes = std::min<std::size_t>(
                std::strtoull(request->target.c_str() + at + 6, nullptr, 10), 64u << 20);
        // Served as a web server serves a file it has read: the bytes are made once (on this
        // pod's thread, grown to the largest size asked for), each answer copies them out.
        thread_local std::string asset;
        if (asset.size() < bytes) {
            static const std::string unit = "The Comedy of Errors. ";
            asset.reserve(bytes);
            while (asset.size() < bytes)
                asset.append(unit, 0, std::min(unit.size(), bytes - asset.size()));
        }
        request->reply(200, "application/octet-stream", std::string_view(asset).substr(0, bytes));
    });
}

} // namespace

bool BookinfoTraffic::start()
{
    if (m_running)
        return true;
    const auto pod = [this](const std::string &app, const std::string &version,
                            const std::string &ns = "bookinfo") {
        auto p = std::make_unique<Pod>();
        p->app = app;
        p->version = version;
        p->ns = ns;
        const std::string name = app + '-' + version;
        if (app != "istio-ingressgateway") {
            p->appLoop = std::make_unique<EventLoop>(name);
            p->direct = std::make_unique<HttpListener>(*p->appLoop);
            p->meshed = std::make_unique<HttpListener>(*p->appLoop);
        }
        p->proxyLoop = std::make_unique<EventLoop>(app.substr(0, 10) + "-proxy");
        p->inbound = std::make_unique<HttpListener>(*p->proxyLoop);
        m_pods.push_back(std::move(p));
        return m_pods.back().get();
    };
    Pod *productpage = pod("productpage", "v1");
    Pod *details = pod("details", "v1");
    Pod *ratings = pod("ratings", "v1");
    std::vector<Pod *> reviews {pod("reviews", "v1"), pod("reviews", "v2"), pod("reviews", "v3")};
    Pod *gateway = pod("istio-ingressgateway", "unknown", "istio-system");
    const auto outbound = [](Pod *from, const std::string &service) {
        auto &l = from->outbound[service];
        l = std::make_unique<HttpListener>(*from->proxyLoop);
        return l.get();
    };
    HttpListener *ppToDetails = outbound(productpage, "details");
    HttpListener *ppToReviews = outbound(productpage, "reviews");
    HttpListener *gwToProductpage = outbound(gateway, "productpage");
    std::map<Pod *, HttpListener *> toRatings;
    for (Pod *r : {reviews[1], reviews[2]})
        toRatings[r] = outbound(r, "ratings");
    m_misc = std::make_unique<EventLoop>("bookinfo-misc");
    m_metrics = std::make_unique<HttpListener>(*m_misc);

    // Each container logs what it answers: the application its requests, the sidecar (or the
    // gateway) each request it passed on, in Envoy's format.
    if (m_accessLog) {
        const std::shared_ptr<AccessLog> log = m_accessLog;
        for (auto &p : m_pods) {
            const Pod *pod = p.get();
            for (auto [listener, meshed] :
                 {std::pair {p->direct.get(), false}, std::pair {p->meshed.get(), true}}) {
                if (!listener)
                    continue;
                listener->setAccessHook([log, pod, meshed = meshed](const HttpExchange &x,
                                                                    int status, std::size_t bytes,
                                                                    double) {
                    log->append(pod->ns, pod->app, pod->version, pod->app,
                                applicationLine(x, status, bytes, meshed));
                });
            }
            if (p->appLoop) // the gateway has no inbound sidecar of its own
                p->inbound->setAccessHook(
                    [log, pod](const HttpExchange &x, int status, std::size_t bytes, double ms) {
                        log->append(pod->ns, pod->app, pod->version, "istio-proxy",
                                    envoyLine(x, status, bytes, ms, "inbound|9080||"));
                    });
        }
        gwToProductpage->setAccessHook(
            [log, gateway](const HttpExchange &x, int status, std::size_t bytes, double ms) {
                log->append(gateway->ns, gateway->app, gateway->version, "istio-proxy",
                            envoyLine(x, status, bytes, ms,
                                      "outbound|9080||productpage.bookinfo.svc.cluster.local"));
            });
    }
    // Every port first, so that callers know their upstreams.
    bool bound = m_metrics->listen();
    for (auto &p : m_pods) {
        for (HttpListener *l : {p->direct.get(), p->meshed.get(), p->inbound.get()})
            bound = bound && (!l || l->listen());
        for (auto &[service, l] : p->outbound)
            bound = bound && l->listen();
    }
    if (!bound) {
        stop();
        return false;
    }

    // Applications: the direct copy calls the other services straight, the meshed copy through
    // its own outbound sidecar.
    const auto fqdn = [](const std::string &service) {
        return service + ".bookinfo.svc.cluster.local";
    };
    ratingsApp(*ratings->direct, *ratings->appLoop);
    ratingsApp(*ratings->meshed, *ratings->appLoop);
    detailsApp(*details->direct, *details->appLoop);
    detailsApp(*details->meshed, *details->appLoop);
    for (Pod *r : reviews) {
        const bool asksRatings = r->version != "v1";
        reviewsApp(*r->direct, *r->appLoop, r->version,
                   asksRatings ? r->pool(*r->appLoop, ratings->direct->port()) : nullptr);
        reviewsApp(*r->meshed, *r->appLoop, r->version,
                   asksRatings ? r->pool(*r->appLoop, toRatings[r]->port()) : nullptr);
    }
    std::vector<UpstreamPool *> reviewsDirect;
    for (Pod *r : reviews)
        reviewsDirect.push_back(productpage->pool(*productpage->appLoop, r->direct->port()));
    productpageApp(*productpage->direct, *productpage->appLoop,
                   productpage->pool(*productpage->appLoop, details->direct->port()),
                   reviewsDirect);
    productpageApp(*productpage->meshed, *productpage->appLoop,
                   productpage->pool(*productpage->appLoop, ppToDetails->port()),
                   {productpage->pool(*productpage->appLoop, ppToReviews->port())});
    // gRPC beside HTTP on the same ports, calling onwards the same way.
    for (Pod *r : reviews) {
        const bool asksRatings = r->version != "v1";
        grpcApp(
            *r->direct, *r->appLoop, "reviews", r->version,
            {nullptr, {}, asksRatings ? r->pool(*r->appLoop, ratings->direct->port()) : nullptr});
        grpcApp(*r->meshed, *r->appLoop, "reviews", r->version,
                {nullptr, {}, asksRatings ? r->pool(*r->appLoop, toRatings[r]->port()) : nullptr});
    }
    for (Pod *p : {details, ratings}) {
        grpcApp(*p->direct, *p->appLoop, p->app, p->version, {});
        grpcApp(*p->meshed, *p->appLoop, p->app, p->version, {});
    }
    grpcApp(*productpage->direct, *productpage->appLoop, "productpage", "v1",
            {productpage->pool(*productpage->appLoop, details->direct->port()), reviewsDirect,
             nullptr});
    grpcApp(*productpage->meshed, *productpage->appLoop, "productpage", "v1",
            {productpage->pool(*productpage->appLoop, ppToDetails->port()),
             {productpage->pool(*productpage->appLoop, ppToReviews->port())},
             nullptr});

    // Sidecars: inbound in front of every application, outbound on every calling edge.
    MeshTelemetry *t = m_telemetry.get();
    for (auto &p : m_pods) {
        if (!p->appLoop)
            continue;
        proxy(*p->inbound, true, p->workload(), fqdn(p->app),
              {p->pool(*p->proxyLoop, p->meshed->port())}, t, p->app + "-inbound");
    }
    // The application's calls leave through routed sidecars (VirtualServices, DestinationRules).
    const auto routed = [&](Pod *from, HttpListener *listener, const std::string &service,
                            const std::vector<Pod *> &to, const std::string &name) {
        std::vector<OutboundSidecar::Endpoint> endpoints;
        for (Pod *p : to)
            endpoints.push_back({from->pool(*from->proxyLoop, p->inbound->port(), true),
                                 {{"app", p->app}, {"version", p->version}}});
        from->sidecars.push_back(std::make_unique<OutboundSidecar>(
            *from->proxyLoop, *listener, from->workload(), fqdn(service), std::move(endpoints), t,
            m_routes.get(), name));
    };
    routed(productpage, ppToDetails, "details", {details}, "productpage-to-details");
    routed(productpage, ppToReviews, "reviews", reviews, "productpage-to-reviews");
    for (auto &[r, l] : toRatings)
        routed(r, l, "ratings", {ratings}, r->app + '-' + r->version + "-to-ratings");
    // The ingress gateway in front of productpage's sidecar, routing as the VirtualServices
    // bound to its Gateways say (Bookinfo's: /productpage, /static, /login, /logout, /api).
    routed(gateway, gwToProductpage, "productpage", {productpage}, "istio-ingressgateway");
    gateway->sidecars.back()->setGateway(true);
    gateway->inbound->route("", [](const HttpExchangePtr &request) {
        request->reply(404, "text/plain", "no route\n");
    });

    m_metrics->route("/stats/prometheus", [t, view = m_view](const HttpExchangePtr &request) {
        request->reply(200, "text/plain; version=0.0.4", t->exposition(view ? view() : MeshView()));
    });
    m_metrics->route("/metrics/cadvisor", [cadvisor = m_cadvisor](const HttpExchangePtr &request) {
        request->reply(200, "text/plain; version=0.0.4", cadvisor ? cadvisor() : std::string());
    });

    // Users of the shop: a steady ~10 requests a second through the gateway.
    m_shoppers = std::make_unique<UpstreamPool>(*m_misc, gwToProductpage->port());
    m_shop = [this] {
        m_shoppers->get("/productpage", [this](HttpReply) { m_misc->after(100, m_shop); });
    };
    m_misc->after(100, m_shop);
    // The routing objects, followed a few times a second.
    m_pollRoutes = [this] {
        SidecarRoutes::Objects objects;
        if (m_routingSource && m_routingSource(&objects))
            m_routes->update(objects);
        m_misc->after(250, m_pollRoutes);
    };
    m_pollRoutes();

    for (auto &p : m_pods) {
        if (p->appLoop)
            p->appLoop->start();
        p->proxyLoop->start();
    }
    m_misc->start();
    m_running = true;
    return true;
}

void BookinfoTraffic::stop()
{
    // Threads first, then what their loops own, then the loops.
    if (m_misc)
        m_misc->stop();
    for (auto &p : m_pods) {
        if (p->appLoop)
            p->appLoop->stop();
        p->proxyLoop->stop();
    }
    m_shoppers.reset();
    m_metrics.reset();
    for (auto &p : m_pods) {
        p->sidecars.clear();
        p->pools.clear();
        p->outbound.clear();
        p->inbound.reset();
        p->meshed.reset();
        p->direct.reset();
    }
    m_pods.clear();
    m_misc.reset();
    m_running = false;
}

namespace {
QString url(const HttpListener *l, const char *path = "/productpage")
{
    return l ? QStringLiteral("http://127.0.0.1:%1%2").arg(l->port()).arg(QLatin1String(path))
             : QString();
}
} // namespace

QString BookinfoTraffic::productpageUrl() const
{
    return m_running ? url(m_pods[0]->direct.get()) : QString();
}

QString BookinfoTraffic::productpageMeshUrl() const
{
    return m_running ? url(m_pods[0]->inbound.get()) : QString();
}

QString BookinfoTraffic::gatewayUrl() const
{
    if (!m_running)
        return {};
    for (const auto &p : m_pods) {
        if (!p->appLoop)
            return url(p->outbound.at("productpage").get());
    }
    return {};
}

QString BookinfoTraffic::metricsUrl() const
{
    return m_running ? url(m_metrics.get(), "/stats/prometheus") : QString();
}

quint16 BookinfoTraffic::metricsPort() const
{
    return m_running ? static_cast<quint16>(m_metrics->port()) : 0;
}

QString BookinfoTraffic::podUrl(const QString &app, const QString &version) const
{
    if (!m_running)
        return {};
    for (const auto &p : m_pods)
        if (p->appLoop && QString::fromStdString(p->app) == app
            && QString::fromStdString(p->version) == version)
            return url(p->direct.get(), "");
    return {};
}

QString BookinfoTraffic::serviceUrl(const QString &service) const
{
    if (!m_running)
        return {};
    // reviews: v2, the version that shows black stars.
    const std::string version = service == QLatin1String("reviews") ? "v2" : "v1";
    for (const auto &p : m_pods) {
        if (p->appLoop && QString::fromStdString(p->app) == service && p->version == version)
            return url(p->direct.get(), "");
    }
    return {};
}

std::vector<BookinfoTraffic::ContainerUsage> BookinfoTraffic::usage() const
{
    std::vector<ContainerUsage> out;
    for (const auto &p : m_pods) {
        if (p->appLoop)
            out.push_back(
                {p->app, p->version, false, p->appLoop->cpuSeconds(), p->appLoop->heapBytes()});
        out.push_back(
            {p->app, p->version, true, p->proxyLoop->cpuSeconds(), p->proxyLoop->heapBytes()});
    }
    return out;
}

int BookinfoTraffic::threadCount() const
{
    int n = m_misc ? 1 : 0;
    for (const auto &p : m_pods)
        n += p->appLoop ? 2 : 1;
    return n;
}

} // namespace Meshdeck::Demo
