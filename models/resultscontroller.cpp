#include "resultscontroller.h"

#include "profilesecrets.h"

#include "filewriter.h"
#include "runstablemodel.h"

#include <core/logging.h>
#include <proto/resultcodec.h>
#include <store/resultfiles.h>
#include <store/resultstore.h>

#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

namespace Meshdeck {

namespace {

// What a job that reads runs hands back: the runs, or why not.
struct LoadedRuns
{
    QList<Perf::RunResult> runs;
    ComparisonData data;
    std::optional<Overhead::OverheadReport> report;
    QString error;
};

Result<std::unique_ptr<ResultStore>> openStore(const QString &path, ResultStore::Mode mode)
{
    if (path.isEmpty())
        return Unexpected(
            Error(ErrorCode::NotFound, ResultsController::tr("No results database is open.")));
    return ResultStore::open(path, mode);
}

// The runs with these ids, in order, or why not.
LoadedRuns loadRuns(const QString &path, const QStringList &ids)
{
    LoadedRuns loaded;
    auto store = openStore(path, ResultStore::Mode::ReadOnly);
    if (!store) {
        loaded.error = store.error().message();
        return loaded;
    }
    for (const QString &id : ids) {
        auto run = store.value()->loadRun(id);
        if (!run) {
            loaded.error = run.error().message();
            return loaded;
        }
        loaded.runs.append(run.value());
    }
    return loaded;
}

} // namespace

ResultsController::ResultsController(QObject *parent)
    : QObject(parent)
    , m_runs(new RunsTableModel(this))
    , m_secrets(new ProfileSecrets(this))
{
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("meshdeck-results"));
    connect(m_secrets, &ProfileSecrets::restored, this, &ResultsController::profileSecretsRestored);
    connect(m_secrets, &ProfileSecrets::unavailable, this,
            [this](const QString &, const QString &problem) { Q_EMIT profileProblem(problem); });
    connect(m_secrets, &ProfileSecrets::stored, this,
            [this](const QString &, bool ok, const QString &problem) {
                if (!ok)
                    Q_EMIT profileProblem(problem);
            });
}

ResultsController::~ResultsController()
{
    m_pool.waitForDone();
}

template<typename T>
void ResultsController::submit(std::function<T()> work, std::function<void(const T &)> then,
                               bool background)
{
    if (!background && ++m_pending == 1)
        Q_EMIT busyChanged(true);
    QPointer<ResultsController> self(this);
    (void)QtConcurrent::run(&m_pool,
                            [self, work = std::move(work), then = std::move(then), background] {
                                T outcome = work();
                                // The destructor waits for the pool, so `self` is alive while this
                                // posts; the posted call is dropped when the controller is gone by
                                // the time it would run.
                                QMetaObject::invokeMethod(
                                    self.data(),
                                    [self, outcome = std::move(outcome), then, background] {
                                        if (!self)
                                            return;
                                        if (!background && --self->m_pending == 0)
                                            Q_EMIT self->busyChanged(false);
                                        then(outcome);
                                    },
                                    Qt::QueuedConnection);
                            });
}

void ResultsController::setStore(ResultStore *store, const QString &path, const QString &problem)
{
    adopt(store != nullptr, store && store->readOnly(), path, problem,
          !store && !problem.isEmpty());
}

void ResultsController::adopt(bool hasStore, bool readOnly, const QString &path,
                              const QString &problem, bool damaged)
{
    m_hasStore = hasStore;
    m_readOnly = readOnly;
    m_damaged = damaged;
    m_storePath = hasStore ? path : QString();
    m_problem = problem;
    m_runs->setStorePath(m_storePath);
    Q_EMIT storeChanged();
    refreshProfiles();
    refreshHistory();
}

// How opening the database went, on the worker.
struct ResultsController::Opened
{
    bool ok = false;
    bool readOnly = false;
    bool damaged = false;
    QString problem;
};

namespace {

ResultsController::Opened openOnWorker(const QString &path)
{
    ResultsController::Opened opened;
    auto store = ResultStore::open(path);
    if (!store
        && (store.error().code() == ErrorCode::Unsupported
            || store.error().code() == ErrorCode::Conflict)) {
        // A newer Meshdeck wrote it, or another program holds it: read what is there.
        opened.problem = store.error().message();
        store = ResultStore::open(path, ResultStore::Mode::ReadOnly);
    }
    if (store) {
        opened.ok = true;
        opened.readOnly = store.value()->readOnly();
    } else {
        opened.problem = store.error().message();
        opened.damaged = store.error().code() == ErrorCode::ParseError;
    }
    return opened; // the connection closes here: each reader and writer opens its own
}

} // namespace

void ResultsController::open(const QString &path)
{
    m_openedPath = path;
    submit<Opened>([path] { return openOnWorker(path); },
                   [this, path](const Opened &opened) { finishOpening(path, opened); });
}

