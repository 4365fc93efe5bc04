// The demo API server under load, as kube-apiserver behaves: a burst of 2,000 watches whose
// requests come late are all answered; more requests in flight than the server takes get 429
// with Retry-After (watches are not counted); a write without a body is answered 400 at once;
// stopping ends idle kept-alive connections at once.
#include "support/demoapi.h"
#include "support/loopback.h"

#include <demo/democluster.h>

#include <QElapsedTimer>
#include <QTest>

#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Meshdeck;
using namespace Meshdeck::Demo;

namespace {

int connectTo(quint16 port)
{
    const int fd = TestSupport::connectLoopback(port);
    timeval wait {20, 0};
    if (fd >= 0)
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
    return fd;
}

// An empty demo cluster without traffic; anonymous requests act as an administrator.
DemoCluster::Options quietCluster()
{
    DemoCluster::Options options;
    options.scenario = QStringLiteral("empty");
    options.bookinfoTraffic = false;
    options.anonymousAdmin = true;
    return options;
}

// The status line of the reply on fd ("" when the server closed without one).
QByteArray statusLine(int fd)
{
    QByteArray got;
    char buf[1024];
    while (!got.contains("\r\n")) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            break;
        got.append(buf, n);
    }
    return got.left(got.indexOf("\r\n"));
}

} // namespace

