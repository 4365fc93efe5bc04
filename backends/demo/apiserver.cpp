// ApiServer: serving, authentication, dispatch, reads of one object, access reviews.
#include "apiserver.h"

#include "apirequest.h"

#include "admission.h"
#include "apierror.h"
#include "certificates.h"
#include "containerprocesses.h"
#include "discovery.h"
#include "eventhttp.h"
#include "fieldvalidation.h"
#include "kubeletstats.h"
#include "objectfields.h"
#include "objectstore.h"
#include "ownership.h"
#include "patches.h"
#include "podlogs.h"
#include "protobufcodec.h"
#include "serversideapply.h"
#include "streamserver.h"
#include "tables.h"
#include "threadperconnection.h"
#include "upgradedconnection.h"

#include <core/yaml.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QScopeGuard>

#include <httplib.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <chrono>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace Meshdeck::Demo {

using namespace std::chrono_literals;
using namespace ApiRequest;

ApiServer::ApiServer(ObjectStore &store, ResourceRegistry &registry, Admission &admission,
                     Options options)
    : m_store(store)
    , m_registry(registry)
    , m_admission(admission)
    , m_options(std::move(options))
{
}

ApiServer::~ApiServer()
{
    stop();
}

quint16 ApiServer::start()
{
    if (m_options.tls) {
        const TlsMaterial *tls = m_options.tls;
        m_server = std::make_unique<httplib::SSLServer>(
            [tls](SSL_CTX &ctx) { return Certificates::configureServer(&ctx, *tls); });
    } else {
        m_server = std::make_unique<httplib::Server>();
    }
    if (!m_server->is_valid())
        return 0;
    m_server->new_task_queue = [] {
        return new ThreadPerConnection;
    };
    m_server->set_payload_max_length(size_t(m_options.maxBodyBytes) * 4);
    m_server->set_keep_alive_max_count(1000);
    // Replies go out as several writes (headers, then the body): without TCP_NODELAY, Nagle
    // holds the second one until the client's delayed ACK, about 40 ms per kept-alive request.
    m_server->set_tcp_nodelay(true);
    // A connection may wait a while for its first request (a burst of clients, each with its
    // TLS handshake) and between requests; stop() ends idle ones at once.
    m_server->set_keep_alive_timeout(m_options.idleSeconds);
    m_server->set_read_timeout(60, 0);
    m_server->set_write_timeout(30, 0);
    // Compression as kube-apiserver does it: gzip at level 1, for bodies of 128 KiB or more
    // and clients that accept it. cpp-httplib would otherwise compress every JSON answer with
    // brotli at its slowest setting when a client offers br, as libcurl does (a 58 KB pod list
    // took 83 ms instead of 8).
    const auto handler = [this](const httplib::Request &req, httplib::Response &res) {
        handle(req, res);
        const bool gzip = header(req, "Accept-Encoding").contains(QLatin1String("gzip"));
        uncompressed(req);
        if (!gzip || res.body.size() < 128 * 1024 || res.has_header("Content-Encoding"))
            return;
        if (auto compressed = gzipped(res.body)) {
            res.body = std::move(*compressed);
            res.set_header("Content-Encoding", "gzip");
        }
    };
    // A write without Content-Length or chunked encoding has no body (RFC 9112 6.3), as Go's
    // server reads it; cpp-httplib would read until the client closes, so such requests are
    // answered here, before it starts reading.
    m_server->set_pre_routing_handler([this](const httplib::Request &req, httplib::Response &res) {
        const bool writes = req.method == "POST" || req.method == "PUT" || req.method == "PATCH";
        if (!writes || req.has_header("Content-Length") || req.has_header("Transfer-Encoding"))
            return httplib::Server::HandlerResponse::Unhandled;
        handle(req, res);
        return httplib::Server::HandlerResponse::Handled;
    });
    m_server->Get(".*", handler);
    m_server->Post(".*", handler);
    m_server->Put(".*", handler);
    m_server->Patch(".*", handler);
    m_server->Delete(".*", handler);
    m_server->Options(".*", handler);

    // cpp-httplib listens with a backlog of 5: a burst of clients (informers starting together)
    // would overflow it and wait a second or more for SYN retransmits. Remember the listening
    // socket and raise its backlog once bound.
    int listening = -1;
    m_server->set_socket_options([&listening](socket_t fd) {
        int on = 1;
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on); // inherited by accepted ones
        listening = int(fd);
    });
    const std::string host = m_options.host.toStdString();
    int port = m_options.port ? (m_server->bind_to_port(host, m_options.port) ? m_options.port : -1)
                              : m_server->bind_to_any_port(host);
    if (port <= 0)
        return 0;
    if (listening >= 0)
        ::listen(listening, 4096);
    m_port = quint16(port);
    // exec and port-forward: served on their own thread (none when there is no event loop to
    // run them; the requests then answer 503)
    m_streams = std::make_unique<StreamServer>();
    if (!m_streams->start())
        m_streams.reset();
    m_thread = std::thread([this] { m_server->listen_after_bind(); });
    while (!m_server->is_running())
        std::this_thread::sleep_for(1ms);
    return m_port;
}

