#pragma once

#include <QJsonObject>
#include <QString>

namespace Meshdeck::Demo {

class ControllerContext;

// events.k8s.io/v1 and core/v1 Events are two views of one kind in Kubernetes (one storage,
// converted field by field). The demo keeps each in its own store and mirrors every change of
// one into the other, with the same name, namespace and uid, so either API serves every Event.
class EventMirror
{
public:
    // core/v1 → events.k8s.io/v1 (involvedObject → regarding, message → note, source →
    // deprecatedSource, count and timestamps → deprecated*, reportingComponent →
    // reportingController) and back.
    static QJsonObject toEventsV1(const QJsonObject &core);
    static QJsonObject toCore(const QJsonObject &eventsV1);

    // Mirrors one change of `storageKey` ("/events" or "events.k8s.io/events"); a change that
    // the other store already shows is not written again, so mirroring ends after one round.
    static void sync(ControllerContext &ctx, const QString &storageKey, const QJsonObject &object,
                     bool deleted);
};

} // namespace Meshdeck::Demo
