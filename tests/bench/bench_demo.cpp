// Figures of the embedded demo cluster (issue "Embedded demo cluster"):
//  1. LIST of 20,000 pods: the demo server's throughput (MB/s of JSON served) against nginx
//     serving the same bytes as a static file, measured in the same run.
//  2. 1,000 watchers receiving 1,000 events/s: events delivered against events written.
//  3. Memory per 10,000 pods held, against the size of their JSON.
#include "benchsupport.h"
#include "support/loopback.h"

#include <core/httptransport.h>
#include <demo/democluster.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <atomic>
#include <cstring>
#include <fcntl.h>
#include <sys/epoll.h>
#include <thread>
#include <unordered_map>

#include <malloc.h>

using namespace Meshdeck;
using namespace Meshdeck::Demo;

namespace {

QJsonObject podLike(const QString &ns, const QString &name, int i)
{
    // The shape of a real pod with a sidecar: about 3 KB of JSON.
    const QJsonObject container {
        {QStringLiteral("name"), QStringLiteral("app")},
        {QStringLiteral("image"),
         QStringLiteral("docker.io/istio/examples-bookinfo-reviews-v2:1.20.2")},
        {QStringLiteral("imagePullPolicy"), QStringLiteral("IfNotPresent")},
        {QStringLiteral("ports"),
         QJsonArray {QJsonObject {{QStringLiteral("containerPort"), 9080},
                                  {QStringLiteral("protocol"), QStringLiteral("TCP")}}}},
        {QStringLiteral("resources"), QJsonObject {}},
        {QStringLiteral("terminationMessagePath"), QStringLiteral("/dev/termination-log")},
        {QStringLiteral("terminationMessagePolicy"), QStringLiteral("File")}};
    QJsonObject proxy = container;
    proxy.insert(QStringLiteral("name"), QStringLiteral("istio-proxy"));
    proxy.insert(QStringLiteral("image"), QStringLiteral("docker.io/istio/proxyv2:1.24.2"));
    proxy.insert(QStringLiteral("args"),
                 QJsonArray {QStringLiteral("proxy"), QStringLiteral("sidecar"),
                             QStringLiteral("--domain"),
                             QStringLiteral("$(POD_NAMESPACE).svc.cluster.local")});
    const auto status = [](const char *n) {
        return QJsonObject {
            {QStringLiteral("name"), QString::fromLatin1(n)},
            {QStringLiteral("ready"), true},
            {QStringLiteral("restartCount"), 0},
            {QStringLiteral("started"), true},
            {QStringLiteral("image"), QStringLiteral("docker.io/istio/proxyv2:1.24.2")},
            {QStringLiteral("containerID"),
             QStringLiteral(
                 "containerd://3f1c0e9b2d4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d0c1b2a3f4e5d6c7b8a9f0e")},
            {QStringLiteral("state"),
             QJsonObject {{QStringLiteral("running"),
                           QJsonObject {{QStringLiteral("startedAt"),
                                         QStringLiteral("2026-11-27T10:00:00Z")}}}}}};
    };
    return QJsonObject {
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Pod")},
        {QStringLiteral("metadata"),
         QJsonObject {
             {QStringLiteral("name"), name},
             {QStringLiteral("namespace"), ns},
             {QStringLiteral("labels"),
              QJsonObject {{QStringLiteral("app"), QStringLiteral("reviews")},
                           {QStringLiteral("version"), QStringLiteral("v2")},
                           {QStringLiteral("pod-template-hash"), QStringLiteral("6cb6c7fb45")},
                           {QStringLiteral("security.istio.io/tlsMode"), QStringLiteral("istio")}}},
             {QStringLiteral("annotations"),
              QJsonObject {
                  {QStringLiteral("sidecar.istio.io/status"),
                   QStringLiteral(
                       "{\"initContainers\":[\"istio-init\"],\"containers\":[\"istio-proxy\"]}")},
                  {QStringLiteral("prometheus.io/port"), QStringLiteral("15020")}}}}},
        {QStringLiteral("spec"),
         QJsonObject {{QStringLiteral("containers"), QJsonArray {container, proxy}},
                      {QStringLiteral("nodeName"), QStringLiteral("demo-node-%1").arg(i % 3 + 1)},
                      {QStringLiteral("restartPolicy"), QStringLiteral("Always")},
                      {QStringLiteral("serviceAccountName"), QStringLiteral("bookinfo-reviews")},
                      {QStringLiteral("dnsPolicy"), QStringLiteral("ClusterFirst")}}},
        {QStringLiteral("status"),
         QJsonObject {{QStringLiteral("phase"), QStringLiteral("Running")},
                      {QStringLiteral("podIP"),
                       QStringLiteral("10.244.%1.%2").arg(i / 250 % 250).arg(i % 250 + 2)},
                      {QStringLiteral("hostIP"), QStringLiteral("172.18.0.%1").arg(i % 3 + 2)},
                      {QStringLiteral("conditions"),
                       QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("Ready")},
                                                {QStringLiteral("status"), QStringLiteral("True")},
                                                {QStringLiteral("lastTransitionTime"),
                                                 QStringLiteral("2026-11-27T10:00:02Z")}}}},
                      {QStringLiteral("containerStatuses"),
                       QJsonArray {status("app"), status("istio-proxy")}}}}};
}

