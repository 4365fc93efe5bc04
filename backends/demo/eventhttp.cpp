#include "eventhttp.h"

#include "eventloop.h"
#include "http2client.h"
#include "http2session.h"
#include "socketio.h"

#include <event2/event.h>
#include <http_parser.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <ctime>

namespace Meshdeck::Demo {

bool sameHeaderName(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x))
                   == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string lowerHeaderName(std::string_view name)
{
    std::string out(name);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return out;
}

const char *httpReason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return status < 400 ? "OK" : "Error";
    }
}

namespace {

// The Date header, formatted once a second per thread.
const std::string &httpDate()
{
    thread_local std::time_t last = 0;
    thread_local std::string text;
    const std::time_t now = std::time(nullptr);
    if (now != last) {
        last = now;
        std::tm tm {};
        gmtime_r(&now, &tm);
        char buf[64];
        std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
        text = buf;
    }
    return text;
}

} // namespace

// ---- server side ---------------------------------------------------------------------------

class ServerConnection : public std::enable_shared_from_this<ServerConnection>
{
public:
    ServerConnection(HttpListener &listener, int fd)
        : m_listener(listener)
        , m_fd(fd)
    {
        http_parser_init(&m_parser, HTTP_REQUEST);
        m_parser.data = this;
    }
    ~ServerConnection()
    {
        shut();
        m_listener.m_loop.account(-m_accounted);
    }

    void start()
    {
        m_event = event_new(m_listener.m_loop.base(), m_fd, EV_READ | EV_WRITE | EV_PERSIST | EV_ET,
                            onEvent, this);
        event_add(m_event, nullptr);
        footprint();
    }

    void repliedStream(std::int32_t stream, int status, std::string_view contentType,
                       std::string_view body, const HttpHeaderList &extra, bool head,
                       const HttpHeaderList &trailers)
    {
        if (m_closed || !m_h2)
            return;
        m_h2->respond(stream, status, contentType, body, extra, head, trailers);
        if (!m_receiving)
            flushStreams();
        footprint();
    }

    void replied(std::string bytes, bool keepAlive)
    {
        if (m_closed)
            return;
        if (!push(m_fd, m_out, bytes)) {
            close();
            return;
        }
        m_busy = false;
        if (!keepAlive) {
            m_closeWhenFlushed = true;
            m_queue.clear();
        }
        if (m_closeWhenFlushed && m_out.empty()) {
            close();
            return;
        }
        pump();
        footprint();
    }

private:
    static void onEvent(evutil_socket_t, short what, void *self)
    {
        auto *c = static_cast<ServerConnection *>(self);
        auto keep = c->shared_from_this();
        if (what & EV_WRITE) {
            if (!push(c->m_fd, c->m_out, {})) {
                c->close();
                return;
            }
            if (c->m_closeWhenFlushed && c->m_out.empty()) {
                c->close();
                return;
            }
        }
        if (what & EV_READ)
            c->onReadable();
        if (!c->m_closed)
            c->footprint();
    }

    // HTTP/2: frames in, requests to their handlers, frames out.
    void onStreamsReadable(bool open, bool ok)
    {
        if (!ok) {
            close();
            return;
        }
        flushStreams();
        if (!m_closed && (!open || m_h2->finished()))
            close();
    }

    void flushStreams()
    {
        std::string frames;
        if (!m_h2->take(frames) || !push(m_fd, m_out, frames))
            close();
    }

    void startStreams()
    {
        m_h2 = std::make_unique<Http2ServerSession>(
            [this](const HttpExchangePtr &exchange, std::int32_t stream) {
                exchange->m_connection = weak_from_this();
                exchange->m_stream = stream;
                m_listener.dispatch(exchange);
            });
    }

