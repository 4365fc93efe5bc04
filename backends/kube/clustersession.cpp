#include "clustersession.h"

#include "informer.h"
#include "kubeclient.h"

#include <core/httpengine.h>
#include <core/logging.h>

namespace Meshdeck::Kube {

namespace {
QString idOf(const ApiResource &r)
{
    return r.group + QLatin1Char('/') + r.kind;
}
} // namespace

ClusterSession::ClusterSession(ResolvedContext context)
    : m_context(std::move(context))
    , m_engine(std::make_shared<HttpEngine>())
    , m_client(std::make_shared<KubeClient>(m_context, m_engine))
{
    qRegisterMetaType<Meshdeck::Kube::ClusterSessionPtr>();
    qCInfo(lcKube) << "session for context" << m_context.context << "at" << m_context.server;
}

ClusterSession::~ClusterSession()
{
    stopInformers();
}

std::optional<QList<QJsonObject>> ClusterSession::cachedObjects(const QString &group,
                                                                const QString &kind) const
{
    std::lock_guard lock(m_mutex);
    for (const auto &informer : m_informers) {
        const ApiResource &r = informer->resource();
        if (r.group == group && r.kind == kind) {
            if (!informer->hasSynced() || informer->kindGone())
                return std::nullopt;
            return informer->objects();
        }
    }
    return std::nullopt;
}

QStringList ClusterSession::watchedKinds() const
{
    std::lock_guard lock(m_mutex);
    QStringList out;
    for (const auto &informer : m_informers)
        out << idOf(informer->resource());
    return out;
}

bool ClusterSession::hasSynced() const
{
    std::lock_guard lock(m_mutex);
    if (m_informers.empty())
        return false;
    for (const auto &informer : m_informers)
        if (!informer->hasSynced())
            return false;
    return true;
}

void ClusterSession::addInformer(std::shared_ptr<Informer> informer)
{
    std::lock_guard lock(m_mutex);
    m_informers.push_back(std::move(informer));
}

std::shared_ptr<Informer> ClusterSession::takeInformer(const QString &groupKind)
{
    std::lock_guard lock(m_mutex);
    for (auto it = m_informers.begin(); it != m_informers.end(); ++it) {
        if (idOf((*it)->resource()) == groupKind) {
            auto taken = std::move(*it);
            m_informers.erase(it);
            return taken;
        }
    }
    return nullptr;
}

std::vector<std::shared_ptr<Informer>> ClusterSession::informers() const
{
    std::lock_guard lock(m_mutex);
    return m_informers;
}

void ClusterSession::stopInformers()
{
    std::vector<std::shared_ptr<Informer>> stopping;
    {
        std::lock_guard lock(m_mutex);
        stopping.swap(m_informers);
    }
    for (auto &informer : stopping)
        informer->stop();
}

} // namespace Meshdeck::Kube
