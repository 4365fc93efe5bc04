#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Meshdeck {
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

    [[nodiscard]] QString localSummary() const; // the summary in the user's language

    QString id; // istio, linkerd, consul, kuma, cilium
    QString name;
    QString summary; // in English (marked for translation): localSummary() for display
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
    // The mesh's Helm charts, installed in this order into its control namespace (none: it
    // has no Helm route Meshdeck can render without more input, e.g. Linkerd's trust anchor).
    struct HelmChart
    {
        QString release;
        QString chart;
        QString repo; // https URL of the chart repository (helm template --repo)
    };
    QList<HelmChart> helmCharts;
    // The web UI of an add-on, reached through a port forward to its Service.
    struct Dashboard
    {
        QString addon; // as in `addons`
        QString title; // "Grafana"
        QString ns;
        QString service;
        int port = 0;
        QString path; // "/kiali"
    };
    QList<Dashboard> dashboards;

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

} // namespace Mesh
} // namespace Meshdeck
