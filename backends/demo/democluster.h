#pragma once

#include "objectstore.h"

#include <core/result.h>

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <memory>

namespace Meshdeck::Demo {

class Admission;
class ApiServer;
class BookinfoTraffic;
class AccessLog;
class ContainerProcesses;
class DemoPrometheus;
class KubeletStats;
class MeshControlPlane;
class ControllerManager;
struct TlsMaterial;

// The embedded demo cluster: a Kubernetes API server on loopback with simulated controllers
// behind it, started with a scenario (or a saved state) and reachable by any client through the
// kubeconfig it writes. `meshdeck demo-cluster` and `meshdeck --demo` run it; tests use it.
class DemoCluster
{
public:
    enum class Access { Admin, ReadOnly };

    struct Options
    {
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 0; // 0: a free port
        bool tls = false; // HTTPS with a CA made at start and client certificates
        bool tokenAuth = false; // bearer tokens (admin and read-only), over HTTPS
        // Plain HTTP only: requests without credentials act as an administrator. Off, they may
        // read /version and the health checks only; the kubeconfigs carry bearer tokens.
        bool anonymousAdmin = false;
        QString scenario = QStringLiteral("default");
        QString stateFile; // restored at start when it exists, saved at stop
        double timeScale = 1.0; // < 1 makes the simulated controllers faster (tests)
        int bookmarkIntervalMs = 5000;
        bool watchGoneAsHttpStatus = false;
        // Requests served at once before 429 (kube-apiserver's defaults), watches not counted.
        int maxReadsInflight = 400;
        int maxWritesInflight = 200;
        ObjectStore::Options store;
        // Serve Bookinfo as real HTTP services on loopback, with and without sidecar proxies,
        // for load tests (see BookinfoTraffic).
        bool bookinfoTraffic = true;
        // Start a real Prometheus scraping them, when Debian's package is installed; the
        // cluster's istio-system/prometheus service proxies to it.
        bool prometheus = false;
    };

    DemoCluster();
    explicit DemoCluster(Options options);
    ~DemoCluster();

    VoidResult start();
    void stop();

    [[nodiscard]] QString serverUrl() const;
    [[nodiscard]] quint16 port() const;
    [[nodiscard]] QByteArray kubeconfig(Access access = Access::Admin,
                                        const QString &context
                                        = QStringLiteral("meshdeck-demo")) const;
    VoidResult writeKubeconfig(const QString &path, Access access = Access::Admin) const;
    [[nodiscard]] QString adminToken() const { return m_adminToken; }
    [[nodiscard]] QString readOnlyToken() const { return m_readOnlyToken; }
    [[nodiscard]] const TlsMaterial *tls() const { return m_tls.get(); }
    // The Bookinfo endpoints for load tests, or null when not served.
    [[nodiscard]] const BookinfoTraffic *bookinfo() const { return m_bookinfo.get(); }
    // The kubelet's statistics (cAdvisor series, metrics.k8s.io), or null without Bookinfo.
    [[nodiscard]] KubeletStats *kubelet() const { return m_kubelet.get(); }
    [[nodiscard]] MeshControlPlane *controlPlane() const { return m_controlPlane.get(); }
    // The real Prometheus's URL, or empty with the reason in prometheusProblem().
    [[nodiscard]] QString prometheusUrl() const;
    [[nodiscard]] QString prometheusProblem() const { return m_prometheusProblem; }
    bool waitForPrometheus(int timeoutMs) const;

    ObjectStore &store() { return *m_store; }
    ResourceRegistry &registry() { return *m_registry; }
    [[nodiscard]] int openWatchStreams() const;
    // Waits until the controllers have nothing left to do (pods started, rollouts finished).
    bool waitUntilSettled(int timeoutMs);
    VoidResult saveState(const QString &path) const;

private:
    // Where the cluster's Service names lead for a worker in namespace ns (MESHDECK_HOST_ALIASES).
    [[nodiscard]] QString hostAliases(const QString &ns, bool injected) const;
    // What answers for a pod's ports on loopback (containerPort -> port), for port-forward.
    [[nodiscard]] QMap<int, quint16> podPorts(const QJsonObject &pod) const;
    VoidResult restoreState(const QString &path);
    void replayToControllers(bool customOnly);

    Options m_options;
    std::unique_ptr<ResourceRegistry> m_registry;
    std::unique_ptr<ObjectStore> m_store;
    std::unique_ptr<Admission> m_admission;
    std::unique_ptr<ControllerManager> m_controllers;
    std::shared_ptr<AccessLog> m_accessLog; // what the containers answered, for logs
    std::unique_ptr<ApiServer> m_api;
    std::unique_ptr<TlsMaterial> m_tls;
    std::unique_ptr<BookinfoTraffic> m_bookinfo;
    std::unique_ptr<ContainerProcesses> m_processes;
    std::unique_ptr<DemoPrometheus> m_prometheus;
    std::unique_ptr<KubeletStats> m_kubelet;
    std::unique_ptr<MeshControlPlane> m_controlPlane; // the mesh's control plane's real work
    QString m_prometheusProblem;
    QString m_adminToken;
    QString m_readOnlyToken;
    bool m_running = false;
};

} // namespace Meshdeck::Demo
