#pragma once

#include "demoshell.h"
#include "spdysession.h"
#include "streamticket.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QTcpSocket;
class QWebSocket;

namespace Meshdeck::Demo {

class ForwardLink;

// An exec or port-forward over SPDY/3.1, as kubectl and client-go speak it: raw on the upgraded
// connection, or tunnelled in WebSocket binary messages ("SPDY/3.1+portforward.k8s.io").
//  - port-forward: per forwarded connection the client opens an error and a data stream
//    (headers streamtype, port, requestid); the data stream is piped to the pod's port and
//    the error stream carries what went wrong.
//  - exec: the client opens error, stdin, stdout, stderr and resize streams as the request
//    asked for them; the command starts once they are all there and the exit Status ends the
//    error stream.
class SpdyStreams : public QObject
{
    Q_OBJECT

public:
    SpdyStreams(QTcpSocket *socket, StreamTicket ticket, DemoShell::Fetch fetch,
                QObject *parent = nullptr);
    SpdyStreams(QWebSocket *socket, StreamTicket ticket, DemoShell::Fetch fetch,
                QObject *parent = nullptr);
    ~SpdyStreams() override;

private:
    void init(DemoShell::Fetch fetch);
    void feed(const QByteArray &bytes);
    void onOpened(quint32 stream, const SpdySession::Headers &headers);
    void onData(quint32 stream, const QByteArray &data);
    void onFinished(quint32 stream);
    void startExecIfReady();
    void closeTransport();
    void watchPod();
    [[nodiscard]] bool jsonStatus() const; // the Status as JSON (v4 and later)

    struct Forward
    {
        quint32 data = 0;
        quint32 error = 0;
        int port = 0;
        ForwardLink *link = nullptr;
    };

    QPointer<QTcpSocket> m_tcp;
    QPointer<QWebSocket> m_ws;
    StreamTicket m_ticket;
    DemoShell::Fetch m_fetch;
    std::unique_ptr<SpdySession> m_session;
    QHash<QByteArray, Forward> m_forwards; // by requestid
    QHash<QByteArray, quint32> m_execStreams; // streamtype -> stream
    DemoShell *m_shell = nullptr;
    bool m_closed = false;
};

} // namespace Meshdeck::Demo
