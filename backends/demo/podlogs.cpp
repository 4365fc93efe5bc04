#include "podlogs.h"

#include "accesslog.h"
#include "apierror.h"

#include <QJsonArray>

namespace Meshdeck::Demo {

namespace {
QDateTime startedAt(const QJsonObject &pod)
{
    const QDateTime t = QDateTime::fromString(pod.value(QStringLiteral("status"))
                                                  .toObject()
                                                  .value(QStringLiteral("startTime"))
                                                  .toString(),
                                              Qt::ISODate);
    return t.isValid() ? t : QDateTime::currentDateTimeUtc();
}

} // namespace

QString PodLogs::validate(const QJsonObject &pod, const QString &requested)
{
    const QJsonObject spec = pod.value(QStringLiteral("spec")).toObject();
    const QString podName
        = pod.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString();
    QStringList names;
    for (const char *key : {"containers", "initContainers"})
        for (const QJsonValue &c : spec.value(QLatin1String(key)).toArray())
            names << c.toObject().value(QStringLiteral("name")).toString();
    const QStringList appContainers = [&] {
        QStringList out;
        for (const QJsonValue &c : spec.value(QStringLiteral("containers")).toArray())
            out << c.toObject().value(QStringLiteral("name")).toString();
        return out;
    }();
    QString container = requested;
    if (container.isEmpty()) {
        // As the API server chooses (kubectl picks a default container on its own side).
        if (appContainers.size() != 1) {
            QStringList init = names.mid(appContainers.size());
            QString message
                = QStringLiteral("a container name must be specified for pod %1").arg(podName);
            if (!appContainers.isEmpty())
                message += QStringLiteral(", choose one of: [%1]").arg(appContainers.join(' '));
            if (!init.isEmpty())
                message
                    += QStringLiteral(" or one of the init containers: [%1]").arg(init.join(' '));
            throw ApiError::badRequest(message);
        }
        container = appContainers.first();
    }
    if (!names.contains(container))
        throw ApiError::badRequest(
            QStringLiteral("container %1 is not valid for pod %2").arg(container, podName));
    const QString phase
        = pod.value(QStringLiteral("status")).toObject().value(QStringLiteral("phase")).toString();
    if (phase == QLatin1String("Pending") || phase.isEmpty())
        throw ApiError::badRequest(
            QStringLiteral("container \"%1\" in pod \"%2\" is waiting to start: ContainerCreating")
                .arg(container, podName));
    return container;
}

QString PodLogs::logKey(const QJsonObject &pod, const QString &container)
{
    const QJsonObject md = pod.value(QStringLiteral("metadata")).toObject();
    const QJsonObject labels = md.value(QStringLiteral("labels")).toObject();
    return AccessLog::key(md.value(QStringLiteral("namespace")).toString(),
                          labels.value(QStringLiteral("app")).toString(),
                          labels.value(QStringLiteral("version")).toString(), container);
}

QList<QByteArray> PodLogs::startLines(const QJsonObject &pod, const QString &container)
{
    const QString name
        = pod.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString();
    if (container == QLatin1String("istio-proxy"))
        return {QByteArrayLiteral("info\tFLAG: --concurrency=\"2\""),
                QByteArrayLiteral("info\tEnvoy proxy is ready")};
    if (container == QLatin1String("linkerd-proxy"))
        return {QByteArrayLiteral("INFO ThreadId(01) linkerd2_proxy: release 2.210.4"),
                QByteArrayLiteral("INFO ThreadId(01) inbound: serving on 0.0.0.0:4143")};
    QList<QByteArray> lines {
        QStringLiteral("INFO: starting %1 (container %2)").arg(name, container).toUtf8()};
    // The ports its spec declares, as a server says where it listens.
    for (const QJsonValue &c : pod.value(QStringLiteral("spec"))
                                   .toObject()
                                   .value(QStringLiteral("containers"))
                                   .toArray()) {
        const QJsonObject o = c.toObject();
        if (o.value(QStringLiteral("name")).toString() != container)
            continue;
        for (const QJsonValue &port : o.value(QStringLiteral("ports")).toArray())
            lines << QStringLiteral("INFO: listening on port %1")
                         .arg(port.toObject().value(QStringLiteral("containerPort")).toInt())
                         .toUtf8();
    }
    return lines;
}

QByteArray PodLogs::history(const QJsonObject &pod, const QString &container, int tailLines,
                            bool timestamps, const AccessLog *log, qint64 *seq)
{
    const QDateTime started = startedAt(pod);
    QList<QPair<QDateTime, QByteArray>> lines;
    for (const QByteArray &l : startLines(pod, container))
        lines.append({started, l});
    *seq = 0;
    if (log)
        for (const AccessLog::Line &l : log->tail(logKey(pod, container), tailLines, seq))
            lines.append({l.when, l.text});
    QByteArray out;
    for (qsizetype i = tailLines < 0 ? 0 : std::max<qsizetype>(0, lines.size() - tailLines);
         i < lines.size(); ++i) {
        if (timestamps)
            out += lines[i].first.toString(Qt::ISODateWithMs).toUtf8() + ' ';
        out += lines[i].second + '\n';
    }
    return out;
}

QByteArray PodLogs::more(const QJsonObject &pod, const QString &container, bool timestamps,
                         const AccessLog *log, qint64 *seq)
{
    QByteArray out;
    if (!log)
        return out;
    for (const AccessLog::Line &l : log->since(logKey(pod, container), seq)) {
        if (timestamps)
            out += l.when.toString(Qt::ISODateWithMs).toUtf8() + ' ';
        out += l.text + '\n';
    }
    return out;
}

} // namespace Meshdeck::Demo
