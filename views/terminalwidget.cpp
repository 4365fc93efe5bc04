#include "terminalwidget.h"

#include <models/terminalscreen.h>

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>

namespace Meshdeck {

TerminalWidget::TerminalWidget(TerminalScreen *screen, QWidget *parent)
    : QWidget(parent)
    , m_screen(screen)
{
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAttribute(Qt::WA_InputMethodEnabled, false);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setCursor(Qt::IBeamCursor);
    updateMetrics();
    connect(m_screen, &TerminalScreen::changed, this, [this] {
        m_scroll = 0;
        update();
    });
}

void TerminalWidget::updateMetrics()
{
    const QFontMetrics fm(font());
    m_cellWidth = std::max(1, fm.horizontalAdvance(QLatin1Char('M')));
    m_cellHeight = std::max(1, fm.height());
    m_ascent = fm.ascent();
}

QSize TerminalWidget::sizeHint() const
{
    return {80 * m_cellWidth + 8, 24 * m_cellHeight + 8};
}

bool TerminalWidget::event(QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab) {
            keyPressEvent(key);
            return true;
        }
    }
    return QWidget::event(event);
}

void TerminalWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange) {
        updateMetrics();
        resizeEvent(nullptr);
    }
    QWidget::changeEvent(event);
}

void TerminalWidget::resizeEvent(QResizeEvent *)
{
    const int columns = std::max(2, (width() - 8) / m_cellWidth);
    const int rows = std::max(2, (height() - 8) / m_cellHeight);
    if (columns != m_screen->columns() || rows != m_screen->rows()) {
        m_screen->resize(rows, columns);
        emit sizeChanged(columns, rows);
    }
}

void TerminalWidget::keyPressEvent(QKeyEvent *event)
{
    const auto mods = event->modifiers();
    if ((mods & Qt::ControlModifier) && (mods & Qt::ShiftModifier)) {
        if (event->key() == Qt::Key_C) {
            QApplication::clipboard()->setText(m_screen->text());
            return;
        }
        if (event->key() == Qt::Key_V) {
            m_screen->paste(QApplication::clipboard()->text());
            return;
        }
    }
    if (event->key() == Qt::Key_Shift || event->key() == Qt::Key_Control
        || event->key() == Qt::Key_Alt || event->key() == Qt::Key_Meta)
        return;
    m_screen->key(event->key(), event->text(), int(mods));
}

void TerminalWidget::wheelEvent(QWheelEvent *event)
{
    const int lines = event->angleDelta().y() / 40;
    m_scroll = std::clamp(m_scroll + lines, 0, m_screen->scrollbackLines());
    update();
}

void TerminalWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QColor background = palette().color(QPalette::Base);
    const QColor foreground = palette().color(QPalette::Text);
    p.fillRect(rect(), background);
    QFont regular = font();
    QFont bold = font();
    bold.setBold(true);
    const int rows = m_screen->rows();
    const int columns = m_screen->columns();
    const int fromScrollback = std::min(m_scroll, rows);
    for (int y = 0; y < rows; ++y) {
        // Rows scrolled back show the scrollback's last lines above the screen's first ones.
        const bool old = y < fromScrollback;
        const int screenRow = y - m_scroll;
        const QVector<TerminalScreen::Cell> *line
            = old ? &m_screen->scrollbackLine(m_screen->scrollbackLines() - m_scroll + y) : nullptr;
        for (int x = 0; x < columns; ++x) {
            const TerminalScreen::Cell cell = old
                ? (x < line->size() ? line->at(x) : TerminalScreen::Cell {})
                : m_screen->cell(screenRow, x);
            QColor fg = cell.foreground.isValid() ? cell.foreground : foreground;
            QColor bg = cell.background.isValid() ? cell.background : background;
            if (cell.reverse)
                std::swap(fg, bg);
            const bool cursor = !old && m_scroll == 0 && m_screen->cursorVisible()
                && screenRow == m_screen->cursorRow() && x == m_screen->cursorColumn();
            if (cursor && hasFocus())
                std::swap(fg, bg);
            const QRect box(4 + x * m_cellWidth, 4 + y * m_cellHeight,
                            m_cellWidth * std::max(1, cell.width), m_cellHeight);
            if (bg != background)
                p.fillRect(box, bg);
            if (cursor && !hasFocus()) {
                p.setPen(foreground);
                p.drawRect(box.adjusted(0, 0, -1, -1));
            }
            if (!cell.text.isEmpty() && cell.text != QLatin1String(" ")) {
                p.setFont(cell.bold ? bold : regular);
                p.setPen(fg);
                p.drawText(box.left(), box.top() + m_ascent, cell.text);
                if (cell.underline)
                    p.drawLine(box.left(), box.top() + m_ascent + 1, box.right(),
                               box.top() + m_ascent + 1);
            }
            if (cell.width > 1)
                ++x;
        }
    }
}

} // namespace Meshdeck
