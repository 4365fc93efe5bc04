#include "http2session.h"

#include <nghttp2/nghttp2.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace Meshdeck::Demo {

namespace {

constexpr std::string_view Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
// Request bodies beyond this are refused (the stream is reset), as a proxy's buffer limit does.
constexpr std::size_t MaxRequestBody = 16 * 1024 * 1024;

bool connectionSpecific(const std::string &name)
{
    return name == "connection" || name == "keep-alive" || name == "proxy-connection"
        || name == "transfer-encoding" || name == "upgrade";
}

nghttp2_nv pair(const std::string &name, const std::string &value)
{
    nghttp2_nv nv {};
    nv.name = reinterpret_cast<std::uint8_t *>(const_cast<char *>(name.data()));
    nv.namelen = name.size();
    nv.value = reinterpret_cast<std::uint8_t *>(const_cast<char *>(value.data()));
    nv.valuelen = value.size();
    return nv;
}

} // namespace

struct Http2ServerGlue
{
    static Http2ServerSession &of(void *user) { return *static_cast<Http2ServerSession *>(user); }

    static int onBeginHeaders(nghttp2_session *, const nghttp2_frame *frame, void *user)
    {
        if (frame->hd.type == NGHTTP2_HEADERS && frame->headers.cat == NGHTTP2_HCAT_REQUEST)
            of(user).m_streams[frame->hd.stream_id].exchange = std::make_shared<HttpExchange>();
        return 0;
    }

    static int onHeader(nghttp2_session *, const nghttp2_frame *frame, const std::uint8_t *name,
                        std::size_t nameLength, const std::uint8_t *value, std::size_t valueLength,
                        std::uint8_t, void *user)
    {
        auto &streams = of(user).m_streams;
        const auto it = streams.find(frame->hd.stream_id);
        if (it == streams.end() || !it->second.exchange)
            return 0;
        HttpExchange &e = *it->second.exchange;
        const std::string_view n(reinterpret_cast<const char *>(name), nameLength);
        const std::string_view v(reinterpret_cast<const char *>(value), valueLength);
        if (n == ":method")
            e.method = v;
        else if (n == ":path")
            e.target = v;
        else if (n == ":authority")
            e.headers.emplace_back("host", v);
        else if (!n.starts_with(':'))
            e.headers.emplace_back(n, v);
        return 0;
    }

    static int onData(nghttp2_session *session, std::uint8_t, std::int32_t id,
                      const std::uint8_t *data, std::size_t length, void *user)
    {
        auto &streams = of(user).m_streams;
        const auto it = streams.find(id);
        if (it == streams.end() || !it->second.exchange)
            return 0;
        std::string &body = it->second.exchange->body;
        if (body.size() + length > MaxRequestBody) {
            nghttp2_submit_rst_stream(session, NGHTTP2_FLAG_NONE, id, NGHTTP2_REFUSED_STREAM);
            it->second.exchange.reset();
            return 0;
        }
        body.append(reinterpret_cast<const char *>(data), length);
        return 0;
    }

    static int onFrame(nghttp2_session *, const nghttp2_frame *frame, void *user)
    {
        if ((frame->hd.type != NGHTTP2_HEADERS && frame->hd.type != NGHTTP2_DATA)
            || !(frame->hd.flags & NGHTTP2_FLAG_END_STREAM))
            return 0;
        Http2ServerSession &self = of(user);
        const auto it = self.m_streams.find(frame->hd.stream_id);
        if (it == self.m_streams.end() || !it->second.exchange)
            return 0;
        const HttpExchangePtr exchange = it->second.exchange;
        if (exchange->method.empty())
            exchange->method = "GET";
        self.m_dispatch(exchange, frame->hd.stream_id);
        return 0;
    }

    static int onClose(nghttp2_session *, std::int32_t id, std::uint32_t, void *user)
    {
        of(user).m_streams.erase(id);
        return 0;
    }

    static ssize_t readBody(nghttp2_session *session, std::int32_t id, std::uint8_t *buf,
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
        if (s.sent == s.body.size()) {
            *flags |= NGHTTP2_DATA_FLAG_EOF;
            if (!s.trailers.empty()) {
                *flags |= NGHTTP2_DATA_FLAG_NO_END_STREAM;
                std::vector<std::string> text;
                for (const auto &[name, value] : s.trailers) {
                    text.push_back(lowerHeaderName(name));
                    text.push_back(value);
                }
                std::vector<nghttp2_nv> nv;
                for (std::size_t i = 0; i < text.size(); i += 2)
                    nv.push_back(pair(text[i], text[i + 1]));
                nghttp2_submit_trailer(session, id, nv.data(), nv.size());
            }
        }
        return static_cast<ssize_t>(n);
    }
};

