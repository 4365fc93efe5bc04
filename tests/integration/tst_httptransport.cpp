// The libcurl transport against real HTTP and HTTPS servers on loopback (cpp-httplib), with
// certificates made by the openssl command line for each run.
#include <core/httptransport.h>

#include <httplib.h>

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>

using namespace Meshdeck;
using namespace std::chrono_literals;

namespace {

// Runs a cpp-httplib server on a free loopback port in its own thread.
template<typename Server> class RunningServer
{
public:
    explicit RunningServer(Server &server)
        : m_server(server)
    {
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        // The socket listens from bind on; early connections wait in the backlog.
        while (!m_server.is_running())
            std::this_thread::sleep_for(1ms);
    }
    ~RunningServer()
    {
        m_server.stop();
        m_thread.join();
    }
    int port() const { return m_port; }

private:
    Server &m_server;
    std::thread m_thread;
    int m_port = 0;
};

// An HTTPS server with the test certificate `name` ("server" or "other"), optionally requiring
// client certificates signed by the test CA.
struct TlsServer
{
    TlsServer(const QTemporaryDir &dir, const QString &name, bool clientCa)
        : server(dir.filePath(name + QStringLiteral(".crt")).toLocal8Bit(),
                 dir.filePath(name + QStringLiteral(".key")).toLocal8Bit(),
                 clientCa ? dir.filePath(QStringLiteral("ca.crt")).toLocal8Bit().constData()
                          : nullptr)
    {
        server.Get("/ok", [](const httplib::Request &, httplib::Response &res) {
            res.set_content("secure", "text/plain");
        });
        server.Get("/host", [](const httplib::Request &req, httplib::Response &res) {
            res.set_content(req.get_header_value("Host"), "text/plain");
        });
        running = std::make_unique<RunningServer<httplib::SSLServer>>(server);
    }
    QString url(const QString &path) const
    {
        return QStringLiteral("https://127.0.0.1:%1%2").arg(running->port()).arg(path);
    }

    httplib::SSLServer server;
    std::unique_ptr<RunningServer<httplib::SSLServer>> running;
};

void installRoutes(httplib::Server &s, std::atomic_bool &release)
{
    s.Get("/hello", [](const httplib::Request &req, httplib::Response &res) {
        res.set_header("X-Test", "yes");
        res.set_content("hello " + req.get_header_value("X-Name"), "text/plain");
    });
    s.Post("/echo", [](const httplib::Request &req, httplib::Response &res) {
        res.status = 201;
        res.set_content(req.body, req.get_header_value("Content-Type"));
    });
    s.Get("/missing", [](const httplib::Request &, httplib::Response &res) {
        res.status = 404;
        res.set_content(R"({"kind":"Status","reason":"NotFound"})", "application/json");
    });
    s.Get("/stall", [&release](const httplib::Request &, httplib::Response &res) {
        for (int i = 0; i < 100 && !release; ++i)
            std::this_thread::sleep_for(50ms);
        res.set_content("late", "text/plain");
    });
    s.Get("/big", [](const httplib::Request &, httplib::Response &res) {
        res.set_content(std::string(300 * 1024, 'x'), "application/octet-stream");
    });
    s.Get("/stream", [](const httplib::Request &, httplib::Response &res) {
        res.set_chunked_content_provider("application/json",
                                         [](size_t offset, httplib::DataSink &sink) {
                                             if (offset > 100000)
                                                 return false; // never reached: client stops first
                                             const std::string line = "{\"type\":\"ADDED\"}\n";
                                             sink.write(line.data(), line.size());
                                             std::this_thread::sleep_for(5ms);
                                             return true;
                                         });
    });
    s.Get("/truncated", [](const httplib::Request &, httplib::Response &res) {
        res.set_content_provider(1000, "text/plain",
                                 [](size_t offset, size_t, httplib::DataSink &sink) {
                                     if (offset > 0)
                                         return false; // close after half the promised bytes
                                     const std::string half(500, 'a');
                                     sink.write(half.data(), half.size());
                                     return true;
                                 });
    });
}

QString run(const QStringList &args, const QString &dir)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("openssl"), args);
    p.waitForFinished(30000);
    return p.exitCode() == 0 ? QString() : QString::fromLocal8Bit(p.readAllStandardError());
}

} // namespace

