#include "controllermanager.h"

#include "apierror.h"
#include "eventmirror.h"
#include "housekeeping.h"
#include "objectfields.h"
#include "objectstore.h"
#include "podlifecycle.h"
#include "resourcequotas.h"
#include "servicecontroller.h"
#include "workloadcontroller.h"

#include <QJsonArray>

#include <algorithm>

namespace Meshdeck::Demo {

namespace {
const QChar kSep(0x1f);

} // namespace

ControllerManager::ControllerManager(ObjectStore &store, ResourceRegistry &registry,
                                     Admission &admission, double timeScale)
    : ControllerContext(store, registry, admission, timeScale)
    , m_pods(std::make_unique<PodLifecycle>(*this))
    , m_workloads(std::make_unique<WorkloadController>(*this))
    , m_services(std::make_unique<ServiceController>(*this))
    , m_housekeeping(std::make_unique<Housekeeping>(*this))
{
}

ControllerManager::~ControllerManager()
{
    stop();
}

void ControllerManager::start()
{
    m_stop = false;
    m_thread = std::thread([this] { run(); });
}

void ControllerManager::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void ControllerManager::onStoreEvent(const WatchEventPtr &event)
{
    {
        std::lock_guard lock(m_mutex);
        m_events.push_back(event);
    }
    m_wake.notify_one();
}

bool ControllerManager::idle() const
{
    std::lock_guard lock(m_mutex);
    return m_events.empty() && m_work.empty() && m_timers.empty() && !m_busy;
}

void ControllerManager::after(int ms, std::function<void()> fn)
{
    {
        std::lock_guard lock(m_mutex);
        m_timers.push_back(
            Timer {std::chrono::steady_clock::now() + std::chrono::milliseconds(scaled(ms)),
                   m_seq++, std::move(fn)});
        std::push_heap(m_timers.begin(), m_timers.end(), std::greater<>());
    }
    m_wake.notify_one();
}

void ControllerManager::enqueue(const QString &storageKey, const QString &ns, const QString &name)
{
    const QString key = storageKey + kSep + ns + kSep + name;
    std::lock_guard lock(m_mutex);
    if (m_queued.contains(key))
        return;
    m_queued.insert(key);
    m_work.push_back(key);
}

void ControllerManager::run()
{
    for (;;) {
        std::deque<WatchEventPtr> events;
        std::deque<QString> work;
        std::vector<std::function<void()>> due;
        {
            std::unique_lock lock(m_mutex);
            m_busy = false;
            const auto next = m_timers.empty()
                ? std::chrono::steady_clock::now() + std::chrono::seconds(1)
                : m_timers.front().due;
            m_wake.wait_until(lock, next, [this] {
                return m_stop || !m_events.empty() || !m_work.empty()
                    || (!m_timers.empty()
                        && m_timers.front().due <= std::chrono::steady_clock::now());
            });
            if (m_stop)
                return;
            m_busy = true;
            events.swap(m_events);
            const auto now = std::chrono::steady_clock::now();
            while (!m_timers.empty() && m_timers.front().due <= now) {
                std::pop_heap(m_timers.begin(), m_timers.end(), std::greater<>());
                due.push_back(std::move(m_timers.back().fn));
                m_timers.pop_back();
            }
        }
        // One failed step (an API write that lost a race) must not drop the rest of the round.
        const auto guarded = [](const auto &fn) {
            try {
                fn();
            } catch (const ApiError &) {
            }
        };
        for (const WatchEventPtr &e : events)
            guarded([&] { handleEvent(e); });
        for (auto &fn : due)
            guarded(fn);
        // Reconciles queued by the events (and by the reconciles themselves, bounded per round
        // so that timers keep their pace).
        for (int round = 0; round < 1000; ++round) {
            {
                std::lock_guard lock(m_mutex);
                if (m_work.empty())
                    break;
                work.swap(m_work);
                for (const QString &k : work)
                    m_queued.remove(k);
            }
            for (const QString &k : work)
                guarded([&] { reconcile(k); });
            work.clear();
            std::deque<WatchEventPtr> more;
            {
                std::lock_guard lock(m_mutex);
                more.swap(m_events);
            }
            for (const WatchEventPtr &e : more)
                guarded([&] { handleEvent(e); });
        }
    }
}

void ControllerManager::syncQuotas(const QString &key, const QString &ns)
{
    // The quota controller: each quota's status (hard, used) follows its namespace.
    if (ns.isEmpty() || key == QLatin1String("/events"))
        return;
    for (QJsonObject quota : store.objects(QStringLiteral("/resourcequotas"), ns)) {
        const QJsonObject status {
            {QStringLiteral("hard"),
             quota.value(QLatin1String("spec")).toObject().value(QLatin1String("hard"))},
            {QStringLiteral("used"), ResourceQuotas::used(store, quota)}};
        if (quota.value(QLatin1String("status")).toObject() == status)
            continue;
        quota.insert(QStringLiteral("status"), status);
        tryUpdate(QStringLiteral("/resourcequotas"), quota);
    }
}

void ControllerManager::handleEvent(const WatchEventPtr &e)
{
    const QString key = e->storageKey;
    const QString ns = metaString(e->object, "namespace");
    const QString name = metaString(e->object, "name");
    const bool deleted = e->type == WatchEvent::Type::Deleted;
    if (key == QLatin1String("/events") || key == QLatin1String("events.k8s.io/events")) {
        EventMirror::sync(*this, key, e->object, deleted); // one kind, two API versions
        return;
    }
    syncQuotas(key, ns);
    if (deleted)
        m_housekeeping->onDeleted(e->object, ns.isEmpty());
    else
        m_housekeeping->removeIfFinalized(key, e->object);

    // Owners follow their dependents.
    for (const QJsonValue &ref : e->object.value(QStringLiteral("metadata"))
                                     .toObject()
                                     .value(QStringLiteral("ownerReferences"))
                                     .toArray()) {
        const QJsonObject r = ref.toObject();
        const QString kind = r.value(QStringLiteral("kind")).toString();
        const QString owner = r.value(QStringLiteral("name")).toString();
        if (kind == QLatin1String("ReplicaSet"))
            enqueue(QStringLiteral("apps/replicasets"), ns, owner);
        else if (kind == QLatin1String("Deployment"))
            enqueue(QStringLiteral("apps/deployments"), ns, owner);
        else if (kind == QLatin1String("StatefulSet"))
            enqueue(QStringLiteral("apps/statefulsets"), ns, owner);
        else if (kind == QLatin1String("DaemonSet"))
            enqueue(QStringLiteral("apps/daemonsets"), ns, owner);
        else if (kind == QLatin1String("Job"))
            enqueue(QStringLiteral("batch/jobs"), ns, owner);
    }

    if (key == QLatin1String("/pods")) {
        m_pods->onPodChanged(e->object, deleted);
        for (const QJsonObject &svc : store.objects(QStringLiteral("/services"), ns))
            enqueue(QStringLiteral("/services"), ns, metaString(svc, "name"));
    } else if (key == QLatin1String("/namespaces")) {
        if (!deleted)
            enqueue(key, QString(), name);
    } else if (Housekeeping::isNamespaceDefault(key, name)) {
        enqueue(QStringLiteral("/namespaces"), QString(), ns); // deleted or changed: put back
    } else if (key == QLatin1String("/nodes")) {
        for (const QJsonObject &ds : store.objects(QStringLiteral("apps/daemonsets")))
            enqueue(QStringLiteral("apps/daemonsets"), metaString(ds, "namespace"),
                    metaString(ds, "name"));
    } else if (key == QLatin1String("apiextensions.k8s.io/customresourcedefinitions")) {
        m_housekeeping->syncCustomResourceDefinition(name, deleted, e->object);
    } else if (!deleted) {
        static const QStringList reconciled
            = {QStringLiteral("apps/deployments"),  QStringLiteral("apps/replicasets"),
               QStringLiteral("apps/statefulsets"), QStringLiteral("apps/daemonsets"),
               QStringLiteral("batch/jobs"),        QStringLiteral("/services")};
        if (reconciled.contains(key))
            enqueue(key, ns, name);
    }
}

void ControllerManager::reconcile(const QString &key)
{
    const QStringList parts = key.split(kSep);
    const QString &storageKey = parts.at(0);
    const QString &ns = parts.at(1);
    const QString &name = parts.at(2);
    if (storageKey == QLatin1String("apps/deployments"))
        m_workloads->syncDeployment(ns, name);
    else if (storageKey == QLatin1String("apps/replicasets"))
        m_workloads->syncReplicaSet(ns, name);
    else if (storageKey == QLatin1String("apps/statefulsets"))
        m_workloads->syncStatefulSet(ns, name);
    else if (storageKey == QLatin1String("apps/daemonsets"))
        m_workloads->syncDaemonSet(ns, name);
    else if (storageKey == QLatin1String("batch/jobs"))
        m_workloads->syncJob(ns, name);
    else if (storageKey == QLatin1String("/services"))
        m_services->syncService(ns, name);
    else if (storageKey == QLatin1String("/namespaces"))
        m_housekeeping->syncNamespace(name);
}

} // namespace Meshdeck::Demo
