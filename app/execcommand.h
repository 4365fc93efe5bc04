#pragma once

#include "clicommand.h"

namespace Meshdeck {

// `meshdeck exec [-n NS] [-c CONTAINER] [-i] [-t] POD -- COMMAND...`: runs a command in a
// container (WebSocket exec) and exits with its exit code.
class ExecCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("exec"); }
    QString summary() const override;
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};

} // namespace Meshdeck
