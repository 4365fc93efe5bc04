#include "resultscommand.h"

#include "perfsummary.h"

#include <store/resultfiles.h>
#include <store/resultstore.h>

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace Meshdeck {

namespace {

const char Usage[]
    = "Usage: meshdeck results list [--filter TEXT] [--sort date|name|mesh|p50|p99|rate] [--limit "
      "N] [--json]\n"
      "       meshdeck results show ID [--json]\n"
      "       meshdeck results compare ID ID... [--json]      (the first is the baseline)\n"
      "       meshdeck results export ID... --format meshdeck|fortio|smp [-o FILE|DIR]\n"
      "       meshdeck results import FILE...                  (Meshdeck .pb, fortio JSON, SMP "
      "JSON/YAML)\n"
      "Every command takes --db FILE (default: the Results page's database).\n"
      "An ID may be abbreviated to its first characters when that is unique.\n";

} // namespace

QString ResultsCommand::summary() const
{
    return QStringLiteral("List, show, compare, import and export stored load-test runs.");
}

int ResultsCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const QString sub = arguments.value(0);
    QCommandLineParser p;
    const QCommandLineOption db(QStringLiteral("db"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption json(QStringLiteral("json"));
    const QCommandLineOption filter(QStringLiteral("filter"), QString(), QStringLiteral("TEXT"));
    const QCommandLineOption sort(QStringLiteral("sort"), QString(), QStringLiteral("KEY"));
    const QCommandLineOption limit(QStringLiteral("limit"), QString(), QStringLiteral("N"));
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("F"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, QString(),
                                    QStringLiteral("PATH"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QString());
    p.addOptions({db, json, filter, sort, limit, format, output, help});
    if (sub.isEmpty() || sub == QLatin1String("-h") || sub == QLatin1String("--help")) {
        out << Usage;
        return sub.isEmpty() ? ExitUsage : ExitOk;
    }
    if (!QStringList {"list", "show", "compare", "export", "import"}.contains(sub)) {
        err << "meshdeck results: unknown subcommand '" << sub
            << "' (list, show, compare, export or import)\n";
        return ExitUsage;
    }
    if (!p.parse(QStringList {QStringLiteral("results")} + arguments.mid(1))) {
        err << "meshdeck results " << sub << ": " << p.errorText() << "\n";
        return ExitUsage;
    }
    if (p.isSet(help)) {
        out << Usage;
        return ExitOk;
    }
    const QStringList args = p.positionalArguments();
    const QString path = p.isSet(db) ? p.value(db) : ResultStore::defaultPath();
    const bool writes = sub == QLatin1String("import");
    auto store = ResultStore::open(
        path, writes ? ResultStore::Mode::ReadWrite : ResultStore::Mode::ReadOnly);
    if (!store && !writes && store.error().code() == ErrorCode::NotFound) {
        err << "meshdeck results: no results yet (" << QDir::toNativeSeparators(path)
            << " does not exist). Run a load test first.\n";
        return ExitFailure;
    }
    if (!store) {
        err << "meshdeck results: " << store.error().message() << "\n";
        return ExitFailure;
    }
    ResultStore &s = *store.value();

    // Full or abbreviated ids.
    const auto resolve = [&](const QString &prefix) -> Result<QString> {
        RunQuery q;
        q.filter = QString();
        q.limit = -1;
        const auto all = s.listRuns(q);
        if (!all)
            return Unexpected(all.error());
        QStringList matches;
        for (const RunSummary &r : all.value())
            if (r.id.startsWith(prefix))
                matches << r.id;
        if (matches.size() == 1)
            return matches.first();
        return Unexpected(Error(ErrorCode::NotFound,
                                matches.isEmpty()
                                    ? QStringLiteral("no run has the id '%1'").arg(prefix)
                                    : QStringLiteral("'%1' matches %2 runs: give more characters")
                                          .arg(prefix)
                                          .arg(matches.size())));
    };
    const auto load = [&](const QString &prefix) -> Result<Perf::RunResult> {
        const auto id = resolve(prefix);
        if (!id)
            return Unexpected(id.error());
        return s.loadRun(id.value());
    };

    if (sub == QLatin1String("list")) {
        RunQuery q;
        q.filter = p.value(filter);
        q.limit = p.isSet(limit) ? p.value(limit).toInt() : -1;
        const QString key = p.value(sort);
        static const QMap<QString, RunQuery::Sort> sorts {
            {QStringLiteral("date"), RunQuery::Sort::Started},
            {QStringLiteral("name"), RunQuery::Sort::Name},
            {QStringLiteral("mesh"), RunQuery::Sort::Mesh},
            {QStringLiteral("p50"), RunQuery::Sort::P50},
            {QStringLiteral("p99"), RunQuery::Sort::P99},
            {QStringLiteral("rate"), RunQuery::Sort::AchievedRate}};
        if (!key.isEmpty() && !sorts.contains(key)) {
            err << "meshdeck results list: --sort is date, name, mesh, p50, p99 or rate\n";
            return ExitUsage;
        }
        q.sort = sorts.value(key, RunQuery::Sort::Started);
        q.descending
            = key.isEmpty() || key == QLatin1String("date") || key == QLatin1String("rate");
        const auto runs = s.listRuns(q);
        if (!runs) {
            err << "meshdeck results: " << runs.error().message() << "\n";
            return ExitFailure;
        }
        if (p.isSet(json)) {
            QJsonArray rows;
            for (const RunSummary &r : runs.value())
                rows.append(QJsonObject {{"id", r.id},
                                         {"name", r.name},
                                         {"profile", r.profile},
                                         {"mesh", r.mesh},
                                         {"generator", r.generator},
                                         {"url", r.url},
                                         {"started", r.started.toString(Qt::ISODateWithMs)},
                                         {"requested_rate", r.requestedRate},
                                         {"achieved_rate", r.achievedRate},
                                         {"p50_ms", static_cast<double>(r.p50Ns) / 1e6},
                                         {"p90_ms", static_cast<double>(r.p90Ns) / 1e6},
                                         {"p99_ms", static_cast<double>(r.p99Ns) / 1e6},
                                         {"p999_ms", static_cast<double>(r.p999Ns) / 1e6},
                                         {"error_percent", r.errorPercent},
                                         {"cancelled", r.cancelled}});
            out << QJsonDocument(rows).toJson(QJsonDocument::Indented);
            return ExitOk;
        }
        out << QStringLiteral("%1  %2 %3 %4 %5 %6 %7 %8\n")
                   .arg(QStringLiteral("id"), -8)
                   .arg(QStringLiteral("name"), -28)
                   .arg(QStringLiteral("mesh"), -9)
                   .arg(QStringLiteral("date (UTC)"), -17)
                   .arg(QStringLiteral("req/s"), 9)
                   .arg(QStringLiteral("p50 ms"), 9)
                   .arg(QStringLiteral("p99 ms"), 9)
                   .arg(QStringLiteral("err %"), 7);
        for (const RunSummary &r : runs.value())
            out << QStringLiteral("%1  %2 %3 %4 %5 %6 %7 %8\n")
                       .arg(r.id.left(8), -8)
                       .arg(r.name.left(28), -28)
                       .arg((r.mesh.isEmpty() ? QStringLiteral("none") : r.mesh).left(9), -9)
                       .arg(r.started.toString(QStringLiteral("yyyy-MM-dd hh:mm")), -17)
                       .arg(QString::number(r.achievedRate, 'f', 0), 9)
                       .arg(PerfSummary::formatMs(static_cast<std::uint64_t>(r.p50Ns)), 9)
                       .arg(PerfSummary::formatMs(static_cast<std::uint64_t>(r.p99Ns)), 9)
                       .arg(QString::number(r.errorPercent, 'f', 2), 7);
        out << runs->size() << " run(s)\n";
        return ExitOk;
    }
    if (sub == QLatin1String("show")) {
        if (args.size() != 1) {
            err << "Usage: meshdeck results show ID [--json]\n";
            return ExitUsage;
        }
        const auto run = load(args.first());
        if (!run) {
            err << "meshdeck results show: " << run.error().message() << "\n";
            return ExitFailure;
        }
        if (p.isSet(json))
            out << QJsonDocument(PerfSummary::runJson(run.value())).toJson(QJsonDocument::Indented);
        else
            PerfSummary::printRun(run.value(), out);
        return ExitOk;
    }
    if (sub == QLatin1String("compare")) {
        if (args.size() < 2 || args.size() > 6) {
            err << "Usage: meshdeck results compare ID ID... (2 to 6 runs) [--json]\n";
            return ExitUsage;
        }
        QList<Perf::RunResult> runs;
        QStringList names;
        for (const QString &id : args) {
            const auto run = load(id);
            if (!run) {
                err << "meshdeck results compare: " << run.error().message() << "\n";
                return ExitFailure;
            }
            runs << run.value();
            names << (run->name.isEmpty() ? run->id.left(8) : run->name);
        }
        if (p.isSet(json))
            out << QJsonDocument(PerfSummary::comparisonJson(runs, names))
                       .toJson(QJsonDocument::Indented);
        else
            PerfSummary::printComparison(runs, names, out);
        return ExitOk;
    }
    if (sub == QLatin1String("export")) {
        const auto fmt = ResultFiles::formatFromName(
            p.value(format).isEmpty() ? QStringLiteral("meshdeck") : p.value(format));
        if (!fmt || args.isEmpty()) {
            err << "Usage: meshdeck results export ID... --format meshdeck|fortio|smp [-o "
                   "FILE|DIR]\n";
            return ExitUsage;
        }
        for (const QString &id : args) {
            const auto run = load(id);
            if (!run) {
                err << "meshdeck results export: " << run.error().message() << "\n";
                return ExitFailure;
            }
            const QByteArray bytes = ResultFiles::serialize(run.value(), fmt.value());
            if (!p.isSet(output)) {
                out << QString::fromUtf8(bytes);
                continue;
            }
            QString target = p.value(output);
            if (QFileInfo(target).isDir() || args.size() > 1) {
                QDir().mkpath(target);
                const char *ext = fmt.value() == ResultFiles::Format::Meshdeck ? ".pb"
                    : fmt.value() == ResultFiles::Format::Fortio               ? ".fortio.json"
                                                                               : ".smp.json";
                target = QDir(target).filePath(run->id + QLatin1String(ext));
            }
            QFile f(target);
            if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) {
                err << "meshdeck results export: cannot write " << target << ": " << f.errorString()
                    << "\n";
                return ExitFailure;
            }
            err << "Wrote " << target << "\n";
        }
        return ExitOk;
    }
    // import
    if (args.isEmpty()) {
        err << "Usage: meshdeck results import FILE...\n";
        return ExitUsage;
    }
    const auto runs = ResultFiles::readAll(args);
    if (!runs) {
        err << "meshdeck results import: nothing imported: " << runs.error().toString() << "\n";
        return ExitFailure;
    }
    if (const VoidResult saved = s.saveRuns(runs.value()); !saved) {
        err << "meshdeck results import: nothing imported: " << saved.error().message() << "\n";
        return ExitFailure;
    }
    for (const Perf::RunResult &r : runs.value())
        out << "Imported " << r.id.left(8) << "  " << r.name << "\n";
    out << runs->size() << " run(s) imported into " << QDir::toNativeSeparators(path) << "\n";
    return ExitOk;
}

} // namespace Meshdeck
