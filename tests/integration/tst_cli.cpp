// The meshdeck executable as a user runs it: headless commands, usage errors, screenshots,
// contexts, cluster checks, topology export, the demo cluster's flags.
#include "support/clirunner.h"
#include "support/imagecheck.h"
#include "support/rawhttpserver.h"

#include <demo/democluster.h>

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace TestSupport;

class tst_Cli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionJsonWithoutDisplay()
    {
        const Run r = meshdeck({QStringLiteral("version"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonObject obj = QJsonDocument::fromJson(r.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(obj.value(QStringLiteral("name")).toString(), QStringLiteral("meshdeck"));
        QVERIFY(obj.value(QStringLiteral("libcurl")).toString().contains(QLatin1Char('.')));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown command") << QStringList {"nonsense"} << "nonsense";
        QTest::newRow("unknown flag") << QStringList {"--nonsense"} << "--nonsense";
        QTest::newRow("unknown page")
            << QStringList {"--screenshot", "/tmp/x.png", "--page", "moon"} << "clusters";
        QTest::newRow("bad size") << QStringList {"--size", "huge"} << "--size";
        QTest::newRow("command flag") << QStringList {"version", "--xml"} << "xml";
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const Run r = meshdeck(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        const QString err = QString::fromLocal8Bit(r.err).trimmed();
        QCOMPARE(err.count(QLatin1Char('\n')), 0); // one line
        QVERIFY2(err.contains(mentions), qPrintable(err));
    }

    void helpAndVersion()
    {
        const Run help = meshdeck({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--screenshot"));
        QVERIFY(help.out.contains("version"));
        const Run version = meshdeck({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("meshdeck "));
    }

    void noDisplayIsExplained()
    {
        const Run r = meshdeck({});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("xvfb-run"));
    }

    void screenshot_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<QSize>("size");
        QTest::newRow("clusters") << "clusters" << QSize(1280, 800);
        QTest::newRow("topology") << "topology" << QSize(1280, 800);
        QTest::newRow("lifecycle") << "lifecycle" << QSize(1024, 700);
        QTest::newRow("performance") << "performance" << QSize(1280, 800);
        QTest::newRow("results") << "results" << QSize(1600, 1000);
        QTest::newRow("settings") << "settings" << QSize(1280, 800);
    }

    void screenshot()
    {
        QFETCH(QString, page);
        QFETCH(QSize, size);
        QTemporaryDir dir;
        const QString file = dir.filePath(page + QStringLiteral(".png"));
        const Run r = meshdeck({QStringLiteral("--screenshot"), file, QStringLiteral("--page"),
                                page, QStringLiteral("--size"),
                                QStringLiteral("%1x%2").arg(size.width()).arg(size.height())});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QImage image(file);
        QCOMPARE(image.size(), size);
        QVERIFY(isNonBlank(image));
    }

    void contexts()
    {
        QTemporaryDir dir;
        QFile config(dir.filePath(QStringLiteral("config")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("apiVersion: v1\nkind: Config\ncurrent-context: prod\n"
                     "clusters:\n- name: c\n  cluster: {server: 'https://10.1.2.3:6443'}\n"
                     "users:\n- name: u\n  user: {token: s3cret-token-value}\n"
                     "contexts:\n- name: prod\n  context: {cluster: c, user: u, namespace: shop}\n"
                     "- name: dev\n  context: {cluster: c}\n");
        config.close();
        Run r = meshdeck(
            {QStringLiteral("contexts"), QStringLiteral("--kubeconfig"), config.fileName()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("prod"));
        QVERIFY(r.out.contains("https://10.1.2.3:6443"));
        QVERIFY(r.out.contains("token"));
        QVERIFY(!r.out.contains("s3cret")); // never the credential itself
        r = meshdeck({QStringLiteral("contexts"), QStringLiteral("--json"),
                      QStringLiteral("--kubeconfig"), config.fileName()});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject obj = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(obj.value(QStringLiteral("currentContext")).toString(), QStringLiteral("prod"));
        QCOMPARE(obj.value(QStringLiteral("contexts")).toArray().size(), 2);
        r = meshdeck({QStringLiteral("contexts"), QStringLiteral("--kubeconfig"),
                      dir.filePath(QStringLiteral("missing"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("does not exist"));
    }

    void clusterCheck()
    {
        QTemporaryDir dir;
        Meshdeck::Demo::DemoCluster::Options options;
        options.scenario = QStringLiteral("empty");
        options.tokenAuth = true;
        Meshdeck::Demo::DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        const QString admin = dir.filePath(QStringLiteral("admin"));
        const QString viewer = dir.filePath(QStringLiteral("viewer"));
        QVERIFY(cluster.writeKubeconfig(admin).ok());
        QVERIFY(
            cluster.writeKubeconfig(viewer, Meshdeck::Demo::DemoCluster::Access::ReadOnly).ok());

        Run r = meshdeck({QStringLiteral("cluster"), QStringLiteral("check"),
                          QStringLiteral("--kubeconfig"), admin, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QVERIFY(report.value(QStringLiteral("reachable")).toBool());
        QCOMPARE(report.value(QStringLiteral("serverVersion")).toString().left(5),
                 QStringLiteral("v1.32"));
        QCOMPARE(report.value(QStringLiteral("nodes")).toInt(), 3);
        for (const QJsonValue &p : report.value(QStringLiteral("permissions")).toArray())
            QVERIFY(p.toObject().value(QStringLiteral("allowed")).toBool());

        r = meshdeck({QStringLiteral("cluster"), QStringLiteral("check"),
                      QStringLiteral("--kubeconfig"), viewer});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("create namespaces"));
        QVERIFY(r.out.contains(" no "));

        r = meshdeck({QStringLiteral("cluster"), QStringLiteral("check"),
                      QStringLiteral("--kubeconfig"), admin, QStringLiteral("--context"),
                      QStringLiteral("nope")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("Known contexts: meshdeck-demo"));
        r = meshdeck({QStringLiteral("cluster"), QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);

        cluster.stop();
        r = meshdeck({QStringLiteral("cluster"), QStringLiteral("check"),
                      QStringLiteral("--kubeconfig"), admin});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("Could not connect"), r.err.constData());
    }

    void screenshotIntoMissingFolder()
    {
        const Run r = meshdeck(
            {QStringLiteral("--screenshot"), QStringLiteral("/nonexistent-folder/x.png")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("does not exist"));
    }

    void topologyExport()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("graph.png"));
        const Run json = meshdeck(
            {"topology", "export", "--demo", "--namespace", "bookinfo", "--format", "json"});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        const QJsonObject graph = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(graph.value("graphType").toString(), QStringLiteral("workload"));
        QVERIFY(graph.value("nodes").toArray().size() >= 10);
        QVERIFY(graph.value("promqlRequests").toInt() <= 6); // fixed, whatever the namespaces
        if (!QStandardPaths::findExecutable(QStringLiteral("prometheus"), {"/usr/bin"}).isEmpty()) {
            bool traffic = false;
            for (const QJsonValue &e : graph.value("edges").toArray()) {
                if (e.toObject().value("rps").toDouble() <= 0)
                    continue;
                traffic = true;
                QVERIFY(e.toObject().value("mtlsPercent").toDouble() > 99); // Istio's sidecars
            }
            QVERIFY2(traffic, "the demo's Prometheus should have measured Bookinfo's traffic");
            QCOMPARE(graph.value("mesh").toString(), QStringLiteral("istio"));
        }
        const Run image = meshdeck({"topology", "export", "--demo", "--format", "png", "-o", png});
        QVERIFY2(image.exitCode == 0, image.err.constData());
        QVERIFY(QImage(png).width() > 300);
        const Run dot = meshdeck(
            {"topology", "export", "--demo", "--graph-type", "service", "--format", "dot"});
        QCOMPARE(dot.exitCode, 0);
        QVERIFY(dot.out.startsWith("digraph mesh {"));
        QCOMPARE(meshdeck({"topology", "export", "--format", "gif"}).exitCode, 2);
        QCOMPARE(meshdeck({"topology", "export", "--graph-type", "galaxy"}).exitCode, 2);
        const Run missing = meshdeck({"topology", "export", "--kubeconfig", "/nonexistent/kc"});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains("does not exist"));
    }

    // demo-cluster's transports: HTTPS with certificates by default; --plain cannot have a
    // read-only user (kubectl sends no credentials over HTTP); an empty cluster has no Bookinfo.
    void demoClusterFlags()
    {
        const Run both = meshdeck({"demo-cluster", "--plain", "--read-only-kubeconfig", "/tmp/x"});
        QCOMPARE(both.exitCode, 2);
        QVERIFY2(both.err.contains("read-only user needs credentials"), both.err.constData());
        QCOMPARE(meshdeck({"demo-cluster", "--tls", "--token"}).exitCode, 2);

        QTemporaryDir dir;
        QProcess demo;
        demo.start(QStringLiteral(MESHDECK_BINARY),
                   {"demo-cluster", "--scenario", "empty", "--kubeconfig",
                    dir.filePath(QStringLiteral("kc"))});
        QVERIFY(demo.waitForStarted());
        const QByteArray banner = demoBanner(demo);
        demo.terminate();
        demo.waitForFinished(10000);
        QVERIFY2(banner.contains("serving at https://"), banner.constData());
        QVERIFY2(!banner.contains("productpage") && !banner.contains("Bookinfo"),
                 banner.constData());
    }
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
