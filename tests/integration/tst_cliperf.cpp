// `meshdeck perf`, `results` and `loadgen` as a user runs them: runs, comparisons, bad
// input, in-cluster runs and experiments, Ctrl-C.
#include "support/clirunner.h"
#include "support/imagecheck.h"
#include "support/rawhttpserver.h"

#include <demo/bookinfotraffic.h>
#include <demo/democluster.h>

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <csignal>

#include <unistd.h>

using namespace TestSupport;

class tst_CliPerf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void perfRunShowCompare()
    {
        std::signal(SIGPIPE, SIG_IGN);
        TestSupport::RawHttpServer server;
        QVERIFY(server.start([](int, int, const std::string &) {
            return TestSupport::RawReply {TestSupport::RawHttpServer::ok()};
        }));
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("direct.pb"));
        const QString b = dir.filePath(QStringLiteral("paced.pb"));
        const QString url = QString::fromStdString(server.url("/productpage"));
        const Run direct = meshdeck({"perf", "run", "--url", url, "--duration", "1s",
                                     "--connections", "4", "--label", "mesh=none", "-o", a});
        QVERIFY2(direct.exitCode == 0, direct.err.constData());
        QVERIFY(direct.out.contains("Latency (ms)"));
        QVERIFY(direct.out.contains("200: "));
        const Run paced = meshdeck(
            {"perf", "run", "--url", url, "--duration", "1s", "--rate", "200", "--json", "-o", b});
        QCOMPARE(paced.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(paced.out).object();
        QCOMPARE(json.value("mode").toString(), QStringLiteral("constant_rate"));
        QVERIFY(std::abs(json.value("achieved_rate").toDouble() - 200) < 5);
        QVERIFY(json.value("rate_reached").toBool());
        QVERIFY(json.value("latency_ms").toObject().contains("p99.9"));
        QVERIFY(json.value("service_time_ms").isObject());

        const Run show = meshdeck({"perf", "show", a, "--json"});
        QCOMPARE(show.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(show.out)
                     .object()
                     .value("labels")
                     .toObject()
                     .value("mesh")
                     .toString(),
                 QStringLiteral("none"));
        const Run smp = meshdeck({"perf", "show", a, "--smp"});
        QCOMPARE(smp.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(smp.out)
                    .object()
                    .value("PerformanceTestResult")
                    .toObject()
                    .value("latencies_ms")
                    .toObject()
                    .contains("p99"));
        const Run compare = meshdeck({"perf", "compare", a, b});
        QCOMPARE(compare.exitCode, 0);
        QVERIFY(compare.out.contains("vs direct"));
        const Run compareJson = meshdeck({"perf", "compare", a, b, "--json"});
        const QJsonArray rows
            = QJsonDocument::fromJson(compareJson.out).object().value("runs").toArray();
        QCOMPARE(rows.size(), 2);
        QVERIFY(rows.at(1).toObject().value("difference_ms").toObject().contains("p50"));
    }

    // HTTP/2 against the demo's Bookinfo (h2c on the ports that speak HTTP/1.1), kept in the
    // result file; and an HTTP/1.1-only server named as such.
    void perfRunHttp2()
    {
        Meshdeck::Demo::DemoCluster cluster;
        QVERIFY(cluster.start().ok());
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("h2.pb"));
        const Run r = meshdeck({"perf", "run", "--url", cluster.bookinfo()->productpageMeshUrl(),
                                "--http2", "--streams", "4", "--connections", "2", "--duration",
                                "1s", "-o", file, "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value("protocol").toString(), QStringLiteral("h2"));
        QCOMPARE(o.value("streams").toInt(), 4);
        const Run shown = meshdeck({"perf", "show", file});
        QVERIFY2(shown.out.contains("HTTP/2 (4 stream(s) per connection)"), shown.out.constData());

        std::signal(SIGPIPE, SIG_IGN);
        TestSupport::RawHttpServer http1;
        QVERIFY(http1.start([](int, int, const std::string &) {
            return TestSupport::RawReply {
                "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 0,
                true};
        }));
        const Run refused
            = meshdeck({"perf", "run", "--url", QString::fromStdString(http1.url("/")), "--http2",
                        "--duration", "1s"});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("does not speak h2c"), refused.err.constData());

        // gRPC: the JSON message through the built-in descriptors, the statuses counted.
        const QString service = QUrl(cluster.bookinfo()->productpageMeshUrl()).authority();
        const Run grpc = meshdeck({"perf", "run", "--url", "http://" + service, "--grpc",
                                   "bookinfo.ProductPage/GetProductPage", "--data", "{\"id\": 1}",
                                   "--duration", "1s", "--json"});
        QVERIFY2(grpc.exitCode == 0, grpc.err.constData());
        const QJsonObject g = QJsonDocument::fromJson(grpc.out).object();
        QCOMPARE(g.value("protocol").toString(), QStringLiteral("grpc"));
        QVERIFY(g.value("grpc_statuses").toObject().value("OK").toInt() > 10);
        QCOMPARE(g.value("errors").toInt(), 0);
        const Run unknown = meshdeck({"perf", "run", "--url", "http://" + service, "--grpc",
                                      "shop.Cart/Add", "--duration", "500ms"});
        QVERIFY2(unknown.out.contains("UNIMPLEMENTED: unknown method shop.Cart/Add"),
                 unknown.out.constData());
    }

    void perfBadInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no url") << QStringList {"perf", "run"} << 2 << "--url";
        QTest::newRow("rate and max")
            << QStringList {"perf", "run", "--url", "http://x/", "--rate", "5", "--max"} << 2
            << "exclude";
        QTest::newRow("bad duration")
            << QStringList {"perf", "run", "--url", "http://x/", "--duration", "soon"} << 2
            << "--duration";
        QTest::newRow("bad header")
            << QStringList {"perf", "run", "--url", "http://x/", "--header", "nocolon"} << 2
            << "Name: value";
        QTest::newRow("unknown scheme")
            << QStringList {"perf", "run", "--url", "gopher://x/"} << 2 << "unsupported scheme";
        QTest::newRow("bad port") << QStringList {"perf", "run", "--url", "http://127.0.0.1:99999/"}
                                  << 2 << "--url";
        QTest::newRow("bad method")
            << QStringList {"perf", "run", "--url", "http://x/", "--method", "GE T"} << 2
            << "--method";
        QTest::newRow("header with a line break")
            << QStringList {"perf",      "run",      "--url",
                            "http://x/", "--header", "X-A: 1\r\nInjected: yes"}
            << 2 << "line break";
        QTest::newRow("body from a device")
            << QStringList {"perf", "run", "--url", "http://x/", "--body", "@/dev/zero"} << 1
            << "not a regular file";
        QTest::newRow("more connections than files")
            << QStringList {"perf", "run", "--url", "http://x/", "--connections", "100000"} << 2
            << "ulimit";
        QTest::newRow("refused") << QStringList {"perf",       "run",
                                                 "--url",      "http://127.0.0.1:1/",
                                                 "--duration", "20s"}
                                 << 1 << "refused";
        QTest::newRow("missing file")
            << QStringList {"perf", "show", "/nonexistent.pb"} << 1 << "does not exist";
        QTest::newRow("not a result")
            << QStringList {"perf", "show", "/etc/hostname"} << 1 << "not a Meshdeck file";
        QTest::newRow("target namespace without a cluster")
            << QStringList {"perf", "run", "--url", "http://x/", "--target-namespace", "web"} << 2
            << "--kubeconfig";
        QTest::newRow("target namespace not a name")
            << QStringList {"perf", "run", "--url", "http://x/", "--target-namespace", "Web_1"} << 2
            << "not a namespace name";
        QTest::newRow("sample interval too short") << QStringList {"perf",
                                                                   "run",
                                                                   "--url",
                                                                   "http://x/",
                                                                   "--kubeconfig",
                                                                   "/nonexistent",
                                                                   "--sample-interval",
                                                                   "10ms"}
                                                   << 2 << "200ms";
        QTest::newRow("overhead: the same URL twice")
            << QStringList {"perf", "overhead", "--baseline", "http://a/", "--mesh", "http://a/"}
            << 2 << "compare nothing";
        QTest::newRow("overhead: workers without --in-cluster")
            << QStringList {"perf",   "overhead",  "--baseline", "http://a/",
                            "--mesh", "http://b/", "--workers",  "2"}
            << 2 << "go with --in-cluster";
        QTest::newRow("overhead: switch-injection without a target")
            << QStringList {"perf", "overhead", "--switch-injection", "bookinfo"} << 2
            << "--target URL";
        QTest::newRow("overhead: switch-injection with two URLs")
            << QStringList {"perf",     "overhead",  "--switch-injection", "bookinfo",
                            "--target", "http://a/", "--baseline",         "http://b/"}
            << 2 << "replaces --baseline";
        QTest::newRow("streams without http2")
            << QStringList {"perf", "run", "--url", "http://x/", "--streams", "4"} << 2
            << "--streams goes with --http2";
        QTest::newRow("too many streams")
            << QStringList {"perf", "run", "--url", "http://x/", "--http2", "--streams", "5000"}
            << 2 << "from 1 to 1000";
        QTest::newRow("http2 with wrk")
            << QStringList {"perf", "run", "--url", "http://x/", "--http2", "--generator", "wrk"}
            << 2 << "own engine";
        QTest::newRow("data without grpc")
            << QStringList {"perf", "run", "--url", "http://x/", "--data", "{}"} << 2
            << "go with --grpc";
        QTest::newRow("grpc with http2")
            << QStringList {"perf", "run", "--url", "http://x/", "--grpc", "--http2"} << 2
            << "leave out --http2";
        QTest::newRow("grpc: not a descriptor set")
            << QStringList {"perf",   "run",   "--url",       "http://x/",
                            "--grpc", "a.B/C", "--proto-set", "/etc/hostname"}
            << 1 << "not a Protobuf descriptor set";
        QTest::newRow("grpc: JSON of another message") << QStringList {
            "perf",   "run",          "--url", "http://x/", "--grpc", "bookinfo.Details/GetDetails",
            "--data", "{\"isbn\": 3}"} << 1 << "bookinfo.BookRequest";
        QTest::newRow("grpc: JSON for a method nothing describes")
            << QStringList {"perf",   "run",           "--url",  "http://x/",
                            "--grpc", "shop.Cart/Add", "--data", "{}"}
            << 1 << "--proto-set";
        QTest::newRow("grpc: not a method")
            << QStringList {"perf", "run", "--url", "http://127.0.0.1:9/", "--grpc", "nomethod"}
            << 1 << "package.Service/Method";
        QTest::newRow("unknown generator")
            << QStringList {"perf", "run", "--url", "http://x/", "--generator", "ab"} << 2
            << "native, wrk or fortio";
    }

    void perfBadInput()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, mentions);
        const Run r = meshdeck(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(r.err).contains(mentions), r.err.constData());
    }

    void resultsCommands()
    {
        std::signal(SIGPIPE, SIG_IGN);
        TestSupport::RawHttpServer server;
        QVERIFY(server.start([](int, int, const std::string &) {
            return TestSupport::RawReply {TestSupport::RawHttpServer::ok()};
        }));
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("r.sqlite"));
        const QString url = QString::fromStdString(server.url());
        for (const char *name : {"first", "second"})
            QCOMPARE(meshdeck({"perf", "run", "--url", url, "--duration", "1s", "--rate", "100",
                               "--name", name, "--db", db})
                         .exitCode,
                     0);
        const Run list = meshdeck({"results", "list", "--db", db, "--json"});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(list.out).array();
        QCOMPARE(rows.size(), 2);
        const QString a = rows.at(0).toObject().value("id").toString();
        const QString b = rows.at(1).toObject().value("id").toString();
        QVERIFY(meshdeck({"results", "show", a.left(8), "--db", db}).out.contains("Latency (ms)"));
        QVERIFY(meshdeck({"results", "compare", b, a, "--db", db}).out.contains("vs "));
        const QString out = dir.filePath(QStringLiteral("export"));
        const Run exported
            = meshdeck({"results", "export", a, b, "--format", "fortio", "-o", out, "--db", db});
        QCOMPARE(exported.exitCode, 0);
        const QStringList files = QDir(out).entryList(QDir::Files);
        QCOMPARE(files.size(), 2);
        const QString other = dir.filePath(QStringLiteral("other.sqlite"));
        const Run imported
            = meshdeck({"results", "import", QDir(out).filePath(files.first()), "--db", other});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        QCOMPARE(QJsonDocument::fromJson(meshdeck({"results", "list", "--db", other, "--json"}).out)
                     .array()
                     .size(),
                 1);
        QFile bad(dir.filePath(QStringLiteral("bad.json")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"truncated\": ");
        bad.close();
        const Run refused = meshdeck(
            {"results", "import", QDir(out).filePath(files.last()), bad.fileName(), "--db", other});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.err.contains("nothing imported"));
        QVERIFY(refused.err.contains("bad.json"));
        QCOMPARE(QJsonDocument::fromJson(meshdeck({"results", "list", "--db", other, "--json"}).out)
                     .array()
                     .size(),
                 1);
        QCOMPARE(meshdeck({"results", "show", "zzzz", "--db", db}).exitCode, 1);
        QCOMPARE(meshdeck({"results", "list", "--db", dir.filePath(QStringLiteral("none.sqlite"))})
                     .exitCode,
                 1);
    }

    // A database in a folder the user may not write (SQLite could not make its journal there):
    // its runs list, and adding one says why it cannot. Run as "nobody", since root may write
    // anywhere.
    void resultsInAReadOnlyFolder()
    {
        const QString runuser = QStandardPaths::findExecutable(QStringLiteral("runuser"));
        if (::geteuid() != 0 || runuser.isEmpty())
            QSKIP("needs root and runuser, to act as a user without rights");
        // The binary must be reachable by that user.
        for (QFileInfo at(QStringLiteral(MESHDECK_BINARY)); at.absoluteFilePath() != "/";
             at = QFileInfo(at.absolutePath()))
            if (!(at.permissions() & QFileDevice::ExeOther) && at.isDir())
                QSKIP("the build folder is not reachable by other users");
        std::signal(SIGPIPE, SIG_IGN);
        TestSupport::RawHttpServer server;
        QVERIFY(server.start([](int, int, const std::string &) {
            return TestSupport::RawReply {TestSupport::RawHttpServer::ok()};
        }));
        QTemporaryDir dir;
        QFile::setPermissions(dir.path(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                  | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                  | QFileDevice::ExeOther);
        const QString folder = dir.filePath(QStringLiteral("shared"));
        QVERIFY(QDir().mkpath(folder));
        const QString db = QDir(folder).filePath(QStringLiteral("r.sqlite"));
        QCOMPARE(meshdeck({"perf", "run", "--url", QString::fromStdString(server.url()),
                           "--duration", "1s", "--rate", "50", "--name", "kept", "--db", db})
                     .exitCode,
                 0);
        // Readable by all, the folder writable by none but its owner (root).
        QFile::setPermissions(
            db, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
        QFile::setPermissions(folder,
                              QFileDevice::ReadOwner | QFileDevice::ExeOwner
                                  | QFileDevice::ReadOther | QFileDevice::ExeOther);
        const auto asNobody = [&](const QStringList &args) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("HOME"), dir.path());
            env.remove(QStringLiteral("DISPLAY"));
            p.setProcessEnvironment(env);
            p.start(runuser,
                    QStringList {"-u", "nobody", "--", QStringLiteral(MESHDECK_BINARY)} + args);
            p.waitForFinished(30000);
            return Run {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
        };
        const Run list = asNobody({"results", "list", "--db", db});
        QVERIFY2(list.exitCode == 0, list.err.constData());
        QVERIFY(list.out.contains("kept"));
        const Run add = asNobody({"perf", "run", "--url", QString::fromStdString(server.url()),
                                  "--duration", "1s", "--rate", "50", "--db", db});
        QCOMPARE(add.exitCode, 1);
        QVERIFY2(add.err.contains("is not writable"), add.err.constData());
    }

    // A server that accepts and never answers: the run ends as a failure that says so, and the
    // password of the URL is not echoed anywhere.
    void perfNothingCompletedIsAFailure()
    {
        TestSupport::RawHttpServer server;
        QVERIFY(server.start([](int, int, const std::string &) {
            TestSupport::RawReply r;
            r.hang = true;
            return r;
        }));
        QString url = QString::fromStdString(server.url("/"));
        url.replace(QStringLiteral("http://"), QStringLiteral("http://me:s3cretPw@"));
        const Run r = meshdeck({"perf", "run", "--url", url, "--duration", "1s", "--json"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("No response"), r.err.constData());
        QVERIFY(!r.out.contains("s3cretPw"));
        QVERIFY(!r.err.contains("s3cretPw"));
        QVERIFY2(r.out.contains("\"url\""), r.out.constData());
    }

    // The in-cluster worker on its own: waits for its start time, reports each second with its
    // histogram, and on SIGTERM still writes what it measured (exit 143); a bad profile is a
    // usage error that says why.
    void loadgenWorker()
    {
        TestSupport::RawHttpServer server;
        QVERIFY(server.start([](int, int, const std::string &) {
            return TestSupport::RawReply {"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"};
        }));
        // The Service name resolves through the aliases, as the demo gives its workers.
        const QString profile = QStringLiteral(
            "{\"name\":\"w\",\"url\":\"http://web.shop:80/\",\"mode\":\"constant_rate\","
            "\"rate\":200,\"connections\":4,\"duration_ms\":30000}");
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MESHDECK_HOST_ALIASES"),
                   QStringLiteral("web.shop:80=127.0.0.1:%1").arg(server.port()));
        env.insert(QStringLiteral("JOB_COMPLETION_INDEX"), QStringLiteral("1"));
        p.setProcessEnvironment(env);
        const qint64 startAt = QDateTime::currentMSecsSinceEpoch() + 300;
        p.start(QStringLiteral(MESHDECK_BINARY),
                {"loadgen", "--profile", profile, "--workers", "2", "--start-at",
                 QString::number(startAt)});
        QVERIFY(p.waitForStarted());
        QByteArray out;
        QElapsedTimer clock;
        clock.start();
        while (out.count("\"event\":\"second\"") < 2 && clock.elapsed() < 15000) {
            p.waitForReadyRead(200);
            out += p.readAllStandardOutput();
        }
        QVERIFY2(out.count("\"event\":\"second\"") >= 2, out.constData());
        ::kill(pid_t(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(10000));
        out += p.readAllStandardOutput();
        QCOMPARE(p.exitCode(), 143);
        QVERIFY(out.startsWith("{\"event\":\"ready\""));
        QVERIFY(out.contains("\"worker\":1"));
        QVERIFY2(out.contains("\"event\":\"result\""), out.right(300).constData());

        const Run farAhead
            = meshdeck({"loadgen", "--profile", profile, "--start-at",
                        QString::number(QDateTime::currentMSecsSinceEpoch() * 1000)});
        QCOMPARE(farAhead.exitCode, 2);
        QVERIFY2(farAhead.err.contains("10 minutes"), farAhead.err.constData());

        const Run bad = meshdeck({"loadgen", "--profile", "{\"url\": 5}"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.out.contains("\"event\":\"error\""), bad.out.constData());
        QVERIFY2(bad.err.contains("name"), bad.err.constData());
    }

    // The issue's own words: perf run --in-cluster against `meshdeck demo-cluster` prints a
    // merged result and leaves no Job, pod or Secret (checked with the real kubectl).
    void perfRunInCluster()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty())
            QSKIP("kubectl is not installed (packaging/dev.sh installs it)");
        QTemporaryDir dir;
        const QString kc = dir.filePath(QStringLiteral("kc"));
        QProcess demo;
        demo.start(QStringLiteral(MESHDECK_BINARY), {"demo-cluster", "--kubeconfig", kc});
        QVERIFY(demo.waitForStarted());
        const QByteArray banner = demoBanner(demo);
        QVERIFY2(banner.contains("Press Ctrl-C"), banner.constData());
        const Run r = meshdeck({"perf", "run", "--in-cluster", "--kubeconfig", kc, "--workers", "2",
                                "--url", "http://productpage.bookinfo:9080/productpage", "--rate",
                                "100", "--duration", "3s", "--start-delay", "2s",
                                "--sample-interval", "500ms", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value("labels").toObject().value("load.from").toString(),
                 QStringLiteral("cluster"));
        QCOMPARE(o.value("labels").toObject().value("load.workers").toString(),
                 QStringLiteral("2"));
        // The workers and the target's containers were sampled beside the run.
        const QJsonObject resources = o.value("resources").toObject();
        QVERIFY2(resources.value("source").toString() == QLatin1String("prometheus")
                     || resources.value("source").toString() == QLatin1String("metrics-api"),
                 r.out.constData());
        QVERIFY2(resources.contains("load-generator"), r.out.constData());

        // A run from this computer with a cluster named: the sidecars' CPU and memory, printed
        // beside the latency.
        const QString meshUrl = QRegularExpression(QStringLiteral("through sidecars:\\s+(\\S+)"))
                                    .match(QString::fromUtf8(banner))
                                    .captured(1);
        QVERIFY2(!meshUrl.isEmpty(), banner.constData());
        const Run local = meshdeck({"perf", "run", "--kubeconfig", kc, "--url", meshUrl,
                                    "--target-namespace", "bookinfo", "--rate", "100", "--duration",
                                    "3s", "--sample-interval", "500ms"});
        QVERIFY2(local.exitCode == 0, local.err.constData());
        QVERIFY2(local.out.contains("Resources    from"), local.out.constData());
        QVERIFY2(QRegularExpression(QStringLiteral("sidecar +[0-9]+ mCPU"))
                     .match(QString::fromUtf8(local.out))
                     .hasMatch(),
                 local.out.constData());
        const auto leftBehind = [&] {
            QProcess kubectl;
            kubectl.start(QStringLiteral("kubectl"),
                          {"--kubeconfig", kc, "get", "jobs,pods,secrets,namespaces", "-A", "-l",
                           "app.kubernetes.io/managed-by=meshdeck", "-o", "name"});
            kubectl.waitForFinished(20000);
            return kubectl.readAllStandardOutput().trimmed();
        };
        QTRY_VERIFY_WITH_TIMEOUT(leftBehind().isEmpty(), 15000);
        demo.terminate();
        QVERIFY(demo.waitForFinished(15000));
    }

    // perf overhead with the load from worker pods, against `meshdeck demo-cluster`: both arms
    // name productpage's Service, the mesh arm's workers inside the mesh; the report comes as
    // JSON, HTML and PNG, with the proxies' CPU measured.
    void perfOverheadInCluster()
    {
        QTemporaryDir dir;
        const QString kc = dir.filePath(QStringLiteral("kc"));
        QProcess demo;
        demo.start(QStringLiteral(MESHDECK_BINARY), {"demo-cluster", "--kubeconfig", kc});
        QVERIFY(demo.waitForStarted());
        const QByteArray banner = demoBanner(demo);
        QVERIFY2(banner.contains("Press Ctrl-C"), banner.constData());
        const QString service = QStringLiteral("http://productpage.bookinfo:9080/productpage");
        const QString html = dir.filePath(QStringLiteral("r.html"));
        const QString png = dir.filePath(QStringLiteral("r.png"));
        const Run r = meshdeck({"perf", "overhead", "--kubeconfig", kc, "--mesh-namespace",
                                "bookinfo", "--in-cluster", "--baseline", service, "--mesh",
                                service, "--rates", "200", "--repeat", "1",
                                // The demo's Prometheus scrapes every 2 s: a measured
                                // window of 6 s holds at least two scrapes on a busy machine.
                                "--duration", "6s", "--warmup", "1s", "--sample-interval", "500ms",
                                "--start-delay", "2s", "--json", "--html", html, "--png", png});
        demo.terminate();
        QVERIFY(demo.waitForFinished(15000));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QVERIFY2(report.value("mesh").toString().contains("inside the mesh"), r.out.constData());
        QVERIFY2(report.value("baseline").toString().contains("outside the mesh"),
                 r.out.constData());
        const QJsonArray rates = report.value("rates").toArray();
        QCOMPARE(rates.size(), 1);
        QVERIFY2(rates.first().toObject().value("proxy_vcpu_per_1000_rps").toDouble() > 0,
                 r.out.constData());
        QVERIFY(QFileInfo(html).size() > 1000);
        const QImage picture(png);
        QVERIFY(!picture.isNull());
        QCOMPARE(picture.width(), 1200);
    }

    void perfCtrlCKeepsThePartialResult()
    {
        std::signal(SIGPIPE, SIG_IGN);
        TestSupport::RawHttpServer server;
        QVERIFY(server.start([](int, int, const std::string &) {
            return TestSupport::RawReply {TestSupport::RawHttpServer::ok()};
        }));
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("partial.pb"));
        QProcess p;
        p.start(QStringLiteral(MESHDECK_BINARY),
                {"perf", "run", "--url", QString::fromStdString(server.url()), "--duration", "60s",
                 "--connections", "2", "-o", out});
        QVERIFY(p.waitForStarted());
        QTest::qWait(1500);
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(5000));
        QCOMPARE(p.exitCode(), 130);
        QVERIFY(p.readAllStandardOutput().contains("interrupted"));
        const Run show = meshdeck({"perf", "show", out, "--json"});
        QCOMPARE(show.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(show.out).object();
        QVERIFY(json.value("cancelled").toBool());
        QVERIFY(json.value("responses").toDouble() > 0);
        QVERIFY(json.value("measured_seconds").toDouble() < 5);
    }
};

QTEST_GUILESS_MAIN(tst_CliPerf)
#include "tst_cliperf.moc"
