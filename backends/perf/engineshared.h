#pragma once

#include "histogram.h"
#include "loadreport.h"
#include "loadspec.h"
#include "url.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <nghttp2/nghttp2.h>

#include <sys/socket.h>

typedef struct ssl_ctx_st SSL_CTX;

namespace Meshdeck::Perf {

// State the engine's threads share. Workers touch it only when they publish (every 250 ms and at
// second boundaries), never per request.
struct EngineShared
{
    struct SecondAccum
    {
        std::unique_ptr<Histogram> histogram = std::make_unique<Histogram>();
        std::uint64_t requests = 0;
        std::uint64_t errors = 0;
    };

    LoadSpec spec;
    Url url;
    sockaddr_storage address {};
    socklen_t addressLength = 0;
    std::string addressText; // "127.0.0.1:8080" for messages
    std::string request; // built once
    bool headRequest = false;
    SSL_CTX *tls = nullptr;

    // HTTP/2: the request's header block, built once (names lower-case, pseudo-headers first);
    // h2Headers points into h2HeaderText, which is never touched again.
    bool http2 = false; // HTTP/2 or gRPC
    bool grpc = false;
    std::string h2Body; // the request body as sent: gRPC frames the message (5-byte prefix)
    std::vector<std::string> h2HeaderText;
    std::vector<nghttp2_nv> h2Headers;
    nghttp2_session_callbacks *h2Callbacks = nullptr;

    std::int64_t startNs = 0; // threads begin
    std::int64_t measureStartNs = 0; // warm-up ends
    std::int64_t endNs = 0; // no new requests after this
    std::int64_t drainEndNs = 0; // in-flight requests abandoned after this

    std::atomic_bool stop {false};
    std::atomic_int running {0};
    std::mutex finishedMutex;
    std::condition_variable finishedCondition;

    std::mutex mutex; // guards what follows
    Histogram live; // corrected latency of everything published so far
    std::map<std::int64_t, SecondAccum> seconds;
    std::vector<std::int64_t> publishedUpTo; // per worker: the second it has published up to
    std::vector<SecondPoint> series; // finalized seconds
    std::vector<std::string> seriesHistograms; // their histograms, with spec.secondHistograms
    std::size_t seriesHandedOut = 0;
    std::uint64_t responses = 0;
    std::uint64_t errors = 0;
    std::uint64_t connectFailures = 0;
    std::uint64_t connectionsOpened = 0;

    ~EngineShared();
    // Moves every second that all workers have passed into `series`. Caller holds `mutex`.
    void finalizeSeconds(bool all);
};

std::int64_t monotonicNs();

} // namespace Meshdeck::Perf
