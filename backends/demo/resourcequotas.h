#pragma once

#include "resourcetype.h"

#include <QJsonObject>
#include <QString>

namespace Meshdeck::Demo {

class ObjectStore;

// ResourceQuota as the API server's quota admission and the quota controller apply it: object
// counts (pods, services, configmaps, secrets, persistentvolumeclaims, count/<resource>) and
// the pods' compute (requests.cpu, requests.memory, limits.cpu, limits.memory, and cpu and
// memory as requests), counted over the namespace's pods that have not ended.
class ResourceQuotas
{
public:
    // For a create of `object` in `ns`: ApiError 403 when it would take a quota of the
    // namespace past its hard limit ("exceeded quota: …, requested: …, used: …, limited: …"),
    // or when a pod leaves out a compute resource a quota limits ("failed quota: …: must
    // specify …").
    static void admit(const ObjectStore &store, const ResourceType &type, const QJsonObject &object,
                      const QString &ns);
    // status.used of a quota: what its namespace uses of each hard resource now.
    [[nodiscard]] static QJsonObject used(const ObjectStore &store, const QJsonObject &quota);
};

} // namespace Meshdeck::Demo
