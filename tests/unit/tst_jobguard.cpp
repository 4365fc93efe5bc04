#include <core/jobguard.h>

#include <QElapsedTimer>
#include <QPromise>
#include <QtConcurrent>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace Meshdeck;

class tst_JobGuard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void destructorCancelsAndWaits()
    {
        std::atomic_bool finished = false;
        std::atomic_int iterations = 0;
        QElapsedTimer clock;
        clock.start();
        {
            JobGuard guard;
            guard.add(QtConcurrent::run([&](QPromise<int> &promise) {
                while (!promise.isCanceled()) {
                    ++iterations;
                    QThread::msleep(5);
                }
                finished = true;
            }));
            QTRY_VERIFY(iterations > 0);
            QCOMPARE(guard.runningCount(), 1);
        }
        // The guard waited: the worker is done by the time the scope closed.
        QVERIFY(finished);
        QVERIFY(clock.elapsed() < 5000);
    }
    void finishedJobsArePruned()
    {
        JobGuard guard;
        QFuture<int> f = guard.add(QtConcurrent::run([] { return 5; }));
        QCOMPARE(f.result(), 5);
        // The result is reported a moment before the job counts as finished.
        f.waitForFinished();
        QCOMPARE(guard.runningCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_JobGuard)
#include "tst_jobguard.moc"
