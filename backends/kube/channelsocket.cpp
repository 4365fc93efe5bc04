#include "channelsocket.h"

#include "kubeclient.h"

#include <core/upgradedstream.h>

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <wslay/wslay.h>

namespace Meshdeck::Kube {

namespace {

// Writes go out in pieces of at most this: large enough for full TLS records, small enough
// that a busy connection keeps taking them.
constexpr qsizetype kWriteSlice = 256 * 1024;

ChannelSocket &self(void *user)
{
    return *static_cast<ChannelSocket *>(user);
}

} // namespace

ChannelSocket::~ChannelSocket()
{
    if (m_ws)
        wslay_event_context_free(m_ws);
}

int ChannelSocket::socket() const
{
    return m_stream->socket();
}

bool ChannelSocket::resumedSession() const
{
    return m_stream && m_stream->resumedSession();
}

Result<std::unique_ptr<ChannelSocket>> ChannelSocket::open(KubeClient &client, const QString &path,
                                                           const QStringList &protocols,
                                                           const QString &what,
                                                           const CancelToken &cancel)
{
    auto request = client.upgradeRequest(path);
    if (!request.ok())
        return Unexpected(request.error());
    QByteArray nonce(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(nonce.data()), 4);
    const QByteArray key = nonce.toBase64();
    request->headers << HttpHeader {"Upgrade", "websocket"} << HttpHeader {"Connection", "Upgrade"}
                     << HttpHeader {"Sec-WebSocket-Key", key}
                     << HttpHeader {"Sec-WebSocket-Version", "13"}
                     << HttpHeader {"Sec-WebSocket-Protocol",
                                    protocols.join(QStringLiteral(", ")).toLatin1()};
    auto stream
        = UpgradedStream::open(*request, std::chrono::milliseconds(kHandshakeTimeoutMs), cancel);
    if (!stream.ok()) {
        if (stream.error().code() == ErrorCode::Timeout)
            return Unexpected(Error(ErrorCode::Timeout,
                                    tr("Cannot %1: the API server did not answer within %2 s. "
                                       "Check that it is up and reachable.")
                                        .arg(what)
                                        .arg(kHandshakeTimeoutMs / 1000),
                                    stream.error().message(), true));
        return Unexpected(Error(stream.error().code(),
                                tr("Cannot %1: %2").arg(what, stream.error().message()),
                                stream.error().detail(), stream.error().retryable()));
    }
    const HttpResponse &answer = (*stream)->response();
    if (answer.status != 101)
        return Unexpected(refusal(client, path, answer, what, cancel));
    const QByteArray accept = QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                                       QCryptographicHash::Sha1)
                                  .toBase64();
    const QByteArray protocol = answer.header("Sec-WebSocket-Protocol");
    if (answer.header("Sec-WebSocket-Accept") != accept
        || answer.header("Upgrade").compare("websocket", Qt::CaseInsensitive) != 0
        || (!protocol.isEmpty() && !protocols.contains(QString::fromLatin1(protocol))))
        return Unexpected(Error(ErrorCode::ProtocolError,
                                tr("Cannot %1: the server's answer to the WebSocket request is "
                                   "not valid (a proxy in between may not pass WebSockets).")
                                    .arg(what)));

    std::unique_ptr<ChannelSocket> s(new ChannelSocket);
    s->m_stream = std::move(*stream);
    s->m_protocol = protocol.isEmpty() ? protocols.value(0).toLatin1() : protocol;
    wslay_event_callbacks callbacks {};
    callbacks.recv_callback
        = [](wslay_event_context_ptr ctx, uint8_t *buf, size_t len, int, void *user) -> ssize_t {
        ChannelSocket &s = self(user);
        // wslay asks for 4 KiB at a time; TLS gives a whole record (16 KiB) per read, and each
        // read has its cost: the records are read into m_in, and handed out from there.
        qsizetype n = UpgradedStream::WouldBlock;
        if (!s.m_paused && s.m_inAt == s.m_inEnd) {
            n = s.m_stream->read(s.m_in.data(), s.m_in.size());
            s.m_inAt = 0;
            s.m_inEnd = std::max<qsizetype>(n, 0);
        }
        if (!s.m_paused && s.m_inAt < s.m_inEnd) {
            const qsizetype take = std::min(qsizetype(len), s.m_inEnd - s.m_inAt);
            std::memcpy(buf, s.m_in.constData() + s.m_inAt, size_t(take));
            s.m_inAt += take;
            return take;
        }
        if (n == 0)
            s.m_peerClosed = true;
        if (n == UpgradedStream::Failed)
            s.m_error = s.m_stream->errorString();
        wslay_event_set_error(ctx,
                              n == UpgradedStream::WouldBlock ? WSLAY_ERR_WOULDBLOCK
                                                              : WSLAY_ERR_CALLBACK_FAILURE);
        return -1;
    };
    // Every frame is taken; the connection is written from m_out, outside wslay.
    callbacks.send_callback
        = [](wslay_event_context_ptr, const uint8_t *data, size_t len, int, void *user) -> ssize_t {
        self(user).m_next.append(reinterpret_cast<const char *>(data), qsizetype(len));
        return ssize_t(len);
    };
    callbacks.genmask_callback
        = [](wslay_event_context_ptr, uint8_t *buf, size_t len, void *) -> int {
        for (size_t i = 0; i < len; ++i)
            buf[i] = uint8_t(QRandomGenerator::global()->generate());
        return 0;
    };
    callbacks.on_frame_recv_start_callback
        = [](wslay_event_context_ptr, const wslay_event_on_frame_recv_start_arg *arg, void *user) {
              ChannelSocket &s = self(user);
              s.m_dataFrame = arg->opcode == WSLAY_BINARY_FRAME
                  || (arg->opcode == WSLAY_CONTINUATION_FRAME && s.m_channel >= 0);
              if (arg->opcode == WSLAY_BINARY_FRAME)
                  s.m_channelNext = true;
              else if (arg->opcode == WSLAY_TEXT_FRAME)
                  s.m_channel = -1; // the base64 protocols are not offered
          };
    callbacks.on_frame_recv_chunk_callback
        = [](wslay_event_context_ptr, const wslay_event_on_frame_recv_chunk_arg *arg, void *user) {
              ChannelSocket &s = self(user);
              if (!s.m_dataFrame || arg->data_length == 0)
                  return;
              const char *data = reinterpret_cast<const char *>(arg->data);
              size_t size = arg->data_length;
              if (s.m_channelNext) {
                  s.m_channel = uint8_t(data[0]);
                  s.m_channelNext = false;
                  ++data;
                  --size;
              }
              if (size > 0 && s.onData && !s.onData(s.m_channel, data, size))
                  s.m_paused = true;
          };
    if (wslay_event_context_client_init(&s->m_ws, &callbacks, s.get()) != 0)
        return Unexpected(Error(ErrorCode::Unknown, tr("Cannot %1: out of memory.").arg(what)));
    wslay_event_config_set_no_buffering(s->m_ws, 1);
    return s;
}

