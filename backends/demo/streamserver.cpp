#include "streamserver.h"

#include "channelsession.h"
#include "spdystreams.h"

#include <core/httptransport.h>

#include <QCoreApplication>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketServer>

#include <thread>

namespace Meshdeck::Demo {

StreamServer::StreamServer() = default;

StreamServer::~StreamServer()
{
    stop();
}

bool StreamServer::start()
{
    if (m_thread || !QCoreApplication::instance())
        return false;
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("demo-streams"));
    m_thread->start();
    m_context = new QObject;
    m_context->moveToThread(m_thread.get());
    bool ok = false;
    QMetaObject::invokeMethod(
        m_context,
        [this, &ok] {
            auto *ws = new QWebSocketServer(QStringLiteral("meshdeck-demo"),
                                            QWebSocketServer::NonSecureMode, m_context);
            ws->setSupportedSubprotocols(StreamTicket::channelProtocols()
                                         << QStringLiteral("SPDY/3.1+portforward.k8s.io"));
            auto *spdy = new QTcpServer(m_context);
            if (!ws->listen(QHostAddress::LocalHost, 0)
                || !spdy->listen(QHostAddress::LocalHost, 0))
                return;
            m_webSocketPort = ws->serverPort();
            m_spdyPort = spdy->serverPort();
            QObject::connect(ws, &QWebSocketServer::newConnection, m_context, [this, ws] {
                while (QWebSocket *socket = ws->nextPendingConnection()) {
                    const auto ticket = claim(socket->requestUrl().path().mid(1).toLatin1());
                    if (!ticket) {
                        socket->close(QWebSocketProtocol::CloseCodePolicyViolated);
                        socket->deleteLater();
                        continue;
                    }
                    const ContainerModel model = ticket->container;
                    DemoShell::Fetch fetch = [this, model](const QString &url, auto done) {
                        this->fetch(model, url, std::move(done));
                    };
                    if (socket->subprotocol().startsWith(QLatin1String("SPDY/3.1+")))
                        new SpdyStreams(socket, *ticket, std::move(fetch), m_context);
                    else
                        new ChannelSession(socket, *ticket, std::move(fetch), m_context);
                }
            });
            QObject::connect(spdy, &QTcpServer::newConnection, m_context, [this, spdy] {
                while (QTcpSocket *socket = spdy->nextPendingConnection()) {
                    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
                    // The relay names the ticket on the first line, then the SPDY bytes follow.
                    auto *first = new QMetaObject::Connection;
                    *first = QObject::connect(
                        socket, &QTcpSocket::readyRead, m_context, [this, socket, first] {
                            if (!socket->canReadLine())
                                return;
                            QObject::disconnect(*first);
                            delete first;
                            const auto ticket = claim(socket->readLine().trimmed());
                            if (!ticket) {
                                socket->abort();
                                socket->deleteLater();
                                return;
                            }
                            const ContainerModel model = ticket->container;
                            new SpdyStreams(
                                socket, *ticket,
                                [this, model](const QString &url, auto done) {
                                    this->fetch(model, url, std::move(done));
                                },
                                m_context);
                        });
                }
            });
            ok = true;
        },
        Qt::BlockingQueuedConnection);
    if (!ok)
        stop();
    return ok;
}

void StreamServer::stop()
{
    if (!m_thread)
        return;
    // Deleted by its own thread as that thread finishes (deleting it inside a call it is
    // receiving would free it under Qt's feet).
    if (m_context)
        m_context->deleteLater();
    m_context = nullptr;
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
}

QByteArray StreamServer::admit(StreamTicket ticket)
{
    const QByteArray name = QByteArray::number(QRandomGenerator::system()->generate64(), 16)
        + QByteArray::number(QRandomGenerator::system()->generate64(), 16);
    std::lock_guard lock(m_mutex);
    m_tickets.insert(name, std::move(ticket));
    return name;
}

std::optional<StreamTicket> StreamServer::claim(const QByteArray &name)
{
    std::lock_guard lock(m_mutex);
    if (!m_tickets.contains(name))
        return std::nullopt;
    return m_tickets.take(name);
}

void StreamServer::fetch(const ContainerModel &model, const QString &url,
                         std::function<void(int, QByteArray, QString)> done) const
{
    QUrl u(url);
    const QString host = u.host();
    const int port = u.port(u.scheme() == QLatin1String("https") ? 443 : 80);
    QString target;
    bool known = false;
    if (host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1")) {
        known = true;
        if (const quint16 p = model.ports.value(port))
            target = QStringLiteral("127.0.0.1:%1").arg(p);
    } else {
        for (const QString &alias : model.hostAliases.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString name = alias.section(QLatin1Char('='), 0, 0);
            if (name.section(QLatin1Char(':'), 0, 0) != host)
                continue;
            known = true;
            if (name.section(QLatin1Char(':'), 1).toInt() == port)
                target = alias.section(QLatin1Char('='), 1);
        }
    }
    if (!known)
        return done(0, {}, QStringLiteral("(6) Could not resolve host: %1").arg(host));
    if (target.isEmpty())
        return done(0, {},
                    QStringLiteral("(7) Failed to connect to %1 port %2: Connection refused")
                        .arg(host)
                        .arg(port));
    HttpRequest request;
    u.setScheme(QStringLiteral("http"));
    u.setHost(target.section(QLatin1Char(':'), 0, 0));
    u.setPort(target.section(QLatin1Char(':'), 1).toInt());
    request.url = u;
    request.headers.append({"Host", QStringLiteral("%1:%2").arg(host).arg(port).toUtf8()});
    request.timeout = std::chrono::seconds(10);
    request.maxBodyBytes = 8 * 1024 * 1024;
    std::thread([request, done = std::move(done)] {
        const auto response = HttpTransport::perform(request);
        if (!response.ok())
            done(0, {}, response.error().message());
        else
            done(response->status, response->body, {});
    }).detach();
}

} // namespace Meshdeck::Demo
