// Port-forward through the demo cluster: throughput of 1 MiB transfers and added latency per
// request, Meshdeck's forward against a direct loopback connection to the same server and
// against kubectl port-forward (the named peer), and 20 forwards at once without loss.
#include "benchsupport.h"

#include <demo/bookinfotraffic.h>
#include <demo/democluster.h>
#include <kube/forwardtunnel.h>
#include <kube/kubeclient.h>
#include <kube/portforwarder.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <netinet/tcp.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

using namespace Meshdeck;

namespace {

// One kept-alive HTTP/1.1 connection, blocking.
class Connection
{
public:
    explicit Connection(int port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        int on = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        sockaddr_in a {};
        a.sin_family = AF_INET;
        a.sin_port = htons(quint16(port));
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ~Connection()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    // The body's size, or -1.
    qint64 get(const char *path)
    {
        const std::string request
            = std::string("GET ") + path + " HTTP/1.1\r\nHost: productpage\r\n\r\n";
        if (m_fd < 0 || ::send(m_fd, request.data(), request.size(), MSG_NOSIGNAL) < 0)
            return -1;
        std::string head;
        char buffer[256 * 1024];
        while (head.find("\r\n\r\n") == std::string::npos) {
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n <= 0)
                return -1;
            head.append(buffer, size_t(n));
        }
        const size_t end = head.find("\r\n\r\n") + 4;
        const size_t at = head.find("Content-Length: ");
        if (at == std::string::npos)
            return -1;
        const qint64 length = std::atoll(head.c_str() + at + 16);
        qint64 got = qint64(head.size() - end);
        while (got < length) {
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n <= 0)
                return -1;
            got += n;
        }
        return got == length ? length : -1;
    }

private:
    int m_fd = -1;
};

struct Figures
{
    double mibPerSecond = 0;
    double cpuMsPerMib = 0; // of the forwarding side
    double pathCpuMsPerMib = 0; // of the whole path in this process: server, API server, client
    double p50Ms = 0;
    double p99Ms = 0;
};

// CPU seconds (user and system) from a /proc stat line.
double cpuOf(const QString &statPath)
{
    QFile f(statPath);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = f.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 12 ? double(fields.at(11).toLongLong() + fields.at(12).toLongLong())
            / double(sysconf(_SC_CLK_TCK))
                              : 0;
}

// The CPU the forwarding side has spent so far: a process (kubectl), or Meshdeck's tunnel
// threads in this process.
double forwardingCpu(qint64 pid)
{
    if (pid > 0)
        return cpuOf(QStringLiteral("/proc/%1/stat").arg(pid));
    double sum = 0;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (comm.open(QIODevice::ReadOnly)
            && comm.readAll().trimmed() == Kube::ForwardTunnel::kThreadName)
            sum += cpuOf(tasks.filePath(tid + QStringLiteral("/stat")));
    }
    return sum;
}

