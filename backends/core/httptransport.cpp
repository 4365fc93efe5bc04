#include "httptransport.h"

#include "logging.h"
#include "redact.h"

#include <meshdeck_version.h>

#include <QCoreApplication>
#include <QElapsedTimer>

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace Meshdeck {

namespace {

struct Transfer
{
    const HttpRequest *request = nullptr;
    const HttpTransport::BodyHandler *onBody = nullptr;
    const CancelToken *cancel = nullptr;
    HttpResponse response;
    bool stoppedByHandler = false;
    bool tooLarge = false;
};

size_t onHeaderLine(char *data, size_t size, size_t count, void *userData)
{
    auto *t = static_cast<Transfer *>(userData);
    const size_t bytes = size * count;
    const QByteArray line = QByteArray(data, qsizetype(bytes)).trimmed();
    if (line.startsWith("HTTP/")) {
        // A new response begins (after a 1xx or a proxy's CONNECT reply): forget earlier headers.
        t->response.headers.clear();
        const QList<QByteArray> parts = line.split(' ');
        t->response.httpVersion = parts.value(0).mid(5);
        t->response.status = parts.value(1).toInt();
        return bytes;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon > 0)
        t->response.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    return bytes;
}

size_t onBodyData(char *data, size_t size, size_t count, void *userData)
{
    auto *t = static_cast<Transfer *>(userData);
    const size_t bytes = size * count;
    if (t->onBody && *t->onBody) {
        if (!(*t->onBody)(data, bytes)) {
            t->stoppedByHandler = true;
            return CURL_WRITEFUNC_ERROR;
        }
        return bytes;
    }
    if (t->response.body.size() + qint64(bytes) > t->request->maxBodyBytes) {
        t->tooLarge = true;
        return CURL_WRITEFUNC_ERROR;
    }
    t->response.body.append(data, qsizetype(bytes));
    return bytes;
}

int onProgress(void *userData, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    auto *t = static_cast<Transfer *>(userData);
    return t->cancel->isCancelled() ? 1 : 0;
}

struct EasyDeleter
{
    void operator()(CURL *h) const { curl_easy_cleanup(h); }
};
struct MultiDeleter
{
    void operator()(CURLM *h) const { curl_multi_cleanup(h); }
};
struct SlistDeleter
{
    void operator()(curl_slist *l) const { curl_slist_free_all(l); }
};

QString hostPort(const QUrl &url)
{
    const int port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    return QStringLiteral("%1:%2").arg(url.host()).arg(port);
}

} // namespace

void HttpTransport::globalInit()
{
    static std::once_flag once;
    std::call_once(once, [] {
        const CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);
        if (rc != CURLE_OK)
            qCCritical(lcHttp) << "curl_global_init failed:" << curl_easy_strerror(rc);
    });
}

QString HttpTransport::libcurlVersion()
{
    globalInit();
    return QString::fromLatin1(curl_version_info(CURLVERSION_NOW)->version);
}

QString HttpTransport::tlsBackendVersion()
{
    globalInit();
    const char *ssl = curl_version_info(CURLVERSION_NOW)->ssl_version;
    return ssl ? QString::fromLatin1(ssl) : QString();
}

