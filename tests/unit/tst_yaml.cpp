#include <core/yaml.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Meshdeck;

class tst_Yaml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scalars_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QJsonValue>("expected");
        QTest::newRow("int") << QByteArray("v: 42") << QJsonValue(42);
        QTest::newRow("negative") << QByteArray("v: -7") << QJsonValue(-7);
        QTest::newRow("float") << QByteArray("v: 1.5") << QJsonValue(1.5);
        QTest::newRow("true") << QByteArray("v: true") << QJsonValue(true);
        QTest::newRow("null") << QByteArray("v: ~") << QJsonValue(QJsonValue::Null);
        QTest::newRow("empty") << QByteArray("v:") << QJsonValue(QJsonValue::Null);
        QTest::newRow("quoted number")
            << QByteArray("v: \"80\"") << QJsonValue(QStringLiteral("80"));
        QTest::newRow("quoted bool")
            << QByteArray("v: 'true'") << QJsonValue(QStringLiteral("true"));
        QTest::newRow("yes is a string in 1.2")
            << QByteArray("v: yes") << QJsonValue(QStringLiteral("yes"));
        QTest::newRow("version string")
            << QByteArray("v: 1.20.2") << QJsonValue(QStringLiteral("1.20.2"));
        QTest::newRow("percent") << QByteArray("v: 25%") << QJsonValue(QStringLiteral("25%"));
    }
    void scalars()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QJsonValue, expected);
        const auto r = Yaml::toJson(yaml);
        QVERIFY(r.ok());
        QCOMPARE(r->toObject().value(QStringLiteral("v")), expected);
    }
    void documents()
    {
        const auto r = Yaml::toJsonDocuments("a: 1\n---\n---\nb: [x, y]\n");
        QVERIFY(r.ok());
        QCOMPARE(r->size(), 2);
        QCOMPARE(r->at(1).toObject().value(QStringLiteral("b")).toArray().size(), 2);
    }
    void malformedNamesLineAndColumn()
    {
        const auto r = Yaml::toJson("a: 1\nb: [unclosed\nc: 2\n");
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::ParseError);
        QVERIFY2(r.error().message().contains(QStringLiteral("line")),
                 qPrintable(r.error().message()));
    }
    void roundTrip()
    {
        const QJsonObject o {
            {QStringLiteral("name"), QStringLiteral("web")},
            {QStringLiteral("port"), 80},
            {QStringLiteral("text"), QStringLiteral("true")},
            {QStringLiteral("number"), QStringLiteral("0123")},
            {QStringLiteral("empty"), QJsonObject()},
            {QStringLiteral("list"), QJsonArray {1, QStringLiteral("two"), QJsonValue::Null}},
            {QStringLiteral("multi"), QStringLiteral("line one\nline two\n")}};
        const QByteArray yaml = Yaml::fromJson(o);
        const auto back = Yaml::toJson(yaml);
        QVERIFY(back.ok());
        QCOMPARE(back->toObject(), o);
    }
};

QTEST_GUILESS_MAIN(tst_Yaml)
#include "tst_yaml.moc"
