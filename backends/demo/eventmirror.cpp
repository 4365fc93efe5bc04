#include "eventmirror.h"

#include "apierror.h"
#include "controllercontext.h"
#include "objectstore.h"

#include <array>

namespace Meshdeck::Demo {

namespace {

const QString kCoreKey = QStringLiteral("/events");
const QString kEventsKey = QStringLiteral("events.k8s.io/events");

struct Pair
{
    const char *core;
    const char *eventsV1;
};

// The fields of the two versions, as Kubernetes' conversion pairs them.
constexpr std::array kFields {
    Pair {"eventTime", "eventTime"},
    Pair {"series", "series"},
    Pair {"reportingComponent", "reportingController"},
    Pair {"reportingInstance", "reportingInstance"},
    Pair {"action", "action"},
    Pair {"reason", "reason"},
    Pair {"involvedObject", "regarding"},
    Pair {"related", "related"},
    Pair {"message", "note"},
    Pair {"type", "type"},
    Pair {"source", "deprecatedSource"},
    Pair {"firstTimestamp", "deprecatedFirstTimestamp"},
    Pair {"lastTimestamp", "deprecatedLastTimestamp"},
    Pair {"count", "deprecatedCount"},
};

QJsonObject convert(const QJsonObject &from, bool toV1)
{
    QJsonObject out {{QStringLiteral("metadata"), from.value(QStringLiteral("metadata"))}};
    for (const Pair &p : kFields) {
        const QString source = QLatin1String(toV1 ? p.core : p.eventsV1);
        if (from.contains(source))
            out.insert(QLatin1String(toV1 ? p.eventsV1 : p.core), from.value(source));
    }
    return out;
}

// What both views must agree on: the fields and the user-set metadata.
QJsonObject essence(QJsonObject o)
{
    const QJsonObject md = o.value(QStringLiteral("metadata")).toObject();
    QJsonObject kept;
    for (const char *key :
         {"name", "namespace", "uid", "labels", "annotations", "finalizers", "deletionTimestamp"})
        if (md.contains(QLatin1String(key)))
            kept.insert(QLatin1String(key), md.value(QLatin1String(key)));
    o.insert(QStringLiteral("metadata"), kept);
    o.remove(QStringLiteral("apiVersion"));
    o.remove(QStringLiteral("kind"));
    return o;
}

} // namespace

QJsonObject EventMirror::toEventsV1(const QJsonObject &core)
{
    return convert(core, true);
}

QJsonObject EventMirror::toCore(const QJsonObject &eventsV1)
{
    return convert(eventsV1, false);
}

void EventMirror::sync(ControllerContext &ctx, const QString &storageKey, const QJsonObject &object,
                       bool deleted)
{
    const bool fromCore = storageKey == kCoreKey;
    const QString targetKey = fromCore ? kEventsKey : kCoreKey;
    const QJsonObject md = object.value(QStringLiteral("metadata")).toObject();
    const QString ns = md.value(QStringLiteral("namespace")).toString();
    const QString name = md.value(QStringLiteral("name")).toString();
    const auto existing = ctx.store.tryGet(targetKey, ns, name);
    if (deleted) {
        if (existing)
            ctx.tryRemove(targetKey, ns, name);
        return;
    }
    QJsonObject mirrored = fromCore ? toEventsV1(object) : toCore(object);
    if (existing && essence(*existing) == essence(mirrored))
        return;
    const ResourceType type = ctx.type(targetKey);
    try {
        if (existing) {
            QJsonObject next = mirrored;
            QJsonObject nextMd = next.value(QStringLiteral("metadata")).toObject();
            nextMd.insert(QStringLiteral("resourceVersion"),
                          existing->value(QStringLiteral("metadata"))
                              .toObject()
                              .value(QStringLiteral("resourceVersion")));
            next.insert(QStringLiteral("metadata"), nextMd);
            ctx.store.update(type, next, false);
        } else {
            QJsonObject created = mirrored;
            QJsonObject createdMd = md;
            createdMd.remove(QStringLiteral("resourceVersion"));
            created.insert(QStringLiteral("metadata"), createdMd);
            ctx.store.create(type, created);
        }
    } catch (const ApiError &) {
        // the other view changed meanwhile; its own change is mirrored next
    }
}

} // namespace Meshdeck::Demo
