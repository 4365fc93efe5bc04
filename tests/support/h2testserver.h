#pragma once

// An HTTP/2 server (h2c with prior knowledge, or h2 over TLS) for the load engine's tests, on
// nghttp2's server session: one thread per connection, every request answered 200 with a fixed
// body, and told to misbehave on purpose (GOAWAY mid-run, refused streams, a small stream limit,
// answers that never come). Well-behaved runs are tested against nghttpd, a server we did not
// write; this one is for what a good server does not do.

#include "loopback.h"

#include <nghttp2/nghttp2.h>
#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <list>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace TestSupport {

struct H2Behaviour
{
    std::uint32_t maxStreams = 100; // SETTINGS_MAX_CONCURRENT_STREAMS
    int goawayAfter = 0; // after this many requests on a connection, GOAWAY (0: never)
    std::uint32_t goawayCode = NGHTTP2_NO_ERROR; // and with this code; not NO_ERROR: close at once
    int refuseEvery = 0; // RST_STREAM(REFUSED_STREAM) for every n-th request (0: never)
    bool hang = false; // read requests, never answer
    int grpcStatus = -1; // >= 0: answer as gRPC, with this grpc-status in the trailers
    // Every connection stops answering for stallMs once every stallPeriodMs (0: never), all at
    // the same moments, as a server's pause does.
    int stallPeriodMs = 0;
    int stallMs = 0;
    std::string body = "hello over h2\n";
};

class H2TestServer
{
public:
    ~H2TestServer() { stop(); }

    bool start(H2Behaviour behaviour, SSL_CTX *tls = nullptr)
    {
        m_behaviour = std::move(behaviour);
        m_tls = tls;
        m_epoch = std::chrono::steady_clock::now();
        m_listen = listenLoopback(&m_port);
        if (m_listen < 0)
            return false;
        m_acceptor = std::thread([this] { acceptLoop(); });
        return true;
    }

    void stop()
    {
        if (m_stopping.exchange(true))
            return;
        if (m_listen >= 0)
            ::shutdown(m_listen, SHUT_RDWR);
        if (m_acceptor.joinable())
            m_acceptor.join();
        std::lock_guard lock(m_mutex);
        for (auto &t : m_threads)
            t.join();
        if (m_listen >= 0)
            ::close(m_listen);
        m_listen = -1;
    }

