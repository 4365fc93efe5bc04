#include "http2client.h"

#include "eventloop.h"
#include "socketio.h"

#include <event2/event.h>
#include <nghttp2/nghttp2.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include <unistd.h>

namespace Meshdeck::Demo {

struct Http2ClientGlue
{
    static Http2ClientConnection &of(void *user)
    {
        return *static_cast<Http2ClientConnection *>(user);
    }

    static int onHeader(nghttp2_session *, const nghttp2_frame *frame, const std::uint8_t *name,
                        std::size_t nameLength, const std::uint8_t *value, std::size_t valueLength,
                        std::uint8_t, void *user)
    {
        auto &streams = of(user).m_streams;
        const auto it = streams.find(frame->hd.stream_id);
        if (frame->hd.type != NGHTTP2_HEADERS || it == streams.end())
            return 0;
        HttpReply &reply = it->second.reply;
        const std::string_view n(reinterpret_cast<const char *>(name), nameLength);
        const std::string v(reinterpret_cast<const char *>(value), valueLength);
        if (n == ":status") {
            const int status = std::atoi(v.c_str());
            if (status >= 200)
                reply.status = status;
        } else if (n == "content-type") {
            reply.contentType = v;
        } else if (n == "x-meshdeck-workload") {
            reply.workload = v;
        } else if (n == "grpc-status") {
            reply.grpcStatus = v;
        } else if (n == "grpc-message") {
            reply.grpcMessage = v;
        }
        return 0;
    }

    static int onData(nghttp2_session *, std::uint8_t, std::int32_t id, const std::uint8_t *data,
                      std::size_t length, void *user)
    {
        auto &streams = of(user).m_streams;
        if (const auto it = streams.find(id); it != streams.end())
            it->second.reply.body.append(reinterpret_cast<const char *>(data), length);
        return 0;
    }

    static int onClose(nghttp2_session *, std::int32_t id, std::uint32_t code, void *user)
    {
        auto &streams = of(user).m_streams;
        const auto it = streams.find(id);
        if (it == streams.end())
            return 0;
        Http2ClientConnection::Stream stream = std::move(it->second);
        streams.erase(it);
        if (code != NGHTTP2_NO_ERROR || !stream.reply.status)
            stream.reply = {}; // reset before an answer: no status, as a broken connection
        if (stream.done)
            stream.done(std::move(stream.reply));
        return 0;
    }

    static ssize_t readBody(nghttp2_session *, std::int32_t id, std::uint8_t *buf,
                            std::size_t length, std::uint32_t *flags, nghttp2_data_source *,
                            void *user)
    {
        auto &streams = of(user).m_streams;
        const auto it = streams.find(id);
        if (it == streams.end()) {
            *flags |= NGHTTP2_DATA_FLAG_EOF;
            return 0;
        }
        auto &s = it->second;
        const std::size_t n = std::min(length, s.body.size() - s.sent);
        std::memcpy(buf, s.body.data() + s.sent, n);
        s.sent += n;
        if (s.sent == s.body.size())
            *flags |= NGHTTP2_DATA_FLAG_EOF;
        return static_cast<ssize_t>(n);
    }
};

Http2ClientConnection::Http2ClientConnection(EventLoop &loop, int port)
    : m_loop(loop)
    , m_port(port)
    , m_authority("127.0.0.1:" + std::to_string(port))
{
}

Http2ClientConnection::~Http2ClientConnection()
{
    m_streams.clear(); // nobody is left to answer
    close();
    m_loop.account(-m_accounted);
}

bool Http2ClientConnection::open()
{
    m_fd = connectLoopback(m_port);
    if (m_fd < 0)
        return false;
    m_event
        = event_new(m_loop.base(), m_fd, EV_READ | EV_WRITE | EV_PERSIST | EV_ET, onEvent, this);
    event_add(m_event, nullptr);
    nghttp2_session_callbacks *callbacks = nullptr;
    nghttp2_session_callbacks_new(&callbacks);
    nghttp2_session_callbacks_set_on_header_callback(callbacks, Http2ClientGlue::onHeader);
    nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, Http2ClientGlue::onData);
    nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, Http2ClientGlue::onClose);
    nghttp2_session_client_new(&m_session, callbacks, this);
    nghttp2_session_callbacks_del(callbacks);
    const nghttp2_settings_entry settings[] = {
        {NGHTTP2_SETTINGS_ENABLE_PUSH, 0},
        {NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, 16 * 1024 * 1024},
    };
    nghttp2_submit_settings(m_session, NGHTTP2_FLAG_NONE, settings, std::size(settings));
    nghttp2_session_set_local_window_size(m_session, NGHTTP2_FLAG_NONE, 0, 16 * 1024 * 1024);
    return true;
}

