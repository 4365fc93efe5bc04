#pragma once

#include <core/result.h>
#include <perf/runresult.h>

#include <QByteArray>
#include <QCoreApplication>

namespace Meshdeck {

// Result files (`meshdeck perf run -o FILE`): a RunResult as meshdeck.perf.v1.Result inside an
// Envelope. Reads every schema version up to CurrentSchema; newer files are refused with a
// message that says to update; damaged files fail with ParseError and change nothing.
class ResultCodec
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::ResultCodec)

public:
    static constexpr quint32 CurrentSchema = 1;
    static constexpr const char *Kind = "meshdeck.perf.v1.Result";

    [[nodiscard]] static QByteArray encode(const Perf::RunResult &run);
    [[nodiscard]] static Result<Perf::RunResult> decode(const QByteArray &bytes);

    [[nodiscard]] static Result<Perf::RunResult> readFile(const QString &path);
    // Written to a temporary file and renamed, so a failed write leaves no half file.
    [[nodiscard]] static VoidResult writeFile(const QString &path, const Perf::RunResult &run);
};

} // namespace Meshdeck
