#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Meshdeck::Demo {

class AccessLog;

// The demo's container logs: what the container's model did at start (its start-up lines, at
// the pod's start time), then what it really answered since (its access log, when it serves
// traffic). Nothing is made up: a container that serves nothing logs only its start.
class PodLogs
{
public:
    // The container to read: `requested`, or the only/first app container. Throws ApiError 400
    // for an unknown container or one that has not started.
    static QString validate(const QJsonObject &pod, const QString &requested);
    // The start-up lines, then the last lines of the access log (tailLines < 0: all kept);
    // *seq is where a follower reads on from (AccessLog::since).
    static QByteArray history(const QJsonObject &pod, const QString &container, int tailLines,
                              bool timestamps, const AccessLog *log, qint64 *seq);
    // The access-log lines after *seq, advancing it.
    static QByteArray more(const QJsonObject &pod, const QString &container, bool timestamps,
                           const AccessLog *log, qint64 *seq);

private:
    static QList<QByteArray> startLines(const QJsonObject &pod, const QString &container);
    static QString logKey(const QJsonObject &pod, const QString &container);
};

} // namespace Meshdeck::Demo
