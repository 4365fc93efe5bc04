#pragma once

#include "resourcetype.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Meshdeck::Demo {

// Server-side printing: objects as a meta.k8s.io/v1 Table with the columns kubectl shows for each
// kind (and a CRD's additionalPrinterColumns).
class Tables
{
public:
    [[nodiscard]] static QJsonArray columns(const ResourceType &type);
    [[nodiscard]] static QJsonObject row(const ResourceType &type, const QJsonObject &object,
                                         bool includeObject);
    [[nodiscard]] static QJsonObject table(const ResourceType &type,
                                           const QList<QJsonObject> &objects,
                                           const QString &resourceVersion,
                                           const QString &continueToken, bool includeObject);
    // "5m", "3h12m", "2d" as kubectl prints ages.
    [[nodiscard]] static QString age(const QString &rfc3339);
};

} // namespace Meshdeck::Demo
