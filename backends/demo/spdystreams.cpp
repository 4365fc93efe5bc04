#include "spdystreams.h"

#include "delayedcall.h"
#include "forwardlink.h"

#include <QTcpSocket>
#include <QWebSocket>

namespace Meshdeck::Demo {

SpdyStreams::SpdyStreams(QTcpSocket *socket, StreamTicket ticket, DemoShell::Fetch fetch,
                         QObject *parent)
    : QObject(parent)
    , m_tcp(socket)
    , m_ticket(std::move(ticket))
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, [this] { feed(m_tcp->readAll()); });
    connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    init(std::move(fetch));
    if (socket->bytesAvailable())
        feed(socket->readAll());
}

SpdyStreams::SpdyStreams(QWebSocket *socket, StreamTicket ticket, DemoShell::Fetch fetch,
                         QObject *parent)
    : QObject(parent)
    , m_ws(socket)
    , m_ticket(std::move(ticket))
{
    socket->setParent(this);
    connect(socket, &QWebSocket::binaryMessageReceived, this, &SpdyStreams::feed);
    connect(socket, &QWebSocket::disconnected, this, &QObject::deleteLater);
    init(std::move(fetch));
}

SpdyStreams::~SpdyStreams()
{
    m_closed = true;
    for (const Forward &f : std::as_const(m_forwards))
        if (f.link)
            f.link->close();
}

void SpdyStreams::init(DemoShell::Fetch fetch)
{
    m_fetch = std::move(fetch);
    SpdySession::Events events;
    events.write = [this](const QByteArray &bytes) {
        if (m_closed)
            return;
        if (m_tcp)
            m_tcp->write(bytes);
        else if (m_ws)
            m_ws->sendBinaryMessage(bytes);
    };
    events.opened = [this](quint32 stream, const SpdySession::Headers &headers, bool) {
        onOpened(stream, headers);
    };
    events.data = [this](quint32 stream, const QByteArray &data) {
        onData(stream, data);
    };
    events.finished = [this](quint32 stream) {
        onFinished(stream);
    };
    events.reset = [this](quint32 stream) {
        for (auto it = m_forwards.begin(); it != m_forwards.end(); ++it)
            if (it->data == stream && it->link)
                it->link->close();
    };
    m_session = std::make_unique<SpdySession>(std::move(events));
    watchPod();
}

void SpdyStreams::watchPod()
{
    callLater(this, 1000, [this] {
        if (m_closed || !m_ticket.alive)
            return;
        if (m_ticket.alive())
            return watchPod();
        if (const quint32 error = m_execStreams.value("error"))
            m_session->send(error, StreamTicket::exitReport(137, m_ticket.command, jsonStatus()),
                            true);
        for (const Forward &f : std::as_const(m_forwards))
            if (f.error)
                m_session->send(f.error, m_ticket.podGone(), true);
        m_session->goAway();
        closeTransport();
    });
}

void SpdyStreams::feed(const QByteArray &bytes)
{
    QString error;
    if (!m_closed && !m_session->feed(bytes, &error)) {
        m_session->goAway();
        closeTransport();
    }
}

void SpdyStreams::onOpened(quint32 stream, const SpdySession::Headers &headers)
{
    const QByteArray type = SpdySession::headerValue(headers, "streamtype");
    m_session->reply(stream);
    if (m_ticket.kind != StreamTicket::Kind::PortForward) {
        m_execStreams.insert(type, stream);
        startExecIfReady();
        return;
    }
    const QByteArray portText = SpdySession::headerValue(headers, "port");
    QByteArray request = SpdySession::headerValue(headers, "requestid");
    if (request.isEmpty())
        request = portText;
    Forward &f = m_forwards[request];
    f.port = portText.toInt();
    if (type == "error") {
        f.error = stream;
        return;
    }
    if (type != "data") {
        m_session->reset(stream, 1 /* PROTOCOL_ERROR */);
        return;
    }
    f.data = stream;
    auto *link = new ForwardLink(m_ticket.pod, f.port, m_ticket.targets.value(f.port), this);
    f.link = link;
    connect(link, &ForwardLink::received, this,
            [this, stream](const QByteArray &data) { m_session->send(stream, data); });
    connect(link, &ForwardLink::ended, this, [this, request](const QString &error) {
        const Forward f = m_forwards.take(request);
        if (m_closed)
            return;
        if (f.error)
            m_session->send(f.error, error.toUtf8(), true);
        m_session->send(f.data, {}, true);
        if (f.link)
            f.link->deleteLater();
    });
}

void SpdyStreams::onData(quint32 stream, const QByteArray &data)
{
    if (m_ticket.kind == StreamTicket::Kind::PortForward) {
        for (const Forward &f : std::as_const(m_forwards))
            if (f.data == stream && f.link)
                f.link->write(data);
        return;
    }
    if (m_shell && m_execStreams.value("stdin") == stream)
        m_shell->input(data);
}

void SpdyStreams::onFinished(quint32 stream)
{
    if (m_ticket.kind == StreamTicket::Kind::PortForward) {
        for (const Forward &f : std::as_const(m_forwards))
            if (f.data == stream && f.link)
                f.link->finishWrite();
        return;
    }
    if (m_shell && m_execStreams.value("stdin") == stream)
        m_shell->inputClosed();
}

void SpdyStreams::startExecIfReady()
{
    if (m_shell || !m_execStreams.contains("error")
        || (m_ticket.stdinOpen && !m_execStreams.contains("stdin"))
        || (m_ticket.stdoutOpen && !m_execStreams.contains("stdout"))
        || (m_ticket.stderrOpen && !m_ticket.tty && !m_execStreams.contains("stderr")))
        return;
    m_shell = new DemoShell(
        m_ticket.container,
        [this](int fd, const QByteArray &data) {
            const bool err = fd == 2 && !m_ticket.tty;
            const quint32 stream = m_execStreams.value(err ? "stderr" : "stdout");
            if (stream && !m_closed)
                m_session->send(stream, data);
        },
        [this](int code) {
            if (m_closed)
                return;
            const QByteArray message = jsonStatus() || code
                ? StreamTicket::exitReport(code, m_ticket.command, jsonStatus())
                : QByteArray();
            for (const char *name : {"stdout", "stderr"})
                if (const quint32 s = m_execStreams.value(name))
                    m_session->send(s, {}, true);
            m_session->send(m_execStreams.value("error"), message, true);
            closeTransport();
        },
        m_fetch, this);
    m_shell->start(m_ticket.command, m_ticket.tty);
}

bool SpdyStreams::jsonStatus() const
{
    return m_ticket.spdyProtocol.startsWith(QLatin1String("v4."))
        || m_ticket.spdyProtocol.startsWith(QLatin1String("v5."));
}

void SpdyStreams::closeTransport()
{
    if (m_closed)
        return;
    m_closed = true;
    if (m_tcp)
        m_tcp->disconnectFromHost();
    else if (m_ws)
        m_ws->close();
}

} // namespace Meshdeck::Demo
