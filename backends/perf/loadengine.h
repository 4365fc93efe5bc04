#pragma once

#include "loadreport.h"
#include "loadspec.h"

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace Meshdeck::Perf {

struct EngineShared;
class LoadWorker;

// A live look at a running engine, cheap enough to take a few times a second.
struct EngineProgress
{
    bool warmingUp = true;
    double elapsedSeconds = 0; // measured time so far, warm-up excluded
    std::uint64_t responses = 0;
    std::uint64_t errors = 0; // failures plus 4xx/5xx
    std::uint64_t connectFailures = 0;
    std::uint64_t connectionsOpened = 0;
    double rate = 0; // responses per second so far
    std::uint64_t p50Ns = 0; // of everything measured so far (corrected latency)
    std::uint64_t p99Ns = 0;
    std::vector<SecondPoint> newPoints; // seconds completed since the previous call
    // With LoadSpec::secondHistograms: each new second's histogram, serialized (empty: no sample).
    std::vector<std::string> newHistograms;
};

// The native load generator: T threads, each with its own epoll loop and its own connections;
// nothing is shared on the hot path. Plain C++ (no Qt) so that it can be measured on its own.
// start() resolves the host and spawns the threads; the run ends by itself after warm-up plus
// duration (in-flight requests get a short grace to finish), or at cancel(), keeping what was
// measured. The destructor cancels and joins.
class LoadEngine
{
public:
    explicit LoadEngine(LoadSpec spec);
    ~LoadEngine();
    LoadEngine(const LoadEngine &) = delete;
    LoadEngine &operator=(const LoadEngine &) = delete;

    // false and a sentence in `error` for a bad spec, a malformed URL or a host that does not
    // resolve; nothing is started then.
    bool start(std::string *error);
    void cancel();
    [[nodiscard]] bool finished() const;
    // Blocks up to `timeout`; true when every thread has ended.
    bool wait(Micros timeout);

    [[nodiscard]] EngineProgress progress();
    // The whole result; call after finished().
    [[nodiscard]] LoadReport report();

    [[nodiscard]] const LoadSpec &spec() const { return m_spec; }

private:
    LoadSpec m_spec;
    std::shared_ptr<EngineShared> m_shared;
    std::vector<std::unique_ptr<LoadWorker>> m_workers;
    std::vector<std::thread> m_threads;
    bool m_joined = false;
};

} // namespace Meshdeck::Perf
