#pragma once

#include <QWidget>

namespace Meshdeck {

class TerminalScreen;

// Paints a TerminalScreen's cell grid (colours, bold, underline, reverse, wide characters, the
// cursor) in the system's fixed-width font, and sends what is typed to it. Its size in cells
// follows the widget's (sizeChanged); the mouse wheel scrolls back through what scrolled off.
// Ctrl+Shift+C copies the screen's text, Ctrl+Shift+V pastes.
class TerminalWidget : public QWidget
{
    Q_OBJECT

public:
    explicit TerminalWidget(TerminalScreen *screen, QWidget *parent = nullptr);
    [[nodiscard]] QSize sizeHint() const override;

signals:
    void sizeChanged(int columns, int rows);

protected:
    bool event(QEvent *event) override; // Tab and Backtab go to the terminal, not the focus chain
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateMetrics();
    TerminalScreen *m_screen;
    int m_cellWidth = 8;
    int m_cellHeight = 16;
    int m_ascent = 12;
    int m_scroll = 0; // lines scrolled back
};

} // namespace Meshdeck
