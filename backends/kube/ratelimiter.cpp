#include "ratelimiter.h"

#include <thread>

namespace Meshdeck::Kube {

void RateLimiter::refill(std::chrono::steady_clock::time_point now)
{
    const double seconds = std::chrono::duration<double>(now - m_last).count();
    m_tokens = std::min<double>(m_burst, m_tokens + seconds * m_qps);
    m_last = now;
}

std::chrono::microseconds RateLimiter::wouldWait()
{
    std::lock_guard lock(m_mutex);
    refill(std::chrono::steady_clock::now());
    if (m_tokens >= 1.0 || m_qps <= 0)
        return std::chrono::microseconds(0);
    return std::chrono::microseconds(static_cast<long long>((1.0 - m_tokens) / m_qps * 1e6));
}

void RateLimiter::acquire()
{
    if (m_qps <= 0)
        return;
    std::unique_lock lock(m_mutex);
    for (;;) {
        refill(std::chrono::steady_clock::now());
        if (m_tokens >= 1.0) {
            m_tokens -= 1.0;
            return;
        }
        const auto wait
            = std::chrono::microseconds(static_cast<long long>((1.0 - m_tokens) / m_qps * 1e6) + 1);
        lock.unlock();
        std::this_thread::sleep_for(wait);
        lock.lock();
    }
}

} // namespace Meshdeck::Kube
