#pragma once

#include <core/result.h>
#include <perf/loadprofile.h>
#include <perf/runresult.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>

class QSqlError;

namespace Meshdeck {

// One row of the runs table: the searchable summary of a run, without its histograms.
struct RunSummary
{
    QString id;
    QString name;
    QString profile;
    QString mesh;
    QString generator;
    QString url;
    QDateTime started;
    double requestedRate = 0;
    double achievedRate = 0;
    qint64 p50Ns = 0;
    qint64 p90Ns = 0;
    qint64 p99Ns = 0;
    qint64 p999Ns = 0;
    double errorPercent = 0;
    qint64 responses = 0;
    bool cancelled = false;
};

// Which runs, in which order.
struct RunQuery
{
    enum class Sort {
        Started,
        Name,
        Profile,
        Mesh,
        RequestedRate,
        AchievedRate,
        P50,
        P99,
        P999,
        ErrorPercent
    };
    QString filter; // matched against name, profile, mesh, URL, generator and labels
    Sort sort = Sort::Started;
    bool descending = true;
    int offset = 0;
    int limit = -1;
};

// The results database: SQLite through QtSql, in WAL mode, with a schema version and forward
// migrations. Runs (a summary row plus the whole result file), performance profiles and the
// history of operations. Every write is one transaction: it lands whole or not at all.
// A connection belongs to the thread that opened the store; open one per thread (WAL lets
// readers and a writer work side by side).
class ResultStore
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::ResultStore)

public:
    static constexpr int SchemaVersion = 1;
    enum class Mode { ReadWrite, ReadOnly };

    ~ResultStore();
    ResultStore(const ResultStore &) = delete;
    ResultStore &operator=(const ResultStore &) = delete;

    // Errors: IoError (cannot create or open), ParseError (the file is damaged or not a
    // database: offer backupAndReset()), Unsupported (a newer Meshdeck wrote it: open ReadOnly),
    // Conflict (another process holds it locked for longer than the busy timeout).
    [[nodiscard]] static Result<std::unique_ptr<ResultStore>> open(const QString &path,
                                                                   Mode mode = Mode::ReadWrite);
    // The default file, in the application data folder.
    [[nodiscard]] static QString defaultPath();
    // Moves a damaged file (and its WAL) aside as PATH.damaged-YYYYMMDD-hhmmss; returns that name.
    [[nodiscard]] static Result<QString> moveAside(const QString &path);

    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] bool readOnly() const { return m_mode == Mode::ReadOnly; }
    [[nodiscard]] int schemaVersion() const { return m_fileVersion; }

    VoidResult saveRun(const Perf::RunResult &run, const QString &profile = {});
    [[nodiscard]] Result<Perf::RunResult> loadRun(const QString &id) const;
    VoidResult deleteRuns(const QStringList &ids);
    [[nodiscard]] Result<QList<RunSummary>> listRuns(const RunQuery &query) const;
    [[nodiscard]] Result<int> countRuns(const QString &filter = {}) const;
    // Many runs in one transaction (imports): all or none.
    VoidResult saveRuns(const QList<Perf::RunResult> &runs);

    VoidResult saveProfile(const Perf::LoadProfile &profile);
    [[nodiscard]] Result<QList<Perf::LoadProfile>> profiles() const;
    VoidResult deleteProfile(const QString &name);

    struct Operation
    {
        qint64 id = 0;
        QString kind; // "install", "uninstall", "sample deploy", ...
        QString target; // "istio 1.22 (demo)"
        QDateTime started;
        QDateTime finished;
        QString outcome; // "succeeded", "failed", "cancelled"
        QString steps; // JSON: each step with its state, timing and output
    };
    VoidResult recordOperation(Operation &operation); // sets operation.id
    // Records one finished operation in the database at `path` (opened for it), its steps given
    // as JSON. The history is a convenience: a database that cannot be opened is skipped.
    static void recordOperationAt(const QString &path, const QString &kind, const QString &target,
                                  const QDateTime &started, bool ok, const QJsonArray &steps);
    [[nodiscard]] Result<QList<Operation>> operations(int limit = 200) const;

    // Caps the database at this many pages (of 4 KiB); writes beyond fail as on a full disk.
    void setMaxPageCount(int pages);

private:
    ResultStore(QString path, QString connection, Mode mode);
    VoidResult migrate();
    Error sqlError(const QString &what, const QSqlError &error) const;
    VoidResult insertRun(const Perf::RunResult &run, const QString &profile);

    QString m_path;
    QString m_connection;
    Mode m_mode;
    int m_fileVersion = 0;
};

} // namespace Meshdeck
