#pragma once

#include <chrono>
#include <mutex>

namespace Meshdeck::Kube {

// A token bucket, as client-go's client-side rate limit: `qps` requests a second on average,
// bursts of up to `burst`. acquire() blocks the calling worker thread until a token is free.
class RateLimiter
{
public:
    RateLimiter(double qps, int burst)
        : m_qps(qps)
        , m_burst(burst)
        , m_tokens(burst)
    {
    }

    void acquire();
    // How long acquire() would wait now, without taking a token.
    [[nodiscard]] std::chrono::microseconds wouldWait();

private:
    void refill(std::chrono::steady_clock::time_point now);

    std::mutex m_mutex;
    double m_qps;
    int m_burst;
    double m_tokens;
    std::chrono::steady_clock::time_point m_last = std::chrono::steady_clock::now();
};

} // namespace Meshdeck::Kube
