#include "terminalscreen.h"

extern "C" {
#include <vterm.h>
}

namespace Meshdeck {

// libvterm's screen callbacks, turned into the screen's state.
struct TerminalCallbacks
{
    static int damage(VTermRect, void *) { return 1; }
    static int moveCursor(VTermPos pos, VTermPos, int visible, void *self)
    {
        auto *s = static_cast<TerminalScreen *>(self);
        s->m_cursorRow = pos.row;
        s->m_cursorColumn = pos.col;
        s->m_cursorVisible = visible;
        return 1;
    }
    static int pushLine(int columns, const VTermScreenCell *cells, void *self)
    {
        auto *s = static_cast<TerminalScreen *>(self);
        int used = columns;
        while (used > 0 && cells[used - 1].chars[0] == 0
               && VTERM_COLOR_IS_DEFAULT_BG(&cells[used - 1].bg) && !cells[used - 1].attrs.reverse)
            --used;
        s->m_scrollback.emplace_back(reinterpret_cast<const char *>(cells),
                                     qsizetype(used) * qsizetype(sizeof(VTermScreenCell)));
        if (s->m_scrollback.size() > TerminalScreen::kScrollback)
            s->m_scrollback.pop_front();
        return 1;
    }
    static int property(VTermProp prop, VTermValue *value, void *self)
    {
        if (prop == VTERM_PROP_CURSORVISIBLE)
            static_cast<TerminalScreen *>(self)->m_cursorVisible = value->boolean;
        return 1;
    }
    static void output(const char *bytes, size_t length, void *self)
    {
        emit static_cast<TerminalScreen *>(self)->input(QByteArray(bytes, qsizetype(length)));
    }
};

TerminalScreen::TerminalScreen(int rows, int columns, QObject *parent)
    : QObject(parent)
    , m_rows(std::max(rows, 2))
    , m_columns(std::max(columns, 2))
{
    m_vterm = vterm_new(m_rows, m_columns);
    vterm_set_utf8(m_vterm, 1);
    vterm_output_set_callback(m_vterm, &TerminalCallbacks::output, this);
    m_screen = vterm_obtain_screen(m_vterm);
    static const VTermScreenCallbacks cbs = [] {
        VTermScreenCallbacks c {};
        c.damage = &TerminalCallbacks::damage;
        c.movecursor = &TerminalCallbacks::moveCursor;
        c.sb_pushline = &TerminalCallbacks::pushLine;
        c.settermprop = &TerminalCallbacks::property;
        return c;
    }();
    vterm_screen_set_callbacks(m_screen, &cbs, this);
    vterm_screen_set_damage_merge(m_screen, VTERM_DAMAGE_SCROLL);
    vterm_screen_enable_altscreen(m_screen, 1);
    vterm_screen_reset(m_screen, 1);
}

TerminalScreen::~TerminalScreen()
{
    vterm_free(m_vterm);
}

void TerminalScreen::feed(const QByteArray &bytes)
{
    vterm_input_write(m_vterm, bytes.constData(), size_t(bytes.size()));
    vterm_screen_flush_damage(m_screen);
    emit changed();
}

void TerminalScreen::resize(int rows, int columns)
{
    rows = std::max(rows, 2);
    columns = std::max(columns, 2);
    if (rows == m_rows && columns == m_columns)
        return;
    m_rows = rows;
    m_columns = columns;
    vterm_set_size(m_vterm, rows, columns);
    vterm_screen_flush_damage(m_screen);
    emit changed();
}

void TerminalScreen::reset()
{
    vterm_screen_reset(m_screen, 1);
    m_scrollback.clear();
    emit changed();
}

TerminalScreen::Cell TerminalScreen::convert(const void *vtermCell) const
{
    const VTermScreenCell &c = *static_cast<const VTermScreenCell *>(vtermCell);
    Cell cell;
    for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && c.chars[i]; ++i)
        cell.text += QString::fromUcs4(reinterpret_cast<const char32_t *>(&c.chars[i]), 1);
    cell.width = c.width;
    cell.bold = c.attrs.bold;
    cell.italic = c.attrs.italic;
    cell.underline = c.attrs.underline != 0;
    cell.reverse = c.attrs.reverse;
    const auto colour = [this](VTermColor col, bool foreground) {
        if (foreground ? VTERM_COLOR_IS_DEFAULT_FG(&col) : VTERM_COLOR_IS_DEFAULT_BG(&col))
            return QColor();
        vterm_screen_convert_color_to_rgb(m_screen, &col);
        return QColor(col.rgb.red, col.rgb.green, col.rgb.blue);
    };
    cell.foreground = colour(c.fg, true);
    cell.background = colour(c.bg, false);
    return cell;
}

