// The runner on its own thread, as the Performance page drives it: progress a few times a
// second, per-second points, cancel within a second that still delivers what was measured.
#include "support/rawhttpserver.h"

#include <perf/loadrunner.h>

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <csignal>

using namespace Meshdeck::Perf;
using namespace std::chrono_literals;

class tst_LoadRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { std::signal(SIGPIPE, SIG_IGN); }

    void progressThenCancel()
    {
        TestSupport::RawHttpServer server;
        QVERIFY(server.start([](int, int, const std::string &) {
            return TestSupport::RawReply {TestSupport::RawHttpServer::ok()};
        }));
        QThread thread;
        auto *runner = new LoadRunner;
        runner->moveToThread(&thread);
        connect(&thread, &QThread::finished, runner, &QObject::deleteLater);
        thread.start();
        // A failed check must not leave the thread running (QThread would abort the process).
        const auto stopThread = qScopeGuard([&] {
            runner->cancel();
            thread.quit();
            thread.wait();
        });

        QSignalSpy progress(runner, &LoadRunner::progressed);
        QSignalSpy finished(runner, &LoadRunner::finished);
        RunRequest request;
        request.name = QStringLiteral("cancel me");
        request.spec.url = server.url();
        request.spec.connections = 2;
        request.spec.mode = LoadSpec::Mode::ConstantRate;
        request.spec.rate = 500;
        request.spec.duration = 60s;
        request.labels.insert(QStringLiteral("mesh"), QStringLiteral("none"));
        QMetaObject::invokeMethod(runner, "start", Qt::QueuedConnection,
                                  Q_ARG(Meshdeck::Perf::RunRequest, request));

        QTest::qWait(2600);
        const int ticks = progress.count();
        QVERIFY2(ticks >= 7 && ticks <= 13, qPrintable(QString::number(ticks))); // ~4 Hz
        int points = 0;
        for (const auto &args : progress)
            points += static_cast<int>(args.at(0).value<RunProgress>().newPoints.size());
        QVERIFY2(points >= 1, "completed seconds arrive with the progress");
        const RunProgress last = progress.last().at(0).value<RunProgress>();
        QVERIFY(last.elapsedSeconds > 2.0);
        // The last completed second's rate; a loaded machine (ctest -j) delays some sends.
        QVERIFY2(std::abs(last.rate - 500) < 150, qPrintable(QString::number(last.rate)));

        QElapsedTimer clock;
        clock.start();
        runner->cancel();
        QVERIFY(finished.wait(2000));
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        const RunResult result = finished.first().at(0).value<RunResult>();
        QVERIFY(result.failure.isEmpty());
        QVERIFY(result.report.cancelled);
        QVERIFY(result.report.counters.responses > 1000);
        QCOMPARE(result.name, QStringLiteral("cancel me"));
        QCOMPARE(result.labels.value(QStringLiteral("mesh")), QStringLiteral("none"));
        QVERIFY(!result.id.isEmpty());
        QVERIFY(result.start.isValid() && result.end > result.start);
        QVERIFY(result.environment.clientCpus > 0);
    }
};

QTEST_GUILESS_MAIN(tst_LoadRunner)
#include "tst_loadrunner.moc"
