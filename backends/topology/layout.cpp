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

namespace {

// A Barnes-Hut quadtree over node positions: each cell knows its mass (node count) and centre.
class QuadTree
{
public:
    explicit QuadTree(const std::vector<QPointF> &points)
        : m_points(points)
    {
        double minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300;
        for (const QPointF &p : points) {
            minX = std::min(minX, p.x());
            minY = std::min(minY, p.y());
            maxX = std::max(maxX, p.x());
            maxY = std::max(maxY, p.y());
        }
        const double size = std::max({maxX - minX, maxY - minY, 1.0}) + 1;
        m_cells.reserve(points.size() * 2 + 1);
        m_cells.push_back(makeCell(minX, minY, size));
        for (int i = 0; i < static_cast<int>(points.size()); ++i)
            insert(0, i, 0);
        finish(0);
    }

    // Repulsion on point i from everything far enough to be approximated (theta 0.8).
    QPointF force(int i, double strength) const
    {
        QPointF f;
        const QPointF p = m_points[static_cast<std::size_t>(i)];
        std::vector<int> stack {0};
        while (!stack.empty()) {
            const Cell &c = m_cells[static_cast<std::size_t>(stack.back())];
            stack.pop_back();
            if (c.mass == 0 || (c.point == i && c.children[0] < 0))
                continue;
            const QPointF d = p - c.centre;
            const double dist2 = std::max(1.0, d.x() * d.x() + d.y() * d.y());
            if (c.children[0] < 0 || c.size * c.size < 0.64 * dist2) {
                f += d * (strength * c.mass / dist2);
                continue;
            }
            for (const int child : c.children)
                if (child >= 0)
                    stack.push_back(child);
        }
        return f;
    }

private:
    struct Cell
    {
        double x = 0, y = 0, size = 0;
        int mass = 0;
        QPointF centre;
        int point = -1;
        int children[4] = {-1, -1, -1, -1};
    };

    static Cell makeCell(double x, double y, double size)
    {
        Cell c;
        c.x = x;
        c.y = y;
        c.size = size;
        return c;
    }

    void insert(int cell, int point, int depth)
    {
        Cell *c = &m_cells[static_cast<std::size_t>(cell)];
        if (c->mass == 0 && c->children[0] < 0) {
            c->point = point;
            c->mass = 1;
            return;
        }
        if (c->children[0] < 0) {
            if (depth > 40) { // coincident points: just add the mass
                ++c->mass;
                return;
            }
            const int existing = c->point;
            c->point = -1;
            const double half = c->size / 2;
            const double x = c->x, y = c->y;
            for (int k = 0; k < 4; ++k) {
                m_cells.push_back(makeCell(x + (k & 1) * half, y + (k >> 1) * half, half));
                m_cells[static_cast<std::size_t>(cell)].children[k]
                    = static_cast<int>(m_cells.size()) - 1;
            }
            c = &m_cells[static_cast<std::size_t>(cell)];
            c->mass = 0;
            insertChild(cell, existing, depth);
            c = &m_cells[static_cast<std::size_t>(cell)];
        }
        insertChild(cell, point, depth);
    }
    void insertChild(int cell, int point, int depth)
    {
        const Cell &c = m_cells[static_cast<std::size_t>(cell)];
        const QPointF p = m_points[static_cast<std::size_t>(point)];
        const double half = c.size / 2;
        const int k = (p.x() >= c.x + half ? 1 : 0) + (p.y() >= c.y + half ? 2 : 0);
        const int child = c.children[k];
        ++m_cells[static_cast<std::size_t>(cell)].mass;
        insert(child, point, depth + 1);
    }
    void finish(int cell)
    {
        Cell &c = m_cells[static_cast<std::size_t>(cell)];
        if (c.children[0] < 0) {
            if (c.point >= 0)
                c.centre = m_points[static_cast<std::size_t>(c.point)];
            return;
        }
        QPointF sum;
        int mass = 0;
        for (const int child : c.children) {
            finish(child);
            const Cell &k = m_cells[static_cast<std::size_t>(child)];
            sum += k.centre * k.mass;
            mass += k.mass;
        }
        Cell &again = m_cells[static_cast<std::size_t>(cell)];
        again.mass = mass;
        again.centre = mass ? sum / mass : QPointF(again.x, again.y);
    }

    const std::vector<QPointF> &m_points;
    std::vector<Cell> m_cells;
};

} // namespace

QHash<QString, QPointF> forceLayout(const Graph &graph, const QHash<QString, QPointF> &previous,
                                    int iterations, const std::atomic_bool *cancel)
{
    const int n = static_cast<int>(graph.nodes.size());
    std::vector<QPointF> pos(static_cast<std::size_t>(n));
    QHash<QString, int> index;
    const double ideal = 140; // preferred edge length
    for (int i = 0; i < n; ++i) {
        index.insert(graph.nodes[i].id, i);
        const auto it = previous.constFind(graph.nodes[i].id);
        // A golden-angle spiral: deterministic, evenly spread.
        const double r = ideal * 0.6 * std::sqrt(static_cast<double>(i) + 1);
        const double a = static_cast<double>(i) * 2.399963;
        pos[static_cast<std::size_t>(i)]
            = it != previous.constEnd() ? *it : QPointF(r * std::cos(a), r * std::sin(a));
    }
    std::vector<std::pair<int, int>> springs;
    for (const Edge &e : graph.edges) {
        const int a = index.value(e.source, -1), b = index.value(e.target, -1);
        if (a >= 0 && b >= 0 && a != b)
            springs.push_back({a, b});
    }
    const bool warm = !previous.isEmpty();
    double temperature = warm ? ideal * 0.05 : ideal * 4; // a refresh nudges, it does not reshuffle
    const double cooling = std::pow(0.02, 1.0 / std::max(1, iterations));
    std::vector<QPointF> disp(static_cast<std::size_t>(n));
    for (int it = 0; it < iterations; ++it) {
        if (cancelled(cancel))
            return {};
        const QuadTree tree(pos);
        for (int i = 0; i < n; ++i)
            disp[static_cast<std::size_t>(i)] = tree.force(i, ideal * ideal);
        for (const auto &[a, b] : springs) {
            const QPointF d = pos[static_cast<std::size_t>(a)] - pos[static_cast<std::size_t>(b)];
            const double len = std::max(1.0, std::hypot(d.x(), d.y()));
            const QPointF f = d * (len / ideal);
            disp[static_cast<std::size_t>(a)] -= f;
            disp[static_cast<std::size_t>(b)] += f;
        }
        for (int i = 0; i < n; ++i) {
            QPointF &d = disp[static_cast<std::size_t>(i)];
            d -= pos[static_cast<std::size_t>(i)]
                * 0.01; // a weak pull to the centre keeps islands close
            const double len = std::max(1e-9, std::hypot(d.x(), d.y()));
            pos[static_cast<std::size_t>(i)] += d * (std::min(len, temperature) / len);
        }
        temperature *= cooling;
    }
    QHash<QString, QPointF> out;
    for (int i = 0; i < n; ++i)
        out.insert(graph.nodes[i].id, pos[static_cast<std::size_t>(i)]);
    return out;
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
