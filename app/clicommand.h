#pragma once

#include <QStringList>
#include <QTextStream>

namespace Meshdeck {

// Exit codes of every command (documented in README).
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1, // the command ran and failed (unreachable server, bad file, ...)
    ExitUsage = 2, // unknown command or option, missing or malformed argument
};

// A headless `meshdeck <command>`: runs on QCoreApplication, needs no display.
class CliCommand
{
public:
    virtual ~CliCommand() = default;

    [[nodiscard]] virtual QString name() const = 0;
    [[nodiscard]] virtual QString summary() const = 0;
    // Commands that draw (PNG/SVG export) get a QGuiApplication on the offscreen platform;
    // `arguments` are those after the command's name.
    [[nodiscard]] virtual bool needsGui(const QStringList &arguments) const
    {
        Q_UNUSED(arguments);
        return false;
    }
    // Arguments are those after the command's name.
    virtual int run(const QStringList &arguments, QTextStream &out, QTextStream &err) = 0;
};

} // namespace Meshdeck
