#pragma once

// A deliberately simple HTTP/1.1 server for load-engine tests: one thread per connection, raw
// replies from a handler, so that tests can send anything (valid, truncated, garbage, slow,
// stalled, TLS). Not a model of a good server: a means to misbehave on purpose.

#include "loopback.h"

#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <list>
#include <mutex>
#include <string>
#include <thread>

namespace TestSupport {

struct RawReply
{
    std::string bytes; // written as they are
    int delayMs = 0; // before writing
    bool close = false; // close the connection after writing
    bool hang = false; // never answer; hold the connection until the server stops
};

class RawHttpServer
{
public:
    // connection: index of the connection; n: index of the request on it; head: the request's
    // line and headers.
    using Handler = std::function<RawReply(int connection, int n, const std::string &head)>;

    ~RawHttpServer() { stop(); }

    bool start(Handler handler, SSL_CTX *tls = nullptr)
    {
        m_handler = std::move(handler);
        m_tls = tls;
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
        ::shutdown(m_listen, SHUT_RDWR);
        ::close(m_listen);
        if (m_acceptor.joinable())
            m_acceptor.join();
        {
            std::lock_guard lock(m_mutex);
            for (const int fd : m_fds)
                ::shutdown(fd, SHUT_RDWR);
        }
        for (auto &t : m_threads)
            t.join();
    }

    [[nodiscard]] unsigned short port() const { return m_port; }
    [[nodiscard]] std::string url(const std::string &path = "/") const
    {
        return std::string(m_tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(m_port)
            + path;
    }
    [[nodiscard]] int connections() const { return m_connections.load(); }
    [[nodiscard]] long requests() const { return m_requests.load(); }

    static std::string ok(const std::string &body = "hello", const std::string &extra = {})
    {
        return "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" + extra
            + "\r\n" + body;
    }

private:
    void acceptLoop()
    {
        while (!m_stopping) {
            const int fd = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
            if (fd < 0) {
                if (m_stopping)
                    return;
                continue;
            }
            const int one = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            const int index = m_connections++;
            std::lock_guard lock(m_mutex);
            m_fds.push_back(fd);
            m_threads.emplace_back([this, fd, index] { serve(fd, index); });
        }
    }

    void serve(int fd, int index)
    {
        SSL *ssl = nullptr;
        if (m_tls) {
            ssl = SSL_new(m_tls);
            SSL_set_fd(ssl, fd);
            if (SSL_accept(ssl) != 1) {
                SSL_free(ssl);
                finish(fd);
                return;
            }
        }
        const auto readSome = [&](char *buf, int n) {
            return ssl ? SSL_read(ssl, buf, n) : static_cast<int>(::recv(fd, buf, n, 0));
        };
        const auto writeAll = [&](const std::string &s) {
            std::size_t off = 0;
            while (off < s.size()) {
                const int n = ssl
                    ? SSL_write(ssl, s.data() + off, static_cast<int>(s.size() - off))
                    : static_cast<int>(::send(fd, s.data() + off, s.size() - off, MSG_NOSIGNAL));
                if (n <= 0)
                    return false;
                off += static_cast<std::size_t>(n);
            }
            return true;
        };
        std::string pending;
        char buf[16384];
        for (int n = 0; !m_stopping; ++n) {
            std::size_t end;
            while ((end = pending.find("\r\n\r\n")) == std::string::npos) {
                const int got = readSome(buf, sizeof buf);
                if (got <= 0)
                    goto done;
                pending.append(buf, static_cast<std::size_t>(got));
            }
            std::string head = pending.substr(0, end + 4);
            pending.erase(0, end + 4);
            std::size_t bodyLength = 0;
            if (const auto cl = head.find("Content-Length: "); cl != std::string::npos)
                bodyLength = std::stoul(head.substr(cl + 16));
            while (pending.size() < bodyLength) {
                const int got = readSome(buf, sizeof buf);
                if (got <= 0)
                    goto done;
                pending.append(buf, static_cast<std::size_t>(got));
            }
            pending.erase(0, bodyLength);
            ++m_requests;
            const RawReply reply = m_handler(index, n, head);
            if (reply.hang) {
                while (!m_stopping)
                    std::this_thread::sleep_for(std::chrono::milliseconds(10));
                break;
            }
            if (reply.delayMs)
                std::this_thread::sleep_for(std::chrono::milliseconds(reply.delayMs));
            if (!writeAll(reply.bytes) || reply.close)
                break;
        }
    done:
        if (ssl)
            SSL_free(ssl);
        finish(fd);
    }

    void finish(int fd)
    {
        std::lock_guard lock(m_mutex);
        m_fds.remove(fd);
        ::close(fd);
    }

    Handler m_handler;
    SSL_CTX *m_tls = nullptr;
    int m_listen = -1;
    unsigned short m_port = 0;
    std::atomic_bool m_stopping {false};
    std::atomic_int m_connections {0};
    std::atomic_long m_requests {0};
    std::thread m_acceptor;
    std::mutex m_mutex;
    std::list<int> m_fds;
    std::list<std::thread> m_threads;
};

} // namespace TestSupport
