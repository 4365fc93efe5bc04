// Kubernetes quantities as the API writes them (node capacity, requests, limits, metrics).
#include <kube/quantity.h>

#include <QTest>

using namespace Meshdeck::Kube;

class tst_Quantity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void millicores_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expected"); // -1: not a quantity
        QTest::newRow("cores") << QStringLiteral("4") << qint64(4000);
        QTest::newRow("milli") << QStringLiteral("250m") << qint64(250);
        QTest::newRow("fraction") << QStringLiteral("1.5") << qint64(1500);
        QTest::newRow("nano, rounded up") << QStringLiteral("1500000n") << qint64(2);
        QTest::newRow("micro") << QStringLiteral("2500u") << qint64(3);
        QTest::newRow("exponent") << QStringLiteral("2e3m") << qint64(-1);
        QTest::newRow("decimal exponent") << QStringLiteral("1e1") << qint64(10000);
        QTest::newRow("garbage") << QStringLiteral("lots") << qint64(-1);
        QTest::newRow("empty") << QString() << qint64(-1);
        QTest::newRow("negative") << QStringLiteral("-1") << qint64(-1);
    }
    void millicores()
    {
        QFETCH(QString, text);
        QFETCH(qint64, expected);
        const auto v = Quantity::millicores(text);
        QCOMPARE(v.value_or(-1), expected);
    }
    void bytes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("Ki") << QStringLiteral("16315372Ki") << qint64(16315372LL * 1024);
        QTest::newRow("Mi") << QStringLiteral("128Mi") << qint64(128LL << 20);
        QTest::newRow("Gi") << QStringLiteral("2Gi") << qint64(2LL << 30);
        QTest::newRow("G") << QStringLiteral("1G") << qint64(1000000000);
        QTest::newRow("M fraction") << QStringLiteral("1.5M") << qint64(1500000);
        QTest::newRow("plain") << QStringLiteral("1024") << qint64(1024);
        QTest::newRow("Ti") << QStringLiteral("1Ti") << qint64(1LL << 40);
        QTest::newRow("bad suffix") << QStringLiteral("12Qi") << qint64(-1);
    }
    void bytes()
    {
        QFETCH(QString, text);
        QFETCH(qint64, expected);
        QCOMPARE(Quantity::bytes(text).value_or(-1), expected);
    }
};

QTEST_GUILESS_MAIN(tst_Quantity)
#include "tst_quantity.moc"
