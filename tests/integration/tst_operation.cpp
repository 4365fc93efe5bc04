// Mesh::Operation against the demo cluster: the one install/uninstall workflow the command line,
// the wizard and the Lifecycle page share. A verified install with its journal; a control plane
// that never becomes Ready fails within the installation's timeout and rolls back (or is kept);
// an uninstall that restarts injected namespaces; a sample app with its skipped kinds.
#include <core/httpengine.h>
#include <demo/democluster.h>
#include <kube/kubeclient.h>
#include <kube/kubeconfig.h>
#include <mesh/operation.h>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Meshdeck;

namespace {

const char StuckManifest[]
    = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: istio-system\n---\n"
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: istiod\n  namespace: "
      "istio-system\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: istiod}\n  "
      "template:\n    metadata:\n      labels: {app: istiod}\n    spec:\n      containers:\n"
      "      - name: discovery\n        image: registry.invalid/istio/pilot:1.26.2\n";

QStringList journalSteps(const QJsonArray &journal)
{
    QStringList steps;
    for (const QJsonValue &v : journal)
        if (v.toObject().contains(QLatin1String("step")))
            steps << v.toObject().value(QLatin1String("step")).toString() + QLatin1Char('=')
                    + v.toObject().value(QLatin1String("state")).toString();
    return steps;
}

} // namespace

class tst_Operation : public QObject
{
    Q_OBJECT

    std::unique_ptr<Demo::DemoCluster> m_cluster;
    QTemporaryDir m_dir;
    std::shared_ptr<Kube::KubeClient> m_client;

    Mesh::Installation prepared(const QString &mesh, const QString &manifest = {})
    {
        Mesh::InstallOptions options;
        options.mesh = mesh;
        if (!manifest.isEmpty()) {
            options.method = Mesh::InstallMethod::Manifest;
            options.manifest = manifest;
        }
        auto inst = Mesh::Installer::prepare(options);
        if (!inst)
            qWarning() << inst.error().toString();
        Mesh::Installation result = inst ? inst.value() : Mesh::Installation();
        if (inst)
            (void)Mesh::Installer::markExisting(*m_client, result);
        return result;
    }

private Q_SLOTS:
    void init()
    {
        Demo::DemoCluster::Options options;
        options.scenario = QStringLiteral("empty");
        options.bookinfoTraffic = false;
        m_cluster = std::make_unique<Demo::DemoCluster>(options);
        QVERIFY(m_cluster->start().ok());
        const QString path = m_dir.filePath(QStringLiteral("kubeconfig"));
        QVERIFY(m_cluster->writeKubeconfig(path, Demo::DemoCluster::Access::Admin).ok());
        const auto resolved = Kube::Kubeconfig::load(path).value().resolve({});
        QVERIFY(resolved.ok());
        m_client = std::make_shared<Kube::KubeClient>(*resolved, std::make_shared<HttpEngine>());
    }

    void cleanup()
    {
        m_client.reset();
        m_cluster.reset();
    }

    void installVerifiedThenUninstallRestartsInjected()
    {
        Mesh::Installation inst = prepared(QStringLiteral("linkerd"));
        QVERIFY(inst.mesh);
        inst.options.injectNamespaces = {QStringLiteral("shop")};
        QStringList steps;
        QStringList lines;
        QList<Mesh::Check> checked;
        Mesh::OperationSink sink;
        sink.step = [&](int i, const QString &state) {
            steps << QString::number(i) + QLatin1Char('=') + state;
        };
        sink.log = [&](const QString &line) {
            lines << line;
        };
        sink.checked = [&](const QList<Mesh::Check> &c) {
            checked = c;
        };
        Mesh::Operation install(*m_client, inst, sink);
        const Mesh::OperationReport r = install.install();
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.kind, QStringLiteral("install"));
        QVERIFY2(r.target.startsWith(QStringLiteral("Linkerd stable-")), qPrintable(r.target));
        QVERIFY(r.target.endsWith(QStringLiteral("(bundled)")));
        QVERIFY(!checked.isEmpty());
        QCOMPARE(r.checks.size(), checked.size());
        QVERIFY(steps.contains(QStringLiteral("0=running")));
        QVERIFY(lines.contains(QStringLiteral("Verifying…")));
        // The journal keeps each finished step with its time, and every check.
        const QStringList journal = journalSteps(r.journal);
        QVERIFY(journal.size() >= inst.plan.steps.size());
        for (const QJsonValue &v : r.journal)
            QVERIFY(v.toObject().contains(QLatin1String("ms")));
        QVERIFY(r.started.isValid());

        // A workload in the injected namespace gets its proxy…
        const Mesh::OperationReport sample = Mesh::Operation::sample(
            *m_client, QStringLiteral("httpbin"), QStringLiteral("shop"), true, {}, {});
        QVERIFY2(sample.ok(), qPrintable(sample.message));
        QCOMPARE(sample.target, QStringLiteral("httpbin in shop"));

