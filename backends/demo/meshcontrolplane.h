#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace Meshdeck::Demo {

class ObjectStore;

// The work a mesh's control plane does, done for real so that its CPU and memory can be
// measured rather than invented: while a control plane runs in the demo (Istio's istiod, or
// Linkerd's destination and identity), it follows the cluster's objects and, 100 ms after the
// last change (istiod's debounce), computes every proxy's configuration the way a discovery
// service does (all Services with their ready endpoints, the VirtualServices' routes, the pod's
// inbound ports), serialises it, and pushes it to the proxies whose configuration changed
// (stored per proxy; an unchanged one is not sent again). Each new proxy gets a workload
// certificate for its SPIFFE identity, signed by the mesh's own CA (a fresh EC P-256 key each), as
// istiod's CA and Linkerd's identity issue them. CPU is this thread's CPU clock, split between
// discovery and identity by the time each task took; memory is the configuration and certificates
// it holds for the proxies.
class MeshControlPlane
{
public:
    explicit MeshControlPlane(ObjectStore *store);
    ~MeshControlPlane();

    void start();
    void stop();

    struct Usage
    {
        double discoveryCpuSeconds = 0; // computing and pushing configuration
        double identityCpuSeconds = 0; // issuing certificates
        qint64 discoveryBytes = 0; // configuration held for the proxies
        qint64 identityBytes = 0; // certificates and keys held
    };
    [[nodiscard]] Usage usage() const;

    struct Stats
    {
        quint64 rebuilds = 0; // debounced recomputations
        quint64 pushes = 0; // configurations sent to a proxy because they changed
        quint64 certificates = 0;
        int proxies = 0;
    };
    [[nodiscard]] Stats stats() const;
    // The configuration last pushed to a proxy (pod uid), for tests; empty if none.
    [[nodiscard]] QByteArray configOf(const QString &podUid) const;

private:
    void run();
    void rebuild();

    ObjectStore *m_store;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;

    // Guarded by m_mutex.
    QMap<QString, QByteArray> m_pushed; // pod uid -> configuration
    QMap<QString, QByteArray> m_certificates; // pod uid -> certificate and key PEM
    Usage m_usage;
    Stats m_stats;

    // Control plane thread only.
    QByteArray m_caCert;
    QByteArray m_caKey;
    long m_serial = 1;
    QByteArray m_watched; // digest of the followed objects' versions at the last push
};

} // namespace Meshdeck::Demo
