#include "loadworker.h"

#include "engineshared.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <nghttp2/nghttp2.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <unistd.h>

namespace Meshdeck::Perf {

namespace {

constexpr std::uint64_t TimerKey = ~0ULL;
constexpr std::int64_t Millisecond = 1'000'000;
constexpr std::int64_t Second = 1'000'000'000;
constexpr std::size_t BacklogCapacity = 1 << 16;

bool isConnectFailure(FailureKind kind)
{
    return kind == FailureKind::ConnectRefused || kind == FailureKind::ConnectTimeout
        || kind == FailureKind::ConnectFailed || kind == FailureKind::TlsFailure;
}

std::string tlsErrorText(SSL *ssl)
{
    std::string text;
    const long verify = SSL_get_verify_result(ssl);
    if (verify != X509_V_OK)
        text = std::string("certificate verification failed: ")
            + X509_verify_cert_error_string(verify);
    char buf[256];
    while (const unsigned long e = ERR_get_error()) {
        ERR_error_string_n(e, buf, sizeof buf);
        if (!text.empty())
            text += "; ";
        text += buf;
    }
    return text.empty() ? std::string("the TLS handshake failed") : text;
}

} // namespace

LoadWorker::LoadWorker(EngineShared &shared, int index, int connections, int maxConnections,
                       double rate)
    : m_shared(shared)
    , m_index(index)
    , m_baseConnections(std::max(1, connections))
    , m_maxConnections(std::max(std::max(1, connections), maxConnections))
    , m_rateMode(shared.spec.mode == LoadSpec::Mode::ConstantRate)
    , m_buffer(64 * 1024)
{
    if (m_rateMode && rate > 0)
        m_intervalNs = std::max<std::int64_t>(1, static_cast<std::int64_t>(1e9 / rate));
}

LoadWorker::~LoadWorker()
{
    for (Conn &c : m_conns)
        closeConn(c);
    if (m_session)
        SSL_SESSION_free(m_session);
    if (m_timer >= 0)
        ::close(m_timer);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

void LoadWorker::storeSession(SSL_SESSION *session)
{
    if (m_session)
        SSL_SESSION_free(m_session);
    m_session = session;
}

bool LoadWorker::sending(std::int64_t now) const
{
    return now < m_shared.endNs && !m_shared.stop.load(std::memory_order_relaxed);
}

int LoadWorker::inFlight() const
{
    int n = 0;
    for (const Conn &c : m_conns) {
        if (c.state == State::Session)
            n += c.activeStreams;
        else
            n += c.hasRequest && c.state != State::Closed ? 1 : 0;
    }
    return n;
}

void LoadWorker::armTimer(std::int64_t atNs)
{
    itimerspec spec {};
    spec.it_value.tv_sec = atNs / Second;
    spec.it_value.tv_nsec = atNs % Second;
    ::timerfd_settime(m_timer, TFD_TIMER_ABSTIME, &spec, nullptr);
}

void LoadWorker::run()
{
    // Writes to a socket the server closed raise SIGPIPE; this thread wants EPIPE instead.
    sigset_t pipe;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe, nullptr);

    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    m_conns.resize(static_cast<std::size_t>(m_rateMode ? m_maxConnections : m_baseConnections));
    for (Conn &c : m_conns) {
        c.worker = this;
        if (m_shared.http2) {
            c.streams.resize(static_cast<std::size_t>(m_shared.spec.streams));
            for (Stream &s : c.streams)
                s.conn = &c;
        }
    }
    std::int64_t now = monotonicNs();
    m_intervalSecond = 0;
    m_nextPublishNs = now + 250 * Millisecond;
    m_nextHousekeepingNs = now + 5 * Millisecond;
    if (m_rateMode) {
        m_backlog.resize(BacklogCapacity);
        m_idle.reserve(m_conns.size());
        m_timer = ::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
        epoll_event ev {};
        ev.events = EPOLLIN;
        ev.data.u64 = TimerKey;
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_timer, &ev);
        // Threads interleave their schedules so that the total is evenly spaced.
        const int threads = std::max(1, m_shared.spec.threads);
        m_nextDueNs = m_shared.startNs + m_intervalNs * m_index / threads;
        armTimer(m_nextDueNs);
    }
    for (int i = 0; i < m_baseConnections; ++i) {
        Conn &c = m_conns[static_cast<std::size_t>(i)];
        c.hasRequest = !m_rateMode;
        openConn(c, now);
    }

