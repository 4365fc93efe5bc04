#pragma once

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace Meshdeck::Demo {

// cpp-httplib's default pool has a handful of threads: long watches or slow handlers would
// starve other clients. One thread per connection keeps every client served; shutdown() waits
// (bounded) for the handlers to return.
class ThreadPerConnection : public httplib::TaskQueue
{
public:
    void enqueue(std::function<void()> fn) override
    {
        {
            std::lock_guard lock(m_mutex);
            ++m_running;
        }
        std::thread([this, fn = std::move(fn)] {
            fn();
            std::lock_guard lock(m_mutex);
            --m_running;
            m_done.notify_all();
        }).detach();
    }
    void shutdown() override
    {
        std::unique_lock lock(m_mutex);
        m_done.wait_for(lock, std::chrono::seconds(10), [this] { return m_running == 0; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_done;
    int m_running = 0;
};

} // namespace Meshdeck::Demo
