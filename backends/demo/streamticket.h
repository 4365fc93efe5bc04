#pragma once

#include "containermodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QStringList>

#include <functional>

namespace Meshdeck::Demo {

// What the API server checked and decided about one exec, attach or port-forward request
// before handing its upgraded connection to the StreamServer.
struct StreamTicket
{
    enum class Kind { Exec, Attach, PortForward };
    Kind kind = Kind::Exec;
    QString pod;
    QString ns;
    ContainerModel container; // exec and attach
    QStringList command;
    bool stdinOpen = false;
    bool stdoutOpen = true;
    bool stderrOpen = true;
    bool tty = false;
    QList<int> ports; // port-forward over WebSocket: ?ports=
    QMap<int, quint16> targets; // the pod's ports: containerPort -> loopback port
    QString spdyProtocol; // raw SPDY: the X-Stream-Protocol-Version agreed
    // Whether the pod still runs (not deleted, not replaced); a session whose pod is gone ends
    // as the kubelet ends it: the command killed (exit 137), forwarded connections closed.
    std::function<bool()> alive;

    // The WebSocket channel protocols the kubelet serves for exec and port-forward, newest
    // first: binary frames, or text frames in base64 for clients that cannot send binary.
    static QStringList channelProtocols()
    {
        return {QStringLiteral("v5.channel.k8s.io"),        QStringLiteral("v4.channel.k8s.io"),
                QStringLiteral("v4.base64.channel.k8s.io"), QStringLiteral("v3.channel.k8s.io"),
                QStringLiteral("v2.channel.k8s.io"),        QStringLiteral("channel.k8s.io"),
                QStringLiteral("base64.channel.k8s.io")};
    }

    // What the error channel carries when a command ends: the Status as JSON (protocol v4 and
    // later), else its message alone, and nothing on success.
    static QByteArray exitReport(int code, const QStringList &command, bool json)
    {
        const QJsonObject status = exitStatus(code, command);
        if (json)
            return QJsonDocument(status).toJson(QJsonDocument::Compact);
        return status.value(QStringLiteral("message")).toString().toUtf8();
    }
    // What a forwarded connection's error stream says when its pod goes away.
    [[nodiscard]] QByteArray podGone() const
    {
        return QStringLiteral("lost connection to pod %1: it was deleted").arg(pod).toUtf8();
    }

    // The Status the error channel carries when a command ends, as the kubelet writes it.
    static QJsonObject exitStatus(int code, const QStringList &command)
    {
        QJsonObject status {{QStringLiteral("metadata"), QJsonObject()}};
        if (code == 0) {
            status.insert(QStringLiteral("status"), QStringLiteral("Success"));
            return status;
        }
        status.insert(QStringLiteral("status"), QStringLiteral("Failure"));
        status.insert(QStringLiteral("message"),
                      QStringLiteral("command terminated with non-zero exit code: error "
                                     "executing command [%1], exit code %2")
                          .arg(command.join(QLatin1Char(' ')))
                          .arg(code));
        status.insert(QStringLiteral("reason"), QStringLiteral("NonZeroExitCode"));
        status.insert(QStringLiteral("details"),
                      QJsonObject {{QStringLiteral("causes"),
                                    QJsonArray {QJsonObject {
                                        {QStringLiteral("reason"), QStringLiteral("ExitCode")},
                                        {QStringLiteral("message"), QString::number(code)}}}}});
        return status;
    }
};

} // namespace Meshdeck::Demo
