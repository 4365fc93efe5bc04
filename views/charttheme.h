#pragma once

class QChart;
class QChartView;
class QColor;
class QLineSeries;
class QPalette;
class QValueAxis;
class QWidget;

namespace Meshdeck {

// The look every chart of the app shares: the palette's base and text colours (light and dark
// alike), mid-tone grid lines, no animation, the legend below.
namespace ChartTheme {

[[nodiscard]] QChart *newChart();
void apply(QChart *chart, const QPalette &palette);
// A chart that grows as a run goes: x in seconds (0 to 30 at first), y from 0, antialiased.
[[nodiscard]] QChartView *liveChart(QWidget *parent, QValueAxis **x, QValueAxis **y);
// A 2 px line in `color` on the chart's axes.
QLineSeries *addSeries(QChartView *view, QValueAxis *x, QValueAxis *y, const QColor &color);

} // namespace ChartTheme

} // namespace Meshdeck
