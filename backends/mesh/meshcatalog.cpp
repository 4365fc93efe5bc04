#include "meshcatalog.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace Meshdeck::Mesh {

QString MeshDescription::localSummary() const
{
    return QCoreApplication::translate("Meshdeck::Mesh::Catalog", summary.toUtf8().constData());
}

const QList<MeshDescription> &catalog()
{
    static const QList<MeshDescription> meshes = [] {
        QList<MeshDescription> list;
        MeshDescription istio;
        istio.id = QStringLiteral("istio");
        istio.name = QStringLiteral("Istio");
        istio.summary = QString::fromUtf8(
            QT_TRANSLATE_NOOP("Meshdeck::Mesh::Catalog",
                              "Envoy sidecars (or ambient mode) with rich traffic management, mTLS "
                              "and telemetry; the most featureful and the heaviest."));
        istio.homepage = QStringLiteral("https://istio.io");
        istio.cli = QStringLiteral("istioctl");
        istio.versions
            = {QStringLiteral("1.26.2"), QStringLiteral("1.25.3"), QStringLiteral("1.24.2")};
        // istio.io's supported-releases table.
        istio.support = {{QStringLiteral("1.26.2"), 29, 33},
                         {QStringLiteral("1.25.3"), 29, 32},
                         {QStringLiteral("1.24.2"), 28, 31}};
        istio.bundledVersion = QStringLiteral("1.26.2");
        const QString istioCharts
            = QStringLiteral("https://istio-release.storage.googleapis.com/charts");
        istio.helmCharts = {{QStringLiteral("istio-base"), QStringLiteral("base"), istioCharts},
                            {QStringLiteral("istiod"), QStringLiteral("istiod"), istioCharts}};
        istio.defaultAddons = {QStringLiteral("prometheus")};
        istio.mtlsModes = {QStringLiteral("PERMISSIVE"), QStringLiteral("STRICT")};
        istio.profiles = {QStringLiteral("demo"), QStringLiteral("default"),
                          QStringLiteral("minimal"), QStringLiteral("ambient")};
        istio.addons = {QStringLiteral("prometheus"), QStringLiteral("grafana"),
                        QStringLiteral("jaeger"), QStringLiteral("kiali")};
        const QString istioNs = QStringLiteral("istio-system");
        istio.dashboards = {{QStringLiteral("prometheus"), QStringLiteral("Prometheus"), istioNs,
                             QStringLiteral("prometheus"), 9090, QStringLiteral("/")},
                            {QStringLiteral("grafana"), QStringLiteral("Grafana"), istioNs,
                             QStringLiteral("grafana"), 3000, QStringLiteral("/")},
                            {QStringLiteral("jaeger"), QStringLiteral("Jaeger"), istioNs,
                             QStringLiteral("tracing"), 80, QStringLiteral("/")},
                            {QStringLiteral("kiali"), QStringLiteral("Kiali"), istioNs,
                             QStringLiteral("kiali"), 20001, QStringLiteral("/kiali")}};
        istio.controlNamespace = istioNs;
        istio.controlKind = QStringLiteral("Deployment");
        istio.controlName = QStringLiteral("istiod");
        istio.controlContainer = QStringLiteral("discovery");
        istio.crdGroup = QStringLiteral("networking.istio.io");
        istio.injection = MeshDescription::Injection::Label;
        istio.injectionKey = QStringLiteral("istio-injection");
        istio.injectionValue = QStringLiteral("enabled");
        istio.mtlsByDefault = true;
        istio.bundledManifest = QStringLiteral(":/manifests/istio-demo.yaml");
        list << istio;

        MeshDescription linkerd;
        linkerd.id = QStringLiteral("linkerd");
        linkerd.name = QStringLiteral("Linkerd");
        linkerd.summary = QString::fromUtf8(
            QT_TRANSLATE_NOOP("Meshdeck::Mesh::Catalog",
                              "A small Rust micro-proxy per pod, mTLS on by default, "
                              "little to configure; the lightest sidecar mesh."));
        linkerd.homepage = QStringLiteral("https://linkerd.io");
        linkerd.cli = QStringLiteral("linkerd");
        linkerd.versions = {QStringLiteral("stable-2.14.10"), QStringLiteral("edge-24.11.8")};
        linkerd.profiles = {QStringLiteral("default"), QStringLiteral("ha")};
        linkerd.addons = {QStringLiteral("viz")};
        linkerd.dashboards
            = {{QStringLiteral("viz"), QStringLiteral("Linkerd Viz"), QStringLiteral("linkerd-viz"),
                QStringLiteral("web"), 8084, QStringLiteral("/")}};
        linkerd.controlNamespace = QStringLiteral("linkerd");
        linkerd.controlKind = QStringLiteral("Deployment");
        linkerd.controlName = QStringLiteral("linkerd-destination");
        linkerd.controlContainer = QStringLiteral("destination");
        linkerd.crdGroup = QStringLiteral("linkerd.io");
        linkerd.injection = MeshDescription::Injection::Annotation;
        linkerd.injectionKey = QStringLiteral("linkerd.io/inject");
        linkerd.injectionValue = QStringLiteral("enabled");
        linkerd.mtlsByDefault = true;
        // `linkerd check --pre` checks a minimum Kubernetes version only.
        linkerd.support
            = {{QStringLiteral("stable-2.14.10"), 21, 0}, {QStringLiteral("edge-24.11.8"), 22, 0}};
        linkerd.bundledManifest = QStringLiteral(":/manifests/linkerd-demo.yaml");
        linkerd.bundledVersion = QStringLiteral("stable-2.14.10");
        linkerd.cliRenders = true;
        list << linkerd;

        MeshDescription consul;
        consul.id = QStringLiteral("consul");
        consul.name = QStringLiteral("Consul");
        consul.summary = QString::fromUtf8(
            QT_TRANSLATE_NOOP("Meshdeck::Mesh::Catalog",
                              "HashiCorp's service networking: Envoy sidecars with "
                              "Consul's catalog, reaching VMs and several clusters."));
        consul.homepage = QStringLiteral("https://developer.hashicorp.com/consul");
        consul.cli = QStringLiteral("consul-k8s");
        consul.versions = {QStringLiteral("1.20.1")};
        consul.profiles = {QStringLiteral("demo"), QStringLiteral("secure")};
        consul.controlNamespace = QStringLiteral("consul");
        consul.controlKind = QStringLiteral("StatefulSet");
        consul.controlName = QStringLiteral("consul-server");
        consul.controlContainer = QStringLiteral("consul");
        consul.crdGroup = QStringLiteral("consul.hashicorp.com");
        consul.injection = MeshDescription::Injection::Annotation;
        consul.injectionKey = QStringLiteral("consul.hashicorp.com/connect-inject");
        consul.injectionValue = QStringLiteral("true");
        consul.mtlsByDefault = true;
        list << consul;

        MeshDescription kuma;
        kuma.id = QStringLiteral("kuma");
        kuma.name = QStringLiteral("Kuma");
        kuma.summary = QString::fromUtf8(
            QT_TRANSLATE_NOOP("Meshdeck::Mesh::Catalog",
                              "Envoy-based mesh from Kong for Kubernetes and VMs, with "
                              "multi-zone control planes and policy CRDs."));
        kuma.homepage = QStringLiteral("https://kuma.io");
        kuma.cli = QStringLiteral("kumactl");
        kuma.versions = {QStringLiteral("2.9.2")};
        kuma.profiles = {QStringLiteral("standalone"), QStringLiteral("zone")};
        kuma.controlNamespace = QStringLiteral("kuma-system");
        kuma.controlKind = QStringLiteral("Deployment");
        kuma.controlName = QStringLiteral("kuma-control-plane");
        kuma.controlContainer = QStringLiteral("control-plane");
        kuma.crdGroup = QStringLiteral("kuma.io");
        kuma.injection = MeshDescription::Injection::Label;
        kuma.injectionKey = QStringLiteral("kuma.io/sidecar-injection");
        kuma.injectionValue = QStringLiteral("enabled");
        kuma.cliRenders = true;
        kuma.helmCharts = {{QStringLiteral("kuma"), QStringLiteral("kuma"),
                            QStringLiteral("https://kumahq.github.io/charts")}};
        list << kuma;

        MeshDescription cilium;
        cilium.id = QStringLiteral("cilium");
        cilium.name = QStringLiteral("Cilium");
        cilium.summary = QString::fromUtf8(
            QT_TRANSLATE_NOOP("Meshdeck::Mesh::Catalog",
                              "eBPF networking with a sidecarless mesh: per-node Envoy, "
                              "identity-based policy and Hubble observability."));
        cilium.homepage = QStringLiteral("https://cilium.io");
        cilium.cli = QStringLiteral("cilium");
        cilium.helmCharts = {{QStringLiteral("cilium"), QStringLiteral("cilium"),
                              QStringLiteral("https://helm.cilium.io")}};
        cilium.versions = {QStringLiteral("1.16.4")};
        cilium.profiles = {QStringLiteral("default")};
        cilium.controlNamespace = QStringLiteral("kube-system");
        cilium.controlKind = QStringLiteral("DaemonSet");
        cilium.controlName = QStringLiteral("cilium");
        cilium.controlContainer = QStringLiteral("cilium-agent");
        cilium.crdGroup = QStringLiteral("cilium.io");
        cilium.injection = MeshDescription::Injection::None;
        list << cilium;
        return list;
    }();
    return meshes;
}

