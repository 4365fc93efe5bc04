#pragma once

#include <core/canceltoken.h>
#include <core/result.h>

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>

namespace Meshdeck::Kube {

class KubeClient;

// One forwarded connection: a local socket and its WebSocket to the API server's port-forward
// of one pod port (v4.channel.k8s.io), moved by a thread of their own with poll(), without a
// copy through an event loop. The thread finds the route and opens the WebSocket itself, so
// connections arriving together do not wait for each other. Bytes from the pod wait for a slow
// local reader (reading from the server pauses), bytes to the pod for a slow server; an idle tunnel
// pings every 30 s.
class ForwardTunnel
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::Kube::ForwardTunnel)

public:
    struct Counters
    {
        std::atomic<qint64> fromPod {0};
        std::atomic<qint64> toPod {0};
    };
    // Both called on the tunnel's thread: opened once the WebSocket is up, with the pod it
    // reached; finished once, last, with why it ended when that was not a plain close (the
    // refusal, the pod's error channel, a broken connection).
    struct Events
    {
        std::function<void(const QString &pod)> opened;
        std::function<void(const QString &error)> finished;
    };
    // Where a connection goes: the port-forward path of a pod's port, and the words that start
    // error messages ("forward a port to pod x").
    struct Route
    {
        QString pod;
        QString path;
        QString what;
    };
    // Called on the tunnel's thread (it may block on a lookup, until `cancel`): the route kept
    // from earlier connections, or a new one when that route leads to `refused`, the pod that
    // just refused this connection (empty: none did).
    using Router = std::function<Result<Route>(const QString &refused, const CancelToken &cancel)>;

    // Takes `localFd` (closed when the tunnel ends).
    ForwardTunnel(int localFd, std::shared_ptr<KubeClient> client, Router router,
                  std::shared_ptr<Counters> counters);
    // Starts the thread: opens the WebSocket, then moves bytes until either side ends.
    void start(Events events);
    ~ForwardTunnel(); // stops the tunnel and waits for its thread
    ForwardTunnel(const ForwardTunnel &) = delete;
    ForwardTunnel &operator=(const ForwardTunnel &) = delete;

    static constexpr const char *kThreadName = "port-forward";

private:
    void run();
    QString pumpUntilDone(class ChannelSocket &socket);

    int m_local = -1;
    int m_wake = -1; // eventfd: written to stop the thread
    std::shared_ptr<KubeClient> m_client;
    Router m_router;
    QString m_what; // of the route taken
    std::shared_ptr<Counters> m_counters;
    Events m_events;
    CancelToken m_cancel;
    std::thread m_thread;
};

} // namespace Meshdeck::Kube
