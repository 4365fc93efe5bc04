#include "resultstore.h"

#include <core/privatefiles.h>
#include <perf/specsecrets.h>
#include <proto/resultcodec.h>

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>
#include <QVariant>

#include <algorithm>
#include <functional>

namespace Meshdeck {

using namespace Perf;

namespace {

QAtomicInt s_connections;

// Schema changes, oldest first: entry i takes a file from version i to i + 1. Only ever append.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps {
        {
            QStringLiteral(
                "CREATE TABLE runs (id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '',"
                " profile TEXT NOT NULL DEFAULT '', mesh TEXT NOT NULL DEFAULT '',"
                " generator TEXT NOT NULL DEFAULT '', url TEXT NOT NULL DEFAULT '',"
                " started INTEGER NOT NULL, requested_rate REAL, achieved_rate REAL,"
                " p50_ns INTEGER, p90_ns INTEGER, p99_ns INTEGER, p999_ns INTEGER,"
                " error_pct REAL, responses INTEGER, cancelled INTEGER NOT NULL DEFAULT 0,"
                " labels TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE TABLE run_results (id TEXT PRIMARY KEY REFERENCES runs(id) ON "
                           "DELETE CASCADE, result BLOB NOT NULL)"),
            QStringLiteral("CREATE INDEX runs_started ON runs(started)"),
            QStringLiteral("CREATE INDEX runs_name ON runs(name)"),
            QStringLiteral("CREATE INDEX runs_profile ON runs(profile)"),
            QStringLiteral("CREATE INDEX runs_mesh ON runs(mesh)"),
            QStringLiteral("CREATE INDEX runs_achieved ON runs(achieved_rate)"),
            QStringLiteral("CREATE INDEX runs_p50 ON runs(p50_ns)"),
            QStringLiteral("CREATE INDEX runs_p99 ON runs(p99_ns)"),
            QStringLiteral("CREATE TABLE profiles (name TEXT PRIMARY KEY, spec TEXT NOT NULL,"
                           " updated INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE operations (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " kind TEXT NOT NULL, target TEXT NOT NULL DEFAULT '', started INTEGER"
                           " NOT NULL, finished INTEGER, outcome TEXT NOT NULL DEFAULT '',"
                           " steps TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE INDEX operations_started ON operations(started)"),
        },
    };
    return steps;
}

QString sortColumn(RunQuery::Sort s)
{
    switch (s) {
    case RunQuery::Sort::Started:
        return QStringLiteral("started");
    case RunQuery::Sort::Name:
        return QStringLiteral("name");
    case RunQuery::Sort::Profile:
        return QStringLiteral("profile");
    case RunQuery::Sort::Mesh:
        return QStringLiteral("mesh");
    case RunQuery::Sort::RequestedRate:
        return QStringLiteral("requested_rate");
    case RunQuery::Sort::AchievedRate:
        return QStringLiteral("achieved_rate");
    case RunQuery::Sort::P50:
        return QStringLiteral("p50_ns");
    case RunQuery::Sort::P99:
        return QStringLiteral("p99_ns");
    case RunQuery::Sort::P999:
        return QStringLiteral("p999_ns");
    case RunQuery::Sort::ErrorPercent:
        return QStringLiteral("error_pct");
    }
    return QStringLiteral("started");
}

QString likePattern(const QString &filter)
{
    QString escaped = filter;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

const QString FilterClause = QStringLiteral(
    " WHERE (name LIKE :f ESCAPE '\\' OR profile LIKE :f ESCAPE '\\' OR mesh LIKE :f ESCAPE '\\'"
    " OR url LIKE :f ESCAPE '\\' OR generator LIKE :f ESCAPE '\\' OR labels LIKE :f ESCAPE '\\')");

} // namespace

ResultStore::ResultStore(QString path, QString connection, Mode mode)
    : m_path(std::move(path))
    , m_connection(std::move(connection))
    , m_mode(mode)
{
}

ResultStore::~ResultStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString ResultStore::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("results.sqlite"));
}

