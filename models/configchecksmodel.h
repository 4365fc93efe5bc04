#pragma once

#include <kube/clustersession.h>
#include <mesh/configchecks.h>

#include <QAbstractTableModel>
#include <QDateTime>
#include <QTimer>

#include <memory>

namespace Meshdeck {

// The configuration checks of the connected context, one finding per row (errors first). The
// objects come from the session's cache (a shallow copy, taken on the GUI thread); the checks
// run on the thread pool, again at most every few seconds while the cluster changes.
class ConfigChecksModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SeverityColumn, ObjectColumn, FieldColumn, MessageColumn, ColumnCount };

    explicit ConfigChecksModel(QObject *parent = nullptr);
    ~ConfigChecksModel() override;

    void setSession(const Kube::ClusterSessionPtr &session);
    // Checks now (or as soon as the running check ends).
    void refresh();
    // Something in the cluster changed: checks again within a few seconds.
    void scheduleRefresh();

    [[nodiscard]] bool hasRun() const { return m_checkedAt.isValid(); }
    [[nodiscard]] bool running() const { return m_running; }
    [[nodiscard]] int errorCount() const { return m_errors; }
    [[nodiscard]] int warningCount() const { return int(m_findings.size()) - m_errors; }
    [[nodiscard]] int routingObjectCount() const;
    [[nodiscard]] bool istioServed() const;
    [[nodiscard]] bool gatewayApiServed() const;
    [[nodiscard]] QDateTime checkedAt() const { return m_checkedAt; }
    [[nodiscard]] double lastCheckMs() const { return m_lastCheckMs; }
    [[nodiscard]] const QList<Mesh::ConfigFinding> &findings() const { return m_findings; }
    [[nodiscard]] const Mesh::ConfigFinding &finding(int row) const { return m_findings.at(row); }
    // The object a finding is about, as it was when it was checked (empty when not found).
    [[nodiscard]] QJsonObject objectOf(const Mesh::ConfigFinding &finding) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void runningChanged(bool running);
    // New findings are in (also when they did not change).
    void checked();

private:
    struct Outcome
    {
        std::shared_ptr<const Mesh::ConfigObjects> objects;
        QList<Mesh::ConfigFinding> findings;
        double ms = 0;
    };
    void start();
    void finish(const Outcome &outcome, quint64 generation);

    Kube::ClusterSessionPtr m_session;
    std::shared_ptr<const Mesh::ConfigObjects> m_objects;
    QList<Mesh::ConfigFinding> m_findings;
    int m_errors = 0;
    QDateTime m_checkedAt;
    double m_lastCheckMs = 0;
    bool m_running = false;
    bool m_again = false;
    quint64 m_generation = 0; // a new session makes running checks stale
    QTimer m_debounce;
};

} // namespace Meshdeck
