#include "connectionindicator.h"

#include <models/connectionstate.h>

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>

namespace Meshdeck {

namespace {
QColor colorFor(ConnectionState::State state)
{
    switch (state) {
    case ConnectionState::State::NoContext:
        return QColor(0x8a, 0x8f, 0x98);
    case ConnectionState::State::Connecting:
        return QColor(0xe0, 0xa1, 0x00);
    case ConnectionState::State::Connected:
        return QColor(0x2e, 0xa0, 0x43);
    case ConnectionState::State::Failed:
        return QColor(0xd1, 0x24, 0x2f);
    }
    return Qt::gray;
}
} // namespace

ConnectionIndicator::ConnectionIndicator(ConnectionState *state, QWidget *parent)
    : QWidget(parent)
    , m_state(state)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->setSpacing(6);
    m_dot = new QLabel(this);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("connectionText"));
    layout->addWidget(m_dot);
    layout->addWidget(m_label, 1);
    connect(m_state, &ConnectionState::changed, this, &ConnectionIndicator::refresh);
    refresh();
}

QString ConnectionIndicator::text() const
{
    return m_label->text();
}

void ConnectionIndicator::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

void ConnectionIndicator::refresh()
{
    const qreal dpr = devicePixelRatioF();
    const int side = 10;
    QPixmap dot(QSize(side, side) * dpr);
    dot.setDevicePixelRatio(dpr);
    dot.fill(Qt::transparent);
    QPainter p(&dot);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(colorFor(m_state->state()));
    p.drawEllipse(QRectF(0.5, 0.5, side - 1, side - 1));
    p.end();
    m_dot->setPixmap(dot);
    m_label->setText(m_state->summary());
    setToolTip(m_state->detail().isEmpty() ? m_state->summary() : m_state->detail());
    setAccessibleName(m_state->summary());
}

} // namespace Meshdeck