QVector<TerminalScreen::Cell> TerminalScreen::scrollbackLine(int index) const
{
    const QByteArray &raw = m_scrollback.at(size_t(index));
    const auto *cells = reinterpret_cast<const VTermScreenCell *>(raw.constData());
    QVector<Cell> line;
    line.reserve(raw.size() / qsizetype(sizeof(VTermScreenCell)));
    for (qsizetype i = 0; i < raw.size() / qsizetype(sizeof(VTermScreenCell)); ++i)
        line << convert(&cells[i]);
    return line;
}

TerminalScreen::Cell TerminalScreen::cell(int row, int column) const
{
    VTermScreenCell c {};
    if (!vterm_screen_get_cell(m_screen, VTermPos {row, column}, &c))
        return {};
    return convert(&c);
}

QString TerminalScreen::text() const
{
    QStringList lines;
    for (int r = 0; r < m_rows; ++r) {
        QString line;
        for (int c = 0; c < m_columns; ++c) {
            const Cell cell = this->cell(r, c);
            line += cell.text.isEmpty() ? QStringLiteral(" ") : cell.text;
            if (cell.width > 1)
                ++c;
        }
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        lines << line;
    }
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines.join(QLatin1Char('\n'));
}

void TerminalScreen::key(int qtKey, const QString &text, int modifiers)
{
    int mod = VTERM_MOD_NONE;
    if (modifiers & Qt::ShiftModifier)
        mod |= VTERM_MOD_SHIFT;
    if (modifiers & Qt::AltModifier)
        mod |= VTERM_MOD_ALT;
    if (modifiers & Qt::ControlModifier)
        mod |= VTERM_MOD_CTRL;
    const auto m = VTermModifier(mod);
    VTermKey special = VTERM_KEY_NONE;
    switch (qtKey) {
    case Qt::Key_Return:
        special = VTERM_KEY_ENTER;
        break;
    case Qt::Key_Enter:
        special = VTERM_KEY_KP_ENTER;
        break;
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        special = VTERM_KEY_TAB;
        break;
    case Qt::Key_Backspace:
        special = VTERM_KEY_BACKSPACE;
        break;
    case Qt::Key_Escape:
        special = VTERM_KEY_ESCAPE;
        break;
    case Qt::Key_Up:
        special = VTERM_KEY_UP;
        break;
    case Qt::Key_Down:
        special = VTERM_KEY_DOWN;
        break;
    case Qt::Key_Left:
        special = VTERM_KEY_LEFT;
        break;
    case Qt::Key_Right:
        special = VTERM_KEY_RIGHT;
        break;
    case Qt::Key_Insert:
        special = VTERM_KEY_INS;
        break;
    case Qt::Key_Delete:
        special = VTERM_KEY_DEL;
        break;
    case Qt::Key_Home:
        special = VTERM_KEY_HOME;
        break;
    case Qt::Key_End:
        special = VTERM_KEY_END;
        break;
    case Qt::Key_PageUp:
        special = VTERM_KEY_PAGEUP;
        break;
    case Qt::Key_PageDown:
        special = VTERM_KEY_PAGEDOWN;
        break;
    default:
        if (qtKey >= Qt::Key_F1 && qtKey <= Qt::Key_F35)
            special = VTermKey(VTERM_KEY_FUNCTION(qtKey - Qt::Key_F1 + 1));
    }
    if (special != VTERM_KEY_NONE) {
        vterm_keyboard_key(m_vterm, special, m);
        return;
    }
    if ((mod & VTERM_MOD_CTRL) && qtKey >= Qt::Key_A && qtKey <= Qt::Key_Z) {
        vterm_keyboard_unichar(m_vterm, uint32_t('a' + (qtKey - Qt::Key_A)), m);
        return;
    }
    const QList<uint> codes = text.toUcs4();
    for (uint c : codes)
        if (c >= 0x20 || c == 0x1b || c == '\t')
            vterm_keyboard_unichar(m_vterm, c, VTermModifier(mod & ~VTERM_MOD_SHIFT));
        else
            emit input(QByteArray(1, char(c))); // control characters as typed
}

void TerminalScreen::paste(const QString &text)
{
    vterm_keyboard_start_paste(m_vterm);
    QByteArray bytes = text.toUtf8();
    bytes.replace("\r\n", "\r");
    bytes.replace('\n', '\r');
    emit input(bytes);
    vterm_keyboard_end_paste(m_vterm);
}

} // namespace Meshdeck
