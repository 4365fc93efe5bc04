#pragma once

#include <overhead/overheadreport.h>

#include <QWidget>

class QChartView;
class QLabel;
class QPushButton;
class QTableWidget;

namespace Meshdeck {

class RebuildWhenShown;
class ResultsController;

// The mesh overhead report: a row per rate in the form Istio publishes (added latency with its
// spread, proxy vCPU per 1,000 requests/s, memory, control plane), the added latency drawn
// against the rate, and export to one HTML file or a PNG (written by the ResultsController).
class OverheadReportView : public QWidget
{
    Q_OBJECT

public:
    explicit OverheadReportView(QWidget *parent = nullptr);

    void setReport(const Overhead::OverheadReport &report);
    [[nodiscard]] QTableWidget *table() const { return m_table; }
    [[nodiscard]] QChartView *chart() const { return m_chart; }

    // The controller that writes exported files (on its worker); none: export says so.
    void setFileWriter(ResultsController *writer);
    // Writes the HTML report (or, for a .png path, the table and chart as an image) through
    // the file writer; `done` gets an empty string or the problem.
    void exportTo(const QString &path, std::function<void(const QString &problem)> done);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void rebuildTable();
    void rebuildChart();

    Overhead::OverheadReport m_report;
    QLabel *m_title = nullptr;
    QLabel *m_notes = nullptr;
    QTableWidget *m_table = nullptr;
    QChartView *m_chart = nullptr;
    QPushButton *m_export = nullptr;
    ResultsController *m_writer = nullptr;
    RebuildWhenShown *m_chartWhenShown = nullptr; // after a language or palette change
};

} // namespace Meshdeck
