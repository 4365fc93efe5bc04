#include "curltransfer.h"

#include "logging.h"
#include "redact.h"

#include <meshdeck_version.h>

#include <QElapsedTimer>

namespace Meshdeck {

namespace {
QString hostPort(const QUrl &url)
{
    const int port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    return QStringLiteral("%1:%2").arg(url.host()).arg(port);
}

qint64 monotonicNs()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.nsecsElapsed();
}
} // namespace

CurlTransfer::CurlTransfer(HttpRequest request, CancelToken cancel,
                           HttpTransport::BodyHandler onBody)
    : m_request(std::move(request))
    , m_cancel(std::move(cancel))
    , m_onBody(std::move(onBody))
{
}

CurlTransfer::~CurlTransfer()
{
    if (m_easy)
        curl_easy_cleanup(m_easy);
    curl_slist_free_all(m_headers);
    curl_slist_free_all(m_connectTo);
}

size_t CurlTransfer::onHeaderLine(char *data, size_t size, size_t count, void *self)
{
    auto *t = static_cast<CurlTransfer *>(self);
    const size_t bytes = size * count;
    const QByteArray line = QByteArray(data, qsizetype(bytes)).trimmed();
    if (line.startsWith("HTTP/")) {
        // A new response begins (after a 1xx or a proxy's CONNECT reply): forget earlier headers.
        t->m_response.headers.clear();
        const QList<QByteArray> parts = line.split(' ');
        t->m_response.httpVersion = parts.value(0).mid(5);
        t->m_response.status = parts.value(1).toInt();
        return bytes;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon > 0)
        t->m_response.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    return bytes;
}

size_t CurlTransfer::onBodyData(char *data, size_t size, size_t count, void *self)
{
    auto *t = static_cast<CurlTransfer *>(self);
    const size_t bytes = size * count;
    if (t->m_onBody) {
        if (!t->m_onBody(data, bytes)) {
            t->m_stoppedByHandler = true;
            return CURL_WRITEFUNC_ERROR;
        }
        return bytes;
    }
    if (t->m_response.body.size() + qint64(bytes) > t->m_request.maxBodyBytes) {
        t->m_tooLarge = true;
        return CURL_WRITEFUNC_ERROR;
    }
    t->m_response.body.append(data, qsizetype(bytes));
    return bytes;
}

int CurlTransfer::onProgress(void *self, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    return static_cast<CurlTransfer *>(self)->m_cancel.isCancelled() ? 1 : 0;
}

