#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct event;

namespace Meshdeck::Demo {

class EventLoop;

using HttpHeaderList = std::vector<std::pair<std::string, std::string>>;

// HTTP header names compare without regard to case.
[[nodiscard]] bool sameHeaderName(std::string_view a, std::string_view b);
// As HTTP/2 sends header names: lower case.
[[nodiscard]] std::string lowerHeaderName(std::string_view name);
// The reason phrase of an HTTP status ("Not Found"), "Error" for one not listed.
[[nodiscard]] const char *httpReason(int status);

// What a proxy or a calling service needs from an upstream's answer.
struct HttpReply
{
    int status = 0; // 0: no answer (refused, reset, timed out)
    std::string body;
    std::string contentType;
    std::string workload; // x-meshdeck-workload, the answering sidecar's identity
    // gRPC: the call's status and message (trailers, or headers over HTTP/1.1 hops)
    std::string grpcStatus;
    std::string grpcMessage;
};

class ServerConnection;
class HttpExchange;

// Told of every reply a listener's exchanges send: the request, the status, the body's size and
// the time since the request arrived (an access log).
using AccessHook
    = std::function<void(const HttpExchange &, int status, std::size_t bytes, double ms)>;

// One request a listener received; reply() may be called later, from the same loop. A reply to
// a client that has gone is dropped.
class HttpExchange
{
public:
    std::string method; // "GET"
    std::string target; // "/reviews/0?x=1"
    HttpHeaderList headers;
    std::string body;

    [[nodiscard]] std::string header(std::string_view name) const; // case-insensitive
    void reply(int status, std::string_view contentType, std::string_view body,
               const HttpHeaderList &extra = {});
    // HTTP/2 only (gRPC): headers, body, then trailers. Over HTTP/1.1 the trailers become
    // headers.
    void replyWithTrailers(int status, std::string_view contentType, std::string_view body,
                           const HttpHeaderList &extra, const HttpHeaderList &trailers);
    [[nodiscard]] bool http2() const { return m_stream != 0; }

private:
    friend class ServerConnection;
    friend class HttpListener;
    void logged(int status, std::size_t bytes) const;
    std::shared_ptr<const AccessHook> m_log;
    std::chrono::steady_clock::time_point m_arrived;
    std::weak_ptr<ServerConnection> m_connection;
    std::int32_t m_stream = 0; // HTTP/2: the request's stream
    bool m_replied = false;
    bool m_keepAlive = true;
};
using HttpExchangePtr = std::shared_ptr<HttpExchange>;

// An HTTP/1.1 server on a loopback port, served by one EventLoop: no thread per connection,
// keep-alive, replies in request order. A connection that opens with HTTP/2's preface is served
// as h2c (prior knowledge) instead, its streams answered as their handlers reply. Sockets are
// registered once, edge-triggered, and written to directly, so a request costs a read and a write,
// not a series of poll-set changes; HTTP is parsed by http-parser (Debian's libhttp-parser).
class HttpListener
{
public:
    using Handler = std::function<void(const HttpExchangePtr &)>;

    explicit HttpListener(EventLoop &loop);
    ~HttpListener();
    HttpListener(const HttpListener &) = delete;
    HttpListener &operator=(const HttpListener &) = delete;

    bool listen(); // 127.0.0.1 on a free port, with a deep accept queue
    [[nodiscard]] int port() const { return m_port; }
    // Requests whose target starts with `prefix` ("" matches all); the first route wins.
    void route(std::string prefix, Handler handler);
    // Every reply sent from this listener, as it is sent (set before listening).
    void setAccessHook(AccessHook hook);

private:
    friend class ServerConnection;
    void dispatch(const HttpExchangePtr &exchange) const;
    static void onAccept(int fd, short, void *self);
    EventLoop &m_loop;
    int m_fd = -1;
    event *m_accept = nullptr;
    int m_port = 0;
    std::vector<std::pair<std::string, Handler>> m_routes;
    std::shared_ptr<const AccessHook> m_accessHook;
    std::vector<std::shared_ptr<ServerConnection>> m_connections;
};

class ClientConnection;
class Http2ClientConnection;

// Kept-alive client connections from one loop to one upstream port: a request takes an idle
// connection or opens another, and gives it back when answered. With `http2`, one HTTP/2
// connection carries every request as a stream instead (sidecar to sidecar).
class UpstreamPool
{
public:
    using Done = std::function<void(HttpReply)>;

    UpstreamPool(EventLoop &loop, int port, bool http2 = false);
    ~UpstreamPool();
    UpstreamPool(const UpstreamPool &) = delete;
    UpstreamPool &operator=(const UpstreamPool &) = delete;

    [[nodiscard]] int port() const { return m_port; }
    // Sends a request (Host and Content-Length are added) and calls `done` once, on this loop.
    // With a timeout (HTTP/1.1), an answer that has not come by then ends the request with no
    // answer (status 0) and closes its connection, as an application's HTTP client does; a
    // late answer is never delivered.
    void send(const std::string &method, const std::string &target, const HttpHeaderList &headers,
              const std::string &body, Done done,
              std::chrono::milliseconds timeout = std::chrono::milliseconds::zero());
    void get(const std::string &target, Done done,
             std::chrono::milliseconds timeout = std::chrono::milliseconds::zero())
    {
        send("GET", target, {}, {}, std::move(done), timeout);
    }

private:
    friend class ClientConnection;
    void release(ClientConnection *connection);
    EventLoop &m_loop;
    int m_port = 0;
    std::string m_host;
    std::vector<std::unique_ptr<ClientConnection>> m_connections;
    std::vector<ClientConnection *> m_idle;
    std::unique_ptr<Http2ClientConnection> m_h2;
};

} // namespace Meshdeck::Demo
