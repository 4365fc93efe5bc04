#include "eventloop.h"

#include <event2/event.h>

#include <array>
#include <cstdlib>
#include <mutex>
#include <pthread.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

namespace Meshdeck::Demo {

namespace {

// Heap accounting through libevent's allocation hooks: every block carries a small header with
// its size and the slot of the loop whose thread allocated it, so that a block freed elsewhere
// is still taken off the right loop. Slots are never reused, so a header never points at a
// counter that is gone.
constexpr int SlotCount = 4096;
std::array<std::atomic<long long>, SlotCount> g_heap {};
std::atomic_int g_nextSlot {0};
thread_local int t_slot = -1;

struct alignas(16) BlockHeader
{
    std::size_t size;
    int slot;
};

void charge(int slot, long long delta)
{
    if (slot >= 0)
        g_heap[static_cast<std::size_t>(slot)].fetch_add(delta, std::memory_order_relaxed);
}

void *hookedMalloc(std::size_t n)
{
    auto *h = static_cast<BlockHeader *>(std::malloc(sizeof(BlockHeader) + n));
    if (!h)
        return nullptr;
    h->size = n;
    h->slot = t_slot;
    charge(h->slot, static_cast<long long>(n));
    return h + 1;
}

void hookedFree(void *p)
{
    if (!p)
        return;
    auto *h = static_cast<BlockHeader *>(p) - 1;
    charge(h->slot, -static_cast<long long>(h->size));
    std::free(h);
}

void *hookedRealloc(void *p, std::size_t n)
{
    if (!p)
        return hookedMalloc(n);
    auto *h = static_cast<BlockHeader *>(p) - 1;
    const std::size_t old = h->size;
    const int slot = h->slot;
    auto *moved = static_cast<BlockHeader *>(std::realloc(h, sizeof(BlockHeader) + n));
    if (!moved)
        return nullptr;
    moved->size = n;
    charge(slot, static_cast<long long>(n) - static_cast<long long>(old));
    return moved + 1;
}

void installHooks()
{
    static std::once_flag once;
    // Must come before any other libevent call in the process; only the demo uses libevent.
    std::call_once(once, [] { event_set_mem_functions(hookedMalloc, hookedRealloc, hookedFree); });
}

struct Deferred
{
    std::function<void()> fn;
};

void runDeferred(evutil_socket_t, short, void *arg)
{
    std::unique_ptr<Deferred> d(static_cast<Deferred *>(arg));
    d->fn();
}

} // namespace

EventLoop::EventLoop(std::string name)
    : m_name(std::move(name))
{
    installHooks();
    m_slot = g_nextSlot.fetch_add(1) % SlotCount;
    g_heap[static_cast<std::size_t>(m_slot)].store(0);
    t_slot = m_slot; // objects set up for this loop before it runs are its own
    // Service times are fractions of a millisecond: timers on timerfd, not epoll's milliseconds.
    event_config *config = event_config_new();
    event_config_set_flag(config, EVENT_BASE_FLAG_PRECISE_TIMER);
    // One epoll_ctl per descriptor and turn, not one per interest change.
    event_config_set_flag(config, EVENT_BASE_FLAG_EPOLL_USE_CHANGELIST);
    m_base = event_base_new_with_config(config);
    event_config_free(config);
    m_wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    m_wakeup = event_new(
        m_base, m_wakeFd, EV_READ | EV_PERSIST,
        [](evutil_socket_t fd, short, void *base) {
            eventfd_t value = 0;
            (void)::eventfd_read(fd, &value);
            event_base_loopbreak(static_cast<event_base *>(base));
        },
        m_base);
    event_add(m_wakeup, nullptr);
    t_slot = -1;
}

EventLoop::~EventLoop()
{
    stop();
    event_free(m_wakeup);
    event_base_free(m_base);
    ::close(m_wakeFd);
}

bool EventLoop::start()
{
    if (m_running.exchange(true))
        return true;
    m_thread = std::thread([this] {
        t_slot = m_slot;
        pthread_setname_np(pthread_self(), m_name.substr(0, 15).c_str());
        clockid_t clock {};
        if (pthread_getcpuclockid(pthread_self(), &clock) == 0) {
            m_clock = clock;
            m_clockValid = true;
        }
        event_base_dispatch(m_base);
        m_lastCpu = cpuSeconds();
        m_clockValid = false;
        t_slot = -1;
    });
    return true;
}

void EventLoop::stop()
{
    if (!m_thread.joinable())
        return;
    (void)::eventfd_write(m_wakeFd, 1);
    m_thread.join();
    m_running = false;
}

void EventLoop::after(double ms, std::function<void()> fn)
{
    timeval tv {};
    const auto us = static_cast<long long>(ms * 1000);
    tv.tv_sec = static_cast<time_t>(us / 1'000'000);
    tv.tv_usec = static_cast<suseconds_t>(us % 1'000'000);
    event_base_once(m_base, -1, EV_TIMEOUT, runDeferred, new Deferred {std::move(fn)}, &tv);
}

double EventLoop::cpuSeconds() const
{
    if (!m_clockValid)
        return m_lastCpu;
    timespec ts {};
    if (clock_gettime(m_clock.load(), &ts) != 0)
        return m_lastCpu;
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

long long EventLoop::heapBytes() const
{
    return g_heap[static_cast<std::size_t>(m_slot)].load(std::memory_order_relaxed);
}

} // namespace Meshdeck::Demo

namespace Meshdeck::Demo {

void EventLoop::account(long long bytes)
{
    charge(m_slot, bytes);
}

} // namespace Meshdeck::Demo