Error ResultStore::sqlError(const QString &what, const QSqlError &error) const
{
    const QString text = error.text();
    const QString detail = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(m_path), text);
    // SQLite's result code (the primary code is the low byte of an extended one); the text is
    // the fallback for errors the driver raises itself.
    bool numeric = false;
    const int code = error.nativeErrorCode().toInt(&numeric) & 0xff;
    const auto is
        = [&](std::initializer_list<int> codes, std::initializer_list<const char *> words) {
              if (numeric && code != 0)
                  return std::find(codes.begin(), codes.end(), code) != codes.end();
              for (const char *w : words)
                  if (text.contains(QLatin1String(w), Qt::CaseInsensitive))
                      return true;
              return false;
          };
    if (is({5, 6}, {"locked", "busy"})) // SQLITE_BUSY, SQLITE_LOCKED
        return Error(ErrorCode::Conflict,
                     tr("%1: the results database is in use by another program (another Meshdeck "
                        "window?). Close it, or wait for its run to finish, and try again.")
                         .arg(what),
                     detail, true);
    if (is({13}, {"full"})) // SQLITE_FULL
        return Error(ErrorCode::IoError,
                     tr("%1: the disk is full. Nothing was written; free some space and try again, "
                        "or save the run to a file elsewhere.")
                         .arg(what),
                     detail, true);
    if (is({11, 26}, {"malformed", "not a database", "corrupt"})) // SQLITE_CORRUPT, SQLITE_NOTADB
        return Error(ErrorCode::ParseError,
                     tr("%1: the results database %2 is damaged. Move it aside and start a fresh "
                        "one; the damaged file is kept for recovery.")
                         .arg(what, QDir::toNativeSeparators(m_path)),
                     detail);
    if (is({8}, {"readonly", "read-only"})) // SQLITE_READONLY
        return Error(ErrorCode::Forbidden,
                     tr("%1: the results database is open read-only.").arg(what), detail);
    return Error(ErrorCode::IoError, tr("%1 failed.").arg(what), detail);
}

