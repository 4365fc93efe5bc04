#include "comparisonview.h"

#include "charttheme.h"
#include "rebuildwhenshown.h"

#include <perf/smpexport.h>

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBuffer>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDesktopServices>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QSvgGenerator>
#include <QTableWidget>
#include <QTabWidget>
#include <QUrl>
#include <QValueAxis>

#include <cmath>
#include <limits>
#include <QVBoxLayout>

namespace Meshdeck {

namespace {

using ChartTheme::newChart;

QLineSeries *line(const QString &name, const QColor &color, const QList<QPointF> &points,
                  qreal width = 2)
{
    auto *s = new QLineSeries;
    s->setName(name);
    QPen pen(color);
    pen.setWidthF(width);
    s->setPen(pen);
    s->replace(points); // one call, not one append per point
    return s;
}

// Whole seconds on a time axis: one tick per second for short runs (no repeated labels from
// fractional ticks), nice steps for long ones.
void secondsAxis(QValueAxis *x, double maxSeconds)
{
    const int top = std::max(1, static_cast<int>(std::ceil(maxSeconds)));
    x->setLabelFormat(QStringLiteral("%d"));
    if (top <= 10) {
        x->setRange(0, top);
        x->setTickCount(top + 1);
    } else {
        x->setRange(0, top);
        x->applyNiceNumbers();
    }
}

QString ms(double v)
{
    return QLocale().toString(v, 'f', v >= 100 ? 1 : (v >= 1 ? 2 : 3));
}

} // namespace

ComparisonView::ComparisonView(QWidget *parent)
    : QWidget(parent)
{
    // First: a language or palette change may arrive while the rest is being made.
    m_chartsWhenShown = new RebuildWhenShown(this, [this] { rebuildCharts(); });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *header = new QHBoxLayout;
    m_title = new QLabel(this);
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_title->setFont(f);
    m_baselineLabel = new QLabel(this);
    m_baselineBox = new QComboBox(this);
    m_baselineBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_baselineBox->setMinimumContentsLength(16);
    m_baselineLabel->setBuddy(m_baselineBox);
    m_export = new QPushButton(this);
    m_close = new QPushButton(this);
    header->addWidget(m_title, 1);
    header->addWidget(m_baselineLabel);
    header->addWidget(m_baselineBox);
    header->addWidget(m_export);
    header->addWidget(m_close);
    layout->addLayout(header);
    m_outcome = new QLabel(this);
    m_outcome->setObjectName(QStringLiteral("comparisonOutcome"));
    m_outcome->setTextFormat(Qt::RichText);
    m_outcome->setWordWrap(true);
    m_outcome->hide();
    connect(m_outcome, &QLabel::linkActivated, this,
            [](const QString &link) { QDesktopServices::openUrl(QUrl(link)); });
    layout->addWidget(m_outcome);
    m_warnings = new QLabel(this);
    m_warnings->setObjectName(QStringLiteral("comparisonWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->hide();
    layout->addWidget(m_warnings);

    auto *split = new QSplitter(Qt::Vertical, this);
    m_tabs = new QTabWidget(split);
    for (int i = 0; i < ChartCount; ++i) {
        m_views[i] = new QChartView(newChart(), m_tabs);
        m_views[i]->setRenderHint(QPainter::Antialiasing);
        m_views[i]->setMinimumHeight(220);
        m_tabs->addTab(m_views[i], QString());
    }
    m_table = new QTableWidget(split);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    split->addWidget(m_tabs);
    split->addWidget(m_table);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    connect(m_baselineBox, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i >= 0)
            setBaseline(i);
    });
    connect(m_export, &QPushButton::clicked, this, &ComparisonView::onExport);
    connect(m_close, &QPushButton::clicked, this, &ComparisonView::closeRequested);
    retranslate();
}

void ComparisonView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_chartsWhenShown->request();
        rebuildTable();
    } else if (event->type() == QEvent::PaletteChange) {
        m_chartsWhenShown->request();
    }
    QWidget::changeEvent(event);
}

