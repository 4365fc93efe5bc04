#pragma once

#include <perf/loadprofile.h>
#include <perf/loadrunner.h>

#include <QWidget>

#include <functional>

class QButtonGroup;
class QCheckBox;
class QTreeWidget;
class QChartView;
class QComboBox;
class QFormLayout;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QLineSeries;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTimer;
class QValueAxis;

namespace Meshdeck {

class OverheadController;
class OverheadDialog;
class ResultsController;
class RunController;

// Edit load-test profiles, run one, and watch it live: progress with elapsed and remaining
// time, requests/s and p50/p99 over time (redrawn a few times a second with replace(), not per
// sample), errors so far. Cancel keeps what was measured; every run lands in Results.
class PerformancePage : public QWidget
{
    Q_OBJECT

public:
    explicit PerformancePage(RunController *runs, QWidget *parent = nullptr);

    // Profiles are read and saved, and result files written, through it (null: none).
    void setResultsController(ResultsController *results);
    // Targets offered in the URL box, e.g. the demo's Bookinfo with and without sidecars.
    void setSuggestedTargets(const QList<QPair<QString, QString>> &targets);
    // Enables Measure Mesh Overhead… (null: hidden).
    void setOverheadController(OverheadController *controller);
    OverheadDialog *openOverheadDialog(); // with the suggested targets; null without a controller
    // Called at each start for the cluster facts recorded with the run.
    void setEnvironmentProvider(std::function<Perf::RunEnvironment()> provider);

    [[nodiscard]] Perf::LoadProfile profileFromForm() const;
    void loadProfile(const Perf::LoadProfile &profile);
    void startRun();

    [[nodiscard]] QChartView *rateChart() const { return m_rateView; }
    [[nodiscard]] QChartView *latencyChart() const { return m_latencyView; }
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    void resultsRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refreshProfiles();
    void onProgress(const Perf::RunProgress &progress);
    void onFinished(const Perf::RunResult &result, const QString &saveError);
    void redraw();
    void onLoadFromChanged();
    void onProtocolChanged(); // streams only for HTTP/2
    void updateGeneratorChoice(); // only the native engine runs in-cluster and HTTP/2
    [[nodiscard]] bool inCluster() const;
    void setRunning(bool running);
    QString validate() const;

    RunController *m_runs;
    ResultsController *m_results = nullptr;
    QString m_selectProfile; // the profile just saved: selected when the list comes back
    std::function<Perf::RunEnvironment()> m_environment;

    QLabel *m_profilesTitle = nullptr;
    QListWidget *m_profiles = nullptr;
    QPushButton *m_newProfile = nullptr;
    QPushButton *m_deleteProfile = nullptr;

    QLabel *m_nameLabel = nullptr, *m_urlLabel = nullptr, *m_methodLabel = nullptr,
           *m_loadLabel = nullptr, *m_connectionsLabel = nullptr, *m_threadsLabel = nullptr,
           *m_protocolLabel = nullptr, *m_grpcMethodLabel = nullptr, *m_durationLabel = nullptr,
           *m_warmupLabel = nullptr, *m_timeoutLabel = nullptr, *m_generatorLabel = nullptr,
           *m_labelsLabel = nullptr, *m_headersLabel = nullptr, *m_bodyLabel = nullptr,
           *m_fromLabel = nullptr;
    // Where the load comes from: this computer, or worker pods of a Job in the cluster.
    QComboBox *m_loadFrom = nullptr;
    QWidget *m_clusterOptions = nullptr;
    QSpinBox *m_workers = nullptr;
    QLineEdit *m_workerNamespace = nullptr;
    QCheckBox *m_inMesh = nullptr;
    QTreeWidget *m_workersView = nullptr;
    QList<QStringList> m_workerRows;
    bool m_workersDirty = false;
    QLineEdit *m_name = nullptr;
    QComboBox *m_url = nullptr;
    QComboBox *m_method = nullptr;
    QRadioButton *m_max = nullptr;
    QRadioButton *m_constant = nullptr;
    QSpinBox *m_rate = nullptr;
    QSpinBox *m_connections = nullptr;
    QSpinBox *m_threads = nullptr;
    QComboBox *m_protocol = nullptr;
    QSpinBox *m_streams = nullptr; // HTTP/2 and gRPC
    QLineEdit *m_grpcMethod = nullptr; // gRPC only
    QFormLayout *m_form = nullptr;
    QDoubleSpinBox *m_duration = nullptr;
    QDoubleSpinBox *m_warmup = nullptr;
    QDoubleSpinBox *m_timeout = nullptr;
    QComboBox *m_generator = nullptr;
    QLineEdit *m_labels = nullptr;
    QPlainTextEdit *m_headers = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_overheadButton = nullptr;
    OverheadController *m_overhead = nullptr;
    OverheadDialog *m_overheadDialog = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_openResults = nullptr;
    QPushButton *m_saveAs = nullptr;

    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_live = nullptr;
    QChartView *m_rateView = nullptr;
    QChartView *m_latencyView = nullptr;
    QLineSeries *m_rateSeries = nullptr;
    QLineSeries *m_p50Series = nullptr;
    QLineSeries *m_p99Series = nullptr;
    QValueAxis *m_rateX = nullptr, *m_rateY = nullptr, *m_latencyX = nullptr, *m_latencyY = nullptr;
    QTimer *m_redraw = nullptr;
    QList<QPointF> m_ratePoints, m_p50Points, m_p99Points;
    Perf::RunProgress m_lastProgress;
    bool m_dirty = false;
    bool m_lastSaved = false; // the last run is in Results (Open in Results offered)
    QString m_statusText;
};

} // namespace Meshdeck