Result<HttpResponse> HttpTransport::perform(const HttpRequest &request, const CancelToken &cancel,
                                            const BodyHandler &onBody)
{
    globalInit();
    const QString scheme = request.url.scheme();
    if (!request.url.isValid() || request.url.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        return Unexpected(Error(ErrorCode::InvalidArgument,
                                tr("The address \"%1\" is not a valid http or https URL. "
                                   "Check the server address.")
                                    .arg(request.url.toDisplayString(QUrl::RemoveUserInfo
                                                                     | QUrl::RemoveQuery))));
    }
    if (cancel.isCancelled())
        return Unexpected(Error(ErrorCode::Cancelled,
                                tr("The request was cancelled.")));

    std::unique_ptr<CURL, EasyDeleter> easy(curl_easy_init());
    std::unique_ptr<CURLM, MultiDeleter> multi(curl_multi_init());
    if (!easy || !multi)
        return Unexpected(Error(ErrorCode::Unknown, QStringLiteral("libcurl could not be initialised.")));

    Transfer t;
    t.request = &request;
    t.onBody = &onBody;
    t.cancel = &cancel;
    char errorBuffer[CURL_ERROR_SIZE] = {};

    QUrl url = request.url;
    std::unique_ptr<curl_slist, SlistDeleter> connectTo;
    std::unique_ptr<curl_slist, SlistDeleter> headers;
    bool hasHostHeader = false;
    for (const HttpHeader &h : request.headers) {
        hasHostHeader = hasHostHeader || h.first.compare("host", Qt::CaseInsensitive) == 0;
        const QByteArray line = h.second.isEmpty() ? h.first + ';' : h.first + ": " + h.second;
        headers.reset(curl_slist_append(headers.release(), line.constData()));
    }
    if (!request.tls.serverName.isEmpty() && request.tls.serverName != url.host()) {
        // Verify against (and send SNI for) serverName while connecting to the URL's host.
        const int port = url.port(scheme == QLatin1String("https") ? 443 : 80);
        const QByteArray mapping = QStringLiteral("%1:%2:%3:%2")
                                       .arg(request.tls.serverName).arg(port).arg(url.host())
                                       .toUtf8();
        connectTo.reset(curl_slist_append(nullptr, mapping.constData()));
        if (!hasHostHeader) {
            const QByteArray host = "Host: " + hostPort(url).toUtf8();
            headers.reset(curl_slist_append(headers.release(), host.constData()));
        }
        url.setHost(request.tls.serverName);
    }
    // libcurl adds "Expect: 100-continue" to large bodies; Kubernetes and most APIs don't need it.
    headers.reset(curl_slist_append(headers.release(), "Expect:"));

    CURL *h = easy.get();
    const QByteArray urlBytes = url.toEncoded();
    const QByteArray userAgent = "meshdeck/" MESHDECK_VERSION;
    curl_easy_setopt(h, CURLOPT_URL, urlBytes.constData());
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(h, CURLOPT_USERAGENT, userAgent.constData());
    if (request.acceptCompressed)
        curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(h, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_2TLS));
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
    if (connectTo)
        curl_easy_setopt(h, CURLOPT_CONNECT_TO, connectTo.get());
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, onHeaderLine);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, onBodyData);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, &t);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, long(request.connectTimeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, long(request.timeout.count()));
    if (request.idleTimeout.count() > 0) {
        curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 1L);
        curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, long(request.idleTimeout.count()));
    }
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");

    const QByteArray method = request.method.toUpper();
    if (method == "HEAD") {
        curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
    } else if (method != "GET" || !request.body.isEmpty()) {
        if (method != "GET")
            curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method.constData());
        if (!request.body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH") {
            curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.constData());
            curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.size()));
        }
    }

    // TLS: verification stays on unless asked otherwise.
    const TlsOptions &tls = request.tls;
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, tls.verifyPeer ? 1L : 0L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, tls.verifyPeer ? 2L : 0L);
    const QByteArray caFile = tls.caFile.toLocal8Bit();
    const QByteArray certFile = tls.clientCertFile.toLocal8Bit();
    const QByteArray keyFile = tls.clientKeyFile.toLocal8Bit();
    curl_blob caBlob{const_cast<char *>(tls.caPem.constData()), size_t(tls.caPem.size()),
                     CURL_BLOB_NOCOPY};
    curl_blob certBlob{const_cast<char *>(tls.clientCertPem.constData()),
                       size_t(tls.clientCertPem.size()), CURL_BLOB_NOCOPY};
    curl_blob keyBlob{const_cast<char *>(tls.clientKeyPem.constData()),
                      size_t(tls.clientKeyPem.size()), CURL_BLOB_NOCOPY};
    if (!tls.caPem.isEmpty())
        curl_easy_setopt(h, CURLOPT_CAINFO_BLOB, &caBlob);
    else if (!caFile.isEmpty())
        curl_easy_setopt(h, CURLOPT_CAINFO, caFile.constData());
    if (!tls.clientCertPem.isEmpty()) {
        curl_easy_setopt(h, CURLOPT_SSLCERT_BLOB, &certBlob);
        curl_easy_setopt(h, CURLOPT_SSLCERTTYPE, "PEM");
    } else if (!certFile.isEmpty()) {
        curl_easy_setopt(h, CURLOPT_SSLCERT, certFile.constData());
    }
    if (!tls.clientKeyPem.isEmpty()) {
        curl_easy_setopt(h, CURLOPT_SSLKEY_BLOB, &keyBlob);
        curl_easy_setopt(h, CURLOPT_SSLKEYTYPE, "PEM");
    } else if (!keyFile.isEmpty()) {
        curl_easy_setopt(h, CURLOPT_SSLKEY, keyFile.constData());
    }
    const QByteArray proxy = request.proxyUrl.toUtf8();
    if (!proxy.isEmpty())
        curl_easy_setopt(h, CURLOPT_PROXY, proxy.constData());

    qCDebug(lcHttp).noquote() << method << redactSecrets(request.url.toDisplayString());

    // A private multi handle so that cancellation is noticed between short polls instead of
    // waiting for libcurl's once-a-second progress callback.
    curl_multi_add_handle(multi.get(), h);
    QElapsedTimer clock;
    clock.start();
    CURLcode result = CURLE_OK;
    bool cancelled = false;
    for (;;) {
        int running = 0;
        const CURLMcode mc = curl_multi_perform(multi.get(), &running);
        if (mc != CURLM_OK) {
            result = CURLE_RECV_ERROR;
            break;
        }
        if (running == 0) {
            int queued = 0;
            while (CURLMsg *msg = curl_multi_info_read(multi.get(), &queued)) {
                if (msg->msg == CURLMSG_DONE)
                    result = msg->data.result;
            }
            break;
        }
        if (cancel.isCancelled()) {
            cancelled = true;
            break;
        }
        curl_multi_poll(multi.get(), nullptr, 0, 50, nullptr);
    }
    curl_multi_remove_handle(multi.get(), h);

    double connectTime = 0.0;
    curl_easy_getinfo(h, CURLINFO_CONNECT_TIME, &connectTime);
    t.response.elapsedSeconds = double(clock.nsecsElapsed()) / 1e9;
    if (cancelled)
        result = CURLE_ABORTED_BY_CALLBACK;
    if (result == CURLE_WRITE_ERROR && t.stoppedByHandler)
        result = CURLE_OK;
    if (result != CURLE_OK) {
        QString detail = QString::fromUtf8(curl_easy_strerror(result));
        if (errorBuffer[0])
            detail = QStringLiteral("%1: %2").arg(detail, QString::fromUtf8(errorBuffer));
        Error e = errorFor(result, request, t.tooLarge, redactSecrets(detail), connectTime);
        qCDebug(lcHttp).noquote() << "failed:" << e.codeName() << e.detail();
        return Unexpected(std::move(e));
    }
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    if (status > 0)
        t.response.status = int(status);
    return std::move(t.response);
}

