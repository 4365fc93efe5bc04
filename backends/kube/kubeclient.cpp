#include "kubeclient.h"

#include "execcredential.h"
#include "ratelimiter.h"

#include <core/httpengine.h>
#include <core/logging.h>
#include <core/redact.h>
#include <core/yaml.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrlQuery>

#include <memory>
#include <thread>

namespace Meshdeck::Kube {

namespace {

bool idempotent(const QByteArray &method)
{
    return method == "GET" || method == "HEAD";
}

std::chrono::milliseconds jittered(std::chrono::milliseconds base, int attempt)
{
    const double factor
        = double(1 << qMin(attempt, 6)) * (0.5 + QRandomGenerator::global()->generateDouble());
    return std::chrono::milliseconds(qint64(double(base.count()) * factor));
}

QJsonObject parseObject(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

} // namespace

QString ApiResource::collectionPath(const QString &ns) const
{
    const QString base = group.isEmpty() ? QStringLiteral("/api/") + version
                                         : QStringLiteral("/apis/%1/%2").arg(group, version);
    if (namespaced && !ns.isEmpty())
        return QStringLiteral("%1/namespaces/%2/%3").arg(base, ns, plural);
    return base + QLatin1Char('/') + plural;
}

KubeClient::KubeClient(ResolvedContext context, std::shared_ptr<HttpEngine> engine,
                       std::shared_ptr<ExecCredentialProvider> exec)
    : KubeClient(std::move(context), std::move(engine), std::move(exec), Options {})
{
}

KubeClient::KubeClient(ResolvedContext context, std::shared_ptr<HttpEngine> engine,
                       std::shared_ptr<ExecCredentialProvider> exec, Options options)
    : m_context(std::move(context))
    , m_engine(std::move(engine))
    , m_exec(exec ? std::move(exec) : std::make_shared<ExecCredentialProvider>())
    , m_options(options)
    , m_limiter(std::make_unique<RateLimiter>(options.qps, options.burst))
{
    if (const QString warning = m_context.plainHttpWarning(); !warning.isEmpty())
        qCWarning(lcKube).noquote() << warning;
}

KubeClient::~KubeClient() = default;

Result<std::shared_ptr<KubeClient>> KubeClient::fromKubeconfig(const QString &kubeconfig,
                                                               const QString &context)
{
    const auto config = Kubeconfig::load(kubeconfig);
    if (!config)
        return Unexpected(config.error());
    const auto resolved = config->resolve(context);
    if (!resolved)
        return Unexpected(resolved.error());
    return std::make_shared<KubeClient>(*resolved, std::make_shared<HttpEngine>());
}

Result<HttpRequest> KubeClient::makeRequest(const QByteArray &method, const QString &path,
                                            const QByteArray &body, const QByteArray &contentType)
{
    HttpRequest r;
    r.method = method;
    QUrl url = m_context.server;
    const QString query = path.section(QLatin1Char('?'), 1);
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0)
                + path.section(QLatin1Char('?'), 0, 0));
    url.setQuery(query, QUrl::StrictMode);
    r.url = url;
    r.body = body;
    r.tls = m_context.tls;
    r.proxyUrl = m_context.proxyUrl;
    r.timeout = m_options.requestTimeout;
    r.headers << HttpHeader {"Accept", "application/json"};
    if (!body.isEmpty())
        r.headers << HttpHeader {"Content-Type", contentType};
    QString token = m_context.bearerToken;
    if (m_context.exec) {
        const auto credential
            = m_exec->credential(*m_context.exec, m_context.cluster, m_context.userName);
        if (!credential.ok())
            return Unexpected(
                credential.error().withContext(tr("Context \"%1\"").arg(m_context.context)));
        if (!credential->token.isEmpty())
            token = credential->token;
        if (!credential->clientCertPem.isEmpty()) {
            r.tls.clientCertPem = credential->clientCertPem;
            r.tls.clientKeyPem = credential->clientKeyPem;
        }
    }
    if (!token.isEmpty())
        r.headers << HttpHeader {"Authorization", "Bearer " + token.toUtf8()};
    else if (!m_context.username.isEmpty())
        r.headers << HttpHeader {
            "Authorization",
            "Basic "
                + (m_context.username + QLatin1Char(':') + m_context.password).toUtf8().toBase64()};
    return r;
}

