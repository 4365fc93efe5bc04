#pragma once

#include "kubeconfig.h"

#include <core/canceltoken.h>
#include <core/httptypes.h>
#include <core/result.h>

#include <QJsonObject>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

namespace Meshdeck {
class HttpEngine;
}

namespace Meshdeck::Kube {

class ExecCredentialProvider;
class RateLimiter;

struct ServerVersion
{
    QString gitVersion; // "v1.32.2"
    int major = 0;
    int minor = 0;
    QString platform;
    QString gitCommit; // "meshdeck-demo" on Meshdeck's demo cluster
    [[nodiscard]] bool demoCluster() const { return gitCommit == QLatin1String("meshdeck-demo"); }
};

// One kind the server serves, from discovery.
struct ApiResource
{
    QString group;
    QString version;
    QString kind;
    QString plural;
    bool namespaced = true;
    QStringList verbs;
    QStringList shortNames;

    [[nodiscard]] QString apiVersion() const
    {
        return group.isEmpty() ? version : group + QLatin1Char('/') + version;
    }
    // "/api/v1/namespaces/NS/pods" or "/apis/apps/v1/deployments" (ns empty: all namespaces).
    [[nodiscard]] QString collectionPath(const QString &ns = {}) const;
};

// A REST client for one cluster context, over the shared HttpEngine. Applies the context's
// credentials (token, client certificate, exec plugin with refresh on 401), a client-side rate
// limit, and retries with jittered backoff: 429 (honouring Retry-After) always, 5xx and
// connection failures on idempotent requests only. Errors carry the server's Status message
// and say what to do. The blocking calls are for the cluster's worker thread, never the GUI's.
class KubeClient
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::Kube::KubeClient)

public:
    struct Options
    {
        double qps = 50;
        int burst = 100;
        int maxAttempts = 4;
        std::chrono::milliseconds backoff {200};
        std::chrono::milliseconds requestTimeout {30'000};
    };

    struct ListResult
    {
        QList<QJsonObject> items;
        QString resourceVersion;
        int pages = 0;
    };

    struct WatchEvent
    {
        QString type; // ADDED, MODIFIED, DELETED, BOOKMARK, ERROR
        QJsonObject object;
    };

    KubeClient(ResolvedContext context, std::shared_ptr<HttpEngine> engine,
               std::shared_ptr<ExecCredentialProvider> exec = {});
    KubeClient(ResolvedContext context, std::shared_ptr<HttpEngine> engine,
               std::shared_ptr<ExecCredentialProvider> exec, Options options);
    ~KubeClient();

    // The client of `context` in the kubeconfig at `kubeconfig` (empty: $KUBECONFIG, else
    // ~/.kube/config; empty context: the current one), on an engine of its own: what the
    // command-line tools connect with.
    [[nodiscard]] static Result<std::shared_ptr<KubeClient>>
    fromKubeconfig(const QString &kubeconfig, const QString &context);

    [[nodiscard]] const ResolvedContext &context() const { return m_context; }

    [[nodiscard]] Result<QJsonObject> get(const QString &path, const CancelToken &cancel = {});
    [[nodiscard]] Result<QJsonObject> send(const QByteArray &method, const QString &path,
                                           const QByteArray &body = {},
                                           const QByteArray &contentType = "application/json",
                                           const CancelToken &cancel = {});
    // The raw answer to a GET, whatever its status (for service proxies, whose bodies are not
    // Kubernetes objects). Transport errors still fail.
    [[nodiscard]] Result<HttpResponse> getRaw(const QString &path, const CancelToken &cancel = {});
    [[nodiscard]] Result<ServerVersion> version(const CancelToken &cancel = {});
    [[nodiscard]] Result<QList<ApiResource>> discover(const CancelToken &cancel = {});
    // Every page of a LIST (limit/continue), with the list's resourceVersion.
    [[nodiscard]] Result<ListResult> list(const QString &collectionPath, int pageSize = 500,
                                          const QString &labelSelector = {},
                                          const CancelToken &cancel = {});
    // SelfSubjectAccessReview: may the user do `verb` on `resource`?
    [[nodiscard]] Result<bool> canI(const QString &verb, const QString &group,
                                    const QString &resource, const QString &ns = {},
                                    const CancelToken &cancel = {});
    // Server-side apply with fieldManager "meshdeck"; a 409 lists the conflicting managers.
    [[nodiscard]] Result<QJsonObject> apply(const QString &objectPath, const QByteArray &manifest,
                                            bool force = false, const CancelToken &cancel = {});
    [[nodiscard]] Result<QJsonObject>
    remove(const QString &objectPath, const QString &propagation = QStringLiteral("Background"),
           const CancelToken &cancel = {});

    // Starts a WATCH (allowWatchBookmarks, timeoutSeconds) from resourceVersion. onEvent runs on
    // the engine's thread for each event; onClosed once, with the error or nullptr when the server
    // ended the stream normally. A malformed event ends the stream with a ProtocolError.
    CancelToken watch(const QString &collectionPath, const QString &resourceVersion,
                      int timeoutSeconds, std::function<void(const WatchEvent &)> onEvent,
                      std::function<void(const Error *)> onClosed);

    // Streams a container's log (follow: keeps the stream open for new lines). onData runs on the
    // engine's thread with raw chunks; onClosed once, with the error or nullptr.
    CancelToken streamLogs(const QString &ns, const QString &pod, const QString &container,
                           int tailLines, bool follow,
                           std::function<void(const QByteArray &)> onData,
                           std::function<void(const Error *)> onClosed);

    // A GET of `path` with this context's credentials applied (token, client certificate, exec
    // plugin), for a connection that upgrades (exec, port-forward). Blocks while an exec plugin
    // runs.
    [[nodiscard]] Result<HttpRequest> upgradeRequest(const QString &path);

    // Requests sent so far (each attempt counts; watches and log streams included): how the
    // figures count API traffic.
    [[nodiscard]] int requestCount() const { return m_requests.load(); }

    // Maps an HTTP error answer (with its Status body) to an Error saying what to do.
    [[nodiscard]] Error statusError(int status, const QByteArray &body, const QByteArray &method,
                                    const QString &path) const;

private:
    [[nodiscard]] Result<HttpRequest> makeRequest(const QByteArray &method, const QString &path,
                                                  const QByteArray &body,
                                                  const QByteArray &contentType);
    // A GET for a long-lived stream: no overall timeout, no compression (it would hold small
    // writes back), an idle limit (0: none).
    [[nodiscard]] Result<HttpRequest> streamRequest(const QString &path, std::chrono::seconds idle);
    [[nodiscard]] Result<HttpResponse> execute(const QByteArray &method, const QString &path,
                                               const QByteArray &body,
                                               const QByteArray &contentType,
                                               const CancelToken &cancel);

    ResolvedContext m_context;
    std::shared_ptr<HttpEngine> m_engine;
    std::shared_ptr<ExecCredentialProvider> m_exec;
    Options m_options;
    std::unique_ptr<RateLimiter> m_limiter;
    std::atomic_int m_requests {0};
};

} // namespace Meshdeck::Kube
