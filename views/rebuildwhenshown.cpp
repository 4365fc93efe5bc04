#include "rebuildwhenshown.h"

#include <QEvent>
#include <QWidget>

namespace Meshdeck {

RebuildWhenShown::RebuildWhenShown(QWidget *widget, std::function<void()> rebuild)
    : QObject(widget)
    , m_widget(widget)
    , m_rebuild(std::move(rebuild))
{
    widget->installEventFilter(this);
}

void RebuildWhenShown::request()
{
    if (m_widget->isVisible()) {
        m_owed = false;
        m_rebuild();
    } else {
        m_owed = true;
    }
}

bool RebuildWhenShown::eventFilter(QObject *watched, QEvent *event)
{
    // Show arrives before the first paint, so the widget is never drawn with the old build.
    if (watched == m_widget && event->type() == QEvent::Show && m_owed) {
        m_owed = false;
        m_rebuild();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Meshdeck
