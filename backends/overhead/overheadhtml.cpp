#include "overheadhtml.h"

#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace Meshdeck::Overhead {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString num(double v, int decimals = 2)
{
    return QString::number(v, 'f', decimals);
}

// A "nice" axis maximum: 1, 2 or 5 times a power of ten at or above v.
double niceCeiling(double v)
{
    if (v <= 0)
        return 1;
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (const double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * p >= v)
            return m * p;
    }
    return 10 * p;
}

} // namespace

QString OverheadHtml::chart(const QString &title, const QString &unit,
                            const QStringList &categories, const QList<Series> &series, bool bars)
{
    const int w = 560, h = 300, left = 64, right = 16, top = 50, bottom = 56;
    const int plotW = w - left - right, plotH = h - top - bottom;
    double lo = 0, hi = 0;
    for (const Series &s : series) {
        for (qsizetype i = 0; i < s.values.size(); ++i) {
            const double v = s.values.at(i);
            if (std::isnan(v))
                continue;
            hi = std::max({hi, v, s.high.value(i, v)});
            lo = std::min({lo, v, s.low.value(i, v)});
        }
    }
    const double top_ = niceCeiling(hi);
    const double bottom_ = lo < 0 ? -niceCeiling(-lo) : 0;
    const auto y = [&](double v) {
        return top + plotH - (v - bottom_) / (top_ - bottom_) * plotH;
    };
    const qsizetype n = std::max<qsizetype>(1, categories.size());
    const double slot = static_cast<double>(plotW) / static_cast<double>(n);
    const auto x = [&](qsizetype i) {
        return left + slot * (static_cast<double>(i) + 0.5);
    };

    QString svg = QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %1 %2\" "
                                 "width=\"%1\" height=\"%2\" role=\"img\" aria-label=\"%3\">")
                      .arg(w)
                      .arg(h)
                      .arg(esc(title));
    svg += QStringLiteral("<text x=\"%1\" y=\"20\" class=\"title\" font-size=\"14\" "
                          "font-weight=\"600\" fill=\"#1d1d1f\">%2</text>")
               .arg(left)
               .arg(esc(title));
    // Grid and axis labels.
    for (int i = 0; i <= 4; ++i) {
        const double v = bottom_ + (top_ - bottom_) * i / 4;
        svg += QStringLiteral("<line x1=\"%1\" x2=\"%2\" y1=\"%3\" y2=\"%3\" class=\"grid\" "
                              "stroke=\"#e3e3e3\"/>")
                   .arg(left)
                   .arg(w - right)
                   .arg(y(v));
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" class=\"axis\" font-size=\"11\" "
                              "fill=\"#555\" text-anchor=\"end\">%3</text>")
                   .arg(left - 6)
                   .arg(y(v) + 4)
                   .arg(QString::number(v, 'g', 3));
    }
    svg += QStringLiteral("<text x=\"14\" y=\"%1\" class=\"axis\" font-size=\"11\" fill=\"#555\" "
                          "transform=\"rotate(-90 14 %1)\" "
                          "text-anchor=\"middle\">%2</text>")
               .arg(top + plotH / 2)
               .arg(esc(unit));
    for (qsizetype i = 0; i < categories.size(); ++i)
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" class=\"axis\" font-size=\"11\" "
                              "fill=\"#555\" text-anchor=\"middle\">%3</text>")
                   .arg(x(i))
                   .arg(top + plotH + 18)
                   .arg(esc(categories.at(i)));
    svg += QStringLiteral("<text x=\"%1\" y=\"%2\" class=\"axis\" font-size=\"11\" fill=\"#555\" "
                          "text-anchor=\"middle\">%3</text>")
               .arg(left + plotW / 2)
               .arg(h - 8)
               .arg(esc(tr("requests per second")));
    const qsizetype k = std::max<qsizetype>(1, series.size());
    for (qsizetype si = 0; si < series.size(); ++si) {
        const Series &s = series.at(si);
        QStringList points;
        for (qsizetype i = 0; i < s.values.size() && i < categories.size(); ++i) {
            const double v = s.values.at(i);
            if (std::isnan(v))
                continue;
            if (bars) {
                const double bw = slot * 0.7 / static_cast<double>(k);
                const double bx = x(i) - slot * 0.35 + bw * static_cast<double>(si);
                svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" "
                                      "fill=\"%5\"><title>%6: %7 %8</title></rect>")
                           .arg(bx)
                           .arg(std::min(y(v), y(0)))
                           .arg(bw)
                           .arg(std::abs(y(0) - y(v)))
                           .arg(s.color, esc(s.name), QString::number(v, 'g', 4), esc(unit));
            } else {
                points << QStringLiteral("%1,%2").arg(x(i)).arg(y(v));
                if (i < s.low.size() && i < s.high.size())
                    svg += QStringLiteral("<line x1=\"%1\" x2=\"%1\" y1=\"%2\" y2=\"%3\" "
                                          "stroke=\"%4\" stroke-width=\"2\" opacity=\"0.5\"/>")
                               .arg(x(i) + (static_cast<double>(si) - 1) * 4)
                               .arg(y(s.low.at(i)))
                               .arg(y(s.high.at(i)))
                               .arg(s.color);
                svg += QStringLiteral(
                           "<circle cx=\"%1\" cy=\"%2\" r=\"3.5\" fill=\"%3\"><title>%4: "
                           "%5 %6</title></circle>")
                           .arg(x(i))
                           .arg(y(v))
                           .arg(s.color, esc(s.name), QString::number(v, 'g', 4), esc(unit));
            }
        }
        if (!bars && points.size() > 1)
            svg += QStringLiteral("<polyline points=\"%1\" fill=\"none\" stroke=\"%2\" "
                                  "stroke-width=\"2\"/>")
                       .arg(points.join(QLatin1Char(' ')), s.color);
        // Legend.
        const int lx = left + 8 + static_cast<int>(si) * 130;
        svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"10\" height=\"10\" fill=\"%3\"/>"
                              "<text x=\"%4\" y=\"%5\" class=\"axis\" font-size=\"11\" "
                              "fill=\"#555\">%6</text>")
                   .arg(lx)
                   .arg(top - 22)
                   .arg(s.color)
                   .arg(lx + 14)
                   .arg(top - 13)
                   .arg(esc(s.name));
    }
    svg += QStringLiteral("</svg>");
    return svg;
}

