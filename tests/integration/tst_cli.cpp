// The meshdeck executable as a user runs it: headless commands, usage errors, screenshots.
#include "support/imagecheck.h"

#include <demo/democluster.h>

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run meshdeck(const QStringList &args, bool withDisplay = false)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    if (!withDisplay) {
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    }
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MESHDECK_BINARY), args);
    if (!p.waitForFinished(60000))
        p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}
} // namespace

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
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
