#include <proto/envelopecodec.h>

#include <QTest>

using namespace Meshdeck;

class tst_EnvelopeCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        EnvelopeData in;
        in.kind = QStringLiteral("meshdeck.perf.v1.Result");
        in.schemaVersion = 3;
        in.producer = QStringLiteral("meshdeck 0.1.0");
        in.created = QDateTime(QDate(2026, 11, 27), QTime(12, 30, 15, 250), Qt::UTC);
        in.payload = QByteArray("\x00\x01\x02payload\xff", 11);
        in.labels = {{QStringLiteral("mesh"), QStringLiteral("istio")},
                     {QStringLiteral("env"), QStringLiteral("staging")}};

        const QByteArray bytes = EnvelopeCodec::encode(in);
        QVERIFY(!bytes.isEmpty());
        const Result<EnvelopeData> out = EnvelopeCodec::decode(bytes, in.kind, 3);
        QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().toString()));
        QCOMPARE(out->kind, in.kind);
        QCOMPARE(out->schemaVersion, in.schemaVersion);
        QCOMPARE(out->producer, in.producer);
        QCOMPARE(out->created, in.created);
        QCOMPARE(out->payload, in.payload);
        QCOMPARE(out->labels, in.labels);
    }
    void rejects_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << QByteArray("hello, this is not protobuf at all");
        QTest::newRow("truncated")
            << EnvelopeCodec::encode({QStringLiteral("k"), 1, {}, {}, QByteArray(100, 'x'), {}})
                   .left(20);
    }
    void rejects()
    {
        QFETCH(QByteArray, bytes);
        const Result<EnvelopeData> out = EnvelopeCodec::decode(bytes);
        QVERIFY(!out.ok());
        QCOMPARE(out.error().code(), ErrorCode::ParseError);
        QVERIFY(!out.error().message().isEmpty());
    }
    void newerSchemaIsRefusedClearly()
    {
        EnvelopeData in;
        in.kind = QStringLiteral("meshdeck.perf.v1.Result");
        in.schemaVersion = 9;
        in.producer = QStringLiteral("meshdeck 4.0.0");
        const Result<EnvelopeData> out
            = EnvelopeCodec::decode(EnvelopeCodec::encode(in), in.kind, 2);
        QVERIFY(!out.ok());
        QCOMPARE(out.error().code(), ErrorCode::Unsupported);
        QVERIFY(out.error().message().contains(QStringLiteral("meshdeck 4.0.0")));
    }
    void wrongKindIsRefused()
    {
        EnvelopeData in;
        in.kind = QStringLiteral("meshdeck.perf.v1.Profile");
        const auto out = EnvelopeCodec::decode(EnvelopeCodec::encode(in),
                                               QStringLiteral("meshdeck.perf.v1.Result"));
        QVERIFY(!out.ok());
        QCOMPARE(out.error().code(), ErrorCode::Unsupported);
    }
    void version() { QVERIFY(EnvelopeCodec::protobufVersion().startsWith(QLatin1Char('3'))); }
};

QTEST_GUILESS_MAIN(tst_EnvelopeCodec)
#include "tst_envelopecodec.moc"