Result<std::unique_ptr<ResultStore>> ResultStore::open(const QString &path, Mode mode)
{
    const QString connection
        = QStringLiteral("meshdeck-store-%1").arg(s_connections.fetchAndAddRelaxed(1));
    std::unique_ptr<ResultStore> store(new ResultStore(path, connection, mode));
    if (QFileInfo(path).isDir())
        return Unexpected(Error(ErrorCode::InvalidArgument,
                                tr("The results database path %1 is a folder, not a file. Give "
                                   "a file name, for example %2.")
                                    .arg(QDir::toNativeSeparators(path),
                                         QDir::toNativeSeparators(QDir(path).filePath(
                                             QStringLiteral("results.sqlite"))))));
    // SQLite keeps a WAL database's journal (-wal, -shm) beside it: in a folder this user may
    // not write, the database cannot take writes, and is read as an immutable file instead.
    const QString folder = QFileInfo(path).absolutePath();
    const bool folderWritable = !QFileInfo::exists(folder) || QFileInfo(folder).isWritable();
    if (mode == Mode::ReadWrite && QFileInfo::exists(path) && !folderWritable)
        return Unexpected(
            Error(ErrorCode::Conflict,
                  tr("The folder of the results database %1 is not writable, and SQLite keeps its "
                     "journal beside the database: the runs are shown read-only. To add runs, make "
                     "the folder writable or choose a database in a writable folder.")
                      .arg(QDir::toNativeSeparators(path))));
    if (mode == Mode::ReadWrite) {
        // The database holds run URLs and profiles: the user's alone (folder 0700, files 0600;
        // SQLite gives its -wal and -shm files the database's mode).
        const QString folder = QFileInfo(path).absolutePath();
        const bool ours
            = !QFileInfo::exists(folder) || folder == QFileInfo(defaultPath()).absolutePath();
        if (ours ? !PrivateFiles::ensureFolder(folder) : !QDir().mkpath(folder))
            return Unexpected(Error(ErrorCode::IoError,
                                    tr("Cannot create the folder for the results database %1.")
                                        .arg(QDir::toNativeSeparators(path))));
        if (QFileInfo::exists(path) || QFileInfo(folder).isWritable()) {
            if (!PrivateFiles::ensureFile(path) && !QFileInfo::exists(path))
                return Unexpected(Error(ErrorCode::IoError,
                                        tr("Cannot create the results database %1: the folder "
                                           "is not writable.")
                                            .arg(QDir::toNativeSeparators(path))));
            PrivateFiles::restrict(path + QStringLiteral("-wal"));
            PrivateFiles::restrict(path + QStringLiteral("-shm"));
        }
    }
    if (mode == Mode::ReadOnly && !QFileInfo::exists(path))
        return Unexpected(
            Error(ErrorCode::NotFound,
                  tr("There is no results database at %1.").arg(QDir::toNativeSeparators(path))));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=1500");
        if (mode == Mode::ReadOnly)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        if (mode == Mode::ReadOnly && !folderWritable) {
            // No journal can be made here (and so no writer can be at work): read the file as
            // it is, without the locks that would need one.
            db.setDatabaseName(QStringLiteral("file:%1?immutable=1")
                                   .arg(QString::fromLatin1(QUrl::toPercentEncoding(
                                       QFileInfo(path).absoluteFilePath(), "/"))));
            options += QStringLiteral(";QSQLITE_OPEN_URI");
        } else {
            db.setDatabaseName(path);
        }
        db.setConnectOptions(options);
        if (!db.open())
            return Unexpected(store->sqlError(tr("Opening the results database"), db.lastError()));
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
            return Unexpected(store->sqlError(tr("Opening the results database"), q.lastError()));
        store->m_fileVersion = q.value(0).toInt();
        // The header reads even when pages are damaged: look at the schema too.
        if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !q.next())
            return Unexpected(store->sqlError(tr("Opening the results database"), q.lastError()));
        if (store->m_fileVersion > SchemaVersion) {
            if (mode == Mode::ReadWrite)
                return Unexpected(Error(
                    ErrorCode::Unsupported,
                    tr("The results database %1 was written by a newer Meshdeck (schema %2; this "
                       "version knows %3). It is opened read-only; update Meshdeck to add runs.")
                        .arg(QDir::toNativeSeparators(path))
                        .arg(store->m_fileVersion)
                        .arg(SchemaVersion)));
        }
        if (mode == Mode::ReadWrite) {
            q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
            q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
            q.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
        }
    }
    if (mode == Mode::ReadWrite) {
        if (const VoidResult m = store->migrate(); !m)
            return Unexpected(m.error());
    }
    return store;
}

VoidResult ResultStore::migrate()
{
    if (m_fileVersion >= SchemaVersion)
        return {};
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return Unexpected(sqlError(tr("Preparing the results database"), q.lastError()));
    for (int v = m_fileVersion; v < SchemaVersion; ++v) {
        for (const QString &statement : migrations().at(v)) {
            if (!q.exec(statement)) {
                const Error e = sqlError(tr("Preparing the results database"), q.lastError());
                q.exec(QStringLiteral("ROLLBACK"));
                return Unexpected(e);
            }
        }
    }
    if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(SchemaVersion))
        || !q.exec(QStringLiteral("COMMIT"))) {
        const Error e = sqlError(tr("Preparing the results database"), q.lastError());
        q.exec(QStringLiteral("ROLLBACK"));
        return Unexpected(e);
    }
    m_fileVersion = SchemaVersion;
    return {};
}

Result<QString> ResultStore::moveAside(const QString &path)
{
    const QString aside = path + QStringLiteral(".damaged-")
        + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss"));
    if (QFile::exists(path) && !QFile::rename(path, aside))
        return Unexpected(Error(ErrorCode::IoError,
                                tr("Cannot move %1 aside.").arg(QDir::toNativeSeparators(path))));
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString extra = path + QLatin1String(suffix);
        if (QFile::exists(extra))
            QFile::rename(extra, aside + QLatin1String(suffix));
    }
    return aside;
}

