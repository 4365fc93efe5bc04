#include <demo/apierror.h>
#include <demo/patches.h>
#include <demo/serversideapply.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Meshdeck::Demo;

namespace {
QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}
} // namespace

class tst_DemoPatches : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mergePatch_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<QByteArray>("expected");
        // RFC 7386 appendix A examples.
        QTest::newRow("replace") << QByteArray(R"({"a":"b"})") << QByteArray(R"({"a":"c"})")
                                 << QByteArray(R"({"a":"c"})");
        QTest::newRow("add") << QByteArray(R"({"a":"b"})") << QByteArray(R"({"b":"c"})")
                             << QByteArray(R"({"a":"b","b":"c"})");
        QTest::newRow("remove") << QByteArray(R"({"a":"b"})") << QByteArray(R"({"a":null})")
                                << QByteArray(R"({})");
        QTest::newRow("nested") << QByteArray(R"({"a":{"b":"c"}})")
                                << QByteArray(R"({"a":{"b":"d","c":null}})")
                                << QByteArray(R"({"a":{"b":"d"}})");
        QTest::newRow("array replaced") << QByteArray(R"({"a":[{"b":"c"}]})")
                                        << QByteArray(R"({"a":[1]})") << QByteArray(R"({"a":[1]})");
    }
    void mergePatch()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, patch);
        QFETCH(QByteArray, expected);
        QCOMPARE(Patches::mergePatch(json(target), json(patch)).toObject(), json(expected));
    }
    void jsonPatch()
    {
        const QJsonObject doc = json(R"({"spec":{"replicas":1,"list":[1,2]}})");
        const QJsonArray ops = QJsonDocument::fromJson(R"([
            {"op":"replace","path":"/spec/replicas","value":3},
            {"op":"add","path":"/spec/list/-","value":3},
            {"op":"add","path":"/spec/list/0","value":0},
            {"op":"copy","from":"/spec/replicas","path":"/spec/copy"},
            {"op":"move","from":"/spec/copy","path":"/spec/moved"},
            {"op":"test","path":"/spec/moved","value":3},
            {"op":"add","path":"/metadata","value":{"labels":{"a/b":"c"}}},
            {"op":"remove","path":"/metadata/labels/a~1b"}])")
                                   .array();
        QCOMPARE(
            Patches::jsonPatch(doc, ops).toObject(),
            json(R"({"spec":{"replicas":3,"list":[0,1,2,3],"moved":3},"metadata":{"labels":{}}})"));
    }
    void jsonPatchErrors_data()
    {
        QTest::addColumn<QByteArray>("ops");
        QTest::addColumn<int>("code");
        QTest::newRow("missing path") << QByteArray(R"([{"op":"remove","path":"/nope"}])") << 422;
        QTest::newRow("index out of range")
            << QByteArray(R"([{"op":"replace","path":"/list/9","value":1}])") << 422;
        QTest::newRow("failed test")
            << QByteArray(R"([{"op":"test","path":"/a","value":2}])") << 422;
        QTest::newRow("unknown op") << QByteArray(R"([{"op":"frob","path":"/a"}])") << 400;
        QTest::newRow("bad pointer") << QByteArray(R"([{"op":"add","path":"a","value":1}])") << 400;
    }
    void jsonPatchErrors()
    {
        QFETCH(QByteArray, ops);
        QFETCH(int, code);
        try {
            (void)Patches::jsonPatch(json(R"({"a":1,"list":[1]})"),
                                     QJsonDocument::fromJson(ops).array());
            QFAIL("no error");
        } catch (const ApiError &e) {
            QCOMPARE(e.code(), code);
        }
    }
    void strategicMergeByKey()
    {
        const QJsonObject target = json(
            R"({"spec":{"containers":[{"name":"app","image":"a:1"},{"name":"proxy","image":"p:1"}],"finalizers":["x"]}})");
        const QJsonObject patch = json(
            R"({"spec":{"containers":[{"name":"app","image":"a:2"},{"name":"new","image":"n:1"},{"name":"proxy","$patch":"delete"}],"finalizers":["y"]}})");
        QCOMPARE(
            Patches::strategicMerge(target, patch),
            json(
                R"({"spec":{"containers":[{"name":"app","image":"a:2"},{"name":"new","image":"n:1"}],"finalizers":["x","y"]}})"));
    }
    void fieldSets()
    {
        const QJsonObject o
            = json(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"a":"b"}},
                                       "spec":{"containers":[{"name":"c","image":"i"}]},"status":{"phase":"x"}})");
        const auto fields = ServerSideApply::fieldsOf(o);
        const QJsonObject v1 = ServerSideApply::toFieldsV1(fields);
        QCOMPARE(v1,
                 json(
                     // (not a raw string: moc misreads one with \" in it and loses the slots after)
                     "{\"f:metadata\":{\"f:labels\":{\"f:a\":{}}},\"f:spec\":{\"f:containers\":{"
                     "\"k:{\\\"name\\\":\\\"c\\\"}\":{\".\":{},\"f:image\":{},\"f:name\":{}}}}}"));
        QCOMPARE(ServerSideApply::fromFieldsV1(v1), fields);
    }
    void applyOwnershipAndRemoval()
    {
        const QJsonObject first = json(
            R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a":"1","b":"2"}})");
        QJsonObject live = ServerSideApply::apply(QJsonObject(), first, QStringLiteral("alice"),
                                                  false, QStringLiteral("v1"));
        // alice stops applying b: it goes.
        const QJsonObject second = json(
            R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a":"1"}})");
        live = ServerSideApply::apply(live, second, QStringLiteral("alice"), false,
                                      QStringLiteral("v1"));
        QCOMPARE(live.value(QStringLiteral("data")).toObject(), json(R"({"a":"1"})"));
        // bob applies the same value: shared ownership, no conflict.
        live = ServerSideApply::apply(live, second, QStringLiteral("bob"), false,
                                      QStringLiteral("v1"));
        QCOMPARE(live.value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("managedFields"))
                     .toArray()
                     .size(),
                 2);
        // bob changes it: conflict with alice.
        const QJsonObject third = json(
            R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a":"9"}})");
        try {
            (void)ServerSideApply::apply(live, third, QStringLiteral("bob"), false,
                                         QStringLiteral("v1"));
            QFAIL("no conflict");
        } catch (const ApiError &e) {
            QCOMPARE(e.code(), 409);
            QVERIFY(e.message().contains(QStringLiteral("\"alice\": .data.a")));
        }
    }
    // Applying the same again, a second or more later, changes nothing (the entry keeps its
    // time), so the store writes nothing; a real change takes the new time.
    void noOpApplyKeepsItsTime()
    {
        const QJsonObject body = json(
            R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a":"1"}})");
        const QJsonObject first = ServerSideApply::apply(
            QJsonObject(), body, QStringLiteral("alice"), false, QStringLiteral("v1"));
        const auto timeOf = [](const QJsonObject &o) {
            return o.value(QStringLiteral("metadata"))
                .toObject()
                .value(QStringLiteral("managedFields"))
                .toArray()
                .first()
                .toObject()
                .value(QStringLiteral("time"))
                .toString();
        };
        QTest::qWait(1100); // past the next whole second (the time has seconds)
        const QJsonObject again = ServerSideApply::apply(first, body, QStringLiteral("alice"),
                                                         false, QStringLiteral("v1"));
        QCOMPARE(again, first);
        const QJsonObject changed = json(
            R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a":"2"}})");
        const QJsonObject later = ServerSideApply::apply(first, changed, QStringLiteral("alice"),
                                                         false, QStringLiteral("v1"));
        QVERIFY(timeOf(later) > timeOf(first));
    }
};

QTEST_GUILESS_MAIN(tst_DemoPatches)
#include "tst_demopatches.moc"
