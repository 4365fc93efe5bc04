#include "layout.h"

#include <QSet>

#include <algorithm>
#include <numeric>

namespace Meshdeck::Topology {

namespace {

bool cancelled(const std::atomic_bool *c)
{
    return c && c->load(std::memory_order_relaxed);
}

} // namespace

QHash<QString, QPointF> layeredLayout(const Graph &graph, const QHash<QString, QPointF> &previous,
                                      const LayoutOptions &o, const std::atomic_bool *cancel)
{
    const int n = static_cast<int>(graph.nodes.size());
    QHash<QString, int> index;
    for (int i = 0; i < n; ++i)
        index.insert(graph.nodes[i].id, i);
    std::vector<std::vector<int>> out(n), in(n);
    for (const Edge &e : graph.edges) {
        const int a = index.value(e.source, -1), b = index.value(e.target, -1);
        if (a >= 0 && b >= 0 && a != b)
            out[a].push_back(b);
    }

    // Break cycles: drop edges that close a cycle in a DFS (iterative, no recursion limits).
    std::vector<int> state(n, 0); // 0 new, 1 on stack, 2 done
    std::vector<std::vector<int>> dag(n);
    for (int root = 0; root < n; ++root) {
        if (state[root])
            continue;
        std::vector<std::pair<int, std::size_t>> stack {{root, 0}};
        state[root] = 1;
        while (!stack.empty()) {
            auto &[v, next] = stack.back();
            if (next < out[v].size()) {
                const int w = out[v][next++];
                if (state[w] == 1)
                    continue; // back edge
                dag[v].push_back(w);
                if (state[w] == 0) {
                    state[w] = 1;
                    stack.push_back({w, 0});
                }
            } else {
                state[v] = 2;
                stack.pop_back();
            }
        }
    }
    for (int v = 0; v < n; ++v)
        for (const int w : dag[v])
            in[w].push_back(v);
    if (cancelled(cancel))
        return {};

    // Ranks: longest path from the sources, in topological order.
    std::vector<int> rank(n, 0), indegree(n, 0);
    for (int v = 0; v < n; ++v)
        indegree[v] = static_cast<int>(in[v].size());
    std::vector<int> queue;
    for (int v = 0; v < n; ++v)
        if (!indegree[v])
            queue.push_back(v);
    for (std::size_t i = 0; i < queue.size(); ++i) {
        const int v = queue[i];
        for (const int w : dag[v]) {
            rank[w] = std::max(rank[w], rank[v] + 1);
            if (--indegree[w] == 0)
                queue.push_back(w);
        }
    }
    int maxRank = 0;
    for (const int r : rank)
        maxRank = std::max(maxRank, r);

    // Order within ranks: namespace, then barycentre of neighbours in the previous rank (down
    // sweeps) or next rank (up sweeps).
    std::vector<std::vector<int>> layers(maxRank + 1);
    for (int v = 0; v < n; ++v)
        layers[rank[v]].push_back(v);
    std::vector<double> position(n, 0);
    const auto byName = [&](int a, int b) {
        const Node &x = graph.nodes[a], &y = graph.nodes[b];
        return std::tie(x.ns, x.name, x.id) < std::tie(y.ns, y.name, y.id);
    };
    for (auto &layer : layers) {
        std::sort(layer.begin(), layer.end(), byName);
        for (std::size_t i = 0; i < layer.size(); ++i)
            position[layer[i]] = static_cast<double>(i);
    }
    for (int sweep = 0; sweep < o.sweeps; ++sweep) {
        if (cancelled(cancel))
            return {};
        const bool down = sweep % 2 == 0;
        for (int r = down ? 1 : maxRank - 1; down ? r <= maxRank : r >= 0; r += down ? 1 : -1) {
            auto &layer = layers[r];
            std::vector<double> bary(n, 0);
            for (const int v : layer) {
                const auto &neighbours = down ? in[v] : dag[v];
                double sum = 0;
                int count = 0;
                for (const int u : neighbours) {
                    if (rank[u] == r + (down ? -1 : 1)) {
                        sum += position[u];
                        ++count;
                    }
                }
                bary[v] = count ? sum / count : position[v];
            }
            // Namespaces stay contiguous: order namespaces by their mean barycentre.
            QHash<QString, std::pair<double, int>> nsMean;
            for (const int v : layer) {
                auto &m = nsMean[graph.nodes[v].ns];
                m.first += bary[v];
                ++m.second;
            }
            std::stable_sort(layer.begin(), layer.end(), [&](int a, int b) {
                const QString &na = graph.nodes[a].ns, &nb = graph.nodes[b].ns;
                if (na != nb) {
                    const auto ma = nsMean.value(na), mb = nsMean.value(nb);
                    const double ka = ma.first / ma.second, kb = mb.first / mb.second;
                    return ka != kb ? ka < kb : na < nb;
                }
                return bary[a] != bary[b] ? bary[a] < bary[b] : byName(a, b);
            });
            for (std::size_t i = 0; i < layer.size(); ++i)
                position[layer[i]] = static_cast<double>(i);
        }
    }

    // Coordinates: each namespace gets a horizontal band as tall as its fullest column, bands
    // stacked in the order the sweeps left them, so namespace boxes never overlap.
    QStringList bandOrder;
    QHash<QString, double> bandKey;
    QHash<QString, int> bandCount;
    for (const auto &layer : layers) {
        QHash<QString, int> perLayer;
        for (const int v : layer) {
            const QString &ns = graph.nodes[v].ns;
            if (!bandKey.contains(ns)) {
                bandOrder << ns;
                bandKey.insert(ns, 0);
            }
            bandKey[ns] += position[v];
            ++perLayer[ns];
        }
        for (auto it = perLayer.begin(); it != perLayer.end(); ++it)
            bandCount[it.key()] = std::max(bandCount.value(it.key()), it.value());
    }
    QHash<QString, int> members;
    for (int v = 0; v < n; ++v)
        ++members[graph.nodes[v].ns];
    std::stable_sort(bandOrder.begin(), bandOrder.end(), [&](const QString &a, const QString &b) {
        const double ka = bandKey.value(a) / std::max(1, members.value(a));
        const double kb = bandKey.value(b) / std::max(1, members.value(b));
        return ka != kb ? ka < kb : a < b;
    });
    QHash<QString, double> bandTop;
    double y = 0;
    for (const QString &ns : std::as_const(bandOrder)) {
        bandTop.insert(ns, y);
        y += (bandCount.value(ns) + 0.8) * o.nodeSpacing; // a gap between namespace boxes
    }
    const double middle = y / 2;
    QHash<QString, QPointF> fresh;
    for (const auto &layer : layers) {
        QHash<QString, int> slot;
        for (const int v : layer) {
            const QString &ns = graph.nodes[v].ns;
            // Centre each column's nodes within the namespace band.
            int inLayer = 0;
            for (const int u : layer)
                inLayer += graph.nodes[u].ns == ns ? 1 : 0;
            const double offset = (bandCount.value(ns) - inLayer) * o.nodeSpacing / 2;
            const int k = slot[ns]++;
            fresh.insert(graph.nodes[v].id,
                         QPointF(rank[v] * o.rankSpacing,
                                 bandTop.value(ns) + offset + k * o.nodeSpacing - middle));
        }
    }
    if (previous.isEmpty())
        return fresh;

    // Stability: keep every known node where it was; new nodes join the end of their column.
    int known = 0;
    for (const Node &node : graph.nodes)
        known += previous.contains(node.id) ? 1 : 0;
    if (known * 2 < n)
        return fresh; // mostly a different graph: lay it out anew
    // Traffic that changed the ranks (a new edge into a node from a later column) would leave
    // arrows pointing backwards: then the whole picture is laid out anew.
    for (int v = 0; v < n; ++v) {
        const auto it = previous.constFind(graph.nodes[v].id);
        if (it != previous.constEnd() && std::lround(it->x() / o.rankSpacing) != rank[v])
            return fresh;
    }
    QHash<QString, QPointF> kept;
    QHash<int, double> columnBottom;
    for (const Node &node : graph.nodes) {
        if (previous.contains(node.id)) {
            const QPointF p = previous.value(node.id);
            kept.insert(node.id, p);
            const int column = static_cast<int>(std::lround(p.x() / o.rankSpacing));
            columnBottom[column] = std::max(columnBottom.value(column, -1e18), p.y());
        }
    }
    for (int v = 0; v < n; ++v) {
        const Node &node = graph.nodes[v];
        if (kept.contains(node.id))
            continue;
        const int column = rank[v];
        const double y = columnBottom.contains(column) ? columnBottom.value(column) + o.nodeSpacing
                                                       : fresh.value(node.id).y();
        columnBottom[column] = y;
        kept.insert(node.id, QPointF(column * o.rankSpacing, y));
    }
    return kept;
}

void applyLayout(Graph &graph, const QHash<QString, QPointF> &positions)
{
    quint64 key = 1469598103934665603ULL;
    const auto mix = [&key](quint64 v) {
        key = (key ^ v) * 1099511628211ULL;
    };
    for (Node &n : graph.nodes) {
        n.position = positions.value(n.id);
        mix(qHash(n.id));
        mix(static_cast<quint64>(std::llround(n.position.x())));
        mix(static_cast<quint64>(std::llround(n.position.y())));
    }
    for (const Edge &e : graph.edges) {
        mix(qHash(e.source));
        mix(qHash(e.target));
    }
    graph.geometryKey = key;
}

} // namespace Meshdeck::Topology
