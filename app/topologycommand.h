#pragma once

#include "clicommand.h"

namespace Meshdeck {

// `meshdeck topology export`: the service graph of a cluster, headless, as JSON, DOT, SVG or PNG.
class TopologyCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("topology"); }
    QString summary() const override;
    bool needsGui(const QStringList &) const override { return true; }
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};

} // namespace Meshdeck
