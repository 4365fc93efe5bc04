#include "topologyview.h"

#include <QContextMenuEvent>

#include <QElapsedTimer>
#include <QEvent>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>
#include <QVariantAnimation>
#include <QWheelEvent>

namespace Meshdeck {

// The whole graph in the corner, with the visible part outlined; click or drag to move there.
// Drawn from a picture made once per graph, so moving the view costs one blit.
class Minimap : public QWidget
{
public:
    explicit Minimap(TopologyView *view)
        : QWidget(view->viewport())
        , m_view(view)
    {
        setFixedSize(190, 130);
        setCursor(Qt::PointingHandCursor);
        setToolTip(QObject::tr("Overview: click or drag to move the view"));
    }

    void rebuild()
    {
        const QRectF bounds = m_view->painter().bounds();
        m_picture = QImage(size() * devicePixelRatioF(), QImage::Format_ARGB32_Premultiplied);
        m_picture.setDevicePixelRatio(devicePixelRatioF());
        m_picture.fill(Qt::transparent);
        if (bounds.isEmpty()) {
            update();
            return;
        }
        QPainter p(&m_picture);
        p.setTransform(toMap(bounds));
        m_view->painter().paint(&p, bounds, 0.01); // the lowest level of detail
        update();
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        QColor bg = palette().color(QPalette::Base);
        bg.setAlpha(235);
        p.fillRect(rect(), bg);
        p.setPen(palette().color(QPalette::Mid));
        p.drawRect(rect().adjusted(0, 0, -1, -1));
        p.drawImage(0, 0, m_picture);
        const QRectF bounds = m_view->painter().bounds();
        if (bounds.isEmpty())
            return;
        const QRectF visible
            = toMap(bounds).mapRect(m_view->visibleSceneRect()).intersected(QRectF(rect()));
        p.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
        p.setBrush(Qt::NoBrush);
        p.drawRect(visible);
    }
    void mousePressEvent(QMouseEvent *e) override { moveTo(e->position()); }
    void mouseMoveEvent(QMouseEvent *e) override
    {
        if (e->buttons() & Qt::LeftButton)
            moveTo(e->position());
    }

private:
    QTransform toMap(const QRectF &bounds) const
    {
        const double k = std::min((width() - 8) / bounds.width(), (height() - 8) / bounds.height());
        QTransform t;
        t.translate(width() / 2.0, height() / 2.0);
        t.scale(k, k);
        t.translate(-bounds.center().x(), -bounds.center().y());
        return t;
    }
    void moveTo(const QPointF &at)
    {
        const QRectF bounds = m_view->painter().bounds();
        if (!bounds.isEmpty())
            m_view->centerOnScene(toMap(bounds).inverted().map(at));
    }

    TopologyView *m_view;
    QImage m_picture;
};

TopologyView::TopologyView(QWidget *parent)
    : QGraphicsView(parent)
{
    auto *scene = new QGraphicsScene(this); // empty: the graph is the background
    scene->setItemIndexMethod(QGraphicsScene::NoIndex);
    // The graph is the view's background, drawn once per transform and change into the view's
    // background cache: repaints (animation frames, the minimap, hover) blit it, pans scroll it
    // and draw only the newly exposed strip. The traffic dots are the foreground.
    setCacheMode(QGraphicsView::CacheBackground);
    setScene(scene);
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontSavePainterState
                         | QGraphicsView::DontAdjustForAntialiasing);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    // Panning is by dragging, the keys and the overview (which frames the part in sight), as in
    // graph tools; scroll bars would take room and show up even for a graph that fits.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_painter.setPalette(palette());
    m_painter.setFont(font());
    m_minimap = new Minimap(this);
    m_minimap->hide();
    m_animation = new QTimer(this);
    m_animation->setInterval(33); // ~30 frames a second, only while on
    m_clock = new QElapsedTimer;
    m_move = new QVariantAnimation(this);
    m_move->setStartValue(0.0);
    m_move->setEndValue(1.0);
    m_move->setDuration(350);
    m_move->setEasingCurve(QEasingCurve::OutCubic);
    connect(m_move, &QVariantAnimation::valueChanged, this,
            [this](const QVariant &t) { stepMove(t.toDouble()); });
    connect(m_animation, &QTimer::timeout, this, [this] {
        m_painter.setAnimationPhase(static_cast<double>(m_clock->elapsed()) / 1000.0);
        viewport()->update();
    });
}

bool TopologyView::isMoving() const
{
    return m_move->state() == QAbstractAnimation::Running;
}

