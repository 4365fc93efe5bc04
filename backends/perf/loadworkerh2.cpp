// The load worker's HTTP/2 side: every connection is an nghttp2 client session driven from the
// worker's epoll loop (nghttp2 frames and compresses, this file moves the bytes and keeps the
// clock). A connection carries up to `streams` requests at once; closed loop keeps that many in
// flight, constant rate puts each due request on the least busy connection that has room.

#include "engineshared.h"
#include "loadworker.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <nghttp2/nghttp2.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>

#include <sys/epoll.h>
#include <sys/socket.h>

namespace Meshdeck::Perf {

namespace {

constexpr std::int64_t Millisecond = 1'000'000;
constexpr std::int64_t Second = 1'000'000'000;
// Receive windows as large as HTTP/2 allows, so that flow control never paces a benchmark
// (what h2load does by default).
constexpr std::int32_t Window = (1 << 30) - 1;

std::string codeText(std::uint32_t code)
{
    return nghttp2_http2_strerror(code);
}

// grpc-message is percent-encoded (RFC 3986 unreserved characters pass as they are).
std::string percentDecoded(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    const auto hex = [](char ch) {
        return ch >= '0' && ch <= '9' ? ch - '0'
            : ch >= 'a' && ch <= 'f'  ? ch - 'a' + 10
            : ch >= 'A' && ch <= 'F'  ? ch - 'A' + 10
                                      : -1;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0
            && hex(text[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2])));
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out.size() > 512 ? out.substr(0, 512) : out;
}

} // namespace

struct Http2Glue
{
    using Stream = LoadWorker::Stream;
    using Conn = LoadWorker::Conn;

    static Stream *stream(nghttp2_session *session, std::int32_t id)
    {
        return static_cast<Stream *>(nghttp2_session_get_stream_user_data(session, id));
    }

    static int onHeader(nghttp2_session *session, const nghttp2_frame *frame,
                        const std::uint8_t *name, std::size_t nameLength, const std::uint8_t *value,
                        std::size_t valueLength, std::uint8_t, void *)
    {
        if (frame->hd.type != NGHTTP2_HEADERS)
            return 0;
        Stream *s = stream(session, frame->hd.stream_id);
        if (!s)
            return 0;
        const std::string_view n(reinterpret_cast<const char *>(name), nameLength);
        const std::string_view v(reinterpret_cast<const char *>(value), valueLength);
        if (n == "grpc-status") {
            int code = 0;
            for (const char ch : v)
                code = ch >= '0' && ch <= '9' && code < 1000 ? code * 10 + (ch - '0') : 1000;
            s->grpcStatus = v.empty() || code > 999 ? 2 : code; // unparsable: UNKNOWN
            return 0;
        }
        if (n == "grpc-message") {
            s->grpcMessage = percentDecoded(v);
            return 0;
        }
        if (n != ":status" || valueLength != 3)
            return 0;
        const int status = (value[0] - '0') * 100 + (value[1] - '0') * 10 + (value[2] - '0');
        if (status >= 200) // 1xx are interim; the final answer follows
            s->status = status;
        return 0;
    }

    static int onData(nghttp2_session *session, std::uint8_t, std::int32_t id, const std::uint8_t *,
                      std::size_t length, void *)
    {
        if (Stream *s = stream(session, id))
            s->bodyBytes += length;
        return 0;
    }

    static int onFrame(nghttp2_session *session, const nghttp2_frame *frame, void *user)
    {
        auto *c = static_cast<Conn *>(user);
        if (frame->hd.type == NGHTTP2_SETTINGS && !(frame->hd.flags & NGHTTP2_FLAG_ACK)) {
            c->settingsSeen = true;
        } else if (frame->hd.type == NGHTTP2_GOAWAY) {
            c->goingAway = true;
            c->goawayCode = frame->goaway.error_code;
            c->goawayLastStream = frame->goaway.last_stream_id;
        } else if (frame->hd.type == NGHTTP2_RST_STREAM) {
            if (Stream *s = stream(session, frame->hd.stream_id)) {
                s->reset = true;
                s->resetCode = frame->rst_stream.error_code;
            }
        }
        return 0;
    }

