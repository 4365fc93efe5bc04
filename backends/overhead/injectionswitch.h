#pragma once

#include <core/result.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <atomic>
#include <functional>

namespace Meshdeck {
namespace Kube {
class KubeClient;
}

namespace Overhead {

// One namespace with and without the mesh: switches its sidecar injection (Istio's label,
// Linkerd's annotation), restarts its workloads and waits until every pod is Ready again with
// (or without) its proxy; puts the namespace back as it found it afterwards. The "before and
// after injection" arms of the overhead experiment. Blocking: call from a worker thread.
class InjectionSwitch
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::Overhead::InjectionSwitch)

public:
    using StatusFn = std::function<void(const QString &)>;

    // The mesh that injects here (the first installed mesh with sidecar injection) and whether
    // the namespace is injected now; refused when no such mesh runs or the namespace has no
    // workloads to restart.
    [[nodiscard]] static Result<InjectionSwitch> prepare(Kube::KubeClient &kube, const QString &ns);

    // Switches injection, restarts the namespace's Deployments, StatefulSets and DaemonSets,
    // and waits (up to timeoutMs, or cancel) until every pod is Ready with the sidecar present
    // (`on`) or absent.
    [[nodiscard]] VoidResult set(Kube::KubeClient &kube, bool on, const std::atomic_bool &cancel,
                                 const StatusFn &status, int timeoutMs = 300'000);
    // Back to the state prepare() found (nothing when it is already so).
    [[nodiscard]] VoidResult restore(Kube::KubeClient &kube, const StatusFn &status);

    [[nodiscard]] const QString &mesh() const { return m_mesh; }
    // The mesh whose proxy a pod carries ("istio", "linkerd"; classic or native sidecar), or
    // empty.
    [[nodiscard]] static QString sidecarOf(const QJsonObject &pod);
    [[nodiscard]] bool wasInjected() const { return m_wasInjected; }

private:
    QString m_ns;
    QString m_mesh;
    bool m_wasInjected = false;
    bool m_current = false;
    bool m_changed = false;
};

} // namespace Overhead
} // namespace Meshdeck
