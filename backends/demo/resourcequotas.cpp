#include "resourcequotas.h"

#include "apierror.h"
#include "objectfields.h"
#include "objectstore.h"

#include <kube/quantity.h>

#include <QJsonArray>

#include <cmath>
#include <map>

namespace Meshdeck::Demo {

namespace {

const QString kPods = QStringLiteral("/pods");

bool ended(const QJsonObject &pod)
{
    const QString phase
        = pod.value(QLatin1String("status")).toObject().value(QLatin1String("phase")).toString();
    return phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed");
}

bool compute(const QString &resource)
{
    return resource == QLatin1String("requests.cpu") || resource == QLatin1String("cpu")
        || resource == QLatin1String("requests.memory") || resource == QLatin1String("memory")
        || resource == QLatin1String("limits.cpu") || resource == QLatin1String("limits.memory");
}

// The storage key an object count stands for ("pods", "count/deployments.apps"), or "".
QString countedKey(const QString &resource)
{
    static const std::map<QString, QString> legacy {
        {QStringLiteral("pods"), QStringLiteral("/pods")},
        {QStringLiteral("services"), QStringLiteral("/services")},
        {QStringLiteral("configmaps"), QStringLiteral("/configmaps")},
        {QStringLiteral("secrets"), QStringLiteral("/secrets")},
        {QStringLiteral("persistentvolumeclaims"), QStringLiteral("/persistentvolumeclaims")},
        {QStringLiteral("replicationcontrollers"), QStringLiteral("/replicationcontrollers")},
        {QStringLiteral("resourcequotas"), QStringLiteral("/resourcequotas")}};
    if (const auto it = legacy.find(resource); it != legacy.end())
        return it->second;
    if (!resource.startsWith(QLatin1String("count/")))
        return {};
    const QString name = resource.mid(6); // "deployments.apps" or "pods"
    const qsizetype dot = name.indexOf(QLatin1Char('.'));
    return dot < 0 ? QLatin1Char('/') + name
                   : name.mid(dot + 1) + QLatin1Char('/') + name.left(dot);
}

// A pod's compute resource (millicores, bytes); `missing` names containers without it.
double podCompute(const QJsonObject &pod, const QString &resource, QStringList *missing = nullptr)
{
    const bool cpu = resource.endsWith(QLatin1String("cpu"));
    const QString section = resource.startsWith(QLatin1String("limits."))
        ? QStringLiteral("limits")
        : QStringLiteral("requests");
    double total = 0;
    for (const QJsonValue &c :
         pod.value(QLatin1String("spec")).toObject().value(QLatin1String("containers")).toArray()) {
        const QString text = c.toObject()
                                 .value(QLatin1String("resources"))
                                 .toObject()
                                 .value(section)
                                 .toObject()
                                 .value(cpu ? QLatin1String("cpu") : QLatin1String("memory"))
                                 .toString();
        const auto value = cpu ? Kube::Quantity::millicores(text) : Kube::Quantity::bytes(text);
        if (!value) {
            if (missing)
                *missing << c.toObject().value(QLatin1String("name")).toString();
            continue;
        }
        total += double(*value);
    }
    return total;
}

// A hard limit in the unit used(): millicores, bytes or a count.
double hardValue(const QString &resource, const QString &text)
{
    if (compute(resource)) {
        const auto v = resource.endsWith(QLatin1String("cpu")) ? Kube::Quantity::millicores(text)
                                                               : Kube::Quantity::bytes(text);
        return v ? double(*v) : 0;
    }
    return Kube::Quantity::parse(text).value_or(0);
}

// As Kubernetes prints a quantity: "500m", "2", "128Mi", "3".
QString shown(const QString &resource, double value)
{
    const auto whole = [](double v) {
        return QString::number(qint64(std::llround(v)));
    };
    if (resource.endsWith(QLatin1String("cpu")))
        return std::fmod(value, 1000) == 0 ? whole(value / 1000) : whole(value) + QLatin1Char('m');
    if (compute(resource)) {
        for (const auto &[unit, size] : {std::pair {"Gi", 1073741824.0},
                                         std::pair {"Mi", 1048576.0}, std::pair {"Ki", 1024.0}})
            if (value >= size && std::fmod(value, size) == 0)
                return whole(value / size) + QLatin1String(unit);
    }
    return whole(value);
}

double usage(const ObjectStore &store, const QString &resource, const QString &ns)
{
    if (compute(resource)) {
        double total = 0;
        for (const QJsonObject &pod : store.objects(kPods, ns))
            if (!ended(pod))
                total += podCompute(pod, resource);
        return total;
    }
    const QString key = countedKey(resource);
    if (key.isEmpty())
        return 0;
    int n = 0;
    for (const QJsonObject &o : store.objects(key, ns))
        n += key == kPods && ended(o) ? 0 : 1;
    return n;
}

} // namespace

void ResourceQuotas::admit(const ObjectStore &store, const ResourceType &type,
                           const QJsonObject &object, const QString &ns)
{
    if (ns.isEmpty())
        return;
    const QList<QJsonObject> quotas = store.objects(QStringLiteral("/resourcequotas"), ns);
    if (quotas.isEmpty())
        return;
    const bool pod = type.storageKey() == kPods;
    const QString what
        = QStringLiteral("%1 \"%2\" is forbidden: ").arg(type.plural, metaString(object, "name"));
    for (const QJsonObject &quota : quotas) {
        const QString quotaName = metaString(quota, "name");
        const QJsonObject hard
            = quota.value(QLatin1String("spec")).toObject().value(QLatin1String("hard")).toObject();
        QStringList requested, used, limited, mustSpecify;
        for (auto it = hard.begin(); it != hard.end(); ++it) {
            const QString resource = it.key();
            double asked = 0;
            if (compute(resource)) {
                if (!pod)
                    continue;
                QStringList missing;
                asked = podCompute(object, resource, &missing);
                if (!missing.isEmpty()) {
                    mustSpecify << QStringLiteral("%1 for: %2")
                                       .arg(resource, missing.join(QLatin1Char(',')));
                    continue;
                }
            } else if (countedKey(resource) == type.storageKey()) {
                asked = 1;
            } else {
                continue;
            }
            const double now = usage(store, resource, ns);
            const double limit = hardValue(resource, it.value().toString());
            if (now + asked > limit) {
                requested << resource + QLatin1Char('=') + shown(resource, asked);
                used << resource + QLatin1Char('=') + shown(resource, now);
                limited << resource + QLatin1Char('=') + shown(resource, limit);
            }
        }
        if (!mustSpecify.isEmpty())
            throw ApiError::forbidden(
                what
                + QStringLiteral("failed quota: %1: must specify %2")
                      .arg(quotaName, mustSpecify.join(QStringLiteral("; "))));
        if (!requested.isEmpty())
            throw ApiError::forbidden(
                what
                + QStringLiteral("exceeded quota: %1, requested: %2, used: %3, limited: %4")
                      .arg(quotaName, requested.join(QLatin1Char(',')), used.join(QLatin1Char(',')),
                           limited.join(QLatin1Char(','))));
    }
}

QJsonObject ResourceQuotas::used(const ObjectStore &store, const QJsonObject &quota)
{
    const QString ns = metaString(quota, "namespace");
    const QJsonObject hard
        = quota.value(QLatin1String("spec")).toObject().value(QLatin1String("hard")).toObject();
    QJsonObject out;
    for (auto it = hard.begin(); it != hard.end(); ++it)
        out.insert(it.key(), shown(it.key(), usage(store, it.key(), ns)));
    return out;
}

} // namespace Meshdeck::Demo
