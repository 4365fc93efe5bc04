#pragma once

#include <QStringList>
#include <QTextStream>

namespace Meshdeck {
namespace Kube {
class KubeClient;
}

// `meshdeck mesh check [--namespace NS]... [--json]`: LISTs the routing objects and the workloads
// and prints the configuration checks' findings. Exit 1 when one of them is an error.
int runMeshCheck(Kube::KubeClient &client, const QStringList &namespaces, bool json,
                 QTextStream &out, QTextStream &err);

} // namespace Meshdeck