    void onReadable()
    {
        bool ok = true;
        const bool open = drain(m_fd, [this, &ok](const char *data, std::size_t n) {
            if (!m_sniffed) {
                m_sniffed = true;
                if (Http2ServerSession::startsWithPreface(std::string_view(data, n)))
                    startStreams();
            }
            if (m_h2) {
                m_receiving = true;
                ok = m_h2->receive(data, n);
                m_receiving = false;
                return ok;
            }
            http_parser_execute(&m_parser, &settings(), data, n);
            return HTTP_PARSER_ERRNO(&m_parser) == HPE_OK;
        });
        if (m_h2) {
            onStreamsReadable(open, ok);
            return;
        }
        if (HTTP_PARSER_ERRNO(&m_parser) != HPE_OK) {
            const std::string text = "400 Bad Request: "
                + std::string(http_errno_description(HTTP_PARSER_ERRNO(&m_parser))) + "\n";
            (void)push(m_fd, m_out,
                       "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: "
                           + std::to_string(text.size()) + "\r\nConnection: close\r\n\r\n" + text);
            close();
            return;
        }
        pump();
        if (!open) {
            // The client is done sending; answer what it asked, then close.
            m_closeWhenFlushed = true;
            if (!m_busy && m_queue.empty() && m_out.empty())
                close();
        }
    }

    void pump()
    {
        if (m_busy || m_closed || m_queue.empty())
            return;
        HttpExchangePtr next = std::move(m_queue.front());
        m_queue.pop_front();
        m_busy = true;
        m_listener.dispatch(next);
    }

    void close()
    {
        if (m_closed)
            return;
        shut();
        // Leave the listener's list on a later turn: this object may be on the stack.
        auto self = shared_from_this();
        m_listener.m_loop.after(0, [self] {
            auto &list = self->m_listener.m_connections;
            list.erase(std::remove(list.begin(), list.end(), self), list.end());
        });
    }