void ApiServer::stop()
{
    if (!m_server)
        return;
    m_stopping = true;
    UpgradedConnection::shutDownAccepted(m_port); // idle kept-alive ones end at once
    m_server->stop();
    UpgradedConnection::shutDownAccepted(m_port); // any accepted meanwhile
    if (m_thread.joinable())
        m_thread.join();
    m_server.reset();
    m_streams.reset();
}

ApiServer::User ApiServer::authenticate(const httplib::Request &req) const
{
    const QString auth = header(req, "Authorization");
    if (auth.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive)) {
        const QString token = auth.mid(7).trimmed();
        if (!m_options.adminToken.isEmpty() && token == m_options.adminToken)
            return {QStringLiteral("meshdeck-admin"), {QStringLiteral("system:masters")}, true};
        if (!m_options.readOnlyToken.isEmpty() && token == m_options.readOnlyToken)
            return {QStringLiteral("meshdeck-viewer"), {QStringLiteral("meshdeck:viewers")}, false};
        throw ApiError::unauthorized();
    }
    if (req.ssl) {
        X509 *cert = SSL_get_peer_certificate(req.ssl);
        if (cert) {
            const long verify = SSL_get_verify_result(req.ssl);
            const auto [cn, groups] = Certificates::subjectOf(cert);
            X509_free(cert);
            if (verify != X509_V_OK)
                throw ApiError::unauthorized();
            return {cn, groups, groups.contains(QStringLiteral("system:masters"))};
        }
    }
    if (m_options.requireAuth)
        throw ApiError::unauthorized();
    if (m_options.anonymousAdmin)
        return {QStringLiteral("system:anonymous"), {QStringLiteral("system:masters")}, true};
    return {QStringLiteral("system:anonymous"),
            {QStringLiteral("system:unauthenticated")},
            false,
            false};
}

