// Meshdeck's own exec and port-forward clients (WebSocket over libcurl's connection, framed by
// wslay), with the kubeconfig's credentials, and the
// `meshdeck exec` / `meshdeck port-forward` commands, against the demo cluster.
#include <core/httptransport.h>
#include <demo/certificates.h>
#include <demo/democluster.h>
#include <kube/channelsocket.h>
#include <kube/kubeclient.h>
#include <kube/podexec.h>
#include <kube/portforwarder.h>

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <functional>
#include <thread>

using namespace Meshdeck;
using namespace Meshdeck::Demo;
using namespace Meshdeck::Kube;

namespace {

struct Outcome
{
    QByteArray out;
    QByteArray err;
    int code = -2;
    QString message;
};

// A socket connected to 127.0.0.1:port, or -1. receiveBuffer (bytes), when given, is set before
// connecting, so that the window follows it.
int connectLoopback(int port, int receiveBuffer = 0)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (receiveBuffer > 0)
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_port = htons(quint16(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0)
        return fd;
    ::close(fd);
    return -1;
}

// What arrives on fd up to the end of an HTTP head (the blank line), or to the end.
std::string readHead(int fd)
{
    std::string head;
    char buffer[4096];
    ssize_t n = 0;
    while (head.find("\r\n\r\n") == std::string::npos
           && (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0)
        head.append(buffer, size_t(n));
    return head;
}

// A raw server on a loopback port: each connection goes to the handler on a thread of its
// own and is closed after it; stopping() tells a long handler to end.
class LoopbackServer
{
public:
    using Handler = std::function<void(int fd, const LoopbackServer &server)>;
    explicit LoopbackServer(Handler handler)
        : m_handler(std::move(handler))
    {
        m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a {};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof a;
        if (::bind(m_listener, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0
            && ::listen(m_listener, 16) == 0
            && ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&a), &length) == 0)
            m_port = ntohs(a.sin_port);
        m_accepting = std::thread([this] {
            while (!m_stop) {
                pollfd p {m_listener, POLLIN, 0};
                if (::poll(&p, 1, 50) <= 0)
                    continue;
                const int fd = ::accept(m_listener, nullptr, nullptr);
                m_handlers.emplace_back([this, fd] {
                    m_handler(fd, *this);
                    ::close(fd);
                });
            }
        });
    }
    ~LoopbackServer()
    {
        m_stop = true;
        m_accepting.join();
        for (std::thread &t : m_handlers)
            t.join();
        ::close(m_listener);
    }
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] bool stopping() const { return m_stop; }

private:
    Handler m_handler;
    int m_listener = -1;
    int m_port = 0;
    std::atomic_bool m_stop {false};
    std::thread m_accepting;
    std::vector<std::thread> m_handlers;
};

// Service productpage's port 9080, in bookinfo.
PortForwarder::Spec productpage()
{
    PortForwarder::Spec spec;
    spec.ns = QStringLiteral("bookinfo");
    spec.kind = QStringLiteral("service");
    spec.name = QStringLiteral("productpage");
    spec.remotePort = 9080;
    return spec;
}

// A kubeconfig for a plain-HTTP API server at 127.0.0.1:port, without credentials.
QString plainKubeconfig(const QTemporaryDir &dir, const QString &name, int port)
{
    const QString path = dir.filePath(name + QStringLiteral(".yaml"));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(
            QStringLiteral("apiVersion: v1\nkind: Config\ncurrent-context: %1\n"
                           "clusters: [{name: %1, cluster: {server: 'http://127.0.0.1:%2'}}]\n"
                           "users: [{name: nobody, user: {}}]\n"
                           "contexts: [{name: %1, context: {cluster: %1, user: nobody}}]\n")
                .arg(name)
                .arg(port)
                .toUtf8());
    return path;
}

} // namespace

