#pragma once

#include "comparisondata.h"

#include <core/result.h>

#include <overhead/overheadreport.h>
#include <perf/loadprofile.h>
#include <perf/runresult.h>

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <functional>

namespace Meshdeck {

class ResultStore;
class RunsTableModel;

// One entry of the operations history (install, uninstall, sample …).
struct HistoryEntry
{
    QString kind; // "install", "uninstall", "sample deploy", ...
    QString target; // "Istio 1.26.2 (bundled)"
    QDateTime started;
    QDateTime finished;
    QString outcome; // "succeeded", "failed", "cancelled"
    QString steps; // JSON: each step with its state, timing and output
};

// Everything the Results, Performance and Lifecycle pages read from or write to the results
// database and to files: the runs table, comparisons and overhead reports, imports and exports,
// profiles, the operations history, result files. The work runs on one worker thread, in the
// order it was asked; the outcome comes back as signals on the controller's thread. Views only
// show and ask.
class ProfileSecrets;

class ResultsController : public QObject
{
    Q_OBJECT

public:
    explicit ResultsController(QObject *parent = nullptr);
    ~ResultsController() override; // waits for the work in progress
    struct Opened; // how opening the database went (made on the worker)

    // Opens the database at `path` on the worker (creating it, or bringing an older schema
    // up to date; read-only when a newer Meshdeck wrote it or another program holds it
    // locked), then stores it as setStore() does and emits opened(). The GUI thread never
    // waits for the disk or a lock.
    void open(const QString &path);
    // Moves the database aside (it is damaged) and opens a fresh one in its place, as open().
    void moveAsideAndOpen();
    // Opens the last path open() was asked for again (it was locked or could not be read).
    void retryOpen();
    // The database the runs table reads (null when it could not be opened), its path, and why
    // it is missing or read-only (may be empty).
    void setStore(ResultStore *store, const QString &path, const QString &problem);
    [[nodiscard]] RunsTableModel *runs() const { return m_runs; }
    [[nodiscard]] bool hasStore() const { return m_hasStore; }
    [[nodiscard]] bool writable() const { return m_hasStore && !m_readOnly; }
    [[nodiscard]] QString storePath() const { return m_storePath; }
    [[nodiscard]] QString problem() const { return m_problem; }
    // The database could not be opened because its file is damaged (moveAsideAndOpen() helps;
    // otherwise retryOpen() may, once the lock or the folder's permissions are sorted out).
    [[nodiscard]] bool damaged() const { return m_damaged; }
    // Work a user asked for is in progress (a comparison loading, an import or export …).
    [[nodiscard]] bool busy() const { return m_pending > 0; }

    // Runs: loaded and compared (2 to 6) -> comparisonLoaded(); the overhead report of the
    // experiments they belong to -> overheadReportLoaded(); either fails with loadFailed().
    void compare(const QStringList &ids);
    void overheadReport(const QStringList &ids);
    // Files: reads result files into the database, or writes runs (one per file; the format
    // from the name: .pb, .fortio.json, else SMP JSON). fileWorkFinished() follows.
    void importFiles(const QStringList &files);
    void exportRuns(const QStringList &ids, const QString &path);
    void deleteRuns(const QStringList &ids);
    // A run kept in memory (the database could not take it) written as a Meshdeck result file.
    void saveResultFile(const QString &path, const Perf::RunResult &result);
    // Bytes a view made (a chart's PNG, a CSV, an SMP export) written to `path`.
    void writeFile(const QString &title, const QString &path, const QByteArray &bytes);

    // Profiles (cached; profilesChanged() when read again).
    [[nodiscard]] const QList<Perf::LoadProfile> &profiles() const { return m_profiles; }
    void refreshProfiles();
    // Saves a profile: its secret values to the keyring, the rest (with "<redacted>" in their
    // place) to the database.
    void saveProfile(const Perf::LoadProfile &profile);
    // Reads back the secret values of a profile the database holds redacted:
    // profileSecretsRestored(), or profileProblem() with the reason.
    void restoreProfileSecrets(const Perf::LoadProfile &profile);
    void deleteProfile(const QString &name);

    // The operations history, newest first (cached; historyChanged() when read again).
    [[nodiscard]] const QList<HistoryEntry> &history() const { return m_history; }
    void refreshHistory();

Q_SIGNALS:
    void storeChanged();
    // open() is done: `writable` when runs can be saved to `path`.
    void opened(const QString &path, bool writable);
    void busyChanged(bool busy);
    void comparisonLoaded(const QList<Meshdeck::Perf::RunResult> &runs,
                          const Meshdeck::ComparisonData &data);
    void overheadReportLoaded(const Meshdeck::Overhead::OverheadReport &report);
    // `title` names what was asked ("Compare Runs"); `error` says what went wrong.
    void loadFailed(const QString &title, const QString &error);
    // `problem` is empty when the work succeeded; `path` is the file asked to be written
    // (empty for imports and deletes).
    void fileWorkFinished(const QString &title, const QString &problem, const QString &path);
    void profilesChanged();
    void profileProblem(const QString &problem);
    void profileSecretsRestored(const Meshdeck::Perf::LoadProfile &profile);
    void historyChanged();

private:
    // Runs `work` on the worker; `then` on this object's thread with its outcome. Background
    // work (refreshing the cached profiles and history) does not make the controller busy().
    template<typename T>
    void submit(std::function<T()> work, std::function<void(const T &)> then,
                bool background = false);

    // Saves or deletes a profile on the worker, then reads the profiles again.
    void changeProfiles(std::function<VoidResult(ResultStore &)> change);

    void finishOpening(const QString &path, const Opened &opened);
    // The outcome of opening: the state every view reads.
    void adopt(bool hasStore, bool readOnly, const QString &path, const QString &problem,
               bool damaged);

    RunsTableModel *m_runs = nullptr;
    bool m_hasStore = false;
    bool m_readOnly = false;
    bool m_damaged = false;
    QString m_storePath;
    QString m_openedPath; // the last one open() was asked for, opened or not
    QString m_problem;
    QList<Perf::LoadProfile> m_profiles;
    ProfileSecrets *m_secrets = nullptr;
    QList<HistoryEntry> m_history;
    QThreadPool m_pool; // one thread: work happens in the order it was asked
    int m_pending = 0;
};

} // namespace Meshdeck