Error ChannelSocket::refusal(KubeClient &client, const QString &path, const HttpResponse &answer,
                             const QString &what, const CancelToken &cancel)
{
    Error why = client.statusError(answer.status, answer.body, "GET", path);
    if (QJsonDocument::fromJson(answer.body).object().value(QLatin1String("kind")).toString()
        != QLatin1String("Status")) {
        const auto plain = client.get(path, cancel); // stopping the stream stops it too
        if (!plain.ok())
            why = plain.error();
    }
    if (why.message().contains(QLatin1String("Upgrade request required"))
        || why.message().contains(QLatin1String("unable to upgrade"), Qt::CaseInsensitive))
        return Error(ErrorCode::Unsupported,
                     tr("Cannot %1: the API server refused the WebSocket upgrade%2. It may speak "
                        "only SPDY for streams (Kubernetes before 1.29, or a proxy in front of it "
                        "that does not pass WebSockets); Meshdeck needs WebSocket support, "
                        "kubectl can still use SPDY there.")
                         .arg(what, tr(" (HTTP %1)").arg(answer.status)),
                     why.detail());
    return Error(why.code(), tr("Cannot %1: %2").arg(what, why.message()), why.detail(),
                 why.retryable());
}

void ChannelSocket::send(int channel, const char *data, size_t size)
{
    QByteArray message(qsizetype(size) + 1, Qt::Uninitialized);
    message[0] = char(channel);
    std::memcpy(message.data() + 1, data, size);
    const wslay_event_msg msg {WSLAY_BINARY_FRAME,
                               reinterpret_cast<const uint8_t *>(message.constData()),
                               size_t(message.size())};
    wslay_event_queue_msg(m_ws, &msg);
}

void ChannelSocket::ping()
{
    const wslay_event_msg msg {WSLAY_PING, nullptr, 0};
    wslay_event_queue_msg(m_ws, &msg);
}

void ChannelSocket::close()
{
    m_closing = true;
}

bool ChannelSocket::flush()
{
    for (;;) {
        if (m_outAt == m_out.size()) {
            if (m_next.isEmpty())
                return true;
            std::swap(m_out, m_next);
            m_next.resize(0);
            m_outAt = 0;
        }
        const qsizetype n = m_stream->write(m_out.constData() + m_outAt,
                                            std::min(kWriteSlice, m_out.size() - m_outAt));
        if (n == UpgradedStream::Failed) {
            m_error = m_stream->errorString();
            return false;
        }
        if (n == 0)
            return true; // retried with the same piece when the socket takes more
        m_outAt += n;
    }
}

bool ChannelSocket::pump(bool mayRead)
{
    // The close frame after the data: wslay would send a queued control frame first.
    if (m_closing && wslay_event_get_queued_msg_count(m_ws) == 0
        && !wslay_event_get_close_sent(m_ws))
        wslay_event_queue_close(m_ws, WSLAY_CODE_NORMAL_CLOSURE, nullptr, 0);
    if (wslay_event_want_write(m_ws) && wslay_event_send(m_ws) != 0 && m_error.isEmpty())
        m_error = tr("The WebSocket connection failed while sending.");
    if (!flush())
        return false;
    if (mayRead && wslay_event_want_read(m_ws)) {
        m_paused = false;
        if (wslay_event_recv(m_ws) != 0) {
            if (!m_peerClosed && m_error.isEmpty())
                m_error = tr("The API server sent something that is not a WebSocket frame.");
            return false;
        }
        // A close received is answered (queued by wslay): send it.
        if (wslay_event_want_write(m_ws))
            wslay_event_send(m_ws);
        if (!flush())
            return false;
    }
    if (!m_error.isEmpty())
        return false;
    // Over once the peer's close came (wslay's answer to it sent above).
    return !wslay_event_get_close_received(m_ws);
}

bool ChannelSocket::wantsWrite() const
{
    return m_outAt < m_out.size() || !m_next.isEmpty() || wslay_event_want_write(m_ws);
}

bool ChannelSocket::wantsRead() const
{
    return wslay_event_want_read(m_ws);
}

size_t ChannelSocket::queuedBytes() const
{
    return wslay_event_get_queued_msg_length(m_ws) + size_t(m_next.size())
        + size_t(m_out.size() - m_outAt);
}

} // namespace Meshdeck::Kube
