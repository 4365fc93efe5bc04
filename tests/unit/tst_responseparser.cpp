// The load engine's HTTP/1.1 response parser, fed whole and split at every byte.
#include <perf/responseparser.h>

#include <QTest>

using Meshdeck::Perf::ResponseParser;

class tst_ResponseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void responses_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("head");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("body");
        QTest::addColumn<bool>("keepAlive");
        QTest::addColumn<bool>("needsClose");
        QTest::newRow("length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello")
                                << false << 200 << 5 << true << false;
        QTest::newRow("header case and spaces")
            << QByteArray("HTTP/1.1 201 Created\r\ncOnTeNt-LeNgTh:   3  \r\nX-A: b\r\n\r\nabc")
            << false << 201 << 3 << true << false;
        QTest::newRow("chunked with trailer")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
                          "4\r\nwiki\r\nA;name=v\r\n0123456789\r\n0\r\nX-T: 1\r\n\r\n")
            << false << 200 << 14 << true << false;
        QTest::newRow("interim responses skipped") << QByteArray(
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
                                                   << false << 200 << 2 << true << false;
        QTest::newRow("connection close")
            << QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\nx")
            << false << 200 << 1 << false << false;
        QTest::newRow("http/1.0 keep-alive")
            << QByteArray("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 1\r\n\r\nx")
            << false << 200 << 1 << true << false;
        QTest::newRow("304 has no body")
            << QByteArray("HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n") << false << 304
            << 0 << true << false;
        QTest::newRow("head") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n") << true
                              << 200 << 0 << true << false;
        QTest::newRow("until close")
            << QByteArray("HTTP/1.1 200 OK\r\n\r\nstream") << false << 200 << 6 << false << true;
        QTest::newRow("empty length")
            << QByteArray("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n") << false << 404
            << 0 << true << false;
    }
    void responses()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, head);
        QFETCH(int, status);
        QFETCH(int, body);
        QFETCH(bool, keepAlive);
        QFETCH(bool, needsClose);
        // Whole, then split in two at every position.
        for (qsizetype split = bytes.size(); split >= 1; --split) {
            ResponseParser p;
            p.reset(head);
            std::size_t consumed = 0;
            auto o = p.feed(bytes.constData(), static_cast<std::size_t>(split), consumed);
            if (o == ResponseParser::Outcome::NeedMore && split < bytes.size())
                o = p.feed(bytes.constData() + split,
                           static_cast<std::size_t>(bytes.size() - split), consumed);
            if (needsClose) {
                QCOMPARE(o, ResponseParser::Outcome::NeedMore);
                o = p.finishOnClose();
            }
            QVERIFY2(o == ResponseParser::Outcome::Complete,
                     qPrintable(QStringLiteral("split %1: %2")
                                    .arg(split)
                                    .arg(p.errorText() ? p.errorText() : "incomplete")));
            QCOMPARE(p.status(), status);
            QCOMPARE(p.bodyBytes(), static_cast<std::uint64_t>(body));
            QCOMPARE(p.keepAlive(), keepAlive);
        }
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("not http") << QByteArray("220 smtp.example.org ESMTP\r\n");
        QTest::newRow("no status code") << QByteArray("HTTP/1.1 OK\r\n\r\n");
        QTest::newRow("header without colon") << QByteArray("HTTP/1.1 200 OK\r\nbroken\r\n\r\n");
        QTest::newRow("bad length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 12a\r\n\r\n");
        QTest::newRow("conflicting lengths")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n");
        QTest::newRow("bad chunk")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n");
        QTest::newRow("chunk overrun")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab\r\n");
        QTest::newRow("header line too long")
            << (QByteArray("HTTP/1.1 200 OK\r\nX: ") + QByteArray(9000, 'a'));
    }
    void errors()
    {
        QFETCH(QByteArray, bytes);
        ResponseParser p;
        p.reset();
        std::size_t consumed = 0;
        QCOMPARE(p.feed(bytes.constData(), static_cast<std::size_t>(bytes.size()), consumed),
                 ResponseParser::Outcome::Error);
        QVERIFY(p.errorText());
    }

    void closeBeforeTheEndIsAnError()
    {
        ResponseParser p;
        p.reset();
        std::size_t consumed = 0;
        const QByteArray partial("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
        QCOMPARE(p.feed(partial.constData(), static_cast<std::size_t>(partial.size()), consumed),
                 ResponseParser::Outcome::NeedMore);
        QCOMPARE(p.finishOnClose(), ResponseParser::Outcome::Error);
        QVERIFY(QByteArray(p.errorText()).contains("middle"));
        p.reset();
        QCOMPARE(p.finishOnClose(), ResponseParser::Outcome::Error);
        QVERIFY(QByteArray(p.errorText()).contains("without answering"));
    }
};

QTEST_GUILESS_MAIN(tst_ResponseParser)
#include "tst_responseparser.moc"
