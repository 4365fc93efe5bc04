#include "navigationdelegate.h"

#include "svgiconengine.h"

#include <models/navigationmodel.h>

#include <QPainter>
#include <QPainterPath>

namespace Meshdeck {

namespace {
constexpr int kIconSize = 24;
constexpr int kPadding = 6;
} // namespace

void NavigationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    const QRectF cell = QRectF(option.rect).adjusted(kPadding, 3, -kPadding, -3);

    if (selected || hovered) {
        QColor fill = pal.color(QPalette::Highlight);
        fill.setAlphaF(selected ? 0.18f : 0.08f);
        QPainterPath path;
        path.addRoundedRect(cell, 10, 10);
        painter->fillPath(path, fill);
    }
    if (option.state & QStyle::State_HasFocus && option.state & QStyle::State_KeyboardFocusChange) {
        QPen pen(pal.color(QPalette::Highlight), 1.5);
        painter->setPen(pen);
        painter->drawRoundedRect(cell.adjusted(1, 1, -1, -1), 10, 10);
    }

    const QString iconPath = index.data(NavigationModel::IconPathRole).toString();
    const QIcon icon = themedIcon(iconPath);
    const QRect iconRect(int(cell.center().x()) - kIconSize / 2, int(cell.top()) + 9, kIconSize,
                         kIconSize);
    icon.paint(painter, iconRect, Qt::AlignCenter, selected ? QIcon::Active : QIcon::Normal);

    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() * 0.9);
    font.setBold(selected);
    painter->setFont(font);
    painter->setPen(pal.color(selected ? QPalette::Highlight : QPalette::WindowText));
    const QRectF textRect(cell.left(), iconRect.bottom() + 4, cell.width(),
                          cell.bottom() - iconRect.bottom() - 4);
    const QString text = QFontMetrics(font).elidedText(index.data(Qt::DisplayRole).toString(),
                                                       Qt::ElideRight, int(cell.width()) - 4);
    painter->drawText(textRect, Qt::AlignHCenter | Qt::AlignTop, text);
    painter->restore();
}

QSize NavigationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return {option.rect.width() > 0 ? option.rect.width() : 88,
            9 + kIconSize + 4 + fm.height() + 12};
}

} // namespace Meshdeck
