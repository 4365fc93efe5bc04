#pragma once

#include "loadreport.h"
#include "loadspec.h"
#include "runresult.h"

#include <core/result.h>

#include <QByteArray>
#include <QCoreApplication>

#include <atomic>
#include <functional>

namespace Meshdeck::Perf {

// wrk and fortio driven as child processes (argument lists, never a shell), so that one profile
// can run on any generator and the results compare. wrk has no constant-rate mode (that is
// wrk2, which Debian does not package); its latency distribution is rebuilt from 1,000+
// percentiles that a Lua done() hook prints as JSON. fortio's JSON result is parsed whole.
class ExternalGenerator
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::Perf::ExternalGenerator)

public:
    // The program's path, or an error naming the package that provides it.
    [[nodiscard]] static Result<QString> locate(Generator generator);
    // Blocks until the run ends; `cancel` interrupts it (wrk and fortio still report what they
    // measured); `tick` gets the elapsed seconds a few times a second.
    [[nodiscard]] static Result<LoadReport> run(Generator generator, const LoadSpec &spec,
                                                const std::atomic_bool &cancel,
                                                const std::function<void(double)> &tick);

    // Parsers, public for tests and for importing results.
    [[nodiscard]] static Result<LoadReport> parseWrkOutput(const QByteArray &stdoutText);
    [[nodiscard]] static Result<LoadReport> parseFortioJson(const QByteArray &json);
    // The Lua script given to wrk for `spec` (method, headers, body, the JSON done() hook).
    [[nodiscard]] static QByteArray wrkScript(const LoadSpec &spec);
};

} // namespace Meshdeck::Perf
