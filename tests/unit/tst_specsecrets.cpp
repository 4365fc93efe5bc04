// Credentials a run was sent with never rest on disk: not in the results database (nor its WAL),
// not in result files, not in SMP or fortio exports. The run keeps the header names, so it can be
// read back and repeated once the secret is given again.
#include <perf/specsecrets.h>
#include <proto/resultcodec.h>
#include <store/resultfiles.h>
#include <store/resultstore.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Meshdeck;
using namespace Meshdeck::Perf;

namespace {

RunResult runWithSecrets()
{
    RunResult run;
    run.id = QStringLiteral("4c1f0c52-0000-4000-8000-00000000abcd");
    run.name = QStringLiteral("with secrets");
    run.spec.url = "http://admin:hunter2pass@127.0.0.1:9080/login?x=1";
    run.spec.headers = {{"Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.sEcReTtOkEn"},
                        {"cookie", "session=c00kieSecretValue"},
                        {"X-Api-Key", "apiKeySecretValue"},
                        {"X-Tenant-Secret", "tenantSecretValue"},
                        {"X-Trace", "keep-me"}};
    run.spec.secretHeaders = {"x-tenant-secret"};
    run.spec.body = R"({"user":"me","password":"b0dyPassw0rd"})";
    run.spec.method = "POST";
    for (int i = 1; i <= 100; ++i)
        run.report.corrected.record(static_cast<std::uint64_t>(i) * 10'000);
    run.report.service = run.report.corrected;
    run.report.counters.responses = 100;
    run.report.counters.successes = 100;
    run.report.measuredSeconds = 1;
    run.start = QDateTime::currentDateTimeUtc();
    run.end = run.start.addSecs(1);
    return run;
}

const QList<QByteArray> &secrets()
{
    static const QList<QByteArray> s {"hunter2pass",       "sEcReTtOkEn",       "c00kieSecretValue",
                                      "apiKeySecretValue", "tenantSecretValue", "b0dyPassw0rd"};
    return s;
}

QString leaked(const QByteArray &bytes)
{
    for (const QByteArray &s : secrets())
        if (bytes.contains(s))
            return QString::fromLatin1(s);
    return {};
}

} // namespace

class tst_SpecSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sensitiveHeaders_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("sensitive");
        QTest::newRow("authorization") << QStringLiteral("Authorization") << true;
        QTest::newRow("lower case") << QStringLiteral("proxy-authorization") << true;
        QTest::newRow("cookie") << QStringLiteral("Cookie") << true;
        QTest::newRow("api key") << QStringLiteral("X-API-KEY") << true;
        QTest::newRow("marked") << QStringLiteral("X-Tenant-Secret") << true;
        QTest::newRow("ordinary") << QStringLiteral("Accept") << false;
        QTest::newRow("near miss") << QStringLiteral("Authorization-Hint") << false;
    }
    void sensitiveHeaders()
    {
        QFETCH(QString, name);
        QFETCH(bool, sensitive);
        QCOMPARE(SpecSecrets::isSensitiveHeader(runWithSecrets().spec, name.toStdString()),
                 sensitive);
    }
    void urls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        QTest::newRow("password") << QStringLiteral("https://u:p4ss@host:8443/a?b=c")
                                  << QStringLiteral("https://u:<redacted>@host:8443/a?b=c");
        QTest::newRow("user only")
            << QStringLiteral("http://u@host/") << QStringLiteral("http://u@host/");
        QTest::newRow("plain") << QStringLiteral("http://host:80/x@y")
                               << QStringLiteral("http://host:80/x@y");
        QTest::newRow("at in password")
            << QStringLiteral("http://u:p@ss@host/") << QStringLiteral("http://u:<redacted>@host/");
    }
    void urls()
    {
        QFETCH(QString, url);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(SpecSecrets::redactUrl(url.toStdString())), expected);
    }
    void redactedKeepsNamesAndOrdinaryValues()
    {
        const RunResult run = runWithSecrets();
        QVERIFY(SpecSecrets::hasSecrets(run.spec));
        const LoadSpec safe = SpecSecrets::redacted(run.spec);
        QCOMPARE(safe.headers.size(), run.spec.headers.size());
        QCOMPARE(safe.headers[0].first, std::string("Authorization"));
        QCOMPARE(safe.headers[0].second, std::string("<redacted>"));
        QCOMPARE(safe.headers[4].second, std::string("keep-me"));
        QVERIFY(!SpecSecrets::hasSecrets(safe));
        QVERIFY(safe.body.find("\"user\":\"me\"") != std::string::npos);
    }
    void resultFileHoldsNoSecret()
    {
        const RunResult run = runWithSecrets();
        const QByteArray bytes = ResultCodec::encode(run);
        QVERIFY2(leaked(bytes).isEmpty(), qPrintable(leaked(bytes)));
        const auto back = ResultCodec::decode(bytes);
        QVERIFY(back.ok());
        QCOMPARE(back->spec.headers.size(), run.spec.headers.size());
        QCOMPARE(back->spec.secretHeaders, run.spec.secretHeaders);
        QCOMPARE(back->spec.headers[4].second, std::string("keep-me"));
    }
    void exportsHoldNoSecret_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("meshdeck") << int(ResultFiles::Format::Meshdeck);
        QTest::newRow("fortio") << int(ResultFiles::Format::Fortio);
        QTest::newRow("smp") << int(ResultFiles::Format::SmpJson);
    }
    void exportsHoldNoSecret()
    {
        QFETCH(int, format);
        const QByteArray bytes
            = ResultFiles::serialize(runWithSecrets(), ResultFiles::Format(format));
        QVERIFY(!bytes.isEmpty());
        QVERIFY2(leaked(bytes).isEmpty(), qPrintable(leaked(bytes)));
    }
    void databaseHoldsNoSecretAndIsPrivate()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fresh/results.sqlite"));
        {
            auto store = ResultStore::open(path);
            QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().toString()));
            QVERIFY(store.value()->saveRun(runWithSecrets()).ok());
            QByteArray all;
            for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
                QFile f(path + suffix);
                if (f.open(QIODevice::ReadOnly))
                    all += f.readAll();
            }
            QVERIFY(!all.isEmpty());
            QVERIFY2(leaked(all).isEmpty(), qPrintable(leaked(all)));
            for (const QString &suffix :
                 {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
                struct stat st
                {
                };
                if (::stat(QFile::encodeName(path + suffix).constData(), &st) != 0)
                    continue;
                QVERIFY2((st.st_mode & 077) == 0, qPrintable(suffix));
            }
            struct stat folder
            {
            };
            QCOMPARE(::stat(QFile::encodeName(dir.filePath(QStringLiteral("fresh"))).constData(),
                            &folder),
                     0);
            QCOMPARE(int(folder.st_mode & 0777), 0700);
        }
    }
    void databasePathThatIsAFolder()
    {
        QTemporaryDir dir;
        const auto store = ResultStore::open(dir.path());
        QVERIFY(!store.ok());
        QVERIFY2(store.error().message().contains(QStringLiteral("is a folder")),
                 qPrintable(store.error().message()));
    }
};

QTEST_GUILESS_MAIN(tst_SpecSecrets)
#include "tst_specsecrets.moc"
