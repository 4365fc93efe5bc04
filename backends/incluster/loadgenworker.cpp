#include "loadgenworker.h"

#include "workerprotocol.h"

#include <core/boundedfile.h>
#include <perf/loadengine.h>
#include <perf/loadprofile.h>

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QScopeGuard>
#include <QSysInfo>
#include <QThread>
#include <QUuid>

#include <atomic>
#include <csignal>

namespace Meshdeck::InCluster {

namespace {

std::atomic_int s_signal {0};

void onSignal(int signal)
{
    s_signal = signal;
}

constexpr int ExitDone = 0;
constexpr int ExitFailed = 1;
constexpr int ExitUsage = 2;

std::vector<std::pair<std::string, std::string>> parseAliases(const QString &text)
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const QString &pair : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq > 0)
            out.emplace_back(pair.left(eq).trimmed().toStdString(),
                             pair.mid(eq + 1).trimmed().toStdString());
    }
    return out;
}

} // namespace

int loadgenMain(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QCommandLineParser p;
    const QCommandLineOption profileOpt(QStringLiteral("profile"), QString(),
                                        QStringLiteral("JSON")),
        indexOpt(QStringLiteral("index"), QString(), QStringLiteral("I")),
        workersOpt(QStringLiteral("workers"), QString(), QStringLiteral("N")),
        startOpt(QStringLiteral("start-at"), QString(), QStringLiteral("MS")),
        helpOpt({QStringLiteral("h"), QStringLiteral("help")}, QString());
    p.addOptions({profileOpt, indexOpt, workersOpt, startOpt, helpOpt});
    int index = 0;
    const auto emitLine = [&](const QByteArray &line) {
        out << line << '\n';
        out.flush();
    };
    const auto usage = [&](const QString &why) {
        err << "meshdeck loadgen: " << why << "\n";
        emitLine(WorkerProtocol::error(index, why));
        return ExitUsage;
    };
    if (!p.parse(QStringList {QStringLiteral("loadgen")} + arguments))
        return usage(p.errorText());
    if (p.isSet(helpOpt)) {
        out << "Usage: meshdeck loadgen --profile JSON|@FILE [--index I] [--workers N]"
               " [--start-at UNIX_MS]\n"
               "Runs one share of a load profile and reports JSON lines on stdout (the in-cluster\n"
               "worker of 'meshdeck perf run --in-cluster'). Environment: "
               "MESHDECK_LOADGEN_PROFILE,\n"
               "JOB_COMPLETION_INDEX, MESHDECK_LOADGEN_WORKERS, MESHDECK_LOADGEN_START_AT,\n"
               "MESHDECK_HOST_ALIASES. Exit codes: 0 done, 1 failed, 2 usage, 143 SIGTERM.\n";
        return ExitDone;
    }
    const auto value = [&](const QCommandLineOption &o, const char *var) {
        return p.isSet(o) ? p.value(o) : env.value(QLatin1String(var));
    };
    bool ok = true;
    if (const QString i = value(indexOpt, "JOB_COMPLETION_INDEX"); !i.isEmpty())
        index = i.toInt(&ok);
    if (!ok || index < 0)
        return usage(QStringLiteral("the worker index must be a number from 0"));
    int workers = 1;
    if (const QString n = value(workersOpt, "MESHDECK_LOADGEN_WORKERS"); !n.isEmpty())
        workers = n.toInt(&ok);
    if (!ok || workers < 1 || index >= workers)
        return usage(QStringLiteral("--workers must be above the index (%1)").arg(index));
    qint64 startAt = QDateTime::currentMSecsSinceEpoch();
    if (const QString s = value(startOpt, "MESHDECK_LOADGEN_START_AT"); !s.isEmpty())
        startAt = s.toLongLong(&ok);
    if (!ok)
        return usage(QStringLiteral("--start-at wants a Unix time in milliseconds"));
    // A start far ahead is a mistake (seconds for milliseconds, a wrong clock), not a plan.
    constexpr qint64 MaxWaitMs = 10 * 60 * 1000;
    if (startAt - QDateTime::currentMSecsSinceEpoch() > MaxWaitMs)
        return usage(QStringLiteral("--start-at is more than 10 minutes ahead (%1 ms from now); "
                                    "give a Unix time in milliseconds")
                         .arg(startAt - QDateTime::currentMSecsSinceEpoch()));

    QByteArray profileJson = value(profileOpt, "MESHDECK_LOADGEN_PROFILE").toUtf8();
    if (profileJson.startsWith('@')) {
        auto bytes = readBoundedFile(QString::fromUtf8(profileJson.mid(1)), 16LL * 1024 * 1024);
        if (!bytes)
            return usage(bytes.error().message());
        profileJson = bytes.value();
    }
    if (profileJson.isEmpty())
        return usage(QStringLiteral("no profile: give --profile or MESHDECK_LOADGEN_PROFILE"));
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(profileJson, &parseError);
    if (!doc.isObject())
        return usage(QStringLiteral("the profile is not JSON: %1").arg(parseError.errorString()));
    auto profile = Perf::LoadProfile::fromJson(doc.object());
    if (!profile)
        return usage(profile.error().message());

    Perf::LoadSpec spec = WorkerProtocol::shareOf(profile->spec, index, workers);
    spec.secondHistograms = true;
    spec.hostAliases = parseAliases(env.value(QStringLiteral("MESHDECK_HOST_ALIASES")));

    s_signal = 0;
    auto *previousTerm = std::signal(SIGTERM, onSignal);
    auto *previousInt = std::signal(SIGINT, onSignal);
    const auto restore = qScopeGuard([&] {
        std::signal(SIGTERM, previousTerm);
        std::signal(SIGINT, previousInt);
    });
    emitLine(WorkerProtocol::ready(index, workers, startAt));
    // Wait for the common start, in short slices so that SIGTERM still ends the wait at once.
    while (s_signal == 0) {
        const qint64 left = startAt - QDateTime::currentMSecsSinceEpoch();
        if (left <= 0)
            break;
        QThread::msleep(static_cast<unsigned long>(std::min<qint64>(left, 20)));
    }
    if (s_signal != 0)
        return 128 + s_signal;

    Perf::RunResult run;
    run.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    run.name = profile->name;
    run.generator = Perf::Generator::Native;
    run.labels = profile->labels;
    run.labels.insert(QStringLiteral("worker"), QString::number(index));
    run.environment.clientHost = QSysInfo::machineHostName();
    run.start = QDateTime::currentDateTimeUtc();
    Perf::LoadEngine engine(spec);
    std::string error;
    if (!engine.start(&error)) {
        emitLine(WorkerProtocol::error(index, QString::fromStdString(error)));
        return ExitFailed;
    }
    emitLine(WorkerProtocol::started(index, QDateTime::currentMSecsSinceEpoch() - startAt));
    const auto flushSeconds = [&] {
        const Perf::EngineProgress progress = engine.progress();
        for (std::size_t i = 0; i < progress.newPoints.size(); ++i)
            emitLine(WorkerProtocol::second(
                index, progress.newPoints[i],
                i < progress.newHistograms.size() ? progress.newHistograms[i] : std::string()));
    };
    while (!engine.wait(std::chrono::milliseconds(200))) {
        if (s_signal != 0)
            engine.cancel();
        flushSeconds();
    }
    flushSeconds();
    run.end = QDateTime::currentDateTimeUtc();
    run.spec = spec;
    run.spec.hostAliases.clear();
    run.report = engine.report();
    emitLine(WorkerProtocol::result(index, run));
    if (s_signal != 0)
        return 128 + s_signal;
    return run.report.counters.responses == 0 ? ExitFailed : ExitDone;
}

} // namespace Meshdeck::InCluster