void ResultStore::setMaxPageCount(int pages)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages));
}

VoidResult ResultStore::insertRun(const RunResult &run, const QString &profile)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO runs (id, name, profile, mesh, generator, url, started,"
        " requested_rate, achieved_rate, p50_ns, p90_ns, p99_ns, p999_ns, error_pct, responses,"
        " cancelled, labels) VALUES (:id, :name, :profile, :mesh, :generator, :url, :started,"
        " :requested, :achieved, :p50, :p90, :p99, :p999, :err, :responses, :cancelled, :labels)"));
    const LoadReport &r = run.report;
    const auto p = r.corrected.percentilesNs({50, 90, 99, 99.9});
    QStringList labels;
    for (auto it = run.labels.begin(); it != run.labels.end(); ++it)
        labels << it.key() + QLatin1Char('=') + it.value();
    q.bindValue(QStringLiteral(":id"), run.id);
    q.bindValue(QStringLiteral(":name"), run.name);
    q.bindValue(QStringLiteral(":profile"),
                profile.isEmpty() ? run.labels.value(QStringLiteral("profile")) : profile);
    q.bindValue(QStringLiteral(":mesh"),
                run.mesh.type.isEmpty() ? run.labels.value(QStringLiteral("mesh")) : run.mesh.type);
    q.bindValue(QStringLiteral(":generator"), generatorName(run.generator));
    q.bindValue(QStringLiteral(":url"),
                QString::fromStdString(SpecSecrets::redactUrl(run.spec.url)));
    q.bindValue(QStringLiteral(":started"),
                run.start.isValid() ? run.start.toMSecsSinceEpoch() : 0);
    q.bindValue(QStringLiteral(":requested"), r.requestedRate);
    q.bindValue(QStringLiteral(":achieved"), r.achievedRate);
    q.bindValue(QStringLiteral(":p50"), static_cast<qint64>(p[0]));
    q.bindValue(QStringLiteral(":p90"), static_cast<qint64>(p[1]));
    q.bindValue(QStringLiteral(":p99"), static_cast<qint64>(p[2]));
    q.bindValue(QStringLiteral(":p999"), static_cast<qint64>(p[3]));
    q.bindValue(QStringLiteral(":err"), r.errorShare() * 100.0);
    q.bindValue(QStringLiteral(":responses"), static_cast<qint64>(r.counters.responses));
    q.bindValue(QStringLiteral(":cancelled"), r.cancelled ? 1 : 0);
    q.bindValue(QStringLiteral(":labels"), labels.join(QLatin1Char(';')));
    if (!q.exec())
        return Unexpected(sqlError(tr("Saving the run"), q.lastError()));
    QSqlQuery blob(db);
    blob.prepare(
        QStringLiteral("INSERT OR REPLACE INTO run_results (id, result) VALUES (:id, :r)"));
    blob.bindValue(QStringLiteral(":id"), run.id);
    blob.bindValue(QStringLiteral(":r"), ResultCodec::encode(run));
    if (!blob.exec())
        return Unexpected(sqlError(tr("Saving the run"), blob.lastError()));
    return {};
}

VoidResult ResultStore::saveRun(const RunResult &run, const QString &profile)
{
    if (profile.isEmpty())
        return saveRuns({run});
    RunResult labelled = run;
    labelled.labels.insert(QStringLiteral("profile"), profile);
    return saveRuns({labelled});
}

VoidResult ResultStore::saveRuns(const QList<RunResult> &runs)
{
    if (readOnly())
        return Unexpected(Error(ErrorCode::Forbidden,
                                tr("The results database is open read-only; save the run to a "
                                   "file instead.")));
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return Unexpected(sqlError(tr("Saving the run"), q.lastError()));
    for (const RunResult &run : runs) {
        if (const VoidResult r = insertRun(run, {}); !r) {
            q.exec(QStringLiteral("ROLLBACK"));
            return r;
        }
    }
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const Error e = sqlError(tr("Saving the run"), q.lastError());
        q.exec(QStringLiteral("ROLLBACK"));
        return Unexpected(e);
    }
    return {};
}

