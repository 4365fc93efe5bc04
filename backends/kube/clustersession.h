#pragma once

#include "kubeconfig.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QStringList>

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace Meshdeck {
class HttpEngine;
}

namespace Meshdeck::Kube {

class Informer;
class KubeClient;

// Everything Meshdeck holds for one connected context: the one REST client (one HttpEngine, so
// one curl thread per context) and the informers that keep the watched kinds in a cache. Pages,
// controllers, runs and installs ask the session for its client and read the cache instead of
// building clients or LISTing on their own. ClusterConnection drives the informers on the
// session's thread; every member here may be called from any thread.
class ClusterSession
{
public:
    explicit ClusterSession(ResolvedContext context);
    ~ClusterSession();
    ClusterSession(const ClusterSession &) = delete;
    ClusterSession &operator=(const ClusterSession &) = delete;

    [[nodiscard]] const ResolvedContext &context() const { return m_context; }
    [[nodiscard]] std::shared_ptr<KubeClient> client() const { return m_client; }

    // The cached objects of a kind ("apps", "Deployment"), as the informer holds them, or nothing
    // when the kind is not watched or its first LIST has not finished.
    [[nodiscard]] std::optional<QList<QJsonObject>> cachedObjects(const QString &group,
                                                                  const QString &kind) const;
    // "group/Kind" of every kind watched now.
    [[nodiscard]] QStringList watchedKinds() const;
    // True once every informer has listed its kind.
    [[nodiscard]] bool hasSynced() const;

    // For the session's own thread (ClusterConnection).
    void addInformer(std::shared_ptr<Informer> informer);
    std::shared_ptr<Informer> takeInformer(const QString &groupKind);
    [[nodiscard]] std::vector<std::shared_ptr<Informer>> informers() const;
    void stopInformers();

private:
    ResolvedContext m_context;
    std::shared_ptr<HttpEngine> m_engine;
    std::shared_ptr<KubeClient> m_client;
    mutable std::mutex m_mutex;
    std::vector<std::shared_ptr<Informer>> m_informers;
};

using ClusterSessionPtr = std::shared_ptr<ClusterSession>;

} // namespace Meshdeck::Kube

Q_DECLARE_METATYPE(Meshdeck::Kube::ClusterSessionPtr)
