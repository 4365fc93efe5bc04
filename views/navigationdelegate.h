#pragma once

#include <QStyledItemDelegate>

namespace Meshdeck {

// Draws a navigation rail entry: an icon above a short label, with a rounded highlight for the
// current page and a softer one under the mouse.
class NavigationDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Meshdeck
