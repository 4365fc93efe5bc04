#include "objectstore.h"

#include "apierror.h"
#include "objectfields.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <algorithm>
#include <thread>

namespace Meshdeck::Demo {

namespace {

QByteArray serialize(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Stores an object with fresh, compact internals. A QJsonObject that was derived from another by
// many inserts keeps every replaced string in its buffer, and each copy-on-write then copies
// that garbage: without this, a hundred thousand status updates of one object would cost
// quadratic time and memory.
QJsonObject compacted(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

QString keyOf(const QString &ns, const QString &name)
{
    return ns + QLatin1Char('/') + name;
}

QString encodeToken(const QString &snapshot, quint64 rv, const QString &start)
{
    const QJsonObject t {{QStringLiteral("v"), QStringLiteral("meta.k8s.io/v1")},
                         {QStringLiteral("rv"), QString::number(rv)},
                         {QStringLiteral("snap"), snapshot},
                         {QStringLiteral("start"), start}};
    return QString::fromLatin1(
        serialize(t).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

ObjectStore::ObjectStore()
    : ObjectStore(Options {})
{
}

ObjectStore::ObjectStore(Options options)
    : m_options(options)
{
}

void ObjectStore::setListener(std::function<void(const WatchEventPtr &)> listener)
{
    std::lock_guard lock(m_mutex);
    m_listener = std::move(listener);
}

void ObjectStore::record(WatchEvent::Type type, const ResourceType &t, const QString &ns,
                         const QJsonObject &object, const QByteArray &json, quint64 rv,
                         const QJsonObject &previous)
{
    auto event = std::make_shared<WatchEvent>();
    event->type = type;
    event->resourceVersion = rv;
    event->storageKey = t.storageKey();
    event->ns = ns;
    event->object = object;
    event->json = json;
    event->previous = previous;
    event->line = QByteArray("{\"type\":\"") + event->typeName() + "\",\"object\":" + json + "}\n";
    WatchEventPtr ptr = event;
    m_history.push_back(ptr);
    while (m_history.size() > m_options.historyLimit) {
        m_compactedRv = m_history.front()->resourceVersion;
        m_history.pop_front();
    }
    m_changed.notify_all();
    if (m_listener)
        m_listener(ptr);
}

QJsonObject ObjectStore::create(const ResourceType &type, QJsonObject object)
{
    QJsonObject md = metadataOf(object);
    const QString name = md.value(QStringLiteral("name")).toString();
    const QString ns
        = type.namespaced ? md.value(QStringLiteral("namespace")).toString() : QString();
    std::lock_guard lock(m_mutex);
    auto &bucketPtr = m_buckets[type.storageKey()];
    if (!bucketPtr)
        bucketPtr = std::make_shared<Bucket>();
    else if (bucketPtr.use_count() > 1)
        bucketPtr = std::make_shared<Bucket>(*bucketPtr);
    const QString key = keyOf(ns, name);
    if (bucketPtr->count(key))
        throw ApiError::alreadyExists(type.group, type.plural, name);

    const quint64 rv = ++m_rv;
    md.insert(QStringLiteral("resourceVersion"), QString::number(rv));
    if (!md.contains(QStringLiteral("uid")))
        md.insert(QStringLiteral("uid"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (!md.contains(QStringLiteral("creationTimestamp"))
        || md.value(QStringLiteral("creationTimestamp")).isNull())
        md.insert(QStringLiteral("creationTimestamp"), nowRfc3339());
    if (object.contains(QStringLiteral("spec")))
        md.insert(QStringLiteral("generation"), 1);
    if (!type.namespaced)
        md.remove(QStringLiteral("namespace"));
    object.insert(QStringLiteral("metadata"), md);
    object.insert(QStringLiteral("apiVersion"), type.apiVersion());
    object.insert(QStringLiteral("kind"), type.kind);
    const QByteArray json = serialize(object);
    Entry entry {compacted(json), json};
    object = entry.object;
    (*bucketPtr)[key] = entry;
    record(WatchEvent::Type::Added, type, ns, entry.object, entry.json, rv);
    return object;
}

QJsonObject ObjectStore::get(const ResourceType &type, const QString &ns, const QString &name) const
{
    if (auto o = tryGet(type.storageKey(), type.namespaced ? ns : QString(), name))
        return *o;
    throw ApiError::notFound(type.group, type.plural, name);
}

std::optional<QJsonObject> ObjectStore::tryGet(const QString &storageKey, const QString &ns,
                                               const QString &name) const
{
    std::lock_guard lock(m_mutex);
    const auto bucket = m_buckets.value(storageKey);
    if (!bucket)
        return std::nullopt;
    const auto it = bucket->find(keyOf(ns, name));
    if (it == bucket->end())
        return std::nullopt;
    return it->second.object;
}

QJsonObject ObjectStore::update(const ResourceType &type, QJsonObject object, bool checkVersion)
{
    QJsonObject md = metadataOf(object);
    const QString name = md.value(QStringLiteral("name")).toString();
    const QString ns
        = type.namespaced ? md.value(QStringLiteral("namespace")).toString() : QString();
    std::lock_guard lock(m_mutex);
    auto &bucketPtr = m_buckets[type.storageKey()];
    if (!bucketPtr || !bucketPtr->count(keyOf(ns, name)))
        throw ApiError::notFound(type.group, type.plural, name);
    if (bucketPtr.use_count() > 1)
        bucketPtr = std::make_shared<Bucket>(*bucketPtr);
    Entry &entry = bucketPtr->at(keyOf(ns, name));
    const QJsonObject oldMeta = metadataOf(entry.object);
    const QString sent = md.value(QStringLiteral("resourceVersion")).toString();
    if (checkVersion && !sent.isEmpty()
        && sent != oldMeta.value(QStringLiteral("resourceVersion")).toString()) {
        throw ApiError::conflict(type.group, type.plural, name,
                                 QStringLiteral("the object has been modified; please apply your "
                                                "changes to the latest version and try again"));
    }
    // Immutable metadata stays as stored.
    for (const char *k : {"uid", "creationTimestamp", "deletionTimestamp"}) {
        const QString key = QString::fromLatin1(k);
        if (oldMeta.contains(key))
            md.insert(key, oldMeta.value(key));
    }
    qint64 generation = oldMeta.value(QStringLiteral("generation")).toInteger();
    if (object.value(QStringLiteral("spec")) != entry.object.value(QStringLiteral("spec")))
        ++generation;
    if (generation > 0)
        md.insert(QStringLiteral("generation"), generation);
    if (!type.namespaced)
        md.remove(QStringLiteral("namespace"));
    object.insert(QStringLiteral("apiVersion"), type.apiVersion());
    object.insert(QStringLiteral("kind"), type.kind);

    // A write that changes nothing is a no-op, as in the real API server.
    QJsonObject compare = object;
    QJsonObject compareMeta = md;
    compareMeta.insert(QStringLiteral("resourceVersion"),
                       oldMeta.value(QStringLiteral("resourceVersion")));
    compare.insert(QStringLiteral("metadata"), compareMeta);
    if (compare == entry.object)
        return entry.object;

    const quint64 rv = ++m_rv;
    md.insert(QStringLiteral("resourceVersion"), QString::number(rv));
    object.insert(QStringLiteral("metadata"), md);
    const QJsonObject previous = entry.object;
    entry.json = serialize(object);
    entry.object = compacted(entry.json);
    object = entry.object;
    record(WatchEvent::Type::Modified, type, ns, entry.object, entry.json, rv, previous);
    return object;
}

QJsonObject ObjectStore::remove(const ResourceType &type, const QString &ns, const QString &name)
{
    const QString n = type.namespaced ? ns : QString();
    std::lock_guard lock(m_mutex);
    auto &bucketPtr = m_buckets[type.storageKey()];
    if (!bucketPtr || !bucketPtr->count(keyOf(n, name)))
        throw ApiError::notFound(type.group, type.plural, name);
    if (bucketPtr.use_count() > 1)
        bucketPtr = std::make_shared<Bucket>(*bucketPtr);
    auto it = bucketPtr->find(keyOf(n, name));
    QJsonObject object = it->second.object;
    const QJsonObject previous = object; // its last stored state, for reads at older versions
    bucketPtr->erase(it);
    const quint64 rv = ++m_rv;
    QJsonObject md = metadataOf(object);
    md.insert(QStringLiteral("resourceVersion"), QString::number(rv));
    object.insert(QStringLiteral("metadata"), md);
    record(WatchEvent::Type::Deleted, type, n, object, serialize(object), rv, previous);
    return object;
}

ObjectStore::ListResult ObjectStore::list(const ResourceType &type, const QString &ns,
                                          const Selector &labels, const Selector &fields, int limit,
                                          const QString &continueToken)
{
    std::lock_guard lock(m_mutex);
    expireSnapshots();
    std::shared_ptr<const Bucket> bucket;
    quint64 rv = m_rv;
    QString start;
    QString snapshotId;
    if (!continueToken.isEmpty()) {
        const QJsonObject token
            = QJsonDocument::fromJson(
                  QByteArray::fromBase64(continueToken.toLatin1(), QByteArray::Base64UrlEncoding))
                  .object();
        snapshotId = token.value(QStringLiteral("snap")).toString();
        start = token.value(QStringLiteral("start")).toString();
        if (snapshotId.isEmpty())
            throw ApiError::badRequest(
                QStringLiteral("continue key is not valid: malformed token"));
        const auto it = m_snapshots.constFind(snapshotId);
        if (it == m_snapshots.cend()) {
            throw ApiError::gone(QStringLiteral(
                "The provided continue parameter is too old to display a consistent list result. "
                "You can start a new list without the continue parameter, or use the continue "
                "token in this response to retrieve the remainder of the results. Continuing with "
                "the provided token results in an inconsistent list - objects that were created, "
                "modified, or deleted between the time the first chunk was returned and now may "
                "show up in the list."));
        }
        bucket = it->bucket;
        rv = it->resourceVersion;
    } else {
        bucket = m_buckets.value(type.storageKey());
    }

    return page(type, ns, bucket, rv, start, snapshotId, labels, fields, limit);
}

ObjectStore::ListResult ObjectStore::page(const ResourceType &type, const QString &ns,
                                          const std::shared_ptr<const Bucket> &bucket, quint64 rv,
                                          const QString &start, QString snapshotId,
                                          const Selector &labels, const Selector &fields, int limit)
{
    ListResult result;
    result.resourceVersion = rv;
    if (!bucket)
        return result;
    const QString prefix = type.namespaced && !ns.isEmpty() ? ns + QLatin1Char('/') : QString();
    auto it = start.isEmpty() ? (prefix.isEmpty() ? bucket->begin() : bucket->lower_bound(prefix))
                              : bucket->upper_bound(start);
    QString last;
    bool more = false;
    qint64 remaining = 0;
    for (; it != bucket->end(); ++it) {
        if (!prefix.isEmpty() && !it->first.startsWith(prefix))
            break;
        const Entry &e = it->second;
        if (!labels.isEmpty()
            && !labels.matchesLabels(
                metadataOf(e.object).value(QStringLiteral("labels")).toObject()))
            continue;
        if (!fields.isEmpty() && !fields.matchesFields(e.object))
            continue;
        if (limit > 0 && result.items.size() >= limit) {
            more = true;
            ++remaining;
            continue;
        }
        result.items << e.json;
        result.objects << e.object;
        last = it->first;
    }
    if (more) {
        if (snapshotId.isEmpty()) {
            snapshotId = QString::number(m_nextSnapshot++);
            m_snapshots.insert(snapshotId,
                               Snapshot {bucket, rv, QDateTime::currentMSecsSinceEpoch()});
        }
        result.continueToken = encodeToken(snapshotId, rv, last);
        if (labels.isEmpty() && fields.isEmpty())
            result.remainingItemCount = remaining;
    }
    return result;
}

ObjectStore::ListResult ObjectStore::listAt(const ResourceType &type, const QString &ns,
                                            const Selector &labels, const Selector &fields,
                                            int limit, quint64 exactVersion)
{
    std::lock_guard lock(m_mutex);
    expireSnapshots();
    if (exactVersion < m_compactedRv)
        throw ApiError::gone(
            QStringLiteral("The resourceVersion for the provided list is too old."));
    // The bucket as it was: undo, newest first, every change to this kind after the version.
    auto bucket = std::make_shared<Bucket>();
    if (const auto now = m_buckets.value(type.storageKey()))
        *bucket = *now;
    const QString key = type.storageKey();
    for (auto it = m_history.rbegin(); it != m_history.rend(); ++it) {
        const WatchEvent &e = **it;
        if (e.resourceVersion <= exactVersion)
            break;
        if (e.storageKey != key)
            continue;
        const QString name = metadataOf(e.object).value(QStringLiteral("name")).toString();
        const QString entryKey = keyOf(e.ns, name);
        switch (e.type) {
        case WatchEvent::Type::Added:
            bucket->erase(entryKey);
            break;
        case WatchEvent::Type::Modified:
            (*bucket)[entryKey] = Entry {e.previous, serialize(e.previous)};
            break;
        case WatchEvent::Type::Deleted:
            (*bucket)[entryKey] = Entry {e.previous, serialize(e.previous)};
            break;
        }
    }
    return page(type, ns, bucket, exactVersion, QString(), QString(), labels, fields, limit);
}

bool ObjectStore::waitForVersion(quint64 version, std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, timeout, [&] { return m_rv >= version; });
}

QList<QJsonObject> ObjectStore::objects(const QString &storageKey, const QString &ns) const
{
    std::lock_guard lock(m_mutex);
    QList<QJsonObject> out;
    const auto bucket = m_buckets.value(storageKey);
    if (!bucket)
        return out;
    const QString prefix = ns.isEmpty() ? QString() : ns + QLatin1Char('/');
    for (auto it = prefix.isEmpty() ? bucket->begin() : bucket->lower_bound(prefix);
         it != bucket->end(); ++it) {
        if (!prefix.isEmpty() && !it->first.startsWith(prefix))
            break;
        out << it->second.object;
    }
    return out;
}

int ObjectStore::count(const QString &storageKey) const
{
    std::lock_guard lock(m_mutex);
    const auto bucket = m_buckets.value(storageKey);
    return bucket ? int(bucket->size()) : 0;
}

std::shared_ptr<Watcher> ObjectStore::watch(const ResourceType &type, const QString &ns,
                                            quint64 fromVersion,
                                            std::vector<WatchEventPtr> *initial)
{
    std::lock_guard lock(m_mutex);
    const QString n = type.namespaced ? ns : QString();
    auto watcher = std::make_shared<Watcher>(type.storageKey(), n, m_rv);
    if (fromVersion == 0) {
        if (const auto bucket = m_buckets.value(type.storageKey())) {
            const QString prefix = n.isEmpty() ? QString() : n + QLatin1Char('/');
            for (const auto &[key, entry] : *bucket) {
                if (!prefix.isEmpty() && !key.startsWith(prefix))
                    continue;
                auto e = std::make_shared<WatchEvent>();
                e->type = WatchEvent::Type::Added;
                e->resourceVersion = metadataOf(entry.object)
                                         .value(QStringLiteral("resourceVersion"))
                                         .toString()
                                         .toULongLong();
                e->storageKey = type.storageKey();
                e->ns = n;
                e->object = entry.object;
                e->json = entry.json;
                initial->push_back(e);
            }
        }
    } else {
        if (fromVersion < m_compactedRv) {
            throw ApiError::gone(QStringLiteral("too old resource version: %1 (%2)")
                                     .arg(fromVersion)
                                     .arg(m_compactedRv + 1));
        }
        for (const WatchEventPtr &e : m_history) {
            if (e->resourceVersion > fromVersion && watcher->wants(*e))
                initial->push_back(e);
        }
    }
    m_watchers.insert(watcher);
    return watcher;
}

std::vector<WatchEventPtr> ObjectStore::next(Watcher &w, std::chrono::milliseconds wait,
                                             std::chrono::milliseconds linger, bool *gone)
{
    *gone = false;
    std::vector<WatchEventPtr> out;
    std::unique_lock lock(m_mutex);
    if (w.m_busy && linger.count() > 0) {
        lock.unlock();
        std::this_thread::sleep_for(linger);
        lock.lock();
    }
    if (m_rv <= w.m_cursor && !w.m_closed)
        m_changed.wait_for(lock, wait, [&] { return m_rv > w.m_cursor || w.m_closed; });
    if (w.m_closed)
        return out;
    if (w.m_cursor < m_compactedRv) {
        *gone = true;
        return out;
    }
    auto it = std::upper_bound(
        m_history.begin(), m_history.end(), w.m_cursor,
        [](quint64 rv, const WatchEventPtr &e) { return rv < e->resourceVersion; });
    for (; it != m_history.end(); ++it) {
        if (w.wants(**it))
            out.push_back(*it);
    }
    w.m_cursor = m_rv;
    w.m_busy = !out.empty();
    return out;
}

void ObjectStore::unwatch(const std::shared_ptr<Watcher> &watcher)
{
    {
        std::lock_guard lock(m_mutex);
        watcher->m_closed = true;
        m_watchers.erase(watcher);
    }
    m_changed.notify_all();
}

int ObjectStore::watcherCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_watchers.size());
}

quint64 ObjectStore::resourceVersion() const
{
    std::lock_guard lock(m_mutex);
    return m_rv;
}

void ObjectStore::compact(size_t keep)
{
    std::lock_guard lock(m_mutex);
    while (m_history.size() > keep) {
        m_compactedRv = m_history.front()->resourceVersion;
        m_history.pop_front();
    }
    if (m_history.empty())
        m_compactedRv = m_rv;
    // Compaction invalidates every consistent read at or before the compacted revision.
    m_snapshots.removeIf(
        [this](const auto &it) { return it.value().resourceVersion <= m_compactedRv; });
    expireSnapshots();
}

void ObjectStore::expireSnapshots()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_snapshots.removeIf([&](const auto &it) {
        return it.value().resourceVersion < m_compactedRv
            || now - it.value().createdMs > qint64(m_options.snapshotTtlSeconds) * 1000;
    });
}

QJsonObject ObjectStore::dump() const
{
    std::lock_guard lock(m_mutex);
    QJsonObject buckets;
    for (auto it = m_buckets.cbegin(); it != m_buckets.cend(); ++it) {
        QJsonArray items;
        for (const auto &[key, entry] : *it.value())
            items.append(entry.object);
        buckets.insert(it.key(), items);
    }
    return QJsonObject {{QStringLiteral("resourceVersion"), QString::number(m_rv)},
                        {QStringLiteral("objects"), buckets}};
}

void ObjectStore::restore(const QJsonObject &state)
{
    std::lock_guard lock(m_mutex);
    m_buckets.clear();
    m_history.clear();
    const QJsonObject buckets = state.value(QStringLiteral("objects")).toObject();
    for (auto it = buckets.begin(); it != buckets.end(); ++it) {
        auto bucket = std::make_shared<Bucket>();
        for (const QJsonValue &v : it.value().toArray()) {
            const QJsonObject o = v.toObject();
            const QJsonObject md = metadataOf(o);
            (*bucket)[keyOf(md.value(QStringLiteral("namespace")).toString(),
                            md.value(QStringLiteral("name")).toString())]
                = Entry {o, serialize(o)};
        }
        m_buckets.insert(it.key(), bucket);
    }
    m_rv = state.value(QStringLiteral("resourceVersion")).toString().toULongLong();
    m_compactedRv = m_rv;
}

} // namespace Meshdeck::Demo