Result<HttpRequest> KubeClient::upgradeRequest(const QString &path)
{
    auto request = makeRequest("GET", path, {}, {});
    if (request.ok())
        m_requests.fetch_add(1);
    return request;
}

Result<HttpRequest> KubeClient::streamRequest(const QString &path, std::chrono::seconds idle)
{
    auto request = makeRequest("GET", path, {}, {});
    if (!request.ok())
        return request;
    request->timeout = std::chrono::milliseconds(0);
    request->idleTimeout = idle;
    request->acceptCompressed = false;
    return request;
}

Result<HttpResponse> KubeClient::execute(const QByteArray &method, const QString &path,
                                         const QByteArray &body, const QByteArray &contentType,
                                         const CancelToken &cancel)
{
    bool refreshedCredentials = false;
    for (int attempt = 0;; ++attempt) {
        m_limiter->acquire();
        auto request = makeRequest(method, path, body, contentType);
        if (!request.ok())
            return Unexpected(request.error());
        ++m_requests;
        auto response = m_engine->perform(*request, cancel);
        const bool last = attempt + 1 >= m_options.maxAttempts || cancel.isCancelled();
        if (!response.ok()) {
            // One timeout policy for every request: a server that does not answer within the
            // request timeout is not asked again, so no call waits longer than that.
            if (response.error().code() == ErrorCode::Timeout)
                return Unexpected(Error(
                    ErrorCode::Timeout,
                    tr("The API server of context \"%1\" did not answer within %2 s (Meshdeck's "
                       "request timeout). It may be overloaded, or something between you and "
                       "it holds the connection: try again, or check the server.")
                        .arg(m_context.context)
                        .arg(std::chrono::duration_cast<std::chrono::seconds>(
                                 m_options.requestTimeout)
                                 .count()),
                    response.error().message(), true));
            if (last || !idempotent(method) || !response.error().retryable())
                return Unexpected(
                    response.error().withContext(tr("Context \"%1\"").arg(m_context.context)));
        } else if (response->status == 401 && m_context.exec && !refreshedCredentials) {
            // The plugin's credential expired early: get a fresh one, once.
            m_exec->refresh(*m_context.exec);
            refreshedCredentials = true;
            continue;
        } else if (response->status == 429 && !last) {
            bool ok = false;
            const int seconds = response->header("Retry-After").toInt(&ok);
            std::this_thread::sleep_for(
                ok ? std::chrono::milliseconds(qBound(0, seconds, 60) * 1000)
                   : jittered(m_options.backoff, attempt));
            continue;
        } else if (response->status >= 500 && idempotent(method) && !last) {
            // fall through to the backoff below
        } else {
            return response;
        }
        qCDebug(lcHttp) << "retrying" << method << redactSecrets(path) << "attempt" << attempt + 1;
        std::this_thread::sleep_for(jittered(m_options.backoff, attempt));
    }
}

Error KubeClient::statusError(int status, const QByteArray &body, const QByteArray &method,
                              const QString &path) const
{
    const QJsonObject s = parseObject(body);
    QString message = s.value(QStringLiteral("kind")).toString() == QLatin1String("Status")
        ? s.value(QStringLiteral("message")).toString()
        : QString::fromUtf8(body.left(200)).section(QLatin1Char('\n'), 0, 0).trimmed();
    message = redactSecrets(message);
    const QString ctx = m_context.context;
    const QString detail = QStringLiteral("%1 %2 -> HTTP %3")
                               .arg(QString::fromLatin1(method), redactSecrets(path))
                               .arg(status);
    switch (status) {
    case 401:
        return Error(
            ErrorCode::Unauthorized,
            tr("The cluster of context \"%1\" rejected the credentials of user \"%2\" (401 "
               "Unauthorized). They may have expired: log in again, or check the user in "
               "your kubeconfig.")
                .arg(ctx, m_context.userName.isEmpty() ? tr("(anonymous)") : m_context.userName),
            detail);
    case 403:
        return Error(ErrorCode::Forbidden,
                     tr("Not allowed in context \"%1\": %2. Ask a cluster administrator for this "
                        "permission, or use a context whose user has it.")
                         .arg(ctx, message),
                     detail);
    case 404:
        return Error(
            ErrorCode::NotFound,
            tr("Not found in context \"%1\": %2").arg(ctx, message.isEmpty() ? path : message),
            detail);
    case 409:
        return Error(ErrorCode::Conflict, tr("Conflict in context \"%1\": %2").arg(ctx, message),
                     detail);
    case 410:
        return Error(ErrorCode::Gone,
                     tr("The data requested from context \"%1\" is no longer available: %2")
                         .arg(ctx, message),
                     detail, true);
    case 429:
        return Error(
            ErrorCode::HttpError,
            tr("The API server of context \"%1\" is rate-limiting requests; try again shortly.")
                .arg(ctx),
            detail, true);
    default:
        break;
    }
    if (status >= 500)
        return Error(
            ErrorCode::HttpError,
            tr("The API server of context \"%1\" answered with an error (%2): %3. Try again later.")
                .arg(ctx)
                .arg(status)
                .arg(message),
            detail, true);
    return Error(
        status == 422 || status == 400 ? ErrorCode::InvalidArgument : ErrorCode::HttpError,
        tr("The request was refused in context \"%1\" (%2): %3").arg(ctx).arg(status).arg(message),
        detail);
}