    epoll_event events[256];
    while (!m_shared.stop.load(std::memory_order_relaxed)) {
        now = monotonicNs();
        if (!sending(now) && (now >= m_shared.drainEndNs || inFlight() == 0))
            break;
        const int n = ::epoll_wait(m_epoll, events, 256, 5);
        now = monotonicNs();
        for (int i = 0; i < n; ++i) {
            if (events[i].data.u64 == TimerKey) {
                std::uint64_t expirations = 0;
                [[maybe_unused]] const auto r = ::read(m_timer, &expirations, sizeof expirations);
                continue;
            }
            onEvent(m_conns[events[i].data.u64], events[i].events, now);
        }
        if (m_rateMode && m_intervalNs) {
            bool due = false;
            while (m_nextDueNs <= now && m_nextDueNs < m_shared.endNs && sending(now)) {
                dispatch(m_nextDueNs, now);
                m_nextDueNs += m_intervalNs;
                due = true;
            }
            if (due)
                armTimer(m_nextDueNs);
        }
        if (now >= m_nextHousekeepingNs)
            housekeeping(now);
        if (now >= m_nextPublishNs)
            publish(now, false);
    }
    now = monotonicNs();
    publish(now, true);
    for (Conn &c : m_conns)
        closeConn(c);
    protocolAllocations = m_pool.heapAllocations();
    rusage usage {};
    if (::getrusage(RUSAGE_THREAD, &usage) == 0) {
        cpuSeconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    }
}

void LoadWorker::openConn(Conn &c, std::int64_t now)
{
    c.retryAtNs = 0;
    const int fd = ::socket(m_shared.address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
                            IPPROTO_TCP);
    if (fd < 0) {
        fail(c, FailureKind::ConnectFailed, std::string("socket(): ") + std::strerror(errno), now);
        return;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    c.fd = fd;
    c.state = State::Connecting;
    c.reused = false;
    c.wantWrite = true;
    c.deadlineNs = now + m_shared.spec.connectTimeout.count() * 1000;
    ++m_open;
    ++counters.connectionsOpened;
    ++m_publishedConnections; // counted for progress, published below
    peakConnections = std::max(peakConnections, m_open);
    epoll_event ev {};
    ev.events = EPOLLIN | EPOLLOUT;
    ev.data.u64 = static_cast<std::uint64_t>(&c - m_conns.data());
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev);
    const int r = ::connect(fd, reinterpret_cast<const sockaddr *>(&m_shared.address),
                            m_shared.addressLength);
    if (r == 0) {
        onConnected(c, now);
    } else if (errno != EINPROGRESS) {
        const int e = errno;
        fail(c, e == ECONNREFUSED ? FailureKind::ConnectRefused : FailureKind::ConnectFailed,
             "connect to " + m_shared.addressText + ": " + std::strerror(e), now);
    }
}

void LoadWorker::closeConn(Conn &c)
{
    if (c.fd < 0)
        return;
    if (c.h2) {
        nghttp2_session_del(c.h2);
        c.h2 = nullptr;
        for (Stream &s : c.streams)
            s.id = 0;
        c.activeStreams = 0;
        c.goingAway = false;
        c.out.clear();
        c.outOffset = 0;
    }
    if (c.ssl) {
        SSL_free(c.ssl);
        c.ssl = nullptr;
    }
    ::close(c.fd); // also leaves the epoll set
    c.fd = -1;
    c.state = State::Closed;
    c.wantWrite = false;
    c.reused = false;
    --m_open;
}

void LoadWorker::setWantWrite(Conn &c, bool on)
{
    if (c.wantWrite == on)
        return;
    c.wantWrite = on;
    epoll_event ev {};
    ev.events = on ? (EPOLLIN | EPOLLOUT) : EPOLLIN;
    ev.data.u64 = static_cast<std::uint64_t>(&c - m_conns.data());
    ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &ev);
}

