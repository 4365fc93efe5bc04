#pragma once

#include <QElapsedTimer>
#include <QGlyphRun>
#include <QHash>
#include <QRawFont>
#include <QSet>
#include <QTimer>
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
    static constexpr qint64 kFrameMs = 16;
    QElapsedTimer m_lastPaint;
    QTimer m_frame; // the next frame, when the screen changed sooner than a frame after the last
    // Runs of cells in the widget's font are drawn as glyph runs placed on the cell grid;
    // characters it lacks (drawn with a fallback font) one at a time.
    [[nodiscard]] bool hasGlyph(const QString &text, bool bold) const;
    QRawFont m_regular;
    QRawFont m_bold;
    mutable QHash<quint32, bool> m_glyphs; // character (+ 0x10000 for bold) -> in the font
    // The glyphs of a cell's text the font lacks, shaped once, off the GUI thread (font
    // fallback is slow to find); null until they are known.
    const QList<QGlyphRun> *shaped(const QString &text, bool bold);
    QHash<QString, QList<QGlyphRun>> m_shaped;
    QSet<QString> m_shaping;
};

} // namespace Meshdeck
