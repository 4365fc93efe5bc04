// Importing and exporting runs: fortio and SMP round trips, and every malformed file refused
// whole with a message that names it.
#include "support/sampleruns.h"

#include <store/resultfiles.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Meshdeck;
using namespace Meshdeck::Perf;

static QByteArray fortioWith(const QByteArray &buckets, const QByteArray &extra = {})
{
    return "{\"RunType\": \"HTTP\", \"ActualQPS\": 100, \"ActualDuration\": 1e9,"
           " \"RequestedQPS\": \"100\", \"RetCodes\": {\"200\": 100},"
           " \"DurationHistogram\": {\"Count\": 100, \"Data\": ["
        + buckets + "]" + extra + "}}";
}

class tst_ResultFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void meshdeckRoundTrip()
    {
        const RunResult run = TestSupport::sampleRun(QStringLiteral("a"), 3, 50000);
        const auto back = ResultFiles::parse(
            ResultFiles::serialize(run, ResultFiles::Format::Meshdeck), QStringLiteral("a.pb"));
        QVERIFY(back.ok());
        QCOMPARE(back->size(), 1);
        QVERIFY(back->first().report.corrected == run.report.corrected);
    }

    void fortioRoundTripKeepsTheDistribution()
    {
        const RunResult run = TestSupport::sampleRun(QStringLiteral("fortio me"), 3, 50000);
        const QByteArray json = ResultFiles::serialize(run, ResultFiles::Format::Fortio);
        const QJsonObject o = QJsonDocument::fromJson(json).object();
        QCOMPARE(o.value(QStringLiteral("RunType")).toString(), QStringLiteral("HTTP"));
        QVERIFY(o.value(QStringLiteral("DurationHistogram"))
                    .toObject()
                    .contains(QStringLiteral("Data")));
        const auto back = ResultFiles::parse(json, QStringLiteral("run.fortio.json"));
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
        const RunResult &r = back->first();
        QCOMPARE(r.generator, Generator::Fortio);
        QCOMPARE(r.report.corrected.count(), run.report.corrected.count());
        for (const double p : {50.0, 90.0, 99.0, 99.9}) {
            const double a = static_cast<double>(run.report.corrected.percentileNs(p));
            const double b = static_cast<double>(r.report.corrected.percentileNs(p));
            QVERIFY2(std::abs(a - b) / a < 0.003,
                     qPrintable(QStringLiteral("p%1: %2 vs %3").arg(p).arg(a).arg(b)));
        }
        QCOMPARE(QString::fromStdString(r.spec.url), QString::fromStdString(run.spec.url));
    }

    // fortio's own percentiles come from interpolating linearly within a bucket: the import
    // spreads a bucket's samples the same way, so p50 and p99 are fortio's, not the buckets'
    // upper edges.
    void fortioPercentilesAreFortios()
    {
        const QByteArray json
            = fortioWith("{\"Start\": 0.004, \"End\": 0.005, \"Count\": 60},"
                         "{\"Start\": 0.005, \"End\": 0.006, \"Count\": 30},"
                         "{\"Start\": 0.020, \"End\": 0.025, \"Count\": 10}",
                         ", \"Percentiles\": [{\"Percentile\": 50, \"Value\": 0.0048333},"
                         " {\"Percentile\": 99, \"Value\": 0.0245}]");
        const auto runs = ResultFiles::parse(json, QStringLiteral("f.json"));
        QVERIFY2(runs.ok(), qPrintable(runs.ok() ? QString() : runs.error().toString()));
        const RunResult &r = runs->first();
        QCOMPARE(r.report.corrected.count(), std::uint64_t(100));
        const double p50 = static_cast<double>(r.report.corrected.percentileNs(50)) / 1e6;
        const double p99 = static_cast<double>(r.report.corrected.percentileNs(99)) / 1e6;
        QVERIFY2(std::abs(p50 - 4.8333) < 0.02, qPrintable(QString::number(p50)));
        QVERIFY2(std::abs(p99 - 24.5) < 0.1, qPrintable(QString::number(p99)));
        QCOMPARE(r.labels.value(QStringLiteral("fortio.p50")), QStringLiteral("4.833 ms"));
        QCOMPARE(r.labels.value(QStringLiteral("fortio.p99")), QStringLiteral("24.5 ms"));
    }

    void smpJsonAndYaml()
    {
        RunResult run
            = TestSupport::sampleRun(QStringLiteral("smp"), 2, 10000, 4, QStringLiteral("linkerd"));
        run.spec.protocol = LoadSpec::Protocol::Http2;
        const QByteArray json = ResultFiles::serialize(run, ResultFiles::Format::SmpJson);
        const auto fromJson = ResultFiles::parse(json, QStringLiteral("r.json"));
        QVERIFY(fromJson.ok());
        const RunResult &r = fromJson->first();
        QCOMPARE(r.mesh.type, QStringLiteral("linkerd"));
        QCOMPARE(r.spec.protocol, LoadSpec::Protocol::Http2);
        QCOMPARE(r.labels.value(QStringLiteral("histogram")), QStringLiteral("from-percentiles"));
        QVERIFY(std::abs(static_cast<double>(r.report.corrected.percentileNs(50))
                         - static_cast<double>(run.report.corrected.percentileNs(50)))
                < 0.002 * static_cast<double>(run.report.corrected.percentileNs(50)));
        const QByteArray yaml
            = "PerformanceTestResult:\n  id: from-yaml\n  actual_QPS: 99.5\n"
              "  start_time: '2026-11-27T10:00:00.000Z'\n  end_time: '2026-11-27T10:00:30.000Z'\n"
              "  latencies_ms: {min: 0.5, average: 2.1, p50: 2.0, p90: 3.0, p99: 5.0, max: 9.0}\n";
        const auto fromYaml = ResultFiles::parse(yaml, QStringLiteral("r.yaml"));
        QVERIFY2(fromYaml.ok(),
                 qPrintable(fromYaml.ok() ? QString() : fromYaml.error().toString()));
        QCOMPARE(fromYaml->first().id, QStringLiteral("from-yaml"));
        QCOMPARE(fromYaml->first().report.achievedRate, 99.5);
        QCOMPARE(fromYaml->first().report.measuredSeconds, 30.0);
        QVERIFY(
            std::abs(static_cast<double>(fromYaml->first().report.corrected.percentileNs(99)) - 5e6)
            < 1e4);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("mentions");
        const QByteArray pb = ResultFiles::serialize(
            TestSupport::sampleRun(QStringLiteral("x"), 2, 1000), ResultFiles::Format::Meshdeck);
        QTest::newRow("empty") << QByteArray() << "e.pb"
                               << "empty";
        QTest::newRow("truncated result file") << pb.left(pb.size() / 2) << "t.pb"
                                               << "t.pb";
        QTest::newRow("malformed json") << QByteArray("{\"DurationHistogram\": {") << "m.json"
                                        << "malformed";
        QTest::newRow("other json") << QByteArray("{\"kind\": \"Pod\"}") << "pod.json"
                                    << "neither";
        QTest::newRow("fortio without qps")
            << QByteArray("{\"DurationHistogram\": {\"Count\": 1}}") << "f.json"
            << "ActualQPS";
        QTest::newRow("fortio negative count")
            << fortioWith("{\"Start\": 0.001, \"End\": 0.002, \"Count\": -5}") << "f.json"
            << "Count -5";
        QTest::newRow("fortio absurd latency")
            << fortioWith("{\"Start\": 0.001, \"End\": 1e308, \"Count\": 5}") << "f.json"
            << "latency range";
        QTest::newRow("fortio fractional count")
            << fortioWith("{\"Start\": 0.001, \"End\": 0.002, \"Count\": 2.5}") << "f.json"
            << "whole number";
        QTest::newRow("fortio too many buckets") <<
            [] {
                QByteArray buckets;
                for (int i = 0; i < 100'001; ++i)
                    buckets += (i ? "," : "")
                        + QByteArray("{\"Start\":0.001,\"End\":0.002,\"Count\":1}");
                return fortioWith(buckets);
            }() << "f.json"
                                                 << "buckets";
        QTest::newRow("smp without latencies")
            << QByteArray("{\"PerformanceTestResult\": {\"id\": \"x\"}}") << "s.json"
            << "latencies_ms";
        QTest::newRow("bad yaml") << QByteArray("a: [1, 2\n") << "b.yaml"
                                  << "b.yaml";
        QTest::newRow("binary junk") << QByteArray("\x00\x01\x02garbage", 10) << "j.pb"
                                     << "Meshdeck";
    }
    void malformed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, name);
        QFETCH(QString, mentions);
        const auto runs = ResultFiles::parse(bytes, name);
        QVERIFY(!runs.ok());
        QVERIFY2(runs.error().toString().contains(mentions), qPrintable(runs.error().toString()));
    }

    void oneBadFileImportsNothing()
    {
        QTemporaryDir dir;
        const auto write = [&](const char *name, const QByteArray &bytes) {
            QFile f(dir.filePath(QLatin1String(name)));
            f.open(QIODevice::WriteOnly);
            f.write(bytes);
            return f.fileName();
        };
        const QString good
            = write("good.pb",
                    ResultFiles::serialize(TestSupport::sampleRun(QStringLiteral("g"), 2, 100),
                                           ResultFiles::Format::Meshdeck));
        const QString bad = write("bad.json", "{ nope");
        const auto runs = ResultFiles::readAll({good, bad});
        QVERIFY(!runs.ok());
        QVERIFY(runs.error().toString().contains(QStringLiteral("bad.json")));
        QVERIFY(ResultFiles::readAll({good}).ok());
        QVERIFY(!ResultFiles::readAll({dir.filePath(QStringLiteral("missing.pb"))}).ok());
    }
};

QTEST_GUILESS_MAIN(tst_ResultFiles)
#include "tst_resultfiles.moc"
