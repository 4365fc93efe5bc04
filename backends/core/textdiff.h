#pragma once

#include <QList>
#include <QStringList>

namespace Meshdeck {

// A line diff of two texts (longest common subsequence), for showing what an apply changes.
class TextDiff
{
public:
    enum class Op { Same, Removed, Added };
    struct Line
    {
        Op op = Op::Same;
        QString text;
    };
    [[nodiscard]] static QList<Line> lines(const QStringList &before, const QStringList &after);
    // "  same", "- removed", "+ added", one per line.
    [[nodiscard]] static QString unified(const QStringList &before, const QStringList &after);
};

} // namespace Meshdeck
