#pragma once

#include <QProxyStyle>

namespace Meshdeck {

// The application's style: the chosen base style (Fusion for the light and dark themes), with
// check boxes and radio buttons outlined where the base is dark. Fusion draws their frames a
// shade darker than the window, which on a dark base leaves an unticked box all but invisible.
class IndicatorStyle : public QProxyStyle
{
    Q_OBJECT

public:
    explicit IndicatorStyle(QStyle *base);

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
};

} // namespace Meshdeck
