#include "containerprocesses.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

namespace Meshdeck::Demo {

namespace {
constexpr qint64 MaxLogBytes = 16LL * 1024 * 1024; // the oldest output goes first beyond this
}

struct ContainerProcesses::Process
{
    QString uid;
    pid_t pid = -1;
    int out = -1;
    QByteArray log;
    qint64 dropped = 0; // bytes dropped from the front of `log`
    bool finished = false;
    bool terminating = false;
};

ContainerProcesses::ContainerProcesses() = default;

ContainerProcesses::~ContainerProcesses()
{
    std::vector<pid_t> pids;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &p : std::as_const(m_processes))
            if (!p->finished)
                pids.push_back(p->pid);
        m_onExit = nullptr;
    }
    for (const pid_t pid : pids)
        ::kill(pid, SIGKILL);
    for (std::thread &t : m_threads)
        if (t.joinable())
            t.join();
}

void ContainerProcesses::setOnExit(OnExit onExit)
{
    std::lock_guard lock(m_mutex);
    m_onExit = std::move(onExit);
}

QStringList ContainerProcesses::workerCommand()
{
    if (const QString env = qEnvironmentVariable("MESHDECK_LOADGEN_BINARY"); !env.isEmpty())
        return {env};
    const QString self = QCoreApplication::applicationFilePath();
    const QDir dir = QFileInfo(self).absoluteDir();
    if (const QString sibling = dir.filePath(QStringLiteral("meshdeck-loadgen"));
        QFileInfo(sibling).isExecutable())
        return {sibling};
    if (QFileInfo(self).fileName() == QLatin1String("meshdeck"))
        return {self, QStringLiteral("loadgen")};
    return {};
}

bool ContainerProcesses::start(const QString &podUid, const QString &program,
                               const QStringList &arguments, const QStringList &environment,
                               QString *error)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        if (error)
            *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    std::vector<QByteArray> argStore {QFile::encodeName(program)};
    for (const QString &a : arguments)
        argStore.push_back(a.toLocal8Bit());
    std::vector<QByteArray> envStore;
    for (const QString &e : environment)
        envStore.push_back(e.toLocal8Bit());
    std::vector<char *> argv, envp;
    for (QByteArray &a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    for (QByteArray &e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, argStore.front().constData(), &actions, nullptr, argv.data(),
                                 envp.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    if (rc != 0) {
        ::close(fds[0]);
        if (error)
            *error = QString::fromLocal8Bit(std::strerror(rc));
        return false;
    }
    auto p = std::make_shared<Process>();
    p->uid = podUid;
    p->pid = pid;
    p->out = fds[0];
    std::lock_guard lock(m_mutex);
    m_processes.insert(podUid, p);
    m_threads.emplace_back([this, p] { reap(p); });
    return true;
}

void ContainerProcesses::reap(const std::shared_ptr<Process> &p)
{
    char buffer[16384];
    for (;;) {
        const ssize_t n = ::read(p->out, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        std::lock_guard lock(m_mutex);
        p->log.append(buffer, n);
        if (p->log.size() > MaxLogBytes) {
            const qint64 cut = p->log.size() - MaxLogBytes;
            p->log.remove(0, cut);
            p->dropped += cut;
        }
        m_output.notify_all();
    }
    ::close(p->out);
    int status = 0;
    while (::waitpid(p->pid, &status, 0) < 0 && errno == EINTR) { }
    Exit exit;
    if (WIFSIGNALED(status))
        exit.signal = WTERMSIG(status);
    else
        exit.exitCode = WEXITSTATUS(status);
    OnExit onExit;
    {
        std::lock_guard lock(m_mutex);
        p->finished = true;
        onExit = m_onExit;
        m_output.notify_all();
    }
    if (onExit)
        onExit(p->uid, exit);
}

void ContainerProcesses::terminate(const QString &podUid, int graceMs)
{
    std::shared_ptr<Process> p;
    {
        std::lock_guard lock(m_mutex);
        p = m_processes.value(podUid);
        if (!p || p->finished || p->terminating)
            return;
        p->terminating = true;
    }
    ::kill(p->pid, SIGTERM);
    std::thread([this, p, graceMs] {
        std::unique_lock lock(m_mutex);
        if (!m_output.wait_for(lock, std::chrono::milliseconds(graceMs),
                               [&] { return p->finished; }))
            ::kill(p->pid, SIGKILL);
    }).detach();
}

bool ContainerProcesses::running(const QString &podUid) const
{
    std::lock_guard lock(m_mutex);
    const auto p = m_processes.value(podUid);
    return p && !p->finished;
}

std::optional<ContainerProcesses::LogChunk> ContainerProcesses::log(const QString &podUid,
                                                                    qint64 offset) const
{
    std::lock_guard lock(m_mutex);
    const auto p = m_processes.value(podUid);
    if (!p)
        return std::nullopt;
    LogChunk chunk;
    const qint64 from = std::max<qint64>(0, offset - p->dropped);
    chunk.data = p->log.mid(from);
    chunk.end = p->dropped + p->log.size();
    chunk.finished = p->finished;
    return chunk;
}

void ContainerProcesses::waitForOutput(const QString &podUid, qint64 offset, int timeoutMs) const
{
    std::unique_lock lock(m_mutex);
    m_output.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] {
        const auto p = m_processes.value(podUid);
        return !p || p->finished || p->dropped + p->log.size() > offset;
    });
}

} // namespace Meshdeck::Demo

namespace Meshdeck::Demo {

std::vector<std::pair<QString, pid_t>> ContainerProcesses::livePids() const
{
    std::vector<std::pair<QString, pid_t>> out;
    std::lock_guard lock(m_mutex);
    for (const auto &p : std::as_const(m_processes)) {
        if (!p->finished && p->pid > 0)
            out.emplace_back(p->uid, p->pid);
    }
    return out;
}

} // namespace Meshdeck::Demo