        // …and the uninstall with restarts switches injection off and restarts it.
        const auto detected = Mesh::MeshDetector::detect(*m_client);
        QVERIFY(detected.ok());
        Mesh::InstallOptions removal;
        removal.mesh = QStringLiteral("linkerd");
        removal.readyTimeoutMs = 30000;
        auto plan = Mesh::Installer::prepareRemoval(removal, detected.value());
        QVERIFY(plan.ok());
        lines.clear();
        Mesh::OperationSink removeSink;
        removeSink.log = [&](const QString &line) {
            lines << line;
        };
        Mesh::Operation uninstall(*m_client, plan.value(), removeSink);
        const Mesh::OperationReport gone = uninstall.uninstall(detected.value(), false, true);
        QVERIFY2(gone.ok(), qPrintable(gone.message));
        QCOMPARE(gone.kind, QStringLiteral("uninstall"));
        QVERIFY(gone.message.contains(QStringLiteral("control plane is gone")));
        QVERIFY2(lines.join(QLatin1Char('\n')).contains(QStringLiteral("restarted in shop")),
                 qPrintable(lines.join(QLatin1Char('\n'))));
        const auto ns = m_client->get(QStringLiteral("/api/v1/namespaces/shop"));
        QVERIFY(ns.ok());
        QVERIFY(!QJsonDocument(ns.value()).toJson().contains("linkerd.io/inject"));
    }

    // The control plane never becomes Ready: the install fails within its timeout, says why, and
    // removes what it created; with keepOnFailure it stays.
    void failedVerificationRollsBackOrKeeps_data()
    {
        QTest::addColumn<bool>("keep");
        QTest::newRow("roll back") << false;
        QTest::newRow("keep") << true;
    }

    void failedVerificationRollsBackOrKeeps()
    {
        QFETCH(bool, keep);
        QFile file(m_dir.filePath(QStringLiteral("stuck.yaml")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(StuckManifest);
        file.close();
        Mesh::Installation inst = prepared(QStringLiteral("istio"), file.fileName());
        QVERIFY(inst.mesh);
        inst.options.readyTimeoutMs = 3000;
        Mesh::Operation operation(*m_client, inst);
        QElapsedTimer clock;
        clock.start();
        const Mesh::OperationReport r = operation.install(false, keep);
        QVERIFY(!r.ok());
        QCOMPARE(r.outcome, Mesh::OperationReport::Outcome::Failed);
        QVERIFY2(clock.elapsed() < 30000, "the timeout bounds the wait");
        QVERIFY2(r.message.contains(QStringLiteral("verification failed")), qPrintable(r.message));
        QCOMPARE(r.rolledBack, !keep);
        QVERIFY(r.rollbackError.isEmpty());
        const bool present
            = m_client
                  ->get(QStringLiteral("/apis/apps/v1/namespaces/istio-system/deployments/istiod"))
                  .ok();
        QCOMPARE(present, keep);
        if (!keep)
            QVERIFY(journalSteps(r.journal).contains(QStringLiteral("Rollback=done")));
    }

    // A cancel before anything is applied: the report says Cancelled, nothing is left behind.
    void cancelledInstall()
    {
        Mesh::Installation inst = prepared(QStringLiteral("linkerd"));
        std::atomic_bool cancel {true};
        Mesh::OperationSink sink;
        sink.cancel = &cancel;
        Mesh::Operation operation(*m_client, inst, sink);
        const Mesh::OperationReport r = operation.install();
        QCOMPARE(r.outcome, Mesh::OperationReport::Outcome::Cancelled);
        QCOMPARE(r.code, ErrorCode::Cancelled);
        QVERIFY(!m_client->get(QStringLiteral("/api/v1/namespaces/linkerd")).ok());
    }

    // Istio's routing kinds are skipped where the cluster does not serve them, and said so.
    void sampleSaysWhatItSkipped()
    {
        const Mesh::OperationReport r = Mesh::Operation::sample(
            *m_client, QStringLiteral("bookinfo"), QStringLiteral("shop"), true, {}, {});
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.kind, QStringLiteral("sample deploy"));
        QVERIFY2(r.message.contains(QStringLiteral("Skipped Gateway, VirtualService")),
                 qPrintable(r.message));
        const Mesh::OperationReport removed = Mesh::Operation::sample(
            *m_client, QStringLiteral("bookinfo"), QStringLiteral("shop"), false, {}, {});
        QVERIFY2(removed.ok(), qPrintable(removed.message));
        QCOMPARE(removed.kind, QStringLiteral("sample remove"));
        QVERIFY(!m_client
                     ->get(QStringLiteral("/apis/apps/v1/namespaces/shop/deployments/"
                                          "productpage-v1"))
                     .ok());
    }

    // An unknown sample app: a failed report that names it, not a crash.
    void unknownSample()
    {
        const Mesh::OperationReport r = Mesh::Operation::sample(
            *m_client, QStringLiteral("nosuchapp"), QStringLiteral("shop"), true, {}, {});
        QVERIFY(!r.ok());
        QVERIFY2(r.message.contains(QStringLiteral("nosuchapp")), qPrintable(r.message));
    }
};

QTEST_GUILESS_MAIN(tst_Operation)
#include "tst_operation.moc"