void LoadWorker::onEvent(Conn &c, std::uint32_t events, std::int64_t now)
{
    switch (c.state) {
    case State::Closed:
        return;
    case State::Connecting: {
        int err = 0;
        socklen_t len = sizeof err;
        ::getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err) {
            fail(c, err == ECONNREFUSED ? FailureKind::ConnectRefused : FailureKind::ConnectFailed,
                 "connect to " + m_shared.addressText + ": " + std::strerror(err), now);
        } else if (events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) {
            onConnected(c, now);
        }
        return;
    }
    case State::Handshaking:
        handshake(c, now);
        return;
    case State::Idle:
        // An idle keep-alive connection became readable: the server closed it (or spoke out of
        // turn). Either way it cannot carry the next request.
        closeConn(c);
        if (m_rateMode && sending(now) && m_open < m_baseConnections)
            openConn(c, now);
        return;
    case State::Writing:
        if (events & EPOLLOUT)
            writeMore(c, now);
        if (c.state == State::Writing && (events & (EPOLLIN | EPOLLERR | EPOLLHUP)))
            readResponse(c, now);
        return;
    case State::Reading:
        readResponse(c, now);
        return;
    case State::Session:
        sessionEvent(c, events, now);
        return;
    }
}

void LoadWorker::onConnected(Conn &c, std::int64_t now)
{
    setWantWrite(c, false);
    if (m_shared.tls) {
        c.ssl = SSL_new(m_shared.tls);
        SSL_set_fd(c.ssl, c.fd);
        SSL_set_app_data(c.ssl, this);
        const std::string &host = m_shared.url.host;
        const bool literal = host.find_first_not_of("0123456789.") == std::string::npos
            || host.find(':') != std::string::npos;
        if (!literal)
            SSL_set_tlsext_host_name(c.ssl, host.c_str());
        if (!m_shared.spec.insecureTls) {
            if (literal)
                X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(c.ssl), host.c_str());
            else
                SSL_set1_host(c.ssl, host.c_str());
        }
        if (m_session)
            SSL_set_session(c.ssl, m_session);
        c.state = State::Handshaking;
        handshake(c, now);
        return;
    }
    if (m_shared.http2)
        startSession(c, now);
    else
        afterRequest(c, now);
}

void LoadWorker::handshake(Conn &c, std::int64_t now)
{
    ERR_clear_error();
    const int r = SSL_connect(c.ssl);
    if (r == 1) {
        setWantWrite(c, false);
        if (!m_shared.http2) {
            afterRequest(c, now);
            return;
        }
        const unsigned char *alpn = nullptr;
        unsigned int alpnLength = 0;
        SSL_get0_alpn_selected(c.ssl, &alpn, &alpnLength);
        if (alpnLength == 2 && std::memcmp(alpn, "h2", 2) == 0) {
            startSession(c, now);
            return;
        }
        const std::string chosen = alpnLength
            ? "it chose '" + std::string(reinterpret_cast<const char *>(alpn), alpnLength) + "'"
            : "it offered no protocol";
        fail(c, FailureKind::TlsFailure,
             m_shared.addressText + " did not agree to HTTP/2 in the TLS handshake (ALPN: " + chosen
                 + "); it serves HTTP/1.1 here: run without HTTP/2",
             now);
        return;
    }
    const int err = SSL_get_error(c.ssl, r);
    if (err == SSL_ERROR_WANT_READ)
        setWantWrite(c, false);
    else if (err == SSL_ERROR_WANT_WRITE)
        setWantWrite(c, true);
    else
        fail(c, FailureKind::TlsFailure,
             "TLS with " + m_shared.addressText + ": " + tlsErrorText(c.ssl), now);
}

void LoadWorker::sendRequest(Conn &c, std::int64_t now)
{
    if (!m_rateMode || c.intendedNs == 0)
        c.intendedNs = now;
    c.sentNs = now;
    const std::int64_t lag = now - c.intendedNs;
    if (lag > Millisecond)
        ++counters.lateSends;
    counters.maxSendLagNs = std::max<std::uint64_t>(
        counters.maxSendLagNs, static_cast<std::uint64_t>(std::max<std::int64_t>(0, lag)));
    c.parser.reset(m_shared.headRequest);
    c.written = 0;
    c.state = State::Writing;
    c.deadlineNs = now + m_shared.spec.requestTimeout.count() * 1000;
    writeMore(c, now);
}

