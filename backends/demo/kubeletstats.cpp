#include "kubeletstats.h"

#include "meshcontrolplane.h"

#include "apierror.h"
#include "bookinfotraffic.h"
#include "containerprocesses.h"
#include "objectfields.h"
#include "objectstore.h"
#include "selectors.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QTimeZone>

#include <chrono>
#include <cmath>
#include <unistd.h>

namespace Meshdeck::Demo {

namespace {

bool isSidecarName(const QString &name)
{
    return name == QLatin1String("istio-proxy") || name == QLatin1String("linkerd-proxy");
}

QJsonArray containersOf(const QJsonObject &pod)
{
    return pod.value(QLatin1String("spec")).toObject().value(QLatin1String("containers")).toArray();
}

// CPU seconds (user + system) and resident bytes of a process, from /proc.
bool processUsage(pid_t pid, double *cpu, qint64 *rss)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const int paren = text.lastIndexOf(')');
    if (paren < 0)
        return false;
    // Fields after the command: state(3) ... utime(14) stime(15).
    const QList<QByteArray> f = text.mid(paren + 2).split(' ');
    if (f.size() < 13)
        return false;
    const double ticks = static_cast<double>(::sysconf(_SC_CLK_TCK));
    *cpu = (f.at(11).toDouble() + f.at(12).toDouble()) / ticks;
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    *rss = 0;
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                *rss = line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
        }
    }
    return true;
}

QString rfc3339(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

QString cpuQuantity(double cores)
{
    return QStringLiteral("%1n").arg(std::llround(std::max(0.0, cores) * 1e9));
}

QString memoryQuantity(qint64 bytes)
{
    return QStringLiteral("%1Ki").arg((std::max<qint64>(0, bytes) + 1023) / 1024);
}

std::string quote(const QString &v)
{
    std::string out;
    for (const char c : v.toStdString()) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c == '\n' ? 'n' : c;
    }
    return out;
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

constexpr qint64 WindowMs = 10'000;

} // namespace

KubeletStats::KubeletStats(Sources sources)
    : m_sources(std::move(sources))
{
}

KubeletStats::~KubeletStats()
{
    stop();
}

void KubeletStats::start()
{
    if (m_sampler.joinable())
        return;
    m_stop = false;
    m_sampler = std::thread([this] {
        std::unique_lock lock(m_mutex);
        while (!m_stop) {
            lock.unlock();
            Snapshot s {nowMs(), read()};
            lock.lock();
            m_history.push_back(std::move(s));
            while (m_history.size() > 2
                   && m_history.back().ms - m_history.front().ms > 4 * WindowMs)
                m_history.pop_front();
            m_wake.wait_for(lock, std::chrono::seconds(1), [this] { return m_stop; });
        }
    });
}

void KubeletStats::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_sampler.joinable())
        m_sampler.join();
}

