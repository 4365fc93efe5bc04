#include <core/yaml.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
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
    // The line a configuration finding points at, in the YAML the app shows.
    void lineOfField()
    {
        const QJsonObject object = QJsonDocument::fromJson(R"({
            "apiVersion": "networking.istio.io/v1",
            "metadata": {"name": "reviews", "namespace": "bookinfo"},
            "spec": {
                "gateways": ["mesh", "istio-system/edge"],
                "hosts": ["reviews"],
                "http": [
                    {"match": [{"headers": {"end-user": {"exact": "jason"}}}],
                     "route": [{"destination": {"host": "reviews", "subset": "v2"}}]},
                    {"route": [{"destination": {"host": "reviews", "subset": "v1"}, "weight": 60},
                               {"destination": {"host": "ratigns", "subset": "v3"}, "weight": 30}]}
                ]
            }})")
                                       .object();
        const QByteArray yaml = Yaml::fromJson(object);
        const QList<QByteArray> lines = yaml.split('\n');
        const auto lineAt = [&](const char *field) {
            const int line = Yaml::lineOfField(yaml, QLatin1String(field));
            return line < 0 ? QByteArray("(none)") : lines.at(line).trimmed();
        };
        QCOMPARE(lineAt("spec.http[1].route[1].destination.subset"), QByteArray("subset: v3"));
        QCOMPARE(lineAt("spec.http[1].route[1].destination.host"), QByteArray("host: ratigns"));
        QCOMPARE(lineAt("spec.http[0].route[0].destination.subset"), QByteArray("subset: v2"));
        QCOMPARE(lineAt("spec.http[1].route"), QByteArray("- route:"));
        QCOMPARE(lineAt("spec.gateways[1]"), QByteArray("- istio-system/edge"));
        QCOMPARE(lineAt("spec.hosts"), QByteArray("hosts:"));
        QCOMPARE(lineAt("metadata.name"), QByteArray("name: reviews"));
        QCOMPARE(lineAt("spec.http[2]"), QByteArray("(none)"));
        QCOMPARE(lineAt("spec.tcp[0].route"), QByteArray("(none)"));
        QCOMPARE(lineAt("spec.http[0].fault.delay"), QByteArray("(none)"));
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
    // "Billion laughs": nine levels of nine aliases name 9^9 strings in a few hundred bytes.
    void aliasBombIsRefusedQuickly()
    {
        QByteArray yaml
            = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
        for (char level = 'b'; level <= 'i'; ++level) {
            const char prev = char(level - 1);
            yaml += QByteArray(1, level) + ": &" + QByteArray(1, level) + " [";
            for (int i = 0; i < 9; ++i)
                yaml += (i ? ",*" : "*") + QByteArray(1, prev);
            yaml += "]\n";
        }
        QElapsedTimer t;
        t.start();
        const auto one = Yaml::toJson(yaml);
        QVERIFY(!one.ok());
        QCOMPARE(one.error().code(), ErrorCode::TooLarge);
        QVERIFY2(one.error().message().contains(QStringLiteral("aliases")),
                 qPrintable(one.error().message()));
        const auto all = Yaml::toJsonDocuments(yaml + "---\nx: 1\n");
        QVERIFY(!all.ok());
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
    }
    void modestAliasesStillWork()
    {
        const auto r = Yaml::toJson("base: &b {image: nginx, port: 80}\n"
                                    "one: *b\ntwo: *b\nthree: *b\n");
        QVERIFY(r.ok());
        QCOMPARE(
            r->toObject().value(QStringLiteral("three")).toObject().value(QStringLiteral("port")),
            QJsonValue(80));
    }
    void deepNestingIsRefused()
    {
        const QByteArray yaml = QByteArray(2000, '[') + QByteArray(2000, ']');
        const auto r = Yaml::toJson(yaml);
        QVERIFY(!r.ok());
    }
    // Large maps (a kubeconfig's users, a ConfigMap's data) convert in linear-ish time, and a
    // repeated key keeps its last value as before.
    void largeMap()
    {
        QByteArray yaml;
        for (int i = 50000; i > 0; --i)
            yaml += "k" + QByteArray::number(i) + ": " + QByteArray::number(i) + "\n";
        yaml += "k7: seven\n";
        QElapsedTimer t;
        t.start();
        const auto r = Yaml::toJson(yaml);
        QVERIFY(r.ok());
        QCOMPARE(r->toObject().size(), 50000);
        QCOMPARE(r->toObject().value(QStringLiteral("k7")).toString(), QStringLiteral("seven"));
        QCOMPARE(r->toObject().value(QStringLiteral("k49999")).toInt(), 49999);
        QVERIFY2(t.elapsed() < 10000, qPrintable(QString::number(t.elapsed())));
    }
};

QTEST_GUILESS_MAIN(tst_Yaml)
#include "tst_yaml.moc"