void ComparisonView::retranslate()
{
    m_baselineLabel->setText(tr("&Baseline:"));
    m_export->setText(tr("&Export…"));
    m_close->setText(tr("Back to &runs"));
    m_tabs->setTabText(Percentiles, tr("Latency by percentile"));
    m_tabs->setTabText(Histogram, tr("Distribution"));
    m_tabs->setTabText(Bars, tr("Percentiles"));
    m_tabs->setTabText(OverTime, tr("Over time"));
    m_tabs->setTabText(CpuOverTime, tr("CPU over time"));
    m_tabs->setTabText(MemoryOverTime, tr("Memory over time"));
    m_title->setText(tr("Comparing %n run(s)", nullptr, static_cast<int>(m_data.runs.size())));
    // Why this comparison may mislead, in the language shown now.
    const QStringList warnings = ComparisonData::warningsFor(m_data.runs);
    m_warnings->setText(QStringLiteral("⚠ ") + warnings.join(QStringLiteral("\n⚠ ")));
    m_warnings->setVisible(!warnings.isEmpty());
}

void ComparisonView::setData(const ComparisonData &data, const QList<Perf::RunResult> &runs)
{
    m_data = data;
    m_runs = runs;
    m_baseline = 0;
    {
        const QSignalBlocker block(m_baselineBox);
        m_baselineBox->clear();
        for (const auto &r : m_data.runs)
            m_baselineBox->addItem(r.name);
        m_baselineBox->setCurrentIndex(0);
    }
    retranslate();
    rebuildCharts();
    rebuildTable();
}

void ComparisonView::setBaseline(int index)
{
    if (index < 0 || index >= m_data.runs.size())
        return;
    m_baseline = index;
    if (m_baselineBox->currentIndex() != index)
        m_baselineBox->setCurrentIndex(index);
    rebuildTable();
}

void ComparisonView::setCurrentChart(Chart chart)
{
    m_tabs->setCurrentIndex(chart);
}

