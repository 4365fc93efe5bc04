#include "charttheme.h"

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLineSeries>
#include <QPalette>
#include <QValueAxis>

namespace Meshdeck::ChartTheme {

QChart *newChart()
{
    auto *chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

void apply(QChart *chart, const QPalette &palette)
{
    chart->setBackgroundBrush(palette.base());
    chart->setTitleBrush(palette.text());
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(palette.color(QPalette::Text));
        axis->setTitleBrush(palette.text());
        axis->setGridLineColor(palette.color(QPalette::Mid));
        axis->setLinePenColor(palette.color(QPalette::Mid));
    }
}

QChartView *liveChart(QWidget *parent, QValueAxis **x, QValueAxis **y)
{
    auto *chart = newChart();
    chart->setMargins(QMargins(2, 2, 2, 2));
    *x = new QValueAxis;
    *y = new QValueAxis;
    (*x)->setLabelFormat(QStringLiteral("%d"));
    (*x)->setRange(0, 30);
    (*y)->setRange(0, 1);
    (*x)->applyNiceNumbers();
    chart->addAxis(*x, Qt::AlignBottom);
    chart->addAxis(*y, Qt::AlignLeft);
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(170);
    return view;
}

QLineSeries *addSeries(QChartView *view, QValueAxis *x, QValueAxis *y, const QColor &color)
{
    auto *s = new QLineSeries;
    QPen pen(color);
    pen.setWidthF(2);
    s->setPen(pen);
    view->chart()->addSeries(s);
    s->attachAxis(x);
    s->attachAxis(y);
    return s;
}

} // namespace Meshdeck::ChartTheme
