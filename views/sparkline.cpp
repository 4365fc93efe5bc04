#include "sparkline.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace Meshdeck {

Sparkline::Sparkline(QWidget *parent)
    : QWidget(parent)
{
    setMinimumHeight(48);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void Sparkline::setPoints(const QList<QPointF> &points)
{
    m_points = points;
    update();
}

void Sparkline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm(font());
    const QRect r = rect().adjusted(1, fm.height() + 2, -1, -2);
    p.setPen(palette().color(QPalette::PlaceholderText));
    const QString last = m_points.isEmpty()
        ? QStringLiteral("–")
        : QLocale().toString(m_points.last().y(), 'f', m_points.last().y() < 10 ? 2 : 0) + m_unit;
    p.drawText(QRect(0, 0, width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter, m_title);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRect(0, 0, width(), fm.height()), Qt::AlignRight | Qt::AlignVCenter, last);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.drawLine(r.bottomLeft(), r.bottomRight());
    if (m_points.size() < 2)
        return;
    double minX = m_points.first().x(), maxX = m_points.last().x(), maxY = 0;
    for (const QPointF &q : m_points)
        maxY = std::max(maxY, q.y());
    if (maxY <= 0)
        maxY = 1;
    QPainterPath path;
    for (int i = 0; i < m_points.size(); ++i) {
        const QPointF &q = m_points[i];
        const QPointF at(r.left() + (q.x() - minX) / std::max(1e-9, maxX - minX) * r.width(),
                         r.bottom() - q.y() / maxY * (r.height() - 2));
        i ? path.lineTo(at) : path.moveTo(at);
    }
    p.setPen(QPen(m_color, 1.6));
    p.drawPath(path);
}

} // namespace Meshdeck
