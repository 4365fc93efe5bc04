// Result files: a full round trip, files from older writers, newer schemas, damage; and the
// Service Mesh Performance export with the specification's field names.
#include <core/error.h>
#include <perf/smpexport.h>
#include <proto/envelopecodec.h>
#include <proto/resultcodec.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Meshdeck;
using namespace Meshdeck::Perf;

namespace {

Perf::RunResult sample()
{
    RunResult run;
    run.id = QStringLiteral("4c1f0c52-0000-4000-8000-000000000001");
    run.name = QStringLiteral("productpage via sidecar");
    run.spec.url = "http://127.0.0.1:9080/productpage";
    run.spec.headers = {{"X-Trace", "1"}, {"Content-Type", "application/json"}};
    run.spec.body = std::string("a\0b", 3);
    run.spec.mode = LoadSpec::Mode::ConstantRate;
    run.spec.rate = 1000;
    run.spec.connections = 16;
    run.spec.threads = 2;
    run.spec.protocol = LoadSpec::Protocol::Http2;
    run.spec.streams = 8;
    run.spec.duration = std::chrono::seconds(30);
    run.spec.warmup = std::chrono::seconds(2);
    run.generator = Generator::Native;
    run.environment.kubernetesVersion = QStringLiteral("v1.29.0");
    run.environment.nodes
        = {{QStringLiteral("node-1"), 4000, 8LL << 30, QStringLiteral("v1.29.0")}};
    run.environment.clientCpus = 2;
    run.mesh = {QStringLiteral("istio"), QStringLiteral("1.22.0"), true, 2, QStringLiteral("demo")};
    for (int i = 1; i <= 1000; ++i)
        run.report.corrected.record(static_cast<std::uint64_t>(i) * 10'000);
    for (int i = 1; i <= 1000; ++i)
        run.report.service.record(static_cast<std::uint64_t>(i) * 5'000);
    run.report.series = {{0, 500, 1, 1, 2, 3, 4}, {1, 500, 0, 5, 6, 7, 8}};
    run.report.counters.responses = 1000;
    run.report.counters.successes = 999;
    run.report.counters.statusCodes = {{200, 999}, {503, 1}};
    run.report.counters.failures[static_cast<int>(FailureKind::ReadTimeout)] = 2;
    run.report.failureExamples[FailureKind::ReadTimeout] = "no complete response";
    run.report.counters.lateSends = 3;
    run.report.measuredSeconds = 30;
    run.report.requestedRate = 1000;
    run.report.achievedRate = 999.5;
    run.start = QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC);
    run.end = run.start.addSecs(32);
    run.labels = {{QStringLiteral("mesh"), QStringLiteral("istio")}};
    return run;
}

// Protobuf wire format by hand, as an older writer that knew fewer fields would have left it.
QByteArray varint(quint64 v)
{
    QByteArray out;
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7f) | 0x80);
        v >>= 7;
    }
    return out + static_cast<char>(v);
}
QByteArray field(int number, const QByteArray &bytes)
{
    return varint(static_cast<quint64>(number) << 3 | 2)
        + varint(static_cast<quint64>(bytes.size())) + bytes;
}

} // namespace