VoidResult CurlTransfer::prepare()
{
    HttpTransport::globalInit();
    const QUrl &requested = m_request.url;
    const QString scheme = requested.scheme();
    if (!requested.isValid() || requested.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        return Unexpected(
            Error(ErrorCode::InvalidArgument,
                  tr("The address \"%1\" is not a valid http or https URL. "
                     "Check the server address.")
                      .arg(requested.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery))));
    }
    if (m_cancel.isCancelled())
        return Unexpected(Error(ErrorCode::Cancelled, tr("The request was cancelled.")));
    m_easy = curl_easy_init();
    if (!m_easy)
        return Unexpected(
            Error(ErrorCode::Unknown, QStringLiteral("libcurl could not be initialised.")));

    QUrl url = requested;
    bool hasHostHeader = false;
    for (const HttpHeader &h : m_request.headers) {
        hasHostHeader = hasHostHeader || h.first.compare("host", Qt::CaseInsensitive) == 0;
        const QByteArray line = h.second.isEmpty() ? h.first + ';' : h.first + ": " + h.second;
        m_headers = curl_slist_append(m_headers, line.constData());
    }
    if (!m_request.tls.serverName.isEmpty() && m_request.tls.serverName != url.host()) {
        // Verify against (and send SNI for) serverName while connecting to the URL's host.
        const int port = url.port(scheme == QLatin1String("https") ? 443 : 80);
        const QByteArray mapping = QStringLiteral("%1:%2:%3:%2")
                                       .arg(m_request.tls.serverName)
                                       .arg(port)
                                       .arg(url.host())
                                       .toUtf8();
        m_connectTo = curl_slist_append(nullptr, mapping.constData());
        if (!hasHostHeader) {
            const QByteArray host = "Host: " + hostPort(url).toUtf8();
            m_headers = curl_slist_append(m_headers, host.constData());
        }
        url.setHost(m_request.tls.serverName);
    }
    // libcurl adds "Expect: 100-continue" to large bodies; Kubernetes and most APIs don't need it.
    m_headers = curl_slist_append(m_headers, "Expect:");

    CURL *h = m_easy;
    m_url = url.toEncoded();
    m_userAgent = "meshdeck/" MESHDECK_VERSION;
    curl_easy_setopt(h, CURLOPT_URL, m_url.constData());
    curl_easy_setopt(h, CURLOPT_PRIVATE, this);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, m_errorBuffer);
    curl_easy_setopt(h, CURLOPT_USERAGENT, m_userAgent.constData());
    if (m_request.acceptCompressed)
        curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(h, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_2TLS));
    curl_easy_setopt(h, CURLOPT_PIPEWAIT, 1L);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, m_headers);
    if (m_connectTo)
        curl_easy_setopt(h, CURLOPT_CONNECT_TO, m_connectTo);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &CurlTransfer::onHeaderLine);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, this);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &CurlTransfer::onBodyData);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, this);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, &CurlTransfer::onProgress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, this);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, long(m_request.connectTimeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, long(m_request.timeout.count()));
    if (m_request.idleTimeout.count() > 0) {
        curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L);
        curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, long(m_request.idleTimeout.count()));
    }
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");

    m_method = m_request.method.toUpper();
    if (m_method == "HEAD") {
        curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
    } else if (m_method != "GET" || !m_request.body.isEmpty()) {
        if (m_method != "GET")
            curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, m_method.constData());
        if (!m_request.body.isEmpty() || m_method == "POST" || m_method == "PUT"
            || m_method == "PATCH") {
            curl_easy_setopt(h, CURLOPT_POSTFIELDS, m_request.body.constData());
            curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(m_request.body.size()));
        }
    }

    // TLS: verification stays on unless asked otherwise.
    const TlsOptions &tls = m_request.tls;
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, tls.verifyPeer ? 1L : 0L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, tls.verifyPeer ? 2L : 0L);
    m_caFile = tls.caFile.toLocal8Bit();
    m_certFile = tls.clientCertFile.toLocal8Bit();
    m_keyFile = tls.clientKeyFile.toLocal8Bit();
    m_caBlob = curl_blob {const_cast<char *>(tls.caPem.constData()), size_t(tls.caPem.size()),
                          CURL_BLOB_NOCOPY};
    m_certBlob = curl_blob {const_cast<char *>(tls.clientCertPem.constData()),
                            size_t(tls.clientCertPem.size()), CURL_BLOB_NOCOPY};
    m_keyBlob = curl_blob {const_cast<char *>(tls.clientKeyPem.constData()),
                           size_t(tls.clientKeyPem.size()), CURL_BLOB_NOCOPY};
    // A named CA is the only one trusted, as kubectl trusts it: the system's bundle (libcurl's
    // default, parsed anew for every TLS connection) is neither consulted nor loaded.
    if (!tls.caPem.isEmpty() || !m_caFile.isEmpty()) {
        curl_easy_setopt(h, CURLOPT_CAPATH, nullptr);
        if (!tls.caPem.isEmpty()) {
            curl_easy_setopt(h, CURLOPT_CAINFO, nullptr);
            curl_easy_setopt(h, CURLOPT_CAINFO_BLOB, &m_caBlob);
        } else {
            curl_easy_setopt(h, CURLOPT_CAINFO, m_caFile.constData());
        }
    }
    if (!tls.clientCertPem.isEmpty()) {
        curl_easy_setopt(h, CURLOPT_SSLCERT_BLOB, &m_certBlob);
        curl_easy_setopt(h, CURLOPT_SSLCERTTYPE, "PEM");
    } else if (!m_certFile.isEmpty()) {
        curl_easy_setopt(h, CURLOPT_SSLCERT, m_certFile.constData());
    }
    if (!tls.clientKeyPem.isEmpty()) {
        curl_easy_setopt(h, CURLOPT_SSLKEY_BLOB, &m_keyBlob);
        curl_easy_setopt(h, CURLOPT_SSLKEYTYPE, "PEM");
    } else if (!m_keyFile.isEmpty()) {
        curl_easy_setopt(h, CURLOPT_SSLKEY, m_keyFile.constData());
    }
    m_proxy = m_request.proxyUrl.toUtf8();
    if (!m_proxy.isEmpty())
        curl_easy_setopt(h, CURLOPT_PROXY, m_proxy.constData());
    m_startNs = monotonicNs();
    qCDebug(lcHttp).noquote() << m_method << redactSecrets(requested.toDisplayString());
    return {};
}

