#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace Meshdeck::Demo {

// One change to one object, as stored in the event history and delivered to watchers.
struct WatchEvent
{
    enum class Type { Added, Modified, Deleted };
    Type type = Type::Added;
    quint64 resourceVersion = 0;
    QString storageKey; // "apps/deployments"
    QString ns;
    QJsonObject object;
    QByteArray json;      // compact serialization of object
    QJsonObject previous; // the object before a MODIFIED change, for selector transitions
    QByteArray line;      // the whole watch-stream line of this event, encoded once for all watchers

    [[nodiscard]] const char *typeName() const
    {
        return type == Type::Added ? "ADDED" : type == Type::Modified ? "MODIFIED" : "DELETED";
    }
};
using WatchEventPtr = std::shared_ptr<const WatchEvent>;

// The queue between the store and one watch stream. The store pushes under its lock; the stream
// thread takes batches. A watcher that falls more than `limit` events behind is marked overflowed
// and must end its stream with a 410, as the real API server drops slow watchers.
class Watcher
{
public:
    Watcher(QString storageKey, QString ns, size_t limit)
        : m_storageKey(std::move(storageKey)), m_ns(std::move(ns)), m_limit(limit)
    {}

    [[nodiscard]] bool wants(const WatchEvent &e) const
    {
        return e.storageKey == m_storageKey && (m_ns.isEmpty() || e.ns == m_ns);
    }

    void push(const WatchEventPtr &event)
    {
        bool wake = false;
        {
            std::lock_guard lock(m_mutex);
            if (m_closed || m_overflowed)
                return;
            if (m_queue.size() >= m_limit) {
                m_overflowed = true;
                m_queue.clear();
                wake = m_waiting;
            } else {
                // Only a stream thread blocked on an empty queue needs waking; a busy one polls.
                wake = m_waiting && m_queue.empty();
                m_queue.push_back(event);
            }
        }
        if (wake)
            m_wake.notify_one();
    }

    // Waits up to `wait` for events; returns what is queued (possibly nothing). A stream that
    // had events last time is busy: it sleeps `linger` and polls instead of waiting to be woken,
    // so that a thousand busy watchers cost the writer no wake-ups and send their events in
    // batches.
    std::vector<WatchEventPtr> take(std::chrono::milliseconds wait, bool *overflowed,
                                    std::chrono::milliseconds linger = std::chrono::milliseconds(0))
    {
        std::unique_lock lock(m_mutex);
        if (m_queue.empty() && !m_overflowed && !m_closed && m_busy && linger.count() > 0) {
            lock.unlock();
            std::this_thread::sleep_for(linger);
            lock.lock();
        }
        if (m_queue.empty() && !m_overflowed && !m_closed) {
            m_waiting = true;
            m_wake.wait_for(lock, wait, [this] { return !m_queue.empty() || m_overflowed || m_closed; });
            m_waiting = false;
        }
        m_busy = !m_queue.empty();
        std::vector<WatchEventPtr> out(m_queue.begin(), m_queue.end());
        m_queue.clear();
        *overflowed = m_overflowed;
        return out;
    }

    void close()
    {
        {
            std::lock_guard lock(m_mutex);
            m_closed = true;
        }
        m_wake.notify_all();
    }

    [[nodiscard]] bool isClosed() const
    {
        std::lock_guard lock(m_mutex);
        return m_closed;
    }

private:
    const QString m_storageKey;
    const QString m_ns;
    const size_t m_limit;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<WatchEventPtr> m_queue;
    bool m_overflowed = false;
    bool m_closed = false;
    bool m_waiting = false; // the stream thread is blocked in take()
    bool m_busy = false;    // the last take() returned events
};

} // namespace Meshdeck::Demo