class tst_DemoLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Four thousand sockets in this process: the clients' and the server's.
        rlimit files {};
        ::getrlimit(RLIMIT_NOFILE, &files);
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
        if (files.rlim_cur < 5000)
            QSKIP("the open-file limit is below 5,000");
    }

    // 2,000 connections opened at once, their watch requests sent 1.5 s later: every one is
    // answered with a status (before, a first request later than 1 s was dropped silently).
    void burstOfLateWatchesIsAnswered()
    {
        DemoCluster cluster(quietCluster());
        QVERIFY(cluster.start().ok());
        std::vector<int> fds;
        for (int i = 0; i < 2000; ++i) {
            const int fd = connectTo(cluster.port());
            QVERIFY2(fd >= 0, qPrintable(QStringLiteral("connection %1").arg(i)));
            fds.push_back(fd);
        }
        QTest::qWait(1500);
        const QByteArray request = "GET /api/v1/namespaces/default/configmaps?watch=true&"
                                   "timeoutSeconds=5 HTTP/1.1\r\nHost: demo\r\n\r\n";
        for (const int fd : fds)
            QCOMPARE(::send(fd, request.constData(), size_t(request.size()), MSG_NOSIGNAL),
                     ssize_t(request.size()));
        int answered = 0;
        QByteArray unexpected;
        for (const int fd : fds) {
            const QByteArray line = statusLine(fd);
            if (line.startsWith("HTTP/1.1 200"))
                ++answered;
            else if (unexpected.isEmpty())
                unexpected = line.isEmpty() ? QByteArray("(closed without a status)") : line;
            ::close(fd);
        }
        QVERIFY2(answered == 2000,
                 qPrintable(QStringLiteral("%1 of 2000 answered; first other: %2")
                                .arg(answered)
                                .arg(QString::fromLatin1(unexpected))));
    }

    // Two reads in flight is this server's limit: the third is 429 with Retry-After and the
    // Status kube-apiserver sends; a watch is long-running and still served; once the reads
    // are done, reads are served again.
    void fullServerAnswers429WithRetryAfter()
    {
        DemoCluster::Options options = quietCluster();
        options.anonymousAdmin = false; // DemoApi sends the administrator's token
        options.maxReadsInflight = 2;
        DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        DemoApi api(cluster);
        // A resourceVersion from the future: the server waits for it (3 s) before answering 504.
        const QString future = QStringLiteral("/api/v1/namespaces?resourceVersion=%1")
                                   .arg(api.get(QStringLiteral("/api/v1/namespaces"))
                                            .json.value(QStringLiteral("metadata"))
                                            .toObject()
                                            .value(QStringLiteral("resourceVersion"))
                                            .toString()
                                            .toULongLong()
                                        + 1000);
        std::vector<std::thread> slow;
        std::atomic_int timedOut {0};
        for (int i = 0; i < 2; ++i)
            slow.emplace_back([&] {
                if (api.get(future).status == 504)
                    ++timedOut;
            });
        QTest::qWait(500);
        const DemoApi::Reply busy = api.get(QStringLiteral("/api/v1/namespaces"));
        const DemoApi::Reply watch
            = api.get(QStringLiteral("/api/v1/namespaces?watch=true&timeoutSeconds=1"));
        for (auto &t : slow)
            t.join();
        QCOMPARE(timedOut.load(), 2);
        QCOMPARE(busy.status, 429);
        QCOMPARE(busy.json.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("TooManyRequests"));
        QCOMPARE(busy.json.value(QStringLiteral("message")).toString(),
                 QStringLiteral("Too many requests, please try again later."));
        QCOMPARE(busy.json.value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("retryAfterSeconds"))
                     .toInt(),
                 1);
        bool retryAfter = false;
        for (const HttpHeader &h : busy.headers)
            retryAfter = retryAfter
                || (h.first.compare("Retry-After", Qt::CaseInsensitive) == 0 && h.second == "1");
        QVERIFY(retryAfter);
        QCOMPARE(watch.status, 200);
        QCOMPARE(api.get(QStringLiteral("/api/v1/namespaces")).status, 200);
    }

    // A write without Content-Length or chunked encoding has an empty body, as Go's server
    // reads it: answered 400 at once (cpp-httplib alone read until the client closed).
    void writeWithoutLengthIsAnsweredAtOnce()
    {
        DemoCluster cluster(quietCluster());
        QVERIFY(cluster.start().ok());
        for (const char *method : {"POST", "PUT", "PATCH"}) {
            const int fd = connectTo(cluster.port());
            QVERIFY(fd >= 0);
            const QByteArray request = QByteArray(method)
                + " /api/v1/namespaces/default HTTP/1.1\r\nHost: demo\r\n"
                  "Content-Type: application/json\r\n\r\n";
            QCOMPARE(::send(fd, request.constData(), size_t(request.size()), MSG_NOSIGNAL),
                     ssize_t(request.size()));
            QElapsedTimer t;
            t.start();
            const QByteArray status = statusLine(fd);
            QVERIFY2(status.startsWith("HTTP/1.1 400") || status.startsWith("HTTP/1.1 405"),
                     status.constData());
            QVERIFY2(t.elapsed() < 2000, qPrintable(QStringLiteral("%1 ms").arg(t.elapsed())));
            ::close(fd);
        }
    }

    // Compression as kube-apiserver chooses it: gzip only, and only for answers of 128 KiB or
    // more, whatever else a client offers (cpp-httplib alone answered brotli at its slowest
    // setting to every client offering br, as libcurl does: ten times slower on a pod list).
    void compressesAsKubeApiserver()
    {
        DemoCluster cluster(quietCluster());
        QVERIFY(cluster.start().ok());
        DemoApi api(cluster);
        const QString filler(3000, QLatin1Char('a'));
        for (int i = 0; i < 60; ++i)
            QCOMPARE(api.post(QStringLiteral("/api/v1/namespaces/default/configmaps"),
                              QJsonObject {{QStringLiteral("metadata"),
                                            QJsonObject {{QStringLiteral("name"),
                                                          QStringLiteral("big%1").arg(i)}}},
                                           {QStringLiteral("data"),
                                            QJsonObject {{QStringLiteral("x"), filler}}}})
                         .status,
                     201);
        const auto head = [&](const QString &path, const char *accept) {
            const int fd = connectTo(cluster.port());
            const QByteArray request = "GET " + path.toLatin1()
                + " HTTP/1.1\r\nHost: demo\r\nConnection: close\r\nAccept-Encoding: " + accept
                + "\r\n\r\n";
            ::send(fd, request.constData(), size_t(request.size()), MSG_NOSIGNAL);
            QByteArray got;
            char buf[65536];
            while (!got.contains("\r\n\r\n")) {
                const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
                if (n <= 0)
                    break;
                got.append(buf, n);
            }
            ::close(fd);
            return got.left(got.indexOf("\r\n\r\n")).toLower();
        };
        const QByteArray big
            = head(QStringLiteral("/api/v1/configmaps"), "deflate, gzip, br, zstd");
        QVERIFY2(big.startsWith("http/1.1 200") && big.contains("content-encoding: gzip"),
                 big.constData());
        const QByteArray brOnly = head(QStringLiteral("/api/v1/configmaps"), "br");
        QVERIFY2(brOnly.startsWith("http/1.1 200") && !brOnly.contains("content-encoding"),
                 brOnly.constData());
        const QByteArray small = head(QStringLiteral("/api/v1/namespaces"), "deflate, gzip, br");
        QVERIFY2(small.startsWith("http/1.1 200") && !small.contains("content-encoding"),
                 small.constData());
        // And the body decodes (libcurl, as Meshdeck reads it): all 60 objects, and the
        // namespace's kube-root-ca.crt.
        QCOMPARE(api.get(QStringLiteral("/api/v1/namespaces/default/configmaps"))
                     .json.value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 61);
    }

    // An idle kept-alive connection does not hold up stopping the server.
    void stoppingEndsIdleConnectionsAtOnce()
    {
        DemoCluster cluster(quietCluster());
        QVERIFY(cluster.start().ok());
        const int fd = connectTo(cluster.port());
        QVERIFY(fd >= 0);
        const QByteArray request = "GET /version HTTP/1.1\r\nHost: demo\r\n\r\n";
        QCOMPARE(::send(fd, request.constData(), size_t(request.size()), MSG_NOSIGNAL),
                 ssize_t(request.size()));
        QVERIFY(statusLine(fd).startsWith("HTTP/1.1 200"));
        QElapsedTimer t;
        t.start();
        cluster.stop();
        QVERIFY2(t.elapsed() < 3000, qPrintable(QStringLiteral("%1 ms").arg(t.elapsed())));
        ::close(fd);
    }
};

QTEST_GUILESS_MAIN(tst_DemoLimits)
#include "tst_demolimits.moc"