Error HttpTransport::errorFor(int curlCode, const HttpRequest &request, bool tooLarge,
                              const QString &detail, double connectTime)
{
    const auto code = CURLcode(curlCode);
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
                   "network or DNS settings.").arg(url.host()),
                detail, true};
    case CURLE_COULDNT_RESOLVE_PROXY:
        return {ErrorCode::HostNotFound,
                tr("The proxy host could not be resolved. Check the proxy setting."), detail, true};
    case CURLE_COULDNT_CONNECT:
        return {ErrorCode::ConnectionRefused,
                tr("Could not connect to %1: the connection was refused or the host is unreachable. "
                   "Check that the server is running and the address and port are right.").arg(where),
                detail, true};
    case CURLE_OPERATION_TIMEDOUT:
        if (connectTime <= 0.0)
            return {ErrorCode::Timeout,
                    tr("Connecting to %1 timed out. The server may be down or a firewall may be "
                       "dropping the connection.").arg(where),
                    detail, true};
        return {ErrorCode::Timeout,
                tr("%1 stopped answering: no data arrived within the time limit. Try again; if it "
                   "keeps happening, the server may be overloaded.").arg(where),
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
        return {ErrorCode::TlsFailure,
                tr("The secure connection to %1 failed: its certificate could not be verified or the "
                   "client certificate was rejected. Check the certificate authority and client "
                   "certificate you configured.").arg(where),
                detail};
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
        return {ErrorCode::ConnectionReset,
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
                        .arg(where).arg(request.maxBodyBytes / (1024 * 1024)),
                    detail};
        break;
    default:
        break;
    }
    return {ErrorCode::Unknown, tr("The request to %1 failed.").arg(where), detail, false};
}

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const HttpHeader &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

} // namespace Meshdeck
