#pragma once

#include "clicommand.h"

namespace Meshdeck {

// `meshdeck demo-cluster`: serves the embedded demo cluster until interrupted and writes a
// kubeconfig for it, so that kubectl or any other client can use it.
class DemoClusterCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("demo-cluster"); }
    QString summary() const override;
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};

} // namespace Meshdeck
