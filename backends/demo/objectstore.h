#pragma once

#include "resourcetype.h"
#include "selectors.h"
#include "watcher.h"

#include <QHash>
#include <QJsonObject>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>

namespace Meshdeck::Demo {

// The demo cluster's etcd: every object by kind, namespace and name, a global resourceVersion
// bumped by each write, a bounded history of changes for watches (older versions are compacted
// and answer 410 Gone), and snapshots behind paged LIST continue tokens. Thread-safe; errors are
// thrown as ApiError.
class ObjectStore
{
public:
    struct Options
    {
        size_t historyLimit = 20000; // events kept for watches from an old resourceVersion
        int snapshotTtlSeconds = 300; // continue tokens expire after this
    };

    struct ListResult
    {
        QList<QByteArray> items; // compact JSON of each object
        QList<QJsonObject> objects;
        quint64 resourceVersion = 0;
        QString continueToken;
        qint64 remainingItemCount = -1;
    };

    ObjectStore();
    explicit ObjectStore(Options options);

    QJsonObject create(const ResourceType &type, QJsonObject object);
    [[nodiscard]] QJsonObject get(const ResourceType &type, const QString &ns,
                                  const QString &name) const;
    [[nodiscard]] std::optional<QJsonObject> tryGet(const QString &storageKey, const QString &ns,
                                                    const QString &name) const;
    // Replaces the object. With checkVersion, a metadata.resourceVersion that is not the stored
    // one is a 409 Conflict.
    QJsonObject update(const ResourceType &type, QJsonObject object, bool checkVersion);
    QJsonObject remove(const ResourceType &type, const QString &ns, const QString &name);

    [[nodiscard]] ListResult list(const ResourceType &type, const QString &ns,
                                  const Selector &labels, const Selector &fields, int limit,
                                  const QString &continueToken);
    // The list as it was at exactVersion (resourceVersionMatch=Exact), rebuilt from the kept
    // history; 410 Gone when that version was compacted away.
    [[nodiscard]] ListResult listAt(const ResourceType &type, const QString &ns,
                                    const Selector &labels, const Selector &fields, int limit,
                                    quint64 exactVersion);
    // Waits until the store has reached version; false on timeout.
    bool waitForVersion(quint64 version, std::chrono::milliseconds timeout);
    [[nodiscard]] QList<QJsonObject> objects(const QString &storageKey,
                                             const QString &ns = {}) const;
    [[nodiscard]] int count(const QString &storageKey) const;

    // Starts a watch. fromVersion 0 means "now, after synthetic ADDED events for what exists";
    // an older version than the history holds throws 410 Gone.
    std::shared_ptr<Watcher> watch(const ResourceType &type, const QString &ns, quint64 fromVersion,
                                   std::vector<WatchEventPtr> *initial);
    // The watcher's events since its last read, waiting up to `wait` for some. A watcher that
    // found events last time first sleeps `linger`, so that busy streams send batches. `gone`
    // is set when the watcher fell behind the kept history (the stream must end with 410).
    std::vector<WatchEventPtr> next(Watcher &watcher, std::chrono::milliseconds wait,
                                    std::chrono::milliseconds linger, bool *gone);
    void unwatch(const std::shared_ptr<Watcher> &watcher);
    [[nodiscard]] int watcherCount() const;

    [[nodiscard]] quint64 resourceVersion() const;
    // Drops all history but the newest `keep` events; older watches and continue tokens get 410.
    void compact(size_t keep = 0);

    // Called, under the store's lock, for every change; must only queue work.
    void setListener(std::function<void(const WatchEventPtr &)> listener);

    [[nodiscard]] QJsonObject dump() const;
    void restore(const QJsonObject &state);

private:
    struct Entry
    {
        QJsonObject object;
        QByteArray json;
    };
    using Bucket = std::map<QString, Entry>; // "namespace/name" -> entry, sorted for paging
    struct Snapshot
    {
        std::shared_ptr<const Bucket> bucket;
        quint64 resourceVersion = 0;
        qint64 createdMs = 0;
    };

    ListResult page(const ResourceType &type, const QString &ns,
                    const std::shared_ptr<const Bucket> &bucket, quint64 rv, const QString &start,
                    QString snapshotId, const Selector &labels, const Selector &fields, int limit);
    void record(WatchEvent::Type type, const ResourceType &t, const QString &ns,
                const QJsonObject &object, const QByteArray &json, quint64 rv,
                const QJsonObject &previous = {});
    void expireSnapshots();

    Options m_options;
    mutable std::mutex m_mutex;
    QHash<QString, std::shared_ptr<Bucket>> m_buckets; // copy-on-write for snapshots
    quint64 m_rv = 1;
    quint64 m_compactedRv = 0;
    std::deque<WatchEventPtr> m_history;
    std::set<std::shared_ptr<Watcher>> m_watchers;
    std::condition_variable m_changed;
    QHash<QString, Snapshot> m_snapshots;
    quint64 m_nextSnapshot = 1;
    std::function<void(const WatchEventPtr &)> m_listener;
};

} // namespace Meshdeck::Demo
