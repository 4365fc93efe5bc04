#pragma once

#include "graph.h"

#include <QHash>
#include <QPointF>

#include <atomic>

namespace Meshdeck::Topology {

// Layered left-to-right layout: cycles broken by a depth-first search, ranks by longest path,
// crossings reduced by barycentre sweeps with namespaces kept together, then coordinates on a
// grid. Positions stay put across refreshes: nodes that were placed before keep their places
// and new ones are added at the end of their rank's column, so a refresh that adds one node
// does not reshuffle the rest. Pure; `cancel` is polled between phases (for QtConcurrent).
struct LayoutOptions
{
    double rankSpacing = 240;
    double nodeSpacing = 100;
    int sweeps = 6;
};

[[nodiscard]] QHash<QString, QPointF> layeredLayout(const Graph &graph,
                                                    const QHash<QString, QPointF> &previous = {},
                                                    const LayoutOptions &options = {},
                                                    const std::atomic_bool *cancel = nullptr);

// Force-directed layout for large or tangled graphs: springs along edges, repulsion between all
// nodes approximated with a Barnes-Hut quadtree (O(n log n) per iteration), cooling over a fixed
// number of iterations. Seeded from `previous` where known (stable across refreshes), else
// from a deterministic spiral. Pure; `cancel` is polled every iteration.
[[nodiscard]] QHash<QString, QPointF> forceLayout(const Graph &graph,
                                                  const QHash<QString, QPointF> &previous = {},
                                                  int iterations = 120,
                                                  const std::atomic_bool *cancel = nullptr);

// Applies positions to the graph's nodes (nodes without one stay at the origin).
void applyLayout(Graph &graph, const QHash<QString, QPointF> &positions);

} // namespace Meshdeck::Topology
