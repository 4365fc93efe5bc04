// The results database on a real SQLite file: round trips, queries, profiles, operations, and
// every bad input: damage, a lock held by another process, a newer schema, a full disk.
#include "support/sampleruns.h"

#include <store/resultstore.h>

#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Meshdeck;
using namespace Meshdeck::Perf;
using TestSupport::sampleRun;

class tst_ResultStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void roundTripAndQueries()
    {
        auto store = ResultStore::open(path("a.sqlite"));
        QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().toString()));
        QCOMPARE(store.value()->schemaVersion(), ResultStore::SchemaVersion);
        RunResult fast = sampleRun(QStringLiteral("baseline"), 2.0, 10000, 1);
        RunResult slow
            = sampleRun(QStringLiteral("with istio"), 3.0, 10000, 2, QStringLiteral("istio"));
        RunResult slower
            = sampleRun(QStringLiteral("with linkerd"), 2.5, 10000, 3, QStringLiteral("linkerd"));
        QVERIFY(store.value()->saveRun(fast, QStringLiteral("productpage")).ok());
        QVERIFY(store.value()->saveRuns({slow, slower}).ok());
        QCOMPARE(store.value()->countRuns().value(), 3);

        const auto back = store.value()->loadRun(slow.id);
        QVERIFY(back.ok());
        QVERIFY(back->report.corrected == slow.report.corrected);
        QCOMPARE(back->name, slow.name);

        RunQuery byP99;
        byP99.sort = RunQuery::Sort::P99;
        byP99.descending = false;
        const auto ordered = store.value()->listRuns(byP99).value();
        QCOMPARE(ordered.size(), 3);
        QCOMPARE(ordered[0].name, QStringLiteral("baseline"));
        QCOMPARE(ordered[2].name, QStringLiteral("with istio"));
        QVERIFY(ordered[0].p99Ns < ordered[1].p99Ns);
        QCOMPARE(ordered[0].profile, QStringLiteral("productpage"));

        RunQuery filtered;
        filtered.filter = QStringLiteral("linkerd");
        QCOMPARE(store.value()->listRuns(filtered)->size(), 1);
        QCOMPARE(store.value()->countRuns(QStringLiteral("mesh=istio")).value(), 1); // labels
        QCOMPARE(store.value()->countRuns(QStringLiteral("100%")).value(), 0); // escaped
        RunQuery paged;
        paged.limit = 2;
        paged.offset = 2;
        QCOMPARE(store.value()->listRuns(paged)->size(), 1);

        QVERIFY(store.value()->deleteRuns({fast.id}).ok());
        QCOMPARE(store.value()->countRuns().value(), 2);
        QCOMPARE(store.value()->loadRun(fast.id).error().code(), ErrorCode::NotFound);
    }

    void profilesAndOperations()
    {
        auto store = ResultStore::open(path("b.sqlite")).value();
        LoadProfile p;
        p.name = QStringLiteral("productpage 200/s");
        p.spec.url = "http://127.0.0.1:9080/productpage";
        p.spec.mode = LoadSpec::Mode::ConstantRate;
        p.spec.rate = 200;
        p.spec.headers = {{"X-A", "1"}};
        p.generator = Generator::Wrk;
        p.labels.insert(QStringLiteral("mesh"), QStringLiteral("istio"));
        QVERIFY(store->saveProfile(p).ok());
        p.spec.rate = 300; // saving again replaces
        QVERIFY(store->saveProfile(p).ok());
        const auto all = store->profiles().value();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all[0].spec.rate, 300.0);
        QCOMPARE(all[0].spec.headers, p.spec.headers);
        QCOMPARE(all[0].generator, Generator::Wrk);
        QCOMPARE(all[0].labels, p.labels);
        QVERIFY(all[0].updated.isValid());
        QVERIFY(store->deleteProfile(p.name).ok());
        QVERIFY(store->profiles()->isEmpty());

        ResultStore::Operation op;
        op.kind = QStringLiteral("install");
        op.target = QStringLiteral("istio 1.22 (demo)");
        op.started = QDateTime::currentDateTimeUtc();
        op.finished = op.started.addSecs(12);
        op.outcome = QStringLiteral("failed");
        op.steps = QStringLiteral("[{\"step\":\"apply CRDs\",\"output\":\"exit status 1 ...\"}]");
        QVERIFY(store->recordOperation(op).ok());
        QVERIFY(op.id > 0);
        const auto ops = store->operations().value();
        QCOMPARE(ops.size(), 1);
        QCOMPARE(ops[0].steps, op.steps); // failures keep their full output
    }

    void damagedFileIsReportedAndCanBeMovedAside()
    {
        const QString file = path("damaged.sqlite");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, '\x5a'));
        f.close();
        const auto store = ResultStore::open(file);
        QVERIFY(!store.ok());
        QCOMPARE(store.error().code(), ErrorCode::ParseError);
        QVERIFY2(store.error().message().contains(QStringLiteral("damaged")),
                 qPrintable(store.error().message()));
        const auto aside = ResultStore::moveAside(file);
        QVERIFY(aside.ok());
        QVERIFY(QFile::exists(aside.value()));
        QCOMPARE(QFileInfo(aside.value()).size(), 8192);
        auto fresh = ResultStore::open(file);
        QVERIFY(fresh.ok());
        QCOMPARE(fresh.value()->countRuns().value(), 0);
    }

    void truncatedDatabaseIsDamaged()
    {
        const QString file = path("truncated.sqlite");
        {
            auto store = ResultStore::open(file).value();
            QList<RunResult> runs;
            for (int i = 0; i < 50; ++i)
                runs << sampleRun(QStringLiteral("r%1").arg(i), 2, 50000, i + 1);
            QVERIFY(store->saveRuns(runs).ok());
        }
        QFile f(file);
        QVERIFY(f.size() > 16384);
        QVERIFY(f.resize(f.size() / 3));
        QFile::remove(file + QStringLiteral("-wal"));
        auto store = ResultStore::open(file, ResultStore::Mode::ReadOnly);
        if (store.ok()) {
            // The header survived: the damage shows when the data is read, with the same advice.
            RunQuery all;
            const auto runs = store.value()->listRuns(all);
            bool damaged = !runs.ok();
            for (const auto &s : runs.ok() ? runs.value() : QList<RunSummary> {})
                damaged |= !store.value()->loadRun(s.id).ok();
            QVERIFY(damaged);
        } else {
            QCOMPARE(store.error().code(), ErrorCode::ParseError);
        }
    }

    void lockedByAnotherWriter()
    {
        const QString file = path("locked.sqlite");
        auto store = ResultStore::open(file).value();
        {
            QSqlDatabase other
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            other.setDatabaseName(file);
            QVERIFY(other.open());
            QSqlQuery q(other);
            QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            QElapsedTimer clock;
            clock.start();
            const VoidResult saved = store->saveRun(sampleRun(QStringLiteral("blocked"), 2, 1000));
            QVERIFY(!saved.ok());
            QCOMPARE(saved.error().code(), ErrorCode::Conflict);
            QVERIFY(saved.error().message().contains(QStringLiteral("another")));
            QVERIFY(clock.elapsed() < 5000);
            q.exec(QStringLiteral("ROLLBACK"));
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        QVERIFY(store->saveRun(sampleRun(QStringLiteral("later"), 2, 1000)).ok());
        QCOMPARE(store->countRuns().value(), 1);
    }

    void newerSchemaOpensReadOnly()
    {
        const QString file = path("newer.sqlite");
        {
            auto store = ResultStore::open(file).value();
            QVERIFY(store->saveRun(sampleRun(QStringLiteral("old run"), 2, 1000)).ok());
        }
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bump"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 99"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bump"));
        const auto rw = ResultStore::open(file);
        QVERIFY(!rw.ok());
        QCOMPARE(rw.error().code(), ErrorCode::Unsupported);
        QVERIFY(rw.error().message().contains(QStringLiteral("newer")));
        auto ro = ResultStore::open(file, ResultStore::Mode::ReadOnly);
        QVERIFY(ro.ok());
        QVERIFY(ro.value()->readOnly());
        QCOMPARE(ro.value()->countRuns().value(), 1);
        const VoidResult saved = ro.value()->saveRun(sampleRun(QStringLiteral("new"), 2, 100));
        QCOMPARE(saved.error().code(), ErrorCode::Forbidden);
    }

    void fullDiskRollsBack()
    {
        auto store = ResultStore::open(path("full.sqlite")).value();
        QVERIFY(store->saveRun(sampleRun(QStringLiteral("fits"), 2, 1000)).ok());
        store->setMaxPageCount(1); // the next page cannot be allocated: SQLITE_FULL
        QList<RunResult> batch;
        for (int i = 0; i < 20; ++i)
            batch << sampleRun(QStringLiteral("too much %1").arg(i), 3, 100000, i + 10);
        const VoidResult saved = store->saveRuns(batch);
        QVERIFY(!saved.ok());
        QVERIFY2(saved.error().message().contains(QStringLiteral("full")),
                 qPrintable(saved.error().message()));
        QVERIFY(saved.error().retryable());
        store->setMaxPageCount(1 << 30);
        QCOMPARE(store->countRuns().value(), 1); // nothing of the batch landed
        QVERIFY(store->saveRuns(batch).ok()); // the runs were kept by the caller: save again
        QCOMPARE(store->countRuns().value(), 21);
    }
};

QTEST_GUILESS_MAIN(tst_ResultStore)
#include "tst_resultstore.moc"
