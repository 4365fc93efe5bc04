#pragma once

#include <core/httptypes.h>
#include <core/result.h>

#include <QCoreApplication>
#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QSslConfiguration>

namespace Meshdeck::Kube {

class KubeClient;

// Where a WebSocket to the API server goes and how it authenticates: the REST client's request
// (URL, Authorization, CA, client certificate, TLS server name, proxy) in QtWebSockets' terms,
// so that exec and port-forward trust and present exactly what every other request does.
struct StreamEndpoint
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::Kube::StreamEndpoint)

public:
    QNetworkRequest request;
    // QtWebSockets 6.4 waits for the handshake's answer without a limit: this is the bound.
    static constexpr int kHandshakeTimeoutMs = 15'000;
    bool secure = false;
    QSslConfiguration ssl; // for wss://, given to the socket
    QNetworkProxy proxy {QNetworkProxy::NoProxy};

    static Result<StreamEndpoint> from(const HttpRequest &http);

    // Why the server did not upgrade `path` (QtWebSockets says only "status code: 403"): the
    // same request as a plain GET returns the server's Status, whose message names the cause
    // (forbidden, pod not found, container not valid). When that GET only says an upgrade is
    // required, the server took the request but not the WebSocket: it speaks SPDY only.
    static QString refusal(KubeClient &client, const QString &path, const QString &socketError,
                           const QString &what);
    // The same from a refused upgrade's own answer: its status and its Status's message (the
    // plain GET only when the answer had no message).
    static QString refusalOf(KubeClient &client, const QString &path, int status,
                             const QString &message, const QString &what);

private:
    static QString spdyOnly(const QString &what, const QString &status);
};

} // namespace Meshdeck::Kube
