// ResultsController: the results database and files through one object on one worker. Imports
// (good, damaged, missing files), exports (one file per run, an unwritable folder), deletes,
// profiles and the history; no database at all; and a controller that goes away with work
// still queued.
#include "../support/sampleruns.h"

#include <models/resultscontroller.h>
#include <models/runstablemodel.h>
#include <proto/resultcodec.h>
#include <store/resultstore.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Meshdeck;

class tst_ResultsController : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // A database with `n` runs, opened read-write.
    std::unique_ptr<ResultStore> storeWith(const QString &name, int n, QStringList *ids = nullptr)
    {
        auto store = ResultStore::open(m_dir.filePath(name)).value();
        for (int i = 0; i < n; ++i) {
            const Perf::RunResult run
                = TestSupport::sampleRun(QStringLiteral("run %1").arg(i), 4 + i, 20000, i + 1);
            if (ids)
                *ids << run.id;
            (void)store->saveRun(run);
        }
        return store;
    }

private Q_SLOTS:
    void importGoodAndBadFiles()
    {
        auto store = storeWith(QStringLiteral("import.sqlite"), 0);
        ResultsController c;
        c.setStore(store.get(), m_dir.filePath(QStringLiteral("import.sqlite")), QString());
        QCOMPARE(c.runs()->rowCount(), 0);
        QSignalSpy done(&c, &ResultsController::fileWorkFinished);

        // A damaged file among good ones: nothing is imported, and the message says why.
        const QString good = m_dir.filePath(QStringLiteral("good.pb"));
        QVERIFY(ResultCodec::writeFile(good, TestSupport::sampleRun(QStringLiteral("a"), 5, 1000))
                    .ok());
        const QString damaged = m_dir.filePath(QStringLiteral("damaged.pb"));
        QFile f(damaged);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("\x0a\xff\xff\xff garbage");
        f.close();
        c.importFiles({good, damaged});
        QVERIFY(c.busy());
        QVERIFY(done.wait(5000));
        QVERIFY(!c.busy());
        QVERIFY2(done.last().at(1).toString().startsWith(QStringLiteral("Nothing was imported")),
                 qPrintable(done.last().at(1).toString()));
        QCOMPARE(c.runs()->rowCount(), 0);

        // A file that is not there.
        c.importFiles({m_dir.filePath(QStringLiteral("absent.pb"))});
        QVERIFY(done.wait(5000));
        QVERIFY(!done.last().at(1).toString().isEmpty());

        // The good one alone: the table shows it once the work is done.
        c.importFiles({good});
        QVERIFY(done.wait(5000));
        QVERIFY2(done.last().at(1).toString().isEmpty(), qPrintable(done.last().at(1).toString()));
        QCOMPARE(c.runs()->rowCount(), 1);
    }

    void exportOneFilePerRunAndDelete()
    {
        QStringList ids;
        auto store = storeWith(QStringLiteral("export.sqlite"), 3, &ids);
        ResultsController c;
        c.setStore(store.get(), m_dir.filePath(QStringLiteral("export.sqlite")), QString());
        QCOMPARE(c.runs()->rowCount(), 3);
        QSignalSpy done(&c, &ResultsController::fileWorkFinished);
        const QString path = m_dir.filePath(QStringLiteral("out/results.fortio.json"));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("out"))));
        c.exportRuns(ids, path);
        QVERIFY(done.wait(5000));
        QVERIFY2(done.last().at(1).toString().isEmpty(), qPrintable(done.last().at(1).toString()));
        QCOMPARE(done.last().at(2).toString(), path);
        const QStringList written
            = QDir(m_dir.filePath(QStringLiteral("out"))).entryList(QDir::Files, QDir::Name);
        QCOMPARE(written.size(), 3);
        for (const QString &name : written)
            QVERIFY2(name.endsWith(QStringLiteral(".fortio.json")), qPrintable(name));

        // Into a folder that does not exist: the reason.
        c.exportRuns(ids, m_dir.filePath(QStringLiteral("nowhere/x.json")));
        QVERIFY(done.wait(5000));
        QVERIFY2(done.last().at(1).toString().contains(QStringLiteral("Cannot write")),
                 qPrintable(done.last().at(1).toString()));

        c.deleteRuns(ids.mid(0, 2));
        QVERIFY(done.wait(5000));
        QVERIFY(done.last().at(1).toString().isEmpty());
        QCOMPARE(c.runs()->rowCount(), 1);
        QCOMPARE(store->countRuns().value(), 1);
    }

    void profilesAndHistory()
    {
        auto store = storeWith(QStringLiteral("profiles.sqlite"), 0);
        const QString path = m_dir.filePath(QStringLiteral("profiles.sqlite"));
        ResultStore::recordOperationAt(path, QStringLiteral("install"), QStringLiteral("Istio"),
                                       QDateTime::currentDateTimeUtc(), true, QJsonArray());
        ResultsController c;
        QSignalSpy profiles(&c, &ResultsController::profilesChanged);
        QSignalSpy history(&c, &ResultsController::historyChanged);
        c.setStore(store.get(), path, QString());
        QVERIFY(!c.busy()); // refreshing caches is not work a user waits for
        QVERIFY(history.wait(5000));
        QCOMPARE(c.history().size(), 1);
        QCOMPARE(c.history().first().kind, QStringLiteral("install"));

        Perf::LoadProfile p;
        p.name = QStringLiteral("steady 200");
        p.spec.url = "http://127.0.0.1:9/";
        p.spec.rate = 200;
        const int before = static_cast<int>(profiles.size());
        c.saveProfile(p);
        QTRY_VERIFY(profiles.size() > before && !c.profiles().isEmpty());
        QCOMPARE(c.profiles().first().name, p.name);
        c.deleteProfile(p.name);
        QTRY_VERIFY(c.profiles().isEmpty());
    }

    // No database: every request answers with the reason instead of touching a file.
    void noDatabase()
    {
        ResultsController c;
        c.setStore(nullptr, QString(), QStringLiteral("the results database is damaged"));
        QVERIFY(!c.hasStore());
        QVERIFY(!c.writable());
        QCOMPARE(c.problem(), QStringLiteral("the results database is damaged"));
        QSignalSpy failed(&c, &ResultsController::loadFailed);
        c.compare({QStringLiteral("x"), QStringLiteral("y")});
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.last().at(1).toString().contains(QStringLiteral("No results database")));
        QSignalSpy done(&c, &ResultsController::fileWorkFinished);
        c.importFiles({m_dir.filePath(QStringLiteral("absent.pb"))});
        QVERIFY(done.wait(5000));
        QVERIFY(!done.last().at(1).toString().isEmpty());
    }

    // The controller goes away with work queued: it waits for the worker, nothing is delivered
    // to a dead object, and the file that was being written is whole.
    void destroyedWithWorkQueued()
    {
        QStringList ids;
        auto store = storeWith(QStringLiteral("queued.sqlite"), 2, &ids);
        const QString out = m_dir.filePath(QStringLiteral("queued.json"));
        {
            ResultsController c;
            c.setStore(store.get(), m_dir.filePath(QStringLiteral("queued.sqlite")), QString());
            for (int i = 0; i < 5; ++i)
                c.compare(ids);
            c.writeFile(QStringLiteral("Export"), out, QByteArray(100000, 'x'));
        }
        QCOMPARE(QFileInfo(out).size(), 100000);
    }
};

QTEST_MAIN(tst_ResultsController)
#include "tst_resultscontroller.moc"
