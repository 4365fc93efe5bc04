#pragma once

#include <QMetaObject>
#include <QString>
#include <QThread>

#include <utility>

namespace Meshdeck {

// The one way a controller keeps a worker object on a thread of its own: the worker is made
// by the owner, moved to a named thread, and deleted there when the thread ends. post() runs
// a functor on the worker's thread with the worker; the destructor ends the thread and waits
// for it (set the worker's cancel flag first, in the owner's destructor body).
template<typename Worker> class WorkerThread
{
public:
    WorkerThread(const QString &name, Worker *worker)
        : m_worker(worker)
    {
        m_thread.setObjectName(name);
        m_worker->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
        m_thread.start();
    }
    ~WorkerThread()
    {
        m_thread.quit();
        m_thread.wait();
    }
    WorkerThread(const WorkerThread &) = delete;
    WorkerThread &operator=(const WorkerThread &) = delete;

    [[nodiscard]] Worker *worker() const { return m_worker; }
    Worker *operator->() const { return m_worker; }

    // Runs `job(worker)` on the worker's thread, after the work posted before it.
    template<typename Job> void post(Job &&job) const
    {
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker, job = std::forward<Job>(job)]() mutable { job(w); },
            Qt::QueuedConnection);
    }

private:
    QThread m_thread;
    Worker *m_worker;
};

} // namespace Meshdeck
