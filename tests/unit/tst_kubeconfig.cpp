#include <kube/kubeconfig.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Meshdeck;
using namespace Meshdeck::Kube;

namespace {
const QByteArray kPem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile f(dir.filePath(name));
    f.open(QIODevice::WriteOnly);
    f.write(content);
    return f.fileName();
}

QByteArray config(const QByteArray &current, const QByteArray &contexts, const QByteArray &clusters,
                  const QByteArray &users)
{
    return "apiVersion: v1\nkind: Config\ncurrent-context: " + current + "\ncontexts:\n" + contexts
        + "clusters:\n" + clusters + "users:\n" + users;
}
} // namespace

class tst_Kubeconfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolvesEverything()
    {
        QTemporaryDir dir;
        write(dir, QStringLiteral("ca.crt"), kPem);
        write(dir, QStringLiteral("token"), "  file-token \n");
        const QByteArray yaml = config(
            "prod",
            "- name: prod\n  context: {cluster: c1, user: u1, namespace: shop}\n"
            "- name: ci\n  context: {cluster: c2, user: u2}\n",
            "- name: c1\n  cluster: {server: 'https://10.0.0.1:6443', certificate-authority: "
            "ca.crt, tls-server-name: api.internal, proxy-url: 'http://proxy:3128'}\n"
            "- name: c2\n  cluster: {server: 'https://k8s.example:443', insecure-skip-tls-verify: "
            "true, certificate-authority-data: "
                + kPem.toBase64() + "}\n",
            "- name: u1\n  user: {tokenFile: token}\n"
            "- name: u2\n  user: {client-certificate-data: "
                + kPem.toBase64() + ", client-key-data: "
                + QByteArray("-----BEGIN EC PRIVATE KEY-----\nx\n-----END EC PRIVATE KEY-----\n")
                      .toBase64()
                + "}\n");
        const QString file = write(dir, QStringLiteral("config"), yaml);
        const auto k = Kubeconfig::load(file);
        QVERIFY2(k.ok(), qPrintable(k.ok() ? QString() : k.error().message()));
        QCOMPARE(k->currentContext(), QStringLiteral("prod"));
        QCOMPARE(k->contexts().size(), 2);

        const auto prod = k->resolve();
        QVERIFY2(prod.ok(), qPrintable(prod.ok() ? QString() : prod.error().message()));
        QCOMPARE(prod->server, QUrl(QStringLiteral("https://10.0.0.1:6443")));
        QCOMPARE(prod->ns, QStringLiteral("shop"));
        QCOMPARE(prod->tls.caPem, kPem); // read relative to the kubeconfig
        QCOMPARE(prod->tls.serverName, QStringLiteral("api.internal"));
        QCOMPARE(prod->proxyUrl, QStringLiteral("http://proxy:3128"));
        QCOMPARE(prod->bearerToken, QStringLiteral("file-token"));
        QCOMPARE(prod->authDescription(), QStringLiteral("token"));

        const auto ci = k->resolve(QStringLiteral("ci"));
        QVERIFY(ci.ok());
        QVERIFY(!ci->tls.verifyPeer);
        QCOMPARE(ci->ns, QStringLiteral("default"));
        QCOMPARE(ci->tls.clientCertPem, kPem);
        QCOMPARE(ci->authDescription(), QStringLiteral("client certificate"));
    }

    void mergesLikeKubectl()
    {
        QTemporaryDir dir;
        const QString a
            = write(dir, QStringLiteral("a"),
                    config("first", "- name: first\n  context: {cluster: shared, user: ua}\n",
                           "- name: shared\n  cluster: {server: 'https://a:6443'}\n",
                           "- name: ua\n  user: {token: ta}\n"));
        const QString b = write(dir, QStringLiteral("b"),
                                config("second",
                                       "- name: second\n  context: {cluster: shared, user: ub}\n- "
                                       "name: first\n  context: {cluster: other, user: ub}\n",
                                       "- name: shared\n  cluster: {server: 'https://b:6443'}\n",
                                       "- name: ub\n  user: {token: tb}\n"));
        const auto k
            = Kubeconfig::loadFiles({a, dir.filePath(QStringLiteral("missing")), b}, false);
        QVERIFY(k.ok());
        QCOMPARE(k->files().size(), 2); // the missing one is skipped
        QCOMPARE(k->currentContext(), QStringLiteral("first"));
        QCOMPARE(k->contexts().size(), 2);
        QCOMPARE(k->context(QStringLiteral("first"))->cluster,
                 QStringLiteral("shared")); // first file wins
        QCOMPARE(k->cluster(QStringLiteral("shared"))->server, QStringLiteral("https://a:6443"));
        QCOMPARE(k->resolve(QStringLiteral("second"))->bearerToken, QStringLiteral("tb"));
    }

    void execPlugin()
    {
        QTemporaryDir dir;
        const auto k = Kubeconfig::parse(
            config("x", "- name: x\n  context: {cluster: c, user: u}\n",
                   "- name: c\n  cluster: {server: 'https://c'}\n",
                   "- name: u\n  user:\n    exec:\n      apiVersion: "
                   "client.authentication.k8s.io/v1\n      command: ./bin/plugin\n"
                   "      args: [token, --cluster, c]\n      env: [{name: REGION, value: eu}]\n    "
                   "  installHint: Install it.\n      provideClusterInfo: true\n"),
            dir.filePath(QStringLiteral("config")));
        QVERIFY(k.ok());
        const auto r = k->resolve();
        QVERIFY(r.ok());
        QVERIFY(r->exec.has_value());
        QCOMPARE(r->exec->command, dir.filePath(QStringLiteral("bin/plugin")));
        QCOMPARE(r->exec->args, QStringList({"token", "--cluster", "c"}));
        QCOMPARE(r->exec->env.first().second, QStringLiteral("eu"));
        QVERIFY(r->exec->provideClusterInfo);
        QCOMPARE(r->authDescription(), QStringLiteral("exec plugin plugin"));
    }

    // Credentials to a plain-http server are said to travel unencrypted (never shown themselves);
    // https, or nothing secret to send, says nothing.
    void plainHttpWarning_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("expected"); // part of the warning; empty: no warning
        QTest::newRow("token over http") << "http://10.0.0.1:8080"
                                         << "{token: s3cret-token}"
                                         << "the token of user u";
        QTest::newRow("password over http") << "http://10.0.0.1:8080"
                                            << "{username: admin, password: hunter2}"
                                            << "the user name and password";
        QTest::newRow("token over https") << "https://10.0.0.1:6443"
                                          << "{token: s3cret-token}"
                                          << "";
        QTest::newRow("anonymous over http") << "http://10.0.0.1:8080"
                                             << "{}"
                                             << "";
        QTest::newRow("token over loopback") << "http://127.0.0.1:8080"
                                             << "{token: s3cret-token}"
                                             << "";
    }

    void plainHttpWarning()
    {
        QFETCH(QString, server);
        QFETCH(QString, user);
        QFETCH(QString, expected);
        const auto k = Kubeconfig::parse(
            config("x", "- name: x\n  context: {cluster: c, user: u}\n",
                   QStringLiteral("- name: c\n  cluster: {server: '%1'}\n")
                       .arg(server)
                       .toUtf8()
                       .constData(),
                   QStringLiteral("- name: u\n  user: %1\n").arg(user).toUtf8().constData()),
            QStringLiteral("/tmp/config"));
        QVERIFY(k.ok());
        const auto r = k->resolve();
        QVERIFY(r.ok());
        const QString warning = r->plainHttpWarning();
        if (expected.isEmpty()) {
            QVERIFY2(warning.isEmpty(), qPrintable(warning));
            return;
        }
        QVERIFY2(warning.contains(expected), qPrintable(warning));
        QVERIFY(warning.contains(QStringLiteral("unencrypted")));
        QVERIFY(!warning.contains(QStringLiteral("s3cret")));
        QVERIFY(!warning.contains(QStringLiteral("hunter2")));
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("context");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("malformed yaml") << QByteArray("clusters: [\n  - name: x\n  bad")
                                        << QString() << int(ErrorCode::ParseError) << "line";
        QTest::newRow("not a map")
            << QByteArray("- a\n- b\n") << QString() << int(ErrorCode::ParseError) << "top level";
        QTest::newRow("bad base64")
            << config("x", "- name: x\n  context: {cluster: c}\n",
                      "- name: c\n  cluster: {server: 'https://c', certificate-authority-data: "
                      "'@@@not base64@@@'}\n",
                      "[]\n")
            << QString() << int(ErrorCode::ParseError) << "not valid base64";
        QTest::newRow("not pem") << config(
            "x", "- name: x\n  context: {cluster: c}\n",
            "- name: c\n  cluster: {server: 'https://c', certificate-authority-data: aGVsbG8=}\n",
            "[]\n") << QString() << int(ErrorCode::ParseError)
                                 << "PEM";
        QTest::newRow("unknown context")
            << config("x", "- name: x\n  context: {cluster: c}\n",
                      "- name: c\n  cluster: {server: 'https://c'}\n", "[]\n")
            << QStringLiteral("nope") << int(ErrorCode::NotFound) << "Known contexts: x";
        QTest::newRow("no current context")
            << config("\"\"", "- name: x\n  context: {cluster: c}\n",
                      "- name: c\n  cluster: {server: 'https://c'}\n", "[]\n")
            << QString() << int(ErrorCode::NotFound) << "--context";
        QTest::newRow("missing cluster")
            << config("x", "- name: x\n  context: {cluster: gone}\n", "[]\n", "[]\n") << QString()
            << int(ErrorCode::NotFound) << "gone";
        QTest::newRow("missing user")
            << config("x", "- name: x\n  context: {cluster: c, user: ghost}\n",
                      "- name: c\n  cluster: {server: 'https://c'}\n", "[]\n")
            << QString() << int(ErrorCode::NotFound) << "ghost";
        QTest::newRow("bad server") << config("x", "- name: x\n  context: {cluster: c}\n",
                                              "- name: c\n  cluster: {server: 'ftp://c'}\n", "[]\n")
                                    << QString() << int(ErrorCode::InvalidArgument) << "ftp://c";
        QTest::newRow("missing ca file")
            << config("x", "- name: x\n  context: {cluster: c}\n",
                      "- name: c\n  cluster: {server: 'https://c', certificate-authority: "
                      "/nonexistent/ca.crt}\n",
                      "[]\n")
            << QString() << int(ErrorCode::NotFound) << "/nonexistent/ca.crt";
        QTest::newRow("missing token file")
            << config("x", "- name: x\n  context: {cluster: c, user: u}\n",
                      "- name: c\n  cluster: {server: 'https://c'}\n",
                      "- name: u\n  user: {tokenFile: /nonexistent/token}\n")
            << QString() << int(ErrorCode::NotFound) << "token";
        QTest::newRow("legacy auth provider")
            << config("x", "- name: x\n  context: {cluster: c, user: u}\n",
                      "- name: c\n  cluster: {server: 'https://c'}\n",
                      "- name: u\n  user: {auth-provider: {name: gcp}}\n")
            << QString() << int(ErrorCode::Unsupported) << "gke-gcloud-auth-plugin";
        QTest::newRow("certificate without key")
            << config("x", "- name: x\n  context: {cluster: c, user: u}\n",
                      "- name: c\n  cluster: {server: 'https://c'}\n",
                      "- name: u\n  user: {client-certificate-data: " + kPem.toBase64() + "}\n")
            << QString() << int(ErrorCode::InvalidArgument) << "key";
    }
    void badInput()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, context);
        QFETCH(int, code);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const QString file = write(dir, QStringLiteral("config"), yaml);
        const auto k = Kubeconfig::load(file);
        const Error error = k.ok() ? [&] { const auto r = k->resolve(context); return r.ok() ? Error() : r.error(); }()
                                   : k.error();
        QCOMPARE(int(error.code()), code);
        QVERIFY2(error.message().contains(mentions), qPrintable(error.message()));
        // Secrets never reach messages.
        QVERIFY(!error.message().contains(QStringLiteral("MIIB")));
    }

    void missingExplicitFile()
    {
        const auto k = Kubeconfig::load(QStringLiteral("/nonexistent/kubeconfig"));
        QVERIFY(!k.ok());
        QCOMPARE(k.error().code(), ErrorCode::NotFound);
        QVERIFY(k.error().message().contains(QStringLiteral("/nonexistent/kubeconfig")));
    }

    // Files that would hang a reader end at once with a sentence.
    void hostileFiles()
    {
        QElapsedTimer t;
        t.start();
        const auto device = Kubeconfig::load(QStringLiteral("/dev/zero"));
        QVERIFY(!device.ok());
        QVERIFY2(device.error().message().contains(QStringLiteral("not a regular file")),
                 qPrintable(device.error().message()));

        QTemporaryDir dir;
        QByteArray bomb = "a: &a [x,x,x,x,x,x,x,x,x,x]\n";
        for (char level = 'b'; level <= 'j'; ++level) {
            bomb += QByteArray(1, level) + ": &" + QByteArray(1, level) + " [";
            for (int i = 0; i < 10; ++i)
                bomb += (i ? ",*" : "*") + QByteArray(1, char(level - 1));
            bomb += "]\n";
        }
        const auto exploded = Kubeconfig::load(write(dir, QStringLiteral("bomb"), bomb));
        QVERIFY(!exploded.ok());
        QVERIFY2(exploded.error().message().contains(QStringLiteral("aliases")),
                 qPrintable(exploded.error().message()));
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
    }

    // kubectl reads a kubeconfig with tens of thousands of contexts in seconds; so does Meshdeck.
    void manyContexts()
    {
        QByteArray contexts, clusters, users;
        const int n = 40000;
        for (int i = 0; i < n; ++i) {
            const QByteArray id = QByteArray::number(i);
            contexts += "- name: ctx-" + id + "\n  context: {cluster: c-" + id + ", user: u-" + id
                + "}\n";
            clusters += "- name: c-" + id + "\n  cluster: {server: 'https://10.0.0.1:6443'}\n";
            users += "- name: u-" + id + "\n  user: {token: t" + id + "}\n";
        }
        QTemporaryDir dir;
        const QString file
            = write(dir, QStringLiteral("big"), config("ctx-39999", contexts, clusters, users));
        QElapsedTimer t;
        t.start();
        const auto k = Kubeconfig::load(file);
        QVERIFY(k.ok());
        QCOMPARE(k->contexts().size(), n);
        QVERIFY(k->resolve(QStringLiteral("ctx-39999")).ok());
        QVERIFY2(t.elapsed() < 20000, qPrintable(QString::number(t.elapsed())));
        qInfo("%d contexts loaded in %lld ms", n, t.elapsed());
    }

    void environmentList()
    {
        QTemporaryDir dir;
        const QString a = write(dir, QStringLiteral("a"), config("x", "[]\n", "[]\n", "[]\n"));
        qputenv("KUBECONFIG",
                (a + QDir::listSeparator() + dir.filePath(QStringLiteral("b"))
                 + QDir::listSeparator() + a)
                    .toLocal8Bit());
        QCOMPARE(Kubeconfig::defaultFiles(), QStringList({a, dir.filePath(QStringLiteral("b"))}));
        qunsetenv("KUBECONFIG");
        QCOMPARE(Kubeconfig::defaultFiles(),
                 QStringList({QDir::home().filePath(QStringLiteral(".kube/config"))}));
    }
};

QTEST_GUILESS_MAIN(tst_Kubeconfig)
#include "tst_kubeconfig.moc"
