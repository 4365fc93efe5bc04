#pragma once

#include <QFuture>
#include <QList>

namespace Meshdeck {

// Owns background jobs started with QtConcurrent::run (with or without a QPromise). Its
// destructor cancels every job still running and waits for it, so a page or service that goes
// away never leaves a worker writing into freed memory. Workers check
// QPromise::isCanceled() to stop early.
class JobGuard
{
public:
    JobGuard() = default;
    JobGuard(const JobGuard &) = delete;
    JobGuard &operator=(const JobGuard &) = delete;
    ~JobGuard() { cancelAndWait(); }

    template<typename T> QFuture<T> add(QFuture<T> future)
    {
        prune();
        m_futures.append(QFuture<void>(future));
        return future;
    }

    void cancelAndWait()
    {
        for (QFuture<void> &f : m_futures)
            f.cancel();
        for (QFuture<void> &f : m_futures)
            f.waitForFinished();
        m_futures.clear();
    }

    [[nodiscard]] int runningCount() const
    {
        int n = 0;
        for (const QFuture<void> &f : m_futures)
            n += f.isFinished() ? 0 : 1;
        return n;
    }

private:
    void prune()
    {
        m_futures.removeIf([](const QFuture<void> &f) { return f.isFinished(); });
    }

    QList<QFuture<void>> m_futures;
};

} // namespace Meshdeck
