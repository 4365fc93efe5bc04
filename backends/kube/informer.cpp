#include "informer.h"

#include <core/logging.h>

#include <QRandomGenerator>

namespace Meshdeck::Kube {

Informer::Informer(std::shared_ptr<KubeClient> client, ApiResource resource, QString ns)
    : Informer(std::move(client), std::move(resource), std::move(ns), Options {})
{
}

Informer::Informer(std::shared_ptr<KubeClient> client, ApiResource resource, QString ns,
                   Options options)
    : m_client(std::move(client))
    , m_resource(std::move(resource))
    , m_ns(std::move(ns))
    , m_options(options)
{
}

Informer::~Informer()
{
    stop();
}

QString Informer::keyOf(const QJsonObject &object)
{
    const QJsonObject md = object.value(QStringLiteral("metadata")).toObject();
    return md.value(QStringLiteral("namespace")).toString() + QLatin1Char('/')
        + md.value(QStringLiteral("name")).toString();
}

void Informer::start()
{
    std::lock_guard lock(m_mutex);
    if (m_thread.joinable())
        return;
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
}

void Informer::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_watch.cancel();
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

bool Informer::hasSynced() const
{
    std::lock_guard lock(m_mutex);
    return m_synced;
}

bool Informer::waitForSync(int timeoutMs) const
{
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                              [this] { return m_synced; });
}

QList<QJsonObject> Informer::objects() const
{
    std::lock_guard lock(m_mutex);
    return m_items.values();
}

int Informer::size() const
{
    std::lock_guard lock(m_mutex);
    return int(m_items.size());
}

QString Informer::resourceVersion() const
{
    std::lock_guard lock(m_mutex);
    return m_resourceVersion;
}

std::optional<Error> Informer::lastError() const
{
    std::lock_guard lock(m_mutex);
    return m_lastError;
}

bool Informer::kindGone() const
{
    std::lock_guard lock(m_mutex);
    return m_kindGone;
}

Informer::Stats Informer::stats() const
{
    std::lock_guard lock(m_mutex);
    return m_stats;
}

std::vector<Informer::Delta> Informer::takeDeltas()
{
    std::lock_guard lock(m_mutex);
    std::vector<Delta> out;
    out.swap(m_pending);
    return out;
}

void Informer::setNotifier(std::function<void()> notifier)
{
    std::lock_guard lock(m_mutex);
    m_notifier = std::move(notifier);
}

void Informer::record(Delta::Type type, const QJsonObject &object)
{
    const bool first = m_pending.empty();
    m_pending.push_back(Delta {type, object});
    if (first && m_notifier)
        m_notifier();
}

bool Informer::sleepFor(std::chrono::milliseconds duration)
{
    std::unique_lock lock(m_mutex);
    return !m_changed.wait_for(lock, duration, [this] { return m_stopping; });
}

bool Informer::relist()
{
    const auto list = m_client->list(m_resource.collectionPath(m_ns), m_options.pageSize);
    std::lock_guard lock(m_mutex);
    ++m_stats.lists;
    if (!list.ok()) {
        if (list.error().code() == ErrorCode::NotFound) {
            forgetKind();
            return false;
        }
        ++m_stats.errors;
        m_lastError = list.error();
        return false;
    }
    QHash<QString, QJsonObject> fresh;
    fresh.reserve(list->items.size());
    for (const QJsonObject &o : list->items)
        fresh.insert(keyOf(o), o);
    // Objects that vanished while we were not watching become synthetic deletes.
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it) {
        if (!fresh.contains(it.key()))
            record(Delta::Type::Deleted, it.value());
    }
    for (auto it = fresh.cbegin(); it != fresh.cend(); ++it) {
        const auto old = m_items.constFind(it.key());
        if (old == m_items.cend())
            record(Delta::Type::Added, it.value());
        else if (old->value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("resourceVersion"))
                 != it->value(QStringLiteral("metadata"))
                        .toObject()
                        .value(QStringLiteral("resourceVersion")))
            record(Delta::Type::Modified, it.value());
    }
    m_items = std::move(fresh);
    m_resourceVersion = list->resourceVersion;
    m_synced = true;
    m_lastError.reset();
    m_changed.notify_all();
    return true;
}

void Informer::forgetKind()
{
    qCInfo(lcKube) << "the server no longer serves" << m_resource.plural << "of"
                   << (m_resource.group.isEmpty() ? QStringLiteral("core") : m_resource.group)
                   << "; its informer stops";
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it)
        record(Delta::Type::Deleted, it.value());
    m_items.clear();
    m_kindGone = true;
    m_synced = true; // nothing left to wait for
    m_lastError.reset();
    m_changed.notify_all();
}

