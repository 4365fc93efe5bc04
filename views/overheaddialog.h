#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace Meshdeck {

class OverheadController;
class OverheadReportView;

// Performance → Measure Mesh Overhead…: the same load against the target without and with the
// mesh at a ladder of rates, arms interleaved and repeated; progress run by run, then the report
// (which stays in Results as the experiment's runs).
class OverheadDialog : public QDialog
{
    Q_OBJECT

public:
    OverheadDialog(OverheadController *controller, QWidget *parent = nullptr);

    // (label, URL) pairs offered for both arms, e.g. the demo's Bookinfo with and without
    // sidecars: the first target whose label mentions sidecars goes to the mesh arm.
    void setTargets(const QList<QPair<QString, QString>> &targets);
    void start();
    [[nodiscard]] OverheadReportView *reportView() const { return m_report; }
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }
    [[nodiscard]] QCheckBox *inClusterBox() const { return m_inCluster; }
    [[nodiscard]] QCheckBox *beforeAfterBox() const { return m_beforeAfter; }

protected:
    void changeEvent(QEvent *event) override;
    void reject() override;

private:
    void retranslate();
    void setRunning(bool running);
    void selectDefaultTargets();
    [[nodiscard]] QString validate(QList<double> *rates) const;

    OverheadController *m_controller;
    QLabel *m_intro = nullptr;
    QLabel *m_baselineLabel = nullptr, *m_meshLabel = nullptr, *m_namespaceLabel = nullptr,
           *m_ratesLabel = nullptr, *m_repeatLabel = nullptr, *m_durationLabel = nullptr,
           *m_warmupLabel = nullptr, *m_connectionsLabel = nullptr, *m_workersLabel = nullptr;
    QComboBox *m_baseline = nullptr;
    QComboBox *m_mesh = nullptr;
    QLineEdit *m_namespace = nullptr;
    QLineEdit *m_rates = nullptr;
    QSpinBox *m_repeat = nullptr;
    QDoubleSpinBox *m_duration = nullptr;
    QDoubleSpinBox *m_warmup = nullptr;
    QSpinBox *m_connections = nullptr;
    QCheckBox *m_inCluster = nullptr; // the load from worker pods, not this computer
    QCheckBox *m_beforeAfter = nullptr; // one namespace before and after injection
    QSpinBox *m_workers = nullptr;
    QString m_serviceTarget; // what workers inside the cluster reach (the demo's productpage)
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QPlainTextEdit *m_log = nullptr;
    OverheadReportView *m_report = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace Meshdeck
