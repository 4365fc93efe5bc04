#pragma once

#include "demoshell.h"
#include "streamticket.h"

#include <QObject>
#include <QPointer>

class QWebSocket;

namespace Meshdeck::Demo {

class ForwardLink;

// An exec or port-forward carried over WebSocket in Kubernetes' channel protocol
// (channel.k8s.io, v2-v5): each binary message starts with its channel's number.
//  - exec: 0 stdin, 1 stdout, 2 stderr, 3 error (the exit Status, JSON from v4 on),
//    4 resize; v5 adds 255, "this channel is closed", so that stdin can end.
//  - port-forward (v4.channel.k8s.io, one WebSocket per connection as the kubelet serves it):
//    channels 2i and 2i+1 carry port i's data and errors, each opening with the port number
//    (2 bytes, little-endian).
class ChannelSession : public QObject
{
    Q_OBJECT

public:
    ChannelSession(QWebSocket *socket, StreamTicket ticket, DemoShell::Fetch fetch,
                   QObject *parent = nullptr);
    ~ChannelSession() override;

private:
    void onMessage(const QByteArray &message);
    void send(int channel, const QByteArray &data);
    void startExec(DemoShell::Fetch fetch);
    void startForward();
    void end();
    void watchPod();

    QPointer<QWebSocket> m_socket;
    StreamTicket m_ticket;
    int m_version = 1;
    DemoShell *m_shell = nullptr;
    QList<ForwardLink *> m_links;
    int m_openLinks = 0;
    bool m_ended = false;
};

} // namespace Meshdeck::Demo