void LoadWorker::writeMore(Conn &c, std::int64_t now)
{
    const std::string &req = m_shared.request;
    while (c.written < req.size()) {
        ssize_t n = 0;
        if (c.ssl) {
            ERR_clear_error();
            const int r = SSL_write(c.ssl, req.data() + c.written,
                                    static_cast<int>(req.size() - c.written));
            if (r <= 0) {
                const int err = SSL_get_error(c.ssl, r);
                if (err == SSL_ERROR_WANT_WRITE) {
                    setWantWrite(c, true);
                    return;
                }
                if (err == SSL_ERROR_WANT_READ)
                    return;
                fail(c, FailureKind::Reset,
                     "writing to " + m_shared.addressText + ": " + tlsErrorText(c.ssl), now);
                return;
            }
            n = r;
        } else {
            n = ::send(c.fd, req.data() + c.written, req.size() - c.written, MSG_NOSIGNAL);
            if (n < 0) {
                if (errno == EAGAIN || errno == EWOULDBLOCK) {
                    setWantWrite(c, true);
                    return;
                }
                if (errno == EINTR)
                    continue;
                const int e = errno;
                if (!c.parser.started() && resendOnFreshConnection(c, now))
                    return; // the server closed the idle connection as we wrote
                fail(c, FailureKind::Reset,
                     "writing to " + m_shared.addressText + ": " + std::strerror(e), now);
                return;
            }
        }
        c.written += static_cast<std::size_t>(n);
        counters.bytesWritten += static_cast<std::uint64_t>(n);
    }
    c.state = State::Reading;
    setWantWrite(c, false);
}

LoadWorker::Received LoadWorker::receive(Conn &c)
{
    Received r;
    if (c.ssl) {
        ERR_clear_error();
        const int n = SSL_read(c.ssl, m_buffer.data(), static_cast<int>(m_buffer.size()));
        if (n > 0) {
            r.kind = Received::Data;
            r.bytes = static_cast<std::size_t>(n);
            return r;
        }
        const int err = SSL_get_error(c.ssl, n);
        if (err == SSL_ERROR_WANT_WRITE)
            setWantWrite(c, true);
        if (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE)
            return r;
        if (err == SSL_ERROR_ZERO_RETURN || err == SSL_ERROR_SYSCALL) {
            r.kind = Received::Closed;
            r.why = err == SSL_ERROR_ZERO_RETURN ? "closed the connection"
                                                 : "broke the TLS connection";
            return r;
        }
        r.kind = Received::Broken;
        r.why = tlsErrorText(c.ssl);
        return r;
    }
    for (;;) {
        const ssize_t n = ::recv(c.fd, m_buffer.data(), m_buffer.size(), 0);
        if (n > 0) {
            r.kind = Received::Data;
            r.bytes = static_cast<std::size_t>(n);
        } else if (n == 0) {
            r.kind = Received::Closed;
            r.why = "closed the connection";
        } else if (errno == EINTR) {
            continue;
        } else if (errno != EAGAIN && errno != EWOULDBLOCK) {
            r.kind = errno == ECONNRESET || errno == EPIPE ? Received::Closed : Received::Broken;
            r.why = std::strerror(errno);
        }
        return r;
    }
}

void LoadWorker::readResponse(Conn &c, std::int64_t now)
{
    for (;;) {
        const Received got = receive(c);
        if (got.kind == Received::Again)
            return;
        if (got.kind == Received::Broken) {
            fail(c, c.ssl ? FailureKind::TlsFailure : FailureKind::Reset,
                 "reading from " + m_shared.addressText + ": " + got.why, now);
            return;
        }
        const auto n = got.bytes;
        const bool closed = got.kind == Received::Closed;
        if (closed) {
            if (c.parser.finishOnClose() == ResponseParser::Outcome::Complete) {
                onResponse(c, now);
                return;
            }
            if (!c.parser.started() && c.written == m_shared.request.size()
                && resendOnFreshConnection(c, now))
                return; // the server had already given up on this keep-alive connection
            fail(c, FailureKind::Reset, m_shared.addressText + ": " + c.parser.errorText(), now);
            return;
        }
        counters.bytesRead += n;
        std::size_t consumed = 0;
        const auto outcome = c.parser.feed(m_buffer.data(), n, consumed);
        if (outcome == ResponseParser::Outcome::Complete) {
            onResponse(c, now);
            return;
        }
        if (outcome == ResponseParser::Outcome::Error) {
            fail(c, FailureKind::ProtocolError, m_shared.addressText + ": " + c.parser.errorText(),
                 now);
            return;
        }
        if (!c.ssl && n < m_buffer.size())
            return; // level-triggered epoll says when more arrives
    }
}

