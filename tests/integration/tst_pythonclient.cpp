// The official Kubernetes Python client (Debian's python3-kubernetes) against the demo cluster on
// each transport: list and paging, patches, server-side apply conflicts, watches with bookmarks,
// 410 and 504, exact reads of the past, custom resources, finalizers and a Deployment. The
// checks live in python/demo_client.py; this test starts the cluster and runs them.
#include <demo/democluster.h>

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Meshdeck::Demo;

class tst_PythonClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QProcess probe;
        probe.start(QStringLiteral("/usr/bin/python3"), {"-c", "import kubernetes"});
        QVERIFY(probe.waitForFinished(30000));
        QVERIFY2(probe.exitCode() == 0,
                 "python3-kubernetes is not installed (packaging/dev.sh installs it)");
    }

    void officialClient_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("plain") << "plain";
        QTest::newRow("tls") << "tls";
        QTest::newRow("token") << "token";
    }

    void officialClient()
    {
        QFETCH(QString, mode);
        DemoCluster::Options options;
        options.scenario = QStringLiteral("empty");
        options.bookinfoTraffic = false;
        options.timeScale = 0.5;
        options.bookmarkIntervalMs = 1000;
        options.tls = mode == QLatin1String("tls");
        options.tokenAuth = mode == QLatin1String("token");
        DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        const QString kubeconfig = m_dir.filePath(mode + QStringLiteral(".yaml"));
        QVERIFY(cluster.writeKubeconfig(kubeconfig).ok());

        QProcess python;
        python.setProcessChannelMode(QProcess::MergedChannels);
        python.start(
            QStringLiteral("/usr/bin/python3"),
            {QStringLiteral(MESHDECK_SOURCE_DIR "/tests/integration/python/demo_client.py"),
             kubeconfig});
        QVERIFY(python.waitForStarted());
        const bool finished = python.waitForFinished(120000);
        const QByteArray output = python.readAll();
        if (!finished)
            python.kill();
        if (!finished || python.exitCode() != 0) {
            // Line by line: a long message would be cut, and the traceback is at its end.
            for (const QByteArray &line : output.split('\n'))
                qWarning("%s", line.constData());
        }
        QVERIFY2(finished && python.exitCode() == 0, "the official client's checks failed");
        QVERIFY(output.contains("all checks passed"));
        cluster.stop();
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(tst_PythonClient)
#include "tst_pythonclient.moc"