    [[nodiscard]] std::string url(const std::string &path = "/") const
    {
        return std::string(m_tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(m_port)
            + path;
    }
    [[nodiscard]] int requests() const { return m_requests.load(); }
    [[nodiscard]] int connections() const { return m_connections.load(); }
    [[nodiscard]] int maxOpenStreams() const { return m_maxOpen.load(); }

private:
    struct Connection
    {
        H2TestServer *server = nullptr;
        nghttp2_session *session = nullptr;
        int handled = 0;
        int open = 0;
        bool closeNow = false;
        std::map<std::int32_t, std::size_t> sent; // response body bytes handed out per stream
    };

    void acceptLoop()
    {
        for (;;) {
            const int fd = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
            if (fd < 0)
                return;
            ++m_connections;
            std::lock_guard lock(m_mutex);
            m_threads.emplace_back([this, fd] { serve(fd); });
        }
    }

    static ssize_t readBody(nghttp2_session *session, std::int32_t id, std::uint8_t *buf,
                            std::size_t length, std::uint32_t *flags, nghttp2_data_source *,
                            void *user)
    {
        auto *c = static_cast<Connection *>(user);
        const H2Behaviour &b = c->server->m_behaviour;
        std::size_t &offset = c->sent[id];
        const std::size_t n = std::min(length, b.body.size() - offset);
        std::memcpy(buf, b.body.data() + offset, n);
        offset += n;
        if (offset == b.body.size()) {
            *flags |= NGHTTP2_DATA_FLAG_EOF;
            c->sent.erase(id);
            if (b.grpcStatus >= 0) {
                *flags |= NGHTTP2_DATA_FLAG_NO_END_STREAM;
                const std::string status = std::to_string(b.grpcStatus);
                const nghttp2_nv trailer[]
                    = {{const_cast<std::uint8_t *>(
                            reinterpret_cast<const std::uint8_t *>("grpc-status")),
                        const_cast<std::uint8_t *>(
                            reinterpret_cast<const std::uint8_t *>(status.data())),
                        11, status.size(), NGHTTP2_NV_FLAG_NONE}};
                nghttp2_submit_trailer(session, id, trailer, 1);
            }
        }
        return static_cast<ssize_t>(n);
    }

    static int onBegin(nghttp2_session *, const nghttp2_frame *frame, void *user)
    {
        auto *c = static_cast<Connection *>(user);
        if (frame->hd.type == NGHTTP2_HEADERS && frame->headers.cat == NGHTTP2_HCAT_REQUEST) {
            ++c->open;
            int seen = c->server->m_maxOpen.load();
            while (c->open > seen && !c->server->m_maxOpen.compare_exchange_weak(seen, c->open)) { }
        }
        return 0;
    }

    static int onClose(nghttp2_session *, std::int32_t, std::uint32_t, void *user)
    {
        --static_cast<Connection *>(user)->open;
        return 0;
    }

    static int onFrame(nghttp2_session *session, const nghttp2_frame *frame, void *user)
    {
        auto *c = static_cast<Connection *>(user);
        if ((frame->hd.type != NGHTTP2_HEADERS && frame->hd.type != NGHTTP2_DATA)
            || !(frame->hd.flags & NGHTTP2_FLAG_END_STREAM))
            return 0;
        H2TestServer &s = *c->server;
        const std::int32_t id = frame->hd.stream_id;
        ++s.m_requests;
        const int n = ++c->handled;
        if (s.m_behaviour.hang)
            return 0;
        if (s.m_behaviour.refuseEvery && n % s.m_behaviour.refuseEvery == 0) {
            nghttp2_submit_rst_stream(session, NGHTTP2_FLAG_NONE, id, NGHTTP2_REFUSED_STREAM);
            return 0;
        }
        const std::string length = std::to_string(s.m_behaviour.body.size());
        const nghttp2_nv headers[] = {
            {const_cast<std::uint8_t *>(reinterpret_cast<const std::uint8_t *>(":status")),
             const_cast<std::uint8_t *>(reinterpret_cast<const std::uint8_t *>("200")), 7, 3,
             NGHTTP2_NV_FLAG_NONE},
            {const_cast<std::uint8_t *>(reinterpret_cast<const std::uint8_t *>("content-length")),
             const_cast<std::uint8_t *>(reinterpret_cast<const std::uint8_t *>(length.data())), 14,
             length.size(), NGHTTP2_NV_FLAG_NONE},
        };
        nghttp2_data_provider provider {};
        provider.read_callback = readBody;
        nghttp2_submit_response(session, id, headers, 2, &provider);
        if (s.m_behaviour.goawayAfter && n == s.m_behaviour.goawayAfter) {
            nghttp2_submit_goaway(session, NGHTTP2_FLAG_NONE, id, s.m_behaviour.goawayCode, nullptr,
                                  0);
            c->closeNow = s.m_behaviour.goawayCode != NGHTTP2_NO_ERROR;
        }
        return 0;
    }

    void serve(int fd)
    {
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        SSL *ssl = nullptr;
        if (m_tls) {
            ssl = SSL_new(m_tls);
            SSL_set_fd(ssl, fd);
            if (SSL_accept(ssl) != 1) {
                SSL_free(ssl);
                ::close(fd);
                return;
            }
        }
        Connection c;
        c.server = this;
        nghttp2_session_callbacks *callbacks = nullptr;
        nghttp2_session_callbacks_new(&callbacks);
        nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, onFrame);
        nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks, onBegin);
        nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, onClose);
        nghttp2_session_server_new(&c.session, callbacks, &c);
        nghttp2_session_callbacks_del(callbacks);
        const nghttp2_settings_entry settings[]
            = {{NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, m_behaviour.maxStreams}};
        nghttp2_submit_settings(c.session, NGHTTP2_FLAG_NONE, settings, 1);
        const auto flush = [&] {
            for (;;) {
                const std::uint8_t *data = nullptr;
                const ssize_t n = nghttp2_session_mem_send(c.session, &data);
                if (n <= 0)
                    return n == 0;
                ssize_t off = 0;
                while (off < n) {
                    const ssize_t w = ssl
                        ? SSL_write(ssl, data + off, static_cast<int>(n - off))
                        : ::send(fd, data + off, static_cast<std::size_t>(n - off), MSG_NOSIGNAL);
                    if (w <= 0)
                        return false;
                    off += w;
                }
            }
        };
        char buf[16384];
        long long stalled = 0; // periods stalled so far
        while (!m_stopping && flush() && !c.closeNow
               && (nghttp2_session_want_read(c.session) || nghttp2_session_want_write(c.session))) {
            if (m_behaviour.stallPeriodMs > 0) {
                const long long ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                         std::chrono::steady_clock::now() - m_epoch)
                                         .count();
                if (ms / m_behaviour.stallPeriodMs > stalled) {
                    stalled = ms / m_behaviour.stallPeriodMs;
                    std::this_thread::sleep_for(std::chrono::milliseconds(m_behaviour.stallMs));
                }
            }
            pollfd p {fd, POLLIN, 0};
            if ((!ssl || SSL_pending(ssl) == 0) && ::poll(&p, 1, 5) <= 0)
                continue;
            const ssize_t n = ssl ? SSL_read(ssl, buf, sizeof buf) : ::recv(fd, buf, sizeof buf, 0);
            if (n <= 0
                || nghttp2_session_mem_recv(c.session, reinterpret_cast<std::uint8_t *>(buf),
                                            static_cast<std::size_t>(n))
                    < 0)
                break;
        }
        nghttp2_session_del(c.session);
        if (ssl) {
            SSL_shutdown(ssl);
            SSL_free(ssl);
        }
        // A lingering close, as servers do: what the client sent meanwhile is read, so that
        // closing does not reset the connection before the client has read the GOAWAY.
        ::shutdown(fd, SHUT_WR);
        for (int i = 0; i < 20; ++i) {
            pollfd p {fd, POLLIN, 0};
            if (::poll(&p, 1, 50) > 0 && ::recv(fd, buf, sizeof buf, 0) <= 0)
                break;
        }
        ::close(fd);
    }

    H2Behaviour m_behaviour;
    SSL_CTX *m_tls = nullptr;
    std::chrono::steady_clock::time_point m_epoch;
    int m_listen = -1;
    std::uint16_t m_port = 0;
    std::atomic_bool m_stopping {false};
    std::atomic_int m_requests {0};
    std::atomic_int m_connections {0};
    std::atomic_int m_maxOpen {0};
    std::thread m_acceptor;
    std::mutex m_mutex;
    std::list<std::thread> m_threads;
};

} // namespace TestSupport
