#pragma once

#include "commandline.h"

#include <memory>

class QApplication;

namespace Meshdeck {

class LanguageManager;
class MainWindow;
class Preferences;
class ThemeManager;

// Everything the GUI needs for one run: preferences, theme, language and the main window, wired
// together. --screenshot uses an isolated, temporary preferences file so that it neither reads
// nor changes the user's.
class GuiSession
{
public:
    GuiSession(QApplication *app, const GuiOptions &options);
    ~GuiSession();

    int exec(); // shows the window and runs the event loop
    int renderScreenshot(); // renders options.screenshotFile and returns an exit code

    [[nodiscard]] MainWindow *window() const { return m_window.get(); }

private:
    QApplication *m_app;
    GuiOptions m_options;
    std::unique_ptr<Preferences> m_preferences;
    std::unique_ptr<ThemeManager> m_theme;
    std::unique_ptr<LanguageManager> m_language;
    std::unique_ptr<MainWindow> m_window;
    QString m_tempDir;
};

} // namespace Meshdeck