std::vector<KubeletStats::Reading> KubeletStats::read()
{
    std::vector<Reading> out;
    if (!m_sources.store)
        return out;
    const QList<QJsonObject> pods = m_sources.store->objects(QStringLiteral("/pods"));
    const auto reading = [](const QJsonObject &pod, const QString &container) {
        Reading r;
        r.ns = metaString(pod, "namespace");
        r.pod = metaString(pod, "name");
        r.uid = metaString(pod, "uid");
        r.container = container;
        r.node = pod.value(QLatin1String("spec"))
                     .toObject()
                     .value(QLatin1String("nodeName"))
                     .toString();
        r.podLabels = metadataOf(pod).value(QLatin1String("labels")).toObject();
        for (const QJsonValue &c : containersOf(pod)) {
            if (c.toObject().value(QLatin1String("name")).toString() == container)
                r.image = c.toObject().value(QLatin1String("image")).toString();
        }
        return r;
    };
    // The oldest running pod whose labels match: the one the demo's process stands for.
    const auto podFor = [&pods](const std::function<bool(const QJsonObject &)> &match) {
        const QJsonObject *best = nullptr;
        for (const QJsonObject &pod : pods) {
            if (podRunning(pod) && match(pod)
                && (!best
                    || metaString(pod, "creationTimestamp")
                        < metaString(*best, "creationTimestamp")))
                best = &pod;
        }
        return best;
    };
    std::lock_guard lock(m_offsetsMutex);
    const auto sinceSeen = [this](const QString &source, const QString &uid, double raw) {
        const QString key = source + QLatin1Char('|') + uid;
        auto it = m_offsets.find(key);
        if (it == m_offsets.end())
            it = m_offsets.emplace(key, raw).first;
        return std::max(0.0, raw - it->second);
    };

    if (m_sources.bookinfo) {
        for (const BookinfoTraffic::ContainerUsage &u : m_sources.bookinfo->usage()) {
            const QString app = QString::fromStdString(u.app);
            const QString version = QString::fromStdString(u.version);
            const bool gateway = app == QLatin1String("istio-ingressgateway");
            const QJsonObject *pod = podFor([&](const QJsonObject &p) {
                return labelOf(p, "app") == app && (gateway || labelOf(p, "version") == version);
            });
            if (!pod)
                continue;
            QString container;
            for (const QJsonValue &c : containersOf(*pod)) {
                const QString name = c.toObject().value(QLatin1String("name")).toString();
                if ((u.proxy || gateway) == (isSidecarName(name) || gateway) && container.isEmpty())
                    container = name;
            }
            if (container.isEmpty() || (gateway && !u.proxy))
                continue;
            Reading r = reading(*pod, container);
            r.cpuSeconds
                = sinceSeen(app + version + (u.proxy ? "/proxy" : "/app"), r.uid, u.cpuSeconds);
            r.memoryBytes = u.memoryBytes;
            out.push_back(std::move(r));
        }
    }
    if (m_sources.processes) {
        for (const auto &[uid, pid] : m_sources.processes->livePids()) {
            const QJsonObject *pod
                = podFor([&uid](const QJsonObject &p) { return metaString(p, "uid") == uid; });
            double cpu = 0;
            qint64 rss = 0;
            if (!pod || containersOf(*pod).isEmpty() || !processUsage(pid, &cpu, &rss))
                continue;
            Reading r = reading(
                *pod,
                containersOf(*pod).first().toObject().value(QLatin1String("name")).toString());
            r.cpuSeconds = cpu; // the process began with its pod
            r.memoryBytes = rss;
            out.push_back(std::move(r));
        }
    }
    if (m_sources.controlPlane) {
        const MeshControlPlane::Usage u = m_sources.controlPlane->usage();
        const auto add = [&](const QJsonObject *pod, const QString &container, double cpu,
                             qint64 bytes) {
            if (!pod)
                return;
            Reading r = reading(*pod, container);
            r.cpuSeconds = sinceSeen(QStringLiteral("control-plane/") + container, r.uid, cpu);
            r.memoryBytes = bytes;
            out.push_back(std::move(r));
        };
        if (const QJsonObject *istiod = podFor([](const QJsonObject &p) {
                return labelOf(p, "app") == QLatin1String("istiod");
            })) {
            add(istiod, QStringLiteral("discovery"), u.discoveryCpuSeconds + u.identityCpuSeconds,
                u.discoveryBytes + u.identityBytes);
        } else {
            const auto component = [&](const char *name) {
                return podFor([name](const QJsonObject &p) {
                    return labelOf(p, "linkerd.io/control-plane-component") == QLatin1String(name);
                });
            };
            add(component("destination"), QStringLiteral("destination"), u.discoveryCpuSeconds,
                u.discoveryBytes);
            add(component("identity"), QStringLiteral("identity"), u.identityCpuSeconds,
                u.identityBytes);
        }
    }
    if (m_sources.prometheusPid) {
        const pid_t pid = m_sources.prometheusPid();
        double cpu = 0;
        qint64 rss = 0;
        const QJsonObject *pod = pid > 0 ? podFor([](const QJsonObject &p) {
            return labelOf(p, "app") == QLatin1String("prometheus");
        })
                                         : nullptr;
        if (pod && processUsage(pid, &cpu, &rss)) {
            QString container = QStringLiteral("prometheus");
            for (const QJsonValue &c : containersOf(*pod)) {
                const QString name = c.toObject().value(QLatin1String("name")).toString();
                if (name.contains(QLatin1String("prometheus"))
                    && !name.contains(QLatin1String("reload")))
                    container = name;
            }
            Reading r = reading(*pod, container);
            r.cpuSeconds = sinceSeen(QStringLiteral("prometheus"), r.uid, cpu);
            r.memoryBytes = rss;
            out.push_back(std::move(r));
        }
    }
    return out;
}

