#pragma once

#include <QColor>
#include <QObject>
#include <QString>
#include <QVector>

#include <deque>

struct VTerm;
struct VTermScreen;

namespace Meshdeck {

// A terminal's screen state, kept by libvterm (the VT emulator neovim uses): bytes from the
// remote program go in through feed(), the visible cells and the cursor come out, with up to
// `scrollback` lines that scrolled off the top. Keys typed become the bytes a terminal sends
// (arrows, function keys, Ctrl combinations) through the `input` signal.
class TerminalScreen : public QObject
{
    Q_OBJECT

public:
    struct Cell
    {
        QString text; // empty: blank
        QColor foreground; // invalid: the terminal's default
        QColor background;
        bool bold = false;
        bool italic = false;
        bool underline = false;
        bool reverse = false;
        int width = 1; // 2 for wide characters (the next cell is their continuation)
    };

    explicit TerminalScreen(int rows = 24, int columns = 80, QObject *parent = nullptr);
    ~TerminalScreen() override;

    void feed(const QByteArray &bytes);
    void resize(int rows, int columns);
    void reset();
    [[nodiscard]] int rows() const { return m_rows; }
    [[nodiscard]] int columns() const { return m_columns; }
    [[nodiscard]] Cell cell(int row, int column) const;
    [[nodiscard]] int cursorRow() const { return m_cursorRow; }
    [[nodiscard]] int cursorColumn() const { return m_cursorColumn; }
    [[nodiscard]] bool cursorVisible() const { return m_cursorVisible; }
    // Lines that scrolled off, oldest first.
    [[nodiscard]] int scrollbackLines() const { return int(m_scrollback.size()); }
    [[nodiscard]] QVector<Cell> scrollbackLine(int index) const;
    // The screen's text, rows joined by newlines, trailing blanks dropped (for copying, tests).
    [[nodiscard]] QString text() const;

    // A typed key: Qt key code, its text and modifiers (Qt::KeyboardModifiers as int).
    void key(int qtKey, const QString &text, int modifiers);
    void paste(const QString &text);

signals:
    void changed(); // cells, cursor or scrollback
    void input(const QByteArray &bytes); // what the terminal sends to the program

private:
    friend struct TerminalCallbacks; // libvterm's callbacks, in the .cpp
    [[nodiscard]] Cell convert(const void *vtermCell) const;

    VTerm *m_vterm = nullptr;
    VTermScreen *m_screen = nullptr;
    int m_rows = 24;
    int m_columns = 80;
    int m_cursorRow = 0;
    int m_cursorColumn = 0;
    bool m_cursorVisible = true;
    // libvterm's cells as they scrolled off, trailing blanks dropped: copied, not converted
    // (a flood of output scrolls thousands of lines a second; only those shown are converted).
    std::deque<QByteArray> m_scrollback;
    static constexpr size_t kScrollback = 5000;
};

} // namespace Meshdeck
