#pragma once

#include "controllercontext.h"
#include "watcher.h"

#include <QSet>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace Meshdeck::Demo {

class Housekeeping;
class PodLifecycle;
class ServiceController;
class WorkloadController;

// Runs the simulated controllers on one thread of their own. The store's listener hands every
// change to enqueue(); changes become reconciles of the objects involved, deduplicated, and the
// controllers' delayed steps (pod start-up, graceful deletion) wait in a timer queue.
class ControllerManager : public ControllerContext
{
public:
    ControllerManager(ObjectStore &store, ResourceRegistry &registry, Admission &admission,
                      double timeScale);
    ~ControllerManager() override;

    void start();
    void stop();
    // Called by the store under its lock: only queues.
    void onStoreEvent(const WatchEventPtr &event);
    // True when no reconcile is queued and no delayed step is due within `horizonMs`.
    [[nodiscard]] bool idle() const;

    void after(int ms, std::function<void()> fn) override;
    void enqueue(const QString &storageKey, const QString &ns, const QString &name) override;

private:
    struct Timer
    {
        std::chrono::steady_clock::time_point due;
        quint64 seq;
        std::function<void()> fn;
        bool operator>(const Timer &o) const { return due != o.due ? due > o.due : seq > o.seq; }
    };

    void run();
    void handleEvent(const WatchEventPtr &event);
    void syncQuotas(const QString &storageKey, const QString &ns);
    void reconcile(const QString &key);

    std::unique_ptr<PodLifecycle> m_pods;
    std::unique_ptr<WorkloadController> m_workloads;
    std::unique_ptr<ServiceController> m_services;
    std::unique_ptr<Housekeeping> m_housekeeping;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<WatchEventPtr> m_events;
    std::deque<QString> m_work;
    QSet<QString> m_queued;
    std::vector<Timer> m_timers; // a min-heap on due time
    quint64 m_seq = 0;
    bool m_busy = false;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace Meshdeck::Demo
