#pragma once

#include <core/result.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

#include <kube/kubeclient.h>

#include <atomic>
#include <functional>

namespace Meshdeck {
namespace Kube {
class KubeClient;
struct ApiResource;
} // namespace Kube

namespace Mesh {

// One object of a manifest, in the order it will be applied.
struct PlanStep
{
    QString apiVersion, kind, ns, name;
    QJsonObject object;
    [[nodiscard]] QString title() const; // "Deployment istio-system/istiod"
};

// A manifest (many YAML documents) ordered for applying: CRDs first, then namespaces, RBAC,
// configuration, services, workloads, custom resources, webhooks last. Removal runs it backwards.
class ManifestPlan
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::Mesh::ManifestPlan)

public:
    // Malformed YAML fails with its line; `intoNamespace` moves every namespaced object there.
    [[nodiscard]] static Result<ManifestPlan> fromYaml(const QByteArray &yaml,
                                                       const QString &intoNamespace = {});
    [[nodiscard]] static Result<ManifestPlan> fromResource(const QString &path,
                                                           const QString &intoNamespace = {});

    QList<PlanStep> steps;
    [[nodiscard]] QStringList titles() const; // each step's title(), in order
    // Puts the steps in applying order (stable), dropping earlier duplicates of an object.
    void order();

    using Progress = std::function<void(int step, const QString &state)>;
    // Server-side apply, step by step from step `from`; waits for CRDs to be Established before
    // what needs them. Stops at the first failure (the error names the object) or at cancel. A
    // field another manager owns fails with Conflict unless `force` takes it over.
    // With `skipUnserved`, objects of kinds the cluster does not serve (a sample's Istio routing
    // where Istio is not installed) are reported "skipped" instead of failing.
    VoidResult apply(Kube::KubeClient &client, const Progress &progress,
                     const std::atomic_bool &cancel, int from = 0, bool force = false,
                     bool skipUnserved = false) const;
    // The plan as one multi-document YAML stream.
    [[nodiscard]] QByteArray toYaml() const;
    // Deletes in reverse order; objects already gone are fine. Namespaces only with `namespaces`.
    VoidResult remove(Kube::KubeClient &client, const Progress &progress, bool namespaces) const;

    // A sample application (bookinfo, httpbin, emojivoto) into `ns`: the namespace is created,
    // the mesh's injection switched on first when `injectMesh` is given, then the plan applied.
    // Removing keeps the namespace.
    [[nodiscard]] static Result<ManifestPlan> sample(const QString &app, const QString &ns);
    [[nodiscard]] static VoidResult deploySample(Kube::KubeClient &client, const QString &app,
                                                 const QString &ns, const QString &injectMesh,
                                                 const Progress &progress,
                                                 const std::atomic_bool &cancel);

private:
    Result<QString> objectPath(Kube::KubeClient &client, const PlanStep &step, bool refresh) const;
    mutable QList<Kube::ApiResource> m_resources; // discovery, refreshed after CRDs land
};

} // namespace Mesh
} // namespace Meshdeck
