// Load generated inside the (demo) cluster: an Indexed Job of the worker image, whose pods the
// demo runs as real child processes reaching its real Bookinfo; the merged result, and nothing
// left behind, whatever happens.
#include <demo/democluster.h>
#include <incluster/inclusterrun.h>
#include <kube/kubeclient.h>
#include <kube/kubeconfig.h>

#include <core/httpengine.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

#include <csignal>

using namespace Meshdeck;
using namespace Meshdeck::InCluster;

namespace {

Perf::RunRequest productpageAt(double rate, int seconds)
{
    Perf::RunRequest r;
    r.name = QStringLiteral("in-cluster test");
    r.spec.url = "http://productpage.bookinfo:9080/productpage";
    r.spec.mode = Perf::LoadSpec::Mode::ConstantRate;
    r.spec.rate = rate;
    r.spec.connections = 8;
    r.spec.duration = std::chrono::seconds(seconds);
    return r;
}

} // namespace

class tst_InClusterRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("MESHDECK_LOADGEN_BINARY", MESHDECK_LOADGEN_BINARY);
        Demo::DemoCluster::Options options;
        options.timeScale = 0.5;
        m_cluster = std::make_unique<Demo::DemoCluster>(options);
        QVERIFY(m_cluster->start().ok());
        QVERIFY(m_cluster->waitUntilSettled(20000));
        const QString kc = m_dir.filePath(QStringLiteral("kc"));
        QVERIFY(m_cluster->writeKubeconfig(kc).ok());
        const auto context = Kube::Kubeconfig::load(kc)->resolve(QString());
        QVERIFY(context.ok());
        m_client = std::make_shared<Kube::KubeClient>(*context, std::make_shared<HttpEngine>());
    }
    void cleanupTestCase() { m_cluster->stop(); }

    void mergedRunLeavesNothing()
    {
        InClusterOptions options;
        options.workers = 2;
        options.startDelayMs = 2500;
        InClusterRun run(m_client, productpageAt(200, 3), options);
        std::atomic_bool cancel {false};
        int merged = 0;
        QSet<QString> pods;
        const auto result = run.run(cancel, [&](const InClusterProgress &p) {
            merged += int(p.run.newPoints.size());
            for (const auto &w : p.workers)
                if (!w.pod.isEmpty())
                    pods.insert(w.pod);
        });
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QVERIFY2(result->failure.isEmpty(), qPrintable(result->failure));
        QCOMPARE(pods.size(), 2);
        QVERIFY(merged >= 2); // the merged series arrived live
        // Two workers at 100 req/s each for 3 s, merged.
        const auto responses = result->report.counters.responses;
        QVERIFY2(responses >= 570 && responses <= 630, qPrintable(QString::number(responses)));
        QVERIFY2(std::abs(result->report.achievedRate - 200) < 10,
                 qPrintable(QString::number(result->report.achievedRate)));
        QCOMPARE(result->labels.value(QStringLiteral("load.from")), QStringLiteral("cluster"));
        QCOMPARE(result->labels.value(QStringLiteral("load.workers")), QStringLiteral("2"));
        QVERIFY(!result->labels.value(QStringLiteral("load.nodes")).isEmpty());
        QCOMPARE(result->report.counters.statusCodes.at(200), responses);
        verifyNothingLeft(QStringLiteral("meshdeck-load"));
    }

    // Two runs back to back: the second waits for the first's namespace to be gone.
    void backToBack()
    {
        InClusterOptions options;
        options.startDelayMs = 1000;
        for (int i = 0; i < 2; ++i) {
            InClusterRun run(m_client, productpageAt(50, 1), options);
            std::atomic_bool cancel {false};
            const auto result = run.run(cancel, {});
            QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        }
        verifyNothingLeft(QStringLiteral("meshdeck-load"));
    }

    void unpullableImageIsNamed()
    {
        InClusterOptions options;
        options.image = QStringLiteral("registry.invalid/meshdeck/meshdeck-loadgen:0");
        options.startDelayMs = 1000;
        InClusterRun run(m_client, productpageAt(50, 2), options);
        std::atomic_bool cancel {false};
        QElapsedTimer clock;
        clock.start();
        const auto result = run.run(cancel, {});
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message().contains(QStringLiteral("cannot pull")),
                 qPrintable(result.error().message()));
        QVERIFY(result.error().message().contains(QStringLiteral("meshdeck-load-")));
        QVERIFY(clock.elapsed() < 20000);
        verifyNothingLeft(QStringLiteral("meshdeck-load"));
    }

    void cancelKeepsWhatWasMeasured()
    {
        InClusterOptions options;
        options.workers = 2;
        options.startDelayMs = 1500;
        options.ns = QStringLiteral("load-cancel");
        InClusterRun run(m_client, productpageAt(100, 60), options);
        std::atomic_bool cancel {false};
        const auto result = run.run(cancel, [&](const InClusterProgress &p) {
            if (!p.run.newPoints.empty() && p.run.newPoints.back().second >= 1)
                cancel = true;
        });
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QVERIFY(result->report.cancelled);
        QVERIFY(result->report.counters.responses > 100);
        QVERIFY(result->report.measuredSeconds < 30);
        verifyNothingLeft(options.ns);
    }

    // A worker killed mid-run (SIGKILL, as the OOM killer does): its pod ends OOMKilled, the run
    // keeps the other worker's result and says that one is missing.
    void killedWorkerIsFlagged()
    {
        InClusterOptions options;
        options.workers = 2;
        options.startDelayMs = 1000;
        options.ns = QStringLiteral("load-kill");
        InClusterRun run(m_client, productpageAt(100, 6), options);
        std::atomic_bool cancel {false};
        bool killed = false;
        const auto result = run.run(cancel, [&](const InClusterProgress &p) {
            if (killed || p.run.newPoints.empty())
                return;
            // The worker process with index 1, found by its environment.
            for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
                QFile environ(QStringLiteral("/proc/%1/environ").arg(pid));
                QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
                if (!environ.open(QIODevice::ReadOnly) || !cmdline.open(QIODevice::ReadOnly))
                    continue;
                if (cmdline.readAll().contains("meshdeck-loadgen")
                    && environ.readAll().split('\0').contains("JOB_COMPLETION_INDEX=1")) {
                    ::kill(pid.toInt(), SIGKILL);
                    killed = true;
                }
            }
        });
        QVERIFY(killed);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QVERIFY2(result->failure.contains(QStringLiteral("1 of 2 workers")),
                 qPrintable(result->failure));
        QVERIFY2(result->failure.contains(QStringLiteral("OOMKilled")),
                 qPrintable(result->failure));
        QCOMPARE(result->labels.value(QStringLiteral("load.partial")), QStringLiteral("true"));
        QVERIFY(result->report.counters.responses >= 250); // the other worker's 6 s at 50/s
        verifyNothingLeft(options.ns);
    }

    void readOnlyUserIsRefusedBeforeAnything()
    {
        // A cluster that authenticates (tokens over TLS), as real ones do.
        Demo::DemoCluster::Options options;
        options.tokenAuth = true;
        options.scenario = QStringLiteral("empty");
        options.bookinfoTraffic = false;
        Demo::DemoCluster secured(options);
        QVERIFY(secured.start().ok());
        const auto clientFor = [&](Demo::DemoCluster::Access access, const QString &file) {
            (void)secured.writeKubeconfig(m_dir.filePath(file), access);
            const auto context = Kube::Kubeconfig::load(m_dir.filePath(file))->resolve(QString());
            return std::make_shared<Kube::KubeClient>(context.value(),
                                                      std::make_shared<HttpEngine>());
        };
        auto readOnly = clientFor(Demo::DemoCluster::Access::ReadOnly, QStringLiteral("ro"));
        auto admin = clientFor(Demo::DemoCluster::Access::Admin, QStringLiteral("admin"));
        InClusterRun run(readOnly, productpageAt(50, 2), InClusterOptions {});
        std::atomic_bool cancel {false};
        const auto result = run.run(cancel, {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code(), ErrorCode::Forbidden);
        QVERIFY2(result.error().message().contains(QStringLiteral("create jobs")),
                 qPrintable(result.error().message()));
        QVERIFY(result.error().message().contains(QStringLiteral("Nothing was created")));
        QVERIFY(!admin->get(QStringLiteral("/api/v1/namespaces/meshdeck-load")).ok());
        QVERIFY(admin
                    ->list(QStringLiteral("/api/v1/secrets"), 500,
                           QStringLiteral("app.kubernetes.io/managed-by=meshdeck"))
                    ->items.isEmpty());
        secured.stop();
    }

private:
    void verifyNothingLeft(const QString &ns)
    {
        const QString selector = QStringLiteral("app.kubernetes.io/managed-by=meshdeck");
        QTRY_VERIFY_WITH_TIMEOUT(
            m_client->list(QStringLiteral("/api/v1/pods"), 500, selector)->items.isEmpty(), 15000);
        QVERIFY(
            m_client->list(QStringLiteral("/apis/batch/v1/jobs"), 500, selector)->items.isEmpty());
        QVERIFY(m_client->list(QStringLiteral("/api/v1/secrets"), 500, selector)->items.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_client->get(QStringLiteral("/api/v1/namespaces/%1").arg(ns)).ok(), 15000);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Demo::DemoCluster> m_cluster;
    std::shared_ptr<Kube::KubeClient> m_client;
};

QTEST_GUILESS_MAIN(tst_InClusterRun)
#include "tst_inclusterrun.moc"
