#include <demo/apierror.h>
#include <demo/selectors.h>

#include <QJsonArray>
#include <QTest>

using namespace Meshdeck::Demo;

class tst_DemoSelectors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void labels_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<bool>("matches");
        // Labels under test: app=web, tier=front, env=prod
        QTest::newRow("empty") << "" << true;
        QTest::newRow("equals") << "app=web" << true;
        QTest::newRow("double equals") << "app==web" << true;
        QTest::newRow("not equals") << "app!=web" << false;
        QTest::newRow("in") << "env in (prod,staging)" << true;
        QTest::newRow("notin") << "env notin (prod)" << false;
        QTest::newRow("exists") << "tier" << true;
        QTest::newRow("not exists") << "!tier" << false;
        QTest::newRow("missing key") << "version=v1" << false;
        QTest::newRow("missing key not equals") << "version!=v1" << true;
        QTest::newRow("several") << "app=web,tier=front,env in (prod)" << true;
    }
    void labels()
    {
        QFETCH(QString, selector);
        QFETCH(bool, matches);
        const QJsonObject labels {{QStringLiteral("app"), QStringLiteral("web")},
                                  {QStringLiteral("tier"), QStringLiteral("front")},
                                  {QStringLiteral("env"), QStringLiteral("prod")}};
        QCOMPARE(Selector::parseLabels(selector).matchesLabels(labels), matches);
    }
    void fields()
    {
        const QJsonObject pod {
            {QStringLiteral("metadata"),
             QJsonObject {{QStringLiteral("name"), QStringLiteral("p")},
                          {QStringLiteral("namespace"), QStringLiteral("ns")}}},
            {QStringLiteral("spec"),
             QJsonObject {{QStringLiteral("nodeName"), QStringLiteral("n1")}}},
            {QStringLiteral("status"),
             QJsonObject {{QStringLiteral("phase"), QStringLiteral("Running")}}}};
        QVERIFY(Selector::parseFields(QStringLiteral("metadata.name=p,spec.nodeName=n1"))
                    .matchesFields(pod));
        QVERIFY(!Selector::parseFields(QStringLiteral("status.phase!=Running")).matchesFields(pod));
        QVERIFY(Selector::parseFields(QStringLiteral("metadata.namespace==ns")).matchesFields(pod));
    }
    void malformed_data()
    {
        QTest::addColumn<QString>("selector");
        QTest::addColumn<bool>("fields");
        QTest::newRow("bad set") << "env in prod" << false;
        QTest::newRow("bad key") << "a b=c" << false;
        QTest::newRow("empty requirement") << "app=web,," << false;
        QTest::newRow("unsupported field") << "spec.color=red" << true;
        QTest::newRow("field without op") << "metadata.name" << true;
    }
    void malformed()
    {
        QFETCH(QString, selector);
        QFETCH(bool, fields);
        bool threw = false;
        try {
            if (fields)
                (void)Selector::parseFields(selector);
            else
                (void)Selector::parseLabels(selector);
        } catch (const ApiError &e) {
            threw = true;
            QCOMPARE(e.code(), 400);
        }
        QVERIFY(threw);
    }
    void labelSelectorObject()
    {
        const QJsonObject sel {
            {QStringLiteral("matchLabels"),
             QJsonObject {{QStringLiteral("app"), QStringLiteral("web")}}},
            {QStringLiteral("matchExpressions"),
             QJsonArray {
                 QJsonObject {{QStringLiteral("key"), QStringLiteral("env")},
                              {QStringLiteral("operator"), QStringLiteral("NotIn")},
                              {QStringLiteral("values"), QJsonArray {QStringLiteral("dev")}}}}}};
        const Selector s = Selector::fromLabelSelector(sel);
        QVERIFY(s.matchesLabels({{QStringLiteral("app"), QStringLiteral("web")},
                                 {QStringLiteral("env"), QStringLiteral("prod")}}));
        QVERIFY(!s.matchesLabels({{QStringLiteral("app"), QStringLiteral("web")},
                                  {QStringLiteral("env"), QStringLiteral("dev")}}));
    }
};

QTEST_GUILESS_MAIN(tst_DemoSelectors)
#include "tst_demoselectors.moc"
