#include "clusterconnection.h"

#include "informer.h"
#include "kubeclient.h"

#include <core/httpengine.h>

#include <QJsonArray>
#include <QTimer>

namespace Meshdeck::Kube {

namespace {
struct Watched
{
    const char *group;
    const char *kind;
};

// Core kinds first; mesh kinds only when the cluster serves them.
const Watched kWatched[] = {
    {"", "Namespace"},
    {"", "Node"},
    {"", "Pod"},
    {"", "Service"},
    {"apps", "Deployment"},
    {"apps", "ReplicaSet"},
    {"apps", "StatefulSet"},
    {"apps", "DaemonSet"},
    {"batch", "Job"},
    {"", "Event"},
    {"discovery.k8s.io", "EndpointSlice"},
    {"apiextensions.k8s.io", "CustomResourceDefinition"},
    {"networking.istio.io", "VirtualService"},
    {"networking.istio.io", "DestinationRule"},
    {"networking.istio.io", "Gateway"},
    {"networking.istio.io", "ServiceEntry"},
    {"security.istio.io", "PeerAuthentication"},
    {"policy.linkerd.io", "Server"},
    {"policy.linkerd.io", "HTTPRoute"},
    {"linkerd.io", "ServiceProfile"},
    {"gateway.networking.k8s.io", "Gateway"},
    {"gateway.networking.k8s.io", "HTTPRoute"},
};
} // namespace

ClusterConnection::ClusterConnection(ResolvedContext context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
{
    qRegisterMetaType<Meshdeck::Kube::ResourceDeltas>();
    qRegisterMetaType<Meshdeck::Kube::ClusterConnection::State>();
}

ClusterConnection::~ClusterConnection()
{
    stop();
}

QStringList ClusterConnection::watchedKinds()
{
    QStringList kinds;
    for (const Watched &w : kWatched)
        if (!kinds.contains(QLatin1String(w.kind)))
            kinds << QLatin1String(w.kind);
    return kinds;
}

std::shared_ptr<KubeClient> ClusterConnection::client() const
{
    std::lock_guard lock(m_clientMutex);
    return m_client;
}

void ClusterConnection::start()
{
    if (!m_flushTimer) {
        m_flushTimer = new QTimer(this);
        m_flushTimer->setInterval(50); // at most 20 batches a second
        connect(m_flushTimer, &QTimer::timeout, this, &ClusterConnection::flush);
        m_retryTimer = new QTimer(this);
        m_retryTimer->setSingleShot(true);
        m_retryTimer->setInterval(5000);
        connect(m_retryTimer, &QTimer::timeout, this, &ClusterConnection::connectNow);
    }
    m_engine = std::make_shared<HttpEngine>();
    {
        std::lock_guard lock(m_clientMutex);
        m_client = std::make_shared<KubeClient>(m_context, m_engine);
    }
    connectNow();
}

void ClusterConnection::connectNow()
{
    emit stateChanged(State::Connecting, QString());
    const auto version = m_client->version();
    if (!version.ok()) {
        emit stateChanged(State::Failed, version.error().message());
        m_retryTimer->start();
        return;
    }
    const auto resources = m_client->discover();
    if (!resources.ok()) {
        emit stateChanged(State::Failed, resources.error().message());
        m_retryTimer->start();
        return;
    }
    startInformers(*resources);
    m_serverVersion = version->gitVersion;
    emit stateChanged(State::Connected, version->gitVersion);
    m_flushTimer->start();
}

void ClusterConnection::startInformers(const QList<ApiResource> &resources)
{
    for (const Watched &w : kWatched) {
        const QString id = QLatin1String(w.group) + QLatin1Char('/') + QLatin1String(w.kind);
        if (m_watching.contains(id))
            continue;
        for (const ApiResource &r : resources) {
            if (r.group == QLatin1String(w.group) && r.kind == QLatin1String(w.kind)
                && r.verbs.contains(QStringLiteral("watch"))) {
                m_informers.push_back(std::make_unique<Informer>(m_client, r));
                m_informers.back()->start();
                m_watching << id;
                break;
            }
        }
    }
}

void ClusterConnection::watchNewKinds(const ResourceDeltas &batch)
{
    // A mesh installed while connected brings its CRDs: watch its kinds once they are served.
    bool rediscover = false;
    for (const ResourceDelta &d : batch) {
        if (d.kind != QLatin1String("CustomResourceDefinition")
            || d.type == ResourceDelta::Type::Deleted)
            continue;
        const QJsonObject spec = d.object.value(QStringLiteral("spec")).toObject();
        const QString id = spec.value(QStringLiteral("group")).toString() + QLatin1Char('/')
            + spec.value(QStringLiteral("names"))
                  .toObject()
                  .value(QStringLiteral("kind"))
                  .toString();
        bool established = false;
        for (const QJsonValue &c : d.object.value(QStringLiteral("status"))
                                       .toObject()
                                       .value(QStringLiteral("conditions"))
                                       .toArray())
            established = established
                || (c.toObject().value(QStringLiteral("type")).toString()
                        == QLatin1String("Established")
                    && c.toObject().value(QStringLiteral("status")).toString()
                        == QLatin1String("True"));
        if (!established || m_watching.contains(id))
            continue;
        for (const Watched &w : kWatched)
            rediscover = rediscover
                || id == QLatin1String(w.group) + QLatin1Char('/') + QLatin1String(w.kind);
    }
    if (!rediscover)
        return;
    const auto resources = m_client->discover();
    if (resources.ok())
        startInformers(*resources);
}

void ClusterConnection::flush()
{
    ResourceDeltas batch;
    bool allSynced = true;
    for (auto &informer : m_informers) {
        allSynced = allSynced && informer->hasSynced();
        for (Informer::Delta &d : informer->takeDeltas())
            batch.append(ResourceDelta {ResourceDelta::Type(int(d.type)),
                                        informer->resource().group, informer->resource().kind,
                                        std::move(d.object)});
    }
    if (!batch.isEmpty()) {
        watchNewKinds(batch);
        emit deltasReady(batch);
    }
    // While informers cannot reach the server, the state says so; they reconnect by themselves.
    QString problem;
    for (auto &informer : m_informers) {
        if (const auto error = informer->lastError()) {
            problem = error->message();
            break;
        }
    }
    if (problem != m_health) {
        m_health = problem;
        if (problem.isEmpty())
            emit stateChanged(State::Connected, m_serverVersion);
        else
            emit stateChanged(State::Failed, tr("%1 Reconnecting…").arg(problem));
    }
    if (allSynced && !m_announcedSync && !m_informers.empty()) {
        m_announcedSync = true;
        emit synced();
    }
}

void ClusterConnection::stop()
{
    if (m_flushTimer)
        m_flushTimer->stop();
    if (m_retryTimer)
        m_retryTimer->stop();
    for (auto &informer : m_informers)
        informer->stop();
    m_informers.clear();
    m_watching.clear();
    {
        std::lock_guard lock(m_clientMutex);
        m_client.reset();
    }
    m_engine.reset();
}

} // namespace Meshdeck::Kube
