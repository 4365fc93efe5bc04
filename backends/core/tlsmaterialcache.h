#pragma once

#include "httptypes.h"

#include <memory>

typedef void CURL;

namespace Meshdeck {

// Parsed TLS credentials (the CA to trust, a client certificate with its chain, its key), kept
// for the life of the process and shared by every connection that presents the same PEM bytes.
// OpenSSL 3.0 spends milliseconds decoding PEM keys and certificates, and libcurl does it again
// for each new connection: a stream (exec, port-forward) opens one per local connection.
// install() hands the parsed objects to libcurl's OpenSSL context in place of libcurl's own
// options; libcurl's verification of the peer and of the host name is unchanged.
class TlsMaterialCache
{
public:
    struct Material; // opaque: what the connection's context takes

    // Installs the credentials of `tls` on `curl` (after CurlTransfer::prepare), for a stream's
    // connection: its TLS also reads ahead, many records a call. The answer must live until
    // the connection is made. libcurl's own options stay in place when no credentials are
    // named, a PEM does not parse or libcurl has no OpenSSL, so that libcurl reports any
    // problem as usual; the last two answer null.
    // `resumed`, when given, is set once the handshake is done: whether it resumed an earlier
    // connection's session (connections with the same credentials share their sessions).
    [[nodiscard]] static std::shared_ptr<Material> install(CURL *curl, const TlsOptions &tls,
                                                           bool *resumed = nullptr);
};

} // namespace Meshdeck