void Http2ClientConnection::close()
{
    if (m_event) {
        event_free(m_event);
        m_event = nullptr;
    }
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (m_session) {
        nghttp2_session_del(m_session);
        m_session = nullptr;
    }
    m_out.clear();
    std::map<std::int32_t, Stream> broken;
    broken.swap(m_streams);
    for (auto &[id, stream] : broken) {
        if (stream.done)
            stream.done(HttpReply {});
    }
    footprint();
}

void Http2ClientConnection::send(const std::string &method, const std::string &target,
                                 const HttpHeaderList &headers, const std::string &body, Done done)
{
    if (m_session && !nghttp2_session_check_request_allowed(m_session) && !m_inCallback)
        close(); // the server said GOAWAY: a fresh connection for what follows
    if (!m_session && !open()) {
        done(HttpReply {});
        return;
    }
    std::vector<std::string> text {":method",    method,      ":scheme", "http",
                                   ":authority", m_authority, ":path",   target};
    for (const auto &[name, value] : headers) {
        text.push_back(lowerHeaderName(name));
        text.push_back(value);
    }
    if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH")
        text.insert(text.end(), {"content-length", std::to_string(body.size())});
    std::vector<nghttp2_nv> nv;
    for (std::size_t i = 0; i < text.size(); i += 2) {
        nghttp2_nv pair {};
        pair.name = reinterpret_cast<std::uint8_t *>(text[i].data());
        pair.namelen = text[i].size();
        pair.value = reinterpret_cast<std::uint8_t *>(text[i + 1].data());
        pair.valuelen = text[i + 1].size();
        nv.push_back(pair);
    }
    nghttp2_data_provider provider {};
    provider.read_callback = Http2ClientGlue::readBody;
    const std::int32_t id = nghttp2_submit_request(m_session, nullptr, nv.data(), nv.size(),
                                                   body.empty() ? nullptr : &provider, nullptr);
    if (id < 0) {
        done(HttpReply {});
        return;
    }
    Stream &stream = m_streams[id];
    stream.done = std::move(done);
    stream.body = body;
    if (!m_inCallback)
        flush();
    footprint();
}

void Http2ClientConnection::flush()
{
    if (!m_session)
        return;
    std::string frames;
    for (;;) {
        const std::uint8_t *data = nullptr;
        const ssize_t n = nghttp2_session_mem_send(m_session, &data);
        if (n < 0) {
            close();
            return;
        }
        if (n == 0)
            break;
        frames.append(reinterpret_cast<const char *>(data), static_cast<std::size_t>(n));
    }
    if (!push(m_fd, m_out, frames))
        close();
}

void Http2ClientConnection::onReadable()
{
    bool ok = true;
    const bool open = drain(m_fd, [this, &ok](const char *data, std::size_t n) {
        m_inCallback = true;
        ok = nghttp2_session_mem_recv(m_session, reinterpret_cast<const std::uint8_t *>(data), n)
            >= 0;
        m_inCallback = false;
        return ok;
    });
    if (!open || !ok) {
        close();
        return;
    }
    flush();
    footprint();
}

void Http2ClientConnection::onEvent(int, short what, void *self)
{
    auto *c = static_cast<Http2ClientConnection *>(self);
    if ((what & EV_WRITE) && !push(c->m_fd, c->m_out, {})) {
        c->close();
        return;
    }
    if ((what & EV_READ) && c->m_session)
        c->onReadable();
}

void Http2ClientConnection::footprint()
{
    long long now = static_cast<long long>(sizeof(*this) + m_out.capacity());
    for (const auto &[id, s] : m_streams)
        now += 256 + static_cast<long long>(s.body.capacity() + s.reply.body.capacity());
    m_loop.account(now - m_accounted);
    m_accounted = now;
}

} // namespace Meshdeck::Demo
