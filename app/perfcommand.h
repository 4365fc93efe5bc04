#pragma once

#include "clicommand.h"

#include <perf/loadspec.h>

namespace Meshdeck {

// `meshdeck perf run|show|compare`: load tests from the command line, result files, and
// side-by-side differences. Exit codes: 0 done, 1 the run or a file failed, 2 usage,
// 130 interrupted with Ctrl-C (the partial result is still printed and written).
class PerfCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("perf"); }
    QString summary() const override;
    // `perf overhead --png FILE` draws its report.
    bool needsGui(const QStringList &arguments) const override
    {
        return arguments.value(0) == QLatin1String("overhead")
            && (arguments.contains(QLatin1String("--png"))
                || arguments.filter(QLatin1String("--png=")).size() > 0);
    }
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) override;

    static constexpr int ExitInterrupted = 130;
    // "30s", "1.5m", "500ms", "2h", or a plain number of seconds.
    static bool parseDuration(const QString &text, Perf::Micros *out);
    // Adds --header 'Name: value' to the spec; the usage error, or empty when it is valid.
    static QString addHeader(const QString &header, Perf::LoadSpec *spec);

private:
    int runLoad(const QStringList &arguments, QTextStream &out, QTextStream &err);
    int show(const QStringList &arguments, QTextStream &out, QTextStream &err);
    int compare(const QStringList &arguments, QTextStream &out, QTextStream &err);
};

} // namespace Meshdeck
