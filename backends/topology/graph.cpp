#include "graph.h"

namespace Meshdeck::Topology {

QString nodeTypeName(NodeType t)
{
    switch (t) {
    case NodeType::Service:
        return QStringLiteral("service");
    case NodeType::Workload:
        return QStringLiteral("workload");
    case NodeType::App:
        return QStringLiteral("app");
    case NodeType::VersionedApp:
        return QStringLiteral("versioned app");
    case NodeType::Unknown:
        return QStringLiteral("unknown");
    case NodeType::External:
        return QStringLiteral("external");
    case NodeType::IngressGateway:
        return QStringLiteral("ingress gateway");
    case NodeType::EgressGateway:
        return QStringLiteral("egress gateway");
    case NodeType::ServiceEntry:
        return QStringLiteral("service entry");
    }
    return QStringLiteral("unknown");
}

QString healthName(Health h)
{
    switch (h) {
    case Health::NoTraffic:
        return QStringLiteral("idle");
    case Health::Healthy:
        return QStringLiteral("healthy");
    case Health::Degraded:
        return QStringLiteral("degraded");
    case Health::Failure:
        return QStringLiteral("failure");
    }
    return QStringLiteral("idle");
}

QString graphTypeName(GraphType t)
{
    switch (t) {
    case GraphType::Workload:
        return QStringLiteral("workload");
    case GraphType::App:
        return QStringLiteral("app");
    case GraphType::VersionedApp:
        return QStringLiteral("versionedApp");
    case GraphType::Service:
        return QStringLiteral("service");
    }
    return QStringLiteral("workload");
}

bool graphTypeFromName(const QString &name, GraphType *out)
{
    for (const GraphType t :
         {GraphType::Workload, GraphType::App, GraphType::VersionedApp, GraphType::Service}) {
        if (name.compare(graphTypeName(t), Qt::CaseInsensitive) == 0) {
            *out = t;
            return true;
        }
    }
    return false;
}

int Graph::indexOf(const QString &id) const
{
    for (int i = 0; i < nodes.size(); ++i) {
        if (nodes[i].id == id)
            return i;
    }
    return -1;
}

Health healthFor(double rps, double percent4xx, double percent5xx)
{
    if (rps <= 0)
        return Health::NoTraffic;
    if (percent5xx >= 10 || percent4xx >= 20)
        return Health::Failure;
    if (percent5xx > 0 || percent4xx >= 10)
        return Health::Degraded;
    return Health::Healthy;
}

} // namespace Meshdeck::Topology
