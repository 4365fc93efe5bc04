#include "forwardsession.h"

#include "socketio.h"
#include "upgradedconnection.h"

#include <QCryptographicHash>

#include <wslay/wslay.h>

#include <poll.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <vector>

namespace Meshdeck::Demo {

namespace {

constexpr size_t kHigh = 4 << 20; // stop reading a side whose data the other cannot take
constexpr size_t kChunk = 256 * 1024;
constexpr size_t kHeader = 16; // a WebSocket frame header is at most 14 bytes
constexpr size_t kRecord = 16 * 1024; // a TLS record's payload
constexpr auto kPodCheck = std::chrono::seconds(1);
constexpr auto kFlushLimit = std::chrono::seconds(2);

// One of the pod's ports the client asked for.
struct Port
{
    int number = 0;
    int fd = -1;
    bool connecting = true;
    bool readOpen = true; // the pod may still send
    bool mayRead = true; // no read has met "would block" since the last poll said readable
    bool ended = false;
    bool finishWrite = false; // the client half-closed: shut the sending side once flushed
    bool writeShut = false;
    std::string toPod;
};

} // namespace

struct ForwardSession::State
{
    UpgradedConnection &client;
    StreamTicket ticket;
    QString protocol;
    int version = 1;
    bool base64 = false;
    wslay_event_context_ptr ws = nullptr;
    std::vector<Port> ports;
    std::string out; // held for the client: a frame header with the start of its payload
    size_t outAt = 0;
    bool clientOpen = true;
    bool moved = false; // bytes went to or came from the client in this step
    bool clientMayRead = true; // as Port::mayRead: a read that would block waits for a poll
    bool ending = false;
    bool closePending = false; // sent after the data (wslay sends control frames first)
    std::vector<char> buffer = std::vector<char>(kChunk + 1);

    State(UpgradedConnection &c, StreamTicket t, QString p)
        : client(c)
        , ticket(std::move(t))
        , protocol(std::move(p))
    {
    }

    // A read or write of the connection as wslay's callbacks answer it: the bytes moved, or -1
    // with "would block" or "failed" set.
    ssize_t moveResult(wslay_event_context_ptr ctx, long n)
    {
        moved = moved || n > 0;
        if (n > 0)
            return n;
        if (n == 0 && client.waitsFor() == POLLIN)
            clientMayRead = false;
        wslay_event_set_error(ctx, n == 0 ? WSLAY_ERR_WOULDBLOCK : WSLAY_ERR_CALLBACK_FAILURE);
        return -1;
    }

    // Queues a message whose first byte is the channel: wslay copies it.
    void queue(const char *message, size_t size)
    {
        wslay_event_msg msg {WSLAY_BINARY_FRAME, reinterpret_cast<const uint8_t *>(message), size};
        wslay_event_queue_msg(ws, &msg);
    }

    // Queues `data` on `channel`: after a byte for the channel, or in base64 after its digit.
    void send(int channel, const char *data, size_t size)
    {
        if (ending || !clientOpen)
            return;
        const QByteArray bytes = QByteArray::fromRawData(data, qsizetype(size));
        if (!base64) {
            const QByteArray message = char(channel) + bytes;
            queue(message.constData(), size_t(message.size()));
            return;
        }
        const QByteArray message = char('0' + channel) + bytes.toBase64();
        wslay_event_msg msg {WSLAY_TEXT_FRAME,
                             reinterpret_cast<const uint8_t *>(message.constData()),
                             size_t(message.size())};
        wslay_event_queue_msg(ws, &msg);
    }
    void send(int channel, const QByteArray &data)
    {
        send(channel, data.constData(), size_t(data.size()));
    }

    void endPort(size_t i, const QString &error)
    {
        Port &p = ports[i];
        if (p.ended)
            return;
        p.ended = true;
        if (!error.isEmpty())
            send(int(2 * i + 1), error.toUtf8());
        if (p.fd >= 0)
            ::close(p.fd);
        p.fd = -1;
        bool all = true;
        for (const Port &q : ports)
            all = all && q.ended;
        if (all)
            finish();
    }

    void finish()
    {
        if (ending)
            return;
        ending = true;
        closePending = clientOpen;
    }

