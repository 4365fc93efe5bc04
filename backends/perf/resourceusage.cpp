#include "resourceusage.h"

#include <algorithm>
#include <cmath>

namespace Meshdeck::Perf {

QString resourceRoleName(ResourceRole role)
{
    switch (role) {
    case ResourceRole::Sidecar:
        return QStringLiteral("sidecar");
    case ResourceRole::ControlPlane:
        return QStringLiteral("control-plane");
    case ResourceRole::Application:
        return QStringLiteral("application");
    case ResourceRole::LoadGenerator:
        return QStringLiteral("load-generator");
    }
    return {};
}

bool resourceRoleFromName(const QString &name, ResourceRole *out)
{
    for (ResourceRole r : {ResourceRole::Sidecar, ResourceRole::ControlPlane,
                           ResourceRole::Application, ResourceRole::LoadGenerator}) {
        if (resourceRoleName(r) == name) {
            *out = r;
            return true;
        }
    }
    return false;
}

RoleUsage ResourceUsage::usage(ResourceRole role) const
{
    RoleUsage out;
    for (const ResourceSeries &s : series) {
        if (s.role != role || s.points.isEmpty())
            continue;
        // Points whose interval ends inside the measured window; a window shorter than the
        // sampling interval falls back to the points closest to it.
        QList<ResourcePoint> inside;
        for (const ResourcePoint &p : s.points) {
            if (p.offsetSeconds > windowStart && p.offsetSeconds <= windowEnd + 0.5)
                inside << p;
        }
        if (inside.isEmpty()) {
            // A run shorter than the sampling interval: the sample nearest its middle.
            const double middle = (windowStart + windowEnd) / 2;
            const ResourcePoint *nearest = &s.points.first();
            for (const ResourcePoint &p : s.points) {
                if (std::abs(p.offsetSeconds - middle) < std::abs(nearest->offsetSeconds - middle))
                    nearest = &p;
            }
            // ...when it is that close: a container seen only long before or after the run
            // (a pod replaced) is not this run's.
            const double outside = std::max(
                {0.0, windowStart - nearest->offsetSeconds, nearest->offsetSeconds - windowEnd});
            if (outside > 2.5)
                continue;
            inside << *nearest;
        }
        double cores = 0;
        double memory = 0;
        for (const ResourcePoint &p : std::as_const(inside)) {
            cores += p.cores;
            memory += static_cast<double>(p.memoryBytes);
        }
        out.cores += cores / static_cast<double>(inside.size());
        out.memoryBytes += memory / static_cast<double>(inside.size());
        ++out.containers;
        out.measured = true;
    }
    return out;
}

} // namespace Meshdeck::Perf