QStringList OverheadHtml::charts(const OverheadReport &report)
{
    // Memory in KiB when every figure is below a MiB (the demo's proxies hold kilobytes).
    double largest = 0;
    for (const OverheadRow &r : report.rows)
        largest = std::max({largest, r.resourcesMeasured ? r.proxyMemoryBytes : 0.0,
                            r.controlPlaneMeasured ? r.controlPlaneMemoryBytes : 0.0});
    const bool kib = largest < 1048576.0;
    const double memoryUnit = kib ? 1024.0 : 1048576.0;
    QStringList rates;
    Series p50 {tr("added p50"), QStringLiteral("#1f77b4"), {}, {}, {}};
    Series p90 {tr("added p90"), QStringLiteral("#ff7f0e"), {}, {}, {}};
    Series p99 {tr("added p99"), QStringLiteral("#d62728"), {}, {}, {}};
    Series cpu {tr("proxy vCPU per 1,000 requests/s"), QStringLiteral("#2ca02c"), {}, {}, {}};
    Series proxyMemory {tr("proxies"), QStringLiteral("#9467bd"), {}, {}, {}};
    Series controlMemory {tr("control plane"), QStringLiteral("#8c564b"), {}, {}, {}};
    for (const OverheadRow &r : report.rows) {
        rates << QString::number(r.rate) + (r.keptUp() ? QString() : QStringLiteral("*"));
        for (auto [s, a] :
             {std::pair {&p50, &r.p50}, std::pair {&p90, &r.p90}, std::pair {&p99, &r.p99}}) {
            s->values << a->addedMs;
            s->low << a->addedMinMs;
            s->high << a->addedMaxMs;
        }
        cpu.values << (r.resourcesMeasured ? r.proxyCoresPer1000 : std::nan(""));
        proxyMemory.values << (r.resourcesMeasured ? r.proxyMemoryBytes / memoryUnit
                                                   : std::nan(""));
        controlMemory.values << (r.controlPlaneMeasured ? r.controlPlaneMemoryBytes / memoryUnit
                                                        : std::nan(""));
    }
    return {chart(tr("Latency added by the mesh (median, min … max)"), tr("ms"), rates,
                  {p50, p90, p99}, false),
            chart(tr("Proxy CPU per 1,000 requests/s"), tr("vCPU"), rates, {cpu}, true),
            chart(tr("Memory"), kib ? tr("KiB") : tr("MiB"), rates, {proxyMemory, controlMemory},
                  true)};
}

