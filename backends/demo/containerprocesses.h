#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <sys/types.h>

namespace Meshdeck::Demo {

// The demo's kubelet for containers that really run: a pod whose image is Meshdeck's worker
// image is started as a child process (the same program the image holds). Its stdout and stderr
// are the container's log, its exit code the container's terminated state. Everything here is
// thread-safe; the exit callback runs on the process's reader thread.
class ContainerProcesses
{
public:
    struct Exit
    {
        int exitCode = 0;
        int signal = 0; // killed by this signal (0: exited)
    };
    using OnExit = std::function<void(const QString &podUid, Exit exit)>;

    ContainerProcesses();
    ~ContainerProcesses(); // stops every process still running

    void setOnExit(OnExit onExit);
    // Starts `program` with `arguments` and exactly `environment` (KEY=VALUE); false and a
    // reason when it cannot start.
    bool start(const QString &podUid, const QString &program, const QStringList &arguments,
               const QStringList &environment, QString *error);
    // SIGTERM, then SIGKILL after `graceMs` (a pod deleted with its grace period).
    void terminate(const QString &podUid, int graceMs = 5000);
    [[nodiscard]] bool running(const QString &podUid) const;
    // The pods whose process is running, with its process id (for the kubelet's statistics).
    [[nodiscard]] std::vector<std::pair<QString, pid_t>> livePids() const;

    // The log of a pod's process (from `offset`), whether the process has ended, or nothing when
    // the pod has no process. wait() blocks until more output, the end, or `timeoutMs`.
    struct LogChunk
    {
        QByteArray data;
        qint64 end = 0; // offset after data
        bool finished = false;
    };
    [[nodiscard]] std::optional<LogChunk> log(const QString &podUid, qint64 offset = 0) const;
    void waitForOutput(const QString &podUid, qint64 offset, int timeoutMs) const;

    // Where the worker program is: MESHDECK_LOADGEN_BINARY, else meshdeck-loadgen beside this
    // program, else this program itself when it is meshdeck ("meshdeck loadgen"). Empty: none.
    static QStringList workerCommand();

private:
    struct Process;
    void reap(const std::shared_ptr<Process> &p);

    mutable std::mutex m_mutex;
    mutable std::condition_variable m_output;
    QHash<QString, std::shared_ptr<Process>> m_processes;
    OnExit m_onExit;
    std::vector<std::thread> m_threads;
};

} // namespace Meshdeck::Demo
