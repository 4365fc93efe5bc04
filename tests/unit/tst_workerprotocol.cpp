// In-cluster load: the lines a worker writes, the share of a profile each worker sends, and the
// exact merge of several workers' results.
#include <incluster/resultmerge.h>
#include <incluster/workerprotocol.h>
#include <perf/loadprofile.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace Meshdeck;
using namespace Meshdeck::InCluster;
using namespace Meshdeck::Perf;

class tst_WorkerProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shares_data()
    {
        QTest::addColumn<double>("rate");
        QTest::addColumn<int>("connections");
        QTest::addColumn<int>("workers");
        QTest::newRow("even") << 400.0 << 16 << 4;
        QTest::newRow("uneven connections") << 1000.0 << 10 << 3;
        QTest::newRow("more workers than connections") << 90.0 << 2 << 5;
    }
    void shares()
    {
        QFETCH(double, rate);
        QFETCH(int, connections);
        QFETCH(int, workers);
        LoadSpec spec;
        spec.mode = LoadSpec::Mode::ConstantRate;
        spec.rate = rate;
        spec.connections = connections;
        spec.threads = 4;
        double total = 0;
        int totalConnections = 0;
        for (int i = 0; i < workers; ++i) {
            const LoadSpec s = WorkerProtocol::shareOf(spec, i, workers);
            total += s.rate;
            totalConnections += s.connections;
            QVERIFY(s.connections >= 1);
            QVERIFY(s.threads >= 1 && s.threads <= s.connections);
        }
        QVERIFY(std::abs(total - rate) < 1e-9);
        QCOMPARE(totalConnections, std::max(connections, workers));
    }

    // The merged percentiles are those of all the samples taken together, not an average of
    // percentiles: the reason the workers send histograms.
    // The profile the workers read (a Secret's JSON) keeps an HTTP/2 or gRPC run whole,
    // binary message included.
    void grpcProfileRoundTrips()
    {
        Perf::LoadProfile p;
        p.name = QStringLiteral("grpc");
        p.spec.url = "http://details.bookinfo:9080";
        p.spec.protocol = Perf::LoadSpec::Protocol::Grpc;
        p.spec.grpcMethod = "bookinfo.Details/GetDetails";
        p.spec.streams = 8;
        p.spec.body = std::string("\x08\x07\x00\xff\xfe", 5);
        const auto back = Perf::LoadProfile::fromJson(
            QJsonDocument::fromJson(QJsonDocument(p.toJson()).toJson()).object());
        QVERIFY(back.ok());
        QCOMPARE(back->spec.protocol, Perf::LoadSpec::Protocol::Grpc);
        QCOMPARE(back->spec.grpcMethod, p.spec.grpcMethod);
        QCOMPARE(back->spec.streams, 8);
        QCOMPARE(back->spec.body, p.spec.body);
        const auto share = WorkerProtocol::shareOf(back->spec, 1, 2);
        QCOMPARE(share.protocol, Perf::LoadSpec::Protocol::Grpc);
        QCOMPARE(share.streams, 8);
    }

    void mergeIsExact()
    {
        QList<RunResult> parts;
        Histogram all;
        auto *rng = QRandomGenerator::global();
        for (int w = 0; w < 4; ++w) {
            RunResult r;
            r.spec.mode = LoadSpec::Mode::ConstantRate;
            r.spec.rate = 100;
            r.spec.connections = 2;
            // Each worker sees a different distribution: one has a slow tail.
            for (int i = 0; i < 20000; ++i) {
                const std::uint64_t v = std::uint64_t(200'000 + rng->bounded(800'000))
                    + (w == 3 && i % 50 == 0 ? 40'000'000 : 0);
                r.report.corrected.record(v);
                all.record(v);
            }
            r.report.service = r.report.corrected;
            r.report.counters.responses = 20000;
            r.report.counters.successes = 20000;
            r.report.measuredSeconds = 10 + w * 0.01;
            r.report.requestedRate = 100;
            r.report.series = {{0, 2000, 0, 1, 2, 3, 4}, {1, 2000, 1, 1, 2, 3, 4}};
            parts << r;
        }
        const RunResult merged = mergeResults(parts);
        QVERIFY(merged.report.corrected == all);
        for (const double p : {50.0, 90.0, 99.0, 99.9, 100.0})
            QCOMPARE(merged.report.corrected.percentileNs(p), all.percentileNs(p));
        QCOMPARE(merged.report.counters.responses, std::uint64_t(80000));
        QCOMPARE(merged.spec.rate, 400.0);
        QCOMPARE(merged.spec.connections, 8);
        QCOMPARE(merged.report.requestedRate, 400.0);
        QCOMPARE(merged.report.series.size(), std::size_t(2));
        QCOMPARE(merged.report.series[1].requests, std::uint64_t(8000));
        QCOMPARE(merged.report.series[1].errors, std::uint64_t(4));
        QVERIFY(std::abs(merged.report.achievedRate - 80000 / 10.03) < 1e-6);
    }

    void linesRoundTrip()
    {
        Histogram h;
        for (int i = 1; i <= 1000; ++i)
            h.record(std::uint64_t(i) * 1000);
        SecondPoint point;
        point.second = 7;
        point.requests = 1000;
        point.errors = 3;
        const auto second = WorkerProtocol::parse(WorkerProtocol::second(2, point, h.serialize()));
        QVERIFY(second.ok());
        QCOMPARE(second->type, WorkerLine::Type::Second);
        QCOMPARE(second->worker, 2);
        QCOMPARE(second->second, qint64(7));
        QCOMPARE(second->errors, quint64(3));
        QVERIFY(second->histogram == h);

        RunResult run;
        run.id = QStringLiteral("x");
        run.report.corrected = h;
        const auto result = WorkerProtocol::parse(WorkerProtocol::result(1, run) + "\n");
        QVERIFY(result.ok());
        QCOMPARE(result->type, WorkerLine::Type::Result);
        QVERIFY(result->result.report.corrected == h);

        const auto ready = WorkerProtocol::parse(WorkerProtocol::ready(0, 4, 123456));
        QCOMPARE(ready->workers, 4);
        QCOMPARE(ready->startAtMs, qint64(123456));
    }
    void foreignAndDamagedLines()
    {
        // A sidecar's log line, a runtime's message: not the worker's, ignored.
        QCOMPARE(WorkerProtocol::parse("2026-11-30T10:00:00Z info envoy started")->type,
                 WorkerLine::Type::Other);
        QCOMPARE(WorkerProtocol::parse("{\"level\":\"info\"}")->type, WorkerLine::Type::Other);
        // The worker's, but damaged: an error that names the worker.
        const auto bad = WorkerProtocol::parse(
            "{\"event\":\"second\",\"worker\":3,\"second\":1,\"histogram\":\"AAAA\"}");
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message().contains(QStringLiteral("3")));
        const auto badResult
            = WorkerProtocol::parse("{\"event\":\"result\",\"worker\":1,\"result\":\"bm9wZQ==\"}");
        QVERIFY(!badResult.ok());
    }
};

QTEST_GUILESS_MAIN(tst_WorkerProtocol)
#include "tst_workerprotocol.moc"
