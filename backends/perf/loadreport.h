#pragma once

#include "histogram.h"
#include "loadspec.h"

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace Meshdeck::Perf {

// One second of a run, for the charts: what completed in [second, second+1) after the warm-up.
struct SecondPoint
{
    std::int64_t second = 0;
    std::uint64_t requests = 0; // responses, any status
    std::uint64_t errors = 0; // failures plus 4xx/5xx responses
    std::uint64_t p50Ns = 0;
    std::uint64_t p90Ns = 0;
    std::uint64_t p99Ns = 0;
    std::uint64_t maxNs = 0;
};

// Counters shared by the engine's threads' results and the final report.
struct LoadCounters
{
    std::uint64_t responses = 0; // complete responses in the measured window
    std::uint64_t successes = 0; // 1xx-3xx responses
    std::uint64_t redirects = 0; // 3xx, counted, not followed
    std::uint64_t bytesRead = 0;
    std::uint64_t bytesWritten = 0;
    std::uint64_t oversizedBodies = 0;
    std::uint64_t connectionsOpened = 0;
    std::uint64_t keepAliveRetries = 0; // a reused connection closed before answering: resent once
    std::uint64_t lateSends = 0; // constant rate: sent more than 1 ms after the intended time
    std::uint64_t droppedSends = 0; // constant rate: the backlog overflowed, never sent
    std::uint64_t maxSendLagNs = 0;
    std::uint64_t warmupResponses = 0;
    std::uint64_t unknownErrorStatuses = 0; // 4xx/5xx from generators that do not give the code
    std::array<std::uint64_t, static_cast<int>(FailureKind::Count)> failures {};
    std::map<int, std::uint64_t> statusCodes;
    std::map<int, std::uint64_t> grpcCodes; // gRPC: grpc-status of each completed call

    void merge(const LoadCounters &o);
    [[nodiscard]] std::uint64_t failureCount() const;
    [[nodiscard]] std::uint64_t errorStatusCount() const; // 4xx and 5xx responses
    [[nodiscard]] std::uint64_t grpcErrorCount() const; // calls answered with a status not OK
    // Everything that went wrong: failures, 4xx/5xx and gRPC statuses other than OK.
    [[nodiscard]] std::uint64_t errorCount() const;
};

// What a run measured. Produced by the native engine and by the external generators alike
// (these fill what their output carries).
struct LoadReport
{
    Histogram corrected; // from each request's intended send time (constant rate), else = service
    Histogram service; // from each request's actual send time
    std::vector<SecondPoint> series;
    LoadCounters counters;
    std::map<FailureKind, std::string> failureExamples; // one message per kind seen
    std::map<int, std::string> grpcMessages; // gRPC: the first grpc-message per status not OK
    double measuredSeconds = 0;
    double requestedRate = 0; // 0 for closed loop
    double achievedRate = 0;
    double clientCpuSeconds = 0; // CPU time of the generator's threads
    int peakConnections = 0;
    // HTTP/2 and gRPC: blocks the engine's HTTP/2 sessions took from the heap; bounded by the
    // streams in flight, not by the requests (not stored with results).
    std::uint64_t protocolAllocations = 0;
    bool cancelled = false;
    bool hasServiceTime = true; // false for generators that only report one latency
    std::string generator = "native";
    std::string generatorVersion;

    // requests that got an answer or failed, the denominator of the error share
    [[nodiscard]] std::uint64_t attempts() const;
    [[nodiscard]] double errorShare() const; // 0..1
};

} // namespace Meshdeck::Perf
