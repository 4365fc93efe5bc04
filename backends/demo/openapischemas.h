#pragma once

#include <QJsonObject>
#include <QStringList>

namespace Meshdeck::Demo {

// OpenAPI v3 component schemas of built-in kinds, derived from KubeSchema's protobuf
// descriptors (the same source the protobuf codec reads), named as Kubernetes names them
// ("io.k8s.api.apps.v1.Deployment"), with x-kubernetes-group-version-kind on each kind and its
// list. Enough for `kubectl explain` to walk every field and its type.
class OpenApiSchemas
{
public:
    // Schemas for the kinds (apiVersion, kinds) and everything they reference.
    [[nodiscard]] static QJsonObject forKinds(const QString &apiVersion, const QStringList &kinds);

private:
    static QJsonObject build(const QString &apiVersion, const QStringList &kinds);
};

} // namespace Meshdeck::Demo