class tst_ResultCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        const RunResult run = sample();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run.pb"));
        QVERIFY(ResultCodec::writeFile(path, run).ok());
        const auto back = ResultCodec::readFile(path);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
        const RunResult &r = back.value();
        QCOMPARE(r.id, run.id);
        QCOMPARE(r.name, run.name);
        QCOMPARE(r.spec.url, run.spec.url);
        QCOMPARE(r.spec.body, run.spec.body);
        QCOMPARE(r.spec.headers, run.spec.headers);
        QCOMPARE(r.spec.mode, LoadSpec::Mode::ConstantRate);
        QCOMPARE(r.spec.protocol, LoadSpec::Protocol::Http2);
        QCOMPARE(r.spec.streams, 8);
        QCOMPARE(r.spec.duration, run.spec.duration);
        QCOMPARE(r.environment.nodes.size(), 1);
        QCOMPARE(r.environment.nodes.first().memoryBytes, 8LL << 30);
        QCOMPARE(r.mesh.type, QStringLiteral("istio"));
        QVERIFY(r.mesh.mtls);
        QVERIFY(r.report.corrected == run.report.corrected);
        QVERIFY(r.report.service == run.report.service);
        QCOMPARE(r.report.series.size(), std::size_t(2));
        QCOMPARE(r.report.series[1].p99Ns, 7u);
        QCOMPARE(r.report.counters.statusCodes, run.report.counters.statusCodes);
        QCOMPARE(r.report.counters.failures, run.report.counters.failures);
        QCOMPARE(r.report.failureExamples.at(FailureKind::ReadTimeout), "no complete response");
        QCOMPARE(r.report.achievedRate, 999.5);
        QCOMPARE(r.start, run.start);
        QCOMPARE(r.end, run.end);
        QCOMPARE(r.labels, run.labels);
    }

    void olderWriterIsReadable()
    {
        // Only id, the URL and the histogram: no counters, percentiles, series or times.
        Histogram h;
        h.recordN(2'000'000, 10);
        const std::string hist = h.serialize();
        const QByteArray payload = field(1, "old-run") + field(3, field(1, "http://example.org/"))
            + field(6, QByteArray(hist.data(), static_cast<qsizetype>(hist.size())));
        EnvelopeData envelope;
        envelope.kind = QString::fromLatin1(ResultCodec::Kind);
        envelope.schemaVersion = 1;
        envelope.producer = QStringLiteral("meshdeck 0.0.1");
        envelope.payload = payload;
        const auto run = ResultCodec::decode(EnvelopeCodec::encode(envelope));
        QVERIFY2(run.ok(), qPrintable(run.ok() ? QString() : run.error().toString()));
        QCOMPARE(run->id, QStringLiteral("old-run"));
        QCOMPARE(run->spec.method, std::string("GET"));
        // Written before HTTP/2: HTTP/1.1, one request per connection at a time.
        QCOMPARE(run->spec.protocol, LoadSpec::Protocol::Http1);
        QCOMPARE(run->spec.streams, 1);
        QCOMPARE(run->report.counters.responses, 10u);
        QCOMPARE(run->report.corrected.percentileNs(50), h.percentileNs(50));
        QVERIFY(run->report.service == h); // no service histogram: the one latency stands in
    }

    void unknownProtocolIsNamed()
    {
        // A newer writer's protocol (field 17 of the spec) this version cannot run or show.
        Histogram h;
        h.recordN(2'000'000, 10);
        const std::string hist = h.serialize();
        const QByteArray payload = field(1, "new-run")
            + field(3, field(1, "http://example.org/") + field(17, "h3"))
            + field(6, QByteArray(hist.data(), static_cast<qsizetype>(hist.size())));
        EnvelopeData envelope;
        envelope.kind = QString::fromLatin1(ResultCodec::Kind);
        envelope.schemaVersion = 1;
        envelope.producer = QStringLiteral("meshdeck 9.0");
        envelope.payload = payload;
        const auto run = ResultCodec::decode(EnvelopeCodec::encode(envelope));
        QVERIFY(!run.ok());
        QVERIFY2(run.error().message().contains(QStringLiteral("\"h3\"")),
                 qPrintable(run.error().message()));
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mentions");
        EnvelopeData newer;
        newer.kind = QString::fromLatin1(ResultCodec::Kind);
        newer.schemaVersion = ResultCodec::CurrentSchema + 1;
        newer.producer = QStringLiteral("meshdeck 9.0");
        QTest::newRow("newer schema")
            << EnvelopeCodec::encode(newer) << int(ErrorCode::Unsupported) << "newer";
        EnvelopeData other;
        other.kind = QStringLiteral("meshdeck.perf.v1.Profile");
        QTest::newRow("other kind")
            << EnvelopeCodec::encode(other) << int(ErrorCode::Unsupported) << "Profile";
        const QByteArray good = ResultCodec::encode(sample());
        QTest::newRow("truncated")
            << good.left(good.size() / 2) << int(ErrorCode::ParseError) << "";
        QTest::newRow("not ours") << QByteArray("{\"json\": true}") << int(ErrorCode::ParseError)
                                  << "";
        EnvelopeData damaged;
        damaged.kind = QString::fromLatin1(ResultCodec::Kind);
        damaged.payload = field(6, QByteArray("MDH1garbage"));
        QTest::newRow("damaged histogram")
            << EnvelopeCodec::encode(damaged) << int(ErrorCode::ParseError) << "histogram";
    }
    void refused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        QFETCH(QString, mentions);
        const auto run = ResultCodec::decode(bytes);
        QVERIFY(!run.ok());
        QCOMPARE(int(run.error().code()), code);
        QVERIFY2(run.error().message().contains(mentions), qPrintable(run.error().message()));
    }

    void smpExportUsesTheSpecificationsNames()
    {
        const QJsonObject smp = SmpExport::toJson(sample());
        for (const char *section : {"PerformanceTestConfig", "PerformanceTestResult",
                                    "ServiceMeshConfig", "EnvironmentConfig"})
            QVERIFY2(smp.value(QLatin1String(section)).isObject(), section);
        const QJsonObject config = smp.value(QStringLiteral("PerformanceTestConfig")).toObject();
        for (const char *key : {"smps_version", "id", "name", "labels", "clients", "duration"})
            QVERIFY2(config.contains(QLatin1String(key)), key);
        const QJsonObject client
            = config.value(QStringLiteral("clients")).toArray().first().toObject();
        for (const char *key : {"internal", "load_generator", "protocol", "connections", "rps",
                                "headers", "cookies", "body", "content_type", "endpoint_url"})
            QVERIFY2(client.contains(QLatin1String(key)), key);
        QCOMPARE(client.value(QStringLiteral("rps")).toInt(), 1000);
        QCOMPARE(client.value(QStringLiteral("protocol")).toString(), QStringLiteral("http"));
        QCOMPARE(client.value(QStringLiteral("http_version")).toString(), QStringLiteral("2"));
        QCOMPARE(client.value(QStringLiteral("content_type")).toString(),
                 QStringLiteral("application/json"));
        QCOMPARE(config.value(QStringLiteral("duration")).toString(), QStringLiteral("30s"));

        const QJsonObject result = smp.value(QStringLiteral("PerformanceTestResult")).toObject();
        for (const char *key :
             {"smps_version", "id", "labels", "start_time", "end_time", "latencies_ms",
              "actual_QPS", "details_uri", "testId", "meshConfigId", "envId"})
            QVERIFY2(result.contains(QLatin1String(key)), key);
        const QJsonObject lat = result.value(QStringLiteral("latencies_ms")).toObject();
        QCOMPARE(lat.keys(), (QStringList {"average", "max", "min", "p50", "p90", "p99"}));
        QVERIFY(std::abs(lat.value(QStringLiteral("p50")).toDouble() - 5.0) < 0.01);
        QVERIFY(std::abs(lat.value(QStringLiteral("p99")).toDouble() - 9.9) < 0.01);
        QCOMPARE(lat.value(QStringLiteral("max")).toDouble(), 10.0);
        QCOMPARE(result.value(QStringLiteral("actual_QPS")).toDouble(), 999.5);
        QCOMPARE(result.value(QStringLiteral("start_time")).toString(),
                 QStringLiteral("2026-11-27T10:00:00.000Z"));

        const QJsonObject mesh = smp.value(QStringLiteral("ServiceMeshConfig")).toObject();
        QCOMPARE(mesh.value(QStringLiteral("Type")).toString(), QStringLiteral("istio"));
        QCOMPARE(mesh.value(QStringLiteral("mtls_enabled")).toBool(), true);
        QCOMPARE(mesh.value(QStringLiteral("proxy_concurrency")).toInt(), 2);
        QCOMPARE(mesh.value(QStringLiteral("mesh_build")).toString(), QStringLiteral("1.22.0"));
        const QJsonObject env = smp.value(QStringLiteral("EnvironmentConfig")).toObject();
        QCOMPARE(env.value(QStringLiteral("kubernetes_version")).toString(),
                 QStringLiteral("v1.29.0"));
        const QJsonObject node = env.value(QStringLiteral("node")).toArray().first().toObject();
        QCOMPARE(node.value(QStringLiteral("cores")).toInt(), 4);
        QCOMPARE(node.value(QStringLiteral("mem_mb")).toInt(), 8192);
    }
};

QTEST_GUILESS_MAIN(tst_ResultCodec)
#include "tst_resultcodec.moc"
