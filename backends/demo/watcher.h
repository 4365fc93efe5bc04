#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace Meshdeck::Demo {

// One change to one object, as stored in the event history and delivered to watchers.
struct WatchEvent
{
    enum class Type { Added, Modified, Deleted };
    Type type = Type::Added;
    quint64 resourceVersion = 0;
    QString storageKey; // "apps/deployments"
    QString ns;
    QJsonObject object;
    QByteArray json; // compact serialization of object
    QJsonObject previous; // the object before a MODIFIED or DELETED change (selector transitions,
                          // reads at an older resourceVersion)
    QByteArray line; // the whole watch-stream line of this event, encoded once for all watchers

    [[nodiscard]] const char *typeName() const
    {
        return type == Type::Added ? "ADDED" : type == Type::Modified ? "MODIFIED" : "DELETED";
    }
};
using WatchEventPtr = std::shared_ptr<const WatchEvent>;

// One watch stream's place in the store's event history. Watchers pull: the store appends each
// change once, and every stream reads what is new since its cursor (ObjectStore::next), so a
// write costs the same whether one or a thousand clients watch. All fields are guarded by the
// store's lock.
class Watcher
{
public:
    Watcher(QString storageKey, QString ns, quint64 cursor)
        : m_storageKey(std::move(storageKey))
        , m_ns(std::move(ns))
        , m_cursor(cursor)
    {
    }

    [[nodiscard]] bool wants(const WatchEvent &e) const
    {
        return e.storageKey == m_storageKey && (m_ns.isEmpty() || e.ns == m_ns);
    }

private:
    friend class ObjectStore;

    const QString m_storageKey;
    const QString m_ns;
    quint64 m_cursor; // the last resourceVersion this stream has seen
    bool m_busy = false; // the last read found events: batch the next one
    bool m_closed = false;
};

} // namespace Meshdeck::Demo
