#include "overheadimage.h"

#include "overheadhtml.h"

#include <QFontMetrics>
#include <QPainter>
#include <QSaveFile>
#include <QSvgRenderer>

#include <numeric>

namespace Meshdeck::Overhead {

namespace {

constexpr int Width = 1200;
constexpr int Margin = 24;

QString num(double v, int decimals = 2)
{
    return QString::number(v, 'f', decimals);
}

QString added(const AddedLatency &a)
{
    return QStringLiteral("%1 ms (%2 … %3)")
        .arg(num(a.addedMs), num(a.addedMinMs), num(a.addedMaxMs));
}

// The table's cells, heading first.
QList<QStringList> tableOf(const OverheadReport &report)
{
    QList<QStringList> rows {{OverheadImage::tr("Requests/s"), OverheadImage::tr("Achieved"),
                              OverheadImage::tr("Added p50"), OverheadImage::tr("Added p90"),
                              OverheadImage::tr("Added p99"), OverheadImage::tr("Added max"),
                              OverheadImage::tr("Proxy vCPU/1k"), OverheadImage::tr("Proxy mem"),
                              OverheadImage::tr("Control plane")}};
    for (const OverheadRow &r : report.rows) {
        rows << QStringList {
            QString::number(r.rate) + (r.keptUp() ? QString() : QStringLiteral(" *")),
            QStringLiteral("%1 / %2").arg(num(r.baselineAchieved, 1), num(r.meshAchieved, 1)),
            added(r.p50),
            added(r.p90),
            added(r.p99),
            added(r.max),
            r.resourcesMeasured ? num(r.proxyCoresPer1000, 3) : OverheadImage::tr("n/a"),
            r.resourcesMeasured ? OverheadReport::memoryText(r.proxyMemoryBytes)
                                : OverheadImage::tr("n/a"),
            r.controlPlaneMeasured ? QStringLiteral("%1 m, %2")
                                         .arg(num(r.controlPlaneCores * 1000, 0),
                                              OverheadReport::memoryText(r.controlPlaneMemoryBytes))
                                   : OverheadImage::tr("n/a")};
    }
    return rows;
}

} // namespace

QImage OverheadImage::render(const OverheadReport &report)
{
    const QList<QStringList> table = tableOf(report);
    // The largest type, 13 px down to 10, with which the table fits the page (its heading bold).
    QFont body;
    QList<int> widths;
    int tableWidth = 0;
    for (int px = 13; px >= 10; --px) {
        body.setPixelSize(px);
        QFont bold = body;
        bold.setBold(true);
        const QFontMetrics regular(body), strong(bold);
        widths = QList<int>(table.first().size(), 0);
        for (qsizetype r = 0; r < table.size(); ++r) {
            for (qsizetype c = 0; c < table.at(r).size(); ++c)
                widths[c] = std::max(
                    widths[c],
                    (r == 0 ? strong : regular).horizontalAdvance(table.at(r).at(c)) + 16);
        }
        tableWidth = std::accumulate(widths.begin(), widths.end(), 0);
        if (tableWidth <= Width - 2 * Margin)
            break;
    }
    QFont heading = body;
    heading.setPixelSize(20);
    heading.setBold(true);
    const QFontMetrics fm(body);
    const int line = fm.lineSpacing();

    const QString subtitle
        = tr("Mesh arm %1 against baseline %2%3 · %4 s per run · %5 repetition(s) per rate")
              .arg(report.meshTarget, report.baselineTarget,
                   report.meshType.isEmpty()
                       ? QString()
                       : QStringLiteral(" (") + report.meshType + QLatin1Char(')'))
              .arg(report.durationSeconds)
              .arg(report.repeats);
    QStringList notes;
    for (const OverheadRow &r : report.rows) {
        if (!r.resourcesNote.isEmpty()) {
            notes << tr("CPU and memory: %1").arg(r.resourcesNote);
            break;
        }
    }
    if (std::any_of(report.rows.begin(), report.rows.end(),
                    [](const OverheadRow &r) { return !r.keptUp(); }))
        notes << tr("* An arm did not keep up with this rate: its figures are not comparable.");
    notes << report.warnings;

    const QStringList charts = OverheadHtml::charts(report);
    const QSize chartSize(560, 300);
    const int chartRows = static_cast<int>((charts.size() + 1) / 2);
    const QRect textArea(Margin, 0, Width - 2 * Margin, 10000);
    int notesHeight = 0;
    for (const QString &n : notes)
        notesHeight += fm.boundingRect(textArea, Qt::TextWordWrap, n).height() + 4;
    const int subtitleHeight = fm.boundingRect(textArea, Qt::TextWordWrap, subtitle).height();
    const int height = Margin + 32 + subtitleHeight + 16
        + static_cast<int>(table.size()) * (line + 8) + 12 + notesHeight + 16
        + chartRows * (chartSize.height() + 16) + Margin;

    QImage image(Width, height, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.setPen(QColor(0x1d, 0x1d, 0x1f));
    p.setFont(heading);
    int y = Margin;
    p.drawText(QRect(Margin, y, Width - 2 * Margin, 28), Qt::AlignLeft | Qt::AlignVCenter,
               tr("Mesh overhead report"));
    y += 32;
    p.setFont(body);
    p.setPen(QColor(0x55, 0x55, 0x55));
    p.drawText(QRect(Margin, y, Width - 2 * Margin, subtitleHeight), Qt::TextWordWrap, subtitle);
    y += subtitleHeight + 16;

    // The table: right-aligned figures, the rate on the left, a rule under each row.
    const double scale = tableWidth > Width - 2 * Margin
        ? static_cast<double>(Width - 2 * Margin) / tableWidth
        : 1.0;
    for (qsizetype r = 0; r < table.size(); ++r) {
        int x = Margin;
        QFont f = body;
        f.setBold(r == 0);
        p.setFont(f);
        p.setPen(QColor(0x1d, 0x1d, 0x1f));
        for (qsizetype c = 0; c < table.at(r).size(); ++c) {
            const int w = static_cast<int>(widths.at(c) * scale);
            p.drawText(QRect(x + 4, y, w - 8, line + 8),
                       (c == 0 ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter,
                       fm.elidedText(table.at(r).at(c), Qt::ElideRight, w - 8));
            x += w;
        }
        y += line + 8;
        p.setPen(QColor(0xdd, 0xdd, 0xdd));
        p.drawLine(Margin, y, Margin + static_cast<int>(tableWidth * scale), y);
    }
    y += 12;
    p.setFont(body);
    for (const QString &n : std::as_const(notes)) {
        p.setPen(n.startsWith(QLatin1Char('*')) || report.warnings.contains(n)
                     ? QColor(0xb4, 0x53, 0x09)
                     : QColor(0x66, 0x66, 0x66));
        const QRect r = fm.boundingRect(textArea, Qt::TextWordWrap, n);
        p.drawText(QRect(Margin, y, Width - 2 * Margin, r.height()), Qt::TextWordWrap, n);
        y += r.height() + 4;
    }
    y += 16;
    for (qsizetype i = 0; i < charts.size(); ++i) {
        QSvgRenderer svg(charts.at(i).toUtf8());
        const int column = static_cast<int>(i % 2);
        const QRect box(Margin + column * (chartSize.width() + 32), y, chartSize.width(),
                        chartSize.height());
        p.fillRect(box, QColor(0xfa, 0xfa, 0xfa));
        svg.render(&p, box);
        if (column == 1 || i == charts.size() - 1)
            y += chartSize.height() + 16;
    }
    p.end();
    return image;
}

VoidResult OverheadImage::write(const OverheadReport &report, const QString &path)
{
    const QImage image = render(report);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
        return Unexpected(
            Error(ErrorCode::IoError,
                  tr("Cannot write the report to %1: %2").arg(path, file.errorString())));
    return {};
}

} // namespace Meshdeck::Overhead
