#include "resourcesampler.h"

#include "prometheusclient.h"

#include <kube/kubeclient.h>
#include <kube/quantity.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <optional>

namespace Meshdeck::Telemetry {

namespace {

bool isSidecarContainer(const QString &name)
{
    return name == QLatin1String("istio-proxy") || name == QLatin1String("linkerd-proxy");
}

// Pods in the mesh's namespace that are not its control plane.
bool isGatewayOrAddon(const QString &pod)
{
    static const char *const parts[] = {"gateway", "prometheus", "grafana", "kiali", "jaeger",
                                        "tracing", "zipkin",     "tempo",   "loki",  "web"};
    for (const char *p : parts) {
        if (pod.contains(QLatin1String(p)))
            return true;
    }
    return false;
}

QString seriesKey(const QString &ns, const QString &pod, const QString &container)
{
    return ns + QLatin1Char('/') + pod + QLatin1Char('/') + container;
}

// Namespace names are DNS labels (a-z, 0-9, '-'): nothing to escape in a PromQL regex; anything
// else is not a namespace and is left out.
QString regexOf(const QStringList &namespaces)
{
    static const QRegularExpression label(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    QStringList names;
    for (const QString &ns : namespaces) {
        if (label.match(ns).hasMatch())
            names << ns;
    }
    return names.join(QLatin1Char('|'));
}

} // namespace

QStringList ResourceScope::namespaces() const
{
    QStringList out = targetNamespaces;
    if (!loadNamespace.isEmpty())
        out << loadNamespace;
    out << controlPlaneNamespaces;
    out.removeDuplicates();
    out.removeAll(QString());
    return out;
}

ResourceScope ResourceScope::forRun(const QString &url, const QMap<QString, QString> &labels,
                                    const QString &loadNamespace)
{
    ResourceScope scope;
    scope.loadNamespace = loadNamespace;
    if (const QString ns = labels.value(QStringLiteral("namespace")); !ns.isEmpty())
        scope.targetNamespaces << ns;
    // productpage.bookinfo, productpage.bookinfo.svc, productpage.bookinfo.svc.cluster.local
    const QStringList host = QUrl(url).host().split(QLatin1Char('.'));
    const bool service
        = host.size() == 2 || (host.size() >= 3 && host.at(2) == QLatin1String("svc"));
    bool ip = false;
    host.value(1).toInt(&ip);
    if (service && !ip && !scope.targetNamespaces.contains(host.at(1)))
        scope.targetNamespaces << host.at(1);
    return scope;
}

bool ResourceScope::classify(const QString &ns, const QString &pod, const QString &container,
                             Perf::ResourceRole *role) const
{
    if (container.isEmpty() || container == QLatin1String("POD"))
        return false; // pod totals and pause containers would count twice
    if (!loadNamespace.isEmpty() && ns == loadNamespace) {
        *role = Perf::ResourceRole::LoadGenerator;
        return true;
    }
    if (targetNamespaces.contains(ns)) {
        *role = isSidecarContainer(container) ? Perf::ResourceRole::Sidecar
                                              : Perf::ResourceRole::Application;
        return true;
    }
    if (controlPlaneNamespaces.contains(ns) && !isGatewayOrAddon(pod)) {
        *role = Perf::ResourceRole::ControlPlane;
        return true;
    }
    return false;
}

struct ResourceSampler::Impl
{
    std::optional<PrometheusClient> prometheus;
    QString selector; // {container!="",...,namespace=~"..."}
    double firstPoll = 0;
    QSet<QString> seenAtFirstPoll;
    QSet<QString> seenLastPoll;
    QSet<QString> seenEver;
    int polls = 0;
};

ResourceSampler::ResourceSampler(std::shared_ptr<Kube::KubeClient> kube, ResourceScope scope,
                                 int intervalMs)
    : m_kube(std::move(kube))
    , m_scope(std::move(scope))
    , m_intervalMs(std::max(200, intervalMs))
    , m_impl(std::make_unique<Impl>())
{
}

ResourceSampler::~ResourceSampler()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void ResourceSampler::start()
{
    if (m_thread.joinable())
        return;
    m_thread = std::thread([this] { run(); });
}

void ResourceSampler::run()
{
    probe();
    std::unique_lock lock(m_mutex);
    while (!m_stop && !m_source.isEmpty()) {
        lock.unlock();
        if (m_source == QLatin1String("prometheus"))
            pollPrometheus();
        else
            pollMetricsApi();
        ++m_impl->polls;
        lock.lock();
        m_wake.wait_for(lock, std::chrono::milliseconds(m_intervalMs), [this] { return m_stop; });
    }
}

void ResourceSampler::probe()
{
    if (!m_kube) {
        m_unavailable = tr("no cluster is connected, so there is nothing to measure CPU and "
                           "memory with");
        return;
    }
    m_impl->selector = QStringLiteral("{container!=\"\",container!=\"POD\",namespace=~\"%1\"}")
                           .arg(regexOf(m_scope.namespaces()));
    QString prometheusWhy;
    const auto endpoint = PrometheusClient::discover(m_kube);
    if (endpoint.ok()) {
        PrometheusClient client(*endpoint, 5000);
        const auto probe = client.query(
            QStringLiteral("count(container_cpu_usage_seconds_total%1)").arg(m_impl->selector));
        if (probe.ok() && !probe->samples.isEmpty() && probe->samples.first().value > 0) {
            m_impl->prometheus.emplace(*endpoint, 5000);
            m_source = QStringLiteral("prometheus");
            return;
        }
        prometheusWhy = probe.ok()
            ? tr("Prometheus (%1) has no container_cpu_usage_seconds_total series for %2 (is "
                 "the kubelet's cAdvisor endpoint scraped?)")
                  .arg(endpoint->describe(), m_scope.namespaces().join(QStringLiteral(", ")))
            : tr("Prometheus (%1) did not answer: %2")
                  .arg(endpoint->describe(), probe.error().message());
    } else {
        prometheusWhy = endpoint.error().message();
    }
    const QString ns = m_scope.targetNamespaces.value(0, QStringLiteral("default"));
    const auto metrics
        = m_kube->get(QStringLiteral("/apis/metrics.k8s.io/v1beta1/namespaces/%1/pods").arg(ns));
    if (metrics.ok()) {
        m_source = QStringLiteral("metrics-api");
        m_warnings << tr("CPU and memory come from the metrics API (%1); Prometheus was not "
                         "usable: %2")
                          .arg(QStringLiteral("metrics.k8s.io"), prometheusWhy);
        return;
    }
    m_unavailable = tr("CPU and memory are not available: %1; and the metrics API "
                       "(metrics.k8s.io) did not answer: %2. Install metrics-server, or a "
                       "Prometheus that scrapes the kubelets' cAdvisor endpoint.")
                        .arg(prometheusWhy, metrics.error().message());
}

void ResourceSampler::pollPrometheus()
{
    const PrometheusClient &p = *m_impl->prometheus;
    const QString sel = m_impl->selector;
    const auto cpu = p.query(QStringLiteral("container_cpu_usage_seconds_total") + sel);
    const auto at
        = p.query(QStringLiteral("timestamp(container_cpu_usage_seconds_total%1)").arg(sel));
    const auto memory = p.query(QStringLiteral("container_memory_working_set_bytes") + sel);
    if (!cpu.ok() || !at.ok()) {
        const QString why = !cpu.ok() ? cpu.error().message() : at.error().message();
        if (!m_warnings.contains(why))
            m_warnings << why;
        return;
    }
    const auto keyOf = [](const Sample &s) {
        return seriesKey(s.labels.value(QStringLiteral("namespace")),
                         s.labels.value(QStringLiteral("pod")),
                         s.labels.value(QStringLiteral("container")));
    };
    QMap<QString, double> scraped;
    for (const Sample &s : at->samples)
        scraped.insert(keyOf(s), s.value);
    QMap<QString, qint64> working;
    if (memory.ok()) {
        for (const Sample &s : memory->samples)
            working[keyOf(s)] = std::max(working.value(keyOf(s)), static_cast<qint64>(s.value));
    }
    QSet<QString> seen;
    for (const Sample &s : cpu->samples) {
        const QString key = keyOf(s);
        if (!scraped.contains(key))
            continue;
        CounterReading r;
        r.ns = s.labels.value(QStringLiteral("namespace"));
        r.pod = s.labels.value(QStringLiteral("pod"));
        r.container = s.labels.value(QStringLiteral("container"));
        r.scrapedAt = scraped.value(key);
        r.cpuSeconds = s.value;
        r.memoryBytes = working.value(key);
        m_counters << r;
        seen.insert(seriesKey(r.ns, r.pod, QString()));
    }
    if (m_impl->polls == 0)
        m_impl->seenAtFirstPoll = seen;
    m_impl->seenEver.unite(seen);
    m_impl->seenLastPoll = seen;
}

void ResourceSampler::pollMetricsApi()
{
    QSet<QString> seen;
    for (const QString &ns : m_scope.namespaces()) {
        const auto list = m_kube->get(
            QStringLiteral("/apis/metrics.k8s.io/v1beta1/namespaces/%1/pods").arg(ns));
        if (!list.ok())
            continue;
        for (const QJsonValue &v : list->value(QLatin1String("items")).toArray()) {
            const QJsonObject item = v.toObject();
            const QJsonObject md = item.value(QLatin1String("metadata")).toObject();
            const QString pod = md.value(QLatin1String("name")).toString();
            const double t = static_cast<double>(
                                 QDateTime::fromString(
                                     item.value(QLatin1String("timestamp")).toString(), Qt::ISODate)
                                     .toMSecsSinceEpoch())
                / 1000.0;
            seen.insert(seriesKey(ns, pod, QString()));
            for (const QJsonValue &c : item.value(QLatin1String("containers")).toArray()) {
                const QString container = c.toObject().value(QLatin1String("name")).toString();
                Perf::ResourceRole role;
                if (!m_scope.classify(ns, pod, container, &role))
                    continue;
                const QString key = seriesKey(ns, pod, container);
                if (m_lastTimestamp.value(key, -1) >= t)
                    continue; // the same window again
                m_lastTimestamp[key] = t;
                const QJsonObject usage = c.toObject().value(QLatin1String("usage")).toObject();
                Perf::ResourceSeries &s = m_direct[key];
                s.ns = ns;
                s.pod = pod;
                s.container = container;
                s.role = role;
                s.points << Perf::ResourcePoint {
                    t, // made relative in finish()
                    Kube::Quantity::parse(usage.value(QLatin1String("cpu")).toString()).value_or(0),
                    Kube::Quantity::bytes(usage.value(QLatin1String("memory")).toString())
                        .value_or(0)};
            }
        }
    }
    if (m_impl->polls == 0)
        m_impl->seenAtFirstPoll = seen;
    m_impl->seenEver.unite(seen);
    m_impl->seenLastPoll = seen;
}

QList<Perf::ResourceSeries>
ResourceSampler::seriesFromCounters(const ResourceScope &scope,
                                    const QList<CounterReading> &readings, double runStartSeconds)
{
    QMap<QString, QList<CounterReading>> byKey;
    for (const CounterReading &r : readings)
        byKey[seriesKey(r.ns, r.pod, r.container)] << r;
    QList<Perf::ResourceSeries> out;
    for (auto it = byKey.begin(); it != byKey.end(); ++it) {
        QList<CounterReading> &list = it.value();
        Perf::ResourceSeries s;
        const CounterReading &first = list.first();
        if (!scope.classify(first.ns, first.pod, first.container, &s.role))
            continue;
        s.ns = first.ns;
        s.pod = first.pod;
        s.container = first.container;
        std::stable_sort(list.begin(), list.end(),
                         [](const CounterReading &a, const CounterReading &b) {
                             return a.scrapedAt < b.scrapedAt;
                         });
        const CounterReading *previous = nullptr;
        for (const CounterReading &r : list) {
            if (previous && r.scrapedAt <= previous->scrapedAt)
                continue; // the same scrape read again
            if (previous) {
                // A counter that went down was reset (the container restarted): count from 0.
                const double used = r.cpuSeconds >= previous->cpuSeconds
                    ? r.cpuSeconds - previous->cpuSeconds
                    : r.cpuSeconds;
                s.points << Perf::ResourcePoint {r.scrapedAt - runStartSeconds,
                                                 used / (r.scrapedAt - previous->scrapedAt),
                                                 r.memoryBytes};
            }
            previous = &r;
        }
        if (!s.points.isEmpty())
            out << s;
    }
    return out;
}

Perf::ResourceUsage ResourceSampler::finish(const QDateTime &runStart, double windowStart,
                                            double windowEnd)
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    Perf::ResourceUsage usage;
    usage.windowStart = windowStart;
    usage.windowEnd = windowEnd;
    usage.warnings = m_warnings;
    if (m_source.isEmpty()) {
        usage.unavailableReason = m_unavailable;
        return usage;
    }
    usage.source = m_source;
    const double start = static_cast<double>(runStart.toMSecsSinceEpoch()) / 1000.0;
    if (m_source == QLatin1String("prometheus")) {
        usage.series = seriesFromCounters(m_scope, m_counters, start);
    } else {
        for (Perf::ResourceSeries s : std::as_const(m_direct)) {
            for (Perf::ResourcePoint &p : s.points)
                p.offsetSeconds -= start;
            usage.series << s;
        }
    }
    // Pods that came or went while the run went: restarts, reschedules, scaling.
    QStringList appeared;
    QStringList gone;
    for (const QString &pod : std::as_const(m_impl->seenEver)) {
        // In-cluster workers are created for the run and removed after it, by design.
        if (!m_scope.loadNamespace.isEmpty()
            && pod.section(QLatin1Char('/'), 0, 0) == m_scope.loadNamespace)
            continue;
        if (m_impl->polls > 1 && !m_impl->seenAtFirstPoll.contains(pod))
            appeared << pod.section(QLatin1Char('/'), 0, 1);
        if (m_impl->polls > 1 && !m_impl->seenLastPoll.contains(pod))
            gone << pod.section(QLatin1Char('/'), 0, 1);
    }
    if (!appeared.isEmpty())
        usage.warnings << tr("Pods started during the run (restarted, rescheduled or scaled): %1")
                              .arg(appeared.join(QStringLiteral(", ")));
    if (!gone.isEmpty())
        usage.warnings << tr("Pods without samples at the end of the run (deleted or restarted): "
                             "%1")
                              .arg(gone.join(QStringLiteral(", ")));
    if (usage.series.isEmpty())
        usage.warnings << (m_scope.targetNamespaces.isEmpty()
                               ? tr("The run's target namespace is not known (give the URL as a "
                                    "Service name such as http://svc.ns:port, or a label "
                                    "namespace=NS), and the mesh's control plane had no samples.")
                               : tr("No CPU samples fell inside the run; runs shorter than two "
                                    "scrape intervals cannot be measured from Prometheus."));
    return usage;
}

} // namespace Meshdeck::Telemetry