    static int onClose(nghttp2_session *session, std::int32_t id, std::uint32_t code, void *user)
    {
        auto *c = static_cast<Conn *>(user);
        if (Stream *s = stream(session, id))
            c->worker->onStreamClosed(*s, code, c->worker->m_now);
        return 0;
    }

    static ssize_t readBody(nghttp2_session *, std::int32_t, std::uint8_t *buf, std::size_t length,
                            std::uint32_t *flags, nghttp2_data_source *source, void *)
    {
        auto *s = static_cast<Stream *>(source->ptr);
        const std::string &body = s->conn->worker->m_shared.h2Body;
        const std::size_t n = std::min(length, body.size() - s->bodySent);
        std::memcpy(buf, body.data() + s->bodySent, n);
        s->bodySent += n;
        if (s->bodySent == body.size())
            *flags |= NGHTTP2_DATA_FLAG_EOF;
        return static_cast<ssize_t>(n);
    }
};

nghttp2_session_callbacks *LoadWorker::http2Callbacks()
{
    nghttp2_session_callbacks *callbacks = nullptr;
    nghttp2_session_callbacks_new(&callbacks);
    nghttp2_session_callbacks_set_on_header_callback(callbacks, Http2Glue::onHeader);
    nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, Http2Glue::onData);
    nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, Http2Glue::onFrame);
    nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, Http2Glue::onClose);
    return callbacks;
}

void LoadWorker::startSession(Conn &c, std::int64_t now)
{
    nghttp2_session_client_new3(&c.h2, m_shared.h2Callbacks, &c, nullptr, m_pool.forNghttp2());
    const nghttp2_settings_entry settings[] = {
        {NGHTTP2_SETTINGS_ENABLE_PUSH, 0},
        {NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, 100},
        {NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, static_cast<std::uint32_t>(Window)},
    };
    nghttp2_submit_settings(c.h2, NGHTTP2_FLAG_NONE, settings, std::size(settings));
    nghttp2_session_set_local_window_size(c.h2, NGHTTP2_FLAG_NONE, 0, Window);
    c.state = State::Session;
    c.firstRead = true;
    c.goingAway = false;
    c.goawayCode = 0;
    c.goawayLastStream = 0;
    c.settingsSeen = false;
    c.activeStreams = 0;
    if (!m_rateMode)
        c.hasRequest = true;
    fillStreams(c, now);
    flushSession(c, now);
}

int LoadWorker::streamLimit(const Conn &c) const
{
    // One request until the server has said how many streams it takes: a burst beyond its
    // limit would only be refused.
    if (!c.settingsSeen)
        return 1;
    const std::uint32_t server
        = nghttp2_session_get_remote_settings(c.h2, NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS);
    return static_cast<int>(std::min<std::uint32_t>(
        static_cast<std::uint32_t>(m_shared.spec.streams), std::max<std::uint32_t>(1, server)));
}

bool LoadWorker::submitStream(Conn &c, std::int64_t intendedNs, std::int64_t now)
{
    auto free = std::find_if(c.streams.begin(), c.streams.end(),
                             [](const Stream &s) { return s.id == 0; });
    if (free == c.streams.end())
        return false;
    Stream &s = *free;
    s.status = 0;
    s.grpcStatus = -1;
    s.grpcMessage.clear();
    s.reset = false;
    s.timedOut = false;
    s.resetCode = 0;
    s.bodySent = 0;
    s.bodyBytes = 0;
    s.intendedNs = intendedNs;
    s.sentNs = now;
    s.deadlineNs = now + m_shared.spec.requestTimeout.count() * 1000;
    nghttp2_data_provider body {};
    body.source.ptr = &s;
    body.read_callback = Http2Glue::readBody;
    const std::int32_t id = nghttp2_submit_request(c.h2, nullptr, m_shared.h2Headers.data(),
                                                   m_shared.h2Headers.size(),
                                                   m_shared.h2Body.empty() ? nullptr : &body, &s);
    if (id < 0) {
        // Stream identifiers run out after 2^30 requests: this connection retires.
        c.goingAway = true;
        return false;
    }
    const std::int64_t lag = now - intendedNs;
    if (lag > Millisecond)
        ++counters.lateSends;
    counters.maxSendLagNs = std::max<std::uint64_t>(
        counters.maxSendLagNs, static_cast<std::uint64_t>(std::max<std::int64_t>(0, lag)));
    s.id = id;
    ++c.activeStreams;
    return true;
}

