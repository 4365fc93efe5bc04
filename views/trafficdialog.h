#pragma once

#include <mesh/trafficpolicy.h>

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QDialogButtonBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QDoubleSpinBox;
class QTabWidget;
class QTableWidget;

namespace Meshdeck {

// Routing for one Service, the way Istio expresses it: a share per version (a slider each),
// requests sent to a version by header, query parameter or path, fault injection, the timeout and
// retries, circuit breaking. Shows the VirtualService and DestinationRule it will apply as a diff
// against what the cluster has now, refuses values that make no sense before anything is sent, and
// offers to take fields another manager owns.
class TrafficDialog : public QDialog
{
    Q_OBJECT

public:
    // `existing`: the Service's VirtualService and DestinationRule as the cluster has them
    // (empty when there are none); `policy` is prefilled from them.
    TrafficDialog(const Mesh::TrafficPolicy &policy, const QJsonObject &existingVirtualService,
                  const QJsonObject &existingDestinationRule, QWidget *parent = nullptr);

    [[nodiscard]] Mesh::TrafficPolicy policy() const;
    [[nodiscard]] QPlainTextEdit *changes() const { return m_changes; }
    [[nodiscard]] QPushButton *applyButton() const { return m_apply; }
    [[nodiscard]] QPushButton *removeButton() const { return m_remove; }
    [[nodiscard]] QLabel *problems() const { return m_problems; }
    [[nodiscard]] QLabel *status() const { return m_status; }
    [[nodiscard]] QSpinBox *weightBox(int subset) const { return m_weights.value(subset); }
    [[nodiscard]] QSpinBox *delayBox() const { return m_delayMs; }
    [[nodiscard]] QDoubleSpinBox *delayPercentBox() const { return m_delayPercent; }
    // Request routing: one row per rule (match kind, name, value, version).
    [[nodiscard]] QTableWidget *matchTable() const { return m_matches; }
    void addMatch(const Mesh::TrafficPolicy::Match &match);
    [[nodiscard]] QComboBox *tlsBox() const { return m_tls; }
    // Which forms the cluster serves (Istio's kinds, the Gateway API's HTTPRoute) and what
    // Meshdeck's HTTPRoute and version Services for this Service are now (for the diff).
    void setFlavors(bool istio, bool gatewayApi, const QList<QJsonObject> &existingGateway);
    [[nodiscard]] QComboBox *flavorBox() const { return m_flavor; }

public Q_SLOTS:
    // Whether this user may change routing here (the reason when not).
    void setAccess(bool allowed, const QString &reason);
    // The outcome of the apply or removal this dialog asked for.
    void showResult(bool ok, bool conflict, const QString &message);

Q_SIGNALS:
    void applyRequested(const Meshdeck::Mesh::TrafficPolicy &policy, bool force);
    void removeRequested(const QString &ns, const QString &service);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh(); // problems, diff, buttons
    QSpinBox *spin(int min, int max, int value, const QString &suffix = {});
    void retranslateMatchRow(int row);

    Mesh::TrafficPolicy m_base;
    QJsonObject m_existingVs, m_existingDr;
    QList<QJsonObject> m_existingGateway; // version Services, then the HTTPRoute
    bool m_allowed = true;
    bool m_busy = false;
    bool m_forceOffered = false;
    bool m_removing = false;
    QString m_accessReason;
    QLabel *m_title = nullptr;
    QLabel *m_flavorLabel = nullptr;
    QComboBox *m_flavor = nullptr;
    QTabWidget *m_tabs = nullptr;
    QList<QSpinBox *> m_weights;
    QLabel *m_total = nullptr;
    QLabel *m_noVersions = nullptr;
    QPushButton *m_even = nullptr;
    QLabel *m_routingHint = nullptr;
    QTableWidget *m_matches = nullptr;
    QPushButton *m_addMatch = nullptr, *m_removeMatch = nullptr;
    QLabel *m_tlsLabel = nullptr;
    QComboBox *m_tls = nullptr;
    QSpinBox *m_delayMs = nullptr;
    QDoubleSpinBox *m_delayPercent = nullptr;
    QSpinBox *m_abortStatus = nullptr;
    QDoubleSpinBox *m_abortPercent = nullptr;
    QSpinBox *m_timeout = nullptr, *m_attempts = nullptr, *m_perTry = nullptr;
    QLineEdit *m_retryOn = nullptr;
    QSpinBox *m_maxConnections = nullptr, *m_maxPending = nullptr, *m_consecutive = nullptr,
             *m_ejection = nullptr;
    QList<QLabel *> m_labels; // field labels, retranslated by index
    QLabel *m_changesTitle = nullptr;
    QPlainTextEdit *m_changes = nullptr;
    QLabel *m_problems = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_apply = nullptr, *m_remove = nullptr, *m_close = nullptr;
};

} // namespace Meshdeck
