#include "loadengine.h"

#include "engineshared.h"
#include "loadworker.h"

#include <openssl/ssl.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <ctime>

#include <arpa/inet.h>
#include <netdb.h>

namespace Meshdeck::Perf {

namespace {

constexpr std::int64_t Second = 1'000'000'000;

bool equalsIgnoreCase(const std::string &a, const char *b)
{
    const std::size_t n = std::strlen(b);
    if (a.size() != n)
        return false;
    for (std::size_t i = 0; i < n; ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) != b[i])
            return false;
    }
    return true;
}

int onNewSession(SSL *ssl, SSL_SESSION *session)
{
    auto *worker = static_cast<LoadWorker *>(SSL_get_app_data(ssl));
    if (!worker)
        return 0;
    worker->storeSession(session);
    return 1; // the worker owns it now
}

std::string validate(const LoadSpec &s)
{
    if (s.method.empty()
        || s.method.find_first_of(" \t\r\n()<>@,;:\\\"/[]?={}") != std::string::npos)
        return "'" + s.method + "' is not a valid HTTP method";
    if (s.connections < 1)
        return "at least one connection is needed";
    if (s.threads < 1)
        return "at least one thread is needed";
    if (s.connections > 100000)
        return "more than 100,000 connections is not supported";
    if (s.duration.count() <= 0)
        return "the duration must be longer than zero";
    if (s.warmup.count() < 0)
        return "the warm-up cannot be negative";
    if (s.mode == LoadSpec::Mode::ConstantRate && !(s.rate > 0 && std::isfinite(s.rate)))
        return "a constant-rate run needs a rate above zero";
    if (s.streams < 1 || s.streams > 1000)
        return "streams per connection must be between 1 and 1000";
    if (s.streams > 1 && s.protocol == LoadSpec::Protocol::Http1)
        return "concurrent streams need HTTP/2 (HTTP/1.1 carries one request at a time)";
    if (s.protocol == LoadSpec::Protocol::Grpc) {
        const auto slash = s.grpcMethod.find('/');
        if (slash == std::string::npos || slash == 0 || slash + 1 == s.grpcMethod.size()
            || s.grpcMethod.find('/', slash + 1) != std::string::npos
            || s.grpcMethod.find_first_of(" \t\r\n?#") != std::string::npos)
            return "'" + s.grpcMethod
                + "' is not a gRPC method: give it as package.Service/Method "
                  "(e.g. grpc.health.v1.Health/Check)";
        if (s.body.size() > 0xffffffffULL)
            return "the gRPC request message is larger than 4 GiB";
    }
    if (s.connectTimeout.count() <= 0 || s.requestTimeout.count() <= 0)
        return "timeouts must be longer than zero";
    for (const auto &[name, value] : s.headers) {
        if (name.empty() || name.find_first_of(" \t\r\n:") != std::string::npos)
            return "'" + name + "' is not a valid header name";
        if (value.find_first_of("\r\n") != std::string::npos)
            return "the value of header '" + name + "' contains a line break";
    }
    return {};
}