QString MeshDescription::addonManifest(const QString &addon) const
{
    const QString path = QStringLiteral(":/manifests/%1-addon-%2.yaml").arg(id, addon);
    return QFile::exists(path) ? path : QString();
}

const VersionSupport *MeshDescription::supportFor(const QString &version) const
{
    for (const VersionSupport &s : support)
        if (s.version == version)
            return &s;
    return nullptr;
}

QList<QStringList> MeshDescription::cliInstallArguments(const QString &profile,
                                                        const QString &version) const
{
    if (id == QLatin1String("istio"))
        return {{QStringLiteral("install"), QStringLiteral("--set"),
                 QStringLiteral("profile=") + profile, QStringLiteral("--skip-confirmation")}};
    if (id == QLatin1String("linkerd")) {
        QStringList install {QStringLiteral("install")};
        if (profile == QLatin1String("ha"))
            install << QStringLiteral("--ha");
        return {{QStringLiteral("install"), QStringLiteral("--crds")}, install};
    }
    if (id == QLatin1String("kuma"))
        return {{QStringLiteral("install"), QStringLiteral("control-plane")}};
    if (id == QLatin1String("cilium"))
        return {{QStringLiteral("install"), QStringLiteral("--version"), version}};
    if (id == QLatin1String("consul"))
        return {{QStringLiteral("install"), QStringLiteral("-auto-approve"),
                 QStringLiteral("-preset"), profile}};
    return {};
}

QStringList MeshDescription::cliVersionArguments() const
{
    if (id == QLatin1String("istio"))
        return {QStringLiteral("version"), QStringLiteral("--remote=false")};
    if (id == QLatin1String("linkerd"))
        return {QStringLiteral("version"), QStringLiteral("--client"), QStringLiteral("--short")};
    if (id == QLatin1String("cilium"))
        return {QStringLiteral("version"), QStringLiteral("--client")};
    return {QStringLiteral("version")};
}

const MeshDescription *findMesh(const QString &id)
{
    for (const MeshDescription &m : catalog())
        if (m.id.compare(id, Qt::CaseInsensitive) == 0)
            return &m;
    return nullptr;
}

} // namespace Meshdeck::Mesh
