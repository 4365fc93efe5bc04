#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace Meshdeck::Perf {

using Micros = std::chrono::microseconds;

// What to send and how hard: the input of every generator (native, wrk, fortio).
struct LoadSpec
{
    enum class Protocol {
        Http1, // HTTP/1.1, one request at a time per connection (keep-alive)
        Http2, // HTTP/2: h2c with prior knowledge for http://, ALPN "h2" for https://
        Grpc, // gRPC unary calls over HTTP/2: `grpcMethod` with `body` as the request message
    };
    enum class Mode {
        ClosedLoop, // every connection sends its next request as soon as the last one is answered
        ConstantRate, // open loop: requests are due on a fixed schedule, latency from that schedule
    };

    std::string method = "GET";
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    // Headers the user marked as secret, beyond the well-known ones (see SpecSecrets): their
    // values are sent but never stored or exported.
    std::vector<std::string> secretHeaders;

    Protocol protocol = Protocol::Http1;
    // HTTP/2: requests each connection carries at once, as concurrent streams (never more than
    // the server's SETTINGS_MAX_CONCURRENT_STREAMS allows).
    int streams = 1;
    // gRPC: "package.Service/Method"; the request is POSTed to /package.Service/Method, `body`
    // holds the serialized request message (framed by the engine) and the deadline
    // (grpc-timeout) is the request timeout.
    std::string grpcMethod;

    Mode mode = Mode::ClosedLoop;
    double rate = 0; // requests per second in total, ConstantRate only
    int connections = 10;
    int threads = 1;
    // ConstantRate: connections may grow up to this many when none is idle at a due time
    // (0: four times `connections`).
    int maxConnections = 0;

    Micros duration = std::chrono::seconds(10);
    Micros warmup = std::chrono::seconds(0);
    Micros connectTimeout = std::chrono::seconds(5);
    Micros requestTimeout = std::chrono::seconds(10);

    // "host:port" -> "ip:port": where to connect instead of resolving the URL's host (the Host
    // header and TLS name stay the URL's), as /etc/hosts or a cluster's DNS would answer. The
    // demo cluster gives its in-cluster workers its Services this way.
    std::vector<std::pair<std::string, std::string>> hostAliases;
    // Keep each completed second's latency histogram (serialized) for EngineProgress, so that
    // several generators' seconds can be merged exactly (in-cluster workers).
    bool secondHistograms = false;

    bool insecureTls = false; // https: skip certificate and host name verification
    std::string caFile; // https: trust these CAs instead of the system's
    // Bodies larger than this are still read to the end (the connection stays usable) but
    // discarded and counted as oversized.
    std::uint64_t largeBodyBytes = 64ULL * 1024 * 1024;
};

// How a request can fail, for the error table. Statuses are counted separately.
enum class FailureKind {
    ConnectRefused,
    ConnectTimeout,
    ConnectFailed, // unreachable network, no route, other socket errors
    TlsFailure,
    Reset, // the server closed or reset the connection while a request was open
    ReadTimeout, // no complete response within requestTimeout
    ProtocolError, // not a valid HTTP/1.1 response, or an HTTP/2 protocol violation
    StreamReset, // HTTP/2: the server reset the request's stream (RST_STREAM, with its code)
    GoAway, // HTTP/2: the server ended the connection with an error (GOAWAY) before answering
    Count
};

[[nodiscard]] const char *failureKindName(FailureKind kind); // "connect_refused", ...
[[nodiscard]] const char *failureKindTitle(FailureKind kind); // "connection refused", ...
[[nodiscard]] const char *protocolName(LoadSpec::Protocol protocol); // "http/1.1", "h2", "grpc"
// "OK", "UNIMPLEMENTED", ... for gRPC status codes 0-16; "CODE n" beyond.
[[nodiscard]] std::string grpcStatusName(int code);
// Parses what protocolName() gives (and "http2", "1.1"); false for anything else.
[[nodiscard]] bool parseProtocol(const std::string &text, LoadSpec::Protocol &protocol);

} // namespace Meshdeck::Perf