// HTTP/2 carries the request line as pseudo-headers and forbids connection-specific headers
// (RFC 9113 8.2.2); Host becomes :authority.
void buildHttp2Request(EngineShared &shared)
{
    const LoadSpec &spec = shared.spec;
    const bool grpc = spec.protocol == LoadSpec::Protocol::Grpc;
    auto &text = shared.h2HeaderText;
    std::string authority = shared.url.hostHeader;
    bool hasAgent = false, hasAccept = false, hasLength = false;
    std::vector<std::pair<std::string, std::string>> regular;
    for (const auto &[name, value] : spec.headers) {
        std::string lower = name;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        if (lower == "host") {
            authority = value;
            continue;
        }
        if (lower == "connection" || lower == "keep-alive" || lower == "proxy-connection"
            || lower == "transfer-encoding" || lower == "upgrade")
            continue;
        if (lower == "te" && value != "trailers")
            continue;
        if (grpc
            && (lower == "te" || lower == "content-type" || lower == "grpc-timeout"
                || lower == "content-length"))
            continue; // what gRPC needs is set below
        hasAgent |= lower == "user-agent";
        hasAccept |= lower == "accept";
        hasLength |= lower == "content-length";
        regular.emplace_back(std::move(lower), value);
    }
    text = {":method",    grpc ? std::string("POST") : spec.method,
            ":scheme",    shared.url.tls ? "https" : "http",
            ":authority", authority,
            ":path",      grpc ? "/" + spec.grpcMethod : shared.url.target};
    if (grpc) {
        // gRPC over HTTP/2: the message framed with its 5-byte prefix (not compressed, length
        // big-endian), the deadline from the request timeout, as grpc-timeout's 8 digits allow.
        const auto length = static_cast<std::uint32_t>(spec.body.size());
        shared.h2Body.assign(1, '\0');
        for (int shift = 24; shift >= 0; shift -= 8)
            shared.h2Body.push_back(static_cast<char>((length >> shift) & 0xff));
        shared.h2Body += spec.body;
        const long long ms = std::max<long long>(1, spec.requestTimeout.count() / 1000);
        text.insert(
            text.end(),
            {"content-type", "application/grpc", "te", "trailers", "grpc-timeout",
             ms < 100'000'000 ? std::to_string(ms) + "m" : std::to_string(ms / 1000) + "S"});
    } else {
        shared.h2Body = spec.body;
    }
    if (!hasAgent)
        text.insert(text.end(), {"user-agent", grpc ? "grpc-meshdeck-perf" : "meshdeck-perf"});
    if (!hasAccept && !grpc)
        text.insert(text.end(), {"accept", "*/*"});
    for (auto &[name, value] : regular)
        text.insert(text.end(), {name, value});
    if (!hasLength && !grpc && !spec.body.empty())
        text.insert(text.end(), {"content-length", std::to_string(spec.body.size())});
    shared.grpc = grpc;
    shared.h2Headers.clear();
    for (std::size_t i = 0; i + 1 < text.size(); i += 2) {
        nghttp2_nv nv {};
        nv.name = reinterpret_cast<std::uint8_t *>(text[i].data());
        nv.namelen = text[i].size();
        nv.value = reinterpret_cast<std::uint8_t *>(text[i + 1].data());
        nv.valuelen = text[i + 1].size();
        nv.flags = NGHTTP2_NV_FLAG_NO_COPY_NAME | NGHTTP2_NV_FLAG_NO_COPY_VALUE;
        shared.h2Headers.push_back(nv);
    }
    shared.http2 = true;
    shared.h2Callbacks = LoadWorker::http2Callbacks();
}

} // namespace

std::int64_t monotonicNs()
{
    timespec ts {};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * Second + ts.tv_nsec;
}

EngineShared::~EngineShared()
{
    if (tls)
        SSL_CTX_free(tls);
    if (h2Callbacks)
        nghttp2_session_callbacks_del(h2Callbacks);
}

void EngineShared::finalizeSeconds(bool all)
{
    const std::int64_t total = (endNs - measureStartNs + Second - 1) / Second;
    std::int64_t limit = total;
    if (!all) {
        for (const std::int64_t upTo : publishedUpTo)
            limit = std::min(limit, upTo);
    }
    for (auto s = static_cast<std::int64_t>(series.size()); s < limit; ++s) {
        SecondPoint point;
        point.second = s;
        if (auto it = seconds.find(s); it != seconds.end()) {
            const auto p = it->second.histogram->percentilesNs({50, 90, 99});
            point.requests = it->second.requests;
            point.errors = it->second.errors;
            point.p50Ns = p[0];
            point.p90Ns = p[1];
            point.p99Ns = p[2];
            point.maxNs = it->second.histogram->maxNs();
            if (spec.secondHistograms)
                seriesHistograms.push_back(it->second.histogram->serialize());
            seconds.erase(it);
        } else if (spec.secondHistograms) {
            seriesHistograms.emplace_back();
        }
        series.push_back(point);
    }
}

LoadEngine::LoadEngine(LoadSpec spec)
    : m_spec(std::move(spec))
{
}

LoadEngine::~LoadEngine()
{
    cancel();
    wait(Micros::max());
}