void LoadWorker::fillStreams(Conn &c, std::int64_t now)
{
    if (c.state != State::Session || c.goingAway || !nghttp2_session_check_request_allowed(c.h2)
        || !sending(now))
        return;
    const int limit = streamLimit(c);
    if (!m_rateMode) {
        while (c.activeStreams < limit && submitStream(c, now, now)) { }
        return;
    }
    if (c.hasRequest) {
        c.hasRequest = false;
        submitStream(c, c.intendedNs ? c.intendedNs : now, now);
        c.intendedNs = 0;
    }
    while (c.activeStreams < limit && m_backlogSize) {
        const std::int64_t intendedNs = takeBacklog();
        if (!submitStream(c, intendedNs, now)) {
            requeue(intendedNs);
            break;
        }
    }
}

bool LoadWorker::dispatchHttp2(std::int64_t intendedNs, std::int64_t now)
{
    Conn *best = nullptr;
    int opening = 0;
    for (Conn &c : m_conns) {
        if (c.state == State::Connecting || c.state == State::Handshaking)
            ++opening;
        if (c.state != State::Session || c.goingAway || c.activeStreams >= streamLimit(c))
            continue;
        if (!best || c.activeStreams < best->activeStreams)
            best = &c;
    }
    if (best && submitStream(*best, intendedNs, now)) {
        flushSession(*best, now);
        return true;
    }
    // No room: another connection, unless those being opened will take this request anyway.
    const auto waiting = static_cast<std::int64_t>(m_backlogSize) + 1;
    if (m_open < m_maxConnections && waiting > std::int64_t {opening} * m_shared.spec.streams) {
        for (Conn &c : m_conns) {
            if (c.state == State::Closed && !c.hasRequest) {
                c.intendedNs = intendedNs;
                c.hasRequest = true;
                openConn(c, now);
                return true;
            }
        }
    }
    return false; // waits in the backlog
}

void LoadWorker::flushSession(Conn &c, std::int64_t now)
{
    for (;;) {
        while (c.outOffset < c.out.size()) {
            const char *data = c.out.data() + c.outOffset;
            const std::size_t size = c.out.size() - c.outOffset;
            ssize_t n = 0;
            if (c.ssl) {
                ERR_clear_error();
                const int r = SSL_write(c.ssl, data, static_cast<int>(size));
                if (r <= 0) {
                    const int err = SSL_get_error(c.ssl, r);
                    if (err == SSL_ERROR_WANT_WRITE || err == SSL_ERROR_WANT_READ) {
                        setWantWrite(c, err == SSL_ERROR_WANT_WRITE);
                        return;
                    }
                    failSession(c, FailureKind::Reset,
                                "writing to " + m_shared.addressText + ": the TLS connection broke",
                                now);
                    return;
                }
                n = r;
            } else {
                n = ::send(c.fd, data, size, MSG_NOSIGNAL);
                if (n < 0) {
                    if (errno == EINTR)
                        continue;
                    if (errno == EAGAIN || errno == EWOULDBLOCK) {
                        setWantWrite(c, true);
                        return;
                    }
                    failSession(c, FailureKind::Reset,
                                "writing to " + m_shared.addressText + ": " + std::strerror(errno),
                                now);
                    return;
                }
            }
            c.outOffset += static_cast<std::size_t>(n);
            counters.bytesWritten += static_cast<std::uint64_t>(n);
        }
        c.out.clear();
        c.outOffset = 0;
        m_now = now;
        for (;;) {
            const std::uint8_t *data = nullptr;
            const ssize_t n = nghttp2_session_mem_send(c.h2, &data);
            if (n < 0) {
                failSession(c, FailureKind::ProtocolError,
                            "HTTP/2 with " + m_shared.addressText + ": "
                                + nghttp2_strerror(static_cast<int>(n)),
                            now);
                return;
            }
            if (n == 0)
                break;
            c.out.append(reinterpret_cast<const char *>(data), static_cast<std::size_t>(n));
            if (c.out.size() >= 256 * 1024)
                break;
        }
        if (c.out.empty()) {
            setWantWrite(c, false);
            return;
        }
    }
}

