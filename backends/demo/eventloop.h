#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <thread>

#include <time.h>

struct event_base;
struct event;

namespace Meshdeck::Demo {

// One thread running one libevent loop: a demo container's process. Everything the loop's
// handlers do happens on that thread, so the thread's CPU clock is the container's CPU time,
// and the heap the HTTP library allocates on it (connections, headers, buffers) is counted as
// the container's memory through libevent's allocation hooks. Set up handlers before start();
// after start() only the loop's own thread touches its objects.
class EventLoop
{
public:
    explicit EventLoop(std::string name);
    ~EventLoop(); // stops the thread; the base is freed by the owners of its objects first

    EventLoop(const EventLoop &) = delete;
    EventLoop &operator=(const EventLoop &) = delete;

    [[nodiscard]] event_base *base() const { return m_base; }
    [[nodiscard]] const std::string &name() const { return m_name; }

    bool start();
    void stop(); // returns when the thread has left its loop

    // Runs `fn` on the loop's thread after `ms` milliseconds (0: next turn).
    void after(double ms, std::function<void()> fn);

    // CPU seconds the loop's thread has used (its thread CPU clock), readable from any thread;
    // after stop() the last value.
    [[nodiscard]] double cpuSeconds() const;
    // Live bytes libevent holds for this loop (allocated on its thread, not yet freed).
    // plus what its connections account for themselves (buffers, parser state).
    [[nodiscard]] long long heapBytes() const;
    void account(long long bytes); // charged to this loop (negative: released)

private:
    std::string m_name;
    event_base *m_base = nullptr;
    event *m_wakeup = nullptr;
    int m_wakeFd = -1;
    int m_slot = -1;
    std::thread m_thread;
    std::atomic_bool m_running {false};
    std::atomic<double> m_lastCpu {0};
    std::atomic<clockid_t> m_clock {};
    std::atomic_bool m_clockValid {false};
};

} // namespace Meshdeck::Demo
