#pragma once

#include <atomic>
#include <memory>

namespace Meshdeck {

// A cancellation flag shared between the party that starts an operation and the operation itself.
// Copies share the flag; cancel() may be called from any thread. A default-constructed token can
// be cancelled too (it owns its own flag).
class CancelToken
{
public:
    CancelToken()
        : m_flag(std::make_shared<std::atomic_bool>(false))
    {
    }

    void cancel() const { m_flag->store(true, std::memory_order_relaxed); }
    [[nodiscard]] bool isCancelled() const { return m_flag->load(std::memory_order_relaxed); }

private:
    std::shared_ptr<std::atomic_bool> m_flag;
};

} // namespace Meshdeck