void ResultsController::finishOpening(const QString &path, const Opened &opened)
{
    adopt(opened.ok, opened.readOnly, path, opened.problem, opened.damaged);
    Q_EMIT this->opened(path, writable());
}

void ResultsController::retryOpen()
{
    if (!m_openedPath.isEmpty())
        open(m_openedPath);
}

void ResultsController::moveAsideAndOpen()
{
    const QString path = m_openedPath;
    if (path.isEmpty())
        return;
    m_runs->setStorePath(QString()); // the table's reader lets go of the file first
    submit<Opened>(
        [path] {
            if (const auto moved = ResultStore::moveAside(path); !moved) {
                Opened failed;
                failed.problem = moved.error().message();
                failed.damaged = true; // still there: moving it aside may be tried again
                return failed;
            }
            return openOnWorker(path);
        },
        [this, path](const Opened &opened) { finishOpening(path, opened); });
}

void ResultsController::compare(const QStringList &ids)
{
    const QString path = m_storePath;
    submit<LoadedRuns>(
        [path, ids] {
            // Reading and decoding the runs and walking their histograms.
            LoadedRuns loaded = loadRuns(path, ids);
            if (loaded.error.isEmpty())
                loaded.data = ComparisonData::build(loaded.runs);
            return loaded;
        },
        [this](const LoadedRuns &loaded) {
            if (!loaded.error.isEmpty())
                Q_EMIT loadFailed(tr("Compare Runs"), loaded.error);
            else
                Q_EMIT comparisonLoaded(loaded.runs, loaded.data);
        });
}

void ResultsController::overheadReport(const QStringList &ids)
{
    const QString path = m_storePath;
    submit<LoadedRuns>(
        [path, ids] {
            // Every run of the experiments the given runs belong to.
            LoadedRuns loaded = loadRuns(path, ids);
            if (!loaded.error.isEmpty())
                return loaded;
            QStringList experiments;
            for (const Perf::RunResult &run : std::as_const(loaded.runs)) {
                const QString e = run.labels.value(QStringLiteral("experiment"));
                if (!e.isEmpty() && !experiments.contains(e))
                    experiments << e;
            }
            loaded.runs.clear();
            auto store = openStore(path, ResultStore::Mode::ReadOnly);
            if (!store) {
                loaded.error = store.error().message();
                return loaded;
            }
            for (const QString &experiment : std::as_const(experiments)) {
                RunQuery query;
                query.filter = experiment;
                const auto summaries = store.value()->listRuns(query);
                if (!summaries) {
                    loaded.error = summaries.error().message();
                    return loaded;
                }
                for (const RunSummary &s : summaries.value()) {
                    auto run = store.value()->loadRun(s.id);
                    if (run && run->labels.value(QStringLiteral("experiment")) == experiment)
                        loaded.runs << run.value();
                }
            }
            loaded.report = Overhead::OverheadReport::build(
                Overhead::OverheadReport::armRunsFromLabels(loaded.runs));
            if (loaded.report->rows.isEmpty())
                loaded.error = tr("These runs are not from a mesh overhead experiment, or it "
                                  "measured no rate with both arms. Run one from Performance → "
                                  "Measure Mesh Overhead…, then select any of its runs.");
            return loaded;
        },
        [this](const LoadedRuns &loaded) {
            if (!loaded.error.isEmpty())
                Q_EMIT loadFailed(tr("Overhead Report"), loaded.error);
            else
                Q_EMIT overheadReportLoaded(*loaded.report);
        });
}

void ResultsController::importFiles(const QStringList &files)
{
    const QString path = m_storePath;
    submit<QString>(
        [files, path]() -> QString {
            const auto runs = ResultFiles::readAll(files);
            if (!runs)
                return tr("Nothing was imported. %1").arg(runs.error().message());
            auto store = openStore(path, ResultStore::Mode::ReadWrite);
            const VoidResult saved = store ? store.value()->saveRuns(runs.value())
                                           : VoidResult(Unexpected(store.error()));
            qCInfo(lcStore) << "imported" << runs->size() << "runs from" << files.size()
                            << "files:" << (saved ? "ok" : "failed");
            return saved ? QString() : tr("Nothing was imported. %1").arg(saved.error().message());
        },
        [this](const QString &problem) {
            m_runs->reload();
            Q_EMIT fileWorkFinished(tr("Import Results"), problem, QString());
        });
}

