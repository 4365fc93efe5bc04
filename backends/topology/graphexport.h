#pragma once

#include "graph.h"

#include <QByteArray>
#include <QJsonObject>

namespace Meshdeck::Topology {

// The graph as JSON (nodes and edges with every measured value and position) and as Graphviz
// DOT (shapes and colours per type and health, namespaces as clusters).
[[nodiscard]] QJsonObject graphToJson(const Graph &graph);
[[nodiscard]] QByteArray graphToDot(const Graph &graph);

} // namespace Meshdeck::Topology
