#include "svgiconengine.h"

#include <core/logging.h>

#include <QFile>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace Meshdeck {

SvgIconEngine::SvgIconEngine(QString resourcePath)
    : m_path(std::move(resourcePath))
{
    QFile file(m_path);
    if (file.open(QIODevice::ReadOnly))
        m_svg = file.readAll();
    else
        qCWarning(lcCore) << "Icon not found:" << m_path;
}

QByteArray SvgIconEngine::svgFor(QIcon::Mode mode) const
{
    const QPalette palette = QGuiApplication::palette();
    QColor color;
    switch (mode) {
    case QIcon::Normal:
        color = palette.color(QPalette::Active, QPalette::WindowText);
        break;
    case QIcon::Active:
        color = palette.color(QPalette::Active, QPalette::Highlight);
        break;
    case QIcon::Selected:
        color = palette.color(QPalette::Active, QPalette::HighlightedText);
        break;
    case QIcon::Disabled:
        color = palette.color(QPalette::Disabled, QPalette::WindowText);
        break;
    }
    QByteArray svg = m_svg;
    svg.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
    return svg;
}

void SvgIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State)
{
    QSvgRenderer renderer(svgFor(mode));
    renderer.render(painter, QRectF(rect));
}

QPixmap SvgIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    return scaledPixmap(size, mode, state, 1.0);
}

QPixmap SvgIconEngine::scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                                    qreal scale)
{
    // QIcon passes the size already in device pixels; scale only tags the result.
    const QSize pixelSize = size;
    const QByteArray svg = svgFor(mode);
    const QString cacheKey = QStringLiteral("meshdeck-icon:%1:%2x%3:%4")
                                 .arg(m_path)
                                 .arg(pixelSize.width())
                                 .arg(pixelSize.height())
                                 .arg(qHash(svg));
    QPixmap pm;
    if (!QPixmapCache::find(cacheKey, &pm)) {
        pm = QPixmap(pixelSize);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        QSvgRenderer renderer(svg);
        renderer.render(&p, QRectF(QPointF(0, 0), QSizeF(pixelSize)));
        p.end();
        QPixmapCache::insert(cacheKey, pm);
    }
    pm.setDevicePixelRatio(scale);
    Q_UNUSED(state)
    return pm;
}

QSize SvgIconEngine::actualSize(const QSize &size, QIcon::Mode, QIcon::State)
{
    return size;
}

QIconEngine *SvgIconEngine::clone() const
{
    return new SvgIconEngine(*this);
}

QString SvgIconEngine::key() const
{
    return QStringLiteral("MeshdeckSvgIconEngine");
}

bool SvgIconEngine::isNull()
{
    return m_svg.isEmpty();
}

QIcon themedIcon(const QString &resourcePath)
{
    return QIcon(new SvgIconEngine(resourcePath));
}

} // namespace Meshdeck