void ApiServer::handle(const httplib::Request &req, httplib::Response &res)
{
    // Requests in flight, counted as the API server's max-inflight filter does: long-running
    // ones (watches, followed logs, exec, port-forward, proxies) are not.
    const bool longRunning = flag(req, "watch") || flag(req, "follow")
        || req.path.find("/watch/") != std::string::npos
        || req.path.find("/proxy") != std::string::npos || req.has_header("Upgrade");
    const bool write = req.method != "GET" && req.method != "HEAD" && req.method != "OPTIONS";
    std::atomic_int &inflight = write ? m_writesInflight : m_readsInflight;
    const int limit = write ? m_options.maxWritesInflight : m_options.maxReadsInflight;
    const bool counted = !longRunning;
    if (counted && inflight.fetch_add(1) >= limit) {
        --inflight;
        res.set_header("Retry-After", "1");
        sendError(res,
                  ApiError(429, QStringLiteral("TooManyRequests"),
                           QStringLiteral("Too many requests, please try again later."))
                      .withDetails(QJsonObject {{QStringLiteral("retryAfterSeconds"), 1}}));
        return;
    }
    const auto release = qScopeGuard([&] {
        if (counted)
            --inflight;
    });
    try {
        const User user = authenticate(req);
        if (req.body.size() > size_t(m_options.maxBodyBytes))
            throw ApiError::tooLarge(m_options.maxBodyBytes);
        if (!proxyToService(req, res, user))
            dispatch(req, res, user);
    } catch (const ApiError &e) {
        sendError(res, e);
    } catch (const std::exception &e) {
        sendError(
            res,
            ApiError(
                500, QStringLiteral("InternalError"),
                QStringLiteral("Internal error occurred: %1").arg(QString::fromLatin1(e.what()))));
    }
    answerInProtobuf(req, res);
    // A refused upgrade is answered and its connection closed: a WebSocket client (QtWebSockets,
    // browsers) reads the refusal to its end only when the server closes, and cpp-httplib
    // keeps connections open whatever the reply says.
    if (req.has_header("Upgrade") && res.status >= 400)
        if (auto connection = UpgradedConnection::take(req)) {
            connection->writeAll("HTTP/1.1 " + std::to_string(res.status) + ' '
                                 + httpReason(res.status)
                                 + "\r\nContent-Type: " + res.get_header_value("Content-Type")
                                 + "\r\nContent-Length: " + std::to_string(res.body.size())
                                 + "\r\nConnection: close\r\n\r\n" + res.body);
        } // shut down as it goes: what cpp-httplib writes next goes nowhere
    qCDebug(lcDemoApi).noquote() << QString::fromStdString(req.method)
                                 << QString::fromStdString(req.path) << res.status;
}

void ApiServer::setMetrics(KubeletStats *stats)
{
    std::lock_guard lock(m_metricsMutex);
    m_metrics = stats;
}

