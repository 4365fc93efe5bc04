#pragma once

#include "resourcetype.h"

#include <QByteArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QString>

#include <optional>
#include <string>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

Q_DECLARE_LOGGING_CATEGORY(lcDemoApi)

namespace Meshdeck::Demo {

class ApiError;
class ObjectStore;

// How the demo's API server reads a request and writes a reply, shared by the files that serve
// reads, streams and writes: query parameters and headers as Kubernetes parses them, bodies in
// JSON, YAML or protobuf, replies in JSON or protobuf, field validation and resourceVersion
// checks.
namespace ApiRequest {

[[nodiscard]] QString param(const httplib::Request &req, const char *name);
// A boolean query parameter as the API server converts it (runtime.Convert_Slice_string_To_bool):
// absent is false; "0" and any case of "false" are false; anything else present, "true", "True",
// "t", "1" or an empty value ("?watch"), is true. The Python client sends "True".
[[nodiscard]] bool flag(const httplib::Request &req, const char *name);
[[nodiscard]] QString header(const httplib::Request &req, const char *name);
[[nodiscard]] QByteArray toJson(const QJsonObject &o);

void send(httplib::Response &res, int status, const QByteArray &body,
          const char *type = "application/json");
void sendError(httplib::Response &res, const ApiError &e);
// A client that asks for protobuf before JSON (client-go's typed clients, kubectl create) gets
// the object in protobuf when its kind has that form; anything else stays JSON, which the same
// clients read as well.
void answerInProtobuf(const httplib::Request &req, httplib::Response &res);
[[nodiscard]] bool wantsTable(const httplib::Request &req);
[[nodiscard]] bool wantsPartialMetadata(const httplib::Request &req);
[[nodiscard]] QJsonObject partialMetadata(const QJsonObject &o);

// The request's object: JSON, YAML or protobuf by its Content-Type (400 when it cannot be read).
[[nodiscard]] QJsonObject parseBody(const httplib::Request &req);
// The fieldManager parameter, else the client's name from its User-Agent, else `fallback`.
[[nodiscard]] QString fieldManager(const httplib::Request &req, const char *fallback);
// Streams must not be compressed: a compressor holds small events back until it flushes, which
// would delay them indefinitely. cpp-httplib compresses whenever the client accepts it, so the
// request's Accept-Encoding is dropped for streamed responses.
void uncompressed(const httplib::Request &req);
// `body` in gzip, at level 1 (kube-apiserver's choice: fast, most of the gain on JSON); nothing
// if zlib fails.
[[nodiscard]] std::optional<std::string> gzipped(const std::string &body);
// The autoscaling/v1 Scale of a workload.
[[nodiscard]] QJsonObject scaleOf(const ResourceType &type, const QJsonObject &o);
// Unknown fields of a built-in kind: dropped (as Kubernetes' decoder drops them), and per the
// fieldValidation parameter a 400 (Strict), a Warning header each (Warn, the default) or nothing.
void validateFields(const httplib::Request &req, httplib::Response &res, const ResourceType &type,
                    QJsonObject *body);

// resourceVersion and resourceVersionMatch of a LIST or WATCH, checked as ListOptions
// validation does (422), with the version a request names (0 when it names none).
struct VersionRequest
{
    quint64 version = 0;
    bool exact = false;
};
[[nodiscard]] VersionRequest versionRequest(const httplib::Request &req, bool watch);
// A version the store has not reached yet: wait a little for it, as the watch cache does, then
// 504 with the cause clients look for.
void awaitVersion(ObjectStore &store, quint64 version);

} // namespace ApiRequest
} // namespace Meshdeck::Demo
