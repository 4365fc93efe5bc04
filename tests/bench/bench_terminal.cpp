// The pod shell's terminal under heavy output: 16 MiB of coloured listing lines and binary noise
// arrive as an exec session delivers them (32 KiB messages from another thread, as fast as they
// come) into the Shell panel, shown. Printed: the longest stall of the GUI thread (goal: one
// frame, 16 ms), and how fast the panel takes the output against libvterm alone (the peer: the
// same bytes through a bare VTerm screen, no Qt, no painting).
#include "benchsupport.h"
#include "support/stallprobe.h"

#include <models/terminalscreen.h>
#include <views/podshellpanel.h>

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>
#include <QThread>

#include <vterm.h>

#include <cstdio>

using namespace Meshdeck;

namespace {

constexpr qsizetype kTotal = 16 << 20;
constexpr qsizetype kMessage = 32 * 1024;

// What a busy shell prints: `ls --color`-like lines, log lines with SGR colours, and stretches
// of binary noise (cat of a binary file), ending with a marker.
QByteArray heavyOutput()
{
    QByteArray out;
    out.reserve(kTotal + 1024);
    QRandomGenerator random(7);
    int line = 0;
    while (out.size() < kTotal) {
        if (line % 500 == 499) {
            for (int i = 0; i < 4096; ++i)
                out.append(char(random.bounded(256)));
            out.append("\x1b[0m\r\n");
        } else if (line % 2 == 0) {
            out.append("\x1b[1;34mdirectory-")
                .append(QByteArray::number(line))
                .append("\x1b[0m  \x1b[32mscript.sh\x1b[0m  \x1b[36mlink\x1b[0m  plain-file.txt  "
                        "\x1b[1;31marchive.tar.gz\x1b[0m\r\n");
        } else {
            out.append("2026-12-02T01:00:00Z \x1b[33mWARN\x1b[0m upstream reviews-v2 answered "
                       "503 after 120 ms (retry ")
                .append(QByteArray::number(line % 7))
                .append(" of 3)\r\n");
        }
        ++line;
    }
    out.append("\x1b[0m\r\nEND-OF-OUTPUT\r\n");
    return out;
}

// Emits the output in messages from its own thread, as PodExec does.
class Producer : public QObject
{
    Q_OBJECT

public:
    explicit Producer(QByteArray bytes)
        : m_bytes(std::move(bytes))
    {
    }
    void run()
    {
        for (qsizetype at = 0; at < m_bytes.size(); at += kMessage)
            emit output(m_bytes.mid(at, kMessage));
    }

signals:
    void output(const QByteArray &bytes);

private:
    QByteArray m_bytes;
};

double libvtermAlone(const QByteArray &bytes)
{
    VTerm *vt = vterm_new(37, 120);
    vterm_set_utf8(vt, 1);
    VTermScreen *screen = vterm_obtain_screen(vt);
    vterm_screen_reset(screen, 1);
    QElapsedTimer t;
    t.start();
    for (qsizetype at = 0; at < bytes.size(); at += kMessage)
        vterm_input_write(vt, bytes.constData() + at,
                          size_t(std::min(kMessage, bytes.size() - at)));
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    vterm_free(vt);
    return double(bytes.size()) / (1 << 20) / seconds;
}

// Meshdeck's screen model alone (libvterm and its callbacks, no widget).
double screenAlone(const QByteArray &bytes)
{
    TerminalScreen screen(37, 120);
    QElapsedTimer t;
    t.start();
    for (qsizetype at = 0; at < bytes.size(); at += kMessage)
        screen.feed(bytes.mid(at, kMessage));
    return double(bytes.size()) / (1 << 20) / (double(t.nsecsElapsed()) / 1e9);
}

} // namespace

class bench_Terminal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void heavyOutput()
    {
        const QByteArray bytes = ::heavyOutput();
        std::vector<double> peers;
        for (int i = 0; i < 3; ++i)
            peers.push_back(libvtermAlone(bytes));
        std::sort(peers.begin(), peers.end());
        const double peer = peers[1];
        const double model = screenAlone(bytes);

        PodShellPanel panel;
        panel.resize(1000, 600);
        panel.setPod(QStringLiteral("bookinfo"), QStringLiteral("details-v1"),
                     {QStringLiteral("details")}, QStringLiteral("details"), true);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));

        QThread thread;
        thread.start();
        auto *producer = new Producer(bytes);
        producer->moveToThread(&thread);
        connect(producer, &Producer::output, &panel, &PodShellPanel::output);

        StallProbe probe;
        probe.start();
        QElapsedTimer t;
        t.start();
        QMetaObject::invokeMethod(producer, &Producer::run);
        // The marker on the line above the cursor: checked cell by cell, cheaply (reading the
        // whole screen every 50 ms would add to the stalls measured).
        const auto done = [&] {
            const TerminalScreen *screen = panel.screen();
            QString marker;
            for (int c = 0; c < 13; ++c)
                marker += screen->cell(screen->cursorRow() - 1, c).text;
            return marker == QStringLiteral("END-OF-OUTPUT");
        };
        QTRY_VERIFY_WITH_TIMEOUT(done(), 120000);
        const double seconds = double(t.nsecsElapsed()) / 1e9;
        const qint64 stall = probe.stop();
        const double ours = double(bytes.size()) / (1 << 20) / seconds;
        if (const QString shots = qEnvironmentVariable("MESHDECK_TEST_SHOTS"); !shots.isEmpty())
            panel.grab().save(shots + QStringLiteral("/terminal-heavy-output.png"));
        std::printf("terminal under heavy output (16 MiB, 32 KiB messages from another thread):\n"
                    "  Shell panel %.1f MiB/s, libvterm alone %.1f MiB/s: ratio %.2f\n"
                    "  (the screen model alone, no widget: %.1f MiB/s)\n"
                    "  longest GUI stall %lld ms (goal <= 16 ms: %s)\n",
                    ours, peer, ours / peer, model, stall, stall <= 16 ? "met" : "NOT MET");
        producer->deleteLater();
        thread.quit();
        thread.wait();
    }
};

QTEST_MAIN(bench_Terminal)
#include "bench_terminal.moc"
