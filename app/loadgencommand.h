#pragma once

#include "clicommand.h"

namespace Meshdeck {

// `meshdeck loadgen`: the in-cluster load worker (see InCluster::loadgenMain).
class LoadgenCommand : public CliCommand
{
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("loadgen"); }
    [[nodiscard]] QString summary() const override;
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};

} // namespace Meshdeck
