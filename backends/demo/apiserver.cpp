#include "apiserver.h"

#include "admission.h"
#include "apierror.h"
#include "certificates.h"
#include "containerprocesses.h"
#include "discovery.h"
#include "fieldvalidation.h"
#include "kubeletstats.h"
#include "objectfields.h"
#include "objectstore.h"
#include "ownership.h"
#include "patches.h"
#include "podlogs.h"
#include "protobufcodec.h"
#include "serversideapply.h"
#include "tables.h"
#include "threadperconnection.h"

#include <core/yaml.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <httplib.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <chrono>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

Q_LOGGING_CATEGORY(lcDemoApi, "meshdeck.demo.api", QtInfoMsg)

namespace Meshdeck::Demo {

namespace {

using namespace std::chrono_literals;

// One thread per connection: watches are long-lived, and a fixed pool would let them starve
// ordinary requests.

QString param(const httplib::Request &req, const char *name)
{
    return req.has_param(name) ? QString::fromStdString(req.get_param_value(name)) : QString();
}

// A boolean query parameter as the API server converts it (runtime.Convert_Slice_string_To_bool):
// absent is false; "0" and any case of "false" are false; anything else present, "true", "True",
// "t", "1" or an empty value ("?watch"), is true. The Python client sends "True".
bool flag(const httplib::Request &req, const char *name)
{
    if (!req.has_param(name))
        return false;
    const QString v = param(req, name);
    return v != QLatin1String("0") && v.compare(QLatin1String("false"), Qt::CaseInsensitive) != 0;
}

QByteArray toJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void send(httplib::Response &res, int status, const QByteArray &body,
          const char *type = "application/json")
{
    res.status = status;
    if (body.size() < 256 * 1024) {
        res.set_content(body.constData(), size_t(body.size()), type);
        return;
    }
    // Large bodies (LISTs of thousands of objects) are written from the buffer as it is.
    res.set_content_provider(size_t(body.size()), type,
                             [body](size_t offset, size_t length, httplib::DataSink &sink) {
                                 const size_t n = std::min<size_t>(length, 1 << 20);
                                 return sink.write(body.constData() + offset, n);
                             });
}

void sendError(httplib::Response &res, const ApiError &e)
{
    send(res, e.code(), toJson(e.status()));
}

QString header(const httplib::Request &req, const char *name)
{
    return QString::fromStdString(req.get_header_value(name));
}

// A client that asks for protobuf before JSON (client-go's typed clients, kubectl create) gets
// the object in protobuf when its kind has that form; anything else stays JSON, which the same
// clients read as well.
void answerInProtobuf(const httplib::Request &req, httplib::Response &res)
{
    if (res.body.empty() || res.get_header_value("Content-Type") != "application/json"
        || !ProtobufCodec::prefersProtobuf(
            QByteArray::fromStdString(req.get_header_value("Accept"))))
        return;
    const QJsonObject object
        = QJsonDocument::fromJson(QByteArray::fromStdString(res.body)).object();
    const auto encoded = ProtobufCodec::encode(object);
    if (!encoded)
        return;
    res.set_content(encoded->constData(), size_t(encoded->size()), ProtobufCodec::kContentType);
}

bool wantsTable(const httplib::Request &req)
{
    return header(req, "Accept").contains(QLatin1String("as=Table"));
}

bool wantsPartialMetadata(const httplib::Request &req)
{
    return header(req, "Accept").contains(QLatin1String("as=PartialObjectMetadata"));
}

QJsonObject partialMetadata(const QJsonObject &o)
{
    QJsonObject md = o.value(QStringLiteral("metadata")).toObject();
    return QJsonObject {{QStringLiteral("kind"), QStringLiteral("PartialObjectMetadata")},
                        {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                        {QStringLiteral("metadata"), md}};
}

QJsonObject parseBody(const httplib::Request &req)
{
    const QByteArray body = QByteArray::fromStdString(req.body);
    if (body.trimmed().isEmpty())
        throw ApiError::badRequest(QStringLiteral("the request body is empty"));
    const QString type = header(req, "Content-Type");
    if (ProtobufCodec::isProtobuf(type.toLatin1()))
        return ProtobufCodec::decode(body);
    if (type.contains(QLatin1String("yaml"))) {
        const auto parsed = Yaml::toJson(body);
        if (!parsed.ok())
            throw ApiError::badRequest(
                QStringLiteral("error converting YAML to JSON: %1").arg(parsed.error().message()));
        if (!parsed->isObject())
            throw ApiError::badRequest(QStringLiteral("the YAML body is not an object"));
        return parsed->toObject();
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        throw ApiError::badRequest(QStringLiteral("couldn't get version/kind; json parse error: %1 "
                                                  "at offset %2")
                                       .arg(error.errorString())
                                       .arg(error.offset));
    if (!doc.isObject())
        throw ApiError::badRequest(QStringLiteral("the JSON body is not an object"));
    return doc.object();
}

QString fieldManager(const httplib::Request &req, const char *fallback)
{
    const QString m = param(req, "fieldManager");
    if (!m.isEmpty())
        return m;
    const QString agent = header(req, "User-Agent").section(QLatin1Char('/'), 0, 0);
    return agent.isEmpty() ? QString::fromLatin1(fallback) : agent;
}

// Streams must not be compressed: a compressor holds small events back until it flushes, which
// would delay them indefinitely. cpp-httplib compresses whenever the client accepts it, so the
// request's Accept-Encoding is dropped for streamed responses.
void uncompressed(const httplib::Request &req)
{
    auto &headers = const_cast<httplib::Request &>(req).headers;
    headers.erase("Accept-Encoding");
    headers.erase("accept-encoding");
}

QJsonObject scaleOf(const ResourceType &type, const QJsonObject &o)
{
    const QJsonObject spec = o.value(QStringLiteral("spec")).toObject();
    const QJsonObject status = o.value(QStringLiteral("status")).toObject();
    QJsonObject md = o.value(QStringLiteral("metadata")).toObject();
    md.remove(QStringLiteral("managedFields"));
    md.remove(QStringLiteral("labels"));
    md.remove(QStringLiteral("annotations"));
    md.remove(QStringLiteral("generation"));
    QStringList selector;
    const QJsonObject ml = spec.value(QStringLiteral("selector"))
                               .toObject()
                               .value(QStringLiteral("matchLabels"))
                               .toObject();
    for (auto it = ml.begin(); it != ml.end(); ++it)
        selector << it.key() + QLatin1Char('=') + it.value().toString();
    Q_UNUSED(type)
    return QJsonObject {
        {QStringLiteral("kind"), QStringLiteral("Scale")},
        {QStringLiteral("apiVersion"), QStringLiteral("autoscaling/v1")},
        {QStringLiteral("metadata"), md},
        {QStringLiteral("spec"),
         QJsonObject {
             {QStringLiteral("replicas"), spec.value(QStringLiteral("replicas")).toInt()}}},
        {QStringLiteral("status"),
         QJsonObject {
             {QStringLiteral("replicas"), status.value(QStringLiteral("replicas")).toInt()},
             {QStringLiteral("selector"), selector.join(QLatin1Char(','))}}}};
}

// Unknown fields of a built-in kind: dropped (as Kubernetes' decoder drops them), and per the
// fieldValidation parameter a 400 (Strict), a Warning header each (Warn, the default) or nothing.
void validateFields(const httplib::Request &req, httplib::Response &res, const ResourceType &type,
                    QJsonObject *body)
{
    const FieldValidation::Mode mode = FieldValidation::parse(param(req, "fieldValidation"));
    const QStringList unknown = FieldValidation::prune(body, type.apiVersion(), type.kind);
    if (unknown.isEmpty() || mode == FieldValidation::Mode::Ignore)
        return;
    QStringList messages;
    for (const QString &path : unknown)
        messages << QStringLiteral("unknown field \"%1\"").arg(path);
    if (mode == FieldValidation::Mode::Strict)
        throw ApiError::badRequest(QStringLiteral("strict decoding error: ")
                                   + messages.join(QStringLiteral(", ")));
    for (QString m : std::as_const(messages))
        res.set_header("Warning",
                       QStringLiteral("299 - \"%1\"")
                           .arg(m.replace(QLatin1Char('"'), QStringLiteral("\\\"")))
                           .toStdString());
}

// resourceVersion and resourceVersionMatch of a LIST or WATCH, checked as ListOptions
// validation does (422), with the version a request names (0 when it names none).
struct VersionRequest
{
    quint64 version = 0;
    bool exact = false;
};

VersionRequest versionRequest(const httplib::Request &req, bool watch)
{
    VersionRequest out;
    const QString text = param(req, "resourceVersion");
    const QString match = param(req, "resourceVersionMatch");
    const auto invalid = [](const QString &why) {
        return ApiError::invalid(QStringLiteral("ListOptions.meta.k8s.io"), QString(),
                                 QStringLiteral("resourceVersionMatch"), why);
    };
    if (!text.isEmpty() && text != QLatin1String("0")) {
        bool ok = false;
        out.version = text.toULongLong(&ok);
        if (!ok)
            throw ApiError::badRequest(QStringLiteral("invalid resource version \"%1\"").arg(text));
    }
    if (match.isEmpty())
        return out;
    if (watch)
        throw invalid(QStringLiteral("Forbidden: resourceVersionMatch is forbidden for watch"));
    if (text.isEmpty())
        throw invalid(QStringLiteral(
            "Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided"));
    if (!param(req, "continue").isEmpty())
        throw invalid(QStringLiteral(
            "Forbidden: resourceVersionMatch is forbidden when continue is provided"));
    if (match == QLatin1String("Exact")) {
        if (text == QLatin1String("0"))
            throw invalid(QStringLiteral(
                "Forbidden: resourceVersionMatch \"exact\" is forbidden for resourceVersion "
                "\"0\""));
        out.exact = true;
    } else if (match != QLatin1String("NotOlderThan")) {
        throw invalid(QStringLiteral("Unsupported value: \"%1\": supported values: \"Exact\", "
                                     "\"NotOlderThan\"")
                          .arg(match));
    }
    return out;
}

// A version the store has not reached yet: wait a little for it, as the watch cache does, then
// 504 with the cause clients look for.
void awaitVersion(ObjectStore &store, quint64 version)
{
    if (version == 0 || store.resourceVersion() >= version)
        return;
    if (store.waitForVersion(version, std::chrono::seconds(3)))
        return;
    throw ApiError(504, QStringLiteral("Timeout"),
                   QStringLiteral("Too large resource version: %1, current: %2")
                       .arg(version)
                       .arg(store.resourceVersion()))
        .withDetails(QJsonObject {
            {QStringLiteral("causes"),
             QJsonArray {QJsonObject {
                 {QStringLiteral("reason"), QStringLiteral("ResourceVersionTooLarge")},
                 {QStringLiteral("message"), QStringLiteral("Too large resource version")}}}},
            {QStringLiteral("retryAfterSeconds"), 1}});
}
} // namespace

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
    // An idle keep-alive connection holds a thread, and stop() waits for it: keep them short.
    m_server->set_keep_alive_timeout(1);
    m_server->set_read_timeout(60, 0);
    m_server->set_write_timeout(30, 0);
    const auto handler = [this](const httplib::Request &req, httplib::Response &res) {
        handle(req, res);
    };
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
    m_server->stop();
    if (m_thread.joinable())
        m_thread.join();
    m_server.reset();
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
    qCDebug(lcDemoApi).noquote() << QString::fromStdString(req.method)
                                 << QString::fromStdString(req.path) << res.status;
}

void ApiServer::setMetrics(KubeletStats *stats)
{
    std::lock_guard lock(m_metricsMutex);
    m_metrics = stats;
}

void ApiServer::setServiceProxy(const QString &ns, const QString &name, quint16 port)
{
    std::lock_guard lock(m_proxiesMutex);
    m_proxies.insert(ns + QLatin1Char('/') + name, port);
}

bool ApiServer::proxyToService(const httplib::Request &req, httplib::Response &res,
                               const User &user)
{
    // /api/v1/namespaces/NS/services/NAME[:PORT]/proxy[/REST]
    static const QRegularExpression pattern(QStringLiteral(
        "^/api/v1/namespaces/([^/]+)/services/(?:https?:)?([^/:]+)(?::[^/]+)?/proxy(/.*)?$"));
    const auto m = pattern.match(QString::fromStdString(req.path));
    if (!m.hasMatch())
        return false;
    if (!user.canRead)
        throw ApiError::forbidden(
            QStringLiteral("services \"%1\" is forbidden: User \"%2\" cannot get resource "
                           "\"services/proxy\" in API group \"\" in the namespace \"%3\"")
                .arg(m.captured(2), user.name, m.captured(1)));
    if (!m_store.tryGet(QStringLiteral("/services"), m.captured(1), m.captured(2)))
        throw ApiError::notFound(QString(), QStringLiteral("services"), m.captured(2));
    quint16 port = 0;
    {
        std::lock_guard lock(m_proxiesMutex);
        port = m_proxies.value(m.captured(1) + QLatin1Char('/') + m.captured(2));
    }
    if (!port)
        throw ApiError(
            503, QStringLiteral("ServiceUnavailable"),
            QStringLiteral("no endpoints available for service \"%1\"").arg(m.captured(2)));
    httplib::Client client("127.0.0.1", port);
    client.set_connection_timeout(2, 0);
    client.set_read_timeout(30, 0);
    std::string target = m.captured(3).isEmpty() ? std::string("/") : m.captured(3).toStdString();
    if (!req.params.empty()) {
        std::string query;
        for (const auto &[k, v] : req.params)
            query += (query.empty() ? "" : "&") + httplib::detail::encode_query_param(k) + '='
                + httplib::detail::encode_query_param(v);
        target += '?' + query;
    }
    const std::string type = req.get_header_value("Content-Type");
    httplib::Result reply = req.method == "POST"
        ? client.Post(target, req.body, type.empty() ? "application/x-www-form-urlencoded" : type)
        : client.Get(target);
    if (!reply)
        throw ApiError(503, QStringLiteral("ServiceUnavailable"),
                       QStringLiteral("error trying to reach service: %1")
                           .arg(QString::fromStdString(httplib::to_string(reply.error()))));
    res.status = reply->status;
    res.set_content(reply->body,
                    reply->get_header_value("Content-Type").empty()
                        ? "text/plain"
                        : reply->get_header_value("Content-Type").c_str());
    return true;
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
    const bool writes = !get && req.method != "OPTIONS";
    if (!user.canRead || (writes && !user.canWrite && !reviewOnly)) {
        QString verb;
        if (get)
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
        throw ApiError::badRequest(
            QStringLiteral("the demo cluster runs no containers, so pods/%1 is not available: "
                           "its pods' processes are simulated")
                .arg(sub));
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
        const QJsonObject o = remove(req, type, ns, name, &status);
        return send(res, status, toJson(o));
    }
    throw ApiError::methodNotAllowed(
        QStringLiteral("method %1 is not supported").arg(QString::fromStdString(m)));
}

void ApiServer::serveList(const httplib::Request &req, httplib::Response &res,
                          const ResourceType &type, const QString &ns)
{
    const Selector labels = Selector::parseLabels(param(req, "labelSelector"));
    const Selector fields = Selector::parseFields(param(req, "fieldSelector"));
    bool ok = true;
    const int limit = req.has_param("limit") ? param(req, "limit").toInt(&ok) : 0;
    if (!ok || limit < 0)
        throw ApiError::badRequest(QStringLiteral("limit must be a non-negative integer"));
    const VersionRequest wanted = versionRequest(req, false);
    awaitVersion(m_store, wanted.version);
    const auto list = wanted.exact
        ? m_store.listAt(type, ns, labels, fields, limit, wanted.version)
        : m_store.list(type, ns, labels, fields, limit, param(req, "continue"));
    const QString rv = QString::number(list.resourceVersion);
    if (wantsTable(req)) {
        const bool full = param(req, "includeObject") == QLatin1String("Object");
        return send(res, 200,
                    toJson(Tables::table(type, list.objects, rv, list.continueToken, full)));
    }
    QJsonObject meta {{QStringLiteral("resourceVersion"), rv}};
    if (!list.continueToken.isEmpty())
        meta.insert(QStringLiteral("continue"), list.continueToken);
    if (list.remainingItemCount >= 0)
        meta.insert(QStringLiteral("remainingItemCount"), list.remainingItemCount);
    if (wantsPartialMetadata(req)) {
        QJsonArray items;
        for (const QJsonObject &o : list.objects)
            items.append(partialMetadata(o));
        return send(res, 200,
                    toJson(QJsonObject {
                        {QStringLiteral("kind"), QStringLiteral("PartialObjectMetadataList")},
                        {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                        {QStringLiteral("metadata"), meta},
                        {QStringLiteral("items"), items}}));
    }
    // Items are stored serialized: the list is spliced together without re-encoding them.
    QByteArray body;
    qsizetype size = 128;
    for (const QByteArray &item : list.items)
        size += item.size() + 1;
    body.reserve(size);
    body += "{\"kind\":\"" + type.kind.toUtf8() + "List\",\"apiVersion\":\""
        + type.apiVersion().toUtf8() + "\",\"metadata\":" + toJson(meta) + ",\"items\":[";
    for (qsizetype i = 0; i < list.items.size(); ++i) {
        if (i)
            body += ',';
        body += list.items.at(i);
    }
    body += "]}";
    send(res, 200, body);
}

void ApiServer::serveWatch(const httplib::Request &req, httplib::Response &res,
                           const ResourceType &type, const QString &ns, const QString &name)
{
    Selector labels = Selector::parseLabels(param(req, "labelSelector"));
    Selector fields = Selector::parseFields(param(req, "fieldSelector"));
    if (!name.isEmpty())
        fields = Selector::parseFields(QStringLiteral("metadata.name=") + name);
    const quint64 from = versionRequest(req, true).version;
    awaitVersion(m_store, from);
    const bool bookmarks = flag(req, "allowWatchBookmarks");
    int timeout = 1800;
    if (req.has_param("timeoutSeconds"))
        timeout = qMax(0, param(req, "timeoutSeconds").toInt());
    const bool table = wantsTable(req);
    const bool fullObject = param(req, "includeObject") == QLatin1String("Object");

    auto initial = std::make_shared<std::vector<WatchEventPtr>>();
    std::shared_ptr<Watcher> watcher;
    std::optional<ApiError> gone;
    try {
        watcher = m_store.watch(type, ns, from, initial.get());
    } catch (const ApiError &e) {
        if (e.code() != 410 || m_options.watchGoneAsHttpStatus)
            throw;
        gone = e;
    }

    auto encode = [type, table, fullObject](const char *eventType, const QJsonObject &object,
                                            const QByteArray &json) {
        QByteArray line = QByteArray("{\"type\":\"") + eventType + "\",\"object\":";
        if (table)
            line += toJson(Tables::table(type, {object}, metaString(object, "resourceVersion"), {},
                                         fullObject));
        else
            line += json;
        line += "}\n";
        return line;
    };
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout);
    auto lastWrite
        = std::make_shared<std::chrono::steady_clock::time_point>(std::chrono::steady_clock::now());
    auto started = std::make_shared<bool>(false);
    auto lastRv = std::make_shared<quint64>(from ? from : m_store.resourceVersion());
    ++m_openStreams;
    const int bookmarkMs = m_options.bookmarkIntervalMs;

    res.status = 200;
    res.set_header("Cache-Control", "no-cache, private");
    uncompressed(req);
    res.set_chunked_content_provider(
        "application/json;stream=watch",
        [=, this](size_t, httplib::DataSink &sink) mutable -> bool {
            QByteArray *batching = nullptr;
            auto write = [&](const QByteArray &b) {
                if (batching) {
                    batching->append(b);
                    return true;
                }
                *lastWrite = std::chrono::steady_clock::now();
                return sink.write(b.constData(), size_t(b.size()));
            };
            if (gone) {
                write("{\"type\":\"ERROR\",\"object\":" + toJson(gone->status()) + "}\n");
                sink.done();
                return true;
            }
            auto deliver = [&](const WatchEventPtr &e) -> bool {
                const bool match
                    = (labels.isEmpty()
                       || labels.matchesLabels(e->object.value(QStringLiteral("metadata"))
                                                   .toObject()
                                                   .value(QStringLiteral("labels"))
                                                   .toObject()))
                    && (fields.isEmpty() || fields.matchesFields(e->object));
                const char *kind = e->typeName();
                if (e->type == WatchEvent::Type::Modified && !e->previous.isEmpty()) {
                    const bool was
                        = (labels.isEmpty()
                           || labels.matchesLabels(e->previous.value(QStringLiteral("metadata"))
                                                       .toObject()
                                                       .value(QStringLiteral("labels"))
                                                       .toObject()))
                        && (fields.isEmpty() || fields.matchesFields(e->previous));
                    if (!was && !match)
                        return true;
                    if (was && !match)
                        kind = "DELETED";
                    else if (!was && match)
                        kind = "ADDED";
                } else if (!match) {
                    return true;
                }
                *lastRv = qMax(*lastRv, e->resourceVersion);
                if (!table && !e->line.isEmpty() && qstrcmp(kind, e->typeName()) == 0)
                    return write(e->line); // encoded once by the store for every watcher
                return write(encode(kind, e->object, e->json));
            };
            if (!*started) {
                *started = true;
                for (const WatchEventPtr &e : *initial) {
                    if (!deliver(e))
                        return false;
                }
                initial->clear();
                if (bookmarks && from == 0) {
                    // Marks the end of the synthetic ADDED events, as sendInitialEvents does.
                    const QJsonObject bm {
                        {QStringLiteral("kind"), type.kind},
                        {QStringLiteral("apiVersion"), type.apiVersion()},
                        {QStringLiteral("metadata"),
                         QJsonObject {{QStringLiteral("resourceVersion"),
                                       QString::number(m_store.resourceVersion())},
                                      {QStringLiteral("annotations"),
                                       QJsonObject {{QStringLiteral("k8s.io/initial-events-end"),
                                                     QStringLiteral("true")}}}}}};
                    if (!write("{\"type\":\"BOOKMARK\",\"object\":" + toJson(bm) + "}\n"))
                        return false;
                }
            }
            if (m_stopping || std::chrono::steady_clock::now() >= deadline) {
                sink.done();
                return true;
            }
            bool overflowed = false;
            const auto remaining = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            const auto events = m_store.next(
                *watcher, std::min<std::chrono::milliseconds>(remaining, 250ms), 50ms, &overflowed);
            if (overflowed) {
                write("{\"type\":\"ERROR\",\"object\":"
                      + toJson(ApiError::gone(
                                   QStringLiteral(
                                       "too old resource version: the watcher fell too far behind"))
                                   .status())
                      + "}\n");
                sink.done();
                return true;
            }
            // One write for the whole batch.
            QByteArray batch;
            batching = &batch;
            for (const WatchEventPtr &e : events)
                deliver(e);
            batching = nullptr;
            if (!batch.isEmpty() && !write(batch))
                return false;
            if (bookmarks
                && std::chrono::steady_clock::now() - *lastWrite
                    > std::chrono::milliseconds(bookmarkMs)) {
                const QJsonObject bm {
                    {QStringLiteral("kind"), type.kind},
                    {QStringLiteral("apiVersion"), type.apiVersion()},
                    {QStringLiteral("metadata"),
                     QJsonObject {{QStringLiteral("resourceVersion"),
                                   QString::number(qMax(*lastRv, m_store.resourceVersion()))}}}};
                if (!write("{\"type\":\"BOOKMARK\",\"object\":" + toJson(bm) + "}\n"))
                    return false;
            }
            return true;
        },
        [this, watcher](bool) {
            if (watcher)
                m_store.unwatch(watcher);
            --m_openStreams;
        });
}

void ApiServer::serveLogs(const httplib::Request &req, httplib::Response &res,
                          const QJsonObject &pod)
{
    const QString container = param(req, "container");
    const auto lines = PodLogs::validate(pod, container);
    const QString uid = metaString(pod, "uid");
    if (m_options.processes && m_options.processes->log(uid))
        return serveProcessLogs(req, res, uid);
    const int tail = req.has_param("tailLines") ? param(req, "tailLines").toInt() : -1;
    const bool timestamps = flag(req, "timestamps");
    const QString podName = metaString(pod, "name");
    const QString ns = metaString(pod, "namespace");
    const QString chosen = lines;
    // limitBytes: the log ends after that many bytes, in the middle of a line if need be.
    qint64 limit = -1;
    if (req.has_param("limitBytes")) {
        bool ok = false;
        limit = param(req, "limitBytes").toLongLong(&ok);
        if (!ok || limit < 1)
            throw ApiError::invalid(QStringLiteral("PodLogOptions"), QString(),
                                    QStringLiteral("limitBytes"),
                                    QStringLiteral("Invalid value: must be greater than 0"));
    }
    QByteArray history = PodLogs::history(pod, chosen, tail, timestamps);
    if (limit >= 0 && history.size() >= limit)
        return send(res, 200, history.left(limit), "text/plain");
    if (!flag(req, "follow"))
        return send(res, 200, history, "text/plain");
    auto counter = std::make_shared<qint64>(PodLogs::lineCount(pod));
    auto remaining = std::make_shared<qint64>(limit >= 0 ? limit - history.size() : -1);
    streamLog(req, res, history, [=, this](httplib::DataSink &sink) -> bool {
        for (int i = 0; i < 10; ++i) {
            if (m_stopping) {
                sink.done();
                return true;
            }
            std::this_thread::sleep_for(100ms);
        }
        if (!m_store.tryGet(QStringLiteral("/pods"), ns, podName)) {
            sink.done();
            return true;
        }
        QByteArray line
            = PodLogs::line(pod, chosen, (*counter)++, QDateTime::currentDateTimeUtc(), timestamps);
        if (*remaining >= 0 && line.size() >= *remaining) {
            line.truncate(*remaining);
            sink.write(line.constData(), size_t(line.size()));
            sink.done();
            return true;
        }
        if (*remaining >= 0)
            *remaining -= line.size();
        return sink.write(line.constData(), size_t(line.size()));
    });
}

void ApiServer::streamLog(const httplib::Request &req, httplib::Response &res,
                          const QByteArray &history, std::function<bool(httplib::DataSink &)> more)
{
    // The history first, then whatever `more` writes, until it ends the stream or we stop.
    auto sentHistory = std::make_shared<bool>(false);
    ++m_openStreams;
    res.status = 200;
    uncompressed(req);
    res.set_chunked_content_provider(
        "text/plain",
        [this, history, sentHistory, more](size_t, httplib::DataSink &sink) -> bool {
            if (!*sentHistory) {
                *sentHistory = true;
                if (!history.isEmpty() && !sink.write(history.constData(), size_t(history.size())))
                    return false;
            }
            if (m_stopping) {
                sink.done();
                return true;
            }
            return more(sink);
        },
        [this](bool) { --m_openStreams; });
}

void ApiServer::serveProcessLogs(const httplib::Request &req, httplib::Response &res,
                                 const QString &uid)
{
    const ContainerProcesses *processes = m_options.processes;
    const auto first = processes->log(uid);
    QByteArray history = first->data;
    if (req.has_param("tailLines")) {
        const int tail = param(req, "tailLines").toInt();
        QList<QByteArray> lines = history.split('\n');
        if (!lines.isEmpty() && lines.last().isEmpty())
            lines.removeLast();
        if (tail >= 0 && lines.size() > tail)
            lines = lines.mid(lines.size() - tail);
        history = lines.isEmpty() ? QByteArray() : lines.join('\n') + '\n';
    }
    if (!flag(req, "follow") || first->finished)
        return send(res, 200, history, "text/plain");
    // Follow: what the process writes, as it writes it, until it ends (as a kubelet does).
    auto offset = std::make_shared<qint64>(first->end);
    streamLog(req, res, history, [=](httplib::DataSink &sink) -> bool {
        processes->waitForOutput(uid, *offset, 200);
        const auto chunk = processes->log(uid, *offset);
        if (!chunk) {
            sink.done();
            return true;
        }
        *offset = chunk->end;
        if (!chunk->data.isEmpty()
            && !sink.write(chunk->data.constData(), size_t(chunk->data.size())))
            return false;
        if (chunk->finished)
            sink.done();
        return true;
    });
}

QJsonObject ApiServer::create(const httplib::Request &req, const ResourceType &type,
                              const QString &ns, const QJsonObject &body, int *status)
{
    const QString kind = body.value(QStringLiteral("kind")).toString();
    if (!kind.isEmpty() && kind != type.kind)
        throw ApiError::badRequest(QStringLiteral("the kind of the object (%1) does not match the "
                                                  "resource (%2)")
                                       .arg(kind, type.plural));
    QJsonObject object = m_admission.admitCreate(type, body, ns);
    object = ServerSideApply::recordUpdate(QJsonObject(), object, fieldManager(req, "unknown"),
                                           type.apiVersion());
    *status = 201;
    if (param(req, "dryRun") == QLatin1String("All"))
        return object;
    return m_store.create(type, object);
}

QJsonObject ApiServer::update(const httplib::Request &req, const ResourceType &type,
                              const QString &ns, const QString &name, const QString &sub,
                              const QJsonObject &body)
{
    const QJsonObject live = m_store.get(type, ns, name);
    if (metaString(body, "name") != name)
        throw ApiError::badRequest(QStringLiteral("the name of the object (%1) does not match the "
                                                  "name on the URL (%2)")
                                       .arg(metaString(body, "name"), name));
    QJsonObject next;
    if (sub == QLatin1String("status")) {
        next = live;
        next.insert(QStringLiteral("status"), body.value(QStringLiteral("status")));
        QJsonObject md = next.value(QStringLiteral("metadata")).toObject();
        md.insert(QStringLiteral("resourceVersion"), metaString(body, "resourceVersion"));
        next.insert(QStringLiteral("metadata"), md);
    } else if (sub == QLatin1String("scale")) {
        next = live;
        QJsonObject spec = next.value(QStringLiteral("spec")).toObject();
        spec.insert(QStringLiteral("replicas"),
                    body.value(QStringLiteral("spec"))
                        .toObject()
                        .value(QStringLiteral("replicas"))
                        .toInt());
        next.insert(QStringLiteral("spec"), spec);
    } else {
        next = body;
        if (live.contains(QStringLiteral("status"))
            && type.subresources.contains(QStringLiteral("status")))
            next.insert(QStringLiteral("status"), live.value(QStringLiteral("status")));
        QJsonObject md = next.value(QStringLiteral("metadata")).toObject();
        md.insert(QStringLiteral("namespace"), ns);
        next.insert(QStringLiteral("metadata"), md);
        next = m_admission.admitUpdate(type, next, live);
    }
    next = ServerSideApply::recordUpdate(live, next, fieldManager(req, "unknown"),
                                         type.apiVersion());
    if (param(req, "dryRun") == QLatin1String("All"))
        return next;
    const QJsonObject stored = m_store.update(type, next, true);
    return sub == QLatin1String("scale") ? scaleOf(type, stored) : stored;
}

QJsonObject ApiServer::patch(const httplib::Request &req, const ResourceType &type,
                             const QString &ns, const QString &name, const QString &sub,
                             int *status)
{
    const QString contentType
        = header(req, "Content-Type").section(QLatin1Char(';'), 0, 0).trimmed();
    const bool dryRun = param(req, "dryRun") == QLatin1String("All");
    const bool apply = contentType == QLatin1String("application/apply-patch+yaml");
    // PatchOptions as Kubernetes validates them.
    if (!apply && req.has_param("force"))
        throw ApiError::invalid(QStringLiteral("PatchOptions.meta.k8s.io"), QString(),
                                QStringLiteral("force"),
                                QStringLiteral("Forbidden: may not be specified for non-apply "
                                               "patch"));
    if (apply) {
        const QString manager = param(req, "fieldManager");
        if (manager.isEmpty())
            throw ApiError::invalid(QStringLiteral("PatchOptions.meta.k8s.io"), QString(),
                                    QStringLiteral("fieldManager"),
                                    QStringLiteral("Required value: is required for apply patch"));
        const QJsonObject applied = parseBody(req);
        const QString kind = applied.value(QStringLiteral("kind")).toString();
        if (kind != type.kind
            || applied.value(QStringLiteral("apiVersion")).toString() != type.apiVersion())
            throw ApiError::badRequest(
                QStringLiteral("the apiVersion and kind of the applied object "
                               "(%1, %2) do not match the resource (%3, %4)")
                    .arg(applied.value(QStringLiteral("apiVersion")).toString(), kind,
                         type.apiVersion(), type.kind));
        if (metaString(applied, "name") != name)
            throw ApiError::badRequest(
                QStringLiteral("the name of the applied object (%1) does not "
                               "match the name on the URL (%2)")
                    .arg(metaString(applied, "name"), name));
        const bool force = flag(req, "force");
        const auto live = m_store.tryGet(type.storageKey(), type.namespaced ? ns : QString(), name);
        if (!live) {
            QJsonObject object = m_admission.admitCreate(type, applied, ns);
            // The applier owns what it sent, not what the server defaulted.
            const QJsonObject owned
                = ServerSideApply::apply(QJsonObject(), applied, manager, force, type.apiVersion());
            QJsonObject md = object.value(QStringLiteral("metadata")).toObject();
            md.insert(QStringLiteral("managedFields"),
                      owned.value(QStringLiteral("metadata"))
                          .toObject()
                          .value(QStringLiteral("managedFields")));
            object.insert(QStringLiteral("metadata"), md);
            *status = 201;
            return dryRun ? object : m_store.create(type, object);
        }
        QJsonObject next
            = ServerSideApply::apply(*live, applied, manager, force, type.apiVersion());
        if (type.subresources.contains(QStringLiteral("status")) && sub != QLatin1String("status"))
            next.insert(QStringLiteral("status"), live->value(QStringLiteral("status")));
        next = m_admission.admitUpdate(type, next, *live);
        return dryRun ? next : m_store.update(type, next, false);
    }

    const QJsonObject live = m_store.get(type, ns, name);
    const QByteArray body = QByteArray::fromStdString(req.body);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        throw ApiError::badRequest(QStringLiteral("the patch is not valid JSON: %1 at offset %2")
                                       .arg(error.errorString())
                                       .arg(error.offset));
    QJsonObject base = sub == QLatin1String("scale") ? scaleOf(type, live) : live;
    QJsonObject patched;
    if (contentType == QLatin1String("application/merge-patch+json")) {
        patched = Patches::mergePatch(base, doc.object()).toObject();
    } else if (contentType == QLatin1String("application/json-patch+json")) {
        if (!doc.isArray())
            throw ApiError::badRequest(
                QStringLiteral("a JSON patch must be an array of operations"));
        patched = Patches::jsonPatch(base, doc.array()).toObject();
    } else if (contentType == QLatin1String("application/strategic-merge-patch+json")) {
        if (type.custom)
            throw ApiError::unsupportedMediaType(contentType);
        patched = Patches::strategicMerge(base, doc.object());
    } else {
        throw ApiError::unsupportedMediaType(contentType);
    }
    QJsonObject next;
    if (sub == QLatin1String("scale")) {
        next = live;
        QJsonObject spec = next.value(QStringLiteral("spec")).toObject();
        spec.insert(QStringLiteral("replicas"),
                    patched.value(QStringLiteral("spec"))
                        .toObject()
                        .value(QStringLiteral("replicas"))
                        .toInt());
        next.insert(QStringLiteral("spec"), spec);
    } else if (sub == QLatin1String("status")) {
        next = live;
        next.insert(QStringLiteral("status"), patched.value(QStringLiteral("status")));
    } else {
        next = patched;
        if (type.subresources.contains(QStringLiteral("status")))
            next.insert(QStringLiteral("status"), live.value(QStringLiteral("status")));
        if (metaString(next, "name") != name)
            throw ApiError::badRequest(
                QStringLiteral("the name of the object cannot be changed by a patch"));
        next = m_admission.admitUpdate(type, next, live);
    }
    next = ServerSideApply::recordUpdate(live, next, fieldManager(req, "unknown"),
                                         type.apiVersion());
    if (dryRun)
        return next;
    const bool checkVersion = !metaString(patched, "resourceVersion").isEmpty()
        && metaString(patched, "resourceVersion") != metaString(live, "resourceVersion");
    if (checkVersion)
        throw ApiError::conflict(type.group, type.plural, name,
                                 QStringLiteral("the object has been modified; please apply your "
                                                "changes to the latest version and try again"));
    return m_store.update(type, next, false);
}

QJsonObject ApiServer::remove(const httplib::Request &req, const ResourceType &type,
                              const QString &ns, const QString &name, int *status)
{
    QJsonObject options;
    if (!req.body.empty()) {
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(req.body));
        options = doc.object();
    }
    QString policy = param(req, "propagationPolicy");
    if (policy.isEmpty())
        policy = options.value(QStringLiteral("propagationPolicy")).toString();
    if (policy.isEmpty() && options.contains(QStringLiteral("orphanDependents")))
        policy = options.value(QStringLiteral("orphanDependents")).toBool()
            ? QStringLiteral("Orphan")
            : QStringLiteral("Background");
    if (policy.isEmpty())
        policy = QStringLiteral("Background");
    if (policy != QLatin1String("Background") && policy != QLatin1String("Foreground")
        && policy != QLatin1String("Orphan"))
        throw ApiError::badRequest(QStringLiteral("propagationPolicy must be one of Background, "
                                                  "Foreground or Orphan (got %1)")
                                       .arg(policy));
    int grace = -1;
    if (req.has_param("gracePeriodSeconds"))
        grace = param(req, "gracePeriodSeconds").toInt();
    else if (options.contains(QStringLiteral("gracePeriodSeconds")))
        grace = options.value(QStringLiteral("gracePeriodSeconds")).toInt();

