// Meshdeck's own exec and port-forward clients (QtWebSockets, kubeconfig credentials) and the
// `meshdeck exec` / `meshdeck port-forward` commands, against the demo cluster.
#include <core/httptransport.h>
#include <demo/democluster.h>
#include <kube/kubeclient.h>
#include <kube/podexec.h>
#include <kube/portforwarder.h>

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
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
        PortForwarder::Spec spec;
        spec.ns = QStringLiteral("bookinfo");
        spec.kind = QStringLiteral("service");
        spec.name = QStringLiteral("productpage");
        spec.remotePort = 9080;
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
        QTRY_VERIFY_WITH_TIMEOUT(get(forwarder.localPort(), "/health").contains("healthy"), 20000);
        QVERIFY(forwarder.pod() != before);

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

    // A server that accepts and never answers: the exec ends, bounded, saying so.
    void silentServer()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, this,
                [&] { held << silent.nextPendingConnection(); });
        const QString path = m_dir.filePath(QStringLiteral("silent.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QStringLiteral("apiVersion: v1\nkind: Config\ncurrent-context: silent\n"
                           "clusters: [{name: silent, cluster: {server: 'http://127.0.0.1:%1'}}]\n"
                           "users: [{name: nobody, user: {}}]\n"
                           "contexts: [{name: silent, context: {cluster: silent, user: nobody}}]\n")
                .arg(silent.serverPort())
                .toUtf8());
        file.close();
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
