// ResultsController: the results database and files through one object on one worker. Imports
// (good, damaged, missing files), exports (one file per run, an unwritable folder), deletes,
// profiles and the history; no database at all; and a controller that goes away with work
// still queued.
#include "../support/databaselock.h"
#include "../support/sampleruns.h"
#include "../support/stallprobe.h"

#include <models/resultscontroller.h>
#include <models/runstablemodel.h>
#include <proto/resultcodec.h>
#include <store/resultstore.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
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
        QTRY_COMPARE(c.runs()->rowCount(), 0);
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
        QTRY_COMPARE(c.runs()->rowCount(), 0);

        // A file that is not there.
        c.importFiles({m_dir.filePath(QStringLiteral("absent.pb"))});
        QVERIFY(done.wait(5000));
        QVERIFY(!done.last().at(1).toString().isEmpty());

        // The good one alone: the table shows it once the work is done.
        c.importFiles({good});
        QVERIFY(done.wait(5000));
        QVERIFY2(done.last().at(1).toString().isEmpty(), qPrintable(done.last().at(1).toString()));
        QTRY_COMPARE(c.runs()->rowCount(), 1);
    }

    void exportOneFilePerRunAndDelete()
    {
        QStringList ids;
        auto store = storeWith(QStringLiteral("export.sqlite"), 3, &ids);
        ResultsController c;
        c.setStore(store.get(), m_dir.filePath(QStringLiteral("export.sqlite")), QString());
        QTRY_COMPARE(c.runs()->rowCount(), 3);
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
        QTRY_COMPARE(c.runs()->rowCount(), 1);
        QCOMPARE(store->countRuns().value(), 1);
    }

    void runsTableNeverWaitsOnTheGuiThread()
    {
        // Another program holds the database locked (a long write, a tool that opened it
        // exclusively): the table's reader waits for it on its own thread, the window does not,
        // and the table says why it is empty. Released, a reload shows the runs.
        const QString path = m_dir.filePath(QStringLiteral("locked.sqlite"));
        storeWith(QStringLiteral("locked.sqlite"), 2).reset();
        RunsTableModel model;
        QSignalSpy loaded(&model, &RunsTableModel::loaded);
        {
            DatabaseLock lock(path);
            QVERIFY(lock.held());
            StallProbe probe;
            probe.start();
            model.setStorePath(path);
            QVERIFY(model.loading());
            QVERIFY(loaded.wait(15000));
            const qint64 stall = probe.stop();
            std::printf("GUI thread: longest stall while the database was locked: %lld ms\n",
                        static_cast<long long>(stall));
            QVERIFY2(stall < 500, "the GUI thread waited for a locked database");
            QVERIFY(!model.loading());
            QCOMPARE(model.rowCount(), 0);
            QVERIFY2(model.errorText().contains(QStringLiteral("in use by another program")),
                     qPrintable(model.errorText()));
        }
        model.reload();
        QVERIFY(loaded.wait(15000));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.totalCount(), 2);
        QVERIFY(model.errorText().isEmpty());
    }

    void pagesComeAsTheViewScrolls()
    {
        // 600 runs: a page of 256, then the next ones as the view asks, each once.
        const QString path = m_dir.filePath(QStringLiteral("pages.sqlite"));
        storeWith(QStringLiteral("pages.sqlite"), 600).reset();
        RunsTableModel model;
        QSignalSpy loaded(&model, &RunsTableModel::loaded);
        model.setStorePath(path);
        QVERIFY(!model.canFetchMore({})); // nothing to fetch before the first answer
        QVERIFY(loaded.wait(5000));
        QCOMPARE(model.totalCount(), 600);
        QCOMPARE(model.rowCount(), int(RunsTableModel::PageSize));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QVERIFY(!model.canFetchMore({})); // one page in flight at a time
        model.fetchMore({});
        QTRY_COMPARE(model.rowCount(), 2 * int(RunsTableModel::PageSize));
        QCOMPARE(inserted.size(), 1);
        model.fetchMore({});
        QTRY_COMPARE(model.rowCount(), 600);
        QVERIFY(!model.canFetchMore({}));
        QStringList ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids << model.runId(row);
        ids.removeDuplicates();
        QCOMPARE(ids.size(), 600);
        // A reload while a page is in flight: that page is dropped, the table starts over.
        model.reload();
        QVERIFY(loaded.wait(5000));
        QCOMPARE(model.rowCount(), int(RunsTableModel::PageSize));
        model.fetchMore({});
        model.reload();
        QVERIFY(loaded.wait(5000));
        QTest::qWait(100);
        QCOMPARE(model.rowCount(), int(RunsTableModel::PageSize));
    }

    void staleAnswersAreDropped()
    {
        // Filters typed one after another: only the last one's answer fills the table.
        const QString path = m_dir.filePath(QStringLiteral("typing.sqlite"));
        auto store = storeWith(QStringLiteral("typing.sqlite"), 3);
        ResultsController c;
        QSignalSpy loaded(c.runs(), &RunsTableModel::loaded);
        c.setStore(store.get(), path, QString());
        c.runs()->setFilter(QStringLiteral("run"));
        c.runs()->setFilter(QStringLiteral("run 1"));
        QVERIFY(loaded.wait(5000));
        QTest::qWait(100); // any older answer would have come by now
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(c.runs()->rowCount(), 1);
        QCOMPARE(c.runs()->data(c.runs()->index(0, RunsTableModel::Name)).toString(),
                 QStringLiteral("run 1"));
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

    // Opening happens on the worker: a good file opens writable with its runs in the table; a
    // damaged one says so and loses nothing until the user moves it aside for a fresh one; a
    // file another program holds locked is explained, and the GUI thread waits for none of it.
    void opensOffTheGuiThread()
    {
        const QString good = m_dir.filePath(QStringLiteral("open-good.sqlite"));
        storeWith(QStringLiteral("open-good.sqlite"), 2).reset();
        {
            ResultsController c;
            QSignalSpy opened(&c, &ResultsController::opened);
            c.open(good);
            QVERIFY(!c.hasStore()); // not yet: the worker opens it
            QVERIFY(opened.wait(5000));
            QCOMPARE(opened.last().at(0).toString(), good);
            QVERIFY(opened.last().at(1).toBool());
            QVERIFY(c.writable());
            QVERIFY(c.problem().isEmpty());
            QTRY_COMPARE(c.runs()->rowCount(), 2);
        }

        const QString damaged = m_dir.filePath(QStringLiteral("open-damaged.sqlite"));
        {
            QFile f(damaged);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(8192, 'x'));
        }
        {
            ResultsController c;
            QSignalSpy opened(&c, &ResultsController::opened);
            c.open(damaged);
            QVERIFY(opened.wait(5000));
            QVERIFY(!opened.last().at(1).toBool());
            QVERIFY(!c.hasStore());
            QVERIFY2(!c.problem().isEmpty(), "a damaged database is explained");
            QCOMPARE(QFileInfo(damaged).size(), 8192); // nothing touched
            c.moveAsideAndOpen();
            QVERIFY(opened.wait(5000));
            QVERIFY(opened.last().at(1).toBool());
            QVERIFY(c.writable());
            QVERIFY(c.problem().isEmpty());
            const QStringList aside
                = QDir(m_dir.path())
                      .entryList({QStringLiteral("open-damaged.sqlite.damaged-*")}, QDir::Files);
            QCOMPARE(aside.size(), 1);
            QCOMPARE(QFileInfo(m_dir.filePath(aside.first())).size(), 8192); // kept whole
        }

        {
            DatabaseLock lock(good);
            QVERIFY(lock.held());
            ResultsController c;
            QSignalSpy opened(&c, &ResultsController::opened);
            StallProbe probe;
            probe.start();
            c.open(good);
            QVERIFY(opened.wait(15000));
            const qint64 stall = probe.stop();
            std::printf("GUI thread: longest stall opening a locked database: %lld ms\n",
                        static_cast<long long>(stall));
            QVERIFY2(stall < 500, "the GUI thread waited for a locked database");
            QVERIFY(!c.writable());
            QVERIFY2(c.problem().contains(QStringLiteral("in use by another program")),
                     qPrintable(c.problem()));
        }
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
