#include "limitranges.h"

#include "apierror.h"
#include "objectstore.h"

#include <kube/quantity.h>

#include <QJsonArray>
#include <QStringList>

#include <optional>

namespace Meshdeck::Demo {

namespace {

std::optional<qint64> amount(const QString &resource, const QJsonValue &text)
{
    if (!text.isString())
        return std::nullopt;
    return resource == QLatin1String("cpu") ? Kube::Quantity::millicores(text.toString())
                                            : Kube::Quantity::bytes(text.toString());
}

} // namespace

QJsonObject LimitRanges::admit(const ObjectStore &store, QJsonObject pod, const QString &ns)
{
    const QList<QJsonObject> ranges = store.objects(QStringLiteral("/limitranges"), ns);
    if (ranges.isEmpty())
        return pod;
    const QString name
        = pod.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
    QJsonObject spec = pod.value(QLatin1String("spec")).toObject();
    QJsonArray containers = spec.value(QLatin1String("containers")).toArray();
    QStringList setRequests, setLimits;
    for (const QJsonObject &range : ranges) {
        for (const QJsonValue &l : range.value(QLatin1String("spec"))
                                       .toObject()
                                       .value(QLatin1String("limits"))
                                       .toArray()) {
            const QJsonObject limit = l.toObject();
            if (limit.value(QLatin1String("type")).toString() != QLatin1String("Container"))
                continue;
            const QJsonObject defaults = limit.value(QLatin1String("default")).toObject();
            const QJsonObject defaultRequests
                = limit.value(QLatin1String("defaultRequest")).toObject();
            const QJsonObject max = limit.value(QLatin1String("max")).toObject();
            const QJsonObject min = limit.value(QLatin1String("min")).toObject();
            for (qsizetype i = 0; i < containers.size(); ++i) {
                QJsonObject c = containers.at(i).toObject();
                const QString cname = c.value(QLatin1String("name")).toString();
                QJsonObject resources = c.value(QLatin1String("resources")).toObject();
                QJsonObject limits = resources.value(QLatin1String("limits")).toObject();
                QJsonObject requests = resources.value(QLatin1String("requests")).toObject();
                for (const QString &resource : {QStringLiteral("cpu"), QStringLiteral("memory")}) {
                    if (!limits.contains(resource) && defaults.contains(resource)) {
                        limits.insert(resource, defaults.value(resource));
                        setLimits
                            << QStringLiteral("%1 limit for container %2").arg(resource, cname);
                    }
                    if (!requests.contains(resource)) {
                        const QJsonValue fill = defaultRequests.contains(resource)
                            ? defaultRequests.value(resource)
                            : limits.value(resource);
                        if (!fill.isUndefined()) {
                            requests.insert(resource, fill);
                            setRequests << QStringLiteral("%1 request for container %2")
                                               .arg(resource, cname);
                        }
                    }
                    const auto request = amount(resource, requests.value(resource));
                    const auto cap = amount(resource, limits.value(resource));
                    if (const auto most = amount(resource, max.value(resource))) {
                        if (!cap)
                            throw ApiError::forbidden(
                                QStringLiteral("pods \"%1\" is forbidden: maximum %2 usage per "
                                               "Container is %3.  No limit is specified")
                                    .arg(name, resource, max.value(resource).toString()));
                        if (*cap > *most)
                            throw ApiError::forbidden(
                                QStringLiteral("pods \"%1\" is forbidden: maximum %2 usage per "
                                               "Container is %3, but limit is %4")
                                    .arg(name, resource, max.value(resource).toString(),
                                         limits.value(resource).toString()));
                    }
                    if (const auto least = amount(resource, min.value(resource));
                        least && (!request || *request < *least))
                        throw ApiError::forbidden(
                            QStringLiteral("pods \"%1\" is forbidden: minimum %2 usage per "
                                           "Container is %3, but request is %4")
                                .arg(name, resource, min.value(resource).toString(),
                                     requests.value(resource).toString(QStringLiteral("0"))));
                }
                if (!limits.isEmpty())
                    resources.insert(QStringLiteral("limits"), limits);
                if (!requests.isEmpty())
                    resources.insert(QStringLiteral("requests"), requests);
                c.insert(QStringLiteral("resources"), resources);
                containers.replace(i, c);
            }
        }
    }
    spec.insert(QStringLiteral("containers"), containers);
    pod.insert(QStringLiteral("spec"), spec);
    if (!setRequests.isEmpty() || !setLimits.isEmpty()) {
        QJsonObject md = pod.value(QLatin1String("metadata")).toObject();
        QJsonObject annotations = md.value(QLatin1String("annotations")).toObject();
        annotations.insert(QStringLiteral("kubernetes.io/limit-ranger"),
                           QStringLiteral("LimitRanger plugin set: ")
                               + (setRequests + setLimits).join(QStringLiteral("; ")));
        md.insert(QStringLiteral("annotations"), annotations);
        pod.insert(QStringLiteral("metadata"), md);
    }
    return pod;
}

} // namespace Meshdeck::Demo
