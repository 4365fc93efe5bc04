// Exec and port-forward on the demo cluster through clients Meshdeck did not write: kubectl
// (WebSocket and, with its WebSocket switches off, SPDY) and the official Python client.
#include <core/httptransport.h>
#include <demo/bookinfotraffic.h>
#include <demo/democluster.h>

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Meshdeck;
using namespace Meshdeck::Demo;

namespace {

const char kApp[] = R"(apiVersion: v1
kind: Namespace
metadata: {name: shell}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shell}
data:
  greeting: "hello from a ConfigMap"
  mode: strict
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: tool, namespace: shell}
spec:
  replicas: 1
  selector: {matchLabels: {app: tool}}
  template:
    metadata: {labels: {app: tool}}
    spec:
      containers:
      - name: tool
        image: busybox:1.36
        env:
        - {name: MODE, valueFrom: {configMapKeyRef: {name: settings, key: mode}}}
        - {name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
        volumeMounts:
        - {name: settings, mountPath: /etc/settings}
      volumes:
      - {name: settings, configMap: {name: settings}}
)";

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

} // namespace

class tst_DemoStreams : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_kubectl = qEnvironmentVariable("MESHDECK_KUBECTL");
        if (m_kubectl.isEmpty())
            m_kubectl = QStandardPaths::findExecutable(QStringLiteral("kubectl"));
        QVERIFY2(!m_kubectl.isEmpty(),
                 "kubectl is not installed (packaging/dev.sh installs Debian's kubernetes-client)");
        DemoCluster::Options options;
        options.tls = true;
        options.timeScale = 0.5;
        options.prometheus = false;
        m_cluster = std::make_unique<DemoCluster>(options);
        const auto started = m_cluster->start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message()));
        m_admin = m_dir.filePath(QStringLiteral("admin.yaml"));
        m_viewer = m_dir.filePath(QStringLiteral("viewer.yaml"));
        QVERIFY(m_cluster->writeKubeconfig(m_admin).ok());
        QVERIFY(m_cluster->writeKubeconfig(m_viewer, DemoCluster::Access::ReadOnly).ok());
        QVERIFY(m_cluster->waitUntilSettled(20000));
        QFile app(m_dir.filePath(QStringLiteral("app.yaml")));
        QVERIFY(app.open(QIODevice::WriteOnly));
        app.write(kApp);
        app.close();
        Run r = kubectl({"apply", "-f", app.fileName()});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = kubectl({"wait", "--for=condition=Ready", "pod", "-l", "app=tool", "-n", "shell",
                     "--timeout=30s"});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        m_details = podOf(QStringLiteral("bookinfo"), QStringLiteral("details"));
        m_tool = podOf(QStringLiteral("shell"), QStringLiteral("tool"));
        QVERIFY(!m_details.isEmpty() && !m_tool.isEmpty());
    }

    void cleanupTestCase() { m_cluster.reset(); }

    void exec_data()
    {
        QTest::addColumn<bool>("webSocket");
        QTest::newRow("websocket") << true;
        QTest::newRow("spdy") << false;
    }

    void exec()
    {
        QFETCH(bool, webSocket);
        m_env = {{QStringLiteral("KUBECTL_REMOTE_COMMAND_WEBSOCKETS"),
                  webSocket ? QStringLiteral("true") : QStringLiteral("false")}};
        Run r = kubectl({"exec", "-n", "shell", m_tool, "--", "hostname"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out, m_tool + QLatin1Char('\n'));

        // The container's own files and environment, read from the cluster's objects.
        r = kubectl({"exec", "-n", "shell", m_tool, "--", "cat", "/etc/settings/greeting"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("hello from a ConfigMap"));
        r = kubectl({"exec", "-n", "shell", m_tool, "--", "sh", "-c", "echo $MODE $POD_NAME"});
        QCOMPARE(r.out, QStringLiteral("strict %1\n").arg(m_tool));
        r = kubectl({"exec", "-n", "shell", m_tool, "--", "ls", "/etc/settings"});
        QCOMPARE(r.out, QStringLiteral("greeting\nmode\n"));

        // Exit codes as a shell gives them, passed on by kubectl.
        r = kubectl({"exec", "-n", "shell", m_tool, "--", "sh", "-c", "exit 3"});
        QCOMPARE(r.code, 3);
        r = kubectl({"exec", "-n", "shell", m_tool, "--", "nosuch", "--flag"});
        QCOMPARE(r.code, 127);
        QVERIFY2(r.err.contains(QStringLiteral("executable file not found")), qPrintable(r.err));
        r = kubectl({"exec", "-n", "shell", m_tool, "--", "cat", "/no/such/file"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("No such file or directory")), qPrintable(r.err));

        // Commands on stdin, one of them a call to a Service through the demo's network.
        r = kubectl({"exec", "-i", "-n", "bookinfo", m_details, "-c", "details", "--", "sh"},
                    "pwd\ncurl -s http://details:9080/details/7\nfalse || echo recovered\n");
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QStringLiteral("/\n{\"id\":7")), qPrintable(r.out));
        QVERIFY2(r.out.endsWith(QStringLiteral("recovered\n")), qPrintable(r.out));
        r = kubectl({"exec", "-n", "bookinfo", m_details, "-c", "details", "--", "curl",
                     "http://nowhere:80/"});
        QCOMPARE(r.code, 7);
        QVERIFY2(r.err.contains(QStringLiteral("Could not resolve host: nowhere")),
                 qPrintable(r.err));
        m_env.clear();
    }

    void execRefusals()
    {
        Run r = kubectl({"exec", "-n", "bookinfo", m_details, "-c", "nope", "--", "ls"});
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains(QStringLiteral("container nope is not valid")), qPrintable(r.err));
        r = kubectl({"exec", "-n", "bookinfo", m_details, "--", "ls"}, {}, m_viewer);
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains(QStringLiteral("cannot create resource \"pods/exec\"")),
                 qPrintable(r.err));
        r = kubectl({"port-forward", "-n", "bookinfo", m_details, "0:9080"}, {}, m_viewer);
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains(QStringLiteral("pods/portforward")), qPrintable(r.err));
        r = kubectl({"attach", "-n", "bookinfo", m_details, "-c", "details"});
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains(QStringLiteral("use exec")), qPrintable(r.err));
    }

    void portForward_data()
    {
        QTest::addColumn<bool>("webSocket");
        QTest::addColumn<QString>("target");
        QTest::newRow("websocket pod") << true << QStringLiteral("pod");
        QTest::newRow("websocket service") << true << QStringLiteral("svc/details");
        QTest::newRow("spdy pod") << false << QStringLiteral("pod");
    }

    void portForward()
    {
        QFETCH(bool, webSocket);
        QFETCH(QString, target);
        QProcess forward;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECTL_PORT_FORWARD_WEBSOCKETS"),
                   webSocket ? QStringLiteral("true") : QStringLiteral("false"));
        forward.setProcessEnvironment(env);
        // A Service has only its own ports; a pod is also asked for one nothing listens on.
        const bool pod = target == QLatin1String("pod");
        QStringList args {QStringLiteral("--kubeconfig"), m_admin,
                          QStringLiteral("port-forward"), QStringLiteral("-n"),
                          QStringLiteral("bookinfo"),     pod ? m_details : target,
                          QStringLiteral("0:9080")};
        if (pod)
            args << QStringLiteral("0:1234");
        forward.start(m_kubectl, args);
        QVERIFY(forward.waitForStarted());
        QString out;
        const QRegularExpression line(QStringLiteral("127.0.0.1:(\\d+) -> (\\d+)"));
        QTRY_VERIFY_WITH_TIMEOUT(
            (out += QString::fromUtf8(forward.readAllStandardOutput())).count(line)
                >= (pod ? 2 : 1),
            15000);
        int port = 0;
        int deadPort = 0;
        for (auto it = line.globalMatch(out); it.hasNext();) {
            const auto m = it.next();
            (m.captured(2) == QLatin1String("9080") ? port : deadPort) = m.captured(1).toInt();
        }
        // The pod's real endpoint, byte for byte, many times over one forward.
        const QString direct
            = m_cluster->bookinfo()->podUrl(QStringLiteral("details"), QStringLiteral("v1"));
        for (int i = 0; i < 20; ++i) {
            const QString path = QStringLiteral("/details/%1").arg(i);
            HttpRequest viaForward;
            viaForward.url = QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path));
            HttpRequest straight;
            straight.url = QUrl(direct + path);
            const auto a = HttpTransport::perform(viaForward);
            const auto b = HttpTransport::perform(straight);
            QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().message()));
            QVERIFY(b.ok());
            QCOMPARE(a->status, 200);
            QCOMPARE(a->body, b->body);
        }
        // A port nothing listens on in the pod: the connection ends, kubectl says why.
        if (!pod) {
            forward.terminate();
            QVERIFY(forward.waitForFinished(10000));
            return;
        }
        HttpRequest dead;
        dead.url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(deadPort));
        dead.timeout = std::chrono::seconds(10);
        const auto refused = HttpTransport::perform(dead);
        QVERIFY(!refused.ok());
        QString err;
        QTRY_VERIFY_WITH_TIMEOUT((err += QString::fromUtf8(forward.readAllStandardError()))
                                     .contains(QStringLiteral("connection refused")),
                                 10000);
        // kubectl 1.31+ ends the whole forward after such an error ("lost connection to pod");
        // older ones go on until stopped.
        if (forward.state() != QProcess::NotRunning) {
            forward.terminate();
            forward.waitForFinished(10000);
        }
        QCOMPARE(forward.state(), QProcess::NotRunning);
    }

    void pythonClient()
    {
        QProcess python;
        python.setProcessChannelMode(QProcess::MergedChannels);
        python.start(
            QStringLiteral("/usr/bin/python3"),
            {QStringLiteral(MESHDECK_SOURCE_DIR "/tests/integration/python/demo_streams.py"),
             m_admin});
        QVERIFY(python.waitForStarted());
        const bool finished = python.waitForFinished(120000);
        const QByteArray output = python.readAll();
        if (!finished)
            python.kill();
        if (!finished || python.exitCode() != 0)
            for (const QByteArray &l : output.split('\n'))
                qWarning("%s", l.constData());
        QVERIFY2(finished && python.exitCode() == 0, "the official client's checks failed");
        QVERIFY(output.contains("all checks passed"));
    }

private:
    QString podOf(const QString &ns, const QString &app)
    {
        const Run r = kubectl({"get", "pods", "-n", ns, "-l", "app=" + app, "-o",
                               "jsonpath={.items[0].metadata.name}"});
        return r.out.trimmed();
    }

    Run kubectl(const QStringList &rest, const QByteArray &input = {}, QString kubeconfig = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("KUBECONFIG"));
        env.insert(QStringLiteral("HOME"), m_dir.path());
        for (auto it = m_env.begin(); it != m_env.end(); ++it)
            env.insert(it.key(), it.value());
        p.setProcessEnvironment(env);
        p.start(m_kubectl,
                QStringList {QStringLiteral("--kubeconfig"),
                             kubeconfig.isEmpty() ? m_admin : kubeconfig}
                    + rest);
        if (!input.isEmpty())
            p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000))
            p.kill();
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    QTemporaryDir m_dir;
    QString m_kubectl;
    QString m_admin;
    QString m_viewer;
    QString m_details;
    QString m_tool;
    QMap<QString, QString> m_env;
    std::unique_ptr<DemoCluster> m_cluster;
};

QTEST_GUILESS_MAIN(tst_DemoStreams)
#include "tst_demostreams.moc"