void ApiServer::dispatch(const httplib::Request &req, httplib::Response &res, const User &user)
{
    const QString path = QString::fromStdString(req.path);
    QStringList seg = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const bool get = req.method == "GET";

    if (path == QLatin1String("/version") || path == QLatin1String("/version/"))
        return send(res, 200, toJson(Discovery::version()));
    if (path == QLatin1String("/healthz") || path == QLatin1String("/livez")
        || path == QLatin1String("/readyz"))
        return send(res, 200, "ok", "text/plain");
    // Discovery and OpenAPI are for authenticated users (system:discovery).
    const bool resourcePath = (seg.value(0) == QLatin1String("api") && seg.size() > 2)
        || (seg.value(0) == QLatin1String("apis") && seg.size() > 3);
    if (!user.canRead && !resourcePath)
        throw ApiError::forbidden(
            QStringLiteral("forbidden: User \"%1\" cannot %2 path \"%3\"")
                .arg(user.name, QString::fromStdString(req.method).toLower(), path));
    if (seg.value(0) == QLatin1String("openapi")) {
        if (seg.value(1) == QLatin1String("v2")) {
            if (header(req, "Accept").contains(QLatin1String("protobuf")))
                return send(res, 200, Discovery::openApiV2Protobuf(),
                            "application/com.github.proto-openapi.spec.v2.v1.0+protobuf");
            return send(res, 200, toJson(Discovery::openApiV2Json()));
        }
        if (seg.value(1) == QLatin1String("v3")) {
            if (seg.size() == 2)
                return send(res, 200, toJson(Discovery::openApiV3Root(m_registry)));
            const bool legacy = seg.value(2) == QLatin1String("api");
            const QString group = legacy ? QString() : seg.value(3);
            const QString version = legacy ? seg.value(3) : seg.value(4);
            const QJsonObject doc = Discovery::openApiV3Group(m_registry, group, version);
            if (doc.value(QStringLiteral("paths")).toObject().isEmpty())
                throw ApiError::notFound(QString(), QStringLiteral("openapi"), path);
            return send(res, 200, toJson(doc));
        }
        throw ApiError::notFound(QString(), QStringLiteral("openapi"), path);
    }

    QString group;
    QString version;
    QStringList rest;
    if (seg.value(0) == QLatin1String("api")) {
        if (seg.size() == 1 && get && Discovery::wantsAggregated(header(req, "Accept").toLatin1()))
            return send(res, 200, toJson(Discovery::aggregated(m_registry, true)),
                        Discovery::kAggregatedType);
        if (seg.size() == 1 && get)
            return send(res, 200,
                        toJson(Discovery::apiVersions(
                            QStringLiteral("%1:%2").arg(m_options.host).arg(m_port))));
        version = seg.value(1);
        rest = seg.mid(2);
    } else if (seg.value(0) == QLatin1String("apis")) {
        if (seg.size() == 1 && get && Discovery::wantsAggregated(header(req, "Accept").toLatin1()))
            return send(res, 200, toJson(Discovery::aggregated(m_registry, false)),
                        Discovery::kAggregatedType);
        if (seg.size() == 1 && get)
            return send(res, 200, toJson(Discovery::groupList(m_registry)));
        group = seg.value(1);
        if (seg.size() == 2 && get) {
            const QJsonObject g = Discovery::group(m_registry, group);
            if (g.isEmpty())
                throw ApiError::notFound(QString(), QStringLiteral("groups"), group);
            return send(res, 200, toJson(g));
        }
        version = seg.value(2);
        rest = seg.mid(3);
    } else {
        throw ApiError(404, QStringLiteral("NotFound"),
                       QStringLiteral("the server could not find the requested resource"));
    }
    if (rest.isEmpty()) {
        const QJsonObject list = Discovery::resourceList(m_registry, group, version);
        if (list.isEmpty() || !get)
            throw ApiError(404, QStringLiteral("NotFound"),
                           QStringLiteral("the server could not find the requested resource"));
        return send(res, 200, toJson(list));
    }
    bool legacyWatch = false;
    if (rest.value(0) == QLatin1String("watch")) {
        legacyWatch = true;
        rest = rest.mid(1);
    }
    QString ns;
    QString plural;
    QString name;
    QString sub;
    std::optional<ResourceType> type;
    if (rest.size() >= 3 && rest.at(0) == QLatin1String("namespaces")) {
        type = m_registry.find(group, version, rest.at(2));
        if (type && type->namespaced) {
            ns = rest.at(1);
            plural = rest.at(2);
            name = rest.value(3);
            sub = rest.value(4);
        } else {
            type.reset();
        }
    }
    if (!type) {
        plural = rest.at(0);
        name = rest.value(1);
        sub = rest.value(2);
        type = m_registry.find(group, version, plural);
    }
    if (!type)
        throw ApiError(404, QStringLiteral("NotFound"),
                       QStringLiteral("the server could not find the requested resource"));
    const bool reviewOnly = type->verbs == QStringList {QStringLiteral("create")};
    // exec, attach and port-forward need create on the subresource, whatever the method
    const bool streaming = sub == QLatin1String("exec") || sub == QLatin1String("attach")
        || sub == QLatin1String("portforward");
    const bool writes = (!get && req.method != "OPTIONS") || streaming;
    if (!user.canRead || (writes && !user.canWrite && !reviewOnly)) {
        QString verb;
        if (streaming)
            verb = QStringLiteral("create");
        else if (get)
            verb = legacyWatch || flag(req, "watch") ? QStringLiteral("watch")
                : name.isEmpty()                     ? QStringLiteral("list")
                                                     : QStringLiteral("get");
        else if (req.method == "POST")
            verb = QStringLiteral("create");
        else if (req.method == "PUT")
            verb = QStringLiteral("update");
        else if (req.method == "PATCH")
            verb = QStringLiteral("patch");
        else
            verb = name.isEmpty() ? QStringLiteral("deletecollection") : QStringLiteral("delete");
        QString message
            = QStringLiteral(
                  "%1 is forbidden: User \"%2\" cannot %3 resource \"%4\" in API group \"%5\"")
                  .arg(name.isEmpty()
                           ? type->qualifiedPlural()
                           : QStringLiteral("%1 \"%2\"").arg(type->qualifiedPlural(), name),
                       user.name, verb, sub.isEmpty() ? plural : plural + QLatin1Char('/') + sub,
                       group);
        message += ns.isEmpty() ? QStringLiteral(" at the cluster scope")
                                : QStringLiteral(" in the namespace \"%1\"").arg(ns);
        throw ApiError::forbidden(message).withDetails(
            QJsonObject {{QStringLiteral("name"), name},
                         {QStringLiteral("group"), group},
                         {QStringLiteral("kind"), plural}});
    }
    if (type->group == QLatin1String("metrics.k8s.io")) {
        if (!get || legacyWatch || flag(req, "watch"))
            throw ApiError::methodNotAllowed(
                QStringLiteral("%1.metrics.k8s.io only supports get and list").arg(plural));
        std::lock_guard lock(m_metricsMutex);
        if (!m_metrics)
            throw ApiError(503, QStringLiteral("ServiceUnavailable"),
                           QStringLiteral("the server is currently unable to handle the request"));
        return send(res, 200,
                    toJson(m_metrics->serve(plural, ns, name, param(req, "labelSelector"))));
    }
    if (legacyWatch && get)
        return serveWatch(req, res, *type, ns, name);

    serveResource(req, res, user, *type, ns, name, sub);
}

