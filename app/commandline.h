#pragma once

#include <core/result.h>
#include <models/pageid.h>
#include <models/preferences.h>

#include <QSize>
#include <QStringList>

#include <optional>

namespace Meshdeck {

class CommandRegistry;

// Options of the GUI invocation (`meshdeck [options]`).
struct GuiOptions
{
    bool help = false;
    bool version = false;
    QString screenshotFile;
    std::optional<PageId> page;
    QSize size {1280, 800};
    std::optional<ThemeMode> theme; // overrides the preference for this run, not saved
    bool demo = false; // start the embedded demo cluster and connect to it
    QString kubeconfig;
    QString context;
};

// Parses the command line before any QCoreApplication exists, so that --help, --version and
// usage errors work without a display. Qt's own options (-platform, -style, ...) pass through to
// QApplication.
class CommandLine
{
public:
    // True when argv[1] names a headless command (a word not starting with '-').
    [[nodiscard]] static bool isCommand(const QStringList &arguments);
    [[nodiscard]] static Result<GuiOptions> parseGuiOptions(const QStringList &arguments);
    [[nodiscard]] static QString helpText(const CommandRegistry &registry);
};

} // namespace Meshdeck