Result<HttpResponse> CurlTransfer::finish(CURLcode code, bool cancelled)
{
    double connectTime = 0.0;
    curl_easy_getinfo(m_easy, CURLINFO_CONNECT_TIME, &connectTime);
    m_response.elapsedSeconds = double(monotonicNs() - m_startNs) / 1e9;
    if (cancelled)
        code = CURLE_ABORTED_BY_CALLBACK;
    if (code == CURLE_WRITE_ERROR && m_stoppedByHandler)
        code = CURLE_OK;
    if (code != CURLE_OK) {
        QString detail = QString::fromUtf8(curl_easy_strerror(code));
        if (m_errorBuffer[0])
            detail = QStringLiteral("%1: %2").arg(detail, QString::fromUtf8(m_errorBuffer));
        Error e = errorFor(code, m_request, m_tooLarge, redactSecrets(detail), connectTime);
        qCDebug(lcHttp).noquote() << "failed:" << e.codeName() << e.detail();
        return Unexpected(std::move(e));
    }
    long status = 0;
    curl_easy_getinfo(m_easy, CURLINFO_RESPONSE_CODE, &status);
    if (status > 0)
        m_response.status = int(status);
    return std::move(m_response);
}

Error CurlTransfer::errorFor(CURLcode code, const HttpRequest &request, bool tooLarge,
                             const QString &detail, double connectTime)
{
    const QUrl &url = request.url;
    const QString where = hostPort(url);

    switch (code) {
    case CURLE_ABORTED_BY_CALLBACK:
        return {ErrorCode::Cancelled, tr("The request to %1 was cancelled.").arg(where), detail};
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
        return {ErrorCode::InvalidArgument,
                tr("The address \"%1\" is not a valid http or https URL. Check the server address.")
                    .arg(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)),
                detail};
    case CURLE_COULDNT_RESOLVE_HOST:
        return {ErrorCode::HostNotFound,
                tr("The host name \"%1\" could not be resolved. Check the server address and your "
                   "network or DNS settings.")
                    .arg(url.host()),
                detail, true};
    case CURLE_COULDNT_RESOLVE_PROXY:
        return {ErrorCode::HostNotFound,
                tr("The proxy host could not be resolved. Check the proxy setting."), detail, true};
    case CURLE_COULDNT_CONNECT:
        return {
            ErrorCode::ConnectionRefused,
            tr("Could not connect to %1: the connection was refused or the host is unreachable. "
               "Check that the server is running and the address and port are right.")
                .arg(where),
            detail, true};
    case CURLE_OPERATION_TIMEDOUT:
        if (connectTime <= 0.0)
            return {ErrorCode::Timeout,
                    tr("Connecting to %1 timed out. The server may be down or a firewall may be "
                       "dropping the connection.")
                        .arg(where),
                    detail, true};
        return {ErrorCode::Timeout,
                tr("%1 stopped answering: no data arrived within the time limit. Try again; if it "
                   "keeps happening, the server may be overloaded.")
                    .arg(where),
                detail, true};
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE:
        return {
            ErrorCode::TlsFailure,
            tr("The secure connection to %1 failed: its certificate could not be verified or the "
               "client certificate was rejected. Check the certificate authority and client "
               "certificate you configured.")
                .arg(where),
            detail};
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
        return {
            ErrorCode::ConnectionReset,
            tr("The connection to %1 was reset while talking to the server. Try again.").arg(where),
            detail, true};
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_WEIRD_SERVER_REPLY:
        return {ErrorCode::ProtocolError,
                tr("%1 closed the connection or sent an incomplete reply. Try again.").arg(where),
                detail, true};
    case CURLE_WRITE_ERROR:
        if (tooLarge)
            return {ErrorCode::TooLarge,
                    tr("The reply from %1 is larger than %2 MiB and was not read.")
                        .arg(where)
                        .arg(request.maxBodyBytes / (1024 * 1024)),
                    detail};
        break;
    default:
        break;
    }
    return {ErrorCode::Unknown, tr("The request to %1 failed.").arg(where), detail, false};
}

} // namespace Meshdeck
