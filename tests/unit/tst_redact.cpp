#include <core/redact.h>

#include <QTest>

using namespace Meshdeck;

class tst_Redact : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void redacts_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("secret");
        QTest::newRow("auth header") << "Authorization: Bearer abc.def-ghi"
                                     << "abc.def-ghi";
        QTest::newRow("basic header") << "authorization: Basic dXNlcjpwYXNz"
                                      << "dXNlcjpwYXNz";
        QTest::newRow("bare bearer") << "sent bearer eyJhbGciOi.payload.sig to server"
                                     << "eyJhbGciOi.payload.sig";
        QTest::newRow("yaml token") << "users:\n- user:\n    token: s3cr3t-t0ken\n"
                                    << "s3cr3t-t0ken";
        QTest::newRow("json token") << R"({"status":{"token":"k8s-aws-v1.xyz"}})"
                                    << "k8s-aws-v1.xyz";
        QTest::newRow("query") << "https://h/api?access_token=qwerty&x=1"
                               << "qwerty";
        QTest::newRow("password") << "password=hunter2"
                                  << "hunter2";
        QTest::newRow("key data") << "client-key-data: LS0tLS1CRUdJTi"
                                  << "LS0tLS1CRUdJTi";
        QTest::newRow("pem key")
            << "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----"
            << "MIIEow";
    }
    void redacts()
    {
        QFETCH(QString, input);
        QFETCH(QString, secret);
        const QString out = redactSecrets(input);
        QVERIFY2(!out.contains(secret), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("<redacted>")), qPrintable(out));
    }
    void keepsOrdinaryText()
    {
        const QString text
            = QStringLiteral("GET https://10.0.0.1:6443/api/v1/pods?limit=500 200 OK");
        QCOMPARE(redactSecrets(text), text);
        const QString tokenWord = QStringLiteral("the token file is missing");
        QCOMPARE(redactSecrets(tokenWord), tokenWord);
    }
};

QTEST_GUILESS_MAIN(tst_Redact)
#include "tst_redact.moc"
