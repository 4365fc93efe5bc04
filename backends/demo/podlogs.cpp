#include "podlogs.h"

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

const char *kPaths[]
    = {"/productpage", "/api/v1/products",      "/reviews/0",           "/ratings/0", "/details/0",
       "/healthz",     "/productpage?u=normal", "/static/bootstrap.css"};
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

qint64 PodLogs::lineCount(const QJsonObject &pod)
{
    // Two start-up lines, then one line every two seconds of uptime.
    return 2 + qMax<qint64>(0, startedAt(pod).secsTo(QDateTime::currentDateTimeUtc()) / 2);
}

QByteArray PodLogs::line(const QJsonObject &pod, const QString &container, qint64 index,
                         const QDateTime &when, bool timestamps)
{
    const QString name
        = pod.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString();
    QString text;
    if (container == QLatin1String("istio-proxy")) {
        text = index == 0 ? QStringLiteral("info\tFLAG: --concurrency=\"2\"")
            : index == 1  ? QStringLiteral("info\tEnvoy proxy is ready")
                          : QStringLiteral("[%1] \"GET %2 HTTP/1.1\" 200 - via_upstream - \"-\" 0 "
                                            "%3 %4 %5 \"-\" \"Mozilla/5.0\"")
                               .arg(when.toString(Qt::ISODateWithMs))
                               .arg(QLatin1String(kPaths[index % 8]))
                               .arg(1000 + index % 4000)
                               .arg(2 + index % 17)
                               .arg(1 + index % 15);
    } else if (container == QLatin1String("linkerd-proxy")) {
        text = index == 0
            ? QStringLiteral("[     0.001s]  INFO ThreadId(01) linkerd2_proxy: release 2.210.4")
            : QStringLiteral("[%1s]  INFO ThreadId(01) inbound: serving on 0.0.0.0:4143")
                  .arg(index * 2);
    } else {
        text = index == 0 ? QStringLiteral("INFO: starting %1 (container %2)").arg(name, container)
            : index == 1
            ? QStringLiteral("INFO: listening on port 9080")
            : QStringLiteral("127.0.0.6 - - [%1] \"GET %2 HTTP/1.1\" 200 %3 \"-\" \"Envoy/HC\"")
                  .arg(when.toString(QStringLiteral("dd/MMM/yyyy:HH:mm:ss +0000")))
                  .arg(QLatin1String(kPaths[index % 8]))
                  .arg(300 + index % 5000);
    }
    QByteArray out;
    if (timestamps)
        out += when.toString(Qt::ISODateWithMs).toUtf8() + ' ';
    out += text.toUtf8() + '\n';
    return out;
}

QByteArray PodLogs::history(const QJsonObject &pod, const QString &container, int tailLines,
                            bool timestamps)
{
    const qint64 total = lineCount(pod);
    const qint64 first
        = tailLines >= 0 ? qMax<qint64>(0, total - tailLines) : qMax<qint64>(0, total - 5000);
    const QDateTime start = startedAt(pod);
    QByteArray out;
    for (qint64 i = first; i < total; ++i)
        out += line(pod, container, i, start.addSecs(i < 2 ? 0 : (i - 1) * 2), timestamps);
    return out;
}

} // namespace Meshdeck::Demo
