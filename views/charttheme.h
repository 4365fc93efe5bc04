#pragma once

class QChart;
class QPalette;

namespace Meshdeck {

// The look every chart of the app shares: the palette's base and text colours (light and dark
// alike), mid-tone grid lines, no animation, the legend below.
namespace ChartTheme {

[[nodiscard]] QChart *newChart();
void apply(QChart *chart, const QPalette &palette);

} // namespace ChartTheme

} // namespace Meshdeck
