#pragma once

#include <kube/portforwarder.h>

#include <QAbstractTableModel>
#include <QThread>
#include <QUrl>

#include <memory>

namespace Meshdeck {

// The port forwards of the connected context, one row each: target, local and remote port, the
// pod reached, state, bytes moved, connections. The forwarders run on a thread of their own;
// rows follow their state a few times a second at most. stopAll() ends them all (disconnect,
// context switch).
class PortForwardModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TargetColumn,
        LocalColumn,
        PodColumn,
        StateColumn,
        TrafficColumn,
        ConnectionsColumn,
        ColumnCount
    };
    enum Role { UrlRole = Qt::UserRole + 1 };

    explicit PortForwardModel(QObject *parent = nullptr);
    ~PortForwardModel() override;

    // Starts a forward; the row appears at once, its state follows (failures say why).
    void add(std::shared_ptr<Kube::KubeClient> client, const Kube::PortForwarder::Spec &spec);
    // A web UI behind the target (an add-on's dashboard): an existing forward to the same
    // namespace, kind, name and remote port is reused, else one is started on a free port;
    // openRequested follows once it listens, openFailed when it cannot.
    void openInBrowser(std::shared_ptr<Kube::KubeClient> client,
                       const Kube::PortForwarder::Spec &spec, const QString &path);
    void remove(int row);
    void stopAll();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    // A forward is listening: where to open it (http://127.0.0.1:PORT/).
    void started(const QString &url);
    void openRequested(const QUrl &url);
    void openFailed(const QString &target, const QString &error);

private:
    struct Row
    {
        Kube::PortForwarder *forwarder = nullptr; // lives on m_thread
        Kube::PortForwarder::Spec spec;
        Kube::PortForwarder::State state = Kube::PortForwarder::State::Idle;
        quint16 localPort = 0;
        QString pod;
        QString error;
        qint64 bytesIn = 0;
        qint64 bytesOut = 0;
        int open = 0;
        int total = 0;
        quint64 id = 0;
        QString openPath; // to open in the browser once listening ("" when not asked)
    };
    void update(quint64 id, const Row &snapshot);

    QThread m_thread;
    QList<Row> m_rows;
    quint64 m_nextId = 1;
};

} // namespace Meshdeck
