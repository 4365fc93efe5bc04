#include "apirequest.h"

#include "apierror.h"
#include "crdschema.h"
#include "fieldvalidation.h"
#include "objectfields.h"
#include "objectstore.h"
#include "protobufcodec.h"

#include <core/yaml.h>

#include <QJsonArray>
#include <QJsonDocument>

#include <httplib.h>
#include <zlib.h>

#include <chrono>
#include <thread>

Q_LOGGING_CATEGORY(lcDemoApi, "meshdeck.demo.api", QtInfoMsg)

namespace Meshdeck::Demo::ApiRequest {

using namespace std::chrono_literals;

QString param(const httplib::Request &req, const char *name)
{
    return req.has_param(name) ? QString::fromStdString(req.get_param_value(name)) : QString();
}

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

void send(httplib::Response &res, int status, const QByteArray &body, const char *type)
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

void uncompressed(const httplib::Request &req)
{
    auto &headers = const_cast<httplib::Request &>(req).headers;
    headers.erase("Accept-Encoding");
    headers.erase("accept-encoding");
}

std::optional<std::string> gzipped(const std::string &body)
{
    z_stream z {};
    if (deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return std::nullopt;
    std::string out(deflateBound(&z, uLong(body.size())), '\0');
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(body.data()));
    z.avail_in = uInt(body.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int result = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (result != Z_STREAM_END)
        return std::nullopt;
    return out;
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

void validateFields(const httplib::Request &req, httplib::Response &res, const ResourceType &type,
                    QJsonObject *body)
{
    const FieldValidation::Mode mode = FieldValidation::parse(param(req, "fieldValidation"));
    const QStringList unknown = type.custom
        ? CrdSchema::prune(body, type.schema)
        : FieldValidation::prune(body, type.apiVersion(), type.kind);
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

} // namespace Meshdeck::Demo::ApiRequest