void ApiServer::serveResource(const httplib::Request &req, httplib::Response &res, const User &user,
                              const ResourceType &type, const QString &ns, const QString &name,
                              const QString &sub)
{
    const std::string &m = req.method;
    if (!sub.isEmpty() && !type.subresources.contains(sub))
        throw ApiError(404, QStringLiteral("NotFound"),
                       QStringLiteral("the server could not find the requested resource"));
    if (sub == QLatin1String("exec") || sub == QLatin1String("attach")
        || sub == QLatin1String("portforward"))
        return serveStream(req, res, m_store.get(type, ns, name), sub);
    if (type.verbs == QStringList {QStringLiteral("create")}) {
        if (m != "POST")
            throw ApiError::methodNotAllowed(
                QStringLiteral("%1 only supports create").arg(type.plural));
        const bool rules = type.kind == QLatin1String("SelfSubjectRulesReview");
        return send(res, 201, toJson(accessReview(parseBody(req), user, rules)));
    }
    if (m == "GET") {
        if (name.isEmpty()) {
            if (flag(req, "watch"))
                return serveWatch(req, res, type, ns, QString());
            return serveList(req, res, type, ns);
        }
        const QJsonObject o = m_store.get(type, ns, name);
        if (sub == QLatin1String("log"))
            return serveLogs(req, res, o);
        if (sub == QLatin1String("scale"))
            return send(res, 200, toJson(scaleOf(type, o)));
        if (wantsTable(req))
            return send(
                res, 200,
                toJson(Tables::table(type, {o}, metaString(o, "resourceVersion"), {},
                                     param(req, "includeObject") == QLatin1String("Object"))));
        if (wantsPartialMetadata(req))
            return send(res, 200, toJson(partialMetadata(o)));
        return send(res, 200, toJson(o));
    }
    if (m == "POST") {
        if (!name.isEmpty() && sub.isEmpty())
            throw ApiError::methodNotAllowed(
                QStringLiteral("POST to a named %1 is not allowed").arg(type.singular));
        if (sub == QLatin1String("eviction") || sub == QLatin1String("binding")) {
            int status = 201;
            if (sub == QLatin1String("eviction"))
                remove(req, type, ns, name, &status);
            return send(res, 201,
                        toJson(QJsonObject {{QStringLiteral("kind"), QStringLiteral("Status")},
                                            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                            {QStringLiteral("status"), QStringLiteral("Success")},
                                            {QStringLiteral("code"), 201}}));
        }
        int status = 201;
        QJsonObject body = parseBody(req);
        validateFields(req, res, type, &body);
        const QJsonObject created = create(req, type, ns, body, &status);
        return send(res, status, toJson(created));
    }
    if (m == "PUT") {
        if (name.isEmpty())
            throw ApiError::methodNotAllowed(QStringLiteral("PUT needs an object name"));
        QJsonObject body = parseBody(req);
        if (sub.isEmpty() || sub == QLatin1String("status"))
            validateFields(req, res, type, &body);
        return send(res, 200, toJson(update(req, type, ns, name, sub, body)));
    }
    if (m == "PATCH") {
        if (name.isEmpty())
            throw ApiError::methodNotAllowed(QStringLiteral("PATCH needs an object name"));
        int status = 200;
        if ((sub.isEmpty() || sub == QLatin1String("status"))
            && !header(req, "Content-Type").contains(QLatin1String("json-patch"))) {
            // Object-shaped patches (merge, strategic, apply) name fields as objects do.
            QJsonObject fields = parseBody(req);
            validateFields(req, res, type, &fields);
        }
        const QJsonObject o = patch(req, type, ns, name, sub, &status);
        if (sub == QLatin1String("scale"))
            return send(res, status, toJson(scaleOf(type, o)));
        return send(res, status, toJson(o));
    }
    if (m == "DELETE") {
        if (name.isEmpty()) {
            // deletecollection
            const Selector labels = Selector::parseLabels(param(req, "labelSelector"));
            const Selector fields = Selector::parseFields(param(req, "fieldSelector"));
            const auto list = m_store.list(type, ns, labels, fields, 0, {});
            QJsonArray items;
            for (const QJsonObject &o : list.objects) {
                int status = 200;
                items.append(
                    remove(req, type, metaString(o, "namespace"), metaString(o, "name"), &status));
            }
            return send(
                res, 200,
                toJson(QJsonObject {{QStringLiteral("kind"), type.kind + QStringLiteral("List")},
                                    {QStringLiteral("apiVersion"), type.apiVersion()},
                                    {QStringLiteral("metadata"),
                                     QJsonObject {{QStringLiteral("resourceVersion"),
                                                   QString::number(m_store.resourceVersion())}}},
                                    {QStringLiteral("items"), items}}));
        }
        int status = 200;
        bool deletedNow = false;
        const QJsonObject o = remove(req, type, ns, name, &status, &deletedNow);
        return send(res, status, toJson(deletedNow ? deletedStatus(type, o) : o));
    }
    throw ApiError::methodNotAllowed(
        QStringLiteral("method %1 is not supported").arg(QString::fromStdString(m)));
}

