#pragma once

#include <QByteArray>
#include <QJsonObject>

#include <optional>

namespace Meshdeck::Demo {

// Kubernetes' protobuf encoding ("k8s\0" + runtime.Unknown wrapping the object's message) for the
// built-in kinds, converted to and from the JSON the store holds through Protobuf reflection over
// KubeSchema's descriptors. JSON follows Kubernetes' mapping: Time as RFC 3339, Quantity and
// IntOrString as scalars, bytes as base64, zero scalars omitted as Go's omitempty does.
class ProtobufCodec
{
public:
    [[nodiscard]] static bool isProtobuf(const QByteArray &contentType);
    // Whether the client's Accept header names protobuf before any JSON form.
    [[nodiscard]] static bool prefersProtobuf(const QByteArray &accept);

    // The body as the equivalent JSON object; throws ApiError 400 (malformed) or 415 (a kind
    // without a protobuf form).
    static QJsonObject decode(const QByteArray &body);
    // The object in protobuf, or nothing when its kind has no protobuf form or a field has no
    // place in it (the caller then answers in JSON, which every client reads).
    [[nodiscard]] static std::optional<QByteArray> encode(const QJsonObject &object);

    static constexpr char kContentType[] = "application/vnd.kubernetes.protobuf";
};

} // namespace Meshdeck::Demo
