// The terminal's screen state (libvterm): text, colours, the cursor, scrollback, and the bytes
// typed keys become.
#include <models/terminalscreen.h>

#include <QSignalSpy>
#include <QTest>

using namespace Meshdeck;

class tst_TerminalScreen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textColoursAndCursor()
    {
        TerminalScreen screen(5, 20);
        screen.feed("hello\r\n\x1b[1;31mred\x1b[0m ok");
        QCOMPARE(screen.text(), QStringLiteral("hello\nred ok"));
        const TerminalScreen::Cell r = screen.cell(1, 0);
        QCOMPARE(r.text, QStringLiteral("r"));
        QVERIFY(r.bold);
        QVERIFY(r.foreground.isValid() && r.foreground.red() > 100 && r.foreground.green() < 100);
        QVERIFY(!screen.cell(1, 4).foreground.isValid()); // back to the default
        QCOMPARE(screen.cursorRow(), 1);
        QCOMPARE(screen.cursorColumn(), 6);
        screen.feed("\x1b[2J\x1b[H");
        QCOMPARE(screen.text(), QString());
    }

    void scrollbackAndResize()
    {
        TerminalScreen screen(3, 10);
        for (int i = 0; i < 10; ++i)
            screen.feed(QByteArray::number(i) + "\r\n");
        QCOMPARE(screen.scrollbackLines(), 8);
        QCOMPARE(screen.scrollbackLine(0).first().text, QStringLiteral("0"));
        screen.resize(6, 40);
        QCOMPARE(screen.rows(), 6);
        QCOMPARE(screen.columns(), 40);
    }

    void keys_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("modifiers");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("letter") << int(Qt::Key_A) << "a" << 0 << QByteArray("a");
        QTest::newRow("enter") << int(Qt::Key_Return) << "\r" << 0 << QByteArray("\r");
        QTest::newRow("up") << int(Qt::Key_Up) << "" << 0 << QByteArray("\x1b[A");
        QTest::newRow("ctrl-c") << int(Qt::Key_C) << "\x03" << int(Qt::ControlModifier)
                                << QByteArray("\x03");
        QTest::newRow("backspace") << int(Qt::Key_Backspace) << "\b" << 0 << QByteArray("\x7f");
        QTest::newRow("umlaut") << int(Qt::Key_Adiaeresis) << "ä" << 0 << QByteArray("\xc3\xa4");
    }

    void keys()
    {
        QFETCH(int, key);
        QFETCH(QString, text);
        QFETCH(int, modifiers);
        QFETCH(QByteArray, bytes);
        TerminalScreen screen;
        QByteArray sent;
        connect(&screen, &TerminalScreen::input, this, [&](const QByteArray &b) { sent += b; });
        screen.key(key, text, modifiers);
        QCOMPARE(sent, bytes);
    }
};

QTEST_GUILESS_MAIN(tst_TerminalScreen)
#include "tst_terminalscreen.moc"
