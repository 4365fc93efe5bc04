#include "graphpainter.h"
#include <QElapsedTimer>

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>
#include <QtMath>

#include <array>

namespace Meshdeck {

using namespace Topology;

namespace {

qint64 cellKey(int x, int y)
{
    return (static_cast<qint64>(x) << 32) ^ static_cast<quint32>(y);
}

QPainterPath shapeFor(NodeType t, const QRectF &r)
{
    QPainterPath p;
    const QPointF c = r.center();
    const double w = r.width() / 2, h = r.height() / 2;
    switch (t) {
    case NodeType::Service:
        p.moveTo(c.x(), c.y() - h);
        p.lineTo(c.x() + w, c.y() + h * 0.8);
        p.lineTo(c.x() - w, c.y() + h * 0.8);
        p.closeSubpath();
        break;
    case NodeType::App:
        p.addRoundedRect(r, 4, 4);
        break;
    case NodeType::VersionedApp:
        p.addRoundedRect(r.adjusted(-4, 4, 4, -4), 10, 10);
        break;
    case NodeType::IngressGateway:
    case NodeType::EgressGateway:
        for (int i = 0; i < 6; ++i) {
            const double a = qDegreesToRadians(60.0 * i);
            const QPointF q(c.x() + w * std::cos(a), c.y() + h * std::sin(a));
            i ? p.lineTo(q) : p.moveTo(q);
        }
        p.closeSubpath();
        break;
    case NodeType::Unknown:
    case NodeType::External:
    case NodeType::ServiceEntry:
        p.moveTo(c.x(), c.y() - h);
        p.lineTo(c.x() + w, c.y());
        p.lineTo(c.x(), c.y() + h);
        p.lineTo(c.x() - w, c.y());
        p.closeSubpath();
        break;
    case NodeType::Workload:
        p.addEllipse(r);
        break;
    }
    return p;
}

QColor typeFill(NodeType t, bool dark)
{
    QColor c;
    switch (t) {
    case NodeType::Service:
        c = QColor(0x73, 0xbc, 0xf7);
        break;
    case NodeType::App:
    case NodeType::VersionedApp:
        c = QColor(0xa2, 0xd9, 0x9c);
        break;
    case NodeType::IngressGateway:
    case NodeType::EgressGateway:
        c = QColor(0xc5, 0xa3, 0xe8);
        break;
    case NodeType::Unknown:
    case NodeType::External:
    case NodeType::ServiceEntry:
        c = QColor(0xd2, 0xd2, 0xd2);
        break;
    case NodeType::Workload:
        c = QColor(0xf9, 0xe0, 0xa2);
        break;
    }
    return dark ? c.darker(170) : c;
}

} // namespace

QColor GraphPainter::healthColor(Health h)
{
    switch (h) {
    case Health::Healthy:
        return QColor(0x3e, 0x86, 0x35);
    case Health::Degraded:
        return QColor(0xe0, 0x9b, 0x00);
    case Health::Failure:
        return QColor(0xc9, 0x19, 0x0b);
    case Health::NoTraffic:
        break;
    }
    return QColor(0x8a, 0x8d, 0x90);
}

QString GraphPainter::edgeText(const Edge &e, EdgeLabel label)
{
    switch (label) {
    case EdgeLabel::None:
        return {};
    case EdgeLabel::Rate:
        if (e.protocol == QLatin1String("tcp"))
            return e.bytesPerSecond > 0 ? QStringLiteral("%1 B/s").arg(e.bytesPerSecond, 0, 'f', 0)
                                        : QString();
        if (e.rps <= 0)
            return {};
        return e.errorPercent() > 0 ? QStringLiteral("%1 rps, %2% err")
                                          .arg(e.rps, 0, 'f', 2)
                                          .arg(e.errorPercent(), 0, 'f', 1)
                                    : QStringLiteral("%1 rps").arg(e.rps, 0, 'f', 2);
    case EdgeLabel::ResponseTime:
        return e.p99 >= 0 ? QStringLiteral("p99 %1 ms").arg(e.p99, 0, 'f', e.p99 < 10 ? 2 : 0)
                          : QString();
    case EdgeLabel::Throughput:
        return e.bytesPerSecond > 0
            ? QStringLiteral("%1 kB/s").arg(e.bytesPerSecond / 1000, 0, 'f', 1)
            : QString();
    case EdgeLabel::Security:
        return e.rps > 0
            ? (e.mtlsPercent >= 99.9 ? QStringLiteral("mTLS")
                                     : QStringLiteral("mTLS %1%").arg(e.mtlsPercent, 0, 'f', 0))
            : QString();
    case EdgeLabel::Distribution:
        return e.rps > 0
            ? QStringLiteral("%1 %").arg(e.sharePercent, 0, 'f', e.sharePercent < 10 ? 1 : 0)
            : QString();
    }
    return {};
}

std::optional<QLineF> GraphPainter::clipped(const QLineF &l, const QRectF &r)
{
    const double dx = l.dx(), dy = l.dy();
    double t0 = 0, t1 = 1;
    for (const auto &[p, q] :
         {std::pair {-dx, l.x1() - r.left()}, std::pair {dx, r.right() - l.x1()},
          std::pair {-dy, l.y1() - r.top()}, std::pair {dy, r.bottom() - l.y1()}}) {
        if (p == 0) {
            if (q < 0)
                return std::nullopt;
            continue;
        }
        const double t = q / p;
        if (p < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
    }
    if (t0 > t1)
        return std::nullopt;
    // Start on a whole dash period (6 pen widths of 1.2) so that dashes keep their place.
    const double length = l.length();
    if (length > 0 && t0 > 0) {
        constexpr double Period = 6 * 1.2;
        t0 = std::floor(t0 * length / Period) * Period / length;
    }
    return QLineF(l.pointAt(t0), l.pointAt(t1));
}

void GraphPainter::drawHairlines(QImage &image, const QVector<QLine> &lines, QRgb color)
{
    const int w = image.width();
    const int h = image.height();
    if (w <= 0 || h <= 0)
        return;
    uchar *bits = image.bits();
    const qsizetype stride = image.bytesPerLine();
    const QRgb pixel = 0xff000000u | color;
    for (const QLine &line : lines) {
        // Liang-Barsky: clip to the image.
        double x0 = line.x1(), y0 = line.y1(), x1 = line.x2(), y1 = line.y2();
        double t0 = 0, t1 = 1;
        const double dx = x1 - x0, dy = y1 - y0;
        bool visible = true;
        for (const auto &[p, q] : {std::pair {-dx, x0}, std::pair {dx, w - 1 - x0},
                                   std::pair {-dy, y0}, std::pair {dy, h - 1 - y0}}) {
            if (p == 0) {
                if (q < 0)
                    visible = false;
                continue;
            }
            const double r = q / p;
            if (p < 0)
                t0 = std::max(t0, r);
            else
                t1 = std::min(t1, r);
        }
        if (!visible || t0 > t1)
            continue;
        int ax = static_cast<int>(std::lround(x0 + t0 * dx));
        int ay = static_cast<int>(std::lround(y0 + t0 * dy));
        const int bx = static_cast<int>(std::lround(x0 + t1 * dx));
        const int by = static_cast<int>(std::lround(y0 + t1 * dy));
        // Bresenham.
        const int sx = ax < bx ? 1 : -1, sy = ay < by ? 1 : -1;
        const int ex = std::abs(bx - ax), ey = -std::abs(by - ay);
        int err = ex + ey;
        for (;;) {
            if (ax >= 0 && ax < w && ay >= 0 && ay < h)
                reinterpret_cast<QRgb *>(bits + ay * stride)[ax] = pixel;
            if (ax == bx && ay == by)
                break;
            const int e2 = 2 * err;
            if (e2 >= ey) {
                err += ey;
                ax += sx;
            }
            if (e2 <= ex) {
                err += ex;
                ay += sy;
            }
        }
    }
}

void GraphPainter::rebuildBatches() const
{
    m_edgeBatches.clear();
    m_nodeBatches.clear();
    for (int i = 0; i < m_lines.size(); ++i)
        if (!m_lines[i].isNull() && !m_hiddenEdges.contains(i))
            m_edgeBatches[static_cast<int>(m_graph.edges[i].health)].append(m_lines[i]);
    for (int i = 0; i < m_graph.nodes.size(); ++i) {
        if (m_hiddenNodes.contains(i))
            continue;
        const Node &n = m_graph.nodes[i];
        m_nodeBatches[(static_cast<quint64>(n.type) << 8) | static_cast<quint64>(n.health)].append(
            m_nodeRects[i]);
    }
    m_batchesDirty = false;
}

void GraphPainter::setGraph(const Graph &graph)
{
    m_batchesDirty = true;
    if (graph.geometryKey != 0 && graph.geometryKey == m_graph.geometryKey
        && graph.nodes.size() == m_graph.nodes.size()
        && graph.edges.size() == m_graph.edges.size()) {
        m_graph = graph; // implicitly shared: no copy; geometry, selection and filters stay
        return;
    }
    m_graph = graph;
    m_nodePaths.clear();
    m_nodeRects.clear();
    m_lines.clear();
    m_grid.clear();
    m_namespaceBoxes.clear();
    QHash<QString, int> index;
    for (int i = 0; i < m_graph.nodes.size(); ++i) {
        const QPointF c = m_graph.nodes[i].position;
        const QRectF r(c.x() - NodeSize / 2, c.y() - NodeSize / 2, NodeSize, NodeSize);
        m_nodeRects.append(r);
        m_nodePaths.append(shapeFor(m_graph.nodes[i].type, r));
        index.insert(m_graph.nodes[i].id, i);
        m_grid[cellKey(qFloor(c.x() / Cell), qFloor(c.y() / Cell))].append(i);
    }
    m_hiddenNodes.clear();
    boxNamespaces();
    for (const Edge &e : std::as_const(m_graph.edges)) {
        const int a = index.value(e.source, -1), b = index.value(e.target, -1);
        if (a < 0 || b < 0) {
            m_lines.append(QLineF());
            continue;
        }
        QLineF l(m_nodeRects[a].center(), m_nodeRects[b].center());
        const double len = l.length();
        if (len > NodeSize) {
            const double trim = (NodeSize / 2 + 3) / len;
            l = QLineF(l.pointAt(trim), l.pointAt(1 - trim));
        }
        m_lines.append(l);
    }
    m_bounds = QRectF();
    for (const QRectF &r : std::as_const(m_nodeRects))
        m_bounds = m_bounds.united(r);
    for (const QRectF &r : std::as_const(m_namespaceBoxes))
        m_bounds = m_bounds.united(r);
    m_bounds.adjust(-60, -60, 60, 60);
    m_selectedNode = m_selectedEdge = -1;
    m_highlightNodes.clear();
    m_highlightEdges.clear();
    m_hiddenNodes.clear();
    m_hiddenEdges.clear();
}

void GraphPainter::setHighlights(QSet<int> nodes, QSet<int> edges)
{
    m_highlightNodes = std::move(nodes);
    m_highlightEdges = std::move(edges);
}

void GraphPainter::setHidden(QSet<int> nodes, QSet<int> edges)
{
    m_hiddenNodes = std::move(nodes);
    m_hiddenEdges = std::move(edges);
    m_batchesDirty = true;
    boxNamespaces();
}

void GraphPainter::setFont(const QFont &font)
{
    if (font == m_font)
        return;
    m_font = font;
    boxNamespaces();
    for (const QRectF &r : std::as_const(m_namespaceBoxes))
        m_bounds = m_bounds.united(r.adjusted(-60, -60, 60, 60));
}

QString GraphPainter::labelOf(const QString &name)
{
    return name.size() > 28 ? name.left(27) + QChar(0x2026) : name;
}

void GraphPainter::boxNamespaces()
{
    // A namespace's box around its shown nodes and their labels (a name can be wider than the
    // box); one whose nodes are all hidden has none. Kubernetes names are ASCII: their widths
    // add up from a table of the font's advances, which keeps 20,000 nodes cheap.
    m_namespaceBoxes.clear();
    const QFontMetricsF metrics(m_font);
    std::array<double, 128> advance {};
    for (int c = 32; c < 128; ++c)
        advance[size_t(c)] = metrics.horizontalAdvance(QChar(c));
    auto widthOf = [&](const QString &label) {
        double w = 0;
        for (const QChar c : label) {
            if (c.unicode() >= 128)
                return metrics.horizontalAdvance(label);
            w += advance[c.unicode()];
        }
        return w;
    };
    for (int i = 0; i < m_graph.nodes.size(); ++i) {
        const Node &n = m_graph.nodes[i];
        if (n.ns.isEmpty() || n.ns == QLatin1String("unknown") || m_hiddenNodes.contains(i))
            continue;
        double side = 30;
        if (n.name.size() > 10)
            side = std::max(side, widthOf(labelOf(n.name)) / 2 - NodeSize / 2 + 8);
        const QRectF box = m_nodeRects[i].adjusted(-side, -26, side, 30);
        auto it = m_namespaceBoxes.find(n.ns);
        if (it == m_namespaceBoxes.end())
            m_namespaceBoxes.insert(n.ns, box);
        else
            *it = it->united(box);
    }
}

QColor GraphPainter::findColor(bool dark)
{
    // Violet: no health colour is near it (green, amber, red, grey), nor the selection's blue.
    return dark ? QColor(0xc2, 0x97, 0xff) : QColor(0x82, 0x50, 0xdf);
}

void GraphPainter::setSelection(int node, int edge)
{
    m_selectedNode = node;
    m_selectedEdge = edge;
}

QRectF GraphPainter::nodeRect(int i) const
{
    return i >= 0 && i < m_nodeRects.size() ? m_nodeRects[i] : QRectF();
}

void GraphPainter::paintTraffic(QPainter *painter, const QRectF &exposed, double scale) const
{
    // Traffic dots, only where the eye can follow them; drawn over the cached graph each frame.
    if (m_phase < 0 || scale < 0.3)
        return;
    const bool dark = m_palette.color(QPalette::Base).lightness() < 128;
    painter->setRenderHint(QPainter::Antialiasing);
    QVector<QRectF> ok, failed;
    for (int i = 0; i < m_lines.size(); ++i) {
        const Edge &e = m_graph.edges[i];
        const QLineF &l = m_lines[i];
        if (e.rps <= 0 || l.isNull() || m_hiddenEdges.contains(i)
            || !QRectF(l.p1(), l.p2()).normalized().adjusted(-3, -3, 3, 3).intersects(exposed))
            continue;
        const int dots = std::clamp(static_cast<int>(std::ceil(std::log2(1 + e.rps))), 1, 6);
        const double speed
            = std::clamp(40 + e.rps * 8, 40.0, 240.0) / std::max(1.0, l.length()); // px/s
        const int red = static_cast<int>(std::round(dots * e.errorPercent() / 100));
        for (int k = 0; k < dots; ++k) {
            const double t = std::fmod(m_phase * speed + static_cast<double>(k) / dots, 1.0);
            const QPointF at = l.pointAt(t);
            (k < red ? failed : ok).append(QRectF(at.x() - 2.5, at.y() - 2.5, 5, 5));
        }
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(dark ? QColor(0xe0, 0xe0, 0xe0) : QColor(0x30, 0x30, 0x30));
    for (const QRectF &r : std::as_const(ok))
        painter->drawEllipse(r);
    painter->setBrush(QColor(0xc9, 0x19, 0x0b));
    for (const QRectF &r : std::as_const(failed))
        painter->drawEllipse(r);
}

void GraphPainter::paint(QPainter *painter, const QRectF &exposed, double scale, int layers) const
{
    Pass pass;
    pass.painter = painter;
    pass.exposed = exposed;
    pass.scale = scale;
    pass.dark = m_palette.color(QPalette::Base).lightness() < 128;
    pass.text = m_palette.color(QPalette::Text);
    pass.labels = scale >= 0.3;
    pass.details = scale >= 0.5;
    // The whole graph at low detail comes from the prepared batches; a zoomed-in view collects
    // what it shows.
    pass.whole = !pass.labels && exposed.contains(m_bounds);
    painter->setRenderHint(QPainter::Antialiasing, pass.labels);
    painter->setFont(m_font);

    QVector<int> visibleEdges;
    if (layers & Underlay) {
        paintNamespaces(pass);
        paintEdgeLines(pass, &visibleEdges);
    } else if (!pass.whole) {
        (void)collectEdges(pass, &visibleEdges); // only which edges the overlay decorates
    }
    painter->setRenderHint(QPainter::Antialiasing, pass.labels);
    if (!(layers & Overlay))
        return;
    if (pass.labels)
        paintEdgeDecorations(pass, visibleEdges);
    if (scale < 0.3)
        paintNodeSquares(pass);
    else
        paintNodes(pass);
}

void GraphPainter::paintNamespaces(const Pass &pass) const
{
    QPainter *painter = pass.painter;
    const QRectF &exposed = pass.exposed;
    QColor boxPen = m_palette.color(QPalette::Mid);
    for (auto it = m_namespaceBoxes.begin(); it != m_namespaceBoxes.end(); ++it) {
        if (!it.value().intersects(exposed))
            continue;
        painter->setPen(QPen(boxPen, 1, Qt::DashLine));
        painter->setBrush(pass.dark ? QColor(255, 255, 255, 8) : QColor(0, 0, 0, 6));
        painter->drawRoundedRect(it.value(), 8, 8);
        if (pass.labels) {
            painter->setPen(m_palette.color(QPalette::PlaceholderText));
            painter->drawText(it.value().adjusted(8, 4, -8, -4), Qt::AlignLeft | Qt::AlignTop,
                              it.key());
        }
    }
}

QHash<int, QVector<QLineF>> GraphPainter::collectEdges(const Pass &pass,
                                                       QVector<int> *visibleEdges) const
{
    const QRectF &exposed = pass.exposed;
    QHash<int, QVector<QLineF>> collected;
    for (int i = 0; i < m_lines.size(); ++i) {
        const QLineF &l = m_lines[i];
        if (l.isNull() || m_hiddenEdges.contains(i))
            continue;
        const QRectF r = QRectF(l.p1(), l.p2()).normalized().adjusted(-2, -2, 2, 2);
        if (!r.intersects(exposed))
            continue;
        // Only the part in view: a long dashed edge would otherwise be dashed end to end.
        const auto shown = clipped(l, exposed.adjusted(-8, -8, 8, 8));
        if (!shown)
            continue;
        collected[static_cast<int>(m_graph.edges[i].health)].append(*shown);
        visibleEdges->append(i);
    }
    return collected;
}

void GraphPainter::paintEdgeLines(const Pass &pass, QVector<int> *visibleEdges) const
{
    // Edges, batched by colour: one drawLines per health.
    QPainter *painter = pass.painter;
    const double scale = pass.scale;
    if (pass.whole && m_batchesDirty)
        rebuildBatches();
    const QHash<int, QVector<QLineF>> collected
        = pass.whole ? QHash<int, QVector<QLineF>>() : collectEdges(pass, visibleEdges);
    const QHash<int, QVector<QLineF>> &batches = pass.whole ? m_edgeBatches : collected;
    // Dense views (hundreds of long edges crossing the screen) are ink-bound: their lines go
    // without antialiasing, which fills plain spans.
    const bool dense = visibleEdges->size() > 300;
    if (dense && scale >= 0.3)
        painter->setRenderHint(QPainter::Antialiasing, false);
    for (auto it = batches.begin(); it != batches.end(); ++it) {
        const Health h = static_cast<Health>(it.key());
        // Small: one-pixel hairlines, the raster engine's fastest stroke.
        QPen pen(healthColor(h), scale < 0.3 ? 0.0 : (h == Health::NoTraffic ? 1.2 : 2.0));
        if (h == Health::NoTraffic && scale >= 0.3)
            pen.setStyle(Qt::DashLine);
        pen.setCosmetic(scale < 0.3);
        painter->setPen(pen);
        if (scale < 0.3 && painter->worldTransform().type() <= QTransform::TxScale) {
            // Small: many edges fall on the same device pixels; draw each pixel path once.
            const QTransform t = painter->worldTransform();
            m_deviceLines.clear();
            m_seenLines.clear();
            for (const QLineF &l : it.value()) {
                const QPoint a = t.map(l.p1()).toPoint();
                const QPoint b = t.map(l.p2()).toPoint();
                const quint64 key = (quint64(quint16(a.x())) << 48)
                    | (quint64(quint16(a.y())) << 32) | (quint64(quint16(b.x())) << 16)
                    | quint64(quint16(b.y()));
                if (!m_seenLines.contains(key)) {
                    m_seenLines.insert(key);
                    m_deviceLines.append(QLine(a, b));
                }
            }
            // Straight into the pixels when drawing on an image: the raster engine's cosmetic
            // stroker spends ~10 ns a pixel on one-pixel spans; this loop about one.
            auto *image = dynamic_cast<QImage *>(painter->device());
            if (image && image->format() == QImage::Format_RGB32 && !painter->hasClipping()) {
                drawHairlines(*image, m_deviceLines, pen.color().rgb());
            } else {
                painter->save();
                painter->resetTransform();
                painter->drawLines(m_deviceLines);
                painter->restore();
            }
        } else {
            painter->drawLines(it.value());
        }
    }
}

void GraphPainter::paintEdgeDecorations(const Pass &pass, const QVector<int> &visibleEdges) const
{
    // Arrowheads, highlights and labels where there is room for them.
    QPainter *painter = pass.painter;
    const QRectF &exposed = pass.exposed;
    for (const int i : std::as_const(visibleEdges)) {
        const QLineF &l = m_lines[i];
        const Edge &e = m_graph.edges[i];
        const QColor c = healthColor(e.health);
        const double angle = std::atan2(l.dy(), l.dx());
        const QPointF tip = l.p2();
        // A long edge crossing the view: its head and label are drawn only where they are.
        if (exposed.adjusted(-12, -12, 12, 12).contains(tip)) {
            const QPointF a = tip - QPointF(std::cos(angle - 0.4) * 9, std::sin(angle - 0.4) * 9);
            const QPointF b = tip - QPointF(std::cos(angle + 0.4) * 9, std::sin(angle + 0.4) * 9);
            painter->setPen(Qt::NoPen);
            painter->setBrush(c);
            painter->drawPolygon(QPolygonF({tip, a, b}));
        }
        if (i == m_selectedEdge || m_highlightEdges.contains(i)) {
            painter->setPen(QPen(i == m_selectedEdge ? m_palette.color(QPalette::Highlight)
                                                     : findColor(pass.dark),
                                 5));
            painter->setBrush(Qt::NoBrush);
            painter->drawLine(l);
        }
        if (pass.details) {
            const QPointF mid = l.pointAt(0.5);
            // The routing that governs the edge's requests, in a row under its middle.
            if (const int badges = routingBadgeCount(e);
                badges > 0 && exposed.adjusted(-60, -30, 60, 30).contains(mid))
                paintRoutingBadges(pass, e, mid.x() - badges * 17 / 2.0, mid.y() + 3);
            const QString t = exposed.adjusted(-120, -30, 120, 30).contains(mid)
                ? edgeText(e, m_edgeLabel)
                : QString();
            if (!t.isEmpty()) {
                const QRectF box = painter->fontMetrics().boundingRect(t).adjusted(-3, -1, 3, 1);
                const QRectF placed(mid.x() - box.width() / 2, mid.y() - box.height() - 2,
                                    box.width(), box.height());
                painter->setPen(Qt::NoPen);
                painter->setBrush(m_palette.color(QPalette::Base));
                painter->drawRoundedRect(placed, 3, 3);
                painter->setPen(
                    e.health == Health::Failure || e.health == Health::Degraded ? c : pass.text);
                painter->drawText(placed, Qt::AlignCenter, t);
            }
        }
    }
}

void GraphPainter::paintNodeSquares(const Pass &pass) const
{
    // Small: squares batched by fill and border colour, one drawRects each.
    QPainter *painter = pass.painter;
    const QRectF &exposed = pass.exposed;
    QHash<quint64, QVector<QRectF>> collectedNodes;
    if (!pass.whole) {
        for (int i = 0; i < m_graph.nodes.size(); ++i) {
            if (m_hiddenNodes.contains(i) || !m_nodeRects[i].intersects(exposed))
                continue;
            const Node &n = m_graph.nodes[i];
            collectedNodes[(static_cast<quint64>(n.type) << 8) | static_cast<quint64>(n.health)]
                .append(m_nodeRects[i]);
        }
    }
    const QHash<quint64, QVector<QRectF>> &groups = pass.whole ? m_nodeBatches : collectedNodes;
    for (auto it = groups.begin(); it != groups.end(); ++it) {
        painter->setPen(QPen(healthColor(static_cast<Health>(it.key() & 0xff)), 3));
        painter->setBrush(typeFill(static_cast<NodeType>(it.key() >> 8), pass.dark));
        painter->drawRects(it.value());
    }
    for (const int i : {m_selectedNode}) {
        if (i >= 0 && i < m_nodeRects.size()) {
            painter->setPen(QPen(m_palette.color(QPalette::Highlight), 6));
            painter->setBrush(Qt::NoBrush);
            painter->drawRect(m_nodeRects[i]);
        }
    }
}

void GraphPainter::paintNodes(const Pass &pass) const
{
    QPainter *painter = pass.painter;
    const QRectF &exposed = pass.exposed;
    for (int i = 0; i < m_graph.nodes.size(); ++i) {
        if (m_hiddenNodes.contains(i)
            || !m_nodeRects[i].adjusted(-80, -10, 80, 40).intersects(exposed))
            continue;
        const Node &n = m_graph.nodes[i];
        const QRectF r = m_nodeRects[i];
        QPen border(healthColor(n.health), n.health == Health::NoTraffic ? 1.5 : 3);
        if (i == m_selectedNode)
            border = QPen(m_palette.color(QPalette::Highlight), 4);
        painter->setPen(border);
        painter->setBrush(typeFill(n.type, pass.dark));
        painter->drawPath(m_nodePaths[i]);
        if (m_highlightNodes.contains(i) && i != m_selectedNode) {
            // A Find match: a ring around the node, which keeps its health colour.
            painter->setPen(QPen(findColor(pass.dark), 3));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(r.adjusted(-7, -7, 7, 7));
        }
        if (!pass.labels)
            continue;
        // On a backing of the view's base colour, so that an edge passing under the name does
        // not cross it out.
        const QString label = labelOf(n.name);
        const double width = painter->fontMetrics().horizontalAdvance(label);
        const QRectF text(r.center().x() - width / 2 - 3, r.bottom() + 2, width + 6,
                          painter->fontMetrics().height() + 1);
        painter->setPen(Qt::NoPen);
        QColor backing = m_palette.color(QPalette::Base);
        backing.setAlpha(215);
        painter->setBrush(backing);
        painter->drawRoundedRect(text, 3, 3);
        painter->setPen(pass.text);
        painter->drawText(text, Qt::AlignHCenter | Qt::AlignTop, label);
        if (!pass.details)
            continue;
        // Badges along the top right: missing sidecar, no pods, then the routing's.
        double x = r.right() - 4;
        if (n.missingSidecar) {
            paintBadge(pass, QStringLiteral("!"), QColor(0xc9, 0x19, 0x0b), x, r.top() - 8);
            x += 17;
        }
        if (n.noPods) {
            paintBadge(pass, QStringLiteral("0"), QColor(0xc9, 0x19, 0x0b), x, r.top() - 8);
            x += 17;
        }
        paintRoutingBadges(pass, n, x, r.top() - 8);
    }
}

void GraphPainter::paintBadge(const Pass &pass, const QString &letter, const QColor &color,
                              double x, double y) const
{
    QPainter *painter = pass.painter;
    const QRectF b(x, y, 16, 16);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawEllipse(b);
    painter->setPen(Qt::white);
    QFont small = m_font;
    small.setPointSizeF(std::max(6.0, m_font.pointSizeF() * 0.7));
    small.setBold(true);
    painter->setFont(small);
    painter->drawText(b, Qt::AlignCenter, letter);
    painter->setFont(m_font);
}

int GraphPainter::routingBadgeCount(const Topology::RoutingBadges &b)
{
    return int(b.virtualService) + int(b.circuitBreaker) + int(b.faultInjection) + int(b.timeouts)
        + int(!b.configErrors.isEmpty() || !b.configWarnings.isEmpty());
}

double GraphPainter::paintRoutingBadges(const Pass &pass, const Topology::RoutingBadges &b,
                                        double x, double y) const
{
    const auto badge = [&](const QString &letter, const QColor &color) {
        paintBadge(pass, letter, color, x, y);
        x += 17;
    };
    if (b.virtualService)
        badge(QStringLiteral("V"), QColor(0x00, 0x66, 0xcc));
    if (b.circuitBreaker)
        badge(QStringLiteral("C"), QColor(0x7d, 0x3c, 0x98));
    if (b.faultInjection)
        badge(QStringLiteral("F"), QColor(0xb3, 0x4d, 0x00));
    if (b.timeouts)
        badge(QStringLiteral("T"), QColor(0x00, 0x6d, 0x6f));
    // Configuration findings: a cross for errors, an exclamation mark for warnings.
    if (!b.configErrors.isEmpty())
        badge(QString(QChar(0x00d7)), QColor(0xa4, 0x00, 0x0f));
    else if (!b.configWarnings.isEmpty())
        badge(QStringLiteral("!"), QColor(0xc2, 0x7a, 0x00));
    return x;
}

QImage GraphPainter::toImage(const QColor &background) const
{
    const QRectF bounds = m_bounds.isEmpty() ? QRectF(0, 0, 400, 300) : m_bounds;
    const QSize size = bounds.size().toSize().expandedTo(QSize(200, 150));
    QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(2);
    image.fill(background);
    QPainter p(&image);
    p.translate(-bounds.topLeft());
    paint(&p, bounds, 1.0);
    p.end();
    return image;
}

QByteArray GraphPainter::toSvg(const QColor &background) const
{
    const QRectF bounds = m_bounds.isEmpty() ? QRectF(0, 0, 400, 300) : m_bounds;
    const QSize size = bounds.size().toSize().expandedTo(QSize(200, 150));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(QStringLiteral("Meshdeck topology"));
    QPainter p(&svg);
    p.fillRect(QRect(QPoint(0, 0), size), background);
    p.translate(-bounds.topLeft());
    paint(&p, bounds, 1.0);
    p.end();
    return bytes;
}

int GraphPainter::nodeAt(const QPointF &p) const
{
    const int cx = qFloor(p.x() / Cell), cy = qFloor(p.y() / Cell);
    for (int dx = -1; dx <= 1; ++dx) {
        for (int dy = -1; dy <= 1; ++dy) {
            for (const int i : m_grid.value(cellKey(cx + dx, cy + dy))) {
                if (!m_hiddenNodes.contains(i) && m_nodeRects[i].adjusted(-4, -4, 4, 4).contains(p))
                    return i;
            }
        }
    }
    return -1;
}

int GraphPainter::edgeAt(const QPointF &p, double tolerance) const
{
    int best = -1;
    double bestDistance = tolerance;
    for (int i = 0; i < m_lines.size(); ++i) {
        const QLineF &l = m_lines[i];
        if (l.isNull() || m_hiddenEdges.contains(i))
            continue;
        const QPointF d = l.p2() - l.p1();
        const double len2 = QPointF::dotProduct(d, d);
        const double t
            = len2 > 0 ? std::clamp(QPointF::dotProduct(p - l.p1(), d) / len2, 0.0, 1.0) : 0;
        const QPointF q = l.p1() + t * d;
        const double dist = QLineF(p, q).length();
        if (dist < bestDistance) {
            bestDistance = dist;
            best = i;
        }
    }
    return best;
}

} // namespace Meshdeck
