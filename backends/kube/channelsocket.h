#pragma once

#include <core/canceltoken.h>
#include <core/httptypes.h>
#include <core/result.h>

#include <QCoreApplication>
#include <QStringList>

#include <functional>
#include <memory>

struct wslay_event_context;

namespace Meshdeck {
class UpgradedStream;
}

namespace Meshdeck::Kube {

class KubeClient;

// A WebSocket to one of the API server's stream endpoints (exec, attach, port-forward) in the
// Kubernetes channel protocols: every binary message starts with its channel's byte. The
// connection is the REST client's (UpgradedStream: its TLS, certificates, token, proxy), the
// framing wslay's. For a worker thread that polls socket(): open() blocks, pump() does not.
class ChannelSocket
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::Kube::ChannelSocket)

public:
    // The handshake must be answered within this.
    static constexpr int kHandshakeTimeoutMs = 15'000;
    // An idle connection is pinged this often (proxies and load balancers drop silent ones).
    static constexpr int kPingIntervalMs = 30'000;

    ~ChannelSocket();
    ChannelSocket(const ChannelSocket &) = delete;
    ChannelSocket &operator=(const ChannelSocket &) = delete;

    // Opens `path` offering `protocols`. A refusal's message says why in the server's words (its
    // Status: forbidden, pod not found), or that the server speaks only SPDY; `what` ("forward a
    // port to pod x") starts it.
    static Result<std::unique_ptr<ChannelSocket>> open(KubeClient &client, const QString &path,
                                                       const QStringList &protocols,
                                                       const QString &what,
                                                       const CancelToken &cancel = {});

    [[nodiscard]] const QByteArray &protocol() const { return m_protocol; }
    // Its TLS handshake resumed an earlier stream's session (same credentials).
    [[nodiscard]] bool resumedSession() const;
    [[nodiscard]] int socket() const;

    // Receives each channel's bytes as they arrive (a message may come in pieces). Returning
    // false pauses reading until the next pump() that may read.
    std::function<bool(int channel, const char *data, size_t size)> onData;

    // Queues `data` on `channel` (copied).
    void send(int channel, const char *data, size_t size);
    void ping();
    // Starts the closing handshake once what is queued has gone.
    void close();

    // Sends what it can; reads (when mayRead) until the connection has no more or onData
    // pauses. False once the connection is over: closed by the peer, or broken (errorString()).
    bool pump(bool mayRead);
    [[nodiscard]] bool wantsWrite() const;
    [[nodiscard]] bool wantsRead() const;
    // Reading stopped because onData paused it, not because the connection had no more: bytes
    // may wait inside TLS, where poll() does not see them. Pump again once there is room.
    [[nodiscard]] bool readPaused() const { return m_paused; }
    // Bytes queued, not yet handed to the connection.
    [[nodiscard]] size_t queuedBytes() const;
    [[nodiscard]] const QString &errorString() const { return m_error; }

private:
    ChannelSocket() = default;
    // Why the server did not upgrade, as the REST client says it (KubeClient::statusError) from
    // the answer's Status, or for an answer without one from the same request as a plain GET. A
    // server that takes the request but not the WebSocket ("Upgrade request required") speaks
    // only SPDY.
    static Error refusal(KubeClient &client, const QString &path, const HttpResponse &answer,
                         const QString &what, const CancelToken &cancel);
    bool flush();

    std::unique_ptr<UpgradedStream> m_stream;
    wslay_event_context *m_ws = nullptr;
    QByteArray m_protocol;
    // Bytes for the connection. m_out is in flight and unchanged until written (TLS retries a
    // record with the same buffer); wslay's further frames gather in m_next.
    QByteArray m_out;
    qsizetype m_outAt = 0;
    QByteArray m_next;
    QByteArray m_in = QByteArray(64 * 1024, Qt::Uninitialized); // read, not yet given to wslay
    qsizetype m_inAt = 0;
    qsizetype m_inEnd = 0;
    bool m_paused = false;
    bool m_peerClosed = false; // end of stream from the peer
    bool m_closing = false;
    bool m_dataFrame = false; // the frame being received carries data
    bool m_channelNext = false; // the next byte received is a message's channel
    int m_channel = -1;
    QString m_error;
};

} // namespace Meshdeck::Kube
