#pragma once

#include <core/result.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

namespace Meshdeck {
namespace Kube {
class KubeClient;
}

namespace Mesh {

// What Meshdeck knows about a service mesh: how to recognise it in a cluster, how namespaces
// join it, and how to install it.
struct VersionSupport
{
    QString version;
    int minMinor = 0; // Kubernetes 1.<minMinor> ...
    int maxMinor = 0; // ... to 1.<maxMinor>; 0: no upper bound stated by the project
};

struct MeshDescription
{
    enum class Injection { Label, Annotation, None };

    QString id; // istio, linkerd, consul, kuma, cilium
    QString name;
    QString summary;
    QString homepage;
    QString cli; // istioctl, linkerd, consul-k8s, kumactl, cilium
    QStringList versions;
    QStringList profiles;
    QStringList addons;
    // Detection: the control plane's workload (namespace/kind/name) and its CRD group.
    QString controlNamespace;
    QString controlKind; // Deployment, StatefulSet, DaemonSet
    QString controlName;
    QString controlContainer;
    QString crdGroup;
    // Joining a namespace.
    Injection injection = Injection::None;
    QString injectionKey;
    QString injectionValue;
    bool mtlsByDefault = false;
    QStringList mtlsModes; // mesh-wide modes a user can choose (Istio: PERMISSIVE, STRICT)
    QString bundledManifest; // resource path, for the demo cluster ("" when none)
    QString bundledVersion; // the version the bundled manifest installs
    QStringList defaultAddons;
    QList<VersionSupport> support; // the Kubernetes versions each mesh version supports
    // How the mesh's CLI installs: it applies by itself (Istio, Cilium, Consul), or it renders
    // manifests that Meshdeck applies with server-side apply (Linkerd, Kuma).
    bool cliRenders = false;

    // The bundled manifest of an add-on (":/manifests/istio-addon-grafana.yaml"), or "".
    [[nodiscard]] QString addonManifest(const QString &addon) const;
    [[nodiscard]] const VersionSupport *supportFor(const QString &version) const;
    // The arguments that install (or render) `profile` of `version` with the CLI.
    [[nodiscard]] QList<QStringList> cliInstallArguments(const QString &profile,
                                                         const QString &version) const;
    [[nodiscard]] QStringList cliVersionArguments() const;
};

// The catalog: Istio, Linkerd, Consul, Kuma, Cilium.
[[nodiscard]] const QList<MeshDescription> &catalog();
[[nodiscard]] const MeshDescription *findMesh(const QString &id);

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
