#include "injectionswitch.h"

#include <kube/kubeclient.h>
#include <mesh/meshdetector.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>

#include <thread>

namespace Meshdeck::Overhead {

namespace {

bool ready(const QJsonObject &pod)
{
    const QJsonObject status = pod.value(QLatin1String("status")).toObject();
    if (status.value(QLatin1String("phase")).toString() != QLatin1String("Running"))
        return false;
    for (const QJsonValue &c : status.value(QLatin1String("conditions")).toArray()) {
        if (c.toObject().value(QLatin1String("type")).toString() == QLatin1String("Ready"))
            return c.toObject().value(QLatin1String("status")).toString() == QLatin1String("True");
    }
    return false;
}

QString nameOf(const QJsonObject &o)
{
    return o.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
}

} // namespace

QString InjectionSwitch::sidecarOf(const QJsonObject &pod)
{
    const QJsonObject spec = pod.value(QLatin1String("spec")).toObject();
    for (const char *field : {"containers", "initContainers"}) {
        for (const QJsonValue &c : spec.value(QLatin1String(field)).toArray()) {
            const QString name = c.toObject().value(QLatin1String("name")).toString();
            if (name == QLatin1String("istio-proxy"))
                return QStringLiteral("istio");
            if (name == QLatin1String("linkerd-proxy"))
                return QStringLiteral("linkerd");
        }
    }
    return {};
}

Result<InjectionSwitch> InjectionSwitch::prepare(Kube::KubeClient &kube, const QString &ns)
{
    if (ns.isEmpty())
        return Unexpected(Error(ErrorCode::InvalidArgument,
                                tr("Measuring before and after injection needs the namespace "
                                   "whose injection is switched.")));
    const auto meshes = Mesh::MeshDetector::detect(kube);
    if (!meshes)
        return Unexpected(meshes.error());
    InjectionSwitch s;
    s.m_ns = ns;
    for (const Mesh::DetectedMesh &m : *meshes) {
        const Mesh::MeshDescription *d = Mesh::findMesh(m.id);
        if (d && d->injection != Mesh::MeshDescription::Injection::None) {
            s.m_mesh = m.id;
            s.m_wasInjected = m.injectedNamespaces.contains(ns);
            break;
        }
    }
    if (s.m_mesh.isEmpty())
        return Unexpected(Error(ErrorCode::InvalidArgument,
                                tr("No mesh with sidecar injection runs in this cluster: there "
                                   "is nothing to switch on in %1. Install one first.")
                                    .arg(ns)));
    s.m_current = s.m_wasInjected;
    int workloads = 0;
    for (const char *plural : {"deployments", "statefulsets", "daemonsets"}) {
        const auto items = kube.list(
            QStringLiteral("/apis/apps/v1/namespaces/%1/%2").arg(ns, QLatin1String(plural)));
        if (!items)
            return Unexpected(items.error());
        workloads += static_cast<int>(items->items.size());
    }
    if (workloads == 0)
        return Unexpected(Error(ErrorCode::InvalidArgument,
                                tr("Namespace %1 has no Deployment, StatefulSet or DaemonSet to "
                                   "restart with and without sidecars.")
                                    .arg(ns)));
    return s;
}

VoidResult InjectionSwitch::set(Kube::KubeClient &kube, bool on, const std::atomic_bool &cancel,
                                const StatusFn &status, int timeoutMs)
{
    if (status)
        status(on ? tr("Switching %1 injection on in %2 and restarting its workloads…")
                        .arg(m_mesh, m_ns)
                  : tr("Switching %1 injection off in %2 and restarting its workloads…")
                        .arg(m_mesh, m_ns));
    if (const VoidResult r = Mesh::MeshDetector::setInjection(kube, m_mesh, m_ns, on); !r)
        return r;
    m_current = on;
    m_changed = m_current != m_wasInjected;
    const auto restarted = Mesh::MeshDetector::restartWorkloads(kube, m_ns);
    if (!restarted)
        return Unexpected(restarted.error());
    // Ready again, every pod with (or without) its proxy, and the old pods gone.
    QElapsedTimer clock;
    clock.start();
    QStringList waiting;
    while (clock.elapsed() < timeoutMs) {
        if (cancel)
            return Unexpected(Error(ErrorCode::Cancelled, tr("Cancelled.")));
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        const auto pods = kube.list(QStringLiteral("/api/v1/namespaces/%1/pods").arg(m_ns));
        if (!pods)
            return Unexpected(pods.error());
        waiting.clear();
        int live = 0;
        for (const QJsonObject &pod : pods->items) {
            const QString phase = pod.value(QLatin1String("status"))
                                      .toObject()
                                      .value(QLatin1String("phase"))
                                      .toString();
            if (phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed"))
                continue; // finished Job pods
            ++live;
            const bool terminating = pod.value(QLatin1String("metadata"))
                                         .toObject()
                                         .contains(QLatin1String("deletionTimestamp"));
            if (terminating || !ready(pod) || sidecarOf(pod).isEmpty() == on)
                waiting << nameOf(pod);
        }
        if (live > 0 && waiting.isEmpty())
            return {};
    }
    const QString pods = waiting.join(QStringLiteral(", "));
    return Unexpected(
        Error(ErrorCode::Timeout,
              on ? tr("The pods of %1 were not all Ready with sidecars after %2 s: %3.")
                       .arg(m_ns)
                       .arg(timeoutMs / 1000)
                       .arg(pods)
                 : tr("The pods of %1 were not all Ready without sidecars after %2 s: %3.")
                       .arg(m_ns)
                       .arg(timeoutMs / 1000)
                       .arg(pods)));
}

VoidResult InjectionSwitch::restore(Kube::KubeClient &kube, const StatusFn &status)
{
    if (!m_changed)
        return {};
    const std::atomic_bool never {false};
    const VoidResult r = set(kube, m_wasInjected, never, status);
    m_changed = !r;
    return r;
}

} // namespace Meshdeck::Overhead
