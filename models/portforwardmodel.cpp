#include "portforwardmodel.h"

#include <QLocale>
#include <QTimer>

#include <atomic>

namespace Meshdeck {

PortForwardModel::PortForwardModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_thread.setObjectName(QStringLiteral("port-forward"));
    m_thread.start();
}

PortForwardModel::~PortForwardModel()
{
    stopAll();
    m_thread.quit();
    m_thread.wait();
}

void PortForwardModel::add(std::shared_ptr<Kube::KubeClient> client,
                           const Kube::PortForwarder::Spec &spec)
{
    Row row;
    row.spec = spec;
    row.id = m_nextId++;
    auto *forwarder = new Kube::PortForwarder(std::move(client), spec);
    forwarder->moveToThread(&m_thread);
    row.forwarder = forwarder;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    m_rows << row;
    endInsertRows();
    const quint64 id = row.id;
    // Snapshots are taken on the forwarder's thread and posted here.
    const auto snapshot = [this, forwarder, id](const QString &error) {
        Row s;
        s.state = forwarder->state();
        s.localPort = forwarder->localPort();
        s.pod = forwarder->pod();
        s.error = error.isEmpty() ? forwarder->lastError() : error;
        s.bytesIn = forwarder->bytesIn();
        s.bytesOut = forwarder->bytesOut();
        s.open = forwarder->openConnections();
        s.total = forwarder->totalConnections();
        QMetaObject::invokeMethod(this, [this, id, s] { update(id, s); });
    };
    // Busy forwards change with every connection: the row follows at most four times a second.
    auto scheduled = std::make_shared<std::atomic_bool>(false);
    connect(forwarder, &Kube::PortForwarder::changed, forwarder,
            [this, forwarder, snapshot, scheduled] {
                if (scheduled->exchange(true))
                    return;
                QMetaObject::invokeMethod(this, [this, forwarder, snapshot, scheduled] {
                    QTimer::singleShot(250, this, [this, forwarder, snapshot, scheduled] {
                        scheduled->store(false);
                        // Only while the row exists: remove() hands the forwarder to deletion.
                        for (const Row &r : std::as_const(m_rows))
                            if (r.forwarder == forwarder)
                                QMetaObject::invokeMethod(forwarder, [snapshot] { snapshot({}); });
                    });
                });
            });
    QMetaObject::invokeMethod(forwarder, [forwarder, snapshot] {
        QString error;
        forwarder->start(&error);
        snapshot(error);
    });
}

void PortForwardModel::openInBrowser(std::shared_ptr<Kube::KubeClient> client,
                                     const Kube::PortForwarder::Spec &spec, const QString &path)
{
    for (Row &r : m_rows) {
        if (r.spec.ns != spec.ns || r.spec.kind != spec.kind || r.spec.name != spec.name
            || r.spec.remotePort != spec.remotePort || r.state == Kube::PortForwarder::State::Failed
            || r.state == Kube::PortForwarder::State::Stopped)
            continue;
        if (r.localPort != 0)
            emit openRequested(
                QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(r.localPort).arg(path)));
        else
            r.openPath = path; // still starting
        return;
    }
    Kube::PortForwarder::Spec fresh = spec;
    fresh.localPort = 0;
    add(std::move(client), fresh);
    m_rows.last().openPath = path;
}

void PortForwardModel::update(quint64 id, const Row &s)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        Row &r = m_rows[i];
        if (r.id != id)
            continue;
        const bool nowListening = r.localPort == 0 && s.localPort != 0;
        r.state = s.state;
        r.localPort = s.localPort;
        r.pod = s.pod;
        r.error = s.error;
        r.bytesIn = s.bytesIn;
        r.bytesOut = s.bytesOut;
        r.open = s.open;
        r.total = s.total;
        emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
        if (nowListening)
            emit started(QStringLiteral("http://127.0.0.1:%1/").arg(s.localPort));
        if (!r.openPath.isEmpty() && s.localPort != 0) {
            emit openRequested(
                QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(s.localPort).arg(r.openPath)));
            r.openPath.clear();
        } else if (!r.openPath.isEmpty() && s.state == Kube::PortForwarder::State::Failed) {
            r.openPath.clear();
            emit openFailed(index(i, TargetColumn).data().toString(), s.error);
        }
        return;
    }
}

void PortForwardModel::remove(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    Kube::PortForwarder *forwarder = m_rows.at(row).forwarder;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    disconnect(forwarder, nullptr, this, nullptr);
    QMetaObject::invokeMethod(forwarder, [forwarder] { forwarder->stop(); });
    forwarder->deleteLater(); // on its thread, at the latest when the thread finishes
}

void PortForwardModel::stopAll()
{
    while (!m_rows.isEmpty())
        remove(int(m_rows.size()) - 1);
}

int PortForwardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PortForwardModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PortForwardModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    if (role == UrlRole)
        return r.localPort ? QStringLiteral("http://127.0.0.1:%1/").arg(r.localPort) : QString();
    if (role == Qt::ToolTipRole)
        return r.error.isEmpty() ? QVariant() : QVariant(r.error);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case TargetColumn:
        return QStringLiteral("%1/%2/%3:%4")
            .arg(r.spec.ns,
                 r.spec.kind == QLatin1String("service") ? QStringLiteral("svc")
                                                         : QStringLiteral("pod"),
                 r.spec.name)
            .arg(r.spec.remotePort);
    case LocalColumn:
        return r.localPort ? QStringLiteral("127.0.0.1:%1").arg(r.localPort) : QString();
    case PodColumn:
        return r.pod;
    case StateColumn:
        switch (r.state) {
        case Kube::PortForwarder::State::Idle:
            return tr("Starting…");
        case Kube::PortForwarder::State::Listening:
            return r.error.isEmpty() ? tr("Forwarding")
                                     : tr("Forwarding (last error: %1)").arg(r.error);
        case Kube::PortForwarder::State::Failed:
            return tr("Failed: %1").arg(r.error);
        case Kube::PortForwarder::State::Stopped:
            return tr("Stopped");
        }
        return {};
    case TrafficColumn:
        return tr("%1 in, %2 out")
            .arg(locale.formattedDataSize(r.bytesIn), locale.formattedDataSize(r.bytesOut));
    case ConnectionsColumn:
        return tr("%1 open, %2 in all").arg(r.open).arg(r.total);
    }
    return {};
}

QVariant PortForwardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TargetColumn:
        return tr("Target");
    case LocalColumn:
        return tr("Local address");
    case PodColumn:
        return tr("Pod");
    case StateColumn:
        return tr("State");
    case TrafficColumn:
        return tr("Traffic");
    case ConnectionsColumn:
        return tr("Connections");
    }
    return {};
}

} // namespace Meshdeck
