#include "channelsession.h"

#include "delayedcall.h"

#include <QWebSocket>

namespace Meshdeck::Demo {

namespace {
constexpr int kStartDelayMs = 100;
}

ChannelSession::ChannelSession(QWebSocket *socket, StreamTicket ticket, DemoShell::Fetch fetch,
                               QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_ticket(std::move(ticket))
{
    socket->setParent(this);
    const QString protocol = socket->subprotocol();
    if (protocol.startsWith(QLatin1String("v5.")))
        m_version = 5;
    else if (protocol.startsWith(QLatin1String("v4.")))
        m_version = 4;
    else if (protocol.startsWith(QLatin1String("v3.")))
        m_version = 3;
    else if (protocol.startsWith(QLatin1String("v2.")))
        m_version = 2;
    m_base64 = protocol.contains(QLatin1String("base64."));
    connect(socket, &QWebSocket::binaryMessageReceived, this, &ChannelSession::onMessage);
    // Some clients (the Python one) send text frames in the same layout: channel, then data.
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &message) { onMessage(message.toUtf8()); });
    connect(socket, &QWebSocket::disconnected, this, [this] {
        end();
        deleteLater();
    });
    startExec(std::move(fetch));
    watchPod();
}

void ChannelSession::watchPod()
{
    callLater(this, 1000, [this] {
        if (m_ended || !m_ticket.alive)
            return;
        if (m_ticket.alive())
            return watchPod();
        // The pod is gone: its processes were killed, its ports close.
        if (m_shell && !m_shell->finished())
            send(3, StreamTicket::exitReport(137, m_ticket.command, m_version >= 4));
        end();
    });
}

ChannelSession::~ChannelSession() = default;

void ChannelSession::send(int channel, const QByteArray &data)
{
    if (!m_socket || m_ended)
        return;
    if (m_base64)
        m_socket->sendTextMessage(QLatin1Char(char('0' + channel))
                                  + QString::fromLatin1(data.toBase64()));
    else
        m_socket->sendBinaryMessage(char(channel) + data);
}

void ChannelSession::startExec(DemoShell::Fetch fetch)
{
    m_shell = new DemoShell(
        m_ticket.container,
        [this](int fd, const QByteArray &data) {
            const int channel = fd == 2 && !m_ticket.tty ? 2 : 1;
            if (channel == 2 ? m_ticket.stderrOpen : m_ticket.stdoutOpen)
                send(channel, data);
        },
        [this](int code) {
            if (m_version >= 4 || code != 0)
                send(3, StreamTicket::exitReport(code, m_ticket.command, m_version >= 4));
            end();
        },
        std::move(fetch), this);
    // The command starts a moment after the handshake, as a runtime's exec does (client-go
    // sets up its channels only once the WebSocket is open, and drops what arrives on one it
    // has not set up yet), or at once when the client sends something: it is ready.
    callLater(m_shell, kStartDelayMs, [this] {
        if (!m_shell->started())
            m_shell->start(m_ticket.command, m_ticket.tty);
    });
}

void ChannelSession::onMessage(const QByteArray &message)
{
    if (message.isEmpty())
        return;
    const int channel = m_base64 ? message.at(0) - '0' : uchar(message.at(0));
    const QByteArray data = m_base64 ? QByteArray::fromBase64(message.mid(1)) : message.mid(1);
    if (!m_shell)
        return;
    if (!m_shell->started()) // the client is ready: it talks
        m_shell->start(m_ticket.command, m_ticket.tty);
    if (channel == 0 && m_ticket.stdinOpen)
        m_shell->input(data);
    else if (channel == 255 && m_version >= 5 && data.startsWith('\0'))
        m_shell->inputClosed();
    // 4 (resize): the demo's shell writes no full-screen output, so the size changes nothing
}

void ChannelSession::end()
{
    if (m_ended)
        return;
    m_ended = true;
    if (m_socket)
        m_socket->close();
}

} // namespace Meshdeck::Demo
