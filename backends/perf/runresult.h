#pragma once

#include "loadreport.h"
#include "loadspec.h"
#include "resourceusage.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

namespace Meshdeck::Perf {

// Which program generates the load.
enum class Generator { Native, Wrk, Fortio };
[[nodiscard]] QString generatorName(Generator g); // "native", "wrk", "fortio"
[[nodiscard]] bool generatorFromName(const QString &name, Generator *out);

// Where a run was measured: the cluster (when connected) and the client machine.
struct RunEnvironment
{
    struct Node
    {
        QString name;
        int cpuMillicores = 0;
        qint64 memoryBytes = 0;
        QString kubeletVersion;
    };
    QString context;
    QString kubernetesVersion;
    QList<Node> nodes;
    QString clientHost;
    int clientCpus = 0;
    qint64 clientMemoryBytes = 0;
    QString platform; // "Debian GNU/Linux 12 (bookworm), x86_64"

    // The client machine's facts, read now.
    static RunEnvironment forThisMachine();
};

// The mesh the target ran in, as detected or as the user labelled it.
struct MeshInfo
{
    QString type; // "istio", "linkerd", ... empty: no mesh
    QString version;
    bool mtls = false;
    int proxyConcurrency = 0;
    QString profile;
};

// A whole run: what was asked, where, and what was measured. The unit that result files,
// the store and the charts deal in.
struct RunResult
{
    QString id; // a UUID
    QString name;
    LoadSpec spec;
    Generator generator = Generator::Native;
    RunEnvironment environment;
    MeshInfo mesh;
    LoadReport report;
    QDateTime start;
    QDateTime end;
    QMap<QString, QString> labels;
    QString failure; // why the run produced no result, if it did not
    ResourceUsage resources; // CPU and memory around the run, when the cluster measured them

    // The percentiles every summary shows, in this order (100 = max).
    static const QList<double> &summaryPercentiles();
};

} // namespace Meshdeck::Perf

Q_DECLARE_METATYPE(Meshdeck::Perf::RunResult)
