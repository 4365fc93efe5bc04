#pragma once

#include "clicommand.h"

namespace Meshdeck {

// `meshdeck contexts [--kubeconfig FILE] [--json]`: the contexts of the kubeconfig, as kubectl
// would read it, with cluster, server, user, namespace and the kind of credentials (never the
// credentials themselves).
class ContextsCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("contexts"); }
    QString summary() const override;
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;
};

} // namespace Meshdeck
