// gRPC messages through Protobuf's reflection: the built-in catalog, descriptor sets made by
// protoc, and what is refused before a run (not a set, missing imports, JSON of another type,
// an unknown service or method, streaming methods).
#include <proto/grpccatalog.h>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Meshdeck;

namespace {

// protoc (Debian's protobuf-compiler) on a .proto written here; the set's bytes.
QByteArray protoc(const QTemporaryDir &dir, const QString &name, const QByteArray &text,
                  bool includeImports, const QString &extraInclude = {})
{
    QFile f(dir.filePath(name));
    f.open(QIODevice::WriteOnly);
    f.write(text);
    f.close();
    const QString out = dir.filePath(name + QStringLiteral(".pb"));
    QStringList args {QStringLiteral("-I") + dir.path(), QStringLiteral("-o") + out};
    if (!extraInclude.isEmpty())
        args << QStringLiteral("-I") + extraInclude;
    if (includeImports)
        args << QStringLiteral("--include_imports");
    args << dir.filePath(name);
    QProcess p;
    p.start(QStringLiteral("protoc"), args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        qFatal("protoc failed: %s", p.readAllStandardError().constData());
    QFile set(out);
    set.open(QIODevice::ReadOnly);
    return set.readAll();
}

} // namespace

class tst_GrpcCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInKnowsHealthAndBookinfo()
    {
        const GrpcCatalog &c = GrpcCatalog::builtIn();
        for (const char *m : {"grpc.health.v1.Health/Check", "bookinfo.Details/GetDetails",
                              "bookinfo.Reviews/GetReviews", "bookinfo.Ratings/GetRatings",
                              "bookinfo.ProductPage/GetProductPage"})
            QVERIFY2(c.methods().contains(QLatin1String(m)), m);
        // BookRequest{id: 7}: field 1 as a varint.
        QCOMPARE(c.requestFromJson("bookinfo.Details/GetDetails", R"({"id": 7})").value(),
                 std::string("\x08\x07", 2));
        QCOMPARE(c.requestFromJson("grpc.health.v1.Health/Check", "").value(), std::string());
        QCOMPARE(
            c.responseFromJson("grpc.health.v1.Health/Check", R"({"status":"SERVING"})").value(),
            std::string("\x08\x01", 2));
        const auto json
            = c.requestToJson("bookinfo.Details/GetDetails", std::string("\x08\x07", 2));
        QVERIFY(json.ok());
        QCOMPARE(QString::fromStdString(*json).remove(QLatin1Char(' ')),
                 QStringLiteral("{\"id\":7}"));
    }

    void badRequestsAreNamed()
    {
        const GrpcCatalog &c = GrpcCatalog::builtIn();
        const auto field = c.requestFromJson("bookinfo.Details/GetDetails", R"({"isbn": 1})");
        QVERIFY(!field.ok());
        QVERIFY2(field.error().message().contains(QStringLiteral("bookinfo.BookRequest")),
                 qPrintable(field.error().message()));
        QVERIFY(!c.requestFromJson("bookinfo.Details/GetDetails", "{not json").ok());
        const auto service = c.requestFromJson("shop.Cart/Add", "{}");
        QVERIFY(!service.ok());
        QVERIFY2(service.error().message().contains(QStringLiteral("shop.Cart"))
                     && service.error().message().contains(QStringLiteral("--proto-set")),
                 qPrintable(service.error().message()));
        const auto method = c.requestFromJson("bookinfo.Details/Remove", "{}");
        QVERIFY(!method.ok());
        QVERIFY2(method.error().message().contains(QStringLiteral("GetDetails")),
                 qPrintable(method.error().message()));
    }

    void descriptorSetsFromProtoc()
    {
        QTemporaryDir dir;
        const QByteArray set = protoc(dir, QStringLiteral("shop.proto"),
                                      "syntax = \"proto3\";\npackage shop;\n"
                                      "message Item { string sku = 1; int32 count = 2; }\n"
                                      "message Receipt { int64 total = 1; }\n"
                                      "service Cart {\n"
                                      "  rpc Add(Item) returns (Receipt);\n"
                                      "  rpc Watch(Item) returns (stream Receipt);\n}\n",
                                      true);
        const auto catalog = GrpcCatalog::fromDescriptorSet(set);
        QVERIFY2(catalog.ok(), qPrintable(catalog.ok() ? QString() : catalog.error().message()));
        QCOMPARE(catalog->methods(), QStringList {QStringLiteral("shop.Cart/Add")});
        QCOMPARE(catalog->requestFromJson("shop.Cart/Add", R"({"sku":"a","count":3})").value(),
                 std::string("\x0a\x01\x61\x10\x03", 5));
        const auto streaming = catalog->requestFromJson("shop.Cart/Watch", "{}");
        QVERIFY(!streaming.ok());
        QVERIFY(streaming.error().message().contains(QStringLiteral("streaming")));
    }

    void brokenSetsAreRefused()
    {
        QVERIFY(!GrpcCatalog::fromDescriptorSet(QByteArray()).ok());
        const auto garbage = GrpcCatalog::fromDescriptorSet(QByteArray("\xff\xfe not a set", 14));
        QVERIFY(!garbage.ok());
        QVERIFY(garbage.error().message().contains(QStringLiteral("descriptor set")));

        // An import left out of the set (made without --include_imports).
        QTemporaryDir dir;
        QFile base(dir.filePath(QStringLiteral("base.proto")));
        QVERIFY(base.open(QIODevice::WriteOnly));
        base.write("syntax = \"proto3\";\npackage base;\nmessage Id { int32 v = 1; }\n");
        base.close();
        const QByteArray set
            = protoc(dir, QStringLiteral("user.proto"),
                     "syntax = \"proto3\";\npackage user;\nimport \"base.proto\";\n"
                     "service Users { rpc Get(base.Id) returns (base.Id); }\n",
                     false);
        const auto missing = GrpcCatalog::fromDescriptorSet(set);
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().message().contains(QStringLiteral("--include_imports")),
                 qPrintable(missing.error().message()));
    }
};

QTEST_GUILESS_MAIN(tst_GrpcCatalog)
#include "tst_grpccatalog.moc"
