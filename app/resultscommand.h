#pragma once

#include "clicommand.h"

namespace Meshdeck {

// `meshdeck results list|show|compare|export|import`: the results database from the command
// line (the same file the Results page shows; --db FILE for another).
class ResultsCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("results"); }
    QString summary() const override;
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};

} // namespace Meshdeck
