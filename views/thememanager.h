#pragma once

#include <models/preferences.h>

#include <QPalette>
#include <QString>

class QApplication;

namespace Meshdeck {

// Applies the user's appearance choice. "System" keeps the platform's style and palette (and so
// follows a light or dark desktop); "Light" and "Dark" use the Fusion style with a palette of ours.
class ThemeManager
{
public:
    explicit ThemeManager(QApplication *app);

    void apply(ThemeMode mode);
    [[nodiscard]] ThemeMode mode() const { return m_mode; }

    [[nodiscard]] static bool isDark(const QPalette &palette);
    [[nodiscard]] static QPalette lightPalette();
    [[nodiscard]] static QPalette darkPalette();

private:
    QApplication *m_app;
    QString m_systemStyle;
    QPalette m_systemPalette;
    ThemeMode m_mode = ThemeMode::System;
};

} // namespace Meshdeck