// The CPU this whole process has spent so far, in seconds (microsecond resolution).
double processCpu()
{
    rusage u {};
    ::getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
        + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// CPU seconds per second the demo spends with no transfer running (its controllers, traffic
// and scrapes), taken out of the path's figure.
double g_background = 0;

// pid: the forwarding process (0: Meshdeck's threads, -1: none, a direct connection).
Figures measure(int port, qint64 pid)
{
    Figures f;
    {
        Connection c(port);
        c.get("/static/asset?bytes=1048576"); // warm
        constexpr int kTransfers = 40;
        QElapsedTimer t;
        t.start();
        const double cpu = pid >= 0 ? forwardingCpu(pid) : 0;
        const double path = processCpu() + (pid > 0 ? forwardingCpu(pid) : 0);
        qint64 bytes = 0;
        for (int i = 0; i < kTransfers; ++i)
            bytes += std::max<qint64>(0, c.get("/static/asset?bytes=1048576"));
        const double mib = double(bytes) / (1 << 20);
        const double seconds = double(t.nsecsElapsed()) / 1e9;
        f.mibPerSecond = mib / seconds;
        f.cpuMsPerMib = pid >= 0 ? (forwardingCpu(pid) - cpu) * 1000 / mib : 0;
        f.pathCpuMsPerMib
            = (processCpu() + (pid > 0 ? forwardingCpu(pid) : 0) - path - g_background * seconds)
            * 1000 / mib;
    }
    Connection c(port);
    std::vector<double> latencies;
    for (int i = 0; i < 400; ++i) {
        QElapsedTimer t;
        t.start();
        c.get("/health");
        latencies.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(latencies.begin(), latencies.end());
    f.p50Ms = latencies[latencies.size() / 2];
    f.p99Ms = latencies[latencies.size() * 99 / 100];
    return f;
}

// Time to the first response on new connections (a browser opening a dashboard): one after
// another, then `together` at once; the median and the slowest of each, in ms.
struct Setup
{
    double sequentialP50 = 0;
    double togetherP50 = 0;
    double togetherMax = 0;
};

Setup setupTimes(int port, int together)
{
    Setup s;
    std::vector<double> one;
    for (int i = 0; i < 40; ++i) {
        QElapsedTimer t;
        t.start();
        Connection c(port);
        if (c.get("/health") > 0)
            one.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    s.sequentialP50 = Bench::median(one);
    std::vector<double> all(size_t(together), 0.0);
    std::vector<std::thread> clients;
    for (int i = 0; i < together; ++i)
        clients.emplace_back([&all, i, port] {
            QElapsedTimer t;
            t.start();
            Connection c(port);
            if (c.get("/health") > 0)
                all[size_t(i)] = double(t.nsecsElapsed()) / 1e6;
        });
    for (auto &c : clients)
        c.join();
    s.togetherP50 = Bench::median(all);
    s.togetherMax = *std::max_element(all.begin(), all.end());
    return s;
}

// Meshdeck's forward to svc/productpage:9080, on a thread of its own as in the app.
class MeshdeckForward
{
public:
    explicit MeshdeckForward(std::shared_ptr<Kube::KubeClient> client)
    {
        m_thread.start();
        Kube::PortForwarder::Spec spec;
        spec.ns = QStringLiteral("bookinfo");
        spec.kind = QStringLiteral("service");
        spec.name = QStringLiteral("productpage");
        spec.remotePort = 9080;
        m_forwarder = new Kube::PortForwarder(std::move(client), spec);
        m_forwarder->moveToThread(&m_thread);
        QMetaObject::invokeMethod(
            m_forwarder, [this] { m_started = m_forwarder->start(&m_error); },
            Qt::BlockingQueuedConnection);
    }
    ~MeshdeckForward()
    {
        m_forwarder->deleteLater();
        m_thread.quit();
        m_thread.wait();
    }
    [[nodiscard]] bool started() const { return m_started; }
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] int port() const { return m_forwarder->localPort(); }

private:
    QThread m_thread;
    Kube::PortForwarder *m_forwarder = nullptr;
    bool m_started = false;
    QString m_error;
};

// A settled demo cluster with Meshdeck's forward to it; plain HTTP (anonymous users act as an
// administrator) or HTTPS with client certificates.
struct ForwardedCluster
{
    explicit ForwardedCluster(bool tls)
        : cluster([tls] {
            Demo::DemoCluster::Options options;
            options.tls = tls;
            options.anonymousAdmin = !tls;
            return options;
        }())
    {
    }
    // An empty answer, or what failed.
    QString start()
    {
        if (!cluster.start().ok() || !cluster.waitUntilSettled(20000))
            return QStringLiteral("the demo cluster did not start");
        kubeconfig = dir.filePath(QStringLiteral("admin.yaml"));
        if (!cluster.writeKubeconfig(kubeconfig).ok())
            return QStringLiteral("no kubeconfig");
        auto client = Kube::KubeClient::fromKubeconfig(kubeconfig, {});
        if (!client.ok())
            return client.error().message();
        forward = std::make_unique<MeshdeckForward>(*client);
        return forward->started() ? QString() : forward->error();
    }
    [[nodiscard]] int directPort() const
    {
        return QUrl(cluster.bookinfo()->podUrl(QStringLiteral("productpage"), QStringLiteral("v1")))
            .port();
    }

    Demo::DemoCluster cluster;
    QTemporaryDir dir;
    QString kubeconfig;
    std::unique_ptr<MeshdeckForward> forward;
};

// CPU seconds per second the demo spends with no transfer running, sampled for 2 s.
void sampleBackground()
{
    const double before = processCpu();
    QThread::sleep(2);
    g_background = (processCpu() - before) / 2;
}

} // namespace

class bench_PortForward : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void throughputAndLatency()
    {
        ForwardedCluster setup(true);
        const QString failed = setup.start();
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        const QString &kubeconfig = setup.kubeconfig;
        const int direct = setup.directPort();
        const int ours = setup.forward->port();

        // kubectl port-forward, the peer (SPDY in WebSocket, as kubectl 1.31+ does).
        const QString kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
        QProcess peer;
        int theirs = 0;
        if (!kubectl.isEmpty()) {
            peer.start(kubectl,
                       {QStringLiteral("--kubeconfig"), kubeconfig, QStringLiteral("port-forward"),
                        QStringLiteral("-n"), QStringLiteral("bookinfo"),
                        QStringLiteral("svc/productpage"), QStringLiteral("0:9080")});
            QByteArray out;
            QTRY_VERIFY_WITH_TIMEOUT((out += peer.readAllStandardOutput()).contains(" -> 9080"),
                                     15000);
            theirs = QRegularExpression(QStringLiteral("127\\.0\\.0\\.1:(\\d+)"))
                         .match(QString::fromUtf8(out))
                         .captured(1)
                         .toInt();
        }

        sampleBackground();
        std::vector<Figures> d, m, k;
        for (int round = 0; round < 3; ++round) {
            d.push_back(measure(direct, -1));
            m.push_back(measure(ours, 0));
            if (theirs)
                k.push_back(measure(theirs, peer.processId()));
        }
        const double dT = Bench::medianOf(d, &Figures::mibPerSecond);
        const double mT = Bench::medianOf(m, &Figures::mibPerSecond);
        const double kT = theirs ? Bench::medianOf(k, &Figures::mibPerSecond) : 0;
        std::printf("port-forward throughput, 1 MiB transfers on one connection (median of 3):\n"
                    "  direct %.0f MiB/s, Meshdeck %.0f MiB/s: ratio %.2f (goal >= 0.5)\n",
                    dT, mT, mT / dT);
        if (theirs)
            std::printf("  kubectl port-forward %.0f MiB/s: Meshdeck/kubectl %.2fx\n", kT, mT / kT);
        const double mC = Bench::medianOf(m, &Figures::cpuMsPerMib);
        const double kC = theirs ? Bench::medianOf(k, &Figures::cpuMsPerMib) : 0;
        std::printf("CPU of the forwarding side per MiB (clock ticks of 10 ms, 40 MiB a round): "
                    "Meshdeck's tunnel %.2f ms, kubectl %.2f ms: Meshdeck/kubectl %.2f\n",
                    mC, kC, kC > 0 ? mC / kC : 0.0);
        // What bounds the ratio on this machine: the forward's path does more work per MiB
        // (the pod's bytes cross three sockets and TLS twice instead of one socket), and with
        // every stage busy at once it still cannot beat its CPU spread over the cores.
        const double dP = Bench::medianOf(d, &Figures::pathCpuMsPerMib);
        const double mP = Bench::medianOf(m, &Figures::pathCpuMsPerMib);
        const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
        const double ceiling = mP > 0 ? cores * 1000.0 / mP : 0;
        std::printf("CPU of the whole path per MiB (pod server, API server, tunnel and client, all "
                    "in this process; %.0f ms/s of idle demo work taken out): direct %.2f ms, "
                    "Meshdeck %.2f ms\n",
                    g_background * 1000, dP, mP);
        std::printf("  ceiling on %u cores with every stage busy at once: %.0f MiB/s, a ratio of "
                    "%.2f against direct; at this cost the 0.5 goal needs %.1f cores\n",
                    cores, ceiling, ceiling / dT, 0.5 * dT * mP / 1000);
        std::printf(
            "added latency per request (/health, kept alive): Meshdeck p50 %.2f ms, "
            "p99 %.2f ms; kubectl p50 %.2f ms, p99 %.2f ms (direct p50 %.2f, p99 %.2f)\n",
            Bench::medianOf(m, &Figures::p50Ms) - Bench::medianOf(d, &Figures::p50Ms),
            Bench::medianOf(m, &Figures::p99Ms) - Bench::medianOf(d, &Figures::p99Ms),
            theirs ? Bench::medianOf(k, &Figures::p50Ms) - Bench::medianOf(d, &Figures::p50Ms)
                   : 0.0,
            theirs ? Bench::medianOf(k, &Figures::p99Ms) - Bench::medianOf(d, &Figures::p99Ms)
                   : 0.0,
            Bench::medianOf(d, &Figures::p50Ms), Bench::medianOf(d, &Figures::p99Ms));

        // New connections: each is a WebSocket of its own (kubectl opens a stream in its one
        // tunnel instead).
        std::vector<Setup> ms, ks;
        for (int round = 0; round < 3; ++round) {
            ms.push_back(setupTimes(ours, 20));
            if (theirs)
                ks.push_back(setupTimes(theirs, 20));
        }
        std::printf("first response on a new connection, ms (median of 3 rounds): Meshdeck one "
                    "at a time %.1f, 20 at once median %.1f, slowest %.1f; kubectl %.1f, %.1f, "
                    "%.1f: Meshdeck/kubectl %.2f one at a time, %.2f 20 at once\n",
                    Bench::medianOf(ms, &Setup::sequentialP50),
                    Bench::medianOf(ms, &Setup::togetherP50),
                    Bench::medianOf(ms, &Setup::togetherMax),
                    theirs ? Bench::medianOf(ks, &Setup::sequentialP50) : 0.0,
                    theirs ? Bench::medianOf(ks, &Setup::togetherP50) : 0.0,
                    theirs ? Bench::medianOf(ks, &Setup::togetherMax) : 0.0,
                    theirs ? Bench::medianOf(ms, &Setup::sequentialP50)
                            / Bench::medianOf(ks, &Setup::sequentialP50)
                           : 0.0,
                    theirs ? Bench::medianOf(ms, &Setup::togetherP50)
                            / Bench::medianOf(ks, &Setup::togetherP50)
                           : 0.0);

        // 20 at once, 5 MiB each: nothing lost.
        std::atomic_int complete {0};
        std::vector<std::thread> clients;
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < 20; ++i)
            clients.emplace_back([&] {
                Connection c(ours);
                bool ok = true;
                for (int j = 0; j < 5; ++j)
                    ok = ok && c.get("/static/asset?bytes=1048576") == (1 << 20);
                if (ok)
                    ++complete;
            });
        for (auto &c : clients)
            c.join();
        std::printf("20 forwarded connections at once, 5 x 1 MiB each: %d of 20 complete, "
                    "%.0f MiB/s in all\n",
                    complete.load(), 100.0 / (double(t.nsecsElapsed()) / 1e9));
        QCOMPARE(complete.load(), 20);

        if (peer.state() != QProcess::NotRunning) {
            peer.terminate();
            peer.waitForFinished(5000);
        }
        setup.forward.reset();
        std::printf("goal (>= 0.5 of direct at 1 MiB): %s\n", mT / dT >= 0.5 ? "met" : "NOT MET");
    }

    // The same forward over plain HTTP (the demo's --plain): what TLS costs the forward, and
    // what the forward costs without it.
    void withoutTls()
    {
        ForwardedCluster setup(false);
        const QString failed = setup.start();
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        sampleBackground();
        std::vector<Figures> d, m;
        for (int round = 0; round < 3; ++round) {
            d.push_back(measure(setup.directPort(), -1));
            m.push_back(measure(setup.forward->port(), 0));
        }
        const double dT = Bench::medianOf(d, &Figures::mibPerSecond);
        const double mT = Bench::medianOf(m, &Figures::mibPerSecond);
        const double dP = Bench::medianOf(d, &Figures::pathCpuMsPerMib);
        const double mP = Bench::medianOf(m, &Figures::pathCpuMsPerMib);
        const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
        std::printf(
            "without TLS (plain HTTP, demo-cluster --plain), 1 MiB transfers (median of 3): "
            "direct %.0f MiB/s, Meshdeck %.0f MiB/s: ratio %.2f; tunnel CPU %.2f ms/MiB; "
            "whole path direct %.2f ms/MiB, Meshdeck %.2f ms/MiB (ceiling on %u cores: "
            "a ratio of %.2f)\n",
            dT, mT, mT / dT, Bench::medianOf(m, &Figures::cpuMsPerMib), dP, mP, cores,
            mP > 0 ? cores * 1000.0 / mP / dT : 0.0);
    }
};

QTEST_GUILESS_MAIN(bench_PortForward)
#include "bench_portforward.moc"