void LoadWorker::record(std::int64_t correctedNs, std::int64_t serviceNs, int status,
                        std::int64_t now, int grpcStatus)
{
    if (now < m_shared.measureStartNs) {
        ++counters.warmupResponses;
        return;
    }
    const std::int64_t lastSecond
        = std::max<std::int64_t>(0, (m_shared.endNs - m_shared.measureStartNs - 1) / Second);
    const std::int64_t second = std::min((now - m_shared.measureStartNs) / Second, lastSecond);
    if (second != m_intervalSecond) {
        publish(now, false);
        m_intervalSecond = second;
    }
    const auto corr = static_cast<std::uint64_t>(std::max<std::int64_t>(0, correctedNs));
    corrected.record(corr);
    service.record(static_cast<std::uint64_t>(std::max<std::int64_t>(0, serviceNs)));
    m_interval.record(corr);
    ++m_intervalRequests;
    ++counters.responses;
    if (grpcStatus >= 0)
        ++counters.grpcCodes[grpcStatus];
    if (status >= 400 || grpcStatus > 0)
        ++m_intervalErrors;
    else
        ++counters.successes;
    if (status >= 300 && status < 400)
        ++counters.redirects;
    ++counters.statusCodes[status];
}

void LoadWorker::onResponse(Conn &c, std::int64_t now)
{
    record(now - c.intendedNs, now - c.sentNs, c.parser.status(), now);
    if (c.parser.bodyBytes() > m_shared.spec.largeBodyBytes && now >= m_shared.measureStartNs)
        ++counters.oversizedBodies;
    c.hasRequest = false;
    c.resent = false;
    c.intendedNs = 0;
    c.backoffNs = 0;
    if (!c.parser.keepAlive()) {
        closeConn(c);
        if (!sending(now))
            return;
        if (!m_rateMode) {
            c.hasRequest = true;
            openConn(c, now);
        } else if (m_backlogSize || m_open < m_baseConnections) {
            openConn(c, now);
        }
        return;
    }
    c.reused = true;
    afterRequest(c, now);
}

void LoadWorker::afterRequest(Conn &c, std::int64_t now)
{
    if (!m_rateMode) {
        if (sending(now)) {
            c.hasRequest = true;
            sendRequest(c, now);
        } else {
            c.hasRequest = false;
            c.state = State::Idle;
        }
        return;
    }
    if (c.hasRequest) {
        sendRequest(c, now);
        return;
    }
    if (m_backlogSize && sending(now)) {
        c.intendedNs = takeBacklog();
        c.hasRequest = true;
        sendRequest(c, now);
        return;
    }
    c.state = State::Idle;
    m_idle.push_back(static_cast<int>(&c - m_conns.data()));
}

void LoadWorker::dispatch(std::int64_t intendedNs, std::int64_t now)
{
    if (m_shared.http2 && dispatchHttp2(intendedNs, now))
        return;
    while (!m_shared.http2 && !m_idle.empty()) {
        Conn &c = m_conns[static_cast<std::size_t>(m_idle.back())];
        m_idle.pop_back();
        if (c.state == State::Idle) {
            c.intendedNs = intendedNs;
            c.hasRequest = true;
            sendRequest(c, now);
            return;
        }
    }
    if (!m_shared.http2 && m_open < m_maxConnections) {
        for (Conn &c : m_conns) {
            if (c.state == State::Closed && !c.hasRequest) {
                c.intendedNs = intendedNs;
                c.hasRequest = true;
                openConn(c, now);
                return;
            }
        }
    }
    if (m_backlogSize == m_backlog.size()) {
        ++counters.droppedSends;
        return;
    }
    m_backlog[(m_backlogHead + m_backlogSize) % m_backlog.size()] = intendedNs;
    ++m_backlogSize;
}

bool LoadWorker::resendOnFreshConnection(Conn &c, std::int64_t now)
{
    if (!c.reused || c.resent)
        return false;
    ++counters.keepAliveRetries;
    closeConn(c);
    c.resent = true;
    openConn(c, now);
    return true;
}

void LoadWorker::countFailure(FailureKind kind, const std::string &detail, std::int64_t now)
{
    if (isConnectFailure(kind))
        ++m_publishedConnectFailures;
    if (now >= m_shared.measureStartNs) {
        ++counters.failures[static_cast<std::size_t>(kind)];
        ++m_intervalErrors;
    }
    if (!failureExamples.count(kind))
        failureExamples.emplace(kind, detail);
}

void LoadWorker::requeue(std::int64_t intendedNs)
{
    if (m_backlog.empty() || m_backlogSize == m_backlog.size()) {
        ++counters.droppedSends;
        return;
    }
    m_backlogHead = (m_backlogHead + m_backlog.size() - 1) % m_backlog.size();
    m_backlog[m_backlogHead] = intendedNs;
    ++m_backlogSize;
}

