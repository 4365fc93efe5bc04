#pragma once

#include "resourcetype.h"

#include <QByteArray>
#include <QJsonObject>

namespace Meshdeck::Demo {

// The discovery and OpenAPI documents of the demo API: /version, /api, /api/v1, /apis,
// /apis/GROUP, /apis/GROUP/VERSION, /openapi/v2 and /openapi/v3.
class Discovery
{
public:
    static constexpr const char *kGitVersion = "v1.32.2";

    [[nodiscard]] static QJsonObject version();
    [[nodiscard]] static QJsonObject apiVersions(const QString &serverAddress);
    [[nodiscard]] static QJsonObject groupList(const ResourceRegistry &registry);
    [[nodiscard]] static QJsonObject group(const ResourceRegistry &registry, const QString &name);
    [[nodiscard]] static QJsonObject resourceList(const ResourceRegistry &registry,
                                                  const QString &group, const QString &version);
    // OpenAPI v2 as kubectl asks for it (protobuf) and as JSON. The documents declare the API's
    // paths; they carry no schemas, so clients skip client-side validation of field names.
    // Aggregated discovery (apidiscovery.k8s.io/v2 APIGroupDiscoveryList): every group, version
    // and resource in one document, for /api (legacy: the core group) or /apis.
    [[nodiscard]] static QJsonObject aggregated(const ResourceRegistry &registry, bool legacy);
    // Whether an Accept header asks for it first; its Content-Type.
    [[nodiscard]] static bool wantsAggregated(const QByteArray &accept);
    static constexpr const char *kAggregatedType
        = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
    [[nodiscard]] static QByteArray openApiV2Protobuf();
    [[nodiscard]] static QJsonObject openApiV2Json();
    [[nodiscard]] static QJsonObject openApiV3Root(const ResourceRegistry &registry);
    [[nodiscard]] static QJsonObject openApiV3Group(const ResourceRegistry &registry,
                                                    const QString &group, const QString &version);
};

} // namespace Meshdeck::Demo
