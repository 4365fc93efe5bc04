#include <core/result.h>

#include <QTest>

using namespace Meshdeck;

namespace {
Result<int> parsePositive(const QString &text)
{
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok || v <= 0)
        return Unexpected(
            Error(ErrorCode::InvalidArgument, QStringLiteral("not positive"), text, false));
    return v;
}

VoidResult check(bool good)
{
    if (!good)
        return Unexpected(Error(ErrorCode::Timeout, QStringLiteral("slow"), {}, true));
    return {};
}
} // namespace

class tst_Result : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void value_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("value");
        QTest::newRow("positive") << "42" << true << 42;
        QTest::newRow("zero") << "0" << false << 0;
        QTest::newRow("negative") << "-3" << false << 0;
        QTest::newRow("text") << "abc" << false << 0;
    }
    void value()
    {
        QFETCH(QString, input);
        QFETCH(bool, ok);
        QFETCH(int, value);
        const Result<int> r = parsePositive(input);
        QCOMPARE(r.ok(), ok);
        QCOMPARE(bool(r), ok);
        if (ok) {
            QCOMPARE(*r, value);
            QCOMPARE(r.valueOr(-1), value);
        } else {
            QCOMPARE(r.error().code(), ErrorCode::InvalidArgument);
            QCOMPARE(r.error().detail(), input);
            QCOMPARE(r.valueOr(-1), -1);
        }
    }
    void moveOnlyValue()
    {
        Result<std::unique_ptr<int>> r(std::make_unique<int>(7));
        QVERIFY(r.ok());
        std::unique_ptr<int> p = std::move(r).value();
        QCOMPARE(*p, 7);
    }
    void voidResult()
    {
        QVERIFY(check(true).ok());
        const VoidResult bad = check(false);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code(), ErrorCode::Timeout);
        QVERIFY(bad.error().retryable());
    }
    void errorText()
    {
        const Error e(ErrorCode::ConnectionRefused, QStringLiteral("Could not connect"),
                      QStringLiteral("ECONNREFUSED"), true);
        QCOMPARE(e.codeName(), QStringLiteral("ConnectionRefused"));
        QCOMPARE(e.toString(), QStringLiteral("Could not connect (ECONNREFUSED)"));
        const Error c = e.withContext(QStringLiteral("Cluster prod"));
        QCOMPARE(c.message(), QStringLiteral("Cluster prod: Could not connect"));
        QCOMPARE(c.code(), e.code());
        QVERIFY(c.retryable());
        QCOMPARE(Error(ErrorCode::Unknown, QStringLiteral("x")).toString(), QStringLiteral("x"));
    }
};

QTEST_GUILESS_MAIN(tst_Result)
#include "tst_result.moc"