std::int64_t LoadWorker::takeBacklog()
{
    const std::int64_t intendedNs = m_backlog[m_backlogHead];
    m_backlogHead = (m_backlogHead + 1) % m_backlog.size();
    --m_backlogSize;
    return intendedNs;
}

void LoadWorker::fail(Conn &c, FailureKind kind, const std::string &detail, std::int64_t now)
{
    const bool connectFailure = isConnectFailure(kind);
    countFailure(kind, detail, now);
    closeConn(c);
    c.hasRequest = false;
    c.resent = false;
    c.intendedNs = 0;
    if (!sending(now))
        return;
    if (!m_rateMode) {
        // Reconnect at once after a broken request, with growing pauses after failed connects
        // so that a dead server is not hammered in a busy loop.
        c.hasRequest = true;
        if (connectFailure) {
            c.backoffNs = std::clamp<std::int64_t>(c.backoffNs * 2, 10 * Millisecond, Second);
            c.retryAtNs = now + c.backoffNs;
        } else {
            openConn(c, now);
        }
    } else if (m_backlogSize && !connectFailure) {
        openConn(c, now);
    }
}

void LoadWorker::housekeeping(std::int64_t now)
{
    m_nextHousekeepingNs = now + 5 * Millisecond;
    for (Conn &c : m_conns) {
        switch (c.state) {
        case State::Connecting:
        case State::Handshaking:
            if (now >= c.deadlineNs)
                fail(c, FailureKind::ConnectTimeout,
                     "no connection to " + m_shared.addressText + " within the connect timeout",
                     now);
            break;
        case State::Writing:
        case State::Reading:
            if (now >= c.deadlineNs)
                fail(c, FailureKind::ReadTimeout,
                     "no complete response from " + m_shared.addressText
                         + " within the request timeout",
                     now);
            break;
        case State::Closed:
            if (c.hasRequest && c.retryAtNs && now >= c.retryAtNs && sending(now))
                openConn(c, now);
            break;
        case State::Session:
            expireStreams(c, now);
            break;
        case State::Idle:
            break;
        }
    }
    // Constant rate: requests waiting for a connection get new ones while the cap allows (an
    // HTTP/2 connection takes many: one more at a time, while none is being opened).
    if (m_rateMode && m_shared.http2 && sending(now) && m_backlogSize
        && m_open < m_maxConnections) {
        bool opening = false;
        Conn *spare = nullptr;
        for (Conn &c : m_conns) {
            opening |= c.state == State::Connecting || c.state == State::Handshaking;
            if (!spare && c.state == State::Closed && !c.hasRequest && !c.retryAtNs)
                spare = &c;
        }
        if (!opening && spare)
            openConn(*spare, now);
    }
    if (m_rateMode && !m_shared.http2 && sending(now)) {
        for (Conn &c : m_conns) {
            if (!m_backlogSize || m_open >= m_maxConnections)
                break;
            if (c.state == State::Closed && !c.hasRequest && !c.retryAtNs) {
                c.intendedNs = takeBacklog();
                c.hasRequest = true;
                openConn(c, now);
            }
        }
    }
}

void LoadWorker::publish(std::int64_t now, bool final)
{
    m_nextPublishNs = now + 250 * Millisecond;
    const std::int64_t reached
        = now < m_shared.measureStartNs ? -1 : (now - m_shared.measureStartNs) / Second;
    std::lock_guard lock(m_shared.mutex);
    if (m_intervalRequests || m_intervalErrors) {
        auto &accum = m_shared.seconds[m_intervalSecond];
        accum.histogram->merge(m_interval);
        accum.requests += m_intervalRequests;
        accum.errors += m_intervalErrors;
        m_shared.live.merge(m_interval);
        m_shared.responses += m_intervalRequests;
        m_shared.errors += m_intervalErrors;
    }
    m_shared.connectFailures += m_publishedConnectFailures;
    m_shared.connectionsOpened += m_publishedConnections;
    m_publishedConnectFailures = m_publishedConnections = 0;
    m_interval.reset();
    m_intervalRequests = m_intervalErrors = 0;
    auto &upTo = m_shared.publishedUpTo[static_cast<std::size_t>(m_index)];
    upTo = std::max(upTo, final ? reached + 1 : reached);
    m_shared.finalizeSeconds(false);
}

} // namespace Meshdeck::Perf
