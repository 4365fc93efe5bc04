#include "overheadreportview.h"

#include "charttheme.h"
#include "rebuildwhenshown.h"

#include <models/resultscontroller.h>
#include <overhead/overheadhtml.h>

#include <QBuffer>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace Meshdeck {

using namespace Overhead;

namespace {

QString ms(double v)
{
    return QLocale().toString(v, 'f', 2);
}

} // namespace

OverheadReportView::OverheadReportView(QWidget *parent)
    : QWidget(parent)
{
    // First: a language or palette change may arrive while the rest is being made.
    m_chartWhenShown = new RebuildWhenShown(this, [this] { rebuildChart(); });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *header = new QHBoxLayout;
    m_title = new QLabel(this);
    QFont f = m_title->font();
    f.setBold(true);
    m_title->setFont(f);
    m_export = new QPushButton(this);
    header->addWidget(m_title, 1);
    header->addWidget(m_export);
    layout->addLayout(header);
    m_table = new QTableWidget(this);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    layout->addWidget(m_table);
    m_notes = new QLabel(this);
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_notes);
    m_chart = new QChartView(ChartTheme::newChart(), this);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(220);
    layout->addWidget(m_chart, 1);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Overhead Report"), QStringLiteral("mesh-overhead.html"),
            tr("Report as HTML (*.html);;Table and chart as PNG (*.png)"));
        if (path.isEmpty())
            return;
        m_export->setEnabled(false);
        exportTo(path, [this, path](const QString &problem) {
            m_export->setEnabled(true);
            m_notes->setText(problem.isEmpty() ? tr("Exported to %1.").arg(path) : problem);
        });
    });
    retranslate();
}

void OverheadReportView::setReport(const OverheadReport &report)
{
    m_report = report;
    rebuildTable();
    rebuildChart();
}

void OverheadReportView::setFileWriter(ResultsController *writer)
{
    m_writer = writer;
}

void OverheadReportView::exportTo(const QString &path,
                                  std::function<void(const QString &problem)> done)
{
    if (!m_writer) {
        done(tr("Cannot write %1: no results controller to write it with.").arg(path));
        return;
    }
    // The picture and the page are made here (widgets and their palette live on this thread);
    // the controller writes the file on its worker.
    QByteArray bytes;
    if (path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive)) {
        if (m_chartWhenShown->owed())
            rebuildChart();
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        grab().toImage().save(&buffer, "PNG");
    } else {
        bytes = OverheadHtml::render(m_report).toUtf8();
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(
        m_writer, &ResultsController::fileWorkFinished, this,
        [connection, path, done](const QString &, const QString &problem, const QString &written) {
            if (written != path)
                return;
            QObject::disconnect(*connection);
            done(problem);
        });
    m_writer->writeFile(tr("Export Overhead Report"), path, bytes);
}

void OverheadReportView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        m_chartWhenShown->request();
    QWidget::changeEvent(event);
}

void OverheadReportView::retranslate()
{
    m_export->setText(tr("&Export…"));
    m_export->setToolTip(tr("Save the report as one HTML file with its charts, or as a PNG"));
    rebuildTable();
    m_chartWhenShown->request();
}

