#include "demoprometheus.h"

#include <httplib.h>

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <chrono>
#include <csignal>
#include <thread>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace Meshdeck::Demo {

namespace {

quint16 freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

} // namespace

DemoPrometheus::~DemoPrometheus()
{
    stop();
}

QString DemoPrometheus::binary()
{
    return QStandardPaths::findExecutable(QStringLiteral("prometheus"),
                                          {QStringLiteral("/usr/bin"),
                                           QStringLiteral("/usr/local/bin"),
                                           QStringLiteral("/usr/sbin")});
}

bool DemoPrometheus::start(quint16 metricsPort, QString *why)
{
    const QString program = binary();
    if (program.isEmpty()) {
        if (why)
            *why = QStringLiteral("Prometheus is not installed (Debian package \"prometheus\")");
        return false;
    }
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/meshdeck-prometheus-XXXXXX"));
    dir.setAutoRemove(false);
    if (!dir.isValid()) {
        if (why)
            *why = QStringLiteral("cannot create a temporary folder for Prometheus");
        return false;
    }
    m_dir = dir.path();
    QFile config(m_dir + QStringLiteral("/prometheus.yml"));
    config.open(QIODevice::WriteOnly);
    config.write(QStringLiteral("global:\n  scrape_interval: 2s\n  evaluation_interval: 2s\n"
                                "scrape_configs:\n"
                                "- job_name: envoy-stats\n"
                                "  metrics_path: /stats/prometheus\n"
                                "  static_configs:\n  - targets: ['127.0.0.1:%1']\n"
                                // The kubelet's cAdvisor endpoint, as kube-prometheus scrapes it.
                                "- job_name: kubernetes-cadvisor\n"
                                "  metrics_path: /metrics/cadvisor\n"
                                "  static_configs:\n  - targets: ['127.0.0.1:%1']\n")
                     .arg(metricsPort)
                     .toUtf8());
    config.close();
    m_port = freePort();
    const QByteArray exe = program.toLocal8Bit();
    const QByteArray args[] = {
        exe,
        "--config.file=" + config.fileName().toLocal8Bit(),
        "--storage.tsdb.path=" + (m_dir + QStringLiteral("/data")).toLocal8Bit(),
        "--storage.tsdb.retention.time=6h",
        "--web.listen-address=127.0.0.1:" + QByteArray::number(m_port),
        "--log.level=warn",
    };
    const pid_t pid = ::fork();
    if (pid < 0) {
        if (why)
            *why = QStringLiteral("cannot start Prometheus (fork failed)");
        return false;
    }
    if (pid == 0) {
        // The child: quiet, in its own process group, gone when the parent goes.
        ::setpgid(0, 0);
        const int null = ::open("/dev/null", O_RDWR);
        ::dup2(null, 0);
        ::dup2(null, 1);
        const QByteArray log = (m_dir + QStringLiteral("/prometheus.log")).toLocal8Bit();
        const int err = ::open(log.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(err >= 0 ? err : null, 2);
        char *argv[std::size(args) + 1];
        for (std::size_t i = 0; i < std::size(args); ++i)
            argv[i] = const_cast<char *>(args[i].constData());
        argv[std::size(args)] = nullptr;
        ::execv(exe.constData(), argv);
        ::_exit(127);
    }
    m_pid = pid;
    return true;
}

bool DemoPrometheus::waitUntilReady(int timeoutMs) const
{
    if (m_pid <= 0)
        return false;
    httplib::Client client("127.0.0.1", m_port);
    client.set_connection_timeout(0, 200'000);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (std::chrono::steady_clock::now() < deadline) {
        if (auto r = client.Get("/-/ready"); r && r->status == 200)
            return true;
        int status = 0;
        if (::waitpid(m_pid, &status, WNOHANG) == m_pid)
            return false; // it exited
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

void DemoPrometheus::stop()
{
    if (m_pid > 0) {
        ::kill(m_pid, SIGTERM);
        for (int i = 0; i < 50; ++i) {
            int status = 0;
            if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
                m_pid = -1;
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
            m_pid = -1;
        }
    }
    if (!m_dir.isEmpty()) {
        QDir(m_dir).removeRecursively();
        m_dir.clear();
    }
}

} // namespace Meshdeck::Demo
