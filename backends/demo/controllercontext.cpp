#include "controllercontext.h"

#include "admission.h"
#include "apierror.h"
#include "objectstore.h"
#include "serversideapply.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDemoControllers, "meshdeck.demo.controllers", QtInfoMsg)

namespace Meshdeck::Demo {

ResourceType ControllerContext::type(const QString &storageKey) const
{
    if (auto t = registry.findByStorageKey(storageKey))
        return *t;
    ResourceType t;
    t.plural = storageKey.section(QLatin1Char('/'), 1);
    t.group = storageKey.section(QLatin1Char('/'), 0, 0);
    return t;
}

bool ControllerContext::tryUpdate(const QString &storageKey, const QJsonObject &object)
{
    try {
        store.update(type(storageKey), object, false);
        return true;
    } catch (const ApiError &e) {
        if (e.code() != 404)
            qCWarning(lcDemoControllers).noquote() << "update failed:" << e.message();
        return false;
    }
}

bool ControllerContext::tryRemove(const QString &storageKey, const QString &ns, const QString &name)
{
    try {
        store.remove(type(storageKey), ns, name);
        return true;
    } catch (const ApiError &) {
        return false;
    }
}

std::optional<QJsonObject> ControllerContext::tryCreate(const QString &storageKey,
                                                        const QJsonObject &object,
                                                        const QString &ns)
{
    try {
        const ResourceType t = type(storageKey);
        QJsonObject o = admission.admitCreate(t, object, ns);
        o = ServerSideApply::recordUpdate(
            QJsonObject(), o, QStringLiteral("kube-controller-manager"), t.apiVersion());
        return store.create(t, o);
    } catch (const ApiError &e) {
        if (e.code() != 409 && e.code() != 403 && e.code() != 404)
            qCWarning(lcDemoControllers).noquote() << "create failed:" << e.message();
        return std::nullopt;
    }
}

void ControllerContext::recordEvent(const QJsonObject &object, const QString &reason,
                                    const QString &message, const QString &type,
                                    const QString &component, const QString &host)
{
    const QJsonObject md = object.value(QStringLiteral("metadata")).toObject();
    QString ns = md.value(QStringLiteral("namespace")).toString();
    if (ns.isEmpty())
        ns = QStringLiteral("default");
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    const QString name
        = QStringLiteral("%1.%2")
              .arg(md.value(QStringLiteral("name")).toString())
              .arg(QDateTime::currentMSecsSinceEpoch() * 1000 + (qHash(reason + message) % 1000), 0,
                   16);
    QJsonObject source {{QStringLiteral("component"), component}};
    if (!host.isEmpty())
        source.insert(QStringLiteral("host"), host);
    const QJsonObject event {
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Event")},
        {QStringLiteral("metadata"),
         QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}},
        {QStringLiteral("involvedObject"),
         QJsonObject {
             {QStringLiteral("kind"), object.value(QStringLiteral("kind"))},
             {QStringLiteral("namespace"), md.value(QStringLiteral("namespace"))},
             {QStringLiteral("name"), md.value(QStringLiteral("name"))},
             {QStringLiteral("uid"), md.value(QStringLiteral("uid"))},
             {QStringLiteral("apiVersion"), object.value(QStringLiteral("apiVersion"))},
             {QStringLiteral("resourceVersion"), md.value(QStringLiteral("resourceVersion"))}}},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("message"), message},
        {QStringLiteral("source"), source},
        {QStringLiteral("firstTimestamp"), now},
        {QStringLiteral("lastTimestamp"), now},
        {QStringLiteral("count"), 1},
        {QStringLiteral("type"), type},
        {QStringLiteral("eventTime"), QJsonValue::Null},
        {QStringLiteral("reportingComponent"), component},
        {QStringLiteral("reportingInstance"), host}};
    try {
        store.create(this->type(QStringLiteral("/events")), event);
    } catch (const ApiError &) {
    }
}

} // namespace Meshdeck::Demo
