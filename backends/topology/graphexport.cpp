#include "graphexport.h"

#include <QJsonArray>
#include <QMap>

namespace Meshdeck::Topology {

namespace {

QString colorFor(Health h)
{
    switch (h) {
    case Health::Healthy:
        return QStringLiteral("#3e8635");
    case Health::Degraded:
        return QStringLiteral("#f0ab00");
    case Health::Failure:
        return QStringLiteral("#c9190b");
    case Health::NoTraffic:
        break;
    }
    return QStringLiteral("#8a8d90");
}

QString shapeFor(NodeType t)
{
    switch (t) {
    case NodeType::Service:
        return QStringLiteral("triangle");
    case NodeType::App:
        return QStringLiteral("box");
    case NodeType::VersionedApp:
        return QStringLiteral("box");
    case NodeType::IngressGateway:
    case NodeType::EgressGateway:
        return QStringLiteral("hexagon");
    case NodeType::Unknown:
    case NodeType::External:
    case NodeType::ServiceEntry:
        return QStringLiteral("diamond");
    case NodeType::Workload:
        break;
    }
    return QStringLiteral("ellipse");
}

QString dotId(const QString &id)
{
    QString s = id;
    s.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + s + QLatin1Char('"');
}

QJsonObject routingJson(const RoutingBadges &r)
{
    return {
        {QStringLiteral("virtualService"), r.virtualService},
        {QStringLiteral("circuitBreaker"), r.circuitBreaker},
        {QStringLiteral("faultInjection"), r.faultInjection},
        {QStringLiteral("timeouts"), r.timeouts},
    };
}

} // namespace

QJsonObject graphToJson(const Graph &graph)
{
    QJsonArray nodes;
    for (const Node &n : graph.nodes) {
        QJsonObject badges = routingJson(n);
        badges.insert(QStringLiteral("missingSidecar"), n.missingSidecar);
        badges.insert(QStringLiteral("noPods"), n.noPods);
        nodes.append(QJsonObject {
            {QStringLiteral("id"), n.id},
            {QStringLiteral("type"), nodeTypeName(n.type)},
            {QStringLiteral("name"), n.name},
            {QStringLiteral("namespace"), n.ns},
            {QStringLiteral("app"), n.app},
            {QStringLiteral("version"), n.version},
            {QStringLiteral("workload"), n.workload},
            {QStringLiteral("health"), healthName(n.health)},
            {QStringLiteral("inRps"), n.inRps},
            {QStringLiteral("outRps"), n.outRps},
            {QStringLiteral("errorPercent"), n.errorPercent},
            {QStringLiteral("idle"), n.idle},
            {QStringLiteral("badges"), badges},
            {QStringLiteral("x"), n.position.x()},
            {QStringLiteral("y"), n.position.y()},
        });
    }
    QJsonArray edges;
    for (const Edge &e : graph.edges) {
        QJsonObject o {
            {QStringLiteral("source"), e.source},
            {QStringLiteral("target"), e.target},
            {QStringLiteral("protocol"), e.protocol},
            {QStringLiteral("rps"), e.rps},
            {QStringLiteral("percent4xx"), e.percent4xx},
            {QStringLiteral("percent5xx"), e.percent5xx},
            {QStringLiteral("mtlsPercent"), e.mtlsPercent},
            {QStringLiteral("health"), healthName(e.health)},
            {QStringLiteral("fromTelemetry"), e.fromTelemetry},
            {QStringLiteral("badges"), routingJson(e)},
        };
        if (e.retriesPerSecond > 0)
            o.insert(QStringLiteral("retriesPerSecond"), e.retriesPerSecond);
        if (e.p99 >= 0) {
            o.insert(QStringLiteral("p50ms"), e.p50);
            o.insert(QStringLiteral("p95ms"), e.p95);
            o.insert(QStringLiteral("p99ms"), e.p99);
        }
        if (e.protocol == QLatin1String("tcp"))
            o.insert(QStringLiteral("bytesPerSecond"), e.bytesPerSecond);
        edges.append(o);
    }
    return QJsonObject {
        {QStringLiteral("graphType"), graphTypeName(graph.type)},
        {QStringLiteral("namespaces"), QJsonArray::fromStringList(graph.namespaces)},
        {QStringLiteral("hasTelemetry"), graph.hasTelemetry},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(graph.warnings)},
        {QStringLiteral("nodes"), nodes},
        {QStringLiteral("edges"), edges},
    };
}

QByteArray graphToDot(const Graph &graph)
{
    QString out = QStringLiteral("digraph mesh {\n  rankdir=LR;\n  node [fontname=\"sans-serif\", "
                                 "fontsize=10, style=filled, fillcolor=\"#ffffff\"];\n  edge "
                                 "[fontname=\"sans-serif\", fontsize=9];\n");
    QMap<QString, QStringList> byNamespace;
    for (const Node &n : graph.nodes)
        byNamespace[n.ns].append(
            QStringLiteral("    %1 [label=%2, shape=%3, color=\"%4\"%5];\n")
                .arg(dotId(n.id), dotId(n.name), shapeFor(n.type), colorFor(n.health),
                     n.missingSidecar ? QStringLiteral(", peripheries=2") : QString()));
    int cluster = 0;
    for (auto it = byNamespace.begin(); it != byNamespace.end(); ++it) {
        if (it.key().isEmpty() || it.key() == QLatin1String("unknown")) {
            for (const QString &line : it.value())
                out += line.mid(2);
            continue;
        }
        out += QStringLiteral("  subgraph cluster_%1 {\n    label=%2;\n    style=dashed;\n")
                   .arg(cluster++)
                   .arg(dotId(it.key()));
        for (const QString &line : it.value())
            out += line;
        out += QStringLiteral("  }\n");
    }
    for (const Edge &e : graph.edges) {
        QString label;
        if (e.protocol == QLatin1String("tcp"))
            label = QStringLiteral("%1 B/s").arg(e.bytesPerSecond, 0, 'f', 0);
        else if (e.rps > 0)
            label = QStringLiteral("%1 rps").arg(e.rps, 0, 'f', 2)
                + (e.errorPercent() > 0
                       ? QStringLiteral(" %1%% err").arg(e.errorPercent(), 0, 'f', 1)
                       : QString())
                + (e.p99 >= 0 ? QStringLiteral(" p99 %1ms").arg(e.p99, 0, 'f', 1) : QString());
        out += QStringLiteral("  %1 -> %2 [color=\"%3\"%4%5];\n")
                   .arg(dotId(e.source), dotId(e.target), colorFor(e.health),
                        label.isEmpty() ? QString()
                                        : QStringLiteral(", label=%1").arg(dotId(label)),
                        e.fromTelemetry ? QString() : QStringLiteral(", style=dashed"));
    }
    out += QStringLiteral("}\n");
    return out.toUtf8();
}

} // namespace Meshdeck::Topology
