#pragma once

#include "clicommand.h"

namespace Meshdeck {

// `meshdeck cluster check [--kubeconfig FILE] [--context NAME] [--json]`: can Meshdeck reach the
// cluster, which Kubernetes version it runs, how many nodes it has, and what the user may do.
class ClusterCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("cluster"); }
    QString summary() const override;
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};

} // namespace Meshdeck
