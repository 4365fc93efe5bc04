#pragma once

#include "eventhttp.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>

struct event;
typedef struct nghttp2_session nghttp2_session;

namespace Meshdeck::Demo {

class EventLoop;

// One HTTP/2 connection (h2c, prior knowledge) from a loop to a loopback port, its requests
// multiplexed as streams: what a sidecar uses to reach another sidecar, as mesh proxies talk
// HTTP/2 between themselves whatever the application speaks. Opened on first use and again
// after the server closes it or sends GOAWAY; requests in flight on a broken connection are
// answered with no status (as a reset).
class Http2ClientConnection
{
public:
    using Done = std::function<void(HttpReply)>;

    Http2ClientConnection(EventLoop &loop, int port);
    ~Http2ClientConnection();
    Http2ClientConnection(const Http2ClientConnection &) = delete;
    Http2ClientConnection &operator=(const Http2ClientConnection &) = delete;

    // Host becomes :authority; hop-by-hop headers are the caller's to leave out.
    void send(const std::string &method, const std::string &target, const HttpHeaderList &headers,
              const std::string &body, Done done);

private:
    struct Stream
    {
        Done done;
        HttpReply reply;
        std::string body; // the request body, sent from here
        std::size_t sent = 0;
    };
    friend struct Http2ClientGlue;

    bool open();
    void close(); // fails what is in flight
    void flush();
    void onReadable();
    static void onEvent(int fd, short what, void *self);
    void footprint();

    EventLoop &m_loop;
    int m_port = 0;
    std::string m_authority;
    int m_fd = -1;
    event *m_event = nullptr;
    nghttp2_session *m_session = nullptr;
    std::string m_out;
    std::map<std::int32_t, Stream> m_streams;
    bool m_inCallback = false;
    long long m_accounted = 0;
};

} // namespace Meshdeck::Demo
