#pragma once

#include <QObject>

class QTcpSocket;

namespace Meshdeck::Demo {

// One forwarded connection inside the demo's pod network: a TCP connection to the loopback port
// that answers for the pod's port. Data from the client goes in through write(); what the pod
// sends comes out as received(); ended() once, with the error a kubelet would report (empty
// when the pod closed normally).
class ForwardLink : public QObject
{
    Q_OBJECT

public:
    ForwardLink(const QString &pod, int podPort, quint16 target, QObject *parent = nullptr);
    ~ForwardLink() override;

    void write(const QByteArray &data);
    void finishWrite(); // the client half-closed: shut down the sending side
    void close();

signals:
    void received(const QByteArray &data);
    void ended(const QString &error);

private:
    void end(const QString &error);
    QTcpSocket *m_socket = nullptr;
    QString m_pod;
    int m_podPort = 0;
    QByteArray m_early; // written before the connection was up
    bool m_connected = false;
    bool m_finishWrite = false;
    bool m_ended = false;
};

} // namespace Meshdeck::Demo
