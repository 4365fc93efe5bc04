#pragma once

#include <core/result.h>
#include <perf/histogram.h>
#include <perf/runresult.h>

#include <QByteArray>
#include <QString>

namespace Meshdeck::InCluster {

// What one in-cluster load worker (`meshdeck loadgen`, one pod of an Indexed Job) writes on
// stdout, one JSON object per line, so that its pod's log is the channel back to Meshdeck:
//   {"event":"ready",  "worker":I, "workers":N, "startAt":MS}    parsed its share, waiting
//   {"event":"started","worker":I, "lateMs":L}                    began sending (L after startAt)
//   {"event":"second", "worker":I, "second":S, "requests":R, "errors":E, "histogram":B64}
//   {"event":"result", "worker":I, "result":B64}                  the whole run (meshdeck.perf.v1)
//   {"event":"error",  "worker":I, "message":TEXT}               why it could not run
// Lines that are not such objects (a sidecar's or a runtime's output) are ignored.
struct WorkerLine
{
    enum class Type { Ready, Started, Second, Result, Error, Other };
    Type type = Type::Other;
    int worker = -1;
    int workers = 0;
    qint64 startAtMs = 0;
    qint64 lateMs = 0;
    qint64 second = 0;
    quint64 requests = 0;
    quint64 errors = 0;
    Perf::Histogram histogram; // Second
    Perf::RunResult result; // Result
    QString message; // Error
};

namespace WorkerProtocol {

[[nodiscard]] QByteArray ready(int worker, int workers, qint64 startAtMs);
[[nodiscard]] QByteArray started(int worker, qint64 lateMs);
[[nodiscard]] QByteArray second(int worker, const Perf::SecondPoint &point,
                                const std::string &serializedHistogram);
[[nodiscard]] QByteArray result(int worker, const Perf::RunResult &run);
[[nodiscard]] QByteArray error(int worker, const QString &message);

// One line (without its newline). Other for lines that are not the worker's; an error for a
// worker line whose histogram or result is damaged.
[[nodiscard]] Result<WorkerLine> parse(const QByteArray &line);

// The share of a run that worker `index` of `workers` sends: the rate divided evenly, the
// connections spread (each at least one), everything else as given.
[[nodiscard]] Perf::LoadSpec shareOf(const Perf::LoadSpec &spec, int index, int workers);

} // namespace WorkerProtocol

} // namespace Meshdeck::InCluster