Result<RunResult> ResultStore::loadRun(const QString &id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT result FROM run_results WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    if (!q.exec())
        return Unexpected(sqlError(tr("Reading the run"), q.lastError()));
    if (!q.next())
        return Unexpected(Error(ErrorCode::NotFound, tr("There is no run %1.").arg(id)));
    return ResultCodec::decode(q.value(0).toByteArray());
}

VoidResult ResultStore::deleteRuns(const QStringList &ids)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return Unexpected(sqlError(tr("Deleting runs"), q.lastError()));
    QSqlQuery del(db);
    for (const QString &table : {QStringLiteral("run_results"), QStringLiteral("runs")}) {
        del.prepare(QStringLiteral("DELETE FROM %1 WHERE id = :id").arg(table));
        for (const QString &id : ids) {
            del.bindValue(QStringLiteral(":id"), id);
            if (!del.exec()) {
                const Error e = sqlError(tr("Deleting runs"), del.lastError());
                q.exec(QStringLiteral("ROLLBACK"));
                return Unexpected(e);
            }
        }
    }
    if (!q.exec(QStringLiteral("COMMIT")))
        return Unexpected(sqlError(tr("Deleting runs"), q.lastError()));
    return {};
}

Result<QList<RunSummary>> ResultStore::listRuns(const RunQuery &query) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    QString sql = QStringLiteral(
        "SELECT id, name, profile, mesh, generator, url, started, requested_rate, achieved_rate,"
        " p50_ns, p90_ns, p99_ns, p999_ns, error_pct, responses, cancelled FROM runs");
    if (!query.filter.isEmpty())
        sql += FilterClause;
    sql += QStringLiteral(" ORDER BY %1 %2, id %2")
               .arg(sortColumn(query.sort),
                    query.descending ? QStringLiteral("DESC") : QStringLiteral("ASC"));
    sql += QStringLiteral(" LIMIT %1 OFFSET %2").arg(query.limit).arg(std::max(0, query.offset));
    q.prepare(sql);
    if (!query.filter.isEmpty())
        q.bindValue(QStringLiteral(":f"), likePattern(query.filter));
    if (!q.exec())
        return Unexpected(sqlError(tr("Listing runs"), q.lastError()));
    QList<RunSummary> out;
    while (q.next()) {
        RunSummary s;
        s.id = q.value(0).toString();
        s.name = q.value(1).toString();
        s.profile = q.value(2).toString();
        s.mesh = q.value(3).toString();
        s.generator = q.value(4).toString();
        s.url = q.value(5).toString();
        s.started = QDateTime::fromMSecsSinceEpoch(q.value(6).toLongLong(), Qt::UTC);
        s.requestedRate = q.value(7).toDouble();
        s.achievedRate = q.value(8).toDouble();
        s.p50Ns = q.value(9).toLongLong();
        s.p90Ns = q.value(10).toLongLong();
        s.p99Ns = q.value(11).toLongLong();
        s.p999Ns = q.value(12).toLongLong();
        s.errorPercent = q.value(13).toDouble();
        s.responses = q.value(14).toLongLong();
        s.cancelled = q.value(15).toInt() != 0;
        out.append(s);
    }
    return out;
}

Result<int> ResultStore::countRuns(const QString &filter) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT count(*) FROM runs")
              + (filter.isEmpty() ? QString() : FilterClause));
    if (!filter.isEmpty())
        q.bindValue(QStringLiteral(":f"), likePattern(filter));
    if (!q.exec() || !q.next())
        return Unexpected(sqlError(tr("Counting runs"), q.lastError()));
    return q.value(0).toInt();
}

