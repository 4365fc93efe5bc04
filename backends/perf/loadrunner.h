#pragma once

#include "runresult.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>

#include <atomic>
#include <functional>

namespace Meshdeck::Perf {

// What to run: the spec plus the facts recorded with the result.
struct RunRequest
{
    QString name;
    LoadSpec spec;
    Generator generator = Generator::Native;
    QMap<QString, QString> labels;
    MeshInfo mesh;
    RunEnvironment environment; // the cluster part, when connected; the machine part is added
};

// A live look at a run, a few times a second.
struct RunProgress
{
    double elapsedSeconds = 0; // measured time, warm-up excluded
    double durationSeconds = 0;
    bool warmingUp = false;
    quint64 responses = 0;
    quint64 errors = 0;
    double rate = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    QList<SecondPoint> newPoints; // seconds completed since the last progress
};

// Runs one load test at a time on the thread it lives on (give it its own QThread): progress
// about four times a second, cancel within a second keeping what was measured. A run that
// reaches nothing ends early with a message that says what failed, not with a zero result.
class LoadRunner : public QObject
{
    Q_OBJECT

public:
    explicit LoadRunner(QObject *parent = nullptr);

    // The run itself, on the calling thread; what start() and the command line use.
    static RunResult runBlocking(const RunRequest &request, const std::atomic_bool &cancel,
                                 const std::function<void(const RunProgress &)> &progress);

    void cancel(); // from any thread

public Q_SLOTS:
    void start(const Meshdeck::Perf::RunRequest &request);

Q_SIGNALS:
    void progressed(const Meshdeck::Perf::RunProgress &progress);
    // Also when cancelled (report.cancelled) or failed (failure says why).
    void finished(const Meshdeck::Perf::RunResult &result);

private:
    std::atomic_bool m_cancel {false};
};

} // namespace Meshdeck::Perf

Q_DECLARE_METATYPE(Meshdeck::Perf::RunRequest)
Q_DECLARE_METATYPE(Meshdeck::Perf::RunProgress)
