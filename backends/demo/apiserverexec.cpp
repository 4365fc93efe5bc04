// ApiServer: pods/exec, pods/attach and pods/portforward — checked here, then the upgraded
// connection is relayed to the StreamServer, or, for a port-forward over WebSocket, served
// here by a ForwardSession.
#include "apiserver.h"

#include "apierror.h"
#include "apirequest.h"
#include "containermodel.h"
#include "forwardsession.h"
#include "objectfields.h"
#include "objectstore.h"
#include "streamserver.h"
#include "upgradedconnection.h"

#include <QJsonArray>

#include <httplib.h>

namespace Meshdeck::Demo {

using namespace ApiRequest;

namespace {

QStringList values(const httplib::Request &req, const char *name)
{
    QStringList out;
    for (size_t i = 0; i < req.get_param_value_count(name); ++i)
        out << QString::fromStdString(req.get_param_value(name, i));
    return out;
}

// The values of a list header, in the client's order (one header, comma-separated, or several).
QStringList listHeader(const httplib::Request &req, const char *name)
{
    QStringList out;
    for (size_t i = 0; i < req.get_header_value_count(name); ++i)
        for (const QString &p : QString::fromStdString(req.get_header_value(name, i))
                                    .split(QLatin1Char(','), Qt::SkipEmptyParts))
            out << p.trimmed();
    return out;
}

// The protocol versions a SPDY client offers.
QStringList offered(const httplib::Request &req)
{
    return listHeader(req, "X-Stream-Protocol-Version");
}

// The WebSocket subprotocols a client offers.
QStringList webSocketProtocols(const httplib::Request &req)
{
    return listHeader(req, "Sec-WebSocket-Protocol");
}

// kubectl 1.31 and later tunnel SPDY through the WebSocket; the StreamServer speaks that.
bool spdyTunnel(const httplib::Request &req)
{
    return webSocketProtocols(req).contains(QStringLiteral("SPDY/3.1+portforward.k8s.io"));
}

} // namespace

void ApiServer::serveForward(const httplib::Request &req, httplib::Response &res,
                             StreamTicket ticket)
{
    if (header(req, "Sec-WebSocket-Version") != QLatin1String("13"))
        throw ApiError::badRequest(QStringLiteral("unsupported WebSocket version %1: 13 is "
                                                  "supported")
                                       .arg(header(req, "Sec-WebSocket-Version")));
    const std::string key = req.get_header_value("Sec-WebSocket-Key");
    if (key.empty())
        throw ApiError::badRequest(QStringLiteral("a WebSocket handshake needs a "
                                                  "Sec-WebSocket-Key header"));
    bool refused = false;
    const QString protocol = ForwardSession::choose(webSocketProtocols(req), &refused);
    if (refused)
        throw ApiError::forbidden(
            QStringLiteral("requested protocol(s) are not supported: [%1]; supports [%2]")
                .arg(webSocketProtocols(req).join(QLatin1Char(' ')),
                     StreamTicket::channelProtocols().join(QLatin1Char(' '))));
    auto connection = UpgradedConnection::take(req);
    if (!connection)
        throw ApiError(500, QStringLiteral("InternalError"),
                       QStringLiteral("the upgraded connection could not be taken over"));
    res.status = 101;
    ForwardSession(*connection, std::move(ticket), protocol).run(key, m_stopping);
}

void ApiServer::setPodNetwork(PodNetwork network)
{
    std::lock_guard lock(m_networkMutex);
    m_network = std::move(network);
}

void ApiServer::serveStream(const httplib::Request &req, httplib::Response &res,
                            const QJsonObject &pod, const QString &sub)
{
    const QString name = metaString(pod, "name");
    const QString ns = metaString(pod, "namespace");
    if (sub == QLatin1String("attach"))
        throw ApiError::badRequest(
            QStringLiteral("the demo cluster's containers run no process to attach to (their "
                           "processes are simulated): use exec to run a command in pod %1")
                .arg(name));
    const QString upgrade = header(req, "Upgrade").toLower();
    const bool webSocket = upgrade == QLatin1String("websocket");
    const bool spdy = upgrade.startsWith(QLatin1String("spdy/3.1"));

    const QString phase
        = pod.value(QLatin1String("status")).toObject().value(QLatin1String("phase")).toString();
    const QString verb = sub == QLatin1String("exec") ? QStringLiteral("exec into")
                                                      : QStringLiteral("forward a port to");
    if (phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed"))
        throw ApiError::badRequest(
            QStringLiteral("cannot %1 a container in a completed pod; current phase is %2")
                .arg(verb, phase));
    if (!podRunning(pod))
        throw ApiError::badRequest(
            QStringLiteral("unable to upgrade connection: pod %1 is not running (phase %2)")
                .arg(name, phase.isEmpty() ? QStringLiteral("Pending") : phase));

    StreamTicket ticket;
    ticket.pod = name;
    ticket.ns = ns;
    ticket.alive = [this, ns, name, uid = metaString(pod, "uid")] {
        const auto now = m_store.tryGet(QStringLiteral("/pods"), ns, name);
        return now && metaString(*now, "uid") == uid && podRunning(*now);
    };
    QString aliases;
    {
        std::lock_guard lock(m_networkMutex);
        if (m_network.ports)
            ticket.targets = m_network.ports(pod);
        if (m_network.aliases) {
            const QJsonArray containers = pod.value(QLatin1String("spec"))
                                              .toObject()
                                              .value(QLatin1String("containers"))
                                              .toArray();
            bool injected = false;
            for (const QJsonValue &c : containers)
                injected = injected
                    || c.toObject()
                           .value(QLatin1String("name"))
                           .toString()
                           .endsWith(QLatin1String("-proxy"));
            aliases = m_network.aliases(ns, injected);
        }
    }
    QString spdyProtocol;
    if (sub == QLatin1String("exec")) {
        ticket.kind = StreamTicket::Kind::Exec;
        QStringList names;
        QHash<QString, bool> running;
        for (const QJsonValue &c : pod.value(QLatin1String("spec"))
                                       .toObject()
                                       .value(QLatin1String("containers"))
                                       .toArray())
            names << c.toObject().value(QLatin1String("name")).toString();
        for (const QJsonValue &s : pod.value(QLatin1String("status"))
                                       .toObject()
                                       .value(QLatin1String("containerStatuses"))
                                       .toArray())
            running.insert(s.toObject().value(QLatin1String("name")).toString(),
                           s.toObject()
                               .value(QLatin1String("state"))
                               .toObject()
                               .contains(QLatin1String("running")));
        QString container = param(req, "container");
        if (container.isEmpty() && names.size() == 1)
            container = names.first();
        if (container.isEmpty())
            throw ApiError::badRequest(
                QStringLiteral("a container name must be specified for pod %1, choose one of: [%2]")
                    .arg(name, names.join(QLatin1Char(' '))));
        if (!names.contains(container))
            throw ApiError::badRequest(
                QStringLiteral("container %1 is not valid for pod %2").arg(container, name));
        if (!running.value(container, true))
            throw ApiError::badRequest(
                QStringLiteral("unable to upgrade connection: container not found (\"%1\")")
                    .arg(container));
        ticket.command = values(req, "command");
        if (ticket.command.isEmpty())
            throw ApiError::badRequest(QStringLiteral("you must specify at least 1 command"));
        ticket.stdinOpen = flag(req, "stdin");
        ticket.stdoutOpen = flag(req, "stdout");
        ticket.stderrOpen = flag(req, "stderr");
        ticket.tty = flag(req, "tty");
        if (!ticket.stdinOpen && !ticket.stdoutOpen && !ticket.stderrOpen)
            throw ApiError::badRequest(
                QStringLiteral("you must specify at least 1 of stdin, stdout, stderr"));
        ticket.container = ContainerModel::of(m_store, pod, container);
        ticket.container.hostAliases = aliases;
        ticket.container.ports = ticket.targets;
        if (spdy) {
            const QStringList supported {
                QStringLiteral("v4.channel.k8s.io"), QStringLiteral("v3.channel.k8s.io"),
                QStringLiteral("v2.channel.k8s.io"), QStringLiteral("channel.k8s.io")};
            for (const QString &p : offered(req))
                if (spdyProtocol.isEmpty() && supported.contains(p))
                    spdyProtocol = p;
            if (spdyProtocol.isEmpty())
                throw ApiError::forbidden(
                    QStringLiteral("unable to upgrade: unable to negotiate protocol: client "
                                   "supports [%1], server supports [%2]")
                        .arg(offered(req).join(QLatin1Char(' ')),
                             supported.join(QLatin1Char(' '))));
        }
    } else {
        ticket.kind = StreamTicket::Kind::PortForward;
        for (const QString &value : values(req, "ports"))
            for (const QString &p : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                bool ok = false;
                const int port = p.trimmed().toInt(&ok);
                if (!ok || port < 1 || port > 65535)
                    throw ApiError::badRequest(
                        QStringLiteral("invalid port %1: ports must be 1 to 65535").arg(p));
                ticket.ports << port;
            }
        if (webSocket && ticket.ports.isEmpty())
            throw ApiError::badRequest(
                QStringLiteral("at least one port must be specified (?ports=…)"));
        if (spdy) {
            if (!offered(req).contains(QStringLiteral("portforward.k8s.io")))
                throw ApiError::forbidden(
                    QStringLiteral("unable to upgrade: unable to negotiate protocol: client "
                                   "supports [%1], server supports [portforward.k8s.io]")
                        .arg(offered(req).join(QLatin1Char(' '))));
            spdyProtocol = QStringLiteral("portforward.k8s.io");
        }
    }
    // As on a real cluster, the request is checked (pod, container) before the kubelet asks
    // for the upgrade: a plain GET learns what is wrong with it.
    if (!webSocket && !spdy)
        throw ApiError::badRequest(QStringLiteral("Upgrade request required"));
    if (webSocket && req.method != "GET")
        throw ApiError::badRequest(QStringLiteral("a WebSocket upgrade must be a GET request"));
    ticket.spdyProtocol = spdyProtocol;

    if (webSocket && ticket.kind == StreamTicket::Kind::PortForward && !spdyTunnel(req))
        return serveForward(req, res, std::move(ticket));
    if (!m_streams)
        throw ApiError(503, QStringLiteral("ServiceUnavailable"),
                       QStringLiteral("exec and port-forward are not available: the demo "
                                      "cluster's stream server did not start"));
    auto connection = UpgradedConnection::take(req);
    if (!connection)
        throw ApiError(500, QStringLiteral("InternalError"),
                       QStringLiteral("the upgraded connection could not be taken over"));
    const std::string ticketName = m_streams->admit(std::move(ticket)).toStdString();
    res.status = 101;
    if (webSocket) {
        // The handshake as the client sent it, for QtWebSockets to answer, its path the ticket.
        std::string head = "GET /" + ticketName + " HTTP/1.1\r\n";
        for (const auto &[key, value] : req.headers) {
            const QString k = QString::fromStdString(key).toLower();
            if (k == QLatin1String("authorization") || k == QLatin1String("cookie")
                || k == QLatin1String("sec-websocket-extensions"))
                continue;
            head += key + ": " + value + "\r\n";
        }
        head += "\r\n";
        connection->relayTo(m_streams->webSocketPort(), head, m_stopping);
    } else {
        const std::string answer = "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\n"
                                   "Upgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: "
            + spdyProtocol.toStdString() + "\r\n\r\n";
        if (connection->writeAll(answer))
            connection->relayTo(m_streams->spdyPort(), ticketName + "\n", m_stopping);
    }
}

} // namespace Meshdeck::Demo