QString OverheadHtml::render(const OverheadReport &report)
{
    QString html;
    html += QStringLiteral(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    html += QStringLiteral("<title>%1</title>").arg(esc(tr("Mesh overhead report")));
    html += QStringLiteral(
        "<style>body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1180px;"
        "padding:0 16px;color:#1d1d1f;background:#fff}h1{font-size:22px}h2{font-size:17px;"
        "margin-top:28px}table{border-collapse:collapse;width:100%}th,td{padding:6px 8px;"
        "border-bottom:1px solid #ddd;text-align:right;white-space:nowrap}th:first-child,"
        "td:first-child{text-align:left}.muted{color:#666}.warn{color:#b45309}.charts{display:"
        "flex;flex-wrap:wrap;gap:16px}svg{max-width:100%;height:auto;background:#fafafa;"
        "border-radius:6px}svg .title{font-weight:600;font-size:14px;fill:#1d1d1f}svg .axis{"
        "font-size:11px;fill:#555}svg .grid{stroke:#e3e3e3}@media(prefers-color-scheme:dark){"
        "body{background:#1e1e1e;color:#e8e8e8}th,td{border-color:#444}.muted{color:#aaa}"
        "svg{background:#262626}svg .title{fill:#eee}svg .axis{fill:#bbb}svg .grid{stroke:#3a3a3a}"
        "}</style></head><body>");
    html += QStringLiteral("<h1>%1</h1>").arg(esc(tr("Mesh overhead report")));
    html += QStringLiteral("<p class=\"muted\">%1</p>")
                .arg(esc(tr("Mesh arm %1 against baseline %2%3 · %4 s per run after warm-up · %5 "
                            "repetition(s) per rate, arms interleaved · constant rate, latency "
                            "from each request's intended send time · started %6")
                             .arg(report.meshTarget, report.baselineTarget,
                                  report.meshType.isEmpty()
                                      ? QString()
                                      : QStringLiteral(" (") + report.meshType + QLatin1Char(')'))
                             .arg(report.durationSeconds)
                             .arg(report.repeats)
                             .arg(report.started.toUTC().toString(Qt::ISODate))));
    html += QStringLiteral("<h2>%1</h2><table><tr>").arg(esc(tr("Overhead per rate")));
    for (const QString &c :
         {tr("Requests/s"), tr("Achieved (baseline / mesh)"), tr("Added p50"), tr("Added p90"),
          tr("Added p99"), tr("Added max"), tr("Proxy vCPU per 1,000 req/s"), tr("Proxy memory"),
          tr("Control plane CPU"), tr("Control plane memory")})
        html += QStringLiteral("<th>%1</th>").arg(esc(c));
    html += QStringLiteral("</tr>");
    const auto cell = [](const AddedLatency &a) {
        return QStringLiteral("%1 ms <span class=\"muted\">(%2 … %3)</span>")
            .arg(num(a.addedMs), num(a.addedMinMs), num(a.addedMaxMs));
    };
    for (const OverheadRow &r : report.rows) {
        html += QStringLiteral("<tr><td>%1%2</td><td>%3 / %4</td><td>%5</td><td>%6</td><td>%7</td>"
                               "<td>%8</td><td>%9</td><td>%10</td><td>%11</td><td>%12</td></tr>")
                    .arg(r.rate)
                    .arg(r.keptUp() ? QString() : QStringLiteral(" <span class=\"warn\">*</span>"))
                    .arg(num(r.baselineAchieved, 1), num(r.meshAchieved, 1), cell(r.p50),
                         cell(r.p90), cell(r.p99), cell(r.max))
                    .arg(r.resourcesMeasured ? num(r.proxyCoresPer1000, 3) : tr("n/a"))
                    .arg(r.resourcesMeasured ? OverheadReport::memoryText(r.proxyMemoryBytes)
                                             : tr("n/a"))
                    .arg(r.controlPlaneMeasured
                             ? QStringLiteral("%1 m").arg(num(r.controlPlaneCores * 1000, 0))
                             : tr("n/a"))
                    .arg(r.controlPlaneMeasured
                             ? OverheadReport::memoryText(r.controlPlaneMemoryBytes)
                             : tr("n/a"));
    }
    html += QStringLiteral("</table>");
    if (std::any_of(report.rows.begin(), report.rows.end(),
                    [](const OverheadRow &r) { return !r.keptUp(); }))
        html += QStringLiteral("<p class=\"warn\">%1</p>")
                    .arg(esc(tr("* An arm did not keep up with this rate (below 95 % of it, or 1 % "
                                "errors): its figures are not comparable.")));
    for (const OverheadRow &r : report.rows) {
        if (!r.resourcesNote.isEmpty()) {
            html += QStringLiteral("<p class=\"muted\">%1</p>")
                        .arg(esc(tr("CPU and memory: %1").arg(r.resourcesNote)));
            break;
        }
    }
    for (const QString &w : report.warnings)
        html += QStringLiteral("<p class=\"warn\">%1</p>").arg(esc(w));
    html += QStringLiteral("<h2>%1</h2><div class=\"charts\">").arg(esc(tr("Charts")));
    html += charts(report).join(QString());
    html += QStringLiteral("</div><p class=\"muted\">%1</p></body></html>\n")
                .arg(esc(tr("Made by Meshdeck's perf overhead.")));
    return html;
}

VoidResult OverheadHtml::write(const OverheadReport &report, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Unexpected(
            Error(ErrorCode::IoError,
                  tr("Cannot write the report to %1: %2").arg(path, file.errorString())));
    file.write(render(report).toUtf8());
    if (!file.commit())
        return Unexpected(
            Error(ErrorCode::IoError,
                  tr("Cannot write the report to %1: %2").arg(path, file.errorString())));
    return {};
}

} // namespace Meshdeck::Overhead
