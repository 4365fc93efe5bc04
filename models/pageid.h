#pragma once

#include <QString>

#include <optional>

namespace Meshdeck {

// The application's top-level pages, in navigation order.
enum class PageId { Clusters, Topology, Lifecycle, Performance, Results, Settings, PageCount };

// Stable lowercase keys ("clusters", ...) used on the command line and in settings.
[[nodiscard]] QString pageKey(PageId page);
[[nodiscard]] std::optional<PageId> pageFromKey(const QString &key);
[[nodiscard]] QStringList pageKeys();

} // namespace Meshdeck
