#pragma once

// The load engine run to its end, for tests.

#include <perf/loadengine.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace TestSupport {

// Starts the engine on `spec` (a spec that does not start is the test's bug) and waits.
inline Meshdeck::Perf::LoadReport runToEnd(const Meshdeck::Perf::LoadSpec &spec)
{
    Meshdeck::Perf::LoadEngine engine(spec);
    std::string error;
    if (!engine.start(&error)) {
        std::fprintf(stderr, "engine did not start: %s\n", error.c_str());
        std::abort();
    }
    return engine.report();
}

inline std::uint64_t failures(const Meshdeck::Perf::LoadReport &r, Meshdeck::Perf::FailureKind kind)
{
    return r.counters.failures[static_cast<std::size_t>(kind)];
}

} // namespace TestSupport
