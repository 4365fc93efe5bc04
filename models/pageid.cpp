#include "pageid.h"

#include <QStringList>

namespace Meshdeck {

QString pageKey(PageId page)
{
    switch (page) {
    case PageId::Clusters:
        return QStringLiteral("clusters");
    case PageId::Topology:
        return QStringLiteral("topology");
    case PageId::Lifecycle:
        return QStringLiteral("lifecycle");
    case PageId::Performance:
        return QStringLiteral("performance");
    case PageId::Results:
        return QStringLiteral("results");
    case PageId::Settings:
        return QStringLiteral("settings");
    case PageId::PageCount:
        break;
    }
    return {};
}

std::optional<PageId> pageFromKey(const QString &key)
{
    const QString k = key.trimmed().toLower();
    for (int i = 0; i < int(PageId::PageCount); ++i) {
        if (pageKey(PageId(i)) == k)
            return PageId(i);
    }
    return std::nullopt;
}

QStringList pageKeys()
{
    QStringList keys;
    for (int i = 0; i < int(PageId::PageCount); ++i)
        keys << pageKey(PageId(i));
    return keys;
}

} // namespace Meshdeck
