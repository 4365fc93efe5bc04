#pragma once

#include <mesh/meshdetector.h>

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableWidget;
class QTabWidget;

namespace Meshdeck {

class ChecksPanel;
class ConfigChecksModel;
class EmptyStatePage;
class InstallWizard;
class ResultsController;
class LifecycleController;

// Which service mesh runs in the cluster, and getting one: the catalog with what is installed
// (version, readiness), install and uninstall by plan (the plan is shown before anything
// changes), sidecar injection per namespace, sample applications, and a live log of each
// operation. Without a cluster it says how to connect one.
class LifecyclePage : public QWidget
{
    Q_OBJECT

public:
    explicit LifecyclePage(LifecycleController *controller, QWidget *parent = nullptr);

    [[nodiscard]] QTableWidget *meshTable() const { return m_meshes; }
    [[nodiscard]] QTableWidget *namespaceTable() const { return m_namespaces; }
    [[nodiscard]] QPlainTextEdit *log() const { return m_log; }
    [[nodiscard]] QLabel *status() const { return m_status; }
    // Opens the install wizard for the selected mesh (window-modal); answers it.
    InstallWizard *openInstallWizard();
    // For tests and keyboard users: act on the selected mesh without a confirmation dialog.
    void uninstallSelected(bool confirm = true);
    // Restarts the workloads of the namespace selected in the injection table.
    void restartSelectedNamespace();
    void deploySample(const QString &app, const QString &ns, bool inject);
    // Where the operation history is read from (the results database); null: none shown.
    void setHistorySource(ResultsController *results);
    [[nodiscard]] QTableWidget *historyTable() const { return m_history; }
    // The configuration checks of the connected cluster, in a tab beside the history.
    void setChecksModel(ConfigChecksModel *model);
    [[nodiscard]] ChecksPanel *checksPanel() const { return m_checks; }
    [[nodiscard]] QTabWidget *bottomTabs() const { return m_bottomTabs; }
    // Open Dashboard: a menu of the running add-ons' web UIs (none: disabled, saying why).
    [[nodiscard]] QPushButton *dashboardButton() const { return m_dashboard; }
    // What became of a dashboard asked for: shown in the status line.
    void showDashboardState(const QString &text);
    void refreshHistory();

Q_SIGNALS:
    void clustersRequested();
    void topologyRequested();
    void operationFinished(bool ok);
    // Open an add-on's web UI: forward to the Service's port and open the browser at path.
    void dashboardRequested(const QString &ns, const QString &service, int port,
                            const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showHistory();
    void onDetected(const QList<Mesh::DetectedMesh> &meshes, const QStringList &namespaces);
    [[nodiscard]] QString selectedMesh() const;
    [[nodiscard]] QString activeMesh() const;
    void setBusy(bool busy);
    void appendLog(const QString &line);
    void updateDashboards();

    LifecycleController *m_controller;
    QList<Mesh::DetectedMesh> m_detected;
    QStackedWidget *m_stack = nullptr;
    EmptyStatePage *m_empty = nullptr;
    QWidget *m_content = nullptr;
    QLabel *m_meshesTitle = nullptr, *m_namespacesTitle = nullptr, *m_samplesTitle = nullptr,
           *m_logTitle = nullptr;
    QTableWidget *m_meshes = nullptr;
    QTableWidget *m_namespaces = nullptr;
    QPushButton *m_install = nullptr, *m_uninstall = nullptr, *m_refresh = nullptr,
                *m_cancel = nullptr, *m_restart = nullptr;
    QLabel *m_mtlsLabel = nullptr;
    QComboBox *m_mtls = nullptr;
    QPushButton *m_dashboard = nullptr;
    QMenu *m_dashboardMenu = nullptr;
    QString m_dashboardKey; // the add-ons the menu lists
    QStringList m_namespaceNames;
    QPointer<InstallWizard> m_wizard;
    QLabel *m_appLabel = nullptr, *m_sampleNsLabel = nullptr;
    QString m_shown; // what the tables show, to rebuild them only on a change
    QComboBox *m_app = nullptr;
    QLineEdit *m_sampleNs = nullptr;
    QCheckBox *m_inject = nullptr;
    QPushButton *m_deploy = nullptr, *m_remove = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QTableWidget *m_history = nullptr;
    QLabel *m_historyTitle = nullptr;
    QTabWidget *m_bottomTabs = nullptr;
    ChecksPanel *m_checks = nullptr;
    ResultsController *m_results = nullptr;
    QLabel *m_status = nullptr;
    bool m_filling = false;
};

} // namespace Meshdeck