void TopologyView::stepMove(double t)
{
    Topology::Graph frame = m_moveTo;
    for (Topology::Node &n : frame.nodes) {
        const auto from = m_moveFrom.constFind(n.id);
        if (from != m_moveFrom.constEnd())
            n.position = *from + (n.position - *from) * t;
    }
    frame.geometryKey = 0; // geometry rebuilt for every frame
    m_painter.setGraph(t >= 1 ? m_moveTo : frame);
    if (t >= 1 && m_followFit)
        fit(); // the glide ended where the new layout is: fit it, as long as the user has not
               // zoomed
    invalidate();
}

TopologyView::~TopologyView()
{
    delete m_clock;
}

void TopologyView::invalidate()
{
    resetCachedContent(); // drops the cached picture
    viewport()->update();
}

void TopologyView::drawBackground(QPainter *painter, const QRectF &rect)
{
    const double scale = zoom();
    painter->fillRect(rect, palette().color(QPalette::Base));
    if (scale >= 0.3) {
        m_painter.paint(painter, rect, scale);
        return;
    }
    // The overview: a big graph's edges cover most of the picture and cost in proportion to the
    // pixels they cover, so its namespace boxes and hairline edges go into an image at half
    // resolution whose pixels the painter writes directly (GraphPainter::drawHairlines), scaled
    // up; the nodes are drawn over it at full resolution.
    const QTransform toDevice = painter->worldTransform();
    const QRect device = toDevice.mapRect(rect).toAlignedRect().intersected(viewport()->rect());
    if (device.isEmpty())
        return;
    const QSize half((device.width() + 1) / 2, (device.height() + 1) / 2);
    if (m_frame.size() != half)
        m_frame = QImage(half, QImage::Format_RGB32);
    m_frame.fill(palette().color(QPalette::Base));
    {
        QPainter low(&m_frame);
        low.setTransform(toDevice * QTransform::fromTranslate(-device.left(), -device.top())
                         * QTransform::fromScale(0.5, 0.5));
        m_painter.paint(&low, rect, scale, GraphPainter::Underlay);
    }
    painter->save();
    painter->resetTransform();
    painter->drawImage(QRectF(device.topLeft(), QSizeF(half.width() * 2.0, half.height() * 2.0)),
                       m_frame);
    painter->restore();
    m_painter.paint(painter, rect, scale, GraphPainter::Overlay);
}

void TopologyView::drawForeground(QPainter *painter, const QRectF &rect)
{
    m_painter.paintTraffic(painter, rect, zoom());
}

void TopologyView::setTrafficAnimation(bool on)
{
    if (on) {
        m_clock->start();
        m_animation->start();
    } else {
        m_animation->stop();
        m_painter.setAnimationPhase(-1);
        viewport()->update();
    }
}

bool TopologyView::trafficAnimation() const
{
    return m_animation->isActive();
}

QWidget *TopologyView::minimap() const
{
    return m_minimap;
}

QRectF TopologyView::visibleSceneRect() const
{
    return mapToScene(viewport()->rect()).boundingRect();
}

void TopologyView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    // A graph set before the page was first shown was fitted into a viewport of no size; until
    // the user zooms, the picture keeps fitting the view.
    if (m_followFit)
        fit();
    m_minimap->move(viewport()->width() - m_minimap->width() - 10,
                    viewport()->height() - m_minimap->height() - 10);
}

void TopologyView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    m_minimap->update();
}

GraphPainter &TopologyView::painter()
{
    return m_painter;
}

