#include "loadrunner.h"

#include "externalgenerator.h"
#include "loadengine.h"
#include "specsecrets.h"

#include <QElapsedTimer>
#include <QUuid>

namespace Meshdeck::Perf {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::Perf::LoadRunner)
};

// A run in which requests went out and not one response came back complete, and nothing failed
// outright: a server that accepts and never answers, or one that never finishes its headers.
QString explainNoResponse(const LoadReport &r, const LoadSpec &spec)
{
    const QString target = QString::fromStdString(SpecSecrets::redactUrl(spec.url));
    const double seconds = r.measuredSeconds > 0 ? r.measuredSeconds
                                                 : static_cast<double>(spec.duration.count()) / 1e6;
    return Tr::tr("No response from %1 completed in %2 s (request timeout %3 s): the server "
                  "accepted the connections but never answered, or never finished a response. "
                  "Check the server, or raise the request timeout.")
        .arg(target)
        .arg(seconds, 0, 'f', 1)
        .arg(static_cast<double>(spec.requestTimeout.count()) / 1e6, 0, 'g', 3);
}

// The failure that best explains a run with no successful response.
QString explainNothingAnswered(const LoadReport &r, const std::string &url)
{
    FailureKind worst = FailureKind::Count;
    std::uint64_t most = 0;
    for (int k = 0; k < static_cast<int>(FailureKind::Count); ++k) {
        if (r.counters.failures[static_cast<std::size_t>(k)] > most) {
            most = r.counters.failures[static_cast<std::size_t>(k)];
            worst = static_cast<FailureKind>(k);
        }
    }
    QString example;
    for (const auto &[kind, text] : r.failureExamples) {
        if (worst == FailureKind::Count || kind == worst) {
            example = QString::fromStdString(text);
            worst = kind;
            break;
        }
    }
    const QString target = QString::fromStdString(SpecSecrets::redactUrl(url));
    switch (worst) {
    case FailureKind::ConnectRefused:
        return Tr::tr("Nothing answered at %1: connection refused (%2). Is the server running, "
                      "and is the port right?")
            .arg(target, example);
    case FailureKind::ConnectTimeout:
    case FailureKind::ConnectFailed:
        return Tr::tr("Could not connect to %1 (%2). Check the address and the network.")
            .arg(target, example);
    case FailureKind::TlsFailure:
        if (example.contains(QLatin1String("ALPN")))
            return Tr::tr("%1 does not offer HTTP/2 (%2).").arg(target, example);
        return Tr::tr("The TLS handshake with %1 failed (%2). Pass a CA file, or --insecure for "
                      "a test server.")
            .arg(target, example);
    case FailureKind::StreamReset:
        return Tr::tr("%1 reset the requests' streams (%2).").arg(target, example);
    case FailureKind::GoAway:
        return Tr::tr("%1 ended its connections with GOAWAY before answering (%2).")
            .arg(target, example);
    case FailureKind::ReadTimeout:
        return Tr::tr("%1 accepted connections but never answered in time (%2). Raise the "
                      "request timeout or check the server.")
            .arg(target, example);
    case FailureKind::Reset:
    case FailureKind::ProtocolError:
        return Tr::tr("%1 did not give a valid HTTP response (%2).").arg(target, example);
    case FailureKind::Count:
        break;
    }
    return Tr::tr("No request to %1 completed.").arg(target);
}

} // namespace

LoadRunner::LoadRunner(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<RunRequest>();
    qRegisterMetaType<RunProgress>();
    qRegisterMetaType<RunResult>();
}

void LoadRunner::cancel()
{
    m_cancel = true;
}

void LoadRunner::start(const RunRequest &request)
{
    m_cancel = false;
    const RunResult result
        = runBlocking(request, m_cancel, [this](const RunProgress &p) { Q_EMIT progressed(p); });
    Q_EMIT finished(result);
}

RunResult LoadRunner::runBlocking(const RunRequest &request, const std::atomic_bool &cancel,
                                  const std::function<void(const RunProgress &)> &progress)
{
    RunResult result;
    result.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    result.name = request.name;
    result.spec = request.spec;
    result.generator = request.generator;
    result.labels = request.labels;
    result.mesh = request.mesh;
    result.environment = request.environment;
    const RunEnvironment machine = RunEnvironment::forThisMachine();
    result.environment.clientHost = machine.clientHost;
    result.environment.clientCpus = machine.clientCpus;
    result.environment.clientMemoryBytes = machine.clientMemoryBytes;
    result.environment.platform = machine.platform;
    result.start = QDateTime::currentDateTimeUtc();
    const double duration = static_cast<double>(request.spec.duration.count()) / 1e6;

    if (request.generator != Generator::Native) {
        const double warmup = static_cast<double>(request.spec.warmup.count()) / 1e6;
        QElapsedTimer wall;
        wall.start();
        auto report = ExternalGenerator::run(request.generator, request.spec, cancel, [&](double) {
            if (!progress)
                return;
            RunProgress p;
            const double t = static_cast<double>(wall.elapsed()) / 1000.0;
            p.warmingUp = t < warmup;
            p.elapsedSeconds = std::clamp(t - warmup, 0.0, duration);
            p.durationSeconds = duration;
            progress(p);
        });
        result.end = QDateTime::currentDateTimeUtc();
        if (!report) {
            result.failure = report.error().toString();
            return result;
        }
        result.report = std::move(report).value();
        if (result.report.counters.successes == 0 && result.report.attempts() > 0)
            result.failure = explainNothingAnswered(result.report, request.spec.url);
        return result;
    }

    LoadEngine engine(request.spec);
    std::string error;
    if (!engine.start(&error)) {
        result.end = QDateTime::currentDateTimeUtc();
        result.failure = QString::fromStdString(error);
        return result;
    }
    QElapsedTimer wall;
    wall.start();
    bool gaveUp = false;
    while (!engine.wait(std::chrono::milliseconds(250))) {
        EngineProgress e = engine.progress();
        if (cancel.load())
            engine.cancel();
        // Every connection attempt failed for a while: nothing to measure, say so now.
        if (!gaveUp && wall.elapsed() > 1500 && e.connectFailures > 0
            && e.connectFailures >= e.connectionsOpened) {
            gaveUp = true;
            engine.cancel();
        }
        if (progress) {
            RunProgress p;
            p.warmingUp = e.warmingUp;
            p.elapsedSeconds = e.elapsedSeconds;
            p.durationSeconds = duration;
            p.responses = e.responses;
            p.errors = e.errors;
            p.rate = e.rate;
            p.p50Ms = static_cast<double>(e.p50Ns) / 1e6;
            p.p99Ms = static_cast<double>(e.p99Ns) / 1e6;
            p.newPoints = QList<SecondPoint>(e.newPoints.begin(), e.newPoints.end());
            progress(p);
        }
    }
    result.report = engine.report();
    result.end = QDateTime::currentDateTimeUtc();
    if (gaveUp)
        result.report.cancelled = false;
    if (result.report.counters.successes == 0 && !result.report.failureExamples.empty())
        result.failure = explainNothingAnswered(result.report, request.spec.url);
    else if (result.report.counters.responses == 0 && result.failure.isEmpty())
        result.failure = explainNoResponse(result.report, request.spec);
    return result;
}

} // namespace Meshdeck::Perf
