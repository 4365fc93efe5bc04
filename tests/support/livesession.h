#pragma once

#include <kube/clusterconnection.h>
#include <kube/clustersession.h>

#include <QSignalSpy>
#include <QThread>

// A connected context as the app keeps it: a ClusterSession whose informers a ClusterConnection
// drives on a thread of its own. waitForSync() returns once every watched kind is cached.
class LiveSession
{
public:
    explicit LiveSession(const Meshdeck::Kube::ResolvedContext &context)
        : m_session(std::make_shared<Meshdeck::Kube::ClusterSession>(context))
        , m_connection(new Meshdeck::Kube::ClusterConnection(m_session))
    {
        m_connection->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::started, m_connection,
                         &Meshdeck::Kube::ClusterConnection::start);
        QObject::connect(&m_thread, &QThread::finished, m_connection, &QObject::deleteLater);
        m_synced = std::make_unique<QSignalSpy>(m_connection,
                                                &Meshdeck::Kube::ClusterConnection::synced);
        m_thread.start();
    }
    ~LiveSession()
    {
        QMetaObject::invokeMethod(m_connection, &Meshdeck::Kube::ClusterConnection::stop,
                                  Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    bool waitForSync(int ms = 15000) { return !m_synced->isEmpty() || m_synced->wait(ms); }
    [[nodiscard]] const Meshdeck::Kube::ClusterSessionPtr &session() const { return m_session; }

private:
    Meshdeck::Kube::ClusterSessionPtr m_session;
    QThread m_thread;
    Meshdeck::Kube::ClusterConnection *m_connection;
    std::unique_ptr<QSignalSpy> m_synced;
};
