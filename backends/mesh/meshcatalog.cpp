#include "meshcatalog.h"

#include "manifestplan.h"

#include <kube/kubeclient.h>

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

namespace Meshdeck::Mesh {

const QList<MeshDescription> &catalog()
{
    static const QList<MeshDescription> meshes = [] {
        QList<MeshDescription> list;
        MeshDescription istio;
        istio.id = QStringLiteral("istio");
        istio.name = QStringLiteral("Istio");
        istio.summary
            = QStringLiteral("Envoy sidecars (or ambient mode) with rich traffic management, mTLS "
                             "and telemetry; the most featureful and the heaviest.");
        istio.homepage = QStringLiteral("https://istio.io");
        istio.cli = QStringLiteral("istioctl");
        istio.versions
            = {QStringLiteral("1.26.2"), QStringLiteral("1.25.3"), QStringLiteral("1.24.2")};
        // istio.io's supported-releases table.
        istio.support = {{QStringLiteral("1.26.2"), 29, 33},
                         {QStringLiteral("1.25.3"), 29, 32},
                         {QStringLiteral("1.24.2"), 28, 31}};
        istio.bundledVersion = QStringLiteral("1.26.2");
        istio.defaultAddons = {QStringLiteral("prometheus")};
        istio.mtlsModes = {QStringLiteral("PERMISSIVE"), QStringLiteral("STRICT")};
        istio.profiles = {QStringLiteral("demo"), QStringLiteral("default"),
                          QStringLiteral("minimal"), QStringLiteral("ambient")};
        istio.addons = {QStringLiteral("prometheus"), QStringLiteral("grafana"),
                        QStringLiteral("jaeger"), QStringLiteral("kiali")};
        istio.controlNamespace = QStringLiteral("istio-system");
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
        linkerd.summary = QStringLiteral("A small Rust micro-proxy per pod, mTLS on by default, "
                                         "little to configure; the lightest sidecar mesh.");
        linkerd.homepage = QStringLiteral("https://linkerd.io");
        linkerd.cli = QStringLiteral("linkerd");
        linkerd.versions = {QStringLiteral("stable-2.14.10"), QStringLiteral("edge-24.11.8")};
        linkerd.profiles = {QStringLiteral("default"), QStringLiteral("ha")};
        linkerd.addons = {QStringLiteral("viz")};
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
        consul.summary = QStringLiteral("HashiCorp's service networking: Envoy sidecars with "
                                        "Consul's catalog, reaching VMs and several clusters.");
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
        kuma.summary = QStringLiteral("Envoy-based mesh from Kong for Kubernetes and VMs, with "
                                      "multi-zone control planes and policy CRDs.");
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
        list << kuma;

        MeshDescription cilium;
        cilium.id = QStringLiteral("cilium");
        cilium.name = QStringLiteral("Cilium");
        cilium.summary = QStringLiteral("eBPF networking with a sidecarless mesh: per-node Envoy, "
                                        "identity-based policy and Hubble observability.");
        cilium.homepage = QStringLiteral("https://cilium.io");
        cilium.cli = QStringLiteral("cilium");
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

Result<QList<DetectedMesh>> MeshDetector::detect(Kube::KubeClient &client)
{
    const auto crds
        = client.list(QStringLiteral("/apis/apiextensions.k8s.io/v1/customresourcedefinitions"));
    // A server that cannot be reached is not asked again: one timeout is the whole wait.
    if (!crds && crds.error().isConnectionFailure())
        return Unexpected(crds.error());
    // Otherwise (no CRDs readable) detection goes on by the control planes.
    const auto namespaces = client.list(QStringLiteral("/api/v1/namespaces"));
    if (!namespaces)
        return Unexpected(namespaces.error());
    QList<DetectedMesh> found;
    for (const MeshDescription &m : catalog()) {
        DetectedMesh d;
        d.id = m.id;
        if (crds) {
            for (const QJsonObject &crd : crds->items)
                d.crds = d.crds
                    || crd.value(QLatin1String("spec"))
                            .toObject()
                            .value(QLatin1String("group"))
                            .toString()
                        == m.crdGroup;
        }
        const QString plural = m.controlKind.toLower() + QLatin1Char('s');
        const auto workload = client.get(QStringLiteral("/apis/apps/v1/namespaces/%1/%2/%3")
                                             .arg(m.controlNamespace, plural, m.controlName));
        if (!workload && !d.crds)
            continue;
        if (workload) {
            d.ns = m.controlNamespace;
            const QJsonObject spec = workload->value(QLatin1String("spec")).toObject();
            const QJsonObject status = workload->value(QLatin1String("status")).toObject();
            d.replicas = m.controlKind == QLatin1String("DaemonSet")
                ? status.value(QLatin1String("desiredNumberScheduled")).toInt()
                : spec.value(QLatin1String("replicas")).toInt(1);
            d.ready = m.controlKind == QLatin1String("DaemonSet")
                ? status.value(QLatin1String("numberReady")).toInt()
                : status.value(QLatin1String("readyReplicas")).toInt();
            for (const QJsonValue &c : spec.value(QLatin1String("template"))
                                           .toObject()
                                           .value(QLatin1String("spec"))
                                           .toObject()
                                           .value(QLatin1String("containers"))
                                           .toArray()) {
                const QString image = c.toObject().value(QLatin1String("image")).toString();
                if (d.version.isEmpty()
                    || c.toObject().value(QLatin1String("name")).toString() == m.controlContainer)
                    d.version = image.section(QLatin1Char(':'), -1);
            }
        }
        for (const QString &addon : m.addons) {
            const QString manifest = m.addonManifest(addon);
            if (manifest.isEmpty() || !workload)
                continue;
            // An add-on runs when the first Deployment of its bundled manifest does.
            auto plan = ManifestPlan::fromResource(manifest);
            for (const PlanStep &s : plan ? plan->steps : QList<PlanStep>()) {
                if (s.kind != QLatin1String("Deployment"))
                    continue;
                if (client.get(QStringLiteral("/apis/apps/v1/namespaces/%1/deployments/%2")
                                   .arg(s.ns, s.name)))
                    d.addons << addon;
                break;
            }
        }
        if (!m.mtlsModes.isEmpty() && d.crds) {
            if (const auto pa = client.get(
                    QStringLiteral("/apis/security.istio.io/v1/namespaces/%1/peerauthentications/"
                                   "default")
                        .arg(m.controlNamespace)))
                d.mtlsMode = pa->value(QLatin1String("spec"))
                                 .toObject()
                                 .value(QLatin1String("mtls"))
                                 .toObject()
                                 .value(QLatin1String("mode"))
                                 .toString();
        }
        for (const QJsonObject &n : namespaces->items) {
            const QJsonObject meta = n.value(QLatin1String("metadata")).toObject();
            const QJsonObject where = meta.value(m.injection == MeshDescription::Injection::Label
                                                     ? QLatin1String("labels")
                                                     : QLatin1String("annotations"))
                                          .toObject();
            if (m.injection != MeshDescription::Injection::None
                && where.value(m.injectionKey).toString() == m.injectionValue)
                d.injectedNamespaces << meta.value(QLatin1String("name")).toString();
        }
        found << d;
    }
    return found;
}

std::optional<DetectedMesh> MeshDetector::waitForControlPlane(Kube::KubeClient &client,
                                                              const QString &mesh, bool ready,
                                                              int timeoutMs,
                                                              const std::atomic_bool *cancel)
{
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        DetectedMesh seen;
        for (const DetectedMesh &d : detect(client).valueOr({}))
            if (d.id == mesh)
                seen = d;
        const bool running = !seen.id.isEmpty() && seen.replicas > 0;
        if (ready ? (running && seen.ready >= seen.replicas) : !running)
            return seen;
        if (clock.elapsed() >= timeoutMs || (cancel && cancel->load()))
            return std::nullopt;
        QThread::msleep(500);
    }
}

VoidResult MeshDetector::setInjection(Kube::KubeClient &client, const QString &meshId,
                                      const QString &ns, bool on)
{
    const MeshDescription *m = findMesh(meshId);
    if (!m)
        return Unexpected(
            Error(ErrorCode::InvalidArgument, tr("Unknown mesh \"%1\".").arg(meshId)));
    if (m->injection == MeshDescription::Injection::None)
        return Unexpected(
            Error(ErrorCode::Unsupported,
                  tr("%1 has no sidecars to inject: its mesh runs on every node.").arg(m->name)));
    const QString field = m->injection == MeshDescription::Injection::Label
        ? QStringLiteral("labels")
        : QStringLiteral("annotations");
    // A merge patch: null removes the key.
    const QJsonObject patch {{QStringLiteral("metadata"),
                              QJsonObject {{field,
                                            QJsonObject {{m->injectionKey,
                                                          on ? QJsonValue(m->injectionValue)
                                                             : QJsonValue(QJsonValue::Null)}}}}}};
    const auto r = client.send("PATCH", QStringLiteral("/api/v1/namespaces/%1").arg(ns),
                               QJsonDocument(patch).toJson(QJsonDocument::Compact),
                               "application/merge-patch+json");
    if (!r)
        return Unexpected(r.error());
    return {};
}

Result<QStringList> MeshDetector::restartWorkloads(Kube::KubeClient &client, const QString &ns)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    const QJsonObject patch {
        {QStringLiteral("spec"),
         QJsonObject {
             {QStringLiteral("template"),
              QJsonObject {
                  {QStringLiteral("metadata"),
                   QJsonObject {{QStringLiteral("annotations"),
                                 QJsonObject {{QStringLiteral("kubectl.kubernetes.io/restartedAt"),
                                               now}}}}}}}}}};
    const QByteArray body = QJsonDocument(patch).toJson(QJsonDocument::Compact);
    QStringList restarted;
    for (const auto &[kind, plural] :
         {std::pair {QStringLiteral("Deployment"), QStringLiteral("deployments")},
          std::pair {QStringLiteral("StatefulSet"), QStringLiteral("statefulsets")},
          std::pair {QStringLiteral("DaemonSet"), QStringLiteral("daemonsets")}}) {
        const auto items
            = client.list(QStringLiteral("/apis/apps/v1/namespaces/%1/%2").arg(ns, plural));
        if (!items)
            return Unexpected(items.error());
        for (const QJsonObject &o : items->items) {
            const QString name = o.value(QLatin1String("metadata"))
                                     .toObject()
                                     .value(QLatin1String("name"))
                                     .toString();
            const auto r = client.send(
                "PATCH", QStringLiteral("/apis/apps/v1/namespaces/%1/%2/%3").arg(ns, plural, name),
                body, "application/strategic-merge-patch+json");
            if (!r)
                return Unexpected(r.error().withContext(kind + QLatin1Char('/') + name));
            restarted << kind + QLatin1Char('/') + name;
        }
    }
    return restarted;
}

QJsonObject MeshDetector::mtlsObject(const MeshDescription &mesh, const QString &mode)
{
    if (mesh.mtlsModes.isEmpty())
        return {};
    return QJsonObject {
        {QStringLiteral("apiVersion"), QStringLiteral("security.istio.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("PeerAuthentication")},
        {QStringLiteral("metadata"),
         QJsonObject {{QStringLiteral("name"), QStringLiteral("default")},
                      {QStringLiteral("namespace"), mesh.controlNamespace}}},
        {QStringLiteral("spec"),
         QJsonObject {{QStringLiteral("mtls"), QJsonObject {{QStringLiteral("mode"), mode}}}}}};
}

VoidResult MeshDetector::setMtlsMode(Kube::KubeClient &client, const QString &meshId,
                                     const QString &mode)
{
    const MeshDescription *m = findMesh(meshId);
    if (!m)
        return Unexpected(
            Error(ErrorCode::InvalidArgument, tr("Unknown mesh \"%1\".").arg(meshId)));
    if (m->mtlsModes.isEmpty())
        return Unexpected(Error(ErrorCode::Unsupported,
                                m->mtlsByDefault
                                    ? tr("%1 always encrypts meshed traffic with mTLS; it has no "
                                         "mode to switch.")
                                          .arg(m->name)
                                    : tr("%1 has no mesh-wide mTLS mode.").arg(m->name)));
    if (!m->mtlsModes.contains(mode.toUpper()))
        return Unexpected(
            Error(ErrorCode::InvalidArgument,
                  tr("The mTLS mode is one of %1.").arg(m->mtlsModes.join(QStringLiteral(", ")))));
    const QJsonObject o = mtlsObject(*m, mode.toUpper());
    const auto r = client.apply(
        QStringLiteral("/apis/security.istio.io/v1/namespaces/%1/peerauthentications/default")
            .arg(m->controlNamespace),
        QJsonDocument(o).toJson(QJsonDocument::Compact), true);
    if (!r)
        return Unexpected(r.error().code() == ErrorCode::NotFound
                              ? Error(ErrorCode::NotFound,
                                      tr("%1's PeerAuthentication kind is not served: is %1 "
                                         "installed?")
                                          .arg(m->name))
                              : r.error());
    return {};
}

} // namespace Meshdeck::Mesh