    void onMessage(const wslay_event_on_msg_recv_arg &arg)
    {
        if (arg.opcode != WSLAY_BINARY_FRAME && arg.opcode != WSLAY_TEXT_FRAME)
            return; // pings are answered, closes acknowledged, by wslay
        if (arg.msg_length == 0)
            return;
        QByteArray data = QByteArray::fromRawData(reinterpret_cast<const char *>(arg.msg),
                                                  qsizetype(arg.msg_length));
        int channel = uchar(data.at(0));
        data = data.mid(1);
        if (base64) {
            channel -= '0';
            data = QByteArray::fromBase64(data);
        }
        if (channel == 255 && version >= 5 && !data.isEmpty()) {
            const size_t i = uchar(data.at(0)) / 2;
            if (i < ports.size() && !ports[i].ended)
                ports[i].finishWrite = true;
            return;
        }
        const size_t i = size_t(channel) / 2;
        if (channel < 0 || channel % 2 != 0 || i >= ports.size() || ports[i].ended
            || data.isEmpty())
            return;
        Port &p = ports[i];
        if (p.connecting)
            p.toPod.append(data.constData(), size_t(data.size()));
        else if (!push(p.fd, p.toPod, std::string_view(data.constData(), size_t(data.size()))))
            endPort(i, failed(p.number));
    }

    QString failed(int port) const
    {
        return QStringLiteral("error forwarding port %1 to pod %2: the connection to the pod "
                              "failed")
            .arg(port)
            .arg(ticket.pod);
    }

    void flushHeld(bool *progressed)
    {
        while (clientOpen && outAt < out.size()) {
            const long n = client.writeSome(out.data() + outAt, out.size() - outAt);
            if (n < 0)
                clientOpen = false;
            if (n <= 0)
                break;
            outAt += size_t(n);
            *progressed = true;
        }
        if (outAt == out.size()) {
            out.clear();
            outAt = 0;
        }
    }

    // Whether to read from the client: it may send, and no pod's queue is full.
    [[nodiscard]] bool readable() const
    {
        for (const Port &p : ports)
            if (p.toPod.size() >= kHigh)
                return false;
        return clientOpen && wslay_event_want_read(ws);
    }

    // Moves what can move without waiting; true when anything did.
    bool step()
    {
        moved = false;
        bool progressed = false;
        // To the client: what is held first, then what wslay has queued.
        if (closePending && wslay_event_get_queued_msg_count(ws) == 0) {
            closePending = false;
            wslay_event_queue_close(ws, WSLAY_CODE_NORMAL_CLOSURE, nullptr, 0);
        }
        for (int round = 0; round < 2 && clientOpen; ++round) {
            flushHeld(&progressed);
            if (outAt < out.size() || !wslay_event_want_write(ws))
                break;
            if (wslay_event_send(ws) != 0)
                clientOpen = false;
            progressed = progressed || moved;
        }
        // From the client, unless a pod cannot take more. A read that would block is not tried
        // again before a poll says there is more: a system call saved each step.
        if (readable() && (clientMayRead || client.hasBuffered())) {
            if (wslay_event_recv(ws) != 0)
                clientOpen = false;
            progressed = progressed || moved;
            if (wslay_event_get_close_received(ws))
                finish(); // acknowledged by wslay; the ports close with the session
        }
        // To and from the pods.
        for (size_t i = 0; i < ports.size(); ++i) {
            Port &p = ports[i];
            if (p.ended)
                continue;
            if (p.connecting) {
                pollfd w {p.fd, POLLOUT, 0};
                if (::poll(&w, 1, 0) <= 0)
                    continue;
                int error = 0;
                socklen_t n = sizeof error;
                ::getsockopt(p.fd, SOL_SOCKET, SO_ERROR, &error, &n);
                if (error != 0) {
                    endPort(i, refused(p.number, {}));
                    continue;
                }
                p.connecting = false;
                progressed = true;
            }
            if (!p.toPod.empty()) {
                const size_t before = p.toPod.size();
                if (!push(p.fd, p.toPod, {})) {
                    endPort(i, failed(p.number));
                    continue;
                }
                progressed = progressed || p.toPod.size() != before;
            }
            if (p.finishWrite && !p.writeShut && p.toPod.empty()) {
                ::shutdown(p.fd, SHUT_WR);
                p.writeShut = true;
            }
            if (p.readOpen && p.mayRead && wslay_event_get_queued_msg_length(ws) < kHigh) {
                // Read after a byte for the channel, so that the message is made in place.
                const ssize_t n = ::recv(p.fd, buffer.data() + 1, kChunk, 0);
                if (n > 0) {
                    buffer[0] = char(2 * i);
                    if (base64 || ending)
                        send(int(2 * i), buffer.data() + 1, size_t(n));
                    else // the message made in place
                        queue(buffer.data(), size_t(n) + 1);
                    progressed = true;
                } else if (n < 0 && errno == EAGAIN) {
                    p.mayRead = false;
                } else if (n == 0 || errno != EINTR) {
                    p.readOpen = false;
                    endPort(i,
                            n == 0 ? QString()
                                   : QStringLiteral("error forwarding port %1 to pod %2: %3")
                                         .arg(p.number)
                                         .arg(ticket.pod,
                                              QString::fromLocal8Bit(std::strerror(errno))));
                    progressed = true;
                }
            }
        }
        return progressed;
    }

