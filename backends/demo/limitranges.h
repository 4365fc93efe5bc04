#pragma once

#include <QJsonObject>
#include <QString>

namespace Meshdeck::Demo {

class ObjectStore;

// LimitRange as the API server's LimitRanger admission applies it to a pod's containers
// (limits of type Container): default limits and requests filled in where a container has
// none (a request defaults to the limit), the pod annotated as Kubernetes does, then min and
// max checked. cpu and memory; maxLimitRequestRatio and Pod or PVC limits are not applied.
class LimitRanges
{
public:
    // The pod with the namespace's defaults; ApiError 403 when a container is outside a min
    // or max ("maximum cpu usage per Container is 1, but limit is 2").
    [[nodiscard]] static QJsonObject admit(const ObjectStore &store, QJsonObject pod,
                                           const QString &ns);
};

} // namespace Meshdeck::Demo