struct Fetch
{
    double seconds = 0;
    qint64 bytes = 0;
};

Fetch fetch(const QString &url)
{
    HttpRequest request;
    request.url = QUrl(url);
    request.acceptCompressed = false;
    request.maxBodyBytes = qint64(1) << 31;
    QElapsedTimer clock;
    clock.start();
    const auto r = HttpTransport::perform(request);
    Fetch f;
    f.seconds = double(clock.nsecsElapsed()) / 1e9;
    f.bytes = r.ok() ? r->body.size() : 0;
    return f;
}

} // namespace

class bench_Demo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void list20000Pods()
    {
        DemoCluster::Options options;
        options.anonymousAdmin = true; // plain LISTs, as nginx serves them
        options.scenario = QStringLiteral("empty");
        DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        const auto pods
            = *cluster.registry().find(QString(), QStringLiteral("v1"), QStringLiteral("pods"));
        const auto namespaces = *cluster.registry().find(QString(), QStringLiteral("v1"),
                                                         QStringLiteral("namespaces"));
        for (int n = 0; n < 200; ++n)
            cluster.store().create(namespaces,
                                   QJsonObject {{QStringLiteral("metadata"),
                                                 QJsonObject {{QStringLiteral("name"),
                                                               QStringLiteral("ns-%1").arg(n)}}}});
        QElapsedTimer fill;
        fill.start();
        for (int i = 0; i < 20000; ++i)
            cluster.store().create(
                pods,
                podLike(QStringLiteral("ns-%1").arg(i % 200), QStringLiteral("pod-%1").arg(i), i));
        cluster.waitUntilSettled(120000);
        const QString url = cluster.serverUrl() + QStringLiteral("/api/v1/pods");

        // The same bytes, from nginx.
        QTemporaryDir www;
        const Fetch sample = fetch(url);
        QVERIFY(sample.bytes > 20000 * 1000);
        {
            HttpRequest request;
            request.url = QUrl(url);
            request.acceptCompressed = false;
            request.maxBodyBytes = qint64(1) << 31;
            const auto r = HttpTransport::perform(request);
            QFile file(www.filePath(QStringLiteral("pods.json")));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(r->body);
        }
        QFile::setPermissions(www.path(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                  | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                  | QFileDevice::ExeOther);
        Bench::Nginx nginx;
        const bool haveNginx = nginx.start(www.path());

        std::vector<double> demo, peer;
        for (int i = 0; i < 7; ++i) {
            const Fetch d = fetch(url);
            demo.push_back(double(d.bytes) / d.seconds / 1e6);
            if (haveNginx) {
                const Fetch n
                    = fetch(QStringLiteral("http://127.0.0.1:%1/pods.json").arg(nginx.port()));
                QCOMPARE(n.bytes, sample.bytes);
                peer.push_back(double(n.bytes) / n.seconds / 1e6);
            }
        }
        const double demoMBs = Bench::median(demo);
        std::printf("\nLIST 20,000 pods (%.1f MB of JSON), median of 7:\n",
                    double(sample.bytes) / 1e6);
        std::printf("  demo server : %8.1f MB/s  (%.0f ms per LIST)\n", demoMBs,
                    double(sample.bytes) / 1e6 / demoMBs * 1000);
        if (haveNginx) {
            const double nginxMBs = Bench::median(peer);
            std::printf("  nginx static: %8.1f MB/s  (same bytes from a file)\n", nginxMBs);
            std::printf("  ratio demo/nginx: %.2f\n", demoMBs / nginxMBs);
        } else {
            std::printf(
                "  nginx not installed: no peer figure (packaging/dev.sh bench installs it)\n");
        }
        cluster.stop();
    }

    void thousandWatchers()
    {
        DemoCluster::Options options;
        options.scenario = QStringLiteral("empty");
        DemoCluster cluster(options);
        QVERIFY(cluster.start().ok());
        const auto cms = *cluster.registry().find(QString(), QStringLiteral("v1"),
                                                  QStringLiteral("configmaps"));
        const quint64 rv = cluster.store().resourceVersion();
        constexpr int kWatchers = 1000;
        constexpr int kRate = 1000;
        constexpr int kSeconds = 5;

        const int epoll = ::epoll_create1(0);
        std::vector<int> fds;
        const QByteArray request
            = QStringLiteral("GET /api/v1/namespaces/default/configmaps?watch=1&resourceVersion=%1 "
                             "HTTP/1.1\r\nHost: demo\r\nAuthorization: Bearer %2\r\n\r\n")
                  .arg(rv)
                  .arg(cluster.adminToken())
                  .toLatin1();
        for (int i = 0; i < kWatchers; ++i) {
            const int fd = TestSupport::connectLoopback(cluster.port());
            QVERIFY(fd >= 0);
            QVERIFY(::write(fd, request.constData(), size_t(request.size())) == request.size());
            ::fcntl(fd, F_SETFL, O_NONBLOCK);
            epoll_event ev {};
            ev.events = EPOLLIN;
            ev.data.fd = fd;
            ::epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &ev);
            fds.push_back(fd);
        }
        QElapsedTimer setup;
        setup.start();
        QTRY_COMPARE_WITH_TIMEOUT(cluster.openWatchStreams(), kWatchers, 20000);
        std::printf("  %d watch streams open after %lld ms\n", kWatchers,
                    static_cast<long long>(setup.elapsed()));

        std::atomic_bool writing {true};
        std::atomic<qint64> written {0};
        std::thread writer([&] {
            QElapsedTimer clock;
            clock.start();
            cluster.store().create(
                cms,
                QJsonObject {
                    {QStringLiteral("metadata"),
                     QJsonObject {{QStringLiteral("name"), QStringLiteral("hot")},
                                  {QStringLiteral("namespace"), QStringLiteral("default")}}},
                    {QStringLiteral("data"),
                     QJsonObject {{QStringLiteral("n"), QStringLiteral("0")}}}});
            ++written;
            for (int i = 1; i < kRate * kSeconds; ++i) {
                // Paced: event i is due at i milliseconds.
                while (clock.nsecsElapsed() < qint64(i) * 1'000'000'000 / kRate)
                    std::this_thread::sleep_for(std::chrono::microseconds(200));
                QJsonObject o
                    = cluster.store().get(cms, QStringLiteral("default"), QStringLiteral("hot"));
                o.insert(QStringLiteral("data"),
                         QJsonObject {{QStringLiteral("n"), QString::number(i)}});
                cluster.store().update(cms, o, false);
                ++written;
            }
            writing = false;
            std::printf("  writer finished after %lld ms\n",
                        static_cast<long long>(clock.elapsed()));
        });

        qint64 received = 0;
        QElapsedTimer clock;
        clock.start();
        std::vector<char> buffer(1 << 16);
        std::unordered_map<int, QByteArray> carry; // the tail of each stream's last read
        epoll_event events[256];
        const char needle[] = "\"type\":\"";
        while (clock.elapsed() < (kSeconds + 10) * 1000) {
            const int n = ::epoll_wait(epoll, events, 256, 100);
            for (int i = 0; i < n; ++i) {
                for (;;) {
                    const ssize_t got = ::read(events[i].data.fd, buffer.data(), buffer.size());
                    if (got <= 0)
                        break;
                    // Count event markers, including one split across two reads (the seam is
                    // checked on its own so that no read is copied).
                    QByteArray &tail = carry[events[i].data.fd];
                    if (!tail.isEmpty()) {
                        const QByteArray seam
                            = tail + QByteArray(buffer.data(), qMin<qsizetype>(7, qsizetype(got)));
                        if (memmem(seam.constData(), size_t(seam.size()), needle, 8))
                            ++received;
                    }
                    const char *p = buffer.data();
                    const char *end = p + got;
                    while ((p = static_cast<const char *>(memmem(p, size_t(end - p), needle, 8)))) {
                        ++received;
                        p += 8;
                    }
                    tail = QByteArray(end - qMin<ssize_t>(7, got),
                                      qMin<qsizetype>(7, qsizetype(got)));
                }
            }
            if (!writing && received >= qint64(kWatchers) * written)
                break;
        }
        const double elapsed = double(clock.elapsed()) / 1000.0;
        writer.join();
        const qint64 expected = qint64(kWatchers) * written;
        std::printf("\n1,000 watchers, 1,000 events/s for %d s:\n", kSeconds);
        std::printf(
            "  events written %lld, deliveries expected %lld, delivered %lld (ratio %.3f)\n",
            static_cast<long long>(written.load()), static_cast<long long>(expected),
            static_cast<long long>(received), double(received) / double(expected));
        std::printf("  all delivered after %.1f s (writer ran %d s); %.0f deliveries/s\n", elapsed,
                    kSeconds, double(received) / elapsed);
        QElapsedTimer teardown;
        teardown.start();
        for (int fd : fds)
            ::close(fd);
        ::close(epoll);
        cluster.stop();
        std::printf("  stopped in %lld ms\n", static_cast<long long>(teardown.elapsed()));
    }

    void memoryPer10000Pods()
    {
        malloc_trim(0);
        ObjectStore store;
        const auto pods
            = *ResourceRegistry().find(QString(), QStringLiteral("v1"), QStringLiteral("pods"));
        qint64 jsonBytes = 0;
        const qint64 before = Bench::rssKiB();
        for (int i = 0; i < 10000; ++i) {
            const QJsonObject o = store.create(
                pods,
                podLike(QStringLiteral("ns-%1").arg(i % 200), QStringLiteral("pod-%1").arg(i), i));
            jsonBytes += QJsonDocument(o).toJson(QJsonDocument::Compact).size();
        }
        store.compact(0); // history would otherwise hold a second reference to every pod
        malloc_trim(0);
        const qint64 after = Bench::rssKiB();
        const double heldMB = double(after - before) / 1024.0;
        std::printf("\nMemory per 10,000 pods held: %.1f MB (%.1f KB per pod)\n", heldMB,
                    heldMB * 1024 / 10000);
        std::printf("  their JSON: %.1f MB; ratio memory/JSON %.2f\n", double(jsonBytes) / 1e6,
                    (after - before) * 1024.0 / double(jsonBytes));
    }
};

QTEST_GUILESS_MAIN(bench_Demo)
#include "bench_demo.moc"
