#include "terminalwidget.h"

#include <models/terminalscreen.h>

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QGlyphRun>
#include <QKeyEvent>
#include <QPainter>
#include <QScopeGuard>
#include <QtConcurrent>
#include <QTextLayout>
#include <QTimer>

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
    // At most one frame every 16 ms: a flood of output changes the screen hundreds of times a
    // second, and painting each would take the time its parsing needs.
    m_frame.setSingleShot(true);
    connect(&m_frame, &QTimer::timeout, this, qOverload<>(&QWidget::update));
    connect(m_screen, &TerminalScreen::changed, this, [this] {
        m_scroll = 0;
        if (m_frame.isActive())
            return;
        const qint64 since = m_lastPaint.isValid() ? m_lastPaint.elapsed() : kFrameMs;
        if (since >= kFrameMs)
            update();
        else
            m_frame.start(int(kFrameMs - since));
    });
}

void TerminalWidget::updateMetrics()
{
    const QFontMetrics fm(font());
    m_cellWidth = std::max(1, fm.horizontalAdvance(QLatin1Char('M')));
    QFont bold = font();
    bold.setBold(true);
    m_regular = QRawFont::fromFont(font());
    m_bold = QRawFont::fromFont(bold);
    m_glyphs.clear();
    m_shaped.clear();
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

bool TerminalWidget::hasGlyph(const QString &text, bool bold) const
{
    if (text.size() > 1)
        return false;
    const char16_t c = text.isEmpty() ? u' ' : text.at(0).unicode();
    const quint32 key = quint32(c) | (bold ? 0x10000u : 0u);
    const auto found = m_glyphs.constFind(key);
    if (found != m_glyphs.constEnd())
        return *found;
    const QRawFont &font = bold ? m_bold : m_regular;
    const bool has = font.isValid() && !QChar::isSurrogate(c) && font.supportsCharacter(QChar(c));
    m_glyphs.insert(key, has);
    return has;
}

const QList<QGlyphRun> *TerminalWidget::shaped(const QString &text, bool bold)
{
    const QString key = text + (bold ? u'b' : u'r');
    const auto found = m_shaped.constFind(key);
    if (found != m_shaped.constEnd())
        return &*found;
    // Shaping looks for a fallback font, which can take a frame or more the first time a script
    // shows up (a flood of binary output brings many): done on a worker thread, the cell drawn
    // once its glyphs are known.
    if (m_shaping.contains(key))
        return nullptr;
    m_shaping.insert(key);
    QFont f = font();
    f.setBold(bold);
    auto *watcher = new QFutureWatcher<QList<QGlyphRun>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, key] {
        if (m_shaped.size() > 4096)
            m_shaped.clear();
        m_shaped.insert(key, watcher->result());
        m_shaping.remove(key);
        watcher->deleteLater();
        update();
    });
    watcher->setFuture(QtConcurrent::run([text, f] {
        QTextLayout layout(text, f);
        layout.beginLayout();
        layout.createLine();
        layout.endLayout();
        return layout.glyphRuns();
    }));
    return nullptr;
}

void TerminalWidget::paintEvent(QPaintEvent *)
{
    m_lastPaint.start();
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
    QVector<TerminalScreen::Cell> line;
    QString run;
    QVector<QPointF> positions;
    for (int y = 0; y < rows; ++y) {
        // Rows scrolled back show the scrollback's last lines above the screen's first ones.
        const bool old = y < fromScrollback;
        const int screenRow = y - m_scroll;
        if (old) {
            line = m_screen->scrollbackLine(m_screen->scrollbackLines() - m_scroll + y);
        } else {
            line.resize(columns);
            for (int x = 0; x < columns; ++x)
                line[x] = m_screen->cell(screenRow, x);
        }
        const int top = 4 + y * m_cellHeight;
        const bool cursorRow = !old && m_scroll == 0 && m_screen->cursorVisible()
            && screenRow == m_screen->cursorRow();
        // Cells with the same colours and style are drawn as one run of text: a glyph at a time
        // costs a flood of output its frame rate.
        for (int x = 0; x < std::min<int>(columns, int(line.size()));) {
            const TerminalScreen::Cell &cell = line.at(x);
            QColor fg = cell.foreground.isValid() ? cell.foreground : foreground;
            QColor bg = cell.background.isValid() ? cell.background : background;
            if (cell.reverse)
                std::swap(fg, bg);
            const bool cursor = cursorRow && x == m_screen->cursorColumn();
            if (cursor && hasFocus())
                std::swap(fg, bg);
            const int width = std::max(1, cell.width);
            int end = x + width;
            run = cell.text.isEmpty() ? QStringLiteral(" ") : cell.text;
            const bool glyphs = cell.width == 1 && hasGlyph(cell.text, cell.bold);
            const auto joins = [&](const TerminalScreen::Cell &next) {
                return !cursor && next.width == 1 && next.foreground == cell.foreground
                    && next.background == cell.background && next.bold == cell.bold
                    && next.underline == cell.underline && next.reverse == cell.reverse
                    && hasGlyph(next.text, next.bold);
            };
            if (glyphs)
                while (end < std::min<int>(columns, int(line.size()))
                       && !(cursorRow && end == m_screen->cursorColumn()) && joins(line.at(end))) {
                    run += line.at(end).text.isEmpty() ? QStringLiteral(" ") : line.at(end).text;
                    ++end;
                }
            const QRect box(4 + x * m_cellWidth, top, m_cellWidth * (end - x), m_cellHeight);
            if (bg != background)
                p.fillRect(box, bg);
            if (cursor && !hasFocus()) {
                p.setPen(foreground);
                p.drawRect(box.adjusted(0, 0, -1, -1));
            }
            if (!run.trimmed().isEmpty()) {
                p.setPen(fg);
                if (glyphs) {
                    // The run's glyphs placed on the cell grid, in one call.
                    QGlyphRun glyphRun;
                    glyphRun.setRawFont(cell.bold ? m_bold : m_regular);
                    glyphRun.setGlyphIndexes(glyphRun.rawFont().glyphIndexesForString(run));
                    positions.resize(run.size());
                    for (qsizetype i = 0; i < run.size(); ++i)
                        positions[i] = QPointF(qreal(i * m_cellWidth), 0);
                    glyphRun.setPositions(positions);
                    p.drawGlyphRun(QPointF(box.left(), top + m_ascent), glyphRun);
                } else { // a character from another font (fallback), wide, or combined
                    if (const QList<QGlyphRun> *runs = shaped(run, cell.bold))
                        for (const QGlyphRun &shapedRun : *runs)
                            p.drawGlyphRun(QPointF(box.left(), top), shapedRun);
                }
                if (cell.underline)
                    p.drawLine(box.left(), top + m_ascent + 1, box.right(), top + m_ascent + 1);
            }
            x = end;
        }
    }
}

} // namespace Meshdeck
