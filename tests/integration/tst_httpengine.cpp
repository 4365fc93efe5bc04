// The asynchronous engine: many transfers at once on one thread, streams, cancellation.
#include <core/httpengine.h>

#include <httplib.h>

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <thread>

using namespace Meshdeck;
using namespace std::chrono_literals;

class tst_HttpEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_server.Get("/slow", [](const httplib::Request &, httplib::Response &res) {
            std::this_thread::sleep_for(300ms);
            res.set_content("done", "text/plain");
        });
        m_server.Get("/stream", [](const httplib::Request &, httplib::Response &res) {
            res.set_chunked_content_provider("text/plain", [](size_t, httplib::DataSink &sink) {
                std::this_thread::sleep_for(20ms);
                return sink.write("tick\n", 5);
            });
        });
        m_server.new_task_queue = [] {
            return new httplib::ThreadPool(40);
        };
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running())
            std::this_thread::sleep_for(1ms);
    }
    void cleanupTestCase()
    {
        m_server.stop();
        m_thread.join();
    }

    void manyAtOnce()
    {
        HttpEngine engine;
        std::atomic_int ok {0};
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 20; ++i) {
            HttpRequest r;
            r.url = QUrl(QStringLiteral("http://127.0.0.1:%1/slow").arg(m_port));
            engine.start(r, [&](Result<HttpResponse> res) {
                if (res.ok() && res->body == "done")
                    ++ok;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(ok.load(), 20, 10000);
        // Concurrent, not one after another (20 x 300 ms).
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(engine.activeTransfers(), 0);
    }

    void streamAndCancel()
    {
        HttpEngine engine;
        HttpRequest r;
        r.url = QUrl(QStringLiteral("http://127.0.0.1:%1/stream").arg(m_port));
        r.acceptCompressed = false;
        std::atomic_int lines {0};
        std::atomic_bool finished {false};
        ErrorCode code = ErrorCode::Unknown;
        const CancelToken token = engine.start(
            r,
            [&](Result<HttpResponse> res) {
                code = res.ok() ? ErrorCode::Unknown : res.error().code();
                finished = true;
            },
            [&](const char *data, size_t size) {
                lines += int(QByteArray(data, qsizetype(size)).count('\n'));
                return true;
            });
        QTRY_VERIFY_WITH_TIMEOUT(lines.load() >= 3, 5000);
        QElapsedTimer clock;
        clock.start();
        token.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(finished.load(), 2000);
        QVERIFY(clock.elapsed() < 500);
        QCOMPARE(code, ErrorCode::Cancelled);
    }

    void blockingPerformAndErrors()
    {
        HttpEngine engine;
        HttpRequest r;
        r.url = QUrl(QStringLiteral("http://127.0.0.1:%1/slow").arg(m_port));
        const auto ok = engine.perform(r);
        QVERIFY(ok.ok());
        QCOMPARE(ok->body, QByteArray("done"));
        r.url = QUrl(QStringLiteral("ftp://nowhere"));
        const auto bad = engine.perform(r);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code(), ErrorCode::InvalidArgument);
    }

    void destructorCancelsStreams()
    {
        std::atomic_bool finished {false};
        {
            HttpEngine engine;
            HttpRequest r;
            r.url = QUrl(QStringLiteral("http://127.0.0.1:%1/stream").arg(m_port));
            engine.start(r, [&](Result<HttpResponse>) { finished = true; });
            QTest::qWait(100);
        }
        QVERIFY(finished);
    }

private:
    httplib::Server m_server;
    std::thread m_thread;
    int m_port = 0;
};

QTEST_GUILESS_MAIN(tst_HttpEngine)
#include "tst_httpengine.moc"
