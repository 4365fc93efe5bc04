#pragma once

#include "demoshell.h"
#include "streamticket.h"

#include <QObject>
#include <QPointer>

class QWebSocket;

namespace Meshdeck::Demo {

// An exec carried over WebSocket in Kubernetes' channel protocol (channel.k8s.io, v2-v5): each
// binary message starts with its channel's number: 0 stdin, 1 stdout, 2 stderr, 3 error (the
// exit Status, JSON from v4 on), 4 resize; v5 adds 255, "this channel is closed", so that
// stdin can end. The base64 variants (base64.channel.k8s.io, v4.base64.channel.k8s.io), for
// clients that cannot send binary frames, carry text messages: the channel as an ASCII digit,
// then the data in base64. (Port-forward over WebSocket is a ForwardSession.)
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
    void end();
    void watchPod();

    QPointer<QWebSocket> m_socket;
    StreamTicket m_ticket;
    int m_version = 1;
    bool m_base64 = false;
    DemoShell *m_shell = nullptr;
    bool m_ended = false;
};

} // namespace Meshdeck::Demo