bool LoadEngine::start(std::string *error)
{
    const auto fail = [&](const std::string &why) {
        if (error)
            *error = why;
        return false;
    };
    if (const std::string why = validate(m_spec); !why.empty())
        return fail(why);
    std::string urlError;
    const auto url = Url::parse(m_spec.url, &urlError);
    if (!url)
        return fail(urlError);

    auto shared = std::make_shared<EngineShared>();
    shared->spec = m_spec;
    shared->spec.threads = std::min(m_spec.threads, m_spec.connections);
    shared->url = *url;

    std::string connectHost = url->host;
    std::string connectPort = std::to_string(url->port);
    const std::string authority = url->host + ":" + std::to_string(url->port);
    for (const auto &[from, to] : m_spec.hostAliases) {
        if (from != authority && from != url->host)
            continue;
        const auto colon = to.rfind(':');
        connectHost = colon == std::string::npos ? to : to.substr(0, colon);
        if (colon != std::string::npos)
            connectPort = to.substr(colon + 1);
        break;
    }
    addrinfo hints {};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    const int rc = ::getaddrinfo(connectHost.c_str(), connectPort.c_str(), &hints, &found);
    if (rc != 0 || !found)
        return fail("cannot resolve host '" + url->host + "': " + ::gai_strerror(rc)
                    + " (check the name, or use an IP address)");
    std::memcpy(&shared->address, found->ai_addr, found->ai_addrlen);
    shared->addressLength = found->ai_addrlen;
    char text[INET6_ADDRSTRLEN] = {};
    if (found->ai_family == AF_INET6) {
        ::inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6 *>(found->ai_addr)->sin6_addr, text,
                    sizeof text);
        shared->addressText = "[" + std::string(text) + "]:" + connectPort;
    } else {
        ::inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in *>(found->ai_addr)->sin_addr, text,
                    sizeof text);
        shared->addressText = std::string(text) + ":" + connectPort;
    }
    ::freeaddrinfo(found);

    if (url->tls) {
        SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
        shared->tls = ctx;
        SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
        SSL_CTX_set_session_cache_mode(ctx,
                                       SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_NO_INTERNAL_STORE);
        SSL_CTX_sess_set_new_cb(ctx, onNewSession);
        static const unsigned char http1[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
        static const unsigned char h2[] = {2, 'h', '2'};
        if (m_spec.protocol != LoadSpec::Protocol::Http1)
            SSL_CTX_set_alpn_protos(ctx, h2, sizeof h2);
        else
            SSL_CTX_set_alpn_protos(ctx, http1, sizeof http1);
        SSL_CTX_set_verify(ctx, m_spec.insecureTls ? SSL_VERIFY_NONE : SSL_VERIFY_PEER, nullptr);
        if (!m_spec.caFile.empty()) {
            if (SSL_CTX_load_verify_locations(ctx, m_spec.caFile.c_str(), nullptr) != 1)
                return fail("cannot read CA certificates from '" + m_spec.caFile + "'");
        } else {
            SSL_CTX_set_default_verify_paths(ctx);
        }
    }

    // The request, built once and sent as it is for every request of the run.
    std::string &req = shared->request;
    req = m_spec.method + " " + url->target + " HTTP/1.1\r\n";
    bool hasHost = false, hasAgent = false, hasAccept = false, hasLength = false;
    for (const auto &[name, value] : m_spec.headers) {
        hasHost |= equalsIgnoreCase(name, "host");
        hasAgent |= equalsIgnoreCase(name, "user-agent");
        hasAccept |= equalsIgnoreCase(name, "accept");
        hasLength |= equalsIgnoreCase(name, "content-length");
    }
    if (!hasHost)
        req += "Host: " + url->hostHeader + "\r\n";
    if (!hasAgent)
        req += "User-Agent: meshdeck-perf\r\n";
    if (!hasAccept)
        req += "Accept: */*\r\n";
    for (const auto &[name, value] : m_spec.headers)
        req += name + ": " + value + "\r\n";
    const bool bodyMethod
        = m_spec.method == "POST" || m_spec.method == "PUT" || m_spec.method == "PATCH";
    if (!hasLength && (!m_spec.body.empty() || bodyMethod))
        req += "Content-Length: " + std::to_string(m_spec.body.size()) + "\r\n";
    req += "\r\n";
    req += m_spec.body;
    shared->headRequest = m_spec.method == "HEAD";
    if (m_spec.protocol != LoadSpec::Protocol::Http1)
        buildHttp2Request(*shared);

    const int threads = shared->spec.threads;
    const int maxConnections = m_spec.maxConnections > 0
        ? std::max(m_spec.maxConnections, m_spec.connections)
        : m_spec.connections * 4;
    shared->publishedUpTo.assign(static_cast<std::size_t>(threads), -1);
    shared->startNs = monotonicNs();
    shared->measureStartNs = shared->startNs + m_spec.warmup.count() * 1000;
    shared->endNs = shared->measureStartNs + m_spec.duration.count() * 1000;
    shared->drainEndNs
        = shared->endNs + std::min<std::int64_t>(m_spec.requestTimeout.count() * 1000, 2 * Second);
    m_shared = shared;

    for (int t = 0; t < threads; ++t) {
        // Connections and rate split as evenly as whole numbers allow.
        const int conns = m_spec.connections / threads + (t < m_spec.connections % threads ? 1 : 0);
        const int cap = maxConnections / threads + (t < maxConnections % threads ? 1 : 0);
        const double rate = m_spec.mode == LoadSpec::Mode::ConstantRate ? m_spec.rate / threads : 0;
        m_workers.push_back(std::make_unique<LoadWorker>(*shared, t, conns, cap, rate));
    }
    shared->running = threads;
    for (auto &w : m_workers) {
        LoadWorker *worker = w.get();
        m_threads.emplace_back([worker, shared] {
            worker->run();
            std::lock_guard lock(shared->finishedMutex);
            if (--shared->running == 0)
                shared->finishedCondition.notify_all();
        });
    }
    return true;
}