    void shut()
    {
        m_closed = true;
        if (m_event) {
            event_free(m_event);
            m_event = nullptr;
        }
        if (m_fd >= 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }

    void footprint()
    {
        const long long now = static_cast<long long>(sizeof(*this) + m_out.capacity()
                                                     + m_field.capacity() + m_value.capacity())
            + (m_current ? static_cast<long long>(m_current->body.capacity() + 256) : 0)
            + static_cast<long long>(m_queue.size()) * 256 + (m_h2 ? m_h2->footprint() : 0);
        m_listener.m_loop.account(now - m_accounted);
        m_accounted = now;
    }

    static ServerConnection &of(http_parser *p)
    {
        return *static_cast<ServerConnection *>(p->data);
    }

    static const http_parser_settings &settings()
    {
        static const http_parser_settings s = [] {
            http_parser_settings s {};
            s.on_message_begin = [](http_parser *p) {
                auto &c = of(p);
                c.m_current = std::make_shared<HttpExchange>();
                c.m_current->m_connection = c.weak_from_this();
                c.m_field.clear();
                c.m_value.clear();
                return 0;
            };
            s.on_url = [](http_parser *p, const char *at, std::size_t n) {
                of(p).m_current->target.append(at, n);
                return 0;
            };
            s.on_header_field = [](http_parser *p, const char *at, std::size_t n) {
                auto &c = of(p);
                if (!c.m_value.empty() || c.m_valueSeen) {
                    c.m_current->headers.emplace_back(std::move(c.m_field), std::move(c.m_value));
                    c.m_field.clear();
                    c.m_value.clear();
                    c.m_valueSeen = false;
                }
                c.m_field.append(at, n);
                return 0;
            };
            s.on_header_value = [](http_parser *p, const char *at, std::size_t n) {
                auto &c = of(p);
                c.m_value.append(at, n);
                c.m_valueSeen = true;
                return 0;
            };
            s.on_headers_complete = [](http_parser *p) {
                auto &c = of(p);
                if (!c.m_field.empty())
                    c.m_current->headers.emplace_back(std::move(c.m_field), std::move(c.m_value));
                c.m_field.clear();
                c.m_value.clear();
                c.m_valueSeen = false;
                c.m_current->method = http_method_str(static_cast<http_method>(p->method));
                return 0;
            };
            s.on_body = [](http_parser *p, const char *at, std::size_t n) {
                of(p).m_current->body.append(at, n);
                return 0;
            };
            s.on_message_complete = [](http_parser *p) {
                auto &c = of(p);
                c.m_current->m_keepAlive = http_should_keep_alive(p) != 0;
                c.m_queue.push_back(std::move(c.m_current));
                return 0;
            };
            return s;
        }();
        return s;
    }

    HttpListener &m_listener;
    int m_fd = -1;
    event *m_event = nullptr;
    http_parser m_parser {};
    HttpExchangePtr m_current;
    std::string m_field, m_value;
    bool m_valueSeen = false;
    std::deque<HttpExchangePtr> m_queue; // pipelined requests waiting for their turn
    std::string m_out; // what the socket did not take yet
    bool m_busy = false; // a request is with its handler
    bool m_closeWhenFlushed = false;
    bool m_closed = false;
    long long m_accounted = 0;
    bool m_sniffed = false; // the first bytes were looked at for HTTP/2's preface
    std::unique_ptr<Http2ServerSession> m_h2;
    bool m_receiving = false; // inside m_h2->receive(): replies are sent after it returns
};

std::string HttpExchange::header(std::string_view name) const
{
    for (const auto &[k, v] : headers) {
        if (sameHeaderName(k, name))
            return v;
    }
    return {};
}

void HttpExchange::reply(int status, std::string_view contentType, std::string_view body,
                         const HttpHeaderList &extra)
{
    if (m_replied)
        return;
    m_replied = true;
    logged(status, body.size());
    auto connection = m_connection.lock();
    if (!connection)
        return; // the client has gone
    if (m_stream) {
        connection->repliedStream(m_stream, status, contentType, body, extra, method == "HEAD", {});
        return;
    }
    std::string out;
    out.reserve(160 + body.size());
    out += "HTTP/1.1 ";
    out += std::to_string(status);
    out += ' ';
    out += httpReason(status);
    out += "\r\nContent-Type: ";
    out += contentType;
    out += "\r\nContent-Length: ";
    out += std::to_string(body.size());
    out += "\r\nDate: ";
    out += httpDate();
    out += "\r\n";
    for (const auto &[k, v] : extra) {
        out += k;
        out += ": ";
        out += v;
        out += "\r\n";
    }
    if (!m_keepAlive)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (method != "HEAD")
        out += body;
    connection->replied(std::move(out), m_keepAlive);
}

void HttpExchange::replyWithTrailers(int status, std::string_view contentType,
                                     std::string_view body, const HttpHeaderList &extra,
                                     const HttpHeaderList &trailers)
{
    if (!m_stream) {
        HttpHeaderList all = extra;
        all.insert(all.end(), trailers.begin(), trailers.end());
        reply(status, contentType, body, all);
        return;
    }
    if (m_replied)
        return;
    m_replied = true;
    logged(status, body.size());
    if (auto connection = m_connection.lock())
        connection->repliedStream(m_stream, status, contentType, body, extra, false, trailers);
}

HttpListener::HttpListener(EventLoop &loop)
    : m_loop(loop)
{
}

HttpListener::~HttpListener()
{
    m_connections.clear();
    if (m_accept)
        event_free(m_accept);
    if (m_fd >= 0)
        ::close(m_fd);
}

bool HttpListener::listen()
{
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (m_fd < 0)
        return false;
    int on = 1;
    ::setsockopt(m_fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0
        || ::listen(m_fd, 4096) != 0
        || ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len) != 0)
        return false;
    m_port = ntohs(addr.sin_port);
    m_accept = event_new(m_loop.base(), m_fd, EV_READ | EV_PERSIST, onAccept, this);
    event_add(m_accept, nullptr);
    return true;
}

void HttpListener::onAccept(int fd, short, void *self)
{
    auto *listener = static_cast<HttpListener *>(self);
    for (int i = 0; i < 64; ++i) {
        const int client = ::accept4(fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (client < 0)
            return;
        int on = 1;
        ::setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        auto connection = std::make_shared<ServerConnection>(*listener, client);
        listener->m_connections.push_back(connection);
        connection->start();
    }
}

void HttpListener::route(std::string prefix, Handler handler)
{
    m_routes.emplace_back(std::move(prefix), std::move(handler));
}

void HttpListener::setAccessHook(AccessHook hook)
{
    m_accessHook = std::make_shared<const AccessHook>(std::move(hook));
}

void HttpExchange::logged(int status, std::size_t bytes) const
{
    if (m_log)
        (*m_log)(
            *this, status, bytes,
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_arrived)
                .count());
}

void HttpListener::dispatch(const HttpExchangePtr &exchange) const
{
    if (m_accessHook) {
        exchange->m_log = m_accessHook;
        exchange->m_arrived = std::chrono::steady_clock::now();
    }
    for (const auto &[prefix, handler] : m_routes) {
        if (std::string_view(exchange->target).starts_with(prefix)) {
            handler(exchange);
            return;
        }
    }
    exchange->reply(404, "text/plain", "404 page not found\n");
}