void LoadWorker::sessionEvent(Conn &c, std::uint32_t events, std::int64_t now)
{
    if (events & EPOLLOUT) {
        flushSession(c, now);
        if (c.state != State::Session)
            return;
    }
    if (events & (EPOLLIN | EPOLLERR | EPOLLHUP)) {
        for (;;) {
            const Received got = receive(c);
            if (got.kind == Received::Again)
                break;
            const std::size_t n = got.bytes;
            if (got.kind != Received::Data) {
                // A TLS failure mid-session ends it as a close does; the reason stays general.
                const std::string why
                    = got.kind == Received::Broken && c.ssl ? "broke the TLS connection" : got.why;
                const FailureKind kind = c.goingAway && c.goawayCode != NGHTTP2_NO_ERROR
                    ? FailureKind::GoAway
                    : FailureKind::Reset;
                const std::string detail = c.goingAway && c.goawayCode != NGHTTP2_NO_ERROR
                    ? m_shared.addressText + " ended the connection with GOAWAY ("
                        + codeText(c.goawayCode) + ") before answering"
                    : m_shared.addressText + " " + why + " with requests open";
                failSession(c, kind, detail, now);
                return;
            }
            if (c.firstRead && n >= 5 && std::memcmp(m_buffer.data(), "HTTP/", 5) == 0) {
                failSession(c, FailureKind::ProtocolError,
                            m_shared.addressText
                                + " answered in HTTP/1.1 to an HTTP/2 request: it does not speak "
                                  "h2c with prior knowledge (run without HTTP/2, or use https:// "
                                  "so that TLS can negotiate it)",
                            now);
                return;
            }
            c.firstRead = false;
            counters.bytesRead += n;
            m_now = now;
            const ssize_t used = nghttp2_session_mem_recv(
                c.h2, reinterpret_cast<const std::uint8_t *>(m_buffer.data()), n);
            if (used < 0) {
                failSession(c, FailureKind::ProtocolError,
                            "HTTP/2 protocol error from " + m_shared.addressText + ": "
                                + nghttp2_strerror(static_cast<int>(used)),
                            now);
                return;
            }
            if (!c.ssl && n < m_buffer.size())
                break;
        }
    }
    fillStreams(c, now);
    flushSession(c, now);
    if (c.state != State::Session)
        return;
    // A connection the server is ending, once its last stream is done, makes room for a new one.
    if ((c.goingAway && c.activeStreams == 0)
        || (!nghttp2_session_want_read(c.h2) && !nghttp2_session_want_write(c.h2))) {
        const bool answered = c.reused;
        closeConn(c);
        afterSession(c, answered, now);
    }
}

