#include "httptransport.h"

#include "curltransfer.h"
#include "logging.h"

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace Meshdeck {

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
    CurlTransfer transfer(request, cancel, onBody);
    const VoidResult prepared = transfer.prepare();
    if (!prepared.ok())
        return Unexpected(prepared.error());
    struct MultiDeleter
    {
        void operator()(CURLM *m) const { curl_multi_cleanup(m); }
    };
    std::unique_ptr<CURLM, MultiDeleter> multi(curl_multi_init());
    if (!multi)
        return Unexpected(
            Error(ErrorCode::Unknown, QStringLiteral("libcurl could not be initialised.")));

    // A private multi handle so that cancellation is noticed between short polls instead of
    // waiting for libcurl's once-a-second progress callback.
    curl_multi_add_handle(multi.get(), transfer.handle());
    CURLcode result = CURLE_OK;
    bool cancelled = false;
    for (;;) {
        int running = 0;
        if (curl_multi_perform(multi.get(), &running) != CURLM_OK) {
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
    curl_multi_remove_handle(multi.get(), transfer.handle());
    return transfer.finish(result, cancelled);
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