// ---- client side ---------------------------------------------------------------------------

class ClientConnection
{
public:
    explicit ClientConnection(UpstreamPool &pool)
        : m_pool(pool)
    {
    }
    ~ClientConnection()
    {
        shut();
        if (m_timer)
            event_free(m_timer);
        m_pool.m_loop.account(-m_accounted);
    }

    void send(std::string request, bool head, UpstreamPool::Done done,
              std::chrono::milliseconds timeout)
    {
        m_done = std::move(done);
        m_head = head;
        m_reply = {};
        m_complete = false;
        if (m_fd < 0 && !open()) {
            fail();
            return;
        }
        if (timeout.count() > 0) {
            if (!m_timer)
                m_timer = evtimer_new(m_pool.m_loop.base(), onTimeout, this);
            const timeval tv {static_cast<time_t>(timeout.count() / 1000),
                              static_cast<suseconds_t>((timeout.count() % 1000) * 1000)};
            evtimer_add(m_timer, &tv);
        }
        if (!push(m_fd, m_out, request))
            fail();
        footprint();
    }

private:
    // No answer in time: the connection is dropped (its answer may still be on the way) and
    // the request ends unanswered.
    static void onTimeout(evutil_socket_t, short, void *self)
    {
        auto *c = static_cast<ClientConnection *>(self);
        if (c->m_done)
            c->fail();
    }

    void disarm()
    {
        if (m_timer)
            evtimer_del(m_timer);
    }

    bool open()
    {
        m_fd = connectLoopback(m_pool.m_port);
        if (m_fd < 0)
            return false;
        http_parser_init(&m_parser, HTTP_RESPONSE);
        m_parser.data = this;
        m_event = event_new(m_pool.m_loop.base(), m_fd, EV_READ | EV_WRITE | EV_PERSIST | EV_ET,
                            onEvent, this);
        event_add(m_event, nullptr);
        return true;
    }

    void shut()
    {
        if (m_event) {
            event_free(m_event);
            m_event = nullptr;
        }
        if (m_fd >= 0) {
            ::close(m_fd);
            m_fd = -1;
        }
        m_out.clear();
    }

    static void onEvent(evutil_socket_t, short what, void *self)
    {
        auto *c = static_cast<ClientConnection *>(self);
        if ((what & EV_WRITE) && !push(c->m_fd, c->m_out, {})) {
            c->fail();
            return;
        }
        if (what & EV_READ)
            c->onReadable();
    }

    void onReadable()
    {
        const bool open = drain(m_fd, [this](const char *data, std::size_t n) {
            http_parser_execute(&m_parser, &settings(), data, n);
            return HTTP_PARSER_ERRNO(&m_parser) == HPE_OK;
        });
        if (!open && HTTP_PARSER_ERRNO(&m_parser) == HPE_OK && m_done && !m_complete)
            http_parser_execute(&m_parser, &settings(), nullptr, 0); // a body ended by close
        if (m_complete) {
            finish(open && m_keepAlive);
            return;
        }
        if (!open || HTTP_PARSER_ERRNO(&m_parser) != HPE_OK) {
            if (m_done)
                fail();
            else
                shut(); // an idle connection the server closed: reopened on next use
            return;
        }
        footprint();
    }

    void finish(bool reusable)
    {
        disarm();
        if (!reusable)
            shut();
        UpstreamPool::Done done = std::move(m_done);
        HttpReply reply = std::move(m_reply);
        m_done = nullptr;
        m_complete = false;
        footprint();
        m_pool.release(this);
        done(std::move(reply));
    }

    void fail()
    {
        disarm();
        shut();
        m_reply = {};
        m_complete = false;
        UpstreamPool::Done done = std::move(m_done);
        m_done = nullptr;
        footprint();
        m_pool.release(this);
        if (done)
            done(HttpReply {});
    }

    void footprint()
    {
        const long long now = static_cast<long long>(
            sizeof(*this) + m_out.capacity() + m_reply.body.capacity() + m_field.capacity());
        m_pool.m_loop.account(now - m_accounted);
        m_accounted = now;
    }

    static ClientConnection &of(http_parser *p)
    {
        return *static_cast<ClientConnection *>(p->data);
    }

