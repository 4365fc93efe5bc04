#pragma once

#include <QString>

#include <sys/types.h>

namespace Meshdeck::Demo {

// A real Prometheus (Debian's `prometheus` package) for the demo: scrapes the demo sidecars'
// Istio metrics every 2 s and keeps its data in a temporary folder that goes with it. Started
// as a child process when the binary is installed; without it the demo runs without metrics.
class DemoPrometheus
{
public:
    ~DemoPrometheus();

    // Where the binary is, or empty (then start() does nothing and says why).
    [[nodiscard]] static QString binary();
    // Starts scraping http://127.0.0.1:metricsPort/stats/prometheus. False when Prometheus is
    // not installed or cannot start; `why` says which.
    bool start(quint16 metricsPort, QString *why);
    void stop();
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] bool running() const { return m_pid > 0; }
    [[nodiscard]] pid_t pid() const { return m_pid; }
    // Blocks until /-/ready answers 200, up to `timeoutMs`.
    bool waitUntilReady(int timeoutMs) const;

private:
    pid_t m_pid = -1;
    quint16 m_port = 0;
    QString m_dir;
};

} // namespace Meshdeck::Demo