    QString refused(int port, const QString &why) const
    {
        return QStringLiteral("error forwarding port %1 to pod %2: failed to connect to "
                              "localhost:%1 inside the pod: connection refused%3")
            .arg(port)
            .arg(ticket.pod, why);
    }

    void wait(int timeoutMs)
    {
        std::vector<pollfd> fds;
        pollfd c {client.fd(), 0, 0};
        if (clientOpen) {
            if (outAt < out.size() || wslay_event_want_write(ws))
                c.events |= client.waitsFor() ? client.waitsFor() : POLLOUT;
            if (readable())
                c.events |= POLLIN;
        }
        fds.push_back(c);
        for (const Port &p : ports) {
            if (p.ended)
                continue;
            pollfd f {p.fd, 0, 0};
            if (p.connecting || !p.toPod.empty())
                f.events |= POLLOUT;
            if (p.readOpen && !p.connecting)
                f.events |= POLLIN;
            fds.push_back(f);
        }
        if (::poll(fds.data(), nfds_t(fds.size()), timeoutMs) <= 0)
            return;
        constexpr short kReadable = POLLIN | POLLHUP | POLLERR;
        clientMayRead = clientMayRead || (fds[0].revents & kReadable);
        size_t at = 1; // the ports polled, in order, after the client
        for (Port &p : ports)
            if (!p.ended)
                p.mayRead = p.mayRead || (fds[at++].revents & kReadable);
    }
};

QString ForwardSession::choose(const QStringList &offered, bool *refused)
{
    *refused = false;
    if (offered.isEmpty())
        return {};
    const QStringList supported = StreamTicket::channelProtocols();
    for (const QString &p : offered)
        if (supported.contains(p))
            return p;
    *refused = true;
    return {};
}

std::string ForwardSession::handshakeAnswer(const std::string &key, const QString &protocol)
{
    const QByteArray accept
        = QCryptographicHash::hash(QByteArray::fromStdString(key)
                                       + QByteArrayLiteral("258EAFA5-E914-47DA-95CA-C5AB0DC85B11"),
                                   QCryptographicHash::Sha1)
              .toBase64();
    std::string answer = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                         "Connection: Upgrade\r\nSec-WebSocket-Accept: "
        + accept.toStdString() + "\r\n";
    if (!protocol.isEmpty())
        answer += "Sec-WebSocket-Protocol: " + protocol.toStdString() + "\r\n";
    return answer + "\r\n";
}

ForwardSession::ForwardSession(UpgradedConnection &client, StreamTicket ticket,
                               const QString &protocol)
    : d(std::make_unique<State>(client, std::move(ticket), protocol))
{
    for (int v = 5; v >= 2; --v)
        if (protocol.startsWith(QStringLiteral("v%1.").arg(v)))
            d->version = v;
    d->base64 = protocol.contains(QLatin1String("base64."));
}

ForwardSession::~ForwardSession()
{
    for (const Port &p : d->ports)
        if (p.fd >= 0)
            ::close(p.fd);
    if (d->ws)
        wslay_event_context_free(d->ws);
}

void ForwardSession::run(const std::string &key, const std::atomic_bool &stopping)
{
    State &s = *d;
    if (!s.client.writeAll(handshakeAnswer(key, s.protocol)))
        return;
    s.client.setNonBlocking();

    wslay_event_callbacks callbacks {};
    callbacks.recv_callback
        = [](wslay_event_context_ptr ctx, uint8_t *buf, size_t len, int, void *user) -> ssize_t {
        auto &state = *static_cast<State *>(user);
        return state.moveResult(ctx, state.client.readSome(buf, len));
    };
    // Payloads go to the connection directly; a frame's header (a few bytes, flagged "more")
    // is held and sent with the start of its payload, in one TLS record.
    callbacks.send_callback = [](wslay_event_context_ptr ctx, const uint8_t *data, size_t len,
                                 int flags, void *user) -> ssize_t {
        auto &state = *static_cast<State *>(user);
        const char *bytes = reinterpret_cast<const char *>(data);
        const size_t held = state.out.size() - state.outAt;
        if (held > 0 && held < kHeader) {
            const size_t n = std::min<size_t>(len, kRecord - held);
            state.out.append(bytes, n);
            state.moved = true;
            return ssize_t(n);
        }
        if (held > 0) {
            wslay_event_set_error(ctx, WSLAY_ERR_WOULDBLOCK);
            return -1;
        }
        if ((flags & WSLAY_MSG_MORE) && len < kHeader) {
            state.out.assign(bytes, len);
            state.outAt = 0;
            state.moved = true;
            return ssize_t(len);
        }
        return state.moveResult(ctx, state.client.writeSome(bytes, len));
    };
    callbacks.on_msg_recv_callback
        = [](wslay_event_context_ptr, const wslay_event_on_msg_recv_arg *arg, void *user) {
              static_cast<State *>(user)->onMessage(*arg);
          };
    if (wslay_event_context_server_init(&s.ws, &callbacks, &s) != 0)
        return;
    wslay_event_config_set_max_recv_msg_length(s.ws, 64u << 20);

    // Each port opens both its channels with its number, then connects inside the pod.
    for (int number : s.ticket.ports) {
        Port p;
        p.number = number;
        const quint16 target = s.ticket.targets.value(number);
        p.fd = target ? connectLoopback(target) : -1;
        s.ports.push_back(std::move(p));
    }
    for (size_t i = 0; i < s.ports.size(); ++i) {
        const char prefix[2]
            = {char(s.ports[i].number & 0xff), char((s.ports[i].number >> 8) & 0xff)};
        s.send(int(2 * i), prefix, 2);
        s.send(int(2 * i + 1), prefix, 2);
    }
    for (size_t i = 0; i < s.ports.size(); ++i)
        if (s.ports[i].fd < 0)
            s.endPort(i,
                      s.refused(s.ports[i].number,
                                s.ticket.targets.value(s.ports[i].number)
                                    ? QString()
                                    : QStringLiteral(" (nothing listens on that port)")));

    using Clock = std::chrono::steady_clock;
    auto nextCheck = Clock::now() + kPodCheck;
    Clock::time_point endBy {};
    while (!stopping) {
        if (s.ending && endBy == Clock::time_point {})
            endBy = Clock::now() + kFlushLimit;
        const bool flushed
            = !s.closePending && !wslay_event_want_write(s.ws) && s.outAt == s.out.size();
        if (!s.clientOpen || (s.ending && flushed))
            break;
        if (s.ending && Clock::now() > endBy)
            break;
        if (Clock::now() >= nextCheck) {
            nextCheck = Clock::now() + kPodCheck;
            if (s.ticket.alive && !s.ticket.alive()) {
                // The pod is gone: its ports close, and each error channel says why.
                for (size_t i = 0; i < s.ports.size(); ++i)
                    if (!s.ports[i].ended)
                        s.send(int(2 * i + 1), s.ticket.podGone());
                for (size_t i = 0; i < s.ports.size(); ++i)
                    s.endPort(i, {});
                s.finish();
                continue;
            }
        }
        // TLS may hold decrypted bytes the socket no longer shows: read them before polling.
        if (s.step() || (s.client.hasBuffered() && s.readable()))
            continue;
        const auto untilCheck
            = std::chrono::duration_cast<std::chrono::milliseconds>(nextCheck - Clock::now())
                  .count();
        s.wait(int(std::clamp<long long>(untilCheck, 1, 250)));
    }
}

} // namespace Meshdeck::Demo
