#pragma once

#include "runresult.h"

#include <QJsonObject>

namespace Meshdeck::Perf {

// A run in the Service Mesh Performance (SMP) format, as JSON with the specification's field
// names: PerformanceTestConfig, PerformanceTestResult (latencies_ms with min, average, p50, p90,
// p99, max; actual_QPS; start_time/end_time), ServiceMeshConfig and EnvironmentConfig.
class SmpExport
{
public:
    static constexpr const char *SmpsVersion = "v1";
    [[nodiscard]] static QJsonObject toJson(const RunResult &run);
};

} // namespace Meshdeck::Perf
