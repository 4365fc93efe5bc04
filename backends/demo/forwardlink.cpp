#include "forwardlink.h"

#include <QTcpSocket>

#include <sys/socket.h>

namespace Meshdeck::Demo {

ForwardLink::ForwardLink(const QString &pod, int podPort, quint16 target, QObject *parent)
    : QObject(parent)
    , m_socket(new QTcpSocket(this))
    , m_pod(pod)
    , m_podPort(podPort)
{
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QTcpSocket::connected, this, [this] {
        m_connected = true;
        if (!m_early.isEmpty())
            m_socket->write(std::exchange(m_early, {}));
        if (m_finishWrite)
            finishWrite();
    });
    connect(m_socket, &QTcpSocket::readyRead, this, [this] { emit received(m_socket->readAll()); });
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        if (m_socket->bytesAvailable())
            emit received(m_socket->readAll());
        end({});
    });
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        if (e == QAbstractSocket::RemoteHostClosedError)
            return; // disconnected() follows
        end(m_connected ? QStringLiteral("error forwarding port %1 to pod %2: %3")
                              .arg(m_podPort)
                              .arg(m_pod, m_socket->errorString())
                        : QStringLiteral("error forwarding port %1 to pod %2: failed to connect to "
                                         "localhost:%1 inside the pod: connection refused")
                              .arg(m_podPort)
                              .arg(m_pod));
    });
    if (target == 0) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                end(QStringLiteral("error forwarding port %1 to pod %2: failed to connect to "
                                   "localhost:%1 inside the pod: connection refused (nothing "
                                   "listens on that port)")
                        .arg(m_podPort)
                        .arg(m_pod));
            },
            Qt::QueuedConnection);
        return;
    }
    m_socket->connectToHost(QStringLiteral("127.0.0.1"), target);
}

ForwardLink::~ForwardLink() = default;

void ForwardLink::write(const QByteArray &data)
{
    if (m_ended)
        return;
    if (!m_connected)
        m_early += data;
    else
        m_socket->write(data);
}

void ForwardLink::finishWrite()
{
    m_finishWrite = true;
    if (!m_connected || m_ended)
        return;
    m_socket->flush();
    if (m_socket->bytesToWrite() == 0)
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    else
        connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
            if (m_socket->bytesToWrite() == 0)
                ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
        });
}

void ForwardLink::close()
{
    m_ended = true;
    m_socket->abort();
}

void ForwardLink::end(const QString &error)
{
    if (m_ended)
        return;
    m_ended = true;
    emit ended(error);
}

} // namespace Meshdeck::Demo
