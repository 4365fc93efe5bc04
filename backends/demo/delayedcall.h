#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>
#include <thread>

namespace Meshdeck::Demo {

// Calls `fn` on `context`'s thread after `ms` milliseconds, unless `context` is gone by then.
// The stream server's delays use this, not QTimer: on that thread, next to QtWebSockets 6.4, a
// QTimer started while a WebSocket was receiving was seen never to fire (still "active", no
// longer known to the event dispatcher). A posted event always arrives.
inline void callLater(QObject *context, int ms, std::function<void()> fn)
{
    QPointer<QObject> guard(context);
    std::thread([guard, ms, fn = std::move(fn)] {
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
        QObject *target = guard.data();
        if (!target)
            return;
        QMetaObject::invokeMethod(
            target,
            [guard, fn] {
                if (guard)
                    fn();
            },
            Qt::QueuedConnection);
    }).detach();
}

} // namespace Meshdeck::Demo
