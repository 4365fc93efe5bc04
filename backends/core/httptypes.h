#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <chrono>
#include <utility>

namespace Meshdeck {

using HttpHeader = std::pair<QByteArray, QByteArray>;

// TLS settings of one request. Verification is on unless a caller turns it off explicitly.
struct TlsOptions
{
    bool verifyPeer = true;
    QString caFile; // PEM file with the CA bundle to trust instead of the system's
    QByteArray caPem; // the same, in memory (kubeconfig certificate-authority-data)
    QString clientCertFile; // PEM client certificate
    QByteArray clientCertPem;
    QString clientKeyFile; // PEM private key of the client certificate
    QByteArray clientKeyPem;
    QString serverName; // name to verify and send as SNI instead of the URL's host
};

struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    QList<HttpHeader> headers;
    QByteArray body;
    TlsOptions tls;
    QString proxyUrl; // empty: libcurl's usual environment (http_proxy, https_proxy, no_proxy)
    std::chrono::milliseconds connectTimeout {10'000};
    std::chrono::milliseconds timeout {0}; // whole transfer; 0 means no limit (streams)
    std::chrono::seconds idleTimeout {30}; // no byte received for this long: Timeout
    qint64 maxBodyBytes = qint64(256) * 1024 * 1024; // buffered bodies only; beyond: TooLarge
    // Offer gzip/brotli. Streams (watches, logs) turn it off: a compressing server buffers
    // small events until its compressor flushes, which delays them.
    bool acceptCompressed = true;
};

struct HttpResponse
{
    int status = 0;
    QByteArray httpVersion; // "1.1", "2"
    QList<HttpHeader> headers;
    QByteArray body; // empty when the body was streamed to a handler
    double elapsedSeconds = 0.0;

    [[nodiscard]] bool isSuccess() const { return status >= 200 && status < 300; }
    // The first header of that name (case-insensitive), or an empty array.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
};

} // namespace Meshdeck
