#pragma once

#include "streamticket.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <memory>
#include <mutex>

class QThread;
class QObject;

namespace Meshdeck::Demo {

// Serves the demo's exec and port-forward sessions on a thread of its own with an event loop:
// WebSocket sessions through QtWebSockets' server, raw SPDY sessions through a TCP server.
// Both listen on loopback ports that only the API server relays to: a relayed connection
// names its ticket (issued by admit() after the API server authorised the request) as its
// request path (WebSocket) or first line (SPDY), and a connection without a valid ticket is
// closed.
class StreamServer
{
public:
    StreamServer();
    ~StreamServer();
    StreamServer(const StreamServer &) = delete;
    StreamServer &operator=(const StreamServer &) = delete;

    bool start(); // false without a QCoreApplication or when no port can be bound
    void stop();
    [[nodiscard]] quint16 webSocketPort() const { return m_webSocketPort; }
    [[nodiscard]] quint16 spdyPort() const { return m_spdyPort; }

    // Thread-safe: keeps the ticket for one connection and returns its name.
    QByteArray admit(StreamTicket ticket);

private:
    struct Host;
    std::optional<StreamTicket> claim(const QByteArray &name);
    void fetch(const ContainerModel &model, const QString &url,
               std::function<void(int, QByteArray, QString)> done) const;

    std::unique_ptr<QThread> m_thread;
    QObject *m_context = nullptr; // lives on m_thread
    quint16 m_webSocketPort = 0;
    quint16 m_spdyPort = 0;
    std::mutex m_mutex;
    QHash<QByteArray, StreamTicket> m_tickets;
};

} // namespace Meshdeck::Demo
