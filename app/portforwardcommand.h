#pragma once

#include "clicommand.h"

namespace Meshdeck {

// `meshdeck port-forward [-n NS] pod/NAME|svc/NAME [LOCAL:]REMOTE...`: forwards local ports to a
// pod's or Service's ports until interrupted.
class PortForwardCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("port-forward"); }
    QString summary() const override;
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};

} // namespace Meshdeck
