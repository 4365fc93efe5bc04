// The demo containers' shell: what each command prints and returns, line editing on a terminal,
// commands read from stdin, and refusals as a shell words them.
#include <demo/demoshell.h>

#include <QTest>

using namespace Meshdeck::Demo;

namespace {

ContainerModel model()
{
    ContainerModel m;
    m.pod = QStringLiteral("web-1");
    m.ns = QStringLiteral("shop");
    m.container = QStringLiteral("web");
    m.env = {{QStringLiteral("PATH"), QStringLiteral("/bin")},
             {QStringLiteral("MODE"), QStringLiteral("strict")}};
    m.directories = {QStringLiteral("/"), QStringLiteral("/etc"), QStringLiteral("/etc/app"),
                     QStringLiteral("/tmp")};
    m.files.insert(QStringLiteral("/etc/hostname"), "web-1\n");
    m.files.insert(QStringLiteral("/etc/app/config.yaml"), "level: debug\n");
    return m;
}

struct Session
{
    QByteArray out;
    QByteArray err;
    int code = -1;
    std::unique_ptr<DemoShell> shell;

    Session(const QStringList &command, bool tty, DemoShell::Fetch fetch = {})
    {
        if (!fetch)
            fetch = [](const QString &url, auto done) {
                if (url.contains(QLatin1String("reviews")))
                    done(200, "{\"id\":1}", {});
                else
                    done(0, {}, QStringLiteral("(6) Could not resolve host: x"));
            };
        shell = std::make_unique<DemoShell>(
            model(), [this](int fd, const QByteArray &d) { (fd == 2 ? err : out) += d; },
            [this](int c) { code = c; }, fetch);
        shell->start(command, tty);
    }
};

} // namespace

class tst_DemoShell : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commands_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QByteArray>("out");
        QTest::addColumn<QByteArray>("err");
        QTest::addColumn<int>("code");
        QTest::newRow("hostname") << "hostname" << QByteArray("web-1\n") << QByteArray() << 0;
        QTest::newRow("variables")
            << "echo $MODE ${MODE}-x '$MODE' \"$MODE\""
            << QByteArray("strict strict-x $MODE strict\n") << QByteArray() << 0;
        QTest::newRow("cat") << "cat /etc/app/config.yaml" << QByteArray("level: debug\n")
                             << QByteArray() << 0;
        QTest::newRow("cd and ls")
            << "cd /etc && ls" << QByteArray("app\nhostname\n") << QByteArray() << 0;
        QTest::newRow("relative cat")
            << "cd /etc/app; cat ../hostname" << QByteArray("web-1\n") << QByteArray() << 0;
        QTest::newRow("missing file") << "cat /nope" << QByteArray()
                                      << QByteArray("cat: can't open '/nope': No such file or "
                                                    "directory\n")
                                      << 1;
        QTest::newRow("or") << "false || echo ok" << QByteArray("ok\n") << QByteArray() << 0;
        QTest::newRow("and stops") << "false && echo no" << QByteArray() << QByteArray() << 1;
        QTest::newRow("status") << "false; echo $?" << QByteArray("1\n") << QByteArray() << 0;
        QTest::newRow("unknown") << "vim x" << QByteArray() << QByteArray("sh: vim: not found\n")
                                 << 127;
        QTest::newRow("exit") << "exit 4; echo never" << QByteArray() << QByteArray() << 4;
        QTest::newRow("pipe refused") << "ls | wc" << QByteArray() << QByteArray() << 2;
        QTest::newRow("unterminated") << "echo 'x" << QByteArray() << QByteArray() << 2;
        QTest::newRow("curl") << "curl -s http://reviews:9080/" << QByteArray("{\"id\":1}")
                              << QByteArray() << 0;
        QTest::newRow("curl unknown host")
            << "curl http://x/" << QByteArray()
            << QByteArray("curl: (6) Could not resolve host: x\n") << 7;
    }

    void commands()
    {
        QFETCH(QString, line);
        QFETCH(QByteArray, out);
        QFETCH(QByteArray, err);
        QFETCH(int, code);
        Session s({QStringLiteral("sh"), QStringLiteral("-c"), line}, false);
        QTRY_COMPARE(s.code, code);
        QCOMPARE(s.out, out);
        if (QByteArray(QTest::currentDataTag()).contains("refused")
            || QByteArray(QTest::currentDataTag()) == "unterminated")
            QVERIFY(s.err.startsWith("sh: "));
        else
            QCOMPARE(s.err, err);
    }

    void directCommand()
    {
        Session s({QStringLiteral("ls"), QStringLiteral("-l"), QStringLiteral("/etc/app")}, false);
        QCOMPARE(s.code, 0);
        QVERIFY2(s.out.startsWith("-rw-r--r-- 1 root root") && s.out.endsWith(" config.yaml\n"),
                 s.out.constData());
        Session missing({QStringLiteral("python3")}, false);
        QCOMPARE(missing.code, 127);
        QCOMPARE(missing.err,
                 QByteArray("exec: \"python3\": executable file not found in $PATH\n"));
    }

    void stdinLines()
    {
        Session s({QStringLiteral("/bin/sh")}, false);
        s.shell->input("echo a\ncurl -s http://reviews:9080/\n");
        s.shell->input("echo b\nfal");
        s.shell->input("se\n");
        QCOMPARE(s.code, -1); // still reading
        s.shell->inputClosed();
        QTRY_COMPARE(s.code, 1);
        QCOMPARE(s.out, QByteArray("a\n{\"id\":1}b\n"));
    }

    void inputBeforeStart()
    {
        DemoShell shell(
            model(), [](int, const QByteArray &) {}, [](int) {}, {});
        QByteArray out;
        int code = -1;
        DemoShell late(
            model(), [&](int, const QByteArray &d) { out += d; }, [&](int c) { code = c; }, {});
        late.input("hostname\n");
        late.inputClosed();
        late.start({QStringLiteral("sh")}, false);
        QCOMPARE(code, 0);
        QCOMPARE(out, QByteArray("web-1\n"));
    }

    void terminal()
    {
        Session s({QStringLiteral("sh")}, true);
        QCOMPARE(s.out, QByteArray("/ # "));
        s.out.clear();
        s.shell->input("hostnamx\x7f"
                       "e\r");
        QCOMPARE(s.out, QByteArray("hostnamx\b \be\r\nweb-1\r\n/ # "));
        s.out.clear();
        s.shell->input("\x1b[Aecho hi\x03");
        QCOMPARE(s.out, QByteArray("echo hi^C\r\n/ # "));
        s.out.clear();
        s.shell->input("cd /tmp\r\x04");
        QCOMPARE(s.out, QByteArray("cd /tmp\r\n/tmp # exit\r\n"));
        QCOMPARE(s.code, 0);
    }

    void sleepIsInterrupted()
    {
        Session s({QStringLiteral("sh")}, true);
        s.shell->input("sleep 30\r");
        QCOMPARE(s.code, -1);
        s.out.clear();
        s.shell->input("\x03");
        QCOMPARE(s.out, QByteArray("^C\r\n/ # "));
        s.shell->input("echo $?\r");
        QVERIFY2(s.out.endsWith("130\r\n/ # "), s.out.constData());
    }
};

QTEST_GUILESS_MAIN(tst_DemoShell)
#include "tst_demoshell.moc"
