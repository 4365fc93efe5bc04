#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace Meshdeck {

// YAML colours for manifests shown read-only: keys, strings, numbers and booleans, comments and
// document separators. The colours follow the palette (light or dark).
class YamlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit YamlHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key, m_string, m_number, m_comment, m_separator, m_keyword;
    QRegularExpression m_keyPattern, m_stringPattern, m_numberPattern, m_keywordPattern;
};

} // namespace Meshdeck
