#pragma once

#include "support/loopback.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <utility>
#include <vector>

// Helpers shared by the benchmarks.
namespace Bench {

inline double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Rounds of two contenders, taking turns at going first so that neither always meets a warmer
// server: the figures of `ours` and of `peer`, round by round.
template<typename Figure, typename Ours, typename Peer>
std::pair<std::vector<Figure>, std::vector<Figure>> alternate(int rounds, Ours ours, Peer peer)
{
    std::vector<Figure> a, b;
    for (int round = 0; round < rounds; ++round) {
        if (round % 2) {
            b.push_back(peer());
            a.push_back(ours());
        } else {
            a.push_back(ours());
            b.push_back(peer());
        }
    }
    return {a, b};
}

// The median of one figure over rounds.
template<typename Figure, typename Value>
double medianOf(const std::vector<Figure> &rounds, Value Figure::*member)
{
    std::vector<double> values;
    for (const Figure &f : rounds)
        values.push_back(static_cast<double>(f.*member));
    return median(std::move(values));
}

// CPU time of the children waited for so far (a peer generator run as a process).
inline double childCpuSeconds()
{
    rusage u {};
    ::getrusage(RUSAGE_CHILDREN, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
        + static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

inline qint64 rssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

// nginx on a free loopback port serving the files of `root` (Debian's nginx package); with
// `http2`, h2c with prior knowledge (nginx's cleartext HTTP/2) instead of HTTP/1.1.
class Nginx
{
public:
    bool start(const QString &root, bool http2 = false)
    {
        // nginx's workers run as an unprivileged user: the files must be world-readable.
        QFile::setPermissions(root,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                  | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                  | QFileDevice::ExeOther | QFileDevice::ReadGroup
                                  | QFileDevice::ExeGroup);
        for (const QString &f : QDir(root).entryList(QDir::Files))
            QFile::setPermissions(QDir(root).filePath(f),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                      | QFileDevice::ReadOther | QFileDevice::ReadGroup);
        const QString binary = QStandardPaths::findExecutable(
            QStringLiteral("nginx"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        if (binary.isEmpty())
            return false;
        m_port = TestSupport::freePort();
        const QString p = m_dir.path();
        QFile conf(p + QStringLiteral("/nginx.conf"));
        conf.open(QIODevice::WriteOnly);
        conf.write(
            QStringLiteral(
                "daemon off; worker_processes 1; pid %1/nginx.pid; error_log %1/error.log;\n"
                "events { worker_connections 4096; }\n"
                "http { access_log off; client_body_temp_path %1/b; proxy_temp_path %1/p;\n"
                "  fastcgi_temp_path %1/f; uwsgi_temp_path %1/u; scgi_temp_path %1/s;\n"
                "  %5 keepalive_requests 100000;\n"
                "  server { listen 127.0.0.1:%2%4; root %3; default_type application/json; }\n}\n")
                .arg(p)
                .arg(m_port)
                .arg(root, http2 ? QStringLiteral(" http2") : QString(),
                     // HTTP/1.1 files go out by sendfile, corked; nginx corks HTTP/2 frames too
                     // with tcp_nopush, which holds small answers for the 40 ms delayed ACK.
                     http2 ? QString() : QStringLiteral("sendfile on; tcp_nopush on;"))
                .toUtf8());
        conf.close();
        m_process.start(binary, {QStringLiteral("-c"), conf.fileName(), QStringLiteral("-p"), p});
        if (!m_process.waitForStarted())
            return false;
        QThread::msleep(300);
        return m_process.state() == QProcess::Running;
    }
    ~Nginx()
    {
        m_process.terminate();
        m_process.waitForFinished(3000);
    }
    [[nodiscard]] quint16 port() const { return m_port; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace Bench