void OverheadReportView::rebuildTable()
{
    m_title->setText(
        m_report.rows.isEmpty()
            ? tr("No overhead measured yet")
            : tr("Mesh overhead: %1 against %2").arg(m_report.meshTarget, m_report.baselineTarget));
    m_export->setVisible(!m_report.rows.isEmpty());
    const QStringList headers {tr("Requests/s"),
                               tr("Achieved/s\nbaseline / mesh"),
                               tr("Added p50 (ms)\nmedian (min … max)"),
                               tr("Added p90 (ms)"),
                               tr("Added p99 (ms)"),
                               tr("Added max (ms)"),
                               tr("Proxy vCPU\nper 1,000 req/s"),
                               tr("Proxy\nmemory"),
                               tr("Control\nplane")};
    m_table->clear();
    m_table->setColumnCount(static_cast<int>(headers.size()));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(static_cast<int>(m_report.rows.size()));
    const auto added = [](const AddedLatency &a) {
        return QStringLiteral("%1 (%2 … %3)")
            .arg(ms(a.addedMs), ms(a.addedMinMs), ms(a.addedMaxMs));
    };
    const QLocale locale;
    for (int i = 0; i < m_report.rows.size(); ++i) {
        const OverheadRow &r = m_report.rows.at(i);
        const QStringList cells {
            locale.toString(r.rate, 'f', 0) + (r.keptUp() ? QString() : QStringLiteral(" *")),
            QStringLiteral("%1 / %2").arg(locale.toString(r.baselineAchieved, 'f', 1),
                                          locale.toString(r.meshAchieved, 'f', 1)),
            added(r.p50),
            added(r.p90),
            added(r.p99),
            added(r.max),
            r.resourcesMeasured ? locale.toString(r.proxyCoresPer1000, 'f', 3) : tr("n/a"),
            r.resourcesMeasured ? OverheadReport::memoryText(r.proxyMemoryBytes, locale)
                                : tr("n/a"),
            r.controlPlaneMeasured
                ? tr("%1 m, %2")
                      .arg(locale.toString(r.controlPlaneCores * 1000, 'f', 0),
                           OverheadReport::memoryText(r.controlPlaneMemoryBytes, locale))
                : tr("n/a")};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setTextAlignment(c == 0 ? Qt::AlignLeft | Qt::AlignVCenter
                                          : Qt::AlignRight | Qt::AlignVCenter);
            if (!r.keptUp())
                item->setToolTip(tr("An arm did not keep up with this rate (below 95 % of it, or "
                                    "1 % errors): its figures are not comparable."));
            m_table->setItem(i, c, item);
        }
    }
    m_table->resizeRowsToContents();
    int height = m_table->horizontalHeader()->sizeHint().height() + 2 * m_table->frameWidth() + 2;
    for (int i = 0; i < m_table->rowCount(); ++i)
        height += m_table->rowHeight(i);
    if (m_table->horizontalScrollBar()->isVisible())
        height += m_table->horizontalScrollBar()->sizeHint().height();
    m_table->setFixedHeight(height);
    QStringList notes;
    for (const OverheadRow &r : m_report.rows) {
        if (!r.resourcesNote.isEmpty()) {
            notes << tr("CPU and memory: %1").arg(r.resourcesNote);
            break;
        }
    }
    notes << m_report.warnings;
    m_notes->setText(notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!notes.isEmpty());
}

void OverheadReportView::rebuildChart()
{
    // Added latency against the rate, with each repetition's spread as error points.
    m_chartWhenShown->done();
    m_chart->setVisible(!m_report.rows.isEmpty());
    if (m_report.rows.isEmpty())
        return;
    QChart *chart = m_chart->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    chart->setTitle(tr("Latency added by the mesh"));
    auto *x = new QValueAxis;
    x->setTitleText(tr("Requests per second"));
    x->setLabelFormat(QStringLiteral("%.0f"));
    auto *y = new QValueAxis;
    y->setTitleText(tr("ms"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double lo = 0, hi = 0.1, maxRate = 1;
    const QList<std::pair<QString, QColor>> styles {{tr("p50"), QColor(0x1f77b4)},
                                                    {tr("p90"), QColor(0xff7f0e)},
                                                    {tr("p99"), QColor(0xd62728)}};
    for (int s = 0; s < 3; ++s) {
        auto *series = new QLineSeries;
        series->setName(styles.at(s).first);
        QPen pen(styles.at(s).second);
        pen.setWidthF(2);
        series->setPen(pen);
        series->setPointsVisible(true);
        QList<QPointF> points;
        for (const OverheadRow &r : m_report.rows) {
            const AddedLatency &a = s == 0 ? r.p50 : s == 1 ? r.p90 : r.p99;
            points << QPointF(r.rate, a.addedMs);
            lo = std::min(lo, a.addedMs);
            hi = std::max(hi, a.addedMs);
            maxRate = std::max(maxRate, r.rate);
        }
        series->replace(points);
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    x->setRange(0, maxRate * 1.1);
    x->applyNiceNumbers();
    y->setRange(std::min(0.0, lo * 1.15), hi * 1.15);
    y->applyNiceNumbers();
    ChartTheme::apply(chart, palette());
}

} // namespace Meshdeck
