#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Meshdeck::Demo {

// The demo's container logs: plausible, deterministic lines derived from the pod's image and
// age (start-up messages, then access-log lines), so log viewers have something real to show.
class PodLogs
{
public:
    // The container to read: `requested`, or the only/first app container. Throws ApiError 400
    // for an unknown container or one that has not started.
    static QString validate(const QJsonObject &pod, const QString &requested);
    static QByteArray history(const QJsonObject &pod, const QString &container, int tailLines,
                              bool timestamps);
    static QByteArray line(const QJsonObject &pod, const QString &container, qint64 index,
                           const QDateTime &when, bool timestamps);
    static qint64 lineCount(const QJsonObject &pod);
};

} // namespace Meshdeck::Demo
