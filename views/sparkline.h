#pragma once

#include <QList>
#include <QPair>
#include <QPointF>
#include <QWidget>

namespace Meshdeck {

// A small line chart of one series over the topology's time window, with its title and
// latest value; drawn directly (a few dozen points), no chart framework needed.
class Sparkline : public QWidget
{
    Q_OBJECT

public:
    explicit Sparkline(QWidget *parent = nullptr);

    void setTitle(const QString &title)
    {
        m_title = title;
        update();
    }
    void setColor(const QColor &color)
    {
        m_color = color;
        update();
    }
    void setUnit(const QString &unit)
    {
        m_unit = unit;
        update();
    }
    void setPoints(const QList<QPointF> &points);
    [[nodiscard]] const QList<QPointF> &points() const { return m_points; }
    // The scale shown under the line: "min … · max …" of the series ("" without points).
    [[nodiscard]] QString scaleText() const;
    QSize sizeHint() const override { return {220, 68}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    [[nodiscard]] QString valueText(double v) const;
    [[nodiscard]] QPair<double, double> range() const;

    QString m_title;
    QString m_unit;
    QColor m_color = QColor(0x1f, 0x77, 0xb4);
    QList<QPointF> m_points;
};

} // namespace Meshdeck