Informer::WatchEnd Informer::watchOnce()
{
    struct Outcome
    {
        bool done = false;
        WatchEnd end = WatchEnd::Normal;
        std::optional<Error> error;
    };
    auto outcome = std::make_shared<Outcome>();
    const int timeout = m_options.minWatchSeconds
        + QRandomGenerator::global()->bounded(qMax(1, m_options.minWatchSeconds));
    QString from;
    {
        std::lock_guard lock(m_mutex);
        from = m_resourceVersion;
        ++m_stats.watches;
    }
    const CancelToken token = m_client->watch(
        m_resource.collectionPath(m_ns), from, timeout,
        [this, outcome](const KubeClient::WatchEvent &e) {
            std::lock_guard lock(m_mutex);
            const QString rv = e.object.value(QStringLiteral("metadata"))
                                   .toObject()
                                   .value(QStringLiteral("resourceVersion"))
                                   .toString();
            if (e.type == QLatin1String("ERROR")) {
                const int code = e.object.value(QStringLiteral("code")).toInt();
                // 404: the kind itself may have gone; the relist that follows tells.
                outcome->end = code == 410 || code == 404 ? WatchEnd::Gone : WatchEnd::Failed;
                outcome->error = Error(code == 410 ? ErrorCode::Gone : ErrorCode::HttpError,
                                       e.object.value(QStringLiteral("message")).toString());
                return;
            }
            ++m_stats.events;
            m_lastError.reset(); // the stream works again
            if (!rv.isEmpty())
                m_resourceVersion = rv; // resourceVersions are opaque: only ever copied
            if (e.type == QLatin1String("BOOKMARK"))
                return;
            const QString key = keyOf(e.object);
            if (e.type == QLatin1String("DELETED")) {
                m_items.remove(key);
                record(Delta::Type::Deleted, e.object);
            } else {
                const bool known = m_items.contains(key);
                m_items.insert(key, e.object);
                record(known ? Delta::Type::Modified : Delta::Type::Added, e.object);
            }
        },
        [this, outcome](const Error *error) {
            std::lock_guard lock(m_mutex);
            if (error) {
                // A 404 on the watch: the kind may be gone; the relist that follows tells.
                outcome->end = error->code() == ErrorCode::Gone ? WatchEnd::Gone
                    : error->code() == ErrorCode::NotFound      ? WatchEnd::Gone
                    : error->code() == ErrorCode::Cancelled     ? WatchEnd::Stopped
                                                                : WatchEnd::Failed;
                outcome->error = *error;
            }
            outcome->done = true;
            m_changed.notify_all();
        });
    std::unique_lock lock(m_mutex);
    m_watch = token;
    if (m_stopping)
        m_watch.cancel();
    m_changed.wait(lock, [&] { return outcome->done; });
    if (m_stopping)
        return WatchEnd::Stopped;
    if (outcome->error && outcome->end != WatchEnd::Gone) {
        ++m_stats.errors;
        m_lastError = outcome->error;
    } else if (outcome->end == WatchEnd::Normal) {
        m_lastError.reset();
    }
    return outcome->end;
}

void Informer::run()
{
    std::chrono::milliseconds backoff = m_options.initialBackoff;
    bool needList;
    {
        // A restarted informer resumes with a watch from where it was; a 410 then relists.
        std::lock_guard lock(m_mutex);
        needList = !m_synced || m_resourceVersion.isEmpty();
    }
    auto wait = [&] {
        const auto jitter = std::chrono::milliseconds(
            qint64(double(backoff.count()) * (0.5 + QRandomGenerator::global()->generateDouble())));
        backoff = std::min(backoff * 2, m_options.maxBackoff);
        return sleepFor(jitter);
    };
    for (;;) {
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping)
                return;
        }
        if (needList) {
            if (!relist()) {
                if (kindGone())
                    return;
                if (!wait())
                    return;
                continue;
            }
            needList = false;
            backoff = m_options.initialBackoff;
        }
        switch (watchOnce()) {
        case WatchEnd::Stopped:
            return;
        case WatchEnd::Normal:
            backoff = m_options.initialBackoff;
            break; // re-watch from the last version seen
        case WatchEnd::Gone: {
            std::lock_guard lock(m_mutex);
            ++m_stats.relistsAfterGone;
            needList = true;
            break;
        }
        case WatchEnd::Failed:
            qCDebug(lcKube) << "watch of" << m_resource.plural << "failed; reconnecting";
            if (!wait())
                return;
            break;
        }
    }
}

} // namespace Meshdeck::Kube
