#pragma once

#include "forwardtunnel.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QObject>
#include <QPointer>

#include <map>
#include <memory>
#include <mutex>
#include <optional>

class QTcpServer;
class QTimer;

namespace Meshdeck::Kube {

class KubeClient;

// A local port forwarded to a pod's port, or to a Service's (which picks a ready pod behind it
// and maps the Service port to its target port, as kubectl does). Every connection to the
// local port is one WebSocket to the API server's port-forward (v4.channel.k8s.io), moved by a
// ForwardTunnel's thread. The pod found is kept for the next connections (no lookup on the
// way); one refused or broken is looked up again, so a pod that was replaced is found anew.
// Lives on a thread with an event loop that may block briefly (the first lookup), never the
// GUI's.
class PortForwarder : public QObject
{
    Q_OBJECT

public:
    struct Spec
    {
        QString ns;
        QString kind = QStringLiteral("pod"); // "pod" or "service"
        QString name;
        int remotePort = 0;
        quint16 localPort = 0; // 0: any free port
        QHostAddress address {QHostAddress::LocalHost};
    };
    enum class State { Idle, Listening, Failed, Stopped };

    PortForwarder(std::shared_ptr<KubeClient> client, Spec spec, QObject *parent = nullptr);
    ~PortForwarder() override;

    // Binds the local port and checks the target exists. On failure *error says why; a local
    // port in use names the next free one.
    bool start(QString *error);
    void stop();

    [[nodiscard]] const Spec &spec() const { return m_spec; }
    [[nodiscard]] quint16 localPort() const { return m_localPort; }
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString pod() const { return m_pod; } // the pod the last connection reached
    [[nodiscard]] QString lastError() const { return m_lastError; }
    [[nodiscard]] qint64 bytesIn() const; // from the pod
    [[nodiscard]] qint64 bytesOut() const; // to the pod
    [[nodiscard]] int openConnections() const { return int(m_tunnels.size()); }
    [[nodiscard]] int totalConnections() const { return m_total; }

    // Next port from `from` on that can be bound on `address` (0 if none below 65536).
    static quint16 nextFreePort(const QHostAddress &address, quint16 from);

signals:
    void changed(); // state, counters, pod or error
    void connectionOpened();

private:
    struct Target
    {
        QString pod;
        int port = 0;
    };
    void onNewConnection(int fd);
    void onTunnelFinished(quint64 id, const QString &error);
    // The pod and port a new connection goes to; for a Service, a ready pod behind it.
    bool resolve(Target *target, QString *error, const CancelToken &cancel = {});
    // The route of a connection (on its tunnel's thread): the kept one, or a new lookup when it
    // leads to the pod that just refused (another connection may have looked already).
    Result<ForwardTunnel::Route> route(const QString &refused, const CancelToken &cancel);

    std::shared_ptr<KubeClient> m_client;
    Spec m_spec;
    QTcpServer *m_server = nullptr;
    quint16 m_localPort = 0;
    State m_state = State::Idle;
    QString m_pod;
    QString m_lastError;
    std::mutex m_routeMutex; // one lookup at a time; the others take what it found
    std::optional<Target> m_route; // the last one found, until a connection is refused or breaks
    std::shared_ptr<ForwardTunnel::Counters> m_counters;
    std::map<quint64, std::unique_ptr<ForwardTunnel>> m_tunnels; // by connection number
    QTimer *m_progress = nullptr; // says the counters moved, while connections are open
    qint64 m_reported = -1;
    int m_total = 0;
};

} // namespace Meshdeck::Kube
