#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace Meshdeck::Demo {

// Kubernetes' protobuf request encoding ("k8s\0" + runtime.Unknown), decoded for the few
// create-only kinds that typed clients send as protobuf and the demo must understand
// (SelfSubjectAccessReview, SelfSubjectRulesReview). Anything else is 415 Unsupported Media Type.
class ProtobufBody
{
public:
    [[nodiscard]] static bool isProtobuf(const QByteArray &contentType);
    // The body as the equivalent JSON object; throws ApiError 400/415.
    static QJsonObject decode(const QByteArray &body);
};

} // namespace Meshdeck::Demo
