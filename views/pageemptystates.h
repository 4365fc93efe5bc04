#pragma once

#include "emptystatepage.h"

#include <models/pageid.h>

#include <QCoreApplication>

namespace Meshdeck {

// The translated empty-state texts of each page that has no data yet.
class PageEmptyStates
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::PageEmptyStates)

public:
    [[nodiscard]] static EmptyStateContent forPage(PageId page);
};

} // namespace Meshdeck
