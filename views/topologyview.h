#pragma once

#include "graphpainter.h"

#include <QGraphicsView>
#include <QImage>

class QElapsedTimer;
class QTimer;
class QVariantAnimation;

namespace Meshdeck {

class Minimap;

// The graph on a QGraphicsView, painted through GraphPainter as the view's cached background
// (no item per node or edge, no scene index to keep up), so pan and zoom stay smooth at
// thousands of nodes.
// Wheel or +/- zooms at the cursor, dragging pans, F (or 0) fits, Tab and Shift+Tab walk the
// nodes, Escape clears the selection. Clicking a node or an edge selects it.
class TopologyView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit TopologyView(QWidget *parent = nullptr);
    ~TopologyView() override;

    void setGraph(const Topology::Graph &graph, bool keepView);
    [[nodiscard]] GraphPainter &painter();
    void setEdgeLabel(GraphPainter::EdgeLabel label);
    void setFindAndHide(const QSet<int> &foundNodes, const QSet<int> &foundEdges,
                        const QSet<int> &hiddenNodes, const QSet<int> &hiddenEdges);
    void fit();
    void setTrafficAnimation(bool on);
    [[nodiscard]] bool trafficAnimation() const;
    void selectNode(int index);
    void selectEdge(int index);
    [[nodiscard]] int selectedNode() const { return m_node; }
    [[nodiscard]] int selectedEdge() const { return m_edge; }
    [[nodiscard]] double zoom() const;
    // The whole graph as a picture, or as an SVG drawing (empty when there is no graph).
    [[nodiscard]] QImage renderImage();
    [[nodiscard]] QByteArray renderSvg();
    [[nodiscard]] QWidget *minimap() const;
    // The part of the graph the view shows, in scene coordinates.
    [[nodiscard]] QRectF visibleSceneRect() const;
    void centerOnScene(const QPointF &p) { centerOn(p); }
    // True while nodes glide to a new layout.
    [[nodiscard]] bool isMoving() const;

Q_SIGNALS:
    void selectionChanged(int node, int edge);
    // A node's context menu (right click, or the menu key on the selected node).
    void nodeMenuRequested(int node, const QPoint &globalPos);

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void invalidate();
    void stepMove(double t);
    void zoomBy(double factor, const QPointF &viewAnchor);
    void select(int node, int edge);

    GraphPainter m_painter; // the graph, drawn as the view's background (drawBackground)
    QVariantAnimation *m_move = nullptr; // nodes gliding to a new layout
    QHash<QString, QPointF> m_moveFrom;
    Topology::Graph m_moveTo;
    QImage m_frame; // the overview's boxes and edges, at half resolution
    Minimap *m_minimap = nullptr;
    bool m_followFit = true; // fitted and untouched: a resize (the first show too) fits again
    quint64 m_minimapKey = 0;
    QSet<int> m_minimapHidden; // hidden nodes the overview was drawn without
    QTimer *m_animation = nullptr;
    QElapsedTimer *m_clock = nullptr;
    int m_node = -1;
    int m_edge = -1;
    QPoint m_pressedAt;
};

} // namespace Meshdeck
