#pragma once

#include <topology/graph.h>

#include <QColor>
#include <QFont>
#include <QHash>
#include <QImage>
#include <QLine>
#include <QLineF>
#include <QPainterPath>
#include <QPalette>

#include <optional>
#include <QRectF>
#include <QSet>
#include <QVector>

class QPainter;
class QImage;

namespace Meshdeck {

// Draws a topology graph, fast: geometry, colours and label texts are prepared once per graph
// (setGraph), and each paint draws only what the exposed rectangle holds, edges batched by
// colour in one drawLines pass, with level of detail (labels, badges and arrowheads drop out
// when small). Used by the Topology view and by headless PNG/SVG export alike.
class GraphPainter
{
public:
    enum class EdgeLabel { None, Rate, ResponseTime, Throughput, Security, Distribution };

    // Prepares geometry; when the graph's geometryKey equals the current one only the values
    // (health, rates, labels) are taken over, which costs next to nothing.
    void setGraph(const Topology::Graph &graph);
    void setEdgeLabel(EdgeLabel label) { m_edgeLabel = label; }
    void setPalette(const QPalette &palette) { m_palette = palette; }
    // Namespace boxes are sized to hold their labels: a new font sizes them again.
    void setFont(const QFont &font);
    // Highlighted by find (ids / edge indexes) and hidden by hide.
    void setHighlights(QSet<int> nodes, QSet<int> edges);
    void setHidden(QSet<int> nodes, QSet<int> edges);
    [[nodiscard]] const QHash<QString, QRectF> &namespaceBoxes() const { return m_namespaceBoxes; }
    void setSelection(int node, int edge);
    // Traffic animation: dots run along busy edges, as many and as fast as the rate says, red
    // in proportion to errors. phase: seconds since the animation started; < 0 turns it off.
    void setAnimationPhase(double seconds) { m_phase = seconds; }

    [[nodiscard]] const Topology::Graph &graph() const { return m_graph; }
    [[nodiscard]] QRectF bounds() const { return m_bounds; }
    // scale: view pixels per scene unit, for level of detail.
    // Underlay: namespace boxes and edge lines; Overlay: arrowheads, labels, nodes.
    enum Layer { Underlay = 1, Overlay = 2, AllLayers = 3 };
    void paint(QPainter *painter, const QRectF &exposed, double scale,
               int layers = AllLayers) const;
    // The animated traffic dots alone (the view draws them over its cached picture).
    void paintTraffic(QPainter *painter, const QRectF &exposed, double scale) const;
    // The whole graph at natural size on `background`: a PNG-ready image (twice the pixels,
    // for sharp text) or an SVG document. Used by the view's export and the headless command.
    [[nodiscard]] QImage toImage(const QColor &background) const;
    [[nodiscard]] QByteArray toSvg(const QColor &background) const;
    [[nodiscard]] int nodeAt(const QPointF &p) const;
    [[nodiscard]] int edgeAt(const QPointF &p, double tolerance) const;
    [[nodiscard]] QRectF nodeRect(int i) const;

    [[nodiscard]] static QColor healthColor(Topology::Health h);
    // The colour of Find's matches (node rings, edges), apart from every health colour.
    [[nodiscard]] static QColor findColor(bool dark);
    [[nodiscard]] static QString edgeText(const Topology::Edge &e, EdgeLabel label);

    static constexpr double NodeSize = 36;

private:
    void boxNamespaces();
    [[nodiscard]] static QString labelOf(const QString &name); // a node's label, elided
    Topology::Graph m_graph;
    QVector<QLineF> m_lines; // per edge, trimmed to the node outlines
    QVector<QRectF> m_nodeRects;
    QVector<QPainterPath> m_nodePaths; // outlines, built once per geometry
    QHash<QString, QRectF> m_namespaceBoxes;
    QRectF m_bounds;
    EdgeLabel m_edgeLabel = EdgeLabel::Rate;
    QPalette m_palette;
    QFont m_font;
    QSet<int> m_highlightNodes, m_highlightEdges, m_hiddenNodes, m_hiddenEdges;
    int m_selectedNode = -1;
    int m_selectedEdge = -1;
    double m_phase = -1;
    // The whole graph at low detail, batched once per change (edges by health, nodes by type and
    // health), so that a full view allocates nothing and walks no filters.
    void rebuildBatches() const;
    // One paint() call, as its layers see it.
    struct Pass
    {
        QPainter *painter = nullptr;
        QRectF exposed;
        double scale = 1;
        bool dark = false;
        bool labels = false; // names and arrowheads (scale >= 0.3)
        bool details = false; // edge labels and badges (scale >= 0.5)
        bool whole = false; // the whole graph in view at low detail: the prepared batches
        QColor text;
    };
    void paintNamespaces(const Pass &pass) const;
    // The edges in view, clipped to it, by health; their indices in `visibleEdges`.
    [[nodiscard]] QHash<int, QVector<QLineF>> collectEdges(const Pass &pass,
                                                           QVector<int> *visibleEdges) const;
    void paintEdgeLines(const Pass &pass, QVector<int> *visibleEdges) const;
    void paintEdgeDecorations(const Pass &pass, const QVector<int> &visibleEdges) const;
    void paintNodeSquares(const Pass &pass) const;
    void paintNodes(const Pass &pass) const;
    // Routing badges in a row from `x` (their left edge) at height `y` (their top): V
    // VirtualService, C circuit breaker, F fault injection, T timeout or retries, a cross for
    // configuration errors, an exclamation mark for warnings. Returns where the next would go.
    double paintRoutingBadges(const Pass &pass, const Topology::RoutingBadges &badges, double x,
                              double y) const;
    void paintBadge(const Pass &pass, const QString &letter, const QColor &color, double x,
                    double y) const;
    [[nodiscard]] static int routingBadgeCount(const Topology::RoutingBadges &badges);
    // The part of `line` inside `rect` (none when it misses).
    static std::optional<QLineF> clipped(const QLineF &line, const QRectF &rect);
    // One-pixel lines written straight into an RGB32 image (device coordinates, clipped).
    static void drawHairlines(QImage &image, const QVector<QLine> &lines, QRgb color);
    mutable bool m_batchesDirty = true;
    mutable QHash<int, QVector<QLineF>> m_edgeBatches;
    mutable QHash<quint64, QVector<QRectF>> m_nodeBatches;
    mutable QVector<QLine> m_deviceLines; // reused: no allocation per frame once warm
    mutable QSet<quint64> m_seenLines;
    // A coarse grid of node indexes for hit tests and culling.
    QHash<qint64, QVector<int>> m_grid;
    static constexpr double Cell = 200;
};

} // namespace Meshdeck
