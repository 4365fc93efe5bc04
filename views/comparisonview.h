#pragma once

#include <models/comparisondata.h>

#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace Meshdeck {

class RebuildWhenShown;

// 2 to 6 runs side by side, one colour per run everywhere: latency by percentile on a "nines"
// axis (50 % ... 99.99 %) from the full histograms, the histograms overlaid, grouped bars of
// p50/p90/p99/p99.9, latency over time, the proxies' and applications' CPU and memory over time
// (what the cluster measured beside each run), and a table with each run's difference from a chosen
// baseline (the mesh's overhead). Charts export as PNG or SVG, the table as CSV.
class ComparisonView : public QWidget
{
    Q_OBJECT

public:
    enum Chart { Percentiles, Histogram, Bars, OverTime, CpuOverTime, MemoryOverTime, ChartCount };

    explicit ComparisonView(QWidget *parent = nullptr);

    void setData(const ComparisonData &data, const QList<Perf::RunResult> &runs);
    [[nodiscard]] const ComparisonData &data() const { return m_data; }
    [[nodiscard]] QChartView *chartView(Chart chart) const { return m_views[chart]; }
    [[nodiscard]] QTableWidget *summaryTable() const { return m_table; }
    void setBaseline(int index);
    [[nodiscard]] int baseline() const { return m_baseline; }
    void setCurrentChart(Chart chart);

    // What an export to `path` writes, by its suffix: the current chart as .png or .svg, the
    // table as .csv, the runs as SMP-like .json.
    [[nodiscard]] QByteArray exportBytes(const QString &path) const;
    // The last export's outcome (rich text with a folder link), shown under the header.
    void setExportOutcome(const QString &html);

Q_SIGNALS:
    void closeRequested();
    // The user chose a file: the bytes to write there (the page hands them to its controller).
    void exportRequested(const QString &title, const QString &path, const QByteArray &bytes);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuildCharts();
    void rebuildResourceChart(Chart which);
    void rebuildTable();
    void retranslate();
    void onExport();
    [[nodiscard]] QByteArray chartBytes(bool svg) const;
    [[nodiscard]] QByteArray csvBytes() const;
    [[nodiscard]] QByteArray jsonBytes() const;

    ComparisonData m_data;
    QList<Perf::RunResult> m_runs;
    int m_baseline = 0;
    QLabel *m_title = nullptr;
    QComboBox *m_baselineBox = nullptr;
    QLabel *m_baselineLabel = nullptr;
    QTabWidget *m_tabs = nullptr;
    QChartView *m_views[ChartCount] = {};
    QTableWidget *m_table = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_close = nullptr;
    QLabel *m_outcome = nullptr;
    QLabel *m_warnings = nullptr; // why the comparison may mislead
    RebuildWhenShown *m_chartsWhenShown = nullptr; // after a language or palette change
};

} // namespace Meshdeck
