#pragma once

#include <core/result.h>

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <memory>
#include <optional>

namespace Meshdeck {
namespace Kube {
class ClusterSession;
class KubeClient;
} // namespace Kube

namespace Topology {

// What the graph needs from the Kubernetes API: services and their selectors, workloads with
// their labels, readiness and whether their pods carry a sidecar, and the mesh's routing
// objects that earn badges.
struct ClusterSnapshot
{
    struct Service
    {
        QString ns, name;
        QMap<QString, QString> selector;
    };
    struct Workload
    {
        QString ns, name, kind; // Deployment, StatefulSet, DaemonSet
        QMap<QString, QString> labels; // the pod template's
        QMap<QString, QString> selector;
        int replicas = 0, ready = 0;
        int pods = 0;
        bool sidecar = false; // every pod has istio-proxy or linkerd-proxy
    };
    struct Routing
    {
        QString ns, name;
        QStringList hosts; // VirtualService hosts or DestinationRule host
        bool circuitBreaker = false; // DestinationRule with connectionPool or outlierDetection
        bool faults = false; // a VirtualService rule with fault injection
        bool timeouts = false; // a VirtualService rule with a timeout or retries
    };
    QList<Service> services;
    QList<Workload> workloads;
    QList<Routing> virtualServices;
    QList<Routing> destinationRules;
    int istioProxies = 0, linkerdProxies = 0; // pods with each mesh's sidecar

    // From the objects as the API returns them.
    static ClusterSnapshot fromObjects(const QList<QJsonObject> &services,
                                       const QList<QJsonObject> &workloads,
                                       const QList<QJsonObject> &pods,
                                       const QList<QJsonObject> &virtualServices,
                                       const QList<QJsonObject> &destinationRules);
    // LISTs them (a missing Istio CRD is no error: no routing objects then).
    [[nodiscard]] static Result<ClusterSnapshot> fetch(Kube::KubeClient &client);
    // From a session's cache, without a request; nothing while its informers have not listed
    // services, pods and workloads yet.
    [[nodiscard]] static std::optional<ClusterSnapshot>
    fromCache(const Kube::ClusterSession &session);
};

[[nodiscard]] bool selects(const QMap<QString, QString> &selector,
                           const QMap<QString, QString> &labels);

} // namespace Topology
} // namespace Meshdeck