class tst_HttpTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void getWithHeaders();
    void postBody();
    void httpErrorsAreResponses();
    void streamingStopsEarly();
    void refusedConnection();
    void unknownHost();
    void invalidUrls_data();
    void invalidUrls();
    void idleTimeout();
    void cancelFromAnotherThread();
    void tooLarge();
    void truncatedReply();
    void tlsVerifiesByDefault();
    void tlsWithCa();
    void tlsInsecure();
    void tlsServerNameOverride();
    void clientCertificate();

private:
    bool makeCertificates();
    Result<HttpResponse> get(const QString &url, const TlsOptions &tls = {});

    httplib::Server m_server;
    std::unique_ptr<RunningServer<httplib::Server>> m_running;
    std::atomic_bool m_release = false;
    QTemporaryDir m_dir;
    QString m_base;
    bool m_haveCerts = false;
};

void tst_HttpTransport::initTestCase()
{
    installRoutes(m_server, m_release);
    m_running = std::make_unique<RunningServer<httplib::Server>>(m_server);
    QVERIFY(m_running->port() > 0);
    m_base = QStringLiteral("http://127.0.0.1:%1").arg(m_running->port());
    m_haveCerts = makeCertificates();
}

bool tst_HttpTransport::makeCertificates()
{
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        return false;
    const QString d = m_dir.path();
    QFile ext(m_dir.filePath(QStringLiteral("san.ext")));
    ext.open(QIODevice::WriteOnly);
    ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n");
    ext.close();
    QFile other(m_dir.filePath(QStringLiteral("other.ext")));
    other.open(QIODevice::WriteOnly);
    other.write("subjectAltName=DNS:api.meshdeck-test.internal\n");
    other.close();
    const QList<QStringList> steps = {
        {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
         "-days", "2", "-subj", "/CN=Meshdeck Test CA"},
        {"req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
         "-subj", "/CN=localhost"},
        {"x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
         "-CAcreateserial", "-out", "server.crt", "-days", "2", "-extfile", "san.ext"},
        {"req", "-newkey", "rsa:2048", "-nodes", "-keyout", "other.key", "-out", "other.csr",
         "-subj", "/CN=api.meshdeck-test.internal"},
        {"x509", "-req", "-in", "other.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
         "-out", "other.crt", "-days", "2", "-extfile", "other.ext"},
        {"req", "-newkey", "rsa:2048", "-nodes", "-keyout", "client.key", "-out", "client.csr",
         "-subj", "/CN=meshdeck-user/O=system:masters"},
        {"x509", "-req", "-in", "client.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
         "-CAcreateserial", "-out", "client.crt", "-days", "2"},
    };
    for (const QStringList &step : steps) {
        const QString error = run(step, d);
        if (!error.isEmpty()) {
            qWarning("openssl failed: %s", qPrintable(error));
            return false;
        }
    }
    return true;
}

Result<HttpResponse> tst_HttpTransport::get(const QString &url, const TlsOptions &tls)
{
    HttpRequest request;
    request.url = QUrl(url);
    request.tls = tls;
    request.connectTimeout = 5s;
    return HttpTransport::perform(request);
}

void tst_HttpTransport::getWithHeaders()
{
    HttpRequest request;
    request.url = QUrl(m_base + QStringLiteral("/hello"));
    request.headers = {{"X-Name", "meshdeck"}};
    const auto r = HttpTransport::perform(request);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->status, 200);
    QCOMPARE(r->body, QByteArray("hello meshdeck"));
    QCOMPARE(r->header("x-test"), QByteArray("yes"));
    QCOMPARE(r->httpVersion, QByteArray("1.1"));
    QVERIFY(r->elapsedSeconds > 0);
}

