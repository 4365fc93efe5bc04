#include "podsummary.h"

#include <QDateTime>
#include <QJsonArray>

namespace Meshdeck::Kube {

namespace {
QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}
QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}
} // namespace

QString PodSummary::status(const QJsonObject &pod)
{
    if (obj(pod, "metadata").contains(QStringLiteral("deletionTimestamp")))
        return QStringLiteral("Terminating");
    const QJsonObject st = obj(pod, "status");
    QString reason = str(st, "reason").isEmpty() ? str(st, "phase") : str(st, "reason");
    const QJsonArray inits = st.value(QStringLiteral("initContainerStatuses")).toArray();
    for (int i = 0; i < inits.size(); ++i) {
        const QJsonObject state = obj(inits.at(i).toObject(), "state");
        const QJsonObject terminated = obj(state, "terminated");
        if (!terminated.isEmpty() && terminated.value(QStringLiteral("exitCode")).toInt() == 0)
            continue;
        const QString waiting = str(obj(state, "waiting"), "reason");
        if (!waiting.isEmpty() && waiting != QLatin1String("PodInitializing"))
            return QStringLiteral("Init:") + waiting;
        return QStringLiteral("Init:%1/%2").arg(i).arg(inits.size());
    }
    for (const QJsonValue &v : st.value(QStringLiteral("containerStatuses")).toArray()) {
        const QJsonObject state = obj(v.toObject(), "state");
        const QString waiting = str(obj(state, "waiting"), "reason");
        const QString terminated = str(obj(state, "terminated"), "reason");
        if (!waiting.isEmpty())
            reason = waiting;
        else if (!terminated.isEmpty())
            reason = terminated;
    }
    if (reason == QLatin1String("Succeeded"))
        reason = QStringLiteral("Completed");
    return reason.isEmpty() ? QStringLiteral("Pending") : reason;
}

QString PodSummary::ready(const QJsonObject &pod)
{
    int ready = 0;
    for (const QJsonValue &v :
         obj(pod, "status").value(QStringLiteral("containerStatuses")).toArray())
        ready += v.toObject().value(QStringLiteral("ready")).toBool() ? 1 : 0;
    const int total = int(obj(pod, "spec").value(QStringLiteral("containers")).toArray().size());
    return QStringLiteral("%1/%2").arg(ready).arg(total);
}

int PodSummary::restarts(const QJsonObject &pod)
{
    int n = 0;
    for (const QJsonValue &v :
         obj(pod, "status").value(QStringLiteral("containerStatuses")).toArray())
        n += v.toObject().value(QStringLiteral("restartCount")).toInt();
    return n;
}

bool PodSummary::isReady(const QJsonObject &pod)
{
    for (const QJsonValue &c : obj(pod, "status").value(QStringLiteral("conditions")).toArray())
        if (str(c.toObject(), "type") == QLatin1String("Ready"))
            return str(c.toObject(), "status") == QLatin1String("True");
    return false;
}

QString PodSummary::sidecar(const QJsonObject &pod)
{
    for (const QJsonValue &c : obj(pod, "spec").value(QStringLiteral("containers")).toArray()) {
        const QString name = str(c.toObject(), "name");
        if (name == QLatin1String("istio-proxy"))
            return QStringLiteral("istio");
        if (name == QLatin1String("linkerd-proxy"))
            return QStringLiteral("linkerd");
    }
    return {};
}

QString PodSummary::age(const QString &rfc3339)
{
    const QDateTime t = QDateTime::fromString(rfc3339, Qt::ISODate);
    if (!t.isValid())
        return QStringLiteral("<unknown>");
    const qint64 s = qMax<qint64>(0, t.secsTo(QDateTime::currentDateTimeUtc()));
    if (s < 120)
        return QStringLiteral("%1s").arg(s);
    if (s < 600)
        return QStringLiteral("%1m%2s").arg(s / 60).arg(s % 60);
    if (s < 3 * 3600)
        return QStringLiteral("%1m").arg(s / 60);
    if (s < 8 * 3600)
        return QStringLiteral("%1h%2m").arg(s / 3600).arg((s % 3600) / 60);
    if (s < 2 * 86400)
        return QStringLiteral("%1h").arg(s / 3600);
    return QStringLiteral("%1d").arg(s / 86400);
}

} // namespace Meshdeck::Kube
