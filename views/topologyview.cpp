#include "topologyview.h"

#include <QEvent>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QStyleOptionGraphicsItem>
#include <QSvgGenerator>
#include <QWheelEvent>

namespace Meshdeck {

class GraphItem : public QGraphicsItem
{
public:
    GraphPainter painter;
    QRectF boundingRect() const override { return painter.bounds(); }
    void paint(QPainter *p, const QStyleOptionGraphicsItem *option, QWidget *) override
    {
        painter.paint(p, option->exposedRect,
                      QStyleOptionGraphicsItem::levelOfDetailFromTransform(p->worldTransform()));
    }
    void refreshGeometry() { prepareGeometryChange(); }
};

TopologyView::TopologyView(QWidget *parent)
    : QGraphicsView(parent)
    , m_item(new GraphItem)
{
    auto *scene = new QGraphicsScene(this);
    scene->setItemIndexMethod(QGraphicsScene::NoIndex);
    scene->addItem(m_item);
    m_item->setFlag(QGraphicsItem::ItemUsesExtendedStyleOption);
    setScene(scene);
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontSavePainterState
                         | QGraphicsView::DontAdjustForAntialiasing);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    m_item->painter.setPalette(palette());
    m_item->painter.setFont(font());
}

GraphPainter &TopologyView::painter()
{
    return m_item->painter;
}

void TopologyView::setGraph(const Topology::Graph &graph, bool keepView)
{
    QString selectedNode, selectedEdgeKey;
    if (m_node >= 0 && m_node < painter().graph().nodes.size())
        selectedNode = painter().graph().nodes[m_node].id;
    if (m_edge >= 0 && m_edge < painter().graph().edges.size())
        selectedEdgeKey = painter().graph().edges[m_edge].source + QLatin1Char('>')
            + painter().graph().edges[m_edge].target;
    const QRectF oldBounds = m_item->painter.bounds();
    m_item->refreshGeometry();
    m_item->painter.setGraph(graph);
    scene()->setSceneRect(m_item->painter.bounds().adjusted(-400, -400, 400, 400));
    // The selection survives a refresh when its node or edge still exists.
    m_node = selectedNode.isEmpty() ? -1 : graph.indexOf(selectedNode);
    m_edge = -1;
    for (int i = 0; !selectedEdgeKey.isEmpty() && i < graph.edges.size(); ++i)
        if (graph.edges[i].source + QLatin1Char('>') + graph.edges[i].target == selectedEdgeKey)
            m_edge = i;
    m_item->painter.setSelection(m_node, m_edge);
    // A new picture (first graph, or a relayout that moved things) is fitted; a refresh that
    // kept every position keeps the user's zoom and scroll.
    if (!keepView || !oldBounds.contains(m_item->painter.bounds()))
        fit();
    viewport()->update();
    Q_EMIT selectionChanged(m_node, m_edge);
}

void TopologyView::setEdgeLabel(GraphPainter::EdgeLabel label)
{
    m_item->painter.setEdgeLabel(label);
    viewport()->update();
}

void TopologyView::setFindAndHide(const QSet<int> &foundNodes, const QSet<int> &foundEdges,
                                  const QSet<int> &hiddenNodes, const QSet<int> &hiddenEdges)
{
    m_item->painter.setHighlights(foundNodes, foundEdges);
    m_item->painter.setHidden(hiddenNodes, hiddenEdges);
    viewport()->update();
}

void TopologyView::fit()
{
    const QRectF bounds = m_item->painter.bounds();
    if (bounds.isEmpty())
        return;
    fitInView(bounds, Qt::KeepAspectRatio);
    // Never blow a small graph up beyond its natural size.
    if (zoom() > 1.0) {
        resetTransform();
        centerOn(bounds.center());
    }
}

double TopologyView::zoom() const
{
    return transform().m11();
}

void TopologyView::zoomBy(double factor, const QPointF &)
{
    const double next = std::clamp(zoom() * factor, 0.02, 4.0);
    scale(next / zoom(), next / zoom());
}

void TopologyView::wheelEvent(QWheelEvent *event)
{
    zoomBy(std::pow(1.0015, event->angleDelta().y()), event->position());
    event->accept();
}

void TopologyView::mousePressEvent(QMouseEvent *event)
{
    m_pressedAt = event->pos();
    QGraphicsView::mousePressEvent(event);
}

void TopologyView::mouseReleaseEvent(QMouseEvent *event)
{
    QGraphicsView::mouseReleaseEvent(event);
    if ((event->pos() - m_pressedAt).manhattanLength() > 4 || event->button() != Qt::LeftButton)
        return; // a drag, not a click
    const QPointF p = mapToScene(event->pos());
    const int node = m_item->painter.nodeAt(p);
    const int edge = node < 0 ? m_item->painter.edgeAt(p, 6 / std::max(0.05, zoom())) : -1;
    select(node, edge);
}

void TopologyView::select(int node, int edge)
{
    m_node = node;
    m_edge = edge;
    m_item->painter.setSelection(node, edge);
    viewport()->update();
    Q_EMIT selectionChanged(node, edge);
}

void TopologyView::selectNode(int index)
{
    select(index, -1);
    if (index >= 0)
        centerOn(m_item->painter.nodeRect(index).center());
}

void TopologyView::selectEdge(int index)
{
    select(-1, index);
}

bool TopologyView::focusNextPrevChild(bool next)
{
    // Tab walks the nodes while the graph has focus.
    const int count = static_cast<int>(m_item->painter.graph().nodes.size());
    if (!count)
        return QGraphicsView::focusNextPrevChild(next);
    selectNode(((m_node < 0 ? (next ? -1 : 0) : m_node) + (next ? 1 : count - 1)) % count);
    return true;
}

void TopologyView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.25, viewport()->rect().center());
        return;
    case Qt::Key_Minus:
        zoomBy(0.8, viewport()->rect().center());
        return;
    case Qt::Key_F:
    case Qt::Key_0:
        fit();
        return;
    case Qt::Key_Escape:
        select(-1, -1);
        return;
    default:
        break;
    }
    QGraphicsView::keyPressEvent(event);
}

void TopologyView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        m_item->painter.setPalette(palette());
        m_item->painter.setFont(font());
        viewport()->update();
    }
    QGraphicsView::changeEvent(event);
}

bool TopologyView::exportImage(const QString &path)
{
    const QRectF bounds = m_item->painter.bounds();
    if (bounds.isEmpty())
        return false;
    const QSize size = bounds.size().toSize();
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        QPainter p(&svg);
        p.fillRect(QRect(QPoint(0, 0), size), palette().base());
        p.translate(-bounds.topLeft());
        m_item->painter.paint(&p, bounds, 1.0);
        return p.end();
    }
    QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(2);
    image.fill(palette().base().color());
    QPainter p(&image);
    p.translate(-bounds.topLeft());
    m_item->painter.paint(&p, bounds, 1.0);
    p.end();
    return image.save(path);
}

} // namespace Meshdeck
