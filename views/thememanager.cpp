#include "thememanager.h"

#include "indicatorstyle.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace Meshdeck {

ThemeManager::ThemeManager(QApplication *app)
    : m_app(app)
    , m_systemStyle(app->style()->name())
    , m_systemPalette(app->palette())
{
}

void ThemeManager::apply(ThemeMode mode)
{
    m_mode = mode;
    switch (mode) {
    case ThemeMode::System:
        m_app->setStyle(new IndicatorStyle(QStyleFactory::create(m_systemStyle)));
        m_app->setPalette(m_systemPalette);
        break;
    case ThemeMode::Light:
        m_app->setStyle(new IndicatorStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
        m_app->setPalette(lightPalette());
        break;
    case ThemeMode::Dark:
        m_app->setStyle(new IndicatorStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
        m_app->setPalette(darkPalette());
        break;
    }
}

bool ThemeManager::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QPalette ThemeManager::lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xf6, 0xf7, 0xf9));
    p.setColor(QPalette::WindowText, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf0, 0xf2, 0xf5));
    p.setColor(QPalette::ToolTipBase, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::ToolTipText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x6e, 0x77, 0x81));
    p.setColor(QPalette::Text, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::Button, QColor(0xf0, 0xf2, 0xf5));
    p.setColor(QPalette::ButtonText, QColor(0x1f, 0x23, 0x28));
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Highlight, QColor(0x1f, 0x6f, 0xeb));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x09, 0x69, 0xda));
    p.setColor(QPalette::Mid, QColor(0xd0, 0xd7, 0xde));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x8c, 0x95, 0x9f));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x8c, 0x95, 0x9f));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x8c, 0x95, 0x9f));
    return p;
}

QPalette ThemeManager::darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x1e, 0x21, 0x26));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::Base, QColor(0x16, 0x18, 0x1c));
    p.setColor(QPalette::AlternateBase, QColor(0x23, 0x27, 0x2e));
    p.setColor(QPalette::ToolTipBase, QColor(0x2d, 0x33, 0x3b));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::PlaceholderText, QColor(0x8b, 0x94, 0x9e));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::Button, QColor(0x2a, 0x2f, 0x36));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::BrightText, QColor(0xff, 0x7b, 0x72));
    p.setColor(QPalette::Highlight, QColor(0x4c, 0x8d, 0xf6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x58, 0xa6, 0xff));
    p.setColor(QPalette::Light, QColor(0x3a, 0x40, 0x48));
    p.setColor(QPalette::Midlight, QColor(0x30, 0x36, 0x3d));
    p.setColor(QPalette::Mid, QColor(0x3a, 0x40, 0x48));
    p.setColor(QPalette::Dark, QColor(0x12, 0x14, 0x17));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6e, 0x76, 0x81));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6e, 0x76, 0x81));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6e, 0x76, 0x81));
    return p;
}

} // namespace Meshdeck
