#include <app/commandline.h>
#include <app/commandregistry.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Meshdeck;

class tst_CommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isCommand()
    {
        QVERIFY(CommandLine::isCommand({QStringLiteral("meshdeck"), QStringLiteral("version")}));
        QVERIFY(!CommandLine::isCommand({QStringLiteral("meshdeck")}));
        QVERIFY(!CommandLine::isCommand({QStringLiteral("meshdeck"), QStringLiteral("--help")}));
    }
    void parse_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("screenshot");
        QTest::addColumn<int>("page");
        QTest::addColumn<QSize>("size");
        QTest::newRow("none") << QStringList {} << true << "" << -1 << QSize(1280, 800);
        QTest::newRow("screenshot")
            << QStringList {"--screenshot", "/tmp/a.png", "--page", "topology"} << true
            << "/tmp/a.png" << int(PageId::Topology) << QSize(1280, 800);
        QTest::newRow("inline values") << QStringList {"--screenshot=/tmp/b.png", "--size=1024x768"}
                                       << true << "/tmp/b.png" << -1 << QSize(1024, 768);
        QTest::newRow("qt options pass") << QStringList {"-platform", "offscreen", "-reverse"}
                                         << true << "" << -1 << QSize(1280, 800);
        QTest::newRow("theme") << QStringList {"--theme", "dark"} << true << "" << -1
                               << QSize(1280, 800);
        QTest::newRow("bad theme")
            << QStringList {"--theme", "purple"} << false << "" << -1 << QSize();
        QTest::newRow("unknown option")
            << QStringList {"--frobnicate"} << false << "" << -1 << QSize();
        QTest::newRow("unknown page")
            << QStringList {"--page", "nowhere"} << false << "" << -1 << QSize();
        QTest::newRow("missing page") << QStringList {"--page"} << false << "" << -1 << QSize();
        QTest::newRow("bad size") << QStringList {"--size", "big"} << false << "" << -1 << QSize();
        QTest::newRow("tiny size")
            << QStringList {"--size", "10x10"} << false << "" << -1 << QSize();
        QTest::newRow("missing file")
            << QStringList {"--screenshot"} << false << "" << -1 << QSize();
        QTest::newRow("stray argument")
            << QStringList {"--page", "results", "extra"} << false << "" << -1 << QSize();
    }
    void parse()
    {
        QFETCH(QStringList, args);
        QFETCH(bool, ok);
        QFETCH(QString, screenshot);
        QFETCH(int, page);
        QFETCH(QSize, size);
        const Result<GuiOptions> r = CommandLine::parseGuiOptions(QStringList {"meshdeck"} + args);
        QCOMPARE(r.ok(), ok);
        if (!ok) {
            QCOMPARE(r.error().code(), ErrorCode::InvalidArgument);
            QVERIFY(!r.error().message().contains(QLatin1Char('\n')));
            return;
        }
        QCOMPARE(r->screenshotFile, screenshot);
        QCOMPARE(r->page.has_value(), page >= 0);
        if (page >= 0)
            QCOMPARE(int(*r->page), page);
        QCOMPARE(r->size, size);
    }
    void dispatchUnknownCommand()
    {
        CommandRegistry registry;
        QString out, err;
        QTextStream o(&out), e(&err);
        QCOMPARE(registry.dispatch({QStringLiteral("nonsense")}, o, e), int(ExitUsage));
        QCOMPARE(err.count(QLatin1Char('\n')), 1);
        QVERIFY(err.contains(QStringLiteral("unknown command 'nonsense'")));
    }
    void versionJson()
    {
        CommandRegistry registry;
        QString out, err;
        QTextStream o(&out), e(&err);
        QCOMPARE(registry.dispatch({QStringLiteral("version"), QStringLiteral("--json")}, o, e),
                 int(ExitOk));
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(out.toUtf8(), &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        const QJsonObject obj = doc.object();
        QCOMPARE(obj.value(QStringLiteral("name")).toString(), QStringLiteral("meshdeck"));
        for (const char *key : {"version", "qt", "libcurl", "yamlCpp", "protobuf"})
            QVERIFY2(!obj.value(QLatin1String(key)).toString().isEmpty(), key);
    }
    void versionRejectsUnknownOption()
    {
        CommandRegistry registry;
        QString out, err;
        QTextStream o(&out), e(&err);
        QCOMPARE(registry.dispatch({QStringLiteral("version"), QStringLiteral("--yaml")}, o, e),
                 int(ExitUsage));
        QVERIFY(err.contains(QStringLiteral("yaml")));
    }
    void helpListsCommandsAndPages()
    {
        const QString help = CommandLine::helpText(CommandRegistry());
        QVERIFY(help.contains(QStringLiteral("version")));
        QVERIFY(help.contains(QStringLiteral("--screenshot")));
        for (const QString &key : pageKeys())
            QVERIFY(help.contains(key));
    }
};

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