void tst_HttpTransport::postBody()
{
    HttpRequest request;
    request.method = "POST";
    request.url = QUrl(m_base + QStringLiteral("/echo"));
    request.headers = {{"Content-Type", "application/json"}};
    request.body = QByteArray(R"({"apiVersion":"v1","kind":"Namespace"})");
    const auto r = HttpTransport::perform(request);
    QVERIFY(r.ok());
    QCOMPARE(r->status, 201);
    QCOMPARE(r->body, request.body);
    QCOMPARE(r->header("Content-Type"), QByteArray("application/json"));
}

void tst_HttpTransport::httpErrorsAreResponses()
{
    const auto r = get(m_base + QStringLiteral("/missing"));
    QVERIFY(r.ok());
    QCOMPARE(r->status, 404);
    QVERIFY(!r->isSuccess());
    QVERIFY(r->body.contains("NotFound"));
}

void tst_HttpTransport::streamingStopsEarly()
{
    HttpRequest request;
    request.url = QUrl(m_base + QStringLiteral("/stream"));
    request.acceptCompressed = false;
    request.idleTimeout = 5s;
    int lines = 0;
    const auto r = HttpTransport::perform(request, {}, [&lines](const char *data, size_t size) {
        lines += int(QByteArray(data, qsizetype(size)).count('\n'));
        return lines < 5;
    });
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->status, 200);
    QVERIFY(lines >= 5);
    QVERIFY(r->body.isEmpty());
}

void tst_HttpTransport::refusedConnection()
{
    int closedPort = 0;
    {
        httplib::Server temp;
        RunningServer<httplib::Server> running(temp);
        closedPort = running.port();
    }
    const auto r = get(QStringLiteral("http://127.0.0.1:%1/").arg(closedPort));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), ErrorCode::ConnectionRefused);
    QVERIFY(r.error().retryable());
    QVERIFY(r.error().message().contains(QString::number(closedPort)));
}

void tst_HttpTransport::unknownHost()
{
    const auto r = get(QStringLiteral("http://no-such-host.invalid/"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), ErrorCode::HostNotFound);
    QVERIFY(r.error().message().contains(QStringLiteral("no-such-host.invalid")));
}

void tst_HttpTransport::invalidUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("ftp") << "ftp://127.0.0.1/file";
    QTest::newRow("no host") << "http:///path";
    QTest::newRow("garbage") << "::not a url::";
    QTest::newRow("empty") << "";
}

void tst_HttpTransport::invalidUrls()
{
    QFETCH(QString, url);
    const auto r = get(url);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), ErrorCode::InvalidArgument);
}

void tst_HttpTransport::idleTimeout()
{
    m_release = false;
    HttpRequest request;
    request.url = QUrl(m_base + QStringLiteral("/stall"));
    request.timeout = 700ms;
    QElapsedTimer clock;
    clock.start();
    const auto r = HttpTransport::perform(request);
    m_release = true;
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), ErrorCode::Timeout);
    QVERIFY(r.error().retryable());
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
}

void tst_HttpTransport::cancelFromAnotherThread()
{
    m_release = false;
    HttpRequest request;
    request.url = QUrl(m_base + QStringLiteral("/stall"));
    CancelToken token;
    std::thread canceller([token] {
        std::this_thread::sleep_for(200ms);
        token.cancel();
    });
    QElapsedTimer clock;
    clock.start();
    const auto r = HttpTransport::perform(request, token);
    const qint64 elapsed = clock.elapsed();
    canceller.join();
    m_release = true;
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), ErrorCode::Cancelled);
    // Cancelled 200 ms in; the transfer must end well within a second after that.
    QVERIFY2(elapsed < 700, qPrintable(QString::number(elapsed)));
}

void tst_HttpTransport::tooLarge()
{
    HttpRequest request;
    request.url = QUrl(m_base + QStringLiteral("/big"));
    request.maxBodyBytes = 100 * 1024;
    const auto r = HttpTransport::perform(request);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), ErrorCode::TooLarge);
}