QJsonObject ApiServer::accessReview(const QJsonObject &body, const User &user, bool rules)
{
    QJsonObject out = body;
    out.insert(QStringLiteral("apiVersion"), QStringLiteral("authorization.k8s.io/v1"));
    QJsonObject md = out.value(QStringLiteral("metadata")).toObject();
    md.insert(QStringLiteral("creationTimestamp"), QJsonValue::Null);
    out.insert(QStringLiteral("metadata"), md);
    const QStringList readVerbs {QStringLiteral("get"), QStringLiteral("list"),
                                 QStringLiteral("watch")};
    if (rules) {
        const QJsonArray verbs = user.canWrite ? QJsonArray {QStringLiteral("*")}
                                               : QJsonArray::fromStringList(readVerbs);
        out.insert(
            QStringLiteral("status"),
            QJsonObject {{QStringLiteral("resourceRules"),
                          QJsonArray {QJsonObject {
                              {QStringLiteral("verbs"), verbs},
                              {QStringLiteral("apiGroups"), QJsonArray {QStringLiteral("*")}},
                              {QStringLiteral("resources"), QJsonArray {QStringLiteral("*")}}}}},
                         {QStringLiteral("nonResourceRules"), QJsonArray()},
                         {QStringLiteral("incomplete"), false}});
        return out;
    }
    const QJsonObject attrs = body.value(QStringLiteral("spec"))
                                  .toObject()
                                  .value(QStringLiteral("resourceAttributes"))
                                  .toObject();
    const QString verb = attrs.value(QStringLiteral("verb")).toString();
    const bool allowed = user.canWrite || readVerbs.contains(verb);
    QJsonObject status {{QStringLiteral("allowed"), allowed}};
    if (!allowed)
        status.insert(
            QStringLiteral("reason"),
            QStringLiteral(
                "User \"%1\" may only read (get, list, watch) in the Meshdeck demo cluster")
                .arg(user.name));
    out.insert(QStringLiteral("status"), status);
    return out;
}

} // namespace Meshdeck::Demo
