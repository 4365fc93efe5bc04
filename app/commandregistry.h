#pragma once

#include "clicommand.h"

#include <memory>
#include <vector>

namespace Meshdeck {

// The headless commands, and dispatch of `meshdeck <command> [args]` to them.
class CommandRegistry
{
public:
    CommandRegistry(); // registers the built-in commands

    void add(std::unique_ptr<CliCommand> command);
    [[nodiscard]] CliCommand *find(const QString &name) const;
    [[nodiscard]] std::vector<CliCommand *> commands() const;

    // arguments[0] is the command's name. Unknown commands print one line to err and return 2.
    int dispatch(const QStringList &arguments, QTextStream &out, QTextStream &err) const;

private:
    std::vector<std::unique_ptr<CliCommand>> m_commands;
};

} // namespace Meshdeck
