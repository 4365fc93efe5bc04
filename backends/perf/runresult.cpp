#include "runresult.h"

#include <QFile>
#include <QSysInfo>
#include <QThread>

#include <unistd.h>

namespace Meshdeck::Perf {

QString generatorName(Generator g)
{
    switch (g) {
    case Generator::Native:
        return QStringLiteral("native");
    case Generator::Wrk:
        return QStringLiteral("wrk");
    case Generator::Fortio:
        return QStringLiteral("fortio");
    }
    return QStringLiteral("native");
}

bool generatorFromName(const QString &name, Generator *out)
{
    for (const Generator g : {Generator::Native, Generator::Wrk, Generator::Fortio}) {
        if (name.compare(generatorName(g), Qt::CaseInsensitive) == 0) {
            *out = g;
            return true;
        }
    }
    return false;
}

RunEnvironment RunEnvironment::forThisMachine()
{
    RunEnvironment env;
    env.clientHost = QSysInfo::machineHostName();
    env.clientCpus = QThread::idealThreadCount();
    const long pages = ::sysconf(_SC_PHYS_PAGES);
    const long pageSize = ::sysconf(_SC_PAGESIZE);
    if (pages > 0 && pageSize > 0)
        env.clientMemoryBytes = static_cast<qint64>(pages) * pageSize;
    env.platform
        = QSysInfo::prettyProductName() + QStringLiteral(", ") + QSysInfo::currentCpuArchitecture();
    return env;
}

const QList<double> &RunResult::summaryPercentiles()
{
    static const QList<double> p {50, 75, 90, 95, 99, 99.9, 99.99, 100};
    return p;
}

} // namespace Meshdeck::Perf