std::string KubeletStats::cadvisor()
{
    const std::vector<Reading> readings = read();
    std::string cpu = "# HELP container_cpu_usage_seconds_total Cumulative cpu time consumed in "
                      "seconds.\n# TYPE container_cpu_usage_seconds_total counter\n";
    std::string memory = "# HELP container_memory_working_set_bytes Current working set in bytes.\n"
                         "# TYPE container_memory_working_set_bytes gauge\n";
    struct PodTotal
    {
        const Reading *any = nullptr;
        double cpu = 0;
        qint64 memory = 0;
    };
    std::map<QString, PodTotal> pods;
    const auto labels = [](const Reading &r, const QString &container) {
        const QString id = QStringLiteral("/kubepods/burstable/pod%1").arg(r.uid)
            + (container.isEmpty() ? QString() : QLatin1Char('/') + container);
        std::string out = "container=\"" + quote(container) + "\",cpu=\"total\",id=\"" + quote(id)
            + "\",image=\"" + quote(container.isEmpty() ? QString() : r.image) + "\",name=\""
            + quote(container.isEmpty()
                        ? QString()
                        : QStringLiteral("k8s_%1_%2_%3_%4_0").arg(container, r.pod, r.ns, r.uid))
            + "\",namespace=\"" + quote(r.ns) + "\",pod=\"" + quote(r.pod) + "\"";
        return out;
    };
    char number[64];
    for (const Reading &r : readings) {
        const std::string l = labels(r, r.container);
        std::snprintf(number, sizeof number, "%.6f", r.cpuSeconds);
        cpu += "container_cpu_usage_seconds_total{" + l + "} " + number + '\n';
        memory += "container_memory_working_set_bytes{" + l + "} " + std::to_string(r.memoryBytes)
            + '\n';
        PodTotal &t = pods[r.uid];
        t.any = &r;
        t.cpu += r.cpuSeconds;
        t.memory += r.memoryBytes;
    }
    for (const auto &[uid, t] : pods) {
        const std::string l = labels(*t.any, QString());
        std::snprintf(number, sizeof number, "%.6f", t.cpu);
        cpu += "container_cpu_usage_seconds_total{" + l + "} " + number + '\n';
        memory
            += "container_memory_working_set_bytes{" + l + "} " + std::to_string(t.memory) + '\n';
    }
    return cpu + memory;
}

std::map<std::pair<QString, QString>, KubeletStats::Usage>
KubeletStats::usage(double *windowSeconds, qint64 *atMs, std::vector<Reading> *latest)
{
    std::map<std::pair<QString, QString>, Usage> out;
    std::lock_guard lock(m_mutex);
    if (m_history.size() < 2)
        return out;
    const Snapshot &last = m_history.back();
    const Snapshot *first = &m_history.front();
    for (const Snapshot &s : m_history) {
        if (last.ms - s.ms >= WindowMs)
            first = &s;
    }
    // Each container from its oldest sample in the window: a pod that started a moment ago has a
    // shorter window, not none.
    std::map<std::pair<QString, QString>, std::pair<double, qint64>> before; // cpu, at ms
    bool inWindow = false;
    for (const Snapshot &s : m_history) {
        inWindow = inWindow || &s == first;
        if (!inWindow || &s == &last)
            continue;
        for (const Reading &r : s.readings)
            before.try_emplace({r.uid, r.container}, r.cpuSeconds, s.ms);
    }
    double longest = 0;
    for (const Reading &r : last.readings) {
        const auto it = before.find({r.uid, r.container});
        if (it == before.end())
            continue; // one sample only: not reported yet, as metrics-server does
        const double window = static_cast<double>(last.ms - it->second.second) / 1000.0;
        if (window < 0.5)
            continue;
        longest = std::max(longest, window);
        out[{r.uid, r.container}]
            = Usage {std::max(0.0, r.cpuSeconds - it->second.first) / window, r.memoryBytes};
    }
    *windowSeconds = longest;
    *atMs = last.ms;
    *latest = last.readings;
    return out;
}

QJsonObject KubeletStats::podObject(const QString &ns, const QString &name,
                                    const QJsonObject &labels,
                                    const std::vector<std::pair<QString, Usage>> &containers,
                                    double window, qint64 atMs) const
{
    QJsonArray list;
    for (const auto &[container, u] : containers)
        list.append(QJsonObject {
            {QStringLiteral("name"), container},
            {QStringLiteral("usage"),
             QJsonObject {{QStringLiteral("cpu"), cpuQuantity(u.cores)},
                          {QStringLiteral("memory"), memoryQuantity(u.memoryBytes)}}}});
    return QJsonObject {{QStringLiteral("kind"), QStringLiteral("PodMetrics")},
                        {QStringLiteral("apiVersion"), QStringLiteral("metrics.k8s.io/v1beta1")},
                        {QStringLiteral("metadata"),
                         QJsonObject {{QStringLiteral("name"), name},
                                      {QStringLiteral("namespace"), ns},
                                      {QStringLiteral("creationTimestamp"), nowRfc3339()},
                                      {QStringLiteral("labels"), labels}}},
                        {QStringLiteral("timestamp"), rfc3339(atMs)},
                        {QStringLiteral("window"), QStringLiteral("%1s").arg(window, 0, 'f', 3)},
                        {QStringLiteral("containers"), list}};
}