    QJsonObject live = m_store.get(type, ns, name);
    const QJsonObject pre = options.value(QStringLiteral("preconditions")).toObject();
    if (pre.contains(QStringLiteral("uid"))
        && pre.value(QStringLiteral("uid")).toString() != metaString(live, "uid"))
        throw ApiError::conflict(
            type.group, type.plural, name,
            QStringLiteral("Precondition failed: UID in precondition does not match"));
    if (pre.contains(QStringLiteral("resourceVersion"))
        && pre.value(QStringLiteral("resourceVersion")).toString()
            != metaString(live, "resourceVersion"))
        throw ApiError::conflict(
            type.group, type.plural, name,
            QStringLiteral("Precondition failed: resourceVersion in precondition does not match"));
    if (param(req, "dryRun") == QLatin1String("All"))
        return live;

    QJsonObject md = live.value(QStringLiteral("metadata")).toObject();
    if (md.contains(QStringLiteral("deletionTimestamp"))) {
        *status = 202;
        return live;
    }
    const QString uid = md.value(QStringLiteral("uid")).toString();
    auto markDeleting = [&](int graceSeconds) {
        md.insert(QStringLiteral("deletionTimestamp"), nowRfc3339());
        md.insert(QStringLiteral("deletionGracePeriodSeconds"), graceSeconds);
        live.insert(QStringLiteral("metadata"), md);
        if (type.kind == QLatin1String("Namespace")) {
            QJsonObject st = live.value(QStringLiteral("status")).toObject();
            st.insert(QStringLiteral("phase"), QStringLiteral("Terminating"));
            live.insert(QStringLiteral("status"), st);
        }
        return m_store.update(type, live, false);
    };
    if (type.kind == QLatin1String("Namespace")) {
        *status = 200;
        return markDeleting(0); // the namespace controller empties and removes it
    }
    if (!md.value(QStringLiteral("finalizers")).toArray().isEmpty()) {
        *status = 202;
        return markDeleting(0);
    }
    if (type.kind == QLatin1String("Pod") && grace != 0
        && !live.value(QStringLiteral("spec"))
                .toObject()
                .value(QStringLiteral("nodeName"))
                .toString()
                .isEmpty()
        && live.value(QStringLiteral("status")).toObject().value(QStringLiteral("phase")).toString()
            != QLatin1String("Succeeded")
        && live.value(QStringLiteral("status")).toObject().value(QStringLiteral("phase")).toString()
            != QLatin1String("Failed")) {
        *status = 200;
        return markDeleting(grace < 0 ? 30
                                      : grace); // the kubelet simulation stops it and removes it
    }
    if (policy == QLatin1String("Orphan"))
        Ownership::orphanDependents(m_store, m_registry, uid, type.namespaced ? ns : QString());
    else if (policy == QLatin1String("Foreground"))
        Ownership::deleteDependents(m_store, m_registry, uid, type.namespaced ? ns : QString());
    *status = 200;
    return m_store.remove(type, ns, name); // Background: the garbage collector follows
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
