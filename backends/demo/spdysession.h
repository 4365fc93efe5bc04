#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>
#include <memory>

namespace Meshdeck::Demo {

// The server side of a SPDY/3.1 connection, as kubectl and client-go still speak it for exec and
// port-forward (raw after an Upgrade: SPDY/3.1, or tunnelled in WebSocket binary messages):
// SYN_STREAM/SYN_REPLY with zlib-compressed header blocks (the SPDY/3 dictionary), data
// frames with FIN, RST_STREAM, PING, GOAWAY. Bytes in through feed(), bytes out through the
// `write` event. Flow-control windows are not enforced: the peers it serves send
// WINDOW_UPDATE frames only as advice.
class SpdySession
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>; // lower-case names
    struct Events
    {
        std::function<void(quint32 stream, const Headers &headers, bool fin)> opened;
        std::function<void(quint32 stream, const QByteArray &data)> data;
        std::function<void(quint32 stream)> finished; // the peer half-closed the stream
        std::function<void(quint32 stream)> reset;
        std::function<void(const QByteArray &bytes)> write;
    };

    explicit SpdySession(Events events);
    ~SpdySession();
    SpdySession(const SpdySession &) = delete;
    SpdySession &operator=(const SpdySession &) = delete;

    // Consumes bytes from the peer; false on a protocol error (the session must end; *error
    // says why).
    bool feed(const QByteArray &bytes, QString *error);
    void reply(quint32 stream, const Headers &headers = {});
    void send(quint32 stream, const QByteArray &data, bool fin = false);
    void reset(quint32 stream, quint32 status = 5 /* CANCEL */);
    void goAway();

    [[nodiscard]] static QByteArray headerValue(const Headers &headers, const QByteArray &name);

private:
    bool control(quint16 type, quint8 flags, const QByteArray &payload, QString *error);
    bool inflateHeaders(const QByteArray &block, Headers *headers, QString *error);
    QByteArray deflateHeaders(const Headers &headers);

    struct Zlib;
    Events m_events;
    std::unique_ptr<Zlib> m_zlib;
    QByteArray m_buffer;
};

} // namespace Meshdeck::Demo