class tst_PodStreams : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        DemoCluster::Options options;
        options.tls = true;
        options.timeScale = 0.3;
        m_cluster = std::make_unique<DemoCluster>(options);
        QVERIFY(m_cluster->start().ok());
        m_admin = m_dir.filePath(QStringLiteral("admin.yaml"));
        m_viewer = m_dir.filePath(QStringLiteral("viewer.yaml"));
        QVERIFY(m_cluster->writeKubeconfig(m_admin).ok());
        QVERIFY(m_cluster->writeKubeconfig(m_viewer, DemoCluster::Access::ReadOnly).ok());
        QVERIFY(m_cluster->waitUntilSettled(20000));
        auto client = KubeClient::fromKubeconfig(m_admin, {});
        QVERIFY(client.ok());
        m_client = *client;
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_cluster.reset();
    }

    void exec()
    {
        const QString pod = podOf(QStringLiteral("details"));
        Outcome r = run({QStringLiteral("bookinfo"),
                         pod,
                         QStringLiteral("details"),
                         {QStringLiteral("hostname")}});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, (pod + QLatin1Char('\n')).toUtf8());
        r = run({QStringLiteral("bookinfo"),
                 pod,
                 QStringLiteral("details"),
                 {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo oops >&2")}});
        QCOMPARE(r.code, 2); // redirections are refused, on stderr
        QVERIFY(r.err.startsWith("sh: "));
        r = run({QStringLiteral("bookinfo"),
                 pod,
                 QStringLiteral("details"),
                 {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("exit 5")}});
        QCOMPARE(r.code, 5);
        // stdin, then its end (v5's close signal) ends the shell
        r = run({QStringLiteral("bookinfo"),
                 pod,
                 QStringLiteral("details"),
                 {QStringLiteral("sh")},
                 true},
                "echo a && curl -s http://details:9080/details/1\n"); // details never fails
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith("a\n{\"id\":1"), r.out.constData());
    }

    void execRefused()
    {
        const QString pod = podOf(QStringLiteral("details"));
        Outcome r = run(
            {QStringLiteral("bookinfo"), pod, QStringLiteral("nope"), {QStringLiteral("ls")}});
        QCOMPARE(r.code, -1);
        QVERIFY2(r.message.contains(QStringLiteral("container nope is not valid")),
                 qPrintable(r.message));
        r = run({QStringLiteral("bookinfo"), QStringLiteral("gone"), {}, {QStringLiteral("ls")}});
        QCOMPARE(r.code, -1);
        QVERIFY2(r.message.contains(QStringLiteral("not found")), qPrintable(r.message));
        auto viewer = KubeClient::fromKubeconfig(m_viewer, {});
        QVERIFY(viewer.ok());
        r = run(
            {QStringLiteral("bookinfo"), pod, QStringLiteral("details"), {QStringLiteral("ls")}},
            {}, *viewer);
        QCOMPARE(r.code, -1);
        QVERIFY2(r.message.contains(QStringLiteral("cannot create resource \"pods/exec\"")),
                 qPrintable(r.message));
    }

    void execPodDeleted()
    {
        const QString pod = podOf(QStringLiteral("ratings"));
        PodExec exec(m_client);
        QSignalSpy finished(&exec, &PodExec::finished);
        exec.start({QStringLiteral("bookinfo"),
                    pod,
                    QStringLiteral("ratings"),
                    {QStringLiteral("sleep"), QStringLiteral("60")}});
        QTest::qWait(500);
        QVERIFY(finished.isEmpty());
        QVERIFY(m_client->remove(QStringLiteral("/api/v1/namespaces/bookinfo/pods/") + pod).ok());
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.first().at(0).toInt(), 137);
    }

    void forward()
    {
        // A Service's port, to a ready pod behind it; 20 connections at once, 1 MiB each.
        const PortForwarder::Spec spec = productpage();
        PortForwarder forwarder(m_client, spec);
        QString error;
        QVERIFY2(forwarder.start(&error), qPrintable(error));
        QVERIFY(forwarder.localPort() > 0);
        constexpr int kConnections = 20;
        constexpr int kBytes = 1 << 20;
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        std::vector<QByteArray> received(kConnections);
        for (int i = 0; i < kConnections; ++i) {
            auto s = std::make_unique<QTcpSocket>();
            QTcpSocket *raw = s.get();
            connect(raw, &QTcpSocket::readyRead, this,
                    [raw, &received, i] { received[size_t(i)] += raw->readAll(); });
            connect(raw, &QTcpSocket::connected, this, [raw] {
                raw->write("GET /static/asset?bytes=1048576 HTTP/1.1\r\nHost: productpage\r\n"
                           "Connection: close\r\n\r\n");
            });
            raw->connectToHost(QHostAddress::LocalHost, forwarder.localPort());
            sockets.push_back(std::move(s));
        }
        const auto complete = [&] {
            for (const QByteArray &r : received)
                if (r.indexOf("\r\n\r\n") < 0 || r.size() - r.indexOf("\r\n\r\n") - 4 < kBytes)
                    return false;
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(complete(), 30000);
        for (const QByteArray &r : received) {
            QVERIFY(r.startsWith("HTTP/1.1 200"));
            QCOMPARE(r.size() - r.indexOf("\r\n\r\n") - 4, kBytes);
        }
        QTRY_COMPARE(forwarder.openConnections(), 0);
        QCOMPARE(forwarder.totalConnections(), kConnections);
        QVERIFY(forwarder.bytesIn() >= qint64(kConnections) * kBytes);
        QVERIFY(forwarder.pod().startsWith(QStringLiteral("productpage-v1-")));

        // The pod replaced: the next connection reaches its successor.
        const QString before = forwarder.pod();
        QVERIFY(
            m_client->remove(QStringLiteral("/api/v1/namespaces/bookinfo/pods/") + before).ok());
        QTRY_VERIFY_WITH_TIMEOUT(podOf(QStringLiteral("productpage")) != before
                                     && !podOf(QStringLiteral("productpage")).isEmpty(),
                                 20000);
        // (The old pod may still serve while it terminates, as kubectl's forward would use it.)
        QTRY_VERIFY_WITH_TIMEOUT(get(forwarder.localPort(), "/health").contains("healthy")
                                     && forwarder.pod() != before,
                                 20000);

        // The same local port again: refused, with the next free one named.
        PortForwarder::Spec again = spec;
        again.localPort = forwarder.localPort();
        PortForwarder second(m_client, again);
        QVERIFY(!second.start(&error));
        QVERIFY2(error.contains(QStringLiteral("is in use"))
                     && error.contains(QStringLiteral("is free")),
                 qPrintable(error));
        forwarder.stop();
        QCOMPARE(forwarder.state(), PortForwarder::State::Stopped);
    }

    void forwardRefused()
    {
        PortForwarder::Spec spec;
        spec.ns = QStringLiteral("bookinfo");
        spec.kind = QStringLiteral("service");
        spec.name = QStringLiteral("details");
        spec.remotePort = 1234;
        QString error;
        PortForwarder wrongPort(m_client, spec);
        QVERIFY(!wrongPort.start(&error));
        QVERIFY2(error.contains(QStringLiteral("has no port 1234")), qPrintable(error));
        // A pod port nothing listens on: the connection closes, the forwarder says why.
        spec.kind = QStringLiteral("pod");
        spec.name = podOf(QStringLiteral("details"));
        PortForwarder dead(m_client, spec);
        QVERIFY(dead.start(&error));
        QVERIFY(get(dead.localPort(), "/").isEmpty());
        QTRY_VERIFY2(dead.lastError().contains(QStringLiteral("connection refused")),
                     qPrintable(dead.lastError()));
    }

    // A local reader that stalls and then drains everything at once, on a kept-alive
    // connection: reading from the API server pauses and resumes, also when the rest of a
    // response already waits inside TLS, where poll() does not see it. Nothing is lost.
    void forwardStallingReader()
    {
        const PortForwarder::Spec spec = productpage();
        PortForwarder forwarder(m_client, spec);
        QString error;
        QVERIFY2(forwarder.start(&error), qPrintable(error));
        constexpr qint64 kBytes = 3 << 20;
        constexpr int kRequests = 8;
        std::atomic_int complete {-1};
        std::thread reader([&, port = forwarder.localPort()] {
            // The local socket fills up soon: the tunnel pauses.
            const int fd = connectLoopback(port, 8 * 1024);
            timeval limit {10, 0}; // a response that stops coming fails the test
            ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
            int done = 0;
            if (fd >= 0) {
                const char request[] = "GET /static/asset?bytes=3145728 HTTP/1.1\r\n"
                                       "Host: productpage\r\n\r\n";
                std::vector<char> buffer(1 << 20);
                for (; done < kRequests; ++done) {
                    if (::send(fd, request, sizeof request - 1, MSG_NOSIGNAL) < 0)
                        break;
                    std::string head;
                    qint64 body = -1;
                    qint64 sinceStall = 0;
                    while (body < kBytes) {
                        const ssize_t n = ::recv(fd, buffer.data(), buffer.size(), 0);
                        if (n <= 0)
                            break;
                        if (body < 0) {
                            head.append(buffer.data(), size_t(n));
                            const size_t end = head.find("\r\n\r\n");
                            if (end != std::string::npos)
                                body = qint64(head.size() - end - 4);
                        } else {
                            body += n;
                        }
                        if ((sinceStall += n) > (256 << 10)) {
                            sinceStall = 0;
                            std::this_thread::sleep_for(std::chrono::milliseconds(20));
                        }
                    }
                    if (body != kBytes)
                        break;
                }
            }
            ::close(fd);
            complete = done;
        });
        QTRY_VERIFY_WITH_TIMEOUT(complete >= 0, 90000);
        reader.join();
        QCOMPARE(complete.load(), kRequests);
        QVERIFY(forwarder.bytesIn() >= kRequests * kBytes);
    }

    // A read-only user may look at pods, not forward to them: the server's reason is shown.
    void forwardForbidden()
    {
        auto viewer = KubeClient::fromKubeconfig(m_viewer, {});
        QVERIFY(viewer.ok());
        PortForwarder::Spec spec;
        spec.ns = QStringLiteral("bookinfo");
        spec.name = podOf(QStringLiteral("details"));
        spec.remotePort = 9080;
        PortForwarder forwarder(*viewer, spec);
        QString error;
        QVERIFY2(forwarder.start(&error), qPrintable(error));
        QVERIFY(get(forwarder.localPort(), "/health").isEmpty());
        QTRY_VERIFY2(forwarder.lastError().contains(
                         QStringLiteral("cannot create resource \"pods/portforward\"")),
                     qPrintable(forwarder.lastError()));
        QTRY_COMPARE(forwarder.openConnections(), 0);
    }

    // The pod found is kept: a connection costs its upgrade alone, no lookup on the way.
    void forwardKeepsItsPod()
    {
        auto own = KubeClient::fromKubeconfig(m_admin, {});
        QVERIFY(own.ok());
        PortForwarder forwarder(*own, productpage());
        QString error;
        QVERIFY2(forwarder.start(&error), qPrintable(error));
        const int before = (*own)->requestCount();
        for (int i = 0; i < 5; ++i)
            QVERIFY(get(forwarder.localPort(), "/health").contains("healthy"));
        QCOMPARE((*own)->requestCount(), before + 5);
        QTRY_COMPARE(forwarder.openConnections(), 0);
    }

    // A stream trusts the kubeconfig's CA alone and presents its client certificate, parsed
    // once and shared: the right ones open it again and again, another CA is refused, a key
    // that does not match its certificate says so.
    void streamCredentials()
    {
        const QString pod = podOf(QStringLiteral("details"));
        const QString path
            = QStringLiteral("/api/v1/namespaces/bookinfo/pods/%1/portforward?ports=9080").arg(pod);
        const QStringList protocols {QStringLiteral("v4.channel.k8s.io")};
        int resumed = 0;
        for (int i = 0; i < 3; ++i) {
            auto opened = ChannelSocket::open(*m_client, path, protocols, QStringLiteral("test"));
            QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message()));
            resumed += (*opened)->resumedSession() ? 1 : 0;
        }
        // After the first, the streams resume its TLS session (no full handshake), as they
        // present the same credentials.
        QVERIFY2(resumed >= 2, qPrintable(QString::number(resumed)));
        // Never a session made with other credentials: the viewer, after the admin's sessions,
        // is still the viewer (a resumed admin session would have let it forward).
        auto viewer = KubeClient::fromKubeconfig(m_viewer, {});
        QVERIFY(viewer.ok());
        for (int i = 0; i < 2; ++i) {
            auto asViewer = ChannelSocket::open(**viewer, path, protocols, QStringLiteral("test"));
            QVERIFY(!asViewer.ok());
            QCOMPARE(asViewer.error().code(), ErrorCode::Forbidden);
        }
        QFile admin(m_admin);
        QVERIFY(admin.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(admin.readAll());
        const auto field = [&](const QString &name) {
            const QRegularExpressionMatch m
                = QRegularExpression(name + QStringLiteral(": *([A-Za-z0-9+/=]+)")).match(text);
            return m.captured(1);
        };
        const auto variant = [&](const QString &name, const QString &from, const QString &to) {
            const QString file = m_dir.filePath(name + QStringLiteral(".yaml"));
            QFile out(file);
            if (out.open(QIODevice::WriteOnly))
                out.write(QString(text).replace(from, to).toUtf8());
            return file;
        };
        // The admin's kubeconfig with one field's PEM replaced: why the stream did not open
        // (an empty message: it did).
        const auto refusalWith = [&](const QString &name, const QString &fieldName,
                                     const QByteArray &pem) {
            const QString file
                = variant(name, field(fieldName), QString::fromLatin1(pem.toBase64()));
            auto client = KubeClient::fromKubeconfig(file, {});
            if (!client.ok())
                return client.error();
            auto opened = ChannelSocket::open(**client, path, protocols, QStringLiteral("test"));
            return opened.ok() ? Error() : opened.error();
        };
        auto otherCa = Demo::Certificates::makeCa(QStringLiteral("someone else"));
        QVERIFY(otherCa.ok());
        const Error refused
            = refusalWith(QStringLiteral("wrong-ca"), QStringLiteral("certificate-authority-data"),
                          otherCa->first);
        QVERIFY(!refused.message().isEmpty());
        QCOMPARE(refused.code(), ErrorCode::TlsFailure);
        // Another key than the certificate's (the CA's own key, a valid PEM).
        const Error broken = refusalWith(QStringLiteral("wrong-key"),
                                         QStringLiteral("client-key-data"), otherCa->second);
        QVERIFY(!broken.message().isEmpty());
        QVERIFY2(
            broken.message().contains(QStringLiteral("key"), Qt::CaseInsensitive)
                || broken.message().contains(QStringLiteral("certificate"), Qt::CaseInsensitive),
            qPrintable(broken.message()));
    }

    // An API server behind a proxy that drops the upgrade (it sees a plain GET): the message says
    // WebSocket support is missing and that kubectl's SPDY may still work.
    void forwardWithoutWebSocket()
    {
        const LoopbackServer server([](int fd, const LoopbackServer &) {
            const bool pod = readHead(fd).rfind("GET /api/v1/namespaces/default/pods/p ", 0) == 0;
            const std::string body = pod
                ? R"({"kind":"Pod","apiVersion":"v1","metadata":{"name":"p"},"status":{"phase":"Running"}})"
                : R"({"kind":"Status","apiVersion":"v1","status":"Failure","message":"Upgrade request required","reason":"BadRequest","code":400})";
            const std::string answer
                = std::string(pod ? "HTTP/1.1 200 OK" : "HTTP/1.1 400 Bad Request")
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
            ::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL);
        });
        const QString path = plainKubeconfig(m_dir, QStringLiteral("plain"), server.port());
        auto client = KubeClient::fromKubeconfig(path, {});
        QVERIFY(client.ok());
        PortForwarder::Spec spec;
        spec.ns = QStringLiteral("default");
        spec.name = QStringLiteral("p");
        spec.remotePort = 80;
        PortForwarder forwarder(*client, spec);
        QString error;
        QVERIFY2(forwarder.start(&error), qPrintable(error));
        QVERIFY(get(forwarder.localPort(), "/").isEmpty());
        QTRY_VERIFY2(forwarder.lastError().contains(
                         QStringLiteral("refused the WebSocket upgrade (HTTP 400)"))
                         && forwarder.lastError().contains(QStringLiteral("SPDY")),
                     qPrintable(forwarder.lastError()));
    }

    // The kubeconfig's proxy-url is used by streams as by every other request: a WebSocket to
    // an https server goes through the proxy's CONNECT.
    void throughProxy()
    {
        std::atomic_int tunnels {0};
        const LoopbackServer proxy([&tunnels](int client, const LoopbackServer &server) {
            int port = 0;
            if (std::sscanf(readHead(client).c_str(), "CONNECT 127.0.0.1:%d ", &port) != 1)
                return;
            ++tunnels;
            const int target = connectLoopback(port);
            if (target < 0)
                return;
            const char ok[] = "HTTP/1.1 200 Connection established\r\n\r\n";
            ::send(client, ok, sizeof ok - 1, MSG_NOSIGNAL);
            pollfd both[2] = {{client, POLLIN, 0}, {target, POLLIN, 0}};
            char buffer[64 * 1024];
            bool open = true;
            while (open && !server.stopping() && ::poll(both, 2, 50) >= 0)
                for (int i = 0; i < 2 && open; ++i)
                    if (both[i].revents) {
                        const ssize_t n = ::recv(both[i].fd, buffer, sizeof buffer, 0);
                        open
                            = n > 0 && ::send(both[1 - i].fd, buffer, size_t(n), MSG_NOSIGNAL) == n;
                    }
            ::close(target);
        });
        QFile admin(m_admin);
        QVERIFY(admin.open(QIODevice::ReadOnly));
        QByteArray config = admin.readAll();
        const qsizetype server = config.indexOf("server: ");
        QVERIFY(server > 0);
        const qsizetype line = config.lastIndexOf('\n', server) + 1;
        config.insert(line,
                      config.mid(line, server - line) + "proxy-url: http://127.0.0.1:"
                          + QByteArray::number(proxy.port()) + "\n");
        const QString path = m_dir.filePath(QStringLiteral("proxied.yaml"));
        QFile proxied(path);
        QVERIFY(proxied.open(QIODevice::WriteOnly));
        proxied.write(config);
        proxied.close();
        auto client = KubeClient::fromKubeconfig(path, {});
        QVERIFY(client.ok());

        const int before = tunnels;
        const Outcome r = run({QStringLiteral("bookinfo"),
                               podOf(QStringLiteral("details")),
                               QStringLiteral("details"),
                               {QStringLiteral("hostname")}},
                              {}, *client);
        QVERIFY2(r.code == 0, qPrintable(r.message));
        QVERIFY(r.out.startsWith("details-v1-"));
        QVERIFY(tunnels > before);
        const PortForwarder::Spec spec = productpage();
        PortForwarder forwarder(*client, spec);
        QString error;
        QVERIFY2(forwarder.start(&error), qPrintable(error));
        const int beforeForward = tunnels;
        QVERIFY(get(forwarder.localPort(), "/health").contains("healthy"));
        QVERIFY(tunnels > beforeForward);
        forwarder.stop();
    }

    // A server that accepts and never answers: the exec ends, bounded, saying so.
    void silentServer()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, this,
                [&] { held << silent.nextPendingConnection(); });
        const QString path = plainKubeconfig(m_dir, QStringLiteral("silent"), silent.serverPort());
        auto client = KubeClient::fromKubeconfig(path, {});
        QVERIFY(client.ok());
        QElapsedTimer clock;
        clock.start();
        const Outcome r
            = run({QStringLiteral("default"), QStringLiteral("p"), {}, {QStringLiteral("ls")}}, {},
                  *client);
        QCOMPARE(r.code, -1);
        QVERIFY2(r.message.contains(QStringLiteral("did not answer")), qPrintable(r.message));
        QVERIFY(clock.elapsed() < 19000);
    }

    void commandLine()
    {
        const QString pod = podOf(QStringLiteral("details"));
        QProcess exec;
        exec.start(QStringLiteral(MESHDECK_BINARY),
                   {QStringLiteral("exec"), QStringLiteral("--kubeconfig"), m_admin,
                    QStringLiteral("-n"), QStringLiteral("bookinfo"), pod, QStringLiteral("--"),
                    QStringLiteral("sh"), QStringLiteral("-c"),
                    QStringLiteral("hostname; exit 9")});
        QVERIFY(exec.waitForFinished(30000));
        QCOMPARE(exec.exitCode(), 9);
        QCOMPARE(exec.readAllStandardOutput(), (pod + QLatin1Char('\n')).toUtf8());
        QVERIFY(exec.readAllStandardError().contains("Defaulted container \"details\""));

        QProcess forward;
        forward.start(QStringLiteral(MESHDECK_BINARY),
                      {QStringLiteral("port-forward"), QStringLiteral("--kubeconfig"), m_admin,
                       QStringLiteral("-n"), QStringLiteral("bookinfo"),
                       QStringLiteral("svc/details"), QStringLiteral(":9080")});
        QVERIFY(forward.waitForStarted());
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += forward.readAllStandardOutput()).contains(" -> 9080\n"),
                                 15000);
        const int port = out.mid(out.indexOf(':') + 1).split(' ').first().toInt();
        QVERIFY(get(quint16(port), "/details/3").contains("\"id\":3"));
        QTRY_VERIFY((out += forward.readAllStandardOutput()).contains("Handling connection for"));
        forward.terminate(); // SIGTERM: a clean stop
        QVERIFY(forward.waitForFinished(10000));
        QCOMPARE(forward.exitStatus(), QProcess::NormalExit);
        QCOMPARE(forward.exitCode(), 0);
    }