QJsonObject KubeletStats::podMetricsList(const QString &ns, const Selector &labels)
{
    double window = 0;
    qint64 at = 0;
    std::vector<Reading> latest;
    const auto u = usage(&window, &at, &latest);
    std::map<QString, std::vector<const Reading *>> byPod; // uid -> its containers
    for (const Reading &r : latest) {
        if ((ns.isEmpty() || r.ns == ns) && labels.matchesLabels(r.podLabels)
            && u.count({r.uid, r.container}))
            byPod[r.uid].push_back(&r);
    }
    QJsonArray items;
    for (const auto &[uid, readings] : byPod) {
        std::vector<std::pair<QString, Usage>> containers;
        for (const Reading *r : readings)
            containers.emplace_back(r->container, u.at({r->uid, r->container}));
        const Reading &r = *readings.front();
        items.append(podObject(r.ns, r.pod, r.podLabels, containers, window, at));
    }
    return QJsonObject {{QStringLiteral("kind"), QStringLiteral("PodMetricsList")},
                        {QStringLiteral("apiVersion"), QStringLiteral("metrics.k8s.io/v1beta1")},
                        {QStringLiteral("metadata"), QJsonObject {}},
                        {QStringLiteral("items"), items}};
}

QJsonObject KubeletStats::serve(const QString &plural, const QString &ns, const QString &name,
                                const QString &labelSelector)
{
    const Selector labels = Selector::parseLabels(labelSelector);
    const bool pods = plural == QLatin1String("pods");
    if (name.isEmpty())
        return pods ? podMetricsList(ns, labels) : nodeMetricsList(labels);
    const auto one = pods ? podMetrics(ns, name) : nodeMetrics(name);
    if (!one)
        throw ApiError::notFound(QStringLiteral("metrics.k8s.io"), plural, name);
    return *one;
}

std::optional<QJsonObject> KubeletStats::podMetrics(const QString &ns, const QString &name)
{
    const QJsonArray items = podMetricsList(ns, Selector()).value(QLatin1String("items")).toArray();
    for (const QJsonValue &v : items) {
        if (metaString(v.toObject(), "name") == name)
            return v.toObject();
    }
    return std::nullopt;
}

QJsonObject KubeletStats::nodeMetricsList(const Selector &labels)
{
    double window = 0;
    qint64 at = 0;
    std::vector<Reading> latest;
    const auto u = usage(&window, &at, &latest);
    QJsonArray items;
    if (!u.empty() && m_sources.store) {
        for (const QJsonObject &node : m_sources.store->objects(QStringLiteral("/nodes"))) {
            const QJsonObject nodeLabels
                = metadataOf(node).value(QLatin1String("labels")).toObject();
            if (!labels.matchesLabels(nodeLabels))
                continue;
            const QString name = metaString(node, "name");
            Usage sum;
            for (const Reading &r : latest) {
                const auto it = u.find({r.uid, r.container});
                if (r.node == name && it != u.end()) {
                    sum.cores += it->second.cores;
                    sum.memoryBytes += it->second.memoryBytes;
                }
            }
            items.append(QJsonObject {
                {QStringLiteral("kind"), QStringLiteral("NodeMetrics")},
                {QStringLiteral("apiVersion"), QStringLiteral("metrics.k8s.io/v1beta1")},
                {QStringLiteral("metadata"),
                 QJsonObject {{QStringLiteral("name"), name},
                              {QStringLiteral("creationTimestamp"), nowRfc3339()},
                              {QStringLiteral("labels"), nodeLabels}}},
                {QStringLiteral("timestamp"), rfc3339(at)},
                {QStringLiteral("window"), QStringLiteral("%1s").arg(window, 0, 'f', 3)},
                {QStringLiteral("usage"),
                 QJsonObject {{QStringLiteral("cpu"), cpuQuantity(sum.cores)},
                              {QStringLiteral("memory"), memoryQuantity(sum.memoryBytes)}}}});
        }
    }
    return QJsonObject {{QStringLiteral("kind"), QStringLiteral("NodeMetricsList")},
                        {QStringLiteral("apiVersion"), QStringLiteral("metrics.k8s.io/v1beta1")},
                        {QStringLiteral("metadata"), QJsonObject {}},
                        {QStringLiteral("items"), items}};
}

std::optional<QJsonObject> KubeletStats::nodeMetrics(const QString &name)
{
    for (const QJsonValue &v :
         nodeMetricsList(Selector()).value(QLatin1String("items")).toArray()) {
        if (metaString(v.toObject(), "name") == name)
            return v.toObject();
    }
    return std::nullopt;
}

} // namespace Meshdeck::Demo