void ResultsController::exportRuns(const QStringList &ids, const QString &path)
{
    const ResultFiles::Format format = path.endsWith(QLatin1String(".pb"))
        ? ResultFiles::Format::Meshdeck
        : (path.endsWith(QLatin1String(".fortio.json")) ? ResultFiles::Format::Fortio
                                                        : ResultFiles::Format::SmpJson);
    const QString storePath = m_storePath;
    submit<QString>(
        [ids, path, format, storePath]() -> QString {
            auto store = openStore(storePath, ResultStore::Mode::ReadOnly);
            if (!store)
                return store.error().message();
            // One run per file: a second and later run get the run's id in their name.
            for (int i = 0; i < ids.size(); ++i) {
                const auto run = store.value()->loadRun(ids[i]);
                if (!run)
                    return run.error().message();
                QString target = path;
                if (i > 0) {
                    const int dot = static_cast<int>(
                        path.indexOf(QLatin1Char('.'), path.lastIndexOf(QLatin1Char('/')) + 1));
                    target = dot > 0
                        ? path.left(dot) + QLatin1Char('-') + run->id.left(8) + path.mid(dot)
                        : path + QLatin1Char('-') + run->id.left(8);
                }
                if (const VoidResult w
                    = FileWriter::writeNow(target, ResultFiles::serialize(run.value(), format));
                    !w)
                    return w.error().message();
            }
            return QString();
        },
        [this, path](const QString &problem) {
            Q_EMIT fileWorkFinished(tr("Export Results"), problem, path);
        });
}

void ResultsController::deleteRuns(const QStringList &ids)
{
    const QString path = m_storePath;
    submit<QString>(
        [ids, path]() -> QString {
            auto store = openStore(path, ResultStore::Mode::ReadWrite);
            if (!store)
                return store.error().message();
            const VoidResult r = store.value()->deleteRuns(ids);
            return r ? QString() : r.error().message();
        },
        [this](const QString &problem) {
            m_runs->reload();
            Q_EMIT fileWorkFinished(tr("Delete Runs"), problem, QString());
        });
}

void ResultsController::saveResultFile(const QString &path, const Perf::RunResult &result)
{
    submit<QString>(
        [path, result]() -> QString {
            const VoidResult written = ResultCodec::writeFile(path, result);
            return written ? QString() : written.error().message();
        },
        [this, path](const QString &problem) {
            Q_EMIT fileWorkFinished(tr("Save Result As"), problem, path);
        });
}

void ResultsController::writeFile(const QString &title, const QString &path,
                                  const QByteArray &bytes)
{
    submit<QString>(
        [path, bytes]() -> QString {
            const VoidResult w = FileWriter::writeNow(path, bytes);
            return w ? QString() : w.error().message();
        },
        [this, title, path](const QString &problem) {
            Q_EMIT fileWorkFinished(title, problem, path);
        });
}

void ResultsController::refreshProfiles()
{
    const QString path = m_storePath;
    using Profiles = Result<QList<Perf::LoadProfile>>;
    submit<Profiles>(
        [path]() -> Profiles {
            auto store = openStore(path, ResultStore::Mode::ReadOnly);
            if (!store)
                return Unexpected(store.error());
            return store.value()->profiles();
        },
        [this, path](const Profiles &all) {
            if (path != m_storePath)
                return; // the database changed meanwhile: its own refresh follows
            m_profiles = all ? all.value() : QList<Perf::LoadProfile>();
            Q_EMIT profilesChanged();
        },
        true);
}

void ResultsController::changeProfiles(std::function<VoidResult(ResultStore &)> change)
{
    const QString path = m_storePath;
    submit<QString>(
        [path, change]() -> QString {
            auto store = openStore(path, ResultStore::Mode::ReadWrite);
            if (!store)
                return store.error().message();
            const VoidResult r = change(*store.value());
            return r ? QString() : r.error().message();
        },
        [this](const QString &problem) {
            if (!problem.isEmpty())
                Q_EMIT profileProblem(problem);
        });
    refreshProfiles();
}

void ResultsController::saveProfile(const Perf::LoadProfile &profile)
{
    m_secrets->store(profile);
    changeProfiles([profile](ResultStore &store) { return store.saveProfile(profile); });
}

void ResultsController::restoreProfileSecrets(const Perf::LoadProfile &profile)
{
    m_secrets->restore(profile);
}

void ResultsController::deleteProfile(const QString &name)
{
    m_secrets->forget(name);
    changeProfiles([name](ResultStore &store) { return store.deleteProfile(name); });
}

void ResultsController::refreshHistory()
{
    const QString path = m_storePath;
    using History = Result<QList<HistoryEntry>>;
    submit<History>(
        [path]() -> History {
            auto store = openStore(path, ResultStore::Mode::ReadOnly);
            if (!store)
                return Unexpected(store.error());
            const auto ops = store.value()->operations(100);
            if (!ops)
                return Unexpected(ops.error());
            QList<HistoryEntry> entries;
            for (const ResultStore::Operation &op : ops.value())
                entries.append({op.kind, op.target, op.started, op.finished, op.outcome, op.steps});
            return entries;
        },
        [this, path](const History &ops) {
            if (path != m_storePath)
                return;
            m_history = ops ? ops.value() : QList<HistoryEntry>();
            Q_EMIT historyChanged();
        },
        true);
}

} // namespace Meshdeck