private:
    QString podOf(const QString &app)
    {
        const auto list = m_client->list(QStringLiteral("/api/v1/namespaces/bookinfo/pods"), 500,
                                         QStringLiteral("app=") + app);
        if (!list.ok())
            return {};
        for (const QJsonObject &p : list->items)
            if (p.value(QLatin1String("status")).toObject().value(QLatin1String("phase"))
                    == QLatin1String("Running")
                && !p.value(QLatin1String("metadata"))
                        .toObject()
                        .contains(QLatin1String("deletionTimestamp")))
                return p.value(QLatin1String("metadata"))
                    .toObject()
                    .value(QLatin1String("name"))
                    .toString();
        return {};
    }

    // A GET on a worker thread (the forwarder serves on this one), the event loop turning.
    QByteArray get(quint16 port, const char *path)
    {
        HttpRequest request;
        request.url
            = QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(QLatin1String(path)));
        request.timeout = std::chrono::seconds(10);
        QByteArray body;
        std::atomic_bool done {false};
        std::thread t([&] {
            const auto r = HttpTransport::perform(request);
            if (r.ok())
                body = r->body;
            done = true;
        });
        while (!done)
            QTest::qWait(10);
        t.join();
        return body;
    }

    Outcome run(const PodExec::Spec &spec, const QByteArray &input = {},
                std::shared_ptr<KubeClient> client = {})
    {
        Outcome r;
        PodExec exec(client ? client : m_client);
        connect(&exec, &PodExec::output, this,
                [&r](int fd, const QByteArray &d) { (fd == 2 ? r.err : r.out) += d; });
        connect(&exec, &PodExec::finished, this, [&r](int code, const QString &message) {
            r.code = code;
            r.message = message;
        });
        exec.start(spec);
        if (!input.isEmpty()) {
            exec.writeInput(input);
            exec.closeInput();
        }
        QDeadlineTimer deadline(20000);
        while (r.code == -2 && !deadline.hasExpired())
            QTest::qWait(10);
        return r;
    }

    QTemporaryDir m_dir;
    QString m_admin;
    QString m_viewer;
    std::unique_ptr<DemoCluster> m_cluster;
    std::shared_ptr<KubeClient> m_client;
};

QTEST_GUILESS_MAIN(tst_PodStreams)
#include "tst_podstreams.moc"