void LoadWorker::onStreamClosed(Stream &s, std::uint32_t errorCode, std::int64_t now)
{
    Conn &c = *s.conn;
    s.id = 0;
    --c.activeStreams;
    if (s.timedOut)
        return; // counted when it timed out
    if (errorCode == NGHTTP2_NO_ERROR && s.status == 200 && m_shared.grpc && s.grpcStatus < 0) {
        countFailure(FailureKind::ProtocolError,
                     m_shared.addressText + " answered /" + m_shared.spec.grpcMethod
                         + " without a grpc-status (no trailers): is it a gRPC server?",
                     now);
        return;
    }
    if (errorCode == NGHTTP2_NO_ERROR && s.status > 0) {
        record(now - s.intendedNs, now - s.sentNs, s.status, now,
               m_shared.grpc && s.status == 200 ? s.grpcStatus : -1);
        if (s.grpcStatus > 0 && !grpcMessages.count(s.grpcStatus))
            grpcMessages.emplace(s.grpcStatus, s.grpcMessage);
        if (s.bodyBytes > m_shared.spec.largeBodyBytes && now >= m_shared.measureStartNs)
            ++counters.oversizedBodies;
        c.reused = true;
        c.backoffNs = 0;
        return;
    }
    if (errorCode == NGHTTP2_REFUSED_STREAM && c.goingAway && !s.reset
        && c.goawayCode == NGHTTP2_NO_ERROR) {
        // Beyond a graceful GOAWAY's last stream: never processed, so it goes again on a fresh
        // connection (constant rate keeps its intended time; closed loop sends anew). A GOAWAY
        // with an error (ENHANCE_YOUR_CALM, say) counts them as failed instead: the server is
        // saying something the result must show.
        ++counters.keepAliveRetries;
        if (m_rateMode)
            requeue(s.intendedNs);
        return;
    }
    if (s.reset) {
        std::string detail
            = m_shared.addressText + " reset the request's stream (" + codeText(s.resetCode) + ")";
        if (s.resetCode == NGHTTP2_REFUSED_STREAM)
            detail += ": it refuses more concurrent streams; use fewer streams per connection";
        countFailure(FailureKind::StreamReset, detail, now);
    } else if (c.goingAway && c.goawayCode != NGHTTP2_NO_ERROR) {
        countFailure(FailureKind::GoAway,
                     m_shared.addressText + " ended the connection with GOAWAY ("
                         + codeText(c.goawayCode) + ") before answering",
                     now);
    } else {
        countFailure(FailureKind::ProtocolError,
                     errorCode == NGHTTP2_NO_ERROR
                         ? m_shared.addressText + " ended a stream without a response status"
                         : "HTTP/2 stream with " + m_shared.addressText + " failed ("
                             + codeText(errorCode) + ")",
                     now);
    }
}

void LoadWorker::expireStreams(Conn &c, std::int64_t now)
{
    bool cancelled = false;
    for (Stream &s : c.streams) {
        if (s.id == 0 || s.timedOut || now < s.deadlineNs)
            continue;
        countFailure(FailureKind::ReadTimeout,
                     "no complete response from " + m_shared.addressText
                         + " within the request timeout",
                     now);
        s.timedOut = true;
        nghttp2_submit_rst_stream(c.h2, NGHTTP2_FLAG_NONE, s.id, NGHTTP2_CANCEL);
        cancelled = true;
    }
    if (cancelled)
        flushSession(c, now);
}

void LoadWorker::failSession(Conn &c, FailureKind kind, const std::string &detail, std::int64_t now)
{
    for (Stream &s : c.streams) {
        if (s.id == 0 || s.timedOut)
            continue;
        if (c.goingAway && c.goawayCode == NGHTTP2_NO_ERROR && s.id > c.goawayLastStream) {
            // Never processed (beyond a graceful GOAWAY's last stream): sent again elsewhere.
            ++counters.keepAliveRetries;
            if (m_rateMode)
                requeue(s.intendedNs);
            continue;
        }
        countFailure(kind, detail, now);
    }
    const bool answered = c.reused;
    if (c.activeStreams == 0 && !answered)
        countFailure(kind, detail, now); // the connection failed before carrying anything
    closeConn(c);
    afterSession(c, answered, now);
}

void LoadWorker::afterSession(Conn &c, bool answered, std::int64_t now)
{
    c.hasRequest = false;
    if (!sending(now))
        return;
    if (!m_rateMode) {
        c.hasRequest = true;
        if (answered) {
            openConn(c, now);
        } else {
            c.backoffNs = std::clamp<std::int64_t>(c.backoffNs * 2, 10 * Millisecond, Second);
            c.retryAtNs = now + c.backoffNs;
        }
        return;
    }
    if (answered && (m_open < m_baseConnections || m_backlogSize))
        openConn(c, now);
}

} // namespace Meshdeck::Perf