VoidResult ResultStore::saveProfile(const LoadProfile &profile)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO profiles (name, spec, updated) VALUES (:name, :spec, :updated)"));
    q.bindValue(QStringLiteral(":name"), profile.name);
    // Secret values never rest here: the keyring keeps them (ProfileSecrets).
    LoadProfile stored = profile;
    stored.spec = SpecSecrets::redacted(profile.spec);
    q.bindValue(QStringLiteral(":spec"),
                QString::fromUtf8(QJsonDocument(stored.toJson()).toJson(QJsonDocument::Compact)));
    q.bindValue(QStringLiteral(":updated"), QDateTime::currentMSecsSinceEpoch());
    if (!q.exec())
        return Unexpected(sqlError(tr("Saving the profile"), q.lastError()));
    return {};
}

Result<QList<LoadProfile>> ResultStore::profiles() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QStringLiteral("SELECT spec, updated FROM profiles ORDER BY name COLLATE NOCASE")))
        return Unexpected(sqlError(tr("Reading profiles"), q.lastError()));
    QList<LoadProfile> out;
    while (q.next()) {
        auto p = LoadProfile::fromJson(QJsonDocument::fromJson(q.value(0).toByteArray()).object());
        if (!p)
            continue; // a profile this version cannot read is skipped, not fatal
        p->updated = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
        out.append(p.value());
    }
    return out;
}

VoidResult ResultStore::deleteProfile(const QString &name)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("DELETE FROM profiles WHERE name = :name"));
    q.bindValue(QStringLiteral(":name"), name);
    if (!q.exec())
        return Unexpected(sqlError(tr("Deleting the profile"), q.lastError()));
    return {};
}

void ResultStore::recordOperationAt(const QString &path, const QString &kind, const QString &target,
                                    const QDateTime &started, bool ok, const QJsonArray &steps)
{
    if (path.isEmpty())
        return;
    auto store = open(path);
    if (!store)
        return;
    Operation op;
    op.kind = kind;
    op.target = target;
    op.started = started.isValid() ? started : QDateTime::currentDateTimeUtc();
    op.finished = QDateTime::currentDateTimeUtc();
    op.outcome = ok ? QStringLiteral("succeeded") : QStringLiteral("failed");
    op.steps = QString::fromUtf8(QJsonDocument(steps).toJson(QJsonDocument::Compact));
    (void)store.value()->recordOperation(op);
}

VoidResult ResultStore::recordOperation(Operation &op)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(
        QStringLiteral("INSERT INTO operations (kind, target, started, finished, outcome, "
                       "steps) VALUES (:kind, :target, :started, :finished, :outcome, :steps)"));
    q.bindValue(QStringLiteral(":kind"), op.kind);
    q.bindValue(QStringLiteral(":target"), op.target);
    q.bindValue(QStringLiteral(":started"), op.started.toMSecsSinceEpoch());
    q.bindValue(QStringLiteral(":finished"),
                op.finished.isValid() ? QVariant(op.finished.toMSecsSinceEpoch()) : QVariant());
    q.bindValue(QStringLiteral(":outcome"), op.outcome);
    q.bindValue(QStringLiteral(":steps"), op.steps);
    if (!q.exec())
        return Unexpected(sqlError(tr("Recording the operation"), q.lastError()));
    op.id = q.lastInsertId().toLongLong();
    return {};
}

Result<QList<ResultStore::Operation>> ResultStore::operations(int limit) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT id, kind, target, started, finished, outcome, steps FROM "
                             "operations ORDER BY started DESC LIMIT %1")
                  .arg(limit));
    if (!q.exec())
        return Unexpected(sqlError(tr("Reading the operation history"), q.lastError()));
    QList<Operation> out;
    while (q.next()) {
        Operation op;
        op.id = q.value(0).toLongLong();
        op.kind = q.value(1).toString();
        op.target = q.value(2).toString();
        op.started = QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC);
        if (!q.value(4).isNull())
            op.finished = QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), Qt::UTC);
        op.outcome = q.value(5).toString();
        op.steps = q.value(6).toString();
        out.append(op);
    }
    return out;
}

} // namespace Meshdeck
