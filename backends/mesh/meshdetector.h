#pragma once

#include "meshcatalog.h"

#include <core/result.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <optional>

namespace Meshdeck {
namespace Kube {
class KubeClient;
}

namespace Mesh {

// A mesh found in a cluster.
struct DetectedMesh
{
    QString id;
    QString version; // from the control plane's image tag
    QString ns;
    int replicas = 0;
    int ready = 0;
    bool crds = false;
    QStringList injectedNamespaces; // namespaces with the mesh's injection label or annotation
    QStringList addons; // add-ons found running (Deployments of their bundled manifests)
    QString mtlsMode; // the mesh-wide mode (Istio's PeerAuthentication "default"), "" if unset
};

class MeshDetector
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::Mesh::MeshDetector)

public:
    // Which meshes the cluster runs (none: an empty list).
    [[nodiscard]] static Result<QList<DetectedMesh>> detect(Kube::KubeClient &client);
    // Switches injection for a namespace: Istio's label, Linkerd's annotation, and so on. The
    // namespace's pods get (or lose) sidecars when they are next created (restart them).
    // Polls detection until the mesh's control plane is Ready (`ready`) or gone (!`ready`),
    // up to `timeoutMs` or `cancel`. Answers what was last seen (an empty id when absent), or
    // nothing when the wait ran out.
    [[nodiscard]] static std::optional<DetectedMesh>
    waitForControlPlane(Kube::KubeClient &client, const QString &mesh, bool ready, int timeoutMs,
                        const std::atomic_bool *cancel = nullptr);
    [[nodiscard]] static VoidResult setInjection(Kube::KubeClient &client, const QString &mesh,
                                                 const QString &ns, bool on);
    // Restarts every Deployment, StatefulSet and DaemonSet of `ns` (as `kubectl rollout
    // restart` does: a restartedAt annotation on the pod template), so that injection changes
    // reach the pods. Answers the restarted workloads ("Deployment/reviews-v1").
    [[nodiscard]] static Result<QStringList> restartWorkloads(Kube::KubeClient &client,
                                                              const QString &ns);
    // The mesh-wide mTLS mode: Istio's PeerAuthentication "default" in its root namespace.
    [[nodiscard]] static VoidResult setMtlsMode(Kube::KubeClient &client, const QString &mesh,
                                                const QString &mode);
    // The PeerAuthentication (or equivalent) object of a mode, for plans.
    [[nodiscard]] static QJsonObject mtlsObject(const MeshDescription &mesh, const QString &mode);
};

} // namespace Mesh
} // namespace Meshdeck
