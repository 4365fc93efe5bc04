#include "clusterconnection.h"

#include "informer.h"
#include "kubeclient.h"

#include <core/logging.h>

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
    {"gateway.networking.k8s.io", "GRPCRoute"},
    {"gateway.networking.k8s.io", "ReferenceGrant"},
};
} // namespace

ClusterConnection::ClusterConnection(ClusterSessionPtr session, QObject *parent)
    : QObject(parent)
    , m_session(std::move(session))
{
    qRegisterMetaType<Meshdeck::Kube::ResourceDeltas>();
    qRegisterMetaType<Meshdeck::Kube::ClusterConnection::State>();
}

ClusterConnection::ClusterConnection(ResolvedContext context, QObject *parent)
    : ClusterConnection(std::make_shared<ClusterSession>(std::move(context)), parent)
{
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
    connectNow();
}

void ClusterConnection::connectNow()
{
    emit stateChanged(State::Connecting, QString());
    const auto version = client()->version();
    if (!version.ok()) {
        emit stateChanged(State::Failed, version.error().message());
        m_retryTimer->start();
        return;
    }
    const auto resources = client()->discover();
    if (!resources.ok()) {
        emit stateChanged(State::Failed, resources.error().message());
        m_retryTimer->start();
        return;
    }
    startInformers(*resources);
    qCInfo(lcKube) << "connected to" << context().context << version->gitVersion << "watching"
                   << m_watching.size() << "kinds";
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
                auto informer = std::make_shared<Informer>(client(), r);
                informer->start();
                m_session->addInformer(std::move(informer));
                m_watching << id;
                break;
            }
        }
    }
}

void ClusterConnection::dropInformer(const QString &id)
{
    const std::shared_ptr<Informer> informer = m_session->takeInformer(id);
    m_watching.removeAll(id);
    if (!informer)
        return;
    informer->stop();
    // Whatever it still held leaves the models as deletes.
    const ApiResource &r = informer->resource();
    ResourceDeltas batch;
    for (const QJsonObject &o : informer->objects())
        batch.append(ResourceDelta {ResourceDelta::Type::Deleted, r.group, r.kind, o});
    for (Informer::Delta &d : informer->takeDeltas())
        if (d.type == Informer::Delta::Type::Deleted)
            batch.append(
                ResourceDelta {ResourceDelta::Type::Deleted, r.group, r.kind, std::move(d.object)});
    if (!batch.isEmpty())
        emit deltasReady(batch);
}

void ClusterConnection::watchNewKinds(const ResourceDeltas &batch)
{
    // A mesh installed while connected brings its CRDs: watch its kinds once they are served.
    // A CRD deleted while connected takes its kind away: its informer stops quietly, and a new one
    // starts if the CRD comes back.
    bool rediscover = false;
    for (const ResourceDelta &d : batch) {
        if (d.kind != QLatin1String("CustomResourceDefinition"))
            continue;
        const QJsonObject spec = d.object.value(QStringLiteral("spec")).toObject();
        const QString id = spec.value(QStringLiteral("group")).toString() + QLatin1Char('/')
            + spec.value(QStringLiteral("names"))
                  .toObject()
                  .value(QStringLiteral("kind"))
                  .toString();
        if (d.type == ResourceDelta::Type::Deleted) {
            if (m_watching.contains(id))
                dropInformer(id);
            continue;
        }
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
    const auto resources = client()->discover();
    if (resources.ok())
        startInformers(*resources);
}

void ClusterConnection::flush()
{
    const auto informers = m_session->informers();
    ResourceDeltas batch;
    bool allSynced = true;
    for (const auto &informer : informers) {
        allSynced = allSynced && informer->hasSynced();
        for (Informer::Delta &d : informer->takeDeltas())
            batch.append(ResourceDelta {ResourceDelta::Type(int(d.type)),
                                        informer->resource().group, informer->resource().kind,
                                        std::move(d.object)});
    }
    if (!batch.isEmpty()) {
        emit deltasReady(batch);
        watchNewKinds(batch);
    }
    // A kind the server stopped serving (404 on its list) is forgotten; it returns with its CRD.
    for (const auto &informer : informers) {
        if (informer->kindGone())
            dropInformer(informer->resource().group + QLatin1Char('/') + informer->resource().kind);
    }
    // While the server cannot be reached, the state says so; informers reconnect by themselves.
    // One kind's own failure (forbidden, a server error for that kind) is logged, not shown as
    // the cluster being unreachable.
    QString problem;
    for (const auto &informer : informers) {
        const auto error = informer->lastError();
        if (!error)
            continue;
        if (error->isConnectionFailure()) {
            problem = error->message();
            break;
        }
        const ApiResource &r = informer->resource();
        const QString note
            = r.plural + QLatin1Char('.') + r.group + QLatin1String(": ") + error->message();
        if (!m_kindProblems.contains(note)) {
            m_kindProblems << note;
            qCWarning(lcKube) << "watching" << note;
        }
    }
    if (problem != m_health) {
        m_health = problem;
        if (problem.isEmpty()) {
            qCInfo(lcKube) << "connection to" << context().context << "healthy again";
            emit stateChanged(State::Connected, m_serverVersion);
        } else {
            qCWarning(lcKube) << "connection to" << context().context << "failing:" << problem;
            emit stateChanged(State::Failed, tr("%1 Reconnecting…").arg(problem));
        }
    }
    if (allSynced && !m_announcedSync && !informers.empty()) {
        m_announcedSync = true;
        qCInfo(lcKube) << "cache of" << context().context << "synced";
        emit synced();
    }
}

void ClusterConnection::stop()
{
    if (m_flushTimer)
        m_flushTimer->stop();
    if (m_retryTimer)
        m_retryTimer->stop();
    m_session->stopInformers();
    m_watching.clear();
}

} // namespace Meshdeck::Kube