void ComparisonView::rebuildCharts()
{
    m_chartsWhenShown->done();
    const QPalette pal = palette();
    const double lo = std::max(1e-3, m_data.minLatency * 0.8);
    const double hi = std::max(lo * 10, m_data.maxLatency * 1.25);

    // Latency by percentile: x is the number of nines, labelled as percentiles.
    {
        QChart *chart = newChart();
        auto *x = new QCategoryAxis;
        x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        const double top = std::max(2.0, std::ceil(m_data.maxNines));
        x->setRange(0, top + 0.15); // room for the last label
        x->setStartValue(0);
        x->append(QStringLiteral("0 %"), 0);
        x->append(QStringLiteral("50 %"), ComparisonData::nines(50));
        x->append(QStringLiteral("90 %"), 1);
        static const char *labels[] = {"99 %", "99.9 %", "99.99 %", "99.999 %", "99.9999 %"};
        for (int n = 2; n <= top && n < 7; ++n)
            x->append(QString::fromLatin1(labels[n - 2]), n);
        x->setTitleText(tr("Percentile"));
        // A log axis over wide ranges; within a decade or so its only label would be a power of
        // ten, so a linear one reads better there.
        QAbstractAxis *y = nullptr;
        if (hi / lo > 30) {
            auto *log = new QLogValueAxis;
            log->setBase(10);
            log->setRange(lo, hi);
            log->setLabelFormat(QStringLiteral("%g"));
            log->setMinorTickCount(8);
            y = log;
        } else {
            auto *linear = new QValueAxis;
            linear->setRange(0, std::max(0.001, m_data.maxLatency * 1.1)); // none yet: 0
            linear->applyNiceNumbers();
            y = linear;
        }
        y->setTitleText(tr("Latency (ms)"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        for (const auto &r : m_data.runs) {
            QLineSeries *s = line(r.label, r.color, r.percentileCurve);
            chart->addSeries(s);
            s->attachAxis(x);
            s->attachAxis(y);
        }
        ChartTheme::apply(chart, pal);
        QChart *old = m_views[Percentiles]->chart();
        m_views[Percentiles]->setChart(chart);
        delete old;
    }
    // Distribution: share of samples per latency bin, on a log latency axis.
    {
        QChart *chart = newChart();
        auto *x = new QLogValueAxis;
        x->setRange(lo, hi);
        x->setLabelFormat(QStringLiteral("%g"));
        x->setMinorTickCount(8);
        x->setTitleText(tr("Latency (ms)"));
        auto *y = new QValueAxis;
        double top = 1;
        for (const auto &r : m_data.runs)
            for (const QPointF &p : r.histogram)
                top = std::max(top, p.y());
        y->setRange(0, top * 1.1);
        y->applyNiceNumbers();
        y->setTitleText(tr("Share of requests (%)"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        for (const auto &r : m_data.runs) {
            QList<QPointF> points;
            for (const QPointF &p : r.histogram)
                if (p.x() >= lo)
                    points.append(p);
            QLineSeries *s = line(r.label, r.color, points);
            chart->addSeries(s);
            s->attachAxis(x);
            s->attachAxis(y);
        }
        ChartTheme::apply(chart, pal);
        QChart *old = m_views[Histogram]->chart();
        m_views[Histogram]->setChart(chart);
        delete old;
    }
    // Grouped bars: p50, p90, p99, p99.9 per run.
    {
        QChart *chart = newChart();
        auto *series = new QBarSeries;
        double top = 0, least = std::numeric_limits<double>::max();
        for (const auto &r : m_data.runs) {
            auto *set = new QBarSet(r.label);
            set->setColor(r.color);
            set->setBorderColor(r.color);
            *set << r.p50 << r.p90 << r.p99 << r.p999;
            top = std::max(top, r.p999);
            for (const double v : {r.p50, r.p90, r.p99, r.p999})
                if (v > 0)
                    least = std::min(least, v);
            series->append(set);
        }
        chart->addSeries(series);
        auto *x = new QBarCategoryAxis;
        x->append({QStringLiteral("p50"), QStringLiteral("p90"), QStringLiteral("p99"),
                   QStringLiteral("p99.9")});
        // Values twenty times apart on a linear axis hide the small bars: then the axis is
        // logarithmic, from the decade below the least value to the one above the greatest.
        QAbstractAxis *y = nullptr;
        if (least < std::numeric_limits<double>::max() && top / least > 20) {
            auto *log = new QLogValueAxis;
            log->setBase(10);
            log->setLabelFormat(QStringLiteral("%g"));
            log->setRange(std::pow(10.0, std::floor(std::log10(least))),
                          std::pow(10.0, std::ceil(std::log10(top * 1.15))));
            log->setMinorTickCount(8);
            y = log;
        } else {
            auto *linear = new QValueAxis;
            linear->setRange(0, std::max(0.001, top * 1.15));
            linear->applyNiceNumbers();
            linear->setLabelFormat(QStringLiteral("%g"));
            y = linear;
        }
        y->setObjectName(QStringLiteral("barsLatencyAxis"));
        y->setTitleText(tr("Latency (ms)"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
        ChartTheme::apply(chart, pal);
        QChart *old = m_views[Bars]->chart();
        m_views[Bars]->setChart(chart);
        delete old;
    }
    // Over time: p99 solid and p50 dashed per run.
    {
        QChart *chart = newChart();
        auto *x = new QValueAxis;
        auto *y = new QValueAxis;
        double maxX = 1, maxY = 0.001;
        for (const auto &r : m_data.runs) {
            for (const QPointF &p : r.p99OverTime) {
                maxX = std::max(maxX, p.x());
                maxY = std::max(maxY, p.y());
            }
        }
        secondsAxis(x, maxX);
        x->setTitleText(tr("Seconds into the run"));
        y->setRange(0, maxY * 1.15);
        y->applyNiceNumbers();
        y->setTitleText(tr("Latency (ms)"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        for (const auto &r : m_data.runs) {
            QLineSeries *p99 = line(tr("%1 p99").arg(r.label), r.color, r.p99OverTime);
            QLineSeries *p50
                = line(tr("%1 p50").arg(r.label), r.color.lighter(140), r.p50OverTime, 1.2);
            QPen dashed = p50->pen();
            dashed.setStyle(Qt::DashLine);
            p50->setPen(dashed);
            for (QLineSeries *s : {p99, p50}) {
                chart->addSeries(s);
                s->attachAxis(x);
                s->attachAxis(y);
            }
        }
        ChartTheme::apply(chart, pal);
        QChart *old = m_views[OverTime]->chart();
        m_views[OverTime]->setChart(chart);
        delete old;
    }
    rebuildResourceChart(CpuOverTime);
    rebuildResourceChart(MemoryOverTime);
}

// The proxies' (solid) and the applications' (dashed) CPU or memory per run over the measured
// part of the run, on the same time axis as the latency; the title says why when nothing was
// measured.
void ComparisonView::rebuildResourceChart(Chart which)
{
    const bool memory = which == MemoryOverTime;
    QChart *chart = newChart();
    auto *x = new QValueAxis;
    auto *y = new QValueAxis;
    double maxX = 1, maxY = 0;
    for (const auto &r : m_data.runs) {
        for (const auto *points : {&r.p99OverTime, &r.proxyCpuOverTime, &r.applicationCpuOverTime})
            for (const QPointF &p : *points)
                maxX = std::max(maxX, p.x());
        const QList<QPointF> &proxies = memory ? r.proxyMemoryOverTime : r.proxyCpuOverTime;
        const QList<QPointF> &apps
            = memory ? r.applicationMemoryOverTime : r.applicationCpuOverTime;
        for (const auto *points : {&proxies, &apps})
            for (const QPointF &p : *points)
                maxY = std::max(maxY, p.y());
    }
    // Memory in KiB when it is small (the demo's proxies hold kilobytes).
    const double scale = memory && maxY > 0 && maxY < 1 ? 1024.0 : 1.0;
    secondsAxis(x, maxX);
    x->setTitleText(tr("Seconds into the run"));
    y->setRange(0, std::max(maxY * scale * 1.15, memory ? 1.0 : 10.0));
    y->applyNiceNumbers();
    y->setTitleText(memory ? (scale > 1 ? tr("Memory (KiB)") : tr("Memory (MiB)"))
                           : tr("CPU (millicores)"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    QStringList notes;
    for (const auto &r : m_data.runs) {
        if (!r.resourcesNote.isEmpty())
            notes << QStringLiteral("%1: %2").arg(r.name, r.resourcesNote);
        const auto scaled = [scale](QList<QPointF> points) {
            for (QPointF &p : points)
                p.setY(p.y() * scale);
            return points;
        };
        const QList<QPointF> &proxies = memory ? r.proxyMemoryOverTime : r.proxyCpuOverTime;
        const QList<QPointF> &apps
            = memory ? r.applicationMemoryOverTime : r.applicationCpuOverTime;
        QList<QLineSeries *> added;
        if (!proxies.isEmpty())
            added << line(tr("%1 proxies").arg(r.name), r.color, scaled(proxies));
        if (!apps.isEmpty()) {
            QLineSeries *s
                = line(tr("%1 applications").arg(r.name), r.color.lighter(140), scaled(apps), 1.2);
            QPen dashed = s->pen();
            dashed.setStyle(Qt::DashLine);
            s->setPen(dashed);
            added << s;
        }
        for (QLineSeries *s : std::as_const(added)) {
            chart->addSeries(s);
            s->attachAxis(x);
            s->attachAxis(y);
        }
    }
    if (!m_data.resources)
        chart->setTitle(tr("No CPU or memory was measured for these runs. Runs made while a "
                           "cluster is connected are sampled; %1")
                            .arg(notes.value(0)));
    else if (!notes.isEmpty())
        chart->setTitle(tr("Not measured: %1").arg(notes.join(QStringLiteral("; "))));
    ChartTheme::apply(chart, palette());
    QChart *old = m_views[which]->chart();
    m_views[which]->setChart(chart);
    delete old;
}

void ComparisonView::rebuildTable()
{
    const QStringList headers {tr("Run"),        tr("Mesh"),   tr("Protocol"), tr("Requested/s"),
                               tr("Achieved/s"), tr("p50 ms"), tr("p90 ms"),   tr("p99 ms"),
                               tr("p99.9 ms"),   tr("Δ p50"),  tr("Δ p99"),    tr("Δ p99.9"),
                               tr("Errors %")};
    m_table->clear();
    m_table->setColumnCount(static_cast<int>(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(static_cast<int>(m_data.runs.size()));
    if (m_data.runs.isEmpty())
        return;
    const auto &base
        = m_data.runs[std::clamp(m_baseline, 0, static_cast<int>(m_data.runs.size()) - 1)];
    const QLocale locale;
    const auto delta = [&](double v, double b) {
        if (&v == &b)
            return QString();
        const double d = v - b;
        const QString sign = d >= 0 ? QStringLiteral("+") : QString();
        return b > 0 ? QStringLiteral("%1%2 ms (%1%3 %)")
                           .arg(sign, ms(d), locale.toString(d / b * 100, 'f', 1))
                     : sign + ms(d) + QStringLiteral(" ms");
    };
    for (int i = 0; i < m_data.runs.size(); ++i) {
        const auto &r = m_data.runs[i];
        const bool isBase = i == m_baseline;
        const QStringList cells {
            r.label + (isBase ? tr(" (baseline)") : QString()),
            r.mesh.isEmpty() ? tr("none") : r.mesh,
            r.protocol,
            r.requestedRate > 0 ? locale.toString(r.requestedRate, 'f', 0) : tr("max"),
            locale.toString(r.achievedRate, 'f', 1),
            ms(r.p50),
            ms(r.p90),
            ms(r.p99),
            ms(r.p999),
            isBase ? QStringLiteral("—") : delta(r.p50, base.p50),
            isBase ? QStringLiteral("—") : delta(r.p99, base.p99),
            isBase ? QStringLiteral("—") : delta(r.p999, base.p999),
            locale.toString(r.errorPercent, 'f', 2),
        };
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c >= 3)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (c == 0) {
                QPixmap swatch(12, 12);
                swatch.fill(r.color);
                item->setIcon(QIcon(swatch));
            }
            m_table->setItem(i, c, item);
        }
    }
    m_table->resizeColumnsToContents();
}

QByteArray ComparisonView::exportBytes(const QString &path) const
{
    if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        return csvBytes();
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return jsonBytes();
    return chartBytes(path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive));
}

QByteArray ComparisonView::chartBytes(bool svg) const
{
    // Painting the chart is the view's job (and must happen here, on the GUI thread); writing
    // the bytes is the controller's, on its worker.
    QChartView *view = m_views[m_tabs->currentIndex()];
    const QSize size
        = view->size().isValid() && view->width() > 100 ? view->size() : QSize(1000, 600);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (svg) {
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setTitle(m_tabs->tabText(m_tabs->currentIndex()));
        QPainter painter(&generator);
        view->render(&painter);
        painter.end();
        return bytes;
    }
    view->grab().save(&buffer, "PNG");
    return bytes;
}

QByteArray ComparisonView::csvBytes() const
{
    QByteArray out;
    const auto quote = [](QString s) {
        s.replace(QLatin1Char('"'), QLatin1String("\"\""));
        return QLatin1Char('"') + s + QLatin1Char('"');
    };
    QStringList header {QStringLiteral("run"),
                        QStringLiteral("mesh"),
                        QStringLiteral("protocol"),
                        QStringLiteral("requested_rate"),
                        QStringLiteral("achieved_rate"),
                        QStringLiteral("p50_ms"),
                        QStringLiteral("p90_ms"),
                        QStringLiteral("p99_ms"),
                        QStringLiteral("p999_ms"),
                        QStringLiteral("max_ms"),
                        QStringLiteral("p50_diff_ms"),
                        QStringLiteral("p99_diff_ms"),
                        QStringLiteral("p99_diff_percent"),
                        QStringLiteral("error_percent"),
                        QStringLiteral("missed_requested_rate")};
    out += header.join(QLatin1Char(',')).toUtf8() + '\n';
    const auto &base = m_data.runs.value(m_baseline);
    for (const auto &r : m_data.runs) {
        QStringList row {quote(r.name),
                         quote(r.mesh),
                         quote(r.protocolName),
                         QString::number(r.requestedRate),
                         QString::number(r.achievedRate, 'f', 3),
                         QString::number(r.p50, 'f', 4),
                         QString::number(r.p90, 'f', 4),
                         QString::number(r.p99, 'f', 4),
                         QString::number(r.p999, 'f', 4),
                         QString::number(r.max, 'f', 4),
                         QString::number(r.p50 - base.p50, 'f', 4),
                         QString::number(r.p99 - base.p99, 'f', 4),
                         QString::number(base.p99 > 0 ? (r.p99 / base.p99 - 1) * 100 : 0, 'f', 2),
                         QString::number(r.errorPercent, 'f', 3),
                         r.missedRate ? QStringLiteral("true") : QStringLiteral("false")};
        out += row.join(QLatin1Char(',')).toUtf8() + '\n';
    }
    return out;
}

QByteArray ComparisonView::jsonBytes() const
{
    QJsonArray runs;
    for (const auto &run : m_runs)
        runs.append(Perf::SmpExport::toJson(run));
    return QJsonDocument(QJsonObject {{QStringLiteral("runs"), runs}}).toJson();
}

void ComparisonView::setExportOutcome(const QString &html)
{
    m_outcome->setText(html);
    m_outcome->setVisible(!html.isEmpty());
}

void ComparisonView::onExport()
{
    QString selected;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Comparison"), QStringLiteral("comparison.png"),
        tr("Chart as PNG (*.png);;Chart as SVG (*.svg);;Table as CSV (*.csv);;Runs as JSON "
           "(*.json)"),
        &selected);
    if (path.isEmpty())
        return;
    Q_EMIT exportRequested(tr("Export Comparison"), path, exportBytes(path));
}

} // namespace Meshdeck