void LoadEngine::cancel()
{
    if (m_shared)
        m_shared->stop = true;
}

bool LoadEngine::finished() const
{
    return !m_shared || m_shared->running.load() == 0;
}

bool LoadEngine::wait(Micros timeout)
{
    if (!m_shared)
        return true;
    {
        std::unique_lock lock(m_shared->finishedMutex);
        const auto done = [this] {
            return m_shared->running.load() == 0;
        };
        if (timeout == Micros::max())
            m_shared->finishedCondition.wait(lock, done);
        else if (!m_shared->finishedCondition.wait_for(lock, timeout, done))
            return false;
    }
    if (!m_joined) {
        for (auto &t : m_threads)
            t.join();
        m_joined = true;
    }
    return true;
}

EngineProgress LoadEngine::progress()
{
    EngineProgress p;
    if (!m_shared)
        return p;
    const std::int64_t now = monotonicNs();
    std::lock_guard lock(m_shared->mutex);
    p.warmingUp = now < m_shared->measureStartNs;
    p.elapsedSeconds = p.warmingUp
        ? 0
        : static_cast<double>(std::min(now, m_shared->endNs) - m_shared->measureStartNs) / 1e9;
    p.responses = m_shared->responses;
    p.errors = m_shared->errors;
    p.connectFailures = m_shared->connectFailures;
    p.connectionsOpened = m_shared->connectionsOpened;
    p.rate = p.elapsedSeconds > 0 ? static_cast<double>(p.responses) / p.elapsedSeconds : 0;
    const auto pct = m_shared->live.percentilesNs({50, 99});
    p.p50Ns = pct[0];
    p.p99Ns = pct[1];
    p.newPoints.assign(m_shared->series.begin()
                           + static_cast<std::ptrdiff_t>(m_shared->seriesHandedOut),
                       m_shared->series.end());
    if (m_shared->spec.secondHistograms)
        p.newHistograms.assign(m_shared->seriesHistograms.begin()
                                   + static_cast<std::ptrdiff_t>(m_shared->seriesHandedOut),
                               m_shared->seriesHistograms.end());
    m_shared->seriesHandedOut = m_shared->series.size();
    return p;
}

LoadReport LoadEngine::report()
{
    LoadReport r;
    if (!m_shared)
        return r;
    wait(Micros::max());
    const std::int64_t stoppedAt = monotonicNs();
    r.cancelled = m_shared->stop.load();
    for (const auto &w : m_workers) {
        r.corrected.merge(w->corrected);
        r.service.merge(w->service);
        r.counters.merge(w->counters);
        for (const auto &[kind, text] : w->failureExamples)
            r.failureExamples.emplace(kind, text);
        for (const auto &[code, text] : w->grpcMessages)
            r.grpcMessages.emplace(code, text);
        r.clientCpuSeconds += w->cpuSeconds;
        r.peakConnections += w->peakConnections;
        r.protocolAllocations += w->protocolAllocations;
    }
    const std::int64_t measuredEnd = std::min(stoppedAt, m_shared->endNs);
    r.measuredSeconds
        = std::max<double>(0, static_cast<double>(measuredEnd - m_shared->measureStartNs) / 1e9);
    {
        std::lock_guard lock(m_shared->mutex);
        if (r.cancelled) // keep only the seconds that were measured
            m_shared->endNs = std::max(m_shared->measureStartNs, measuredEnd);
        m_shared->finalizeSeconds(true);
        r.series = m_shared->series;
    }
    r.requestedRate = m_spec.mode == LoadSpec::Mode::ConstantRate ? m_spec.rate : 0;
    r.achievedRate
        = r.measuredSeconds > 0 ? static_cast<double>(r.counters.responses) / r.measuredSeconds : 0;
    r.generator = "native";
    return r;
}

} // namespace Meshdeck::Perf
