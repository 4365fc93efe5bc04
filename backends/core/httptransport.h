#pragma once

#include "canceltoken.h"
#include "httptypes.h"
#include "result.h"

#include <QCoreApplication>

#include <functional>

namespace Meshdeck {

// Blocking HTTP(S) over libcurl, for worker threads (never the GUI thread). One process-wide
// curl_global_init, done on first use or by globalInit(). TLS peer and host verification are on
// by default. A CancelToken stops a transfer within ~50 ms from any thread. Every HTTP status is
// a successful Result: the caller decides what a 404 means; transport failures (DNS, refused,
// TLS, timeouts, resets, cancellation) are Errors with a user-facing message.
class HttpTransport
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::HttpTransport)

public:
    // Receives body bytes as they arrive (watch streams, downloads). Return false to stop the
    // transfer early; perform() then returns the response received so far without an error.
    using BodyHandler = std::function<bool(const char *data, size_t size)>;

    [[nodiscard]] static Result<HttpResponse> perform(const HttpRequest &request,
                                                      const CancelToken &cancel = {},
                                                      const BodyHandler &onBody = {});

    static void globalInit();
    [[nodiscard]] static QString libcurlVersion();
    [[nodiscard]] static QString tlsBackendVersion();
};

} // namespace Meshdeck
