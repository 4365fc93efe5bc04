#include "loadgencommand.h"

#include <incluster/loadgenworker.h>

namespace Meshdeck {

QString LoadgenCommand::summary() const
{
    return QStringLiteral("Run one share of a load profile as an in-cluster worker (JSON lines).");
}

int LoadgenCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    return InCluster::loadgenMain(arguments, out, err);
}

} // namespace Meshdeck
