#include "indicatorstyle.h"

#include <QPainter>
#include <QStyleOption>

namespace Meshdeck {

IndicatorStyle::IndicatorStyle(QStyle *base)
    : QProxyStyle(base)
{
}

void IndicatorStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option,
                                   QPainter *painter, const QWidget *widget) const
{
    QProxyStyle::drawPrimitive(element, option, painter, widget);
    const bool box = element == PE_IndicatorCheckBox || element == PE_IndicatorItemViewItemCheck;
    if ((!box && element != PE_IndicatorRadioButton)
        || option->palette.color(QPalette::Base).lightness() >= 128)
        return;
    QColor edge = option->palette.color(QPalette::Text);
    edge.setAlphaF(option->state & State_Enabled ? 0.55 : 0.3);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(edge, 1.0));
    painter->setBrush(Qt::NoBrush);
    const QRectF r = QRectF(option->rect).adjusted(0.5, 0.5, -1.5, -1.5);
    if (box)
        painter->drawRoundedRect(r, 2, 2);
    else
        painter->drawEllipse(r.adjusted(0.5, 0.5, -0.5, -0.5));
    painter->restore();
}

} // namespace Meshdeck