Result<QJsonObject> KubeClient::send(const QByteArray &method, const QString &path,
                                     const QByteArray &body, const QByteArray &contentType,
                                     const CancelToken &cancel)
{
    const auto response = execute(method, path, body, contentType, cancel);
    if (!response.ok())
        return Unexpected(response.error());
    if (!response->isSuccess())
        return Unexpected(statusError(response->status, response->body, method, path));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(response->body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Unexpected(
            Error(ErrorCode::ProtocolError,
                  tr("The API server of context \"%1\" sent a reply that is not a JSON object.")
                      .arg(m_context.context),
                  QStringLiteral("%1 at %2").arg(error.errorString()).arg(error.offset)));
    return doc.object();
}

Result<QJsonObject> KubeClient::get(const QString &path, const CancelToken &cancel)
{
    return send("GET", path, {}, {}, cancel);
}

Result<HttpResponse> KubeClient::getRaw(const QString &path, const CancelToken &cancel)
{
    return execute("GET", path, {}, {}, cancel);
}

Result<ServerVersion> KubeClient::version(const CancelToken &cancel)
{
    const auto v = get(QStringLiteral("/version"), cancel);
    if (!v.ok())
        return Unexpected(v.error());
    ServerVersion out;
    out.gitVersion = v->value(QStringLiteral("gitVersion")).toString();
    out.major = v->value(QStringLiteral("major")).toString().toInt();
    // Some distributions report "27+".
    out.minor = v->value(QStringLiteral("minor")).toString().remove(QLatin1Char('+')).toInt();
    out.platform = v->value(QStringLiteral("platform")).toString();
    out.gitCommit = v->value(QStringLiteral("gitCommit")).toString();
    return out;
}

Result<QList<ApiResource>> KubeClient::discover(const CancelToken &cancel)
{
    QList<QPair<QString, QString>> groupVersions {{QString(), QStringLiteral("v1")}};
    const auto groups = get(QStringLiteral("/apis"), cancel);
    if (!groups.ok())
        return Unexpected(groups.error());
    for (const QJsonValue &g : groups->value(QStringLiteral("groups")).toArray()) {
        const QJsonObject preferred
            = g.toObject().value(QStringLiteral("preferredVersion")).toObject();
        groupVersions << QPair<QString, QString> {
            g.toObject().value(QStringLiteral("name")).toString(),
            preferred.value(QStringLiteral("version")).toString()};
    }
    QList<ApiResource> out;
    for (const auto &[group, version] : groupVersions) {
        const QString path = group.isEmpty() ? QStringLiteral("/api/v1")
                                             : QStringLiteral("/apis/%1/%2").arg(group, version);
        const auto list = get(path, cancel);
        if (!list.ok()) {
            if (list.error().code() == ErrorCode::NotFound)
                continue; // an aggregated API that went away meanwhile
            return Unexpected(list.error());
        }
        for (const QJsonValue &v : list->value(QStringLiteral("resources")).toArray()) {
            const QJsonObject r = v.toObject();
            const QString name = r.value(QStringLiteral("name")).toString();
            if (name.contains(QLatin1Char('/')))
                continue; // subresources
            ApiResource res;
            res.group = group;
            res.version = version;
            res.kind = r.value(QStringLiteral("kind")).toString();
            res.plural = name;
            res.namespaced = r.value(QStringLiteral("namespaced")).toBool();
            for (const QJsonValue &verb : r.value(QStringLiteral("verbs")).toArray())
                res.verbs << verb.toString();
            for (const QJsonValue &s : r.value(QStringLiteral("shortNames")).toArray())
                res.shortNames << s.toString();
            out << res;
        }
    }
    return out;
}

Result<KubeClient::ListResult> KubeClient::list(const QString &collectionPath, int pageSize,
                                                const QString &labelSelector,
                                                const CancelToken &cancel)
{
    ListResult out;
    QString token;
    do {
        QUrlQuery q;
        if (pageSize > 0)
            q.addQueryItem(QStringLiteral("limit"), QString::number(pageSize));
        if (!token.isEmpty())
            q.addQueryItem(QStringLiteral("continue"),
                           QString::fromLatin1(QUrl::toPercentEncoding(token)));
        if (!labelSelector.isEmpty())
            q.addQueryItem(QStringLiteral("labelSelector"),
                           QString::fromLatin1(QUrl::toPercentEncoding(labelSelector)));
        const auto page
            = get(collectionPath + QLatin1Char('?') + q.toString(QUrl::FullyEncoded), cancel);
        if (!page.ok())
            return Unexpected(page.error());
        const QJsonObject meta = page->value(QStringLiteral("metadata")).toObject();
        for (const QJsonValue &item : page->value(QStringLiteral("items")).toArray())
            out.items << item.toObject();
        if (out.pages == 0)
            out.resourceVersion = meta.value(QStringLiteral("resourceVersion")).toString();
        token = meta.value(QStringLiteral("continue")).toString();
        ++out.pages;
    } while (!token.isEmpty());
    return out;
}

Result<bool> KubeClient::canI(const QString &verb, const QString &group, const QString &resource,
                              const QString &ns, const CancelToken &cancel)
{
    QJsonObject attrs {{QStringLiteral("verb"), verb},
                       {QStringLiteral("group"), group},
                       {QStringLiteral("resource"), resource}};
    if (!ns.isEmpty())
        attrs.insert(QStringLiteral("namespace"), ns);
    const QJsonObject review {
        {QStringLiteral("apiVersion"), QStringLiteral("authorization.k8s.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("SelfSubjectAccessReview")},
        {QStringLiteral("spec"), QJsonObject {{QStringLiteral("resourceAttributes"), attrs}}}};
    const auto r
        = send("POST", QStringLiteral("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"),
               QJsonDocument(review).toJson(QJsonDocument::Compact), "application/json", cancel);
    if (!r.ok())
        return Unexpected(r.error());
    return r->value(QStringLiteral("status")).toObject().value(QStringLiteral("allowed")).toBool();
}

Result<QJsonObject> KubeClient::apply(const QString &objectPath, const QByteArray &manifest,
                                      bool force, const CancelToken &cancel)
{
    const QString path = objectPath + QStringLiteral("?fieldManager=meshdeck")
        + (force ? QStringLiteral("&force=true") : QString());
    return send("PATCH", path, manifest, "application/apply-patch+yaml", cancel);
}

Result<QJsonObject> KubeClient::remove(const QString &objectPath, const QString &propagation,
                                       const CancelToken &cancel)
{
    const QJsonObject options {{QStringLiteral("kind"), QStringLiteral("DeleteOptions")},
                               {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                               {QStringLiteral("propagationPolicy"), propagation}};
    return send("DELETE", objectPath, QJsonDocument(options).toJson(QJsonDocument::Compact),
                "application/json", cancel);
}

CancelToken KubeClient::watch(const QString &collectionPath, const QString &resourceVersion,
                              int timeoutSeconds, std::function<void(const WatchEvent &)> onEvent,
                              std::function<void(const Error *)> onClosed)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("watch"), QStringLiteral("1"));
    q.addQueryItem(QStringLiteral("allowWatchBookmarks"), QStringLiteral("true"));
    if (!resourceVersion.isEmpty())
        q.addQueryItem(QStringLiteral("resourceVersion"), resourceVersion);
    q.addQueryItem(QStringLiteral("timeoutSeconds"), QString::number(timeoutSeconds));
    const QString path = collectionPath
        + (collectionPath.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?'))
        + q.toString(QUrl::FullyEncoded);
    auto request = streamRequest(path, std::chrono::seconds(timeoutSeconds + 30));
    if (!request.ok()) {
        const Error e = request.error();
        onClosed(&e);
        return CancelToken();
    }

    struct State
    {
        QByteArray buffer;
        std::optional<Error> error;
        int status = 0;
        QByteArray errorBody;
    };
    auto state = std::make_shared<State>();
    auto handle = [state, onEvent, this, path](const char *data, size_t size) -> bool {
        if (state->status == 0)
            state->status = 200; // body bytes only flow after the headers
        state->buffer.append(data, qsizetype(size));
        qsizetype newline;
        while ((newline = state->buffer.indexOf('\n')) >= 0) {
            const QByteArray line = state->buffer.left(newline).trimmed();
            state->buffer.remove(0, newline + 1);
            if (line.isEmpty())
                continue;
            QJsonParseError parseError;
            const QJsonObject e = QJsonDocument::fromJson(line, &parseError).object();
            if (parseError.error != QJsonParseError::NoError
                || !e.contains(QStringLiteral("type"))) {
                // An HTTP error answer arrives as one JSON Status, not as events.
                if (e.value(QStringLiteral("kind")).toString() == QLatin1String("Status")) {
                    state->errorBody = line;
                    return false;
                }
                state->error = Error(
                    ErrorCode::ProtocolError,
                    tr("The watch stream of context \"%1\" carried a malformed event; it will be "
                       "restarted.")
                        .arg(m_context.context),
                    QString::fromUtf8(line.left(120)));
                return false;
            }
            onEvent(WatchEvent {e.value(QStringLiteral("type")).toString(),
                                e.value(QStringLiteral("object")).toObject()});
        }
        return true;
    };
    return m_engine->start(
        *request,
        [state, onClosed, this, path](Result<HttpResponse> r) {
            if (state->error) {
                onClosed(&*state->error);
            } else if (!r.ok()) {
                const Error e = r.error().withContext(tr("Context \"%1\"").arg(m_context.context));
                onClosed(&e);
            } else if (!r->isSuccess() || !state->errorBody.isEmpty()) {
                // The error's Status went through the stream handler, with or without a newline.
                const QByteArray body = !state->errorBody.isEmpty() ? state->errorBody
                    : !r->body.isEmpty()                            ? r->body
                                                                    : state->buffer;
                const Error e = statusError(r->status, body, "GET", path);
                onClosed(&e);
            } else {
                onClosed(nullptr);
            }
        },
        handle);
}

} // namespace Meshdeck::Kube

namespace Meshdeck::Kube {

CancelToken KubeClient::streamLogs(const QString &ns, const QString &pod, const QString &container,
                                   int tailLines, bool follow,
                                   std::function<void(const QByteArray &)> onData,
                                   std::function<void(const Error *)> onClosed)
{
    QUrlQuery q;
    if (!container.isEmpty())
        q.addQueryItem(QStringLiteral("container"), container);
    if (tailLines >= 0)
        q.addQueryItem(QStringLiteral("tailLines"), QString::number(tailLines));
    if (follow)
        q.addQueryItem(QStringLiteral("follow"), QStringLiteral("true"));
    const QString path = QStringLiteral("/api/v1/namespaces/%1/pods/%2/log?%3")
                             .arg(ns, pod, q.toString(QUrl::FullyEncoded));
    auto request = streamRequest(path, std::chrono::seconds(0));
    if (!request.ok()) {
        const Error e = request.error();
        onClosed(&e);
        return CancelToken();
    }
    request->headers.removeIf([](const HttpHeader &h) { return h.first == "Accept"; });
    request->headers << HttpHeader {"Accept", "*/*"};
    // The body of an error answer is a Status, not log text: hold the first bytes back until the
    // status is known.
    auto errorBody = std::make_shared<QByteArray>();
    auto statusKnown = std::make_shared<bool>(false);
    return m_engine->start(
        *request,
        [this, onClosed, errorBody, path](Result<HttpResponse> r) {
            if (!r.ok()) {
                const Error e = r.error().withContext(tr("Context \"%1\"").arg(m_context.context));
                onClosed(&e);
            } else if (!r->isSuccess()) {
                const Error e = statusError(r->status, *errorBody, "GET", path);
                onClosed(&e);
            } else {
                onClosed(nullptr);
            }
        },
        [onData, errorBody, statusKnown](const char *data, size_t size) {
            const QByteArray chunk(data, qsizetype(size));
            if (!*statusKnown && chunk.startsWith("{\"kind\":\"Status\"")) {
                errorBody->append(chunk);
                return true;
            }
            *statusKnown = true;
            onData(chunk);
            return true;
        });
}

} // namespace Meshdeck::Kube
