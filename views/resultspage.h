#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace Meshdeck {

class ComparisonView;
class OverheadReportView;
class EmptyStatePage;
class ResultsController;
class RunsTableModel;

// Every stored run in a sortable, filterable table (lazy: 100,000 runs open instantly);
// select 2 to 6 and Compare to see their distributions side by side. Import and export result
// files (Meshdeck, fortio JSON, SMP JSON). A damaged, locked or newer database is explained at
// the top with what to do about it.
class ResultsPage : public QWidget
{
    Q_OBJECT

public:
    // The controller holds the database (set there); the page shows it and asks it for work.
    explicit ResultsPage(ResultsController *controller, QWidget *parent = nullptr);
    ~ResultsPage() override;

    void reload();
    // Compares these runs (2 to 6), loading them on a worker; comparisonReady() when drawn.
    void compare(const QStringList &ids);
    // The overhead report of the experiments these runs belong to (label "experiment"), built
    // on a worker; overheadReportReady() when shown.
    void showOverheadReport(const QStringList &ids);
    [[nodiscard]] OverheadReportView *overheadView() const { return m_overheadView; }

    [[nodiscard]] RunsTableModel *model() const { return m_model; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] ComparisonView *comparison() const { return m_comparison; }
    [[nodiscard]] QLineEdit *filterEdit() const { return m_filter; }

Q_SIGNALS:
    void comparisonReady();
    void overheadReportReady();
    void performanceRequested(); // the empty state's button

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateButtons();
    void onImport();
    void onExport();
    void onDelete();
    void showProblem(const QString &title, const QString &text);
    void onFileWorkFinished(const QString &title, const QString &problem, const QString &path);
    [[nodiscard]] QStringList selectedIds() const;

    ResultsController *m_controller = nullptr;
    RunsTableModel *m_model = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_opening = nullptr;
    EmptyStatePage *m_empty = nullptr;
    QWidget *m_listPage = nullptr;
    QLabel *m_problem = nullptr;
    QLabel *m_outcome = nullptr;
    QPushButton *m_fresh = nullptr;
    QPushButton *m_retry = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_count = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_compare = nullptr;
    QPushButton *m_overheadReport = nullptr;
    QPushButton *m_overheadBack = nullptr;
    QWidget *m_overheadPage = nullptr;
    OverheadReportView *m_overheadView = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_delete = nullptr;
    ComparisonView *m_comparison = nullptr;
    bool m_waiting = false; // a comparison or report asked from here is loading
};

} // namespace Meshdeck
