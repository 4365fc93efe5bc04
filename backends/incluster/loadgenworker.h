#pragma once

#include <QStringList>
#include <QTextStream>

namespace Meshdeck::InCluster {

// `meshdeck loadgen` (and the small `meshdeck-loadgen` binary of the worker image): runs one
// share of a load profile headless and reports on stdout in the WorkerProtocol. Reads
//   --profile JSON|@FILE   or MESHDECK_LOADGEN_PROFILE   the load profile (LoadProfile JSON)
//   --index I              or JOB_COMPLETION_INDEX        this worker's index (default 0)
//   --workers N            or MESHDECK_LOADGEN_WORKERS    how many share the load (default 1)
//   --start-at MS          or MESHDECK_LOADGEN_START_AT   Unix time in ms to begin (default now)
//   MESHDECK_HOST_ALIASES  "host:port=ip:port,..."       where to connect for a Service name
// Exit codes: 0 done, 1 the run failed (nothing answered; what was measured is still reported),
// 2 usage or a bad profile, 143 stopped by SIGTERM (the partial result is reported first).
int loadgenMain(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace Meshdeck::InCluster
