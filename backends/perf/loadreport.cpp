#include "loadreport.h"

namespace Meshdeck::Perf {

const char *failureKindName(FailureKind kind)
{
    switch (kind) {
    case FailureKind::ConnectRefused:
        return "connect_refused";
    case FailureKind::ConnectTimeout:
        return "connect_timeout";
    case FailureKind::ConnectFailed:
        return "connect_failed";
    case FailureKind::TlsFailure:
        return "tls_failure";
    case FailureKind::Reset:
        return "reset";
    case FailureKind::ReadTimeout:
        return "read_timeout";
    case FailureKind::ProtocolError:
        return "protocol_error";
    case FailureKind::StreamReset:
        return "stream_reset";
    case FailureKind::GoAway:
        return "goaway";
    case FailureKind::Count:
        break;
    }
    return "unknown";
}

const char *failureKindTitle(FailureKind kind)
{
    switch (kind) {
    case FailureKind::ConnectRefused:
        return "connection refused";
    case FailureKind::ConnectTimeout:
        return "connect timeout";
    case FailureKind::ConnectFailed:
        return "could not connect";
    case FailureKind::TlsFailure:
        return "TLS handshake failed";
    case FailureKind::Reset:
        return "connection reset or closed";
    case FailureKind::ReadTimeout:
        return "response timeout";
    case FailureKind::ProtocolError:
        return "invalid HTTP response";
    case FailureKind::StreamReset:
        return "stream reset by server";
    case FailureKind::GoAway:
        return "connection ended (GOAWAY)";
    case FailureKind::Count:
        break;
    }
    return "unknown";
}

const char *protocolName(LoadSpec::Protocol protocol)
{
    switch (protocol) {
    case LoadSpec::Protocol::Http2:
        return "h2";
    case LoadSpec::Protocol::Grpc:
        return "grpc";
    case LoadSpec::Protocol::Http1:
        break;
    }
    return "http/1.1";
}

std::string grpcStatusName(int code)
{
    static const char *const names[] = {"OK",
                                        "CANCELLED",
                                        "UNKNOWN",
                                        "INVALID_ARGUMENT",
                                        "DEADLINE_EXCEEDED",
                                        "NOT_FOUND",
                                        "ALREADY_EXISTS",
                                        "PERMISSION_DENIED",
                                        "RESOURCE_EXHAUSTED",
                                        "FAILED_PRECONDITION",
                                        "ABORTED",
                                        "OUT_OF_RANGE",
                                        "UNIMPLEMENTED",
                                        "INTERNAL",
                                        "UNAVAILABLE",
                                        "DATA_LOSS",
                                        "UNAUTHENTICATED"};
    return code >= 0 && code < static_cast<int>(std::size(names)) ? names[code]
                                                                  : "CODE " + std::to_string(code);
}

bool parseProtocol(const std::string &text, LoadSpec::Protocol &protocol)
{
    if (text == "http/1.1" || text == "1.1" || text == "http1" || text.empty()) {
        protocol = LoadSpec::Protocol::Http1;
        return true;
    }
    if (text == "h2" || text == "http2" || text == "h2c" || text == "http/2") {
        protocol = LoadSpec::Protocol::Http2;
        return true;
    }
    if (text == "grpc") {
        protocol = LoadSpec::Protocol::Grpc;
        return true;
    }
    return false;
}

void LoadCounters::merge(const LoadCounters &o)
{
    responses += o.responses;
    successes += o.successes;
    redirects += o.redirects;
    bytesRead += o.bytesRead;
    bytesWritten += o.bytesWritten;
    oversizedBodies += o.oversizedBodies;
    connectionsOpened += o.connectionsOpened;
    keepAliveRetries += o.keepAliveRetries;
    lateSends += o.lateSends;
    droppedSends += o.droppedSends;
    maxSendLagNs = std::max(maxSendLagNs, o.maxSendLagNs);
    warmupResponses += o.warmupResponses;
    unknownErrorStatuses += o.unknownErrorStatuses;
    for (std::size_t i = 0; i < failures.size(); ++i)
        failures[i] += o.failures[i];
    for (const auto &[code, n] : o.statusCodes)
        statusCodes[code] += n;
    for (const auto &[code, n] : o.grpcCodes)
        grpcCodes[code] += n;
}

std::uint64_t LoadCounters::grpcErrorCount() const
{
    std::uint64_t n = 0;
    for (const auto &[code, count] : grpcCodes)
        n += code != 0 ? count : 0;
    return n;
}

std::uint64_t LoadCounters::failureCount() const
{
    std::uint64_t n = 0;
    for (const auto f : failures)
        n += f;
    return n;
}

std::uint64_t LoadCounters::errorStatusCount() const
{
    std::uint64_t n = unknownErrorStatuses;
    for (const auto &[code, count] : statusCodes) {
        if (code >= 400)
            n += count;
    }
    return n;
}

std::uint64_t LoadCounters::errorCount() const
{
    return failureCount() + errorStatusCount() + grpcErrorCount();
}

std::uint64_t LoadReport::attempts() const
{
    return counters.responses + counters.failureCount();
}

double LoadReport::errorShare() const
{
    const auto a = attempts();
    return a ? static_cast<double>(counters.errorCount()) / static_cast<double>(a) : 0.0;
}

} // namespace Meshdeck::Perf
