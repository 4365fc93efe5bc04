#include "sparkline.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace Meshdeck {

Sparkline::Sparkline(QWidget *parent)
    : QWidget(parent)
{
    setMinimumHeight(62);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void Sparkline::setPoints(const QList<QPointF> &points)
{
    m_points = points;
    update();
}

QString Sparkline::valueText(double v) const
{
    return QLocale().toString(v, 'f', v < 10 ? 2 : 0) + m_unit;
}

QPair<double, double> Sparkline::range() const
{
    double lo = 0, hi = 0;
    for (int i = 0; i < m_points.size(); ++i) {
        lo = i ? std::min(lo, m_points[i].y()) : m_points[i].y();
        hi = i ? std::max(hi, m_points[i].y()) : m_points[i].y();
    }
    return {lo, hi};
}

QString Sparkline::scaleText() const
{
    if (m_points.isEmpty())
        return {};
    const auto [lo, hi] = range();
    return tr("min %1 · max %2").arg(valueText(lo), valueText(hi));
}

void Sparkline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm(font());
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    const QFontMetrics sfm(small);
    // Title and latest value on top, the plot, and its scale (min and max) underneath.
    const QRect r = rect().adjusted(1, fm.height() + 2, -1, -sfm.height() - 3);
    p.setPen(palette().color(QPalette::PlaceholderText));
    const QString last = m_points.isEmpty() ? QStringLiteral("–") : valueText(m_points.last().y());
    p.drawText(QRect(0, 0, width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter, m_title);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRect(0, 0, width(), fm.height()), Qt::AlignRight | Qt::AlignVCenter, last);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.drawLine(r.bottomLeft(), r.bottomRight());
    if (m_points.size() < 2)
        return;
    const double minX = m_points.first().x(), maxX = m_points.last().x();
    const auto [lowest, highest] = range();
    const double maxY = highest > 0 ? highest : 1;
    // The plot's top is the series' maximum: a dotted line there, the figures underneath.
    QPen dotted(palette().color(QPalette::Mid), 1, Qt::DotLine);
    p.setPen(dotted);
    p.drawLine(QPointF(r.left(), r.bottom() - (r.height() - 2)),
               QPointF(r.right(), r.bottom() - (r.height() - 2)));
    p.setFont(small);
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(QRect(0, r.bottom() + 2, width(), sfm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               scaleText());
    const qint64 span = qRound64(maxX - minX);
    p.drawText(QRect(0, r.bottom() + 2, width(), sfm.height()), Qt::AlignRight | Qt::AlignVCenter,
               span >= 120 ? tr("last %n min", nullptr, int(span / 60))
                           : tr("last %n s", nullptr, int(span)));
    p.setFont(font());
    Q_UNUSED(lowest)
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