void TopologyView::setGraph(const Topology::Graph &graph, bool keepView)
{
    QString selectedNode, selectedEdgeKey;
    if (m_node >= 0 && m_node < painter().graph().nodes.size())
        selectedNode = painter().graph().nodes[m_node].id;
    if (m_edge >= 0 && m_edge < painter().graph().edges.size())
        selectedEdgeKey = painter().graph().edges[m_edge].source + QLatin1Char('>')
            + painter().graph().edges[m_edge].target;
    const QRectF oldBounds = m_painter.bounds();
    const Topology::Graph previous = m_painter.graph();
    m_painter.setGraph(graph);
    scene()->setSceneRect(m_painter.bounds().adjusted(-400, -400, 400, 400));
    // The selection survives a refresh when its node or edge still exists.
    m_node = selectedNode.isEmpty() ? -1 : graph.indexOf(selectedNode);
    m_edge = -1;
    for (int i = 0; !selectedEdgeKey.isEmpty() && i < graph.edges.size(); ++i)
        if (graph.edges[i].source + QLatin1Char('>') + graph.edges[i].target == selectedEdgeKey)
            m_edge = i;
    m_painter.setSelection(m_node, m_edge);
    // A new picture (first graph, or a relayout that moved things) is fitted; a refresh that
    // kept every position keeps the user's zoom and scroll.
    if (!keepView || m_followFit || !oldBounds.contains(m_painter.bounds()))
        fit();
    m_minimap->setVisible(!graph.nodes.isEmpty());
    if (graph.geometryKey == 0 || graph.geometryKey != m_minimapKey) { // values alone: keep it
        m_minimapKey = graph.geometryKey;
        m_minimapHidden.clear(); // a new graph starts with nothing hidden
        m_minimap->rebuild();
    }
    // A relayout that moved nodes the user was looking at: they glide to their new places
    // (up to 2,000 nodes; beyond, the picture changes at once).
    m_move->stop();
    m_moveFrom.clear();
    if (keepView && !previous.nodes.isEmpty() && graph.nodes.size() <= 2000
        && graph.geometryKey != previous.geometryKey) {
        for (const Topology::Node &n : previous.nodes)
            m_moveFrom.insert(n.id, n.position);
        bool moved = false;
        for (const Topology::Node &n : graph.nodes)
            moved = moved
                || (m_moveFrom.contains(n.id)
                    && QLineF(m_moveFrom.value(n.id), n.position).length() > 1);
        if (moved) {
            m_moveTo = graph;
            stepMove(0);
            m_move->start();
        }
    }
    invalidate();
    Q_EMIT selectionChanged(m_node, m_edge);
}

void TopologyView::setEdgeLabel(GraphPainter::EdgeLabel label)
{
    m_painter.setEdgeLabel(label);
    invalidate();
}

void TopologyView::setFindAndHide(const QSet<int> &foundNodes, const QSet<int> &foundEdges,
                                  const QSet<int> &hiddenNodes, const QSet<int> &hiddenEdges)
{
    m_painter.setHighlights(foundNodes, foundEdges);
    m_painter.setHidden(hiddenNodes, hiddenEdges);
    if (hiddenNodes != m_minimapHidden) { // the overview leaves hidden nodes out too
        m_minimapHidden = hiddenNodes;
        m_minimap->rebuild();
    }
    invalidate();
}

void TopologyView::fit()
{
    const QRectF bounds = m_painter.bounds();
    if (bounds.isEmpty())
        return;
    m_followFit = true;
    fitInView(bounds, Qt::KeepAspectRatio);
    m_minimap->update();
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
    m_followFit = false; // the user's zoom is kept from now on
    const double next = std::clamp(zoom() * factor, 0.02, 4.0);
    scale(next / zoom(), next / zoom());
    m_minimap->update();
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
    const int node = m_painter.nodeAt(p);
    const int edge = node < 0 ? m_painter.edgeAt(p, 6 / std::max(0.05, zoom())) : -1;
    select(node, edge);
}

void TopologyView::contextMenuEvent(QContextMenuEvent *event)
{
    int node = m_node;
    QPoint at = event->globalPos();
    if (event->reason() == QContextMenuEvent::Mouse) {
        node = m_painter.nodeAt(mapToScene(event->pos()));
        if (node >= 0 && node != m_node)
            select(node, -1);
    } else if (node >= 0) {
        at = viewport()->mapToGlobal(mapFromScene(m_painter.nodeRect(node).center()));
    }
    if (node >= 0)
        Q_EMIT nodeMenuRequested(node, at);
}

void TopologyView::select(int node, int edge)
{
    m_node = node;
    m_edge = edge;
    m_painter.setSelection(node, edge);
    invalidate();
    Q_EMIT selectionChanged(node, edge);
}

void TopologyView::selectNode(int index)
{
    select(index, -1);
    if (index >= 0)
        centerOn(m_painter.nodeRect(index).center());
}

void TopologyView::selectEdge(int index)
{
    select(-1, index);
}

bool TopologyView::focusNextPrevChild(bool next)
{
    // Tab walks the nodes while the graph has focus.
    const int count = static_cast<int>(m_painter.graph().nodes.size());
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
        m_painter.setPalette(palette());
        m_painter.setFont(font());
        if (!m_painter.bounds().isEmpty())
            scene()->setSceneRect(m_painter.bounds().adjusted(-400, -400, 400, 400));
        if (m_minimap)
            m_minimap->rebuild();
        invalidate();
    }
    QGraphicsView::changeEvent(event);
}

QImage TopologyView::renderImage()
{
    if (m_painter.bounds().isEmpty())
        return {};
    return m_painter.toImage(palette().base().color());
}

QByteArray TopologyView::renderSvg()
{
    if (m_painter.bounds().isEmpty())
        return {};
    return m_painter.toSvg(palette().base().color());
}

} // namespace Meshdeck
