#pragma once

#include "overheadreport.h"

#include <core/result.h>

namespace Meshdeck::Overhead {

// The overhead report as one self-contained HTML file: the table in the form Istio publishes
// and SVG charts (latency added against rate with its spread, proxy vCPU per 1,000 requests/s,
// memory), no script, no external resource; readable in light and dark browsers.
class OverheadHtml
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::Overhead::OverheadHtml)

public:
    [[nodiscard]] static QString render(const OverheadReport &report);
    [[nodiscard]] static VoidResult write(const OverheadReport &report, const QString &path);
    // The report's charts as SVG elements: added latency, proxy CPU per 1,000 requests/s,
    // memory. Styled by attributes (a page's CSS may override them, as the HTML's dark mode does).
    [[nodiscard]] static QStringList charts(const OverheadReport &report);

    // One chart as an SVG element (also what the Results view's PNG export draws).
    struct Series
    {
        QString name;
        QString color;
        QList<double> values; // one per category; NaN: none
        QList<double> low; // optional spread, same length
        QList<double> high;
    };
    [[nodiscard]] static QString chart(const QString &title, const QString &unit,
                                       const QStringList &categories, const QList<Series> &series,
                                       bool bars);
};

} // namespace Meshdeck::Overhead
