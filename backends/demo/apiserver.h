#pragma once

#include "resourcetype.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <QMap>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace httplib {
class DataSink;
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace Meshdeck::Demo {

class AccessLog;
class ContainerProcesses;
class KubeletStats;
class StreamServer;
struct StreamTicket;

class Admission;
class ObjectStore;
struct TlsMaterial;

// The demo cluster's Kubernetes API over HTTP/1.1 (cpp-httplib, one thread per connection so that
// long watches never starve other requests): discovery, CRUD, paged LIST, WATCH with bookmarks,
// Tables, patches, server-side apply, deletion with garbage collection, subresources (status,
// scale, log), access reviews; with optional TLS client certificates and bearer tokens.
class ApiServer
{
public:
    struct Options
    {
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 0; // 0: a free port
        const TlsMaterial *tls = nullptr; // serve HTTPS and accept its client certificates
        QString adminToken; // non-empty: bearer tokens are accepted/required
        QString readOnlyToken;
        bool requireAuth = false; // anonymous requests get 401
        // Without credentials on plain HTTP: false, only /version and the health checks answer
        // (403 otherwise, as a cluster with anonymous auth and default RBAC does); true, the
        // request acts as an administrator (`meshdeck demo-cluster --allow-anonymous`).
        bool anonymousAdmin = false;
        int bookmarkIntervalMs = 5000;
        qint64 maxBodyBytes = 3 * 1024 * 1024;
        // Requests served at once, as kube-apiserver's --max-requests-inflight and
        // --max-mutating-requests-inflight: one more is 429 with Retry-After. Watches, log
        // follows and other long-running requests are not counted.
        int maxReadsInflight = 400;
        int maxWritesInflight = 200;
        // How long a connection may wait for its first (or next) request.
        int idleSeconds = 30;
        bool watchGoneAsHttpStatus = false; // 410 for too-old watches as HTTP status, not an event
        // Pods that run as real processes: their logs are the processes' output.
        const ContainerProcesses *processes = nullptr;
        // What the demo's containers answered, for their logs (none: start-up lines only).
        const AccessLog *accessLog = nullptr;
    };

    // Requests to /api/v1/namespaces/NS/services/NAME[:PORT]/proxy/... go to 127.0.0.1:port, as
    // the API server's service proxy reaches a Service's pods (the demo's Prometheus).
    void setServiceProxy(const QString &ns, const QString &name, quint16 port);
    // Where metrics.k8s.io is answered from; null: the API answers 503, as a cluster whose
    // metrics-server is down does. Waits for requests using the previous one.
    void setMetrics(KubeletStats *stats);
    // Where exec and port-forward lead inside the demo's network: a pod's ports (containerPort
    // -> the loopback port that answers for it) and the names its commands resolve (see
    // DemoCluster::hostAliases). Unset: nothing listens in the pods.
    struct PodNetwork
    {
        std::function<QMap<int, quint16>(const QJsonObject &pod)> ports;
        std::function<QString(const QString &ns, bool injected)> aliases;
    };
    void setPodNetwork(PodNetwork network);

    ApiServer(ObjectStore &store, ResourceRegistry &registry, Admission &admission,
              Options options);
    ~ApiServer();

    // Binds and starts serving on a background thread. Returns the port, or 0 on failure.
    quint16 start();
    void stop();
    [[nodiscard]] quint16 port() const { return m_port; }

    [[nodiscard]] int openWatchStreams() const { return m_openStreams.load(); }

    struct User
    {
        QString name;
        QStringList groups;
        bool canWrite = false;
        bool canRead = true;
    };

private:
    void handle(const httplib::Request &req, httplib::Response &res);
    User authenticate(const httplib::Request &req) const;
    void dispatch(const httplib::Request &req, httplib::Response &res, const User &user);
    void serveResource(const httplib::Request &req, httplib::Response &res, const User &user,
                       const ResourceType &type, const QString &ns, const QString &name,
                       const QString &subresource);
    void serveList(const httplib::Request &req, httplib::Response &res, const ResourceType &type,
                   const QString &ns);
    void serveWatch(const httplib::Request &req, httplib::Response &res, const ResourceType &type,
                    const QString &ns, const QString &name);
    void serveProcessLogs(const httplib::Request &req, httplib::Response &res, const QString &uid);
    void streamLog(const httplib::Request &req, httplib::Response &res, const QByteArray &history,
                   std::function<bool(httplib::DataSink &)> more);
    void serveLogs(const httplib::Request &req, httplib::Response &res, const QJsonObject &pod);
    void serveForward(const httplib::Request &req, httplib::Response &res, StreamTicket ticket);
    void serveStream(const httplib::Request &req, httplib::Response &res, const QJsonObject &pod,
                     const QString &sub);
    QJsonObject create(const httplib::Request &req, const ResourceType &type, const QString &ns,
                       const QJsonObject &body, int *status);
    // The store's update, and the deletion it completes when the last finalizer went.
    QJsonObject storeUpdate(const ResourceType &type, const QJsonObject &next, bool checkVersion);
    QJsonObject update(const httplib::Request &req, const ResourceType &type, const QString &ns,
                       const QString &name, const QString &subresource, const QJsonObject &body);
    QJsonObject patch(const httplib::Request &req, const ResourceType &type, const QString &ns,
                      const QString &name, const QString &subresource, int *status);
    QJsonObject remove(const httplib::Request &req, const ResourceType &type, const QString &ns,
                       const QString &name, int *status, bool *deletedNow = nullptr);
    // What a DELETE that removed the object at once answers: the object or a Status, per kind.
    static QJsonObject deletedStatus(const ResourceType &type, const QJsonObject &gone);
    QJsonObject accessReview(const QJsonObject &body, const User &user, bool rules);
    bool proxyToService(const httplib::Request &req, httplib::Response &res, const User &user);

    ObjectStore &m_store;
    ResourceRegistry &m_registry;
    Admission &m_admission;
    Options m_options;
    std::unique_ptr<httplib::Server> m_server;
    std::thread m_thread;
    quint16 m_port = 0;
    std::atomic_bool m_stopping {false};
    std::mutex m_proxiesMutex;
    QMap<QString, quint16> m_proxies; // "ns/name" -> loopback port
    std::atomic_int m_openStreams {0};
    std::atomic_int m_readsInflight {0};
    std::atomic_int m_writesInflight {0};
    std::mutex m_metricsMutex;
    KubeletStats *m_metrics = nullptr;
    std::unique_ptr<StreamServer> m_streams; // exec and port-forward sessions
    std::mutex m_networkMutex;
    PodNetwork m_network;
};

} // namespace Meshdeck::Demo
