#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// Small readers of Kubernetes objects shared by the demo's server and controllers.
namespace Meshdeck::Demo {

inline QJsonObject metadataOf(const QJsonObject &object)
{
    return object.value(QStringLiteral("metadata")).toObject();
}

inline QString metaString(const QJsonObject &object, const char *key)
{
    return metadataOf(object).value(QLatin1String(key)).toString();
}

inline QString nowRfc3339()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

inline QString labelOf(const QJsonObject &object, const char *key)
{
    return metadataOf(object)
        .value(QStringLiteral("labels"))
        .toObject()
        .value(QLatin1String(key))
        .toString();
}

// A pod that runs and is not being deleted.
inline bool podRunning(const QJsonObject &pod)
{
    return !metadataOf(pod).contains(QStringLiteral("deletionTimestamp"))
        && pod.value(QStringLiteral("status")).toObject().value(QStringLiteral("phase")).toString()
        == QLatin1String("Running");
}

// Whether a pod's Ready condition is True.
inline bool podReady(const QJsonObject &pod)
{
    const QJsonArray conditions = pod.value(QStringLiteral("status"))
                                      .toObject()
                                      .value(QStringLiteral("conditions"))
                                      .toArray();
    for (const QJsonValue &c : conditions) {
        const QJsonObject condition = c.toObject();
        if (condition.value(QStringLiteral("type")).toString() == QLatin1String("Ready"))
            return condition.value(QStringLiteral("status")).toString() == QLatin1String("True");
    }
    return false;
}

} // namespace Meshdeck::Demo
