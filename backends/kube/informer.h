#pragma once

#include "kubeclient.h"

#include <QHash>
#include <QJsonObject>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace Meshdeck::Kube {

// One kind kept in sync the way client-go's reflector does: a paged LIST, then a WATCH from the
// list's resourceVersion with bookmarks and a randomized timeout; a normal end re-watches from the
// last version seen; 410 Gone (as HTTP status or as an ERROR event) relists, turning objects that
// vanished meanwhile into synthetic deletes; errors reconnect with jittered exponential backoff.
// Runs on a thread of its own; the store and the pending deltas are read from any thread.
class Informer
{
public:
    struct Delta
    {
        enum class Type { Added, Modified, Deleted };
        Type type = Type::Added;
        QJsonObject object;
    };

    struct Options
    {
        int pageSize = 500;
        int minWatchSeconds = 300; // timeoutSeconds is drawn from [min, 2 * min)
        std::chrono::milliseconds initialBackoff {500};
        std::chrono::milliseconds maxBackoff {30'000};
    };

    struct Stats
    {
        int lists = 0;
        int watches = 0;
        int relistsAfterGone = 0;
        int errors = 0;
        int events = 0;
    };

    Informer(std::shared_ptr<KubeClient> client, ApiResource resource, QString ns = {});
    Informer(std::shared_ptr<KubeClient> client, ApiResource resource, QString ns, Options options);
    ~Informer();

    void start();
    void stop();

    [[nodiscard]] const ApiResource &resource() const { return m_resource; }
    [[nodiscard]] bool hasSynced() const;
    bool waitForSync(int timeoutMs) const;
    [[nodiscard]] QList<QJsonObject> objects() const;
    [[nodiscard]] int size() const;
    [[nodiscard]] QString resourceVersion() const;
    [[nodiscard]] std::optional<Error> lastError() const;
    // True once the server answered 404 for the kind itself (its CRD was deleted, or the API
    // group went away): the informer emptied its store with synthetic deletes and stopped. It is
    // not an error of the connection; the owner starts a new informer if the kind comes back.
    [[nodiscard]] bool kindGone() const;
    [[nodiscard]] Stats stats() const;
    // The changes since the last call, in order. The notifier (if set) is called, from the
    // informer's thread, when the first delta of a new batch is queued.
    std::vector<Delta> takeDeltas();
    void setNotifier(std::function<void()> notifier);

    static QString keyOf(const QJsonObject &object);

private:
    enum class WatchEnd { Normal, Gone, Failed, Stopped };

    void run();
    bool relist();
    void forgetKind(); // m_mutex held
    WatchEnd watchOnce();
    void record(Delta::Type type, const QJsonObject &object); // m_mutex held
    bool sleepFor(std::chrono::milliseconds duration); // false when stopping

    std::shared_ptr<KubeClient> m_client;
    ApiResource m_resource;
    QString m_ns;
    Options m_options;

    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    QHash<QString, QJsonObject> m_items;
    std::vector<Delta> m_pending;
    QString m_resourceVersion;
    bool m_synced = false;
    bool m_stopping = false;
    bool m_kindGone = false;
    std::optional<Error> m_lastError;
    Stats m_stats;
    CancelToken m_watch;
    std::function<void()> m_notifier;
    std::thread m_thread;
};

} // namespace Meshdeck::Kube
