#include "meshcontrolplane.h"

#include "certificates.h"
#include "objectfields.h"
#include "objectstore.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <pthread.h>
#include <time.h>

namespace Meshdeck::Demo {

namespace {

double threadCpuSeconds()
{
    timespec ts {};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// A control plane of a mesh the demo knows is running.
bool controlPlaneRuns(const QList<QJsonObject> &pods)
{
    for (const QJsonObject &pod : pods) {
        if (podRunning(pod)
            && (labelOf(pod, "app") == QLatin1String("istiod")
                || labelOf(pod, "linkerd.io/control-plane-component")
                    == QLatin1String("destination")))
            return true;
    }
    return false;
}

// The proxy a pod carries (classic or native sidecar), empty when none.
QString proxyOf(const QJsonObject &pod)
{
    const QJsonObject spec = pod.value(QLatin1String("spec")).toObject();
    for (const char *field : {"containers", "initContainers"}) {
        for (const QJsonValue &c : spec.value(QLatin1String(field)).toArray()) {
            const QString name = c.toObject().value(QLatin1String("name")).toString();
            if (name == QLatin1String("istio-proxy") || name == QLatin1String("linkerd-proxy"))
                return name;
        }
    }
    return {};
}

} // namespace

MeshControlPlane::MeshControlPlane(ObjectStore *store)
    : m_store(store)
{
}

MeshControlPlane::~MeshControlPlane()
{
    stop();
}

void MeshControlPlane::start()
{
    if (m_thread.joinable())
        return;
    m_stop = false;
    m_thread = std::thread([this] {
        pthread_setname_np(pthread_self(), "demo-ctlplane");
        run();
    });
}

void MeshControlPlane::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

MeshControlPlane::Usage MeshControlPlane::usage() const
{
    std::lock_guard lock(m_mutex);
    return m_usage;
}

MeshControlPlane::Stats MeshControlPlane::stats() const
{
    std::lock_guard lock(m_mutex);
    return m_stats;
}

QByteArray MeshControlPlane::configOf(const QString &podUid) const
{
    std::lock_guard lock(m_mutex);
    return m_pushed.value(podUid);
}

void MeshControlPlane::run()
{
    quint64 seen = 0;
    for (;;) {
        // Wait for a change to the cluster (or stop), then let changes settle for 100 ms.
        while (!m_store->waitForVersion(seen + 1, std::chrono::milliseconds(200))) {
            std::unique_lock lock(m_mutex);
            if (m_stop)
                return;
        }
        {
            std::unique_lock lock(m_mutex);
            if (m_wake.wait_for(lock, std::chrono::milliseconds(100), [this] { return m_stop; }))
                return;
        }
        seen = m_store->resourceVersion();
        rebuild();
    }
}

void MeshControlPlane::rebuild()
{
    const QList<QJsonObject> pods = m_store->objects(QStringLiteral("/pods"));
    if (!controlPlaneRuns(pods))
        return; // no control plane, no work
    const double started = threadCpuSeconds();
    double identity = 0;
    const QList<QJsonObject> services = m_store->objects(QStringLiteral("/services"));
    const QList<QJsonObject> virtualServices
        = m_store->objects(QStringLiteral("networking.istio.io/virtualservices"));
    // Like a discovery service's informers, only the kinds it follows start a push: pods,
    // Services, Endpoints and routes, not Events, Leases or the rest.
    QCryptographicHash watched(QCryptographicHash::Sha256);
    for (const QList<QJsonObject> *kind : {&pods, &services, &virtualServices}) {
        for (const QJsonObject &o : *kind)
            watched.addData(metaString(o, "uid").toUtf8()
                            + metaString(o, "resourceVersion").toUtf8());
    }
    for (const QJsonObject &o : m_store->objects(QStringLiteral("/endpoints")))
        watched.addData(metaString(o, "uid").toUtf8() + metaString(o, "resourceVersion").toUtf8());
    if (watched.result() == m_watched) {
        std::lock_guard lock(m_mutex);
        m_usage.discoveryCpuSeconds += threadCpuSeconds() - started;
        return;
    }
    m_watched = watched.result();

    // What every proxy learns (no Sidecar resource narrows it, as with Istio's default): each
    // Service's ports with the ready endpoints behind them, and the routes of VirtualServices.
    QJsonArray clusters;
    for (const QJsonObject &svc : services) {
        const QString ns = metaString(svc, "namespace");
        const QString name = metaString(svc, "name");
        const QString host = QStringLiteral("%1.%2.svc.cluster.local").arg(name, ns);
        const auto endpoints = m_store->tryGet(QStringLiteral("/endpoints"), ns, name);
        for (const QJsonValue &p :
             svc.value(QLatin1String("spec")).toObject().value(QLatin1String("ports")).toArray()) {
            const QJsonObject port = p.toObject();
            QJsonArray addresses;
            if (endpoints) {
                for (const QJsonValue &subset :
                     endpoints->value(QLatin1String("subsets")).toArray()) {
                    for (const QJsonValue &a :
                         subset.toObject().value(QLatin1String("addresses")).toArray())
                        addresses.append(QJsonObject {
                            {QStringLiteral("address"),
                             a.toObject().value(QLatin1String("ip")).toString()},
                            {QStringLiteral("port"), port.value(QLatin1String("targetPort"))}});
                }
            }
            clusters.append(QJsonObject {{QStringLiteral("name"),
                                          QStringLiteral("outbound|%1||%2")
                                              .arg(port.value(QLatin1String("port")).toInt())
                                              .arg(host)},
                                         {QStringLiteral("type"), QStringLiteral("EDS")},
                                         {QStringLiteral("endpoints"), addresses}});
        }
    }
    QJsonArray routes;
    for (const QJsonObject &vs : virtualServices)
        routes.append(
            QJsonObject {{QStringLiteral("name"),
                          metaString(vs, "namespace") + QLatin1Char('/') + metaString(vs, "name")},
                         {QStringLiteral("spec"), vs.value(QLatin1String("spec"))}});

    QSet<QString> proxies;
    QMap<QString, QByteArray> configs;
    QList<QPair<QString, QString>> newProxies; // uid, SPIFFE identity
    {
        std::lock_guard lock(m_mutex);
        for (const QJsonObject &pod : pods) {
            if (!podRunning(pod) || proxyOf(pod).isEmpty())
                continue;
            const QString uid = metaString(pod, "uid");
            proxies.insert(uid);
            if (!m_certificates.contains(uid)) {
                const QString sa = pod.value(QLatin1String("spec"))
                                       .toObject()
                                       .value(QLatin1String("serviceAccountName"))
                                       .toString();
                newProxies.append({uid,
                                   QStringLiteral("spiffe://cluster.local/ns/%1/sa/%2")
                                       .arg(metaString(pod, "namespace"),
                                            sa.isEmpty() ? QStringLiteral("default") : sa)});
            }
        }
    }
    for (const QJsonObject &pod : pods) {
        const QString uid = metaString(pod, "uid");
        if (!proxies.contains(uid))
            continue;
        QJsonArray inbound;
        for (const QJsonValue &c : pod.value(QLatin1String("spec"))
                                       .toObject()
                                       .value(QLatin1String("containers"))
                                       .toArray()) {
            for (const QJsonValue &port : c.toObject().value(QLatin1String("ports")).toArray())
                inbound.append(
                    QStringLiteral("inbound|%1||")
                        .arg(port.toObject().value(QLatin1String("containerPort")).toInt()));
        }
        const QJsonObject config {{QStringLiteral("node"),
                                   QStringLiteral("sidecar~%1~%2.%3~%3.svc.cluster.local")
                                       .arg(pod.value(QLatin1String("status"))
                                                .toObject()
                                                .value(QLatin1String("podIP"))
                                                .toString(),
                                            metaString(pod, "name"), metaString(pod, "namespace"))},
                                  {QStringLiteral("listeners"), inbound},
                                  {QStringLiteral("clusters"), clusters},
                                  {QStringLiteral("routes"), routes}};
        configs.insert(uid, QJsonDocument(config).toJson(QJsonDocument::Compact));
    }

    // Identity: a certificate for every proxy that has none.
    QMap<QString, QByteArray> issued;
    if (!newProxies.isEmpty()) {
        const double before = threadCpuSeconds();
        if (m_caCert.isEmpty()) {
            if (auto ca = Certificates::makeCa(QStringLiteral("cluster.local mesh root"))) {
                m_caCert = ca->first;
                m_caKey = ca->second;
            }
        }
        for (const auto &[uid, identityName] : std::as_const(newProxies)) {
            if (auto cert
                = Certificates::issueWorkload(m_caCert, m_caKey, identityName, ++m_serial))
                issued.insert(uid, cert->first + cert->second);
        }
        identity = threadCpuSeconds() - before;
    }

    // Push what changed (against what the proxy holds); forget proxies that are gone.
    std::lock_guard lock(m_mutex);
    for (auto it = configs.cbegin(); it != configs.cend(); ++it) {
        if (m_pushed.value(it.key()) != it.value()) {
            m_pushed.insert(it.key(), it.value());
            ++m_stats.pushes;
        }
    }
    for (auto it = issued.cbegin(); it != issued.cend(); ++it) {
        m_certificates.insert(it.key(), it.value());
        ++m_stats.certificates;
    }
    for (const QString &uid : m_pushed.keys() + m_certificates.keys()) {
        if (!proxies.contains(uid)) {
            m_pushed.remove(uid);
            m_certificates.remove(uid);
        }
    }
    ++m_stats.rebuilds;
    m_stats.proxies = static_cast<int>(proxies.size());
    qint64 config = 0, certs = m_caCert.size() + m_caKey.size();
    for (const QByteArray &c : std::as_const(m_pushed))
        config += c.size() + 32;
    for (const QByteArray &c : std::as_const(m_certificates))
        certs += c.size();
    m_usage.discoveryBytes = config;
    m_usage.identityBytes = certs;
    m_usage.identityCpuSeconds += identity;
    m_usage.discoveryCpuSeconds += threadCpuSeconds() - started - identity;
}

} // namespace Meshdeck::Demo
