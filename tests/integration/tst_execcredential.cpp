// Exec credential plugins run for real: small shell scripts that behave like aws, gke-gcloud-
// auth-plugin or kubelogin, and ones that misbehave.
#include <kube/execcredential.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Meshdeck;
using namespace Meshdeck::Kube;

class tst_ExecCredential : public QObject
{
    Q_OBJECT

private:
    QString script(const QString &name, const QByteArray &body)
    {
        QFile f(m_dir.filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write("#!/bin/sh\n" + body);
        f.close();
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        return f.fileName();
    }
    ExecConfig exec(const QString &command,
                    const QString &apiVersion = QStringLiteral("client.authentication.k8s.io/v1"))
    {
        ExecConfig e;
        e.apiVersion = apiVersion;
        e.command = command;
        return e;
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void tokenWithArgsAndEnv()
    {
        // Echoes back what it was given, so the test sees args, env and KUBERNETES_EXEC_INFO.
        const QString plugin = script(
            QStringLiteral("token-plugin"),
            "case \"$KUBERNETES_EXEC_INFO\" in *'\"server\":\"https://c\"'*) info=yes;; *) "
            "info=no;; esac\n"
            "printf "
            "'{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
            "\"status\":{\"token\":\"tok-%s-%s-%s\"}}' \"$1\" \"$REGION\" \"$info\"\n");
        ExecConfig e = exec(plugin);
        e.args = {QStringLiteral("abc")};
        e.env = {{QStringLiteral("REGION"), QStringLiteral("eu")}};
        e.provideClusterInfo = true;
        ClusterEntry cluster;
        cluster.server = QStringLiteral("https://c");
        ExecCredentialProvider provider;
        const auto c = provider.credential(e, cluster, QStringLiteral("u"));
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().toString()));
        QCOMPARE(c->token, QStringLiteral("tok-abc-eu-yes"));
    }

    void clientCertificateV1beta1()
    {
        const QString plugin = script(
            QStringLiteral("cert-plugin"),
            "printf "
            "'{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":\"ExecCredential\","
            "\"status\":{\"clientCertificateData\":\"-----BEGIN "
            "CERTIFICATE-----\\\\nA\\\\n-----END CERTIFICATE-----\","
            "\"clientKeyData\":\"-----BEGIN PRIVATE KEY-----\\\\nB\\\\n-----END PRIVATE "
            "KEY-----\"}}'\n");
        ExecCredentialProvider provider;
        const auto c = provider.credential(
            exec(plugin, QStringLiteral("client.authentication.k8s.io/v1beta1")), {},
            QStringLiteral("u"));
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().toString()));
        QVERIFY(c->clientCertPem.startsWith("-----BEGIN CERTIFICATE-----"));
        QVERIFY(c->clientKeyPem.contains("PRIVATE KEY"));
    }

    void cachedUntilExpiry()
    {
        const QString counter = m_dir.filePath(QStringLiteral("count"));
        const QString valid
            = script(QStringLiteral("cached"),
                     QStringLiteral("echo x >> %1\nprintf "
                                    "'{\"kind\":\"ExecCredential\",\"status\":{\"token\":\"t\","
                                    "\"expirationTimestamp\":\"2999-01-01T00:00:00Z\"}}'\n")
                         .arg(counter)
                         .toUtf8());
        const QString expired
            = script(QStringLiteral("expired"),
                     QStringLiteral("echo x >> %1\nprintf "
                                    "'{\"kind\":\"ExecCredential\",\"status\":{\"token\":\"t\","
                                    "\"expirationTimestamp\":\"2000-01-01T00:00:00Z\"}}'\n")
                         .arg(counter)
                         .toUtf8());
        auto runs = [&] {
            QFile f(counter);
            return f.open(QIODevice::ReadOnly) ? int(f.readAll().count('\n')) : 0;
        };
        ExecCredentialProvider provider;
        QVERIFY(provider.credential(exec(valid), {}, QStringLiteral("u")).ok());
        QVERIFY(provider.credential(exec(valid), {}, QStringLiteral("u")).ok());
        QCOMPARE(runs(), 1);
        provider.refresh(exec(valid)); // after a 401
        QVERIFY(provider.credential(exec(valid), {}, QStringLiteral("u")).ok());
        QCOMPARE(runs(), 2);
        QVERIFY(provider.credential(exec(expired), {}, QStringLiteral("u")).ok());
        QVERIFY(provider.credential(exec(expired), {}, QStringLiteral("u")).ok());
        QCOMPARE(runs(), 4);
    }

    void failures_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("exit code")
            << QByteArray("echo 'error: token expired, run: login' >&2\nexit 3\n")
            << int(ErrorCode::IoError) << "exit code 3";
        QTest::newRow("junk output") << QByteArray("echo 'Welcome! Please log in'\n")
                                     << int(ErrorCode::ParseError) << "not an ExecCredential";
        QTest::newRow("empty status")
            << QByteArray("echo '{\"kind\":\"ExecCredential\",\"status\":{}}'\n")
            << int(ErrorCode::ParseError) << "not an ExecCredential";
        QTest::newRow("no credential")
            << QByteArray("echo "
                          "'{\"kind\":\"ExecCredential\",\"status\":{\"expirationTimestamp\":"
                          "\"2999-01-01T00:00:00Z\"}}'\n")
            << int(ErrorCode::ParseError) << "neither a token";
    }
    void failures()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, code);
        QFETCH(QString, mentions);
        const QString plugin = script(QStringLiteral("bad-%1")
                                          .arg(QTest::currentDataTag())
                                          .replace(QLatin1Char(' '), QLatin1Char('-')),
                                      body);
        ExecCredentialProvider provider;
        const auto c = provider.credential(exec(plugin), {}, QStringLiteral("u"));
        QVERIFY(!c.ok());
        QCOMPARE(int(c.error().code()), code);
        QVERIFY2(c.error().message().contains(mentions), qPrintable(c.error().message()));
    }

    void missingPluginGivesInstallHint()
    {
        ExecConfig e = exec(QStringLiteral("meshdeck-no-such-plugin"));
        e.installHint = QStringLiteral("Install it with: apt-get install meshdeck-auth");
        ExecCredentialProvider provider;
        const auto c = provider.credential(e, {}, QStringLiteral("dev"));
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code(), ErrorCode::NotFound);
        QVERIFY(c.error().message().contains(QStringLiteral("apt-get install meshdeck-auth")));
        QVERIFY(c.error().message().contains(QStringLiteral("\"dev\"")));
    }

    void unsupportedApiVersion()
    {
        ExecCredentialProvider provider;
        const auto c
            = provider.credential(exec(QStringLiteral("/bin/true"),
                                       QStringLiteral("client.authentication.k8s.io/v1alpha1")),
                                  {}, QStringLiteral("u"));
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code(), ErrorCode::Unsupported);
    }

    void hangingPluginTimesOut()
    {
        const QString plugin = script(QStringLiteral("hang"), "sleep 30\n");
        ExecCredentialProvider provider(500);
        const auto c = provider.credential(exec(plugin), {}, QStringLiteral("u"));
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code(), ErrorCode::Timeout);
    }
};

QTEST_GUILESS_MAIN(tst_ExecCredential)
#include "tst_execcredential.moc"
