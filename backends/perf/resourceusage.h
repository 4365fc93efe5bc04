#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Meshdeck::Perf {

// What a container does for the system under test.
enum class ResourceRole {
    Sidecar, // the mesh's proxy beside the target's workloads (istio-proxy, linkerd-proxy)
    ControlPlane, // the mesh's own pods (istiod, linkerd-destination, ...)
    Application, // the target's application containers
    LoadGenerator, // in-cluster load workers
};
[[nodiscard]] QString resourceRoleName(ResourceRole role); // "sidecar", "control-plane", ...
[[nodiscard]] bool resourceRoleFromName(const QString &name, ResourceRole *out);

// One measurement of a container: its CPU (cores, averaged over the interval that ends here)
// and its working set.
struct ResourcePoint
{
    double offsetSeconds = 0; // from the run's start
    double cores = 0;
    qint64 memoryBytes = 0;
};

struct ResourceSeries
{
    QString ns, pod, container;
    ResourceRole role = ResourceRole::Application;
    QList<ResourcePoint> points;
};

// A role's cost over the measured part of a run, summed over its containers.
struct RoleUsage
{
    bool measured = false; // at least one container of this role had samples
    double cores = 0; // mean CPU
    double memoryBytes = 0; // mean working set
    int containers = 0;
};

// CPU and memory of the containers around a run, as the cluster measured them.
struct ResourceUsage
{
    QString source; // "prometheus" (cAdvisor series), "metrics-api", empty: not available
    QString unavailableReason; // why, when source is empty
    QStringList warnings; // e.g. pods restarted during the run, series missing
    QList<ResourceSeries> series;
    double windowStart = 0; // the measured part of the run (after warm-up), offsets in seconds
    double windowEnd = 0;

    [[nodiscard]] bool available() const { return !source.isEmpty(); }
    [[nodiscard]] RoleUsage usage(ResourceRole role) const;
};

} // namespace Meshdeck::Perf
