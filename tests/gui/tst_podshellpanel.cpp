// The Shell panel under a flood of output: taken in slices between which the window stays
// responsive, nothing dropped, and output of a session that was reset never shown.
#include "support/stallprobe.h"

#include <models/terminalscreen.h>
#include <views/podshellpanel.h>

#include <QTest>

using namespace Meshdeck;

namespace {

QByteArray lines(int count, const QByteArray &prefix)
{
    QByteArray out;
    for (int i = 0; i < count; ++i)
        out.append(prefix).append(QByteArray::number(i)).append(" \x1b[32mok\x1b[0m\r\n");
    return out;
}

QString scrollbackText(const TerminalScreen &screen, int index)
{
    QString text;
    for (const TerminalScreen::Cell &cell : screen.scrollbackLine(index))
        text += cell.text.isEmpty() ? QStringLiteral(" ") : cell.text;
    return text.trimmed();
}

} // namespace

class tst_PodShellPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void floodIsTakenInSlices()
    {
        PodShellPanel panel;
        panel.resize(900, 500);
        panel.setPod(QStringLiteral("bookinfo"), QStringLiteral("details-v1"),
                     {QStringLiteral("details")}, QStringLiteral("details"), true);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        // 200,000 lines (about 4 MiB) in one message: parsed at once, that is a second or more
        // without a frame.
        const QByteArray flood = lines(200000, "line ");
        StallProbe probe;
        probe.start();
        panel.output(flood);
        QTRY_VERIFY_WITH_TIMEOUT(panel.screen()->text().contains(QStringLiteral("line 199999")),
                                 60000);
        const qint64 stall = probe.stop();
        QVERIFY2(stall < 250, qPrintable(QStringLiteral("longest stall %1 ms").arg(stall)));
        // Nothing dropped: the scrollback ends with the lines just before the screen's.
        const TerminalScreen &screen = *panel.screen();
        QCOMPARE(screen.scrollbackLines(), 5000);
        const QString last = scrollbackText(screen, screen.scrollbackLines() - 1);
        QVERIFY2(last.startsWith(QStringLiteral("line 1999")), qPrintable(last));
        QVERIFY(last.endsWith(QStringLiteral(" ok")));
        // Consecutive: each scrollback line follows the one before it.
        const int first = scrollbackText(screen, 0).section(QLatin1Char(' '), 1, 1).toInt();
        for (int i = 1; i < screen.scrollbackLines(); i += 997)
            QCOMPARE(scrollbackText(screen, i).section(QLatin1Char(' '), 1, 1).toInt(), first + i);
    }

    void resetDropsOutputNotYetShown()
    {
        PodShellPanel panel;
        panel.setPod(QStringLiteral("bookinfo"), QStringLiteral("details-v1"),
                     {QStringLiteral("details")}, QStringLiteral("details"), true);
        panel.output(lines(100000, "old "));
        // Another pod chosen before the flood was shown: its screen starts empty.
        panel.setPod(QStringLiteral("bookinfo"), QStringLiteral("ratings-v1"),
                     {QStringLiteral("ratings")}, QStringLiteral("ratings"), true);
        panel.output("new session\r\n");
        QTRY_VERIFY(panel.screen()->text().contains(QStringLiteral("new session")));
        QTest::qWait(200);
        QVERIFY2(!panel.screen()->text().contains(QStringLiteral("old ")),
                 qPrintable(panel.screen()->text()));
        QCOMPARE(panel.screen()->scrollbackLines(), 0);
    }
};

QTEST_MAIN(tst_PodShellPanel)
#include "tst_podshellpanel.moc"
