#pragma once

#include <QIconEngine>

namespace Meshdeck {

// Renders a monochrome SVG icon (drawn with stroke="currentColor") at any size and device pixel
// ratio, tinted from the application palette at paint time: WindowText for Normal, Highlight for
// Active, HighlightedText for Selected and the disabled text colour for Disabled. Icons thus stay
// crisp on HiDPI screens and follow light/dark palette changes without being recreated.
class SvgIconEngine : public QIconEngine
{
public:
    explicit SvgIconEngine(QString resourcePath);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override;
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override;
    bool isNull() override;

private:
    QByteArray svgFor(QIcon::Mode mode) const;

    QString m_path;
    QByteArray m_svg;
};

// A palette-tinted icon from an SVG resource such as ":/icons/topology.svg".
[[nodiscard]] QIcon themedIcon(const QString &resourcePath);

} // namespace Meshdeck