Http2ServerSession::Http2ServerSession(Dispatch dispatch)
    : m_dispatch(std::move(dispatch))
{
    nghttp2_session_callbacks *callbacks = nullptr;
    nghttp2_session_callbacks_new(&callbacks);
    nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks,
                                                            Http2ServerGlue::onBeginHeaders);
    nghttp2_session_callbacks_set_on_header_callback(callbacks, Http2ServerGlue::onHeader);
    nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, Http2ServerGlue::onData);
    nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, Http2ServerGlue::onFrame);
    nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, Http2ServerGlue::onClose);
    nghttp2_session_server_new(&m_session, callbacks, this);
    nghttp2_session_callbacks_del(callbacks);
    // Envoy's defaults: 100 streams at once per connection, 16 MiB windows.
    const nghttp2_settings_entry settings[] = {
        {NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, 100},
        {NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, 16 * 1024 * 1024},
    };
    nghttp2_submit_settings(m_session, NGHTTP2_FLAG_NONE, settings, std::size(settings));
    nghttp2_session_set_local_window_size(m_session, NGHTTP2_FLAG_NONE, 0, 16 * 1024 * 1024);
}

Http2ServerSession::~Http2ServerSession()
{
    nghttp2_session_del(m_session);
}

bool Http2ServerSession::startsWithPreface(std::string_view data)
{
    const std::size_t n = std::min(data.size(), Preface.size());
    return n >= 3 && data.substr(0, n) == Preface.substr(0, n);
}

bool Http2ServerSession::receive(const char *data, std::size_t size)
{
    return nghttp2_session_mem_recv(m_session, reinterpret_cast<const std::uint8_t *>(data), size)
        >= 0;
}

void Http2ServerSession::respond(std::int32_t stream, int status, std::string_view contentType,
                                 std::string_view body, const HttpHeaderList &extra, bool head,
                                 const HttpHeaderList &trailers)
{
    const auto it = m_streams.find(stream);
    if (it == m_streams.end())
        return; // reset or closed meanwhile
    Stream &s = it->second;
    s.body = head ? std::string() : std::string(body);
    s.sent = 0;
    s.trailers = trailers;
    std::vector<std::string> text {":status", std::to_string(status), "content-type",
                                   std::string(contentType)};
    if (trailers.empty())
        text.insert(text.end(), {"content-length", std::to_string(body.size())});
    for (const auto &[name, value] : extra) {
        std::string n = lowerHeaderName(name);
        if (!connectionSpecific(n) && n != "content-length" && n != "content-type")
            text.insert(text.end(), {std::move(n), value});
    }
    std::vector<nghttp2_nv> nv;
    for (std::size_t i = 0; i < text.size(); i += 2)
        nv.push_back(pair(text[i], text[i + 1]));
    nghttp2_data_provider provider {};
    provider.read_callback = Http2ServerGlue::readBody;
    const bool hasData = !s.body.empty() || !trailers.empty();
    nghttp2_submit_response(m_session, stream, nv.data(), nv.size(), hasData ? &provider : nullptr);
}

bool Http2ServerSession::take(std::string &out)
{
    for (;;) {
        const std::uint8_t *data = nullptr;
        const ssize_t n = nghttp2_session_mem_send(m_session, &data);
        if (n < 0)
            return false;
        if (n == 0)
            return true;
        out.append(reinterpret_cast<const char *>(data), static_cast<std::size_t>(n));
    }
}

bool Http2ServerSession::finished() const
{
    return !nghttp2_session_want_read(m_session) && !nghttp2_session_want_write(m_session);
}

long long Http2ServerSession::footprint() const
{
    long long bytes = 0;
    for (const auto &[id, s] : m_streams)
        bytes += 256 + static_cast<long long>(s.body.capacity())
            + (s.exchange ? static_cast<long long>(s.exchange->body.capacity()) : 0);
    return bytes;
}

} // namespace Meshdeck::Demo
