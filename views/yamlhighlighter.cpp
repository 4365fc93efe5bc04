#include "yamlhighlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace Meshdeck {

YamlHighlighter::YamlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
    , m_keyPattern(QStringLiteral("^(\\s*(?:-\\s+)?)([^\\s#:'\"][^:#]*?)(:)(?=\\s|$)"))
    , m_stringPattern(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'"))
    , m_numberPattern(QStringLiteral("(?<=[:\\-\\[,]\\s)-?\\d+(?:\\.\\d+)?(?=\\s*(?:$|,|\\]|#))"))
    , m_keywordPattern(
          QStringLiteral("(?<=[:\\-\\[,]\\s)(?:true|false|null|yes|no|~)(?=\\s*(?:$|,|\\]|#))"))
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    m_key.setForeground(dark ? QColor(0x7c, 0xb7, 0xff) : QColor(0x1a, 0x5f, 0xb4));
    m_string.setForeground(dark ? QColor(0xa5, 0xd6, 0x8a) : QColor(0x2e, 0x7d, 0x32));
    m_number.setForeground(dark ? QColor(0xf0, 0xb2, 0x6b) : QColor(0xb2, 0x5b, 0x00));
    m_keyword.setForeground(m_number.foreground());
    m_keyword.setFontWeight(QFont::DemiBold);
    m_comment.setForeground(dark ? QColor(0x8a, 0x8f, 0x98) : QColor(0x6b, 0x72, 0x80));
    m_comment.setFontItalic(true);
    m_separator.setForeground(m_comment.foreground());
    m_separator.setFontWeight(QFont::Bold);
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    if (text.startsWith(QLatin1String("---")) || text.startsWith(QLatin1String("..."))) {
        setFormat(0, static_cast<int>(text.size()), m_separator);
        return;
    }
    // A comment starts at a # that is not inside quotes.
    qsizetype comment = -1;
    QChar quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
        } else if (c == QLatin1Char('#') && (i == 0 || text.at(i - 1).isSpace())) {
            comment = i;
            break;
        }
    }
    const QString code = comment >= 0 ? text.left(comment) : text;
    if (const auto m = m_keyPattern.match(code); m.hasMatch())
        setFormat(static_cast<int>(m.capturedStart(2)), static_cast<int>(m.capturedLength(2)),
                  m_key);
    for (auto it = m_stringPattern.globalMatch(code); it.hasNext();) {
        const auto m = it.next();
        setFormat(static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedLength()),
                  m_string);
    }
    for (auto it = m_numberPattern.globalMatch(code); it.hasNext();) {
        const auto m = it.next();
        setFormat(static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedLength()),
                  m_number);
    }
    for (auto it = m_keywordPattern.globalMatch(code); it.hasNext();) {
        const auto m = it.next();
        setFormat(static_cast<int>(m.capturedStart()), static_cast<int>(m.capturedLength()),
                  m_keyword);
    }
    if (comment >= 0)
        setFormat(static_cast<int>(comment), static_cast<int>(text.size() - comment), m_comment);
}

} // namespace Meshdeck