void tst_HttpTransport::truncatedReply()
{
    const auto r = get(m_base + QStringLiteral("/truncated"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), ErrorCode::ProtocolError);
    QVERIFY(r.error().retryable());
}

void tst_HttpTransport::tlsVerifiesByDefault()
{
    if (!m_haveCerts)
        QSKIP("openssl command not available to make test certificates");
    TlsServer tls(m_dir, QStringLiteral("server"), false);
    const auto r = get(tls.url(QStringLiteral("/ok")));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code(), ErrorCode::TlsFailure);
    QVERIFY(!r.error().retryable());
}

void tst_HttpTransport::tlsWithCa()
{
    if (!m_haveCerts)
        QSKIP("openssl command not available to make test certificates");
    TlsServer tls(m_dir, QStringLiteral("server"), false);
    QFile ca(m_dir.filePath(QStringLiteral("ca.crt")));
    QVERIFY(ca.open(QIODevice::ReadOnly));
    TlsOptions options;
    options.caPem = ca.readAll();
    for (const QString &host : {QStringLiteral("127.0.0.1"), QStringLiteral("localhost")}) {
        const auto r
            = get(QStringLiteral("https://%1:%2/ok").arg(host).arg(tls.running->port()), options);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(r->body, QByteArray("secure"));
    }
    TlsOptions fromFile;
    fromFile.caFile = ca.fileName();
    QVERIFY(get(tls.url(QStringLiteral("/ok")), fromFile).ok());
}

void tst_HttpTransport::tlsInsecure()
{
    if (!m_haveCerts)
        QSKIP("openssl command not available to make test certificates");
    TlsServer tls(m_dir, QStringLiteral("server"), false);
    TlsOptions options;
    options.verifyPeer = false;
    QVERIFY(get(tls.url(QStringLiteral("/ok")), options).ok());
}

void tst_HttpTransport::tlsServerNameOverride()
{
    if (!m_haveCerts)
        QSKIP("openssl command not available to make test certificates");
    // The certificate names only api.meshdeck-test.internal; we connect to 127.0.0.1.
    TlsServer tls(m_dir, QStringLiteral("other"), false);
    QFile ca(m_dir.filePath(QStringLiteral("ca.crt")));
    QVERIFY(ca.open(QIODevice::ReadOnly));
    TlsOptions options;
    options.caPem = ca.readAll();
    const QString url = tls.url(QStringLiteral("/host"));
    const auto mismatch = get(url, options);
    QVERIFY(!mismatch.ok());
    QCOMPARE(mismatch.error().code(), ErrorCode::TlsFailure);
    options.serverName = QStringLiteral("api.meshdeck-test.internal");
    const auto r = get(url, options);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->body, QStringLiteral("127.0.0.1:%1").arg(tls.running->port()).toUtf8());
}

void tst_HttpTransport::clientCertificate()
{
    if (!m_haveCerts)
        QSKIP("openssl command not available to make test certificates");
    TlsServer tls(m_dir, QStringLiteral("server"), true);
    const QString url = tls.url(QStringLiteral("/ok"));
    TlsOptions options;
    options.caFile = m_dir.filePath(QStringLiteral("ca.crt"));
    QVERIFY(!get(url, options).ok());

    QFile cert(m_dir.filePath(QStringLiteral("client.crt")));
    QFile key(m_dir.filePath(QStringLiteral("client.key")));
    QVERIFY(cert.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly));
    options.clientCertPem = cert.readAll();
    options.clientKeyPem = key.readAll();
    const auto r = get(url, options);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->body, QByteArray("secure"));

    TlsOptions files;
    files.caFile = options.caFile;
    files.clientCertFile = cert.fileName();
    files.clientKeyFile = key.fileName();
    QVERIFY(get(url, files).ok());
}

QTEST_GUILESS_MAIN(tst_HttpTransport)
#include "tst_httptransport.moc"
