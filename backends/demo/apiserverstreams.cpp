// ApiServer: LIST, WATCH and log streams, and the service proxy.
#include "apiserver.h"

#include "apirequest.h"

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

namespace Meshdeck::Demo {

using namespace std::chrono_literals;
using namespace ApiRequest;

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
    auto seq = std::make_shared<qint64>(0);
    const AccessLog *accessLog = m_options.accessLog;
    QByteArray history = PodLogs::history(pod, chosen, tail, timestamps, accessLog, seq.get());
    if (limit >= 0 && history.size() >= limit)
        return send(res, 200, history.left(limit), "text/plain");
    if (!flag(req, "follow"))
        return send(res, 200, history, "text/plain");
    auto remaining = std::make_shared<qint64>(limit >= 0 ? limit - history.size() : -1);
    streamLog(req, res, history, [=, this](httplib::DataSink &sink) -> bool {
        for (int i = 0; i < 5; ++i) {
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
        QByteArray lines = PodLogs::more(pod, chosen, timestamps, accessLog, seq.get());
        if (lines.isEmpty())
            return true; // nothing answered meanwhile: the stream stays open
        if (*remaining >= 0 && lines.size() >= *remaining) {
            lines.truncate(*remaining);
            sink.write(lines.constData(), size_t(lines.size()));
            sink.done();
            return true;
        }
        if (*remaining >= 0)
            *remaining -= lines.size();
        return sink.write(lines.constData(), size_t(lines.size()));
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

} // namespace Meshdeck::Demo
