#pragma once

// Internal to backends/core: one libcurl easy handle configured from an HttpRequest, shared by
// the blocking HttpTransport and the asynchronous HttpEngine. Not for use outside core.

#include "canceltoken.h"
#include "httptransport.h"

#include <curl/curl.h>

#include <memory>

namespace Meshdeck {

class CurlTransfer
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::HttpTransport)

public:
    CurlTransfer(HttpRequest request, CancelToken cancel, HttpTransport::BodyHandler onBody);
    ~CurlTransfer();
    CurlTransfer(const CurlTransfer &) = delete;
    CurlTransfer &operator=(const CurlTransfer &) = delete;

    // Validates the request and configures the easy handle; an Error for an unusable request.
    VoidResult prepare();
    [[nodiscard]] CURL *handle() const { return m_easy; }
    [[nodiscard]] const CancelToken &cancelToken() const { return m_cancel; }
    // The outcome once libcurl reports the transfer done (or it was cancelled).
    [[nodiscard]] Result<HttpResponse> finish(CURLcode code, bool cancelled);

    static Error errorFor(CURLcode code, const HttpRequest &request, bool tooLarge,
                          const QString &detail, double connectSeconds);

private:
    static size_t onHeaderLine(char *data, size_t size, size_t count, void *self);
    static size_t onBodyData(char *data, size_t size, size_t count, void *self);
    static int onProgress(void *self, curl_off_t, curl_off_t, curl_off_t, curl_off_t);

    HttpRequest m_request;
    CancelToken m_cancel;
    HttpTransport::BodyHandler m_onBody;
    CURL *m_easy = nullptr;
    curl_slist *m_headers = nullptr;
    curl_slist *m_connectTo = nullptr;
    QByteArray m_url;
    QByteArray m_userAgent;
    QByteArray m_method;
    QByteArray m_caFile, m_certFile, m_keyFile, m_proxy;
    curl_blob m_caBlob {}, m_certBlob {}, m_keyBlob {};
    char m_errorBuffer[CURL_ERROR_SIZE] = {};
    HttpResponse m_response;
    qint64 m_startNs = 0;
    bool m_stoppedByHandler = false;
    bool m_tooLarge = false;
};

} // namespace Meshdeck