    static const http_parser_settings &settings()
    {
        static const http_parser_settings s = [] {
            http_parser_settings s {};
            s.on_message_begin = [](http_parser *p) {
                auto &c = of(p);
                c.m_reply = {};
                c.m_field.clear();
                c.m_want = nullptr;
                return 0;
            };
            s.on_header_field = [](http_parser *p, const char *at, std::size_t n) {
                auto &c = of(p);
                if (c.m_fieldDone) {
                    c.m_field.clear();
                    c.m_fieldDone = false;
                }
                c.m_field.append(at, n);
                c.m_want = nullptr;
                return 0;
            };
            s.on_header_value = [](http_parser *p, const char *at, std::size_t n) {
                auto &c = of(p);
                if (!c.m_fieldDone) {
                    c.m_fieldDone = true;
                    c.m_want = sameHeaderName(c.m_field, "content-type")   ? &c.m_reply.contentType
                        : sameHeaderName(c.m_field, "x-meshdeck-workload") ? &c.m_reply.workload
                        : sameHeaderName(c.m_field, "grpc-status")         ? &c.m_reply.grpcStatus
                        : sameHeaderName(c.m_field, "grpc-message")        ? &c.m_reply.grpcMessage
                                                                           : nullptr;
                }
                if (c.m_want)
                    c.m_want->append(at, n);
                return 0;
            };
            s.on_headers_complete = [](http_parser *p) {
                auto &c = of(p);
                c.m_reply.status = static_cast<int>(p->status_code);
                c.m_fieldDone = true;
                return c.m_head ? 1 : 0; // 1: no body follows
            };
            s.on_body = [](http_parser *p, const char *at, std::size_t n) {
                of(p).m_reply.body.append(at, n);
                return 0;
            };
            s.on_message_complete = [](http_parser *p) {
                auto &c = of(p);
                if (c.m_reply.status >= 100 && c.m_reply.status < 200)
                    return 0; // an interim answer: the final one follows
                c.m_keepAlive = http_should_keep_alive(p) != 0;
                c.m_complete = true;
                return 0;
            };
            return s;
        }();
        return s;
    }

    UpstreamPool &m_pool;
    int m_fd = -1;
    event *m_event = nullptr;
    event *m_timer = nullptr; // the request's timeout, when it has one
    http_parser m_parser {};
    std::string m_out;
    UpstreamPool::Done m_done;
    HttpReply m_reply;
    std::string m_field;
    std::string *m_want = nullptr;
    bool m_fieldDone = true;
    bool m_head = false;
    bool m_complete = false;
    bool m_keepAlive = true;
    long long m_accounted = 0;
};

UpstreamPool::UpstreamPool(EventLoop &loop, int port, bool http2)
    : m_loop(loop)
    , m_port(port)
    , m_host("127.0.0.1:" + std::to_string(port))
    , m_h2(http2 ? std::make_unique<Http2ClientConnection>(loop, port) : nullptr)
{
}

UpstreamPool::~UpstreamPool() = default;

void UpstreamPool::release(ClientConnection *connection)
{
    m_idle.push_back(connection);
}

void UpstreamPool::send(const std::string &method, const std::string &target,
                        const HttpHeaderList &headers, const std::string &body, Done done,
                        std::chrono::milliseconds timeout)
{
    if (m_h2) {
        m_h2->send(method, target, headers, body, std::move(done));
        return;
    }
    ClientConnection *connection = nullptr;
    if (!m_idle.empty()) {
        connection = m_idle.back();
        m_idle.pop_back();
    } else {
        m_connections.push_back(std::make_unique<ClientConnection>(*this));
        connection = m_connections.back().get();
    }
    std::string request;
    request.reserve(128 + target.size() + body.size());
    request += method;
    request += ' ';
    request += target;
    request += " HTTP/1.1\r\nHost: ";
    request += m_host;
    request += "\r\n";
    for (const auto &[k, v] : headers) {
        request += k;
        request += ": ";
        request += v;
        request += "\r\n";
    }
    if (!body.empty() || (method != "GET" && method != "HEAD" && method != "DELETE")) {
        request += "Content-Length: ";
        request += std::to_string(body.size());
        request += "\r\n";
    }
    request += "\r\n";
    request += body;
    connection->send(std::move(request), method == "HEAD", std::move(done), timeout);
}

} // namespace Meshdeck::Demo
