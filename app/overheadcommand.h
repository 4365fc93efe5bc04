#pragma once

#include "clicommand.h"

namespace Meshdeck {

// `meshdeck perf overhead`: what the mesh adds, in latency and in CPU and memory, measured by
// the same load against the target without and with the mesh at a ladder of rates. Exit codes:
// 0 done, 1 a run or the report failed, 2 usage or a refused experiment, 130 interrupted (what
// finished is reported).
class OverheadCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("perf overhead"); }
    QString summary() const override;
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};

} // namespace Meshdeck
