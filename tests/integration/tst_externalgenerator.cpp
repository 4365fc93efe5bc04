// wrk and fortio behind the generator interface: output parsing, missing programs, and a real
// wrk run against a real server when wrk is installed (packaging/dev.sh installs it).
#include "support/rawhttpserver.h"

#include <perf/externalgenerator.h>
#include <perf/loadrunner.h>

#include <QStandardPaths>
#include <QTest>

#include <csignal>

using namespace Meshdeck;
using namespace Meshdeck::Perf;
using namespace std::chrono_literals;

class tst_ExternalGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { std::signal(SIGPIPE, SIG_IGN); }

    void parsesWrkOutput()
    {
        QByteArray text
            = "Running 1s test @ http://127.0.0.1:8080/\n  1 threads and 10 connections\n"
              "MESHDECK-JSON {\"duration_us\":2000000,\"requests\":1000,\"bytes\":50000,"
              "\"errors\":{\"connect\":1,\"read\":2,\"write\":0,\"status\":10,\"timeout\":3},"
              "\"min_us\":50,\"max_us\":9000,\"mean_us\":120.5,\"stdev_us\":30.1,"
              "\"percentiles\":[";
        for (int i = 1; i <= 100; ++i)
            text += (i > 1 ? "," : "") + QByteArray("[") + QByteArray::number(i) + ","
                + QByteArray::number(i * 100) + "]";
        text += "]}\n";
        const auto r = ExternalGenerator::parseWrkOutput(text);
        QVERIFY(r.ok());
        QCOMPARE(r->generator, std::string("wrk"));
        QCOMPARE(r->counters.responses, 1000u);
        QCOMPARE(r->counters.successes, 990u);
        QCOMPARE(r->counters.errorStatusCount(), 10u);
        QCOMPARE(r->counters.failures[int(FailureKind::ReadTimeout)], 3u);
        QCOMPARE(r->counters.failures[int(FailureKind::Reset)], 2u);
        QCOMPARE(r->corrected.count(), 1000u);
        QCOMPARE(r->measuredSeconds, 2.0);
        QCOMPARE(r->achievedRate, 500.0);
        // Each given percentile is kept (to the histogram's three digits).
        QVERIFY(std::abs(static_cast<double>(r->corrected.percentileNs(50)) - 5000e3) < 5e3);
        QVERIFY(std::abs(static_cast<double>(r->corrected.percentileNs(99)) - 9900e3) < 10e3);
        QVERIFY(!r->hasServiceTime);
    }

    void wrkOutputWithoutResultsIsAnError()
    {
        const auto r = ExternalGenerator::parseWrkOutput(
            "unable to connect to 127.0.0.1:1 Connection refused\n");
        QVERIFY(!r.ok());
        QVERIFY(r.error().message().contains(QStringLiteral("wrk")));
    }

    void parsesFortioJson()
    {
        const QByteArray json
            = R"({"RunType":"HTTP","Version":"1.63.0","StartTime":"2026-11-27T10:00:00Z",
          "RequestedQPS":"max","ActualQPS":1234.5,"ActualDuration":2000000000,"NumThreads":8,
          "DurationHistogram":{"Count":100,"Min":0.001,"Max":0.01,"Sum":0.3,"Avg":0.003,"StdDev":0.001,
            "Data":[{"Start":0.001,"End":0.002,"Percent":50,"Count":50},
                    {"Start":0.002,"End":0.004,"Percent":90,"Count":40},
                    {"Start":0.004,"End":0.01,"Percent":100,"Count":10}]},
          "RetCodes":{"200":95,"503":3,"-1":2},"Sizes":{"Count":100,"Sum":12345}})";
        const auto r = ExternalGenerator::parseFortioJson(json);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r->generatorVersion, std::string("1.63.0"));
        QCOMPARE(r->achievedRate, 1234.5);
        QCOMPARE(r->measuredSeconds, 2.0);
        QCOMPARE(r->corrected.count(), 100u);
        QCOMPARE(r->counters.responses, 98u);
        QCOMPARE(r->counters.successes, 95u);
        QCOMPARE(r->counters.statusCodes.at(503), 3u);
        QCOMPARE(r->counters.failureCount(), 2u);
        QVERIFY(std::abs(static_cast<double>(r->corrected.percentileNs(50)) - 2e6) < 3e3);
        QCOMPARE(r->counters.bytesRead, 12345u);
    }

    void fortioJsonMustBeFortios()
    {
        QVERIFY(!ExternalGenerator::parseFortioJson("{\"hello\": 1}").ok());
        QVERIFY(!ExternalGenerator::parseFortioJson("not json").ok());
    }

    void wrkScriptEscapesEverything()
    {
        LoadSpec spec;
        spec.method = "POST";
        spec.body = "line1\n\"quoted\"]]";
        spec.headers = {{"X-Odd", "a'b\\c"}};
        const QByteArray lua = ExternalGenerator::wrkScript(spec);
        QVERIFY(lua.contains("wrk.method = \"POST\""));
        QVERIFY(!lua.contains("line1\n")); // the newline is escaped
        QVERIFY(lua.contains("\\10"));
        QVERIFY(lua.contains("done = function"));
    }

    void missingProgramsNameTheirPackage()
    {
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", "/nonexistent");
        const auto wrk = ExternalGenerator::locate(Generator::Wrk);
        const auto fortio = ExternalGenerator::locate(Generator::Fortio);
        RunRequest request;
        request.spec.url = "http://127.0.0.1:1/";
        request.generator = Generator::Wrk;
        std::atomic_bool cancel {false};
        const RunResult run = LoadRunner::runBlocking(request, cancel, {});
        qputenv("PATH", path);
        QVERIFY(!wrk.ok());
        QVERIFY2(wrk.error().message().contains(QStringLiteral("apt-get install wrk")),
                 qPrintable(wrk.error().message()));
        QVERIFY(!fortio.ok());
        QVERIFY(fortio.error().message().contains(QStringLiteral("fortio")));
        QVERIFY2(run.failure.contains(QStringLiteral("apt-get install wrk")),
                 qPrintable(run.failure));
    }

    void wrkHasNoConstantRate()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("wrk")).isEmpty())
            QSKIP("wrk is not installed");
        LoadSpec spec;
        spec.url = "http://127.0.0.1:1/";
        spec.mode = LoadSpec::Mode::ConstantRate;
        spec.rate = 100;
        std::atomic_bool cancel {false};
        const auto r = ExternalGenerator::run(Generator::Wrk, spec, cancel, {});
        QVERIFY(!r.ok());
        QVERIFY(r.error().message().contains(QStringLiteral("wrk2")));
    }

    void realWrkRun()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("wrk")).isEmpty())
            QSKIP("wrk is not installed");
        TestSupport::RawHttpServer server;
        QVERIFY(server.start([](int, int, const std::string &head) {
            // The script's method, header and body arrive.
            const bool ok
                = head.rfind("PUT /wrk", 0) == 0 && head.find("X-Run: 7") != std::string::npos;
            return TestSupport::RawReply {ok ? TestSupport::RawHttpServer::ok()
                                             : "HTTP/1.1 400 Bad\r\nContent-Length: 0\r\n\r\n"};
        }));
        RunRequest request;
        request.spec.url = server.url("/wrk");
        request.spec.method = "PUT";
        request.spec.body = "payload";
        request.spec.headers = {{"X-Run", "7"}};
        request.spec.connections = 4;
        request.spec.duration = 1s;
        request.generator = Generator::Wrk;
        std::atomic_bool cancel {false};
        int ticks = 0;
        const RunResult run
            = LoadRunner::runBlocking(request, cancel, [&](const RunProgress &) { ++ticks; });
        QVERIFY2(run.failure.isEmpty(), qPrintable(run.failure));
        QVERIFY(run.report.counters.responses > 100);
        QCOMPARE(run.report.counters.errorStatusCount(), 0u);
        QCOMPARE(run.report.corrected.count(), run.report.counters.responses);
        QVERIFY(ticks >= 2);
        QCOMPARE(run.report.generator, std::string("wrk"));
    }
};

QTEST_GUILESS_MAIN(tst_ExternalGenerator)
#include "tst_externalgenerator.moc"
