#include "textdiff.h"

#include <vector>

namespace Meshdeck {

QList<TextDiff::Line> TextDiff::lines(const QStringList &before, const QStringList &after)
{
    const qsizetype n = before.size();
    const qsizetype m = after.size();
    // lcs[i][j]: the longest common subsequence of before[i..] and after[j..].
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[i][j] = before.at(i) == after.at(j) ? lcs[i + 1][j + 1] + 1
                                                    : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    QList<Line> out;
    qsizetype i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && before.at(i) == after.at(j)) {
            out.append({Op::Same, before.at(i)});
            ++i;
            ++j;
        } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
            out.append({Op::Added, after.at(j++)});
        } else {
            out.append({Op::Removed, before.at(i++)});
        }
    }
    return out;
}

QString TextDiff::unified(const QStringList &before, const QStringList &after)
{
    QStringList text;
    for (const Line &l : lines(before, after))
        text << (l.op == Op::Same        ? QStringLiteral("  ")
                     : l.op == Op::Added ? QStringLiteral("+ ")
                                         : QStringLiteral("- "))
                + l.text;
    return text.join(QLatin1Char('\n'));
}

} // namespace Meshdeck
