// Figures of the results store and comparison (issue "Results"), each printed against a peer
// measured in the same run:
//  1. Comparing 6 runs of 10^7 samples each: selection to drawn chart (target < 200 ms), against
//     only reading and decoding the same six result files (the floor any viewer pays).
//  2. The runs table with 100,000 runs: time to open and to filter on the GUI thread (target
//     < 100 ms), against Qt's own QSqlQueryModel running the same queries.
//  3. Saving a run (target < 20 ms), against writing the same result file with QSaveFile.
#include "benchsupport.h"
#include "support/sampleruns.h"

#include <models/resultscontroller.h>
#include <models/runstablemodel.h>
#include <proto/resultcodec.h>
#include <store/resultstore.h>
#include <views/comparisonview.h>
#include <views/resultspage.h>

#include <QChartView>
#include <QElapsedTimer>
#include <QSaveFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlQueryModel>
#include <QTemporaryDir>
#include <QTest>

using namespace Meshdeck;
using namespace Meshdeck::Perf;

class bench_Results : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void compareSixLargeRuns()
    {
        const QString db = m_dir.filePath(QStringLiteral("six.sqlite"));
        auto store = ResultStore::open(db).value();
        QStringList ids;
        QList<QByteArray> files;
        for (int i = 0; i < 6; ++i) {
            RunResult run = TestSupport::sampleRun(QStringLiteral("run %1").arg(i), 4 + i * 0.3,
                                                   10'000'000, i + 1);
            QVERIFY(run.report.corrected.count() >= 9'900'000);
            QVERIFY(store->saveRun(run).ok());
            ids << run.id;
            files << ResultCodec::encode(run);
        }
        ResultsController results;
        results.setStore(store.get(), db, QString());
        ResultsPage page(&results);
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        std::vector<double> compare, decode;
        for (int round = 0; round < 5; ++round) {
            QSignalSpy ready(&page, &ResultsPage::comparisonReady);
            QElapsedTimer clock;
            clock.start();
            page.compare(ids);
            QVERIFY(ready.wait(10000));
            page.comparison()->chartView(ComparisonView::Percentiles)->grab(); // drawn
            compare.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
            QMetaObject::invokeMethod(page.comparison(), "closeRequested");

            clock.restart();
            int decoded = 0;
            for (const QByteArray &f : files)
                decoded += ResultCodec::decode(f).ok() ? 1 : 0;
            QCOMPARE(decoded, 6);
            decode.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
        }
        qInfo("compare 6 runs x 10^7 samples: selection to drawn chart %.1f ms (target < 200 ms, "
              "ratio to target %.2f); decoding the six result files alone %.1f ms -> ratio %.2f",
              Bench::median(compare), Bench::median(compare) / 200.0, Bench::median(decode),
              Bench::median(compare) / Bench::median(decode));
    }

    void hundredThousandRuns()
    {
        const QString db = m_dir.filePath(QStringLiteral("many.sqlite"));
        {
            auto store = ResultStore::open(db).value();
            QList<RunResult> batch;
            const QStringList meshes {QString(), QStringLiteral("istio"),
                                      QStringLiteral("linkerd")};
            for (int i = 0; i < 100'000; ++i) {
                batch << TestSupport::sampleRun(QStringLiteral("run %1").arg(i), 2 + (i % 50) * 0.1,
                                                200, static_cast<unsigned>(i + 1), meshes[i % 3]);
                if (batch.size() == 5000) {
                    QVERIFY(store->saveRuns(batch).ok());
                    batch.clear();
                }
            }
            QCOMPARE(store->countRuns().value(), 100'000);
        }
        auto store = ResultStore::open(db).value(); // the app's writing connection, held open
        std::vector<double> open, filter, sortP99, qtOpen, qtFilter;
        QSqlDatabase peerDb
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peer"));
        peerDb.setDatabaseName(db);
        QVERIFY(peerDb.open());
        for (int round = 0; round < 5; ++round) {
            // The model reads on its own thread: each figure is the time until its answer is
            // in the table (the reader's first read opens its connection).
            RunsTableModel model;
            QSignalSpy answered(&model, &RunsTableModel::loaded);
            const auto timed = [&](const std::function<void()> &ask) {
                answered.clear();
                QElapsedTimer clock;
                clock.start();
                ask();
                if (!answered.wait(30000))
                    return -1.0;
                return static_cast<double>(clock.nsecsElapsed()) / 1e6;
            };
            open.push_back(timed([&] { model.setStorePath(db); }));
            QCOMPARE(model.totalCount(), 100'000);
            QCOMPARE(model.rowCount(), int(RunsTableModel::PageSize));
            filter.push_back(timed([&] { model.setFilter(QStringLiteral("linkerd")); }));
            QVERIFY(model.totalCount() > 30'000);
            QVERIFY(timed([&] { model.setFilter({}); }) >= 0);
            sortP99.push_back(timed([&] { model.sort(RunsTableModel::P99, Qt::DescendingOrder); }));
            QVERIFY(open.back() >= 0 && filter.back() >= 0 && sortP99.back() >= 0);
            QElapsedTimer clock;

            QSqlQueryModel peer;
            clock.start();
            peer.setQuery(
                QStringLiteral(
                    "SELECT id, name, profile, mesh, started, requested_rate, achieved_rate, "
                    "p50_ns, p99_ns, p999_ns, error_pct FROM runs ORDER BY started DESC"),
                peerDb);
            QVERIFY(peer.rowCount() > 0);
            qtOpen.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
            clock.restart();
            peer.setQuery(
                QStringLiteral(
                    "SELECT id, name, profile, mesh, started, requested_rate, achieved_rate, "
                    "p50_ns, p99_ns, p999_ns, error_pct FROM runs WHERE name LIKE '%linkerd%' "
                    "OR profile LIKE '%linkerd%' OR mesh LIKE '%linkerd%' OR url LIKE '%linkerd%' "
                    "OR generator LIKE '%linkerd%' OR labels LIKE '%linkerd%' ORDER BY started "
                    "DESC"),
                peerDb);
            while (peer.canFetchMore())
                break; // Qt fetches its first 256 rows like ours; no count
            qtFilter.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
        }
        peerDb.close();
        qInfo(
            "100,000 runs: open %.1f ms, filter %.1f ms (with the total count), sort by p99 %.1f "
            "ms "
            "(target < 100 ms); QSqlQueryModel open %.1f ms, filter %.1f ms (first rows, no count) "
            "-> ratios %.2f and %.2f",
            Bench::median(open), Bench::median(filter), Bench::median(sortP99),
            Bench::median(qtOpen), Bench::median(qtFilter),
            Bench::median(open) / Bench::median(qtOpen),
            Bench::median(filter) / Bench::median(qtFilter));
    }

    void savingARun()
    {
        auto store = ResultStore::open(m_dir.filePath(QStringLiteral("save.sqlite"))).value();
        std::vector<double> save, file;
        for (int i = 0; i < 40; ++i) {
            const RunResult run
                = TestSupport::sampleRun(QStringLiteral("save %1").arg(i), 3, 1'000'000, i + 1);
            QElapsedTimer clock;
            clock.start();
            QVERIFY(store->saveRun(run).ok());
            save.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
            clock.restart();
            QVERIFY(ResultCodec::writeFile(m_dir.filePath(QStringLiteral("run-%1.pb").arg(i)), run)
                        .ok());
            file.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
        }
        qInfo("saving a run (10^6 samples, 30 s of series): %.2f ms in the database (target < 20 "
              "ms), "
              "%.2f ms as a result file with QSaveFile -> ratio %.2f",
              Bench::median(save), Bench::median(file), Bench::median(save) / Bench::median(file));
    }
};

QTEST_MAIN(bench_Results)
#include "bench_results.moc"
