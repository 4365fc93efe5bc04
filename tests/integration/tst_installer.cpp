// Mesh installs against the demo cluster through the Installer: cancelling mid-plan and rolling
// back, resuming after an interruption, field-manager conflicts, and missing permissions.
#include <core/httpengine.h>
#include <demo/democluster.h>
#include <kube/kubeclient.h>
#include <kube/kubeconfig.h>
#include <mesh/installer.h>

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Meshdeck;

class tst_Installer : public QObject
{
    Q_OBJECT

    std::unique_ptr<Demo::DemoCluster> m_cluster;
    QTemporaryDir m_dir;

    std::shared_ptr<Kube::KubeClient> client(Demo::DemoCluster::Access access
                                             = Demo::DemoCluster::Access::Admin)
    {
        const QString path
            = m_dir.filePath(access == Demo::DemoCluster::Access::Admin ? QStringLiteral("admin")
                                                                        : QStringLiteral("viewer"));
        if (!m_cluster->writeKubeconfig(path, access).ok())
            return nullptr;
        const auto config = Kube::Kubeconfig::load(path);
        const auto resolved = config ? config->resolve({})
                                     : Result<Kube::ResolvedContext>(Unexpected(config.error()));
        if (!resolved)
            return nullptr;
        return std::make_shared<Kube::KubeClient>(*resolved, std::make_shared<HttpEngine>());
    }

    bool istioObjectsGone(Kube::KubeClient &c)
    {
        return !c.get(QStringLiteral("/api/v1/namespaces/istio-system")).ok()
            && !c.get(QStringLiteral("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/"
                                     "virtualservices.networking.istio.io"))
                    .ok();
    }

private Q_SLOTS:
    void init()
    {
        Demo::DemoCluster::Options options;
        options.scenario = QStringLiteral("empty");
        options.bookinfoTraffic = false;
        options.tls = true;
        options.tokenAuth = true;
        m_cluster = std::make_unique<Demo::DemoCluster>(options);
        QVERIFY(m_cluster->start().ok());
    }

    void cleanup() { m_cluster.reset(); }

    void cancelMidPlanRollsBackEverything()
    {
        auto c = client();
        QVERIFY(c);
        Mesh::InstallOptions options;
        options.mesh = QStringLiteral("istio");
        options.addons = {QStringLiteral("prometheus")};
        auto inst = Mesh::Installer::prepare(options);
        QVERIFY(inst.ok());
        QVERIFY(Mesh::Installer::markExisting(*c, inst.value()).ok());
        std::atomic_bool cancel {false};
        int applied = 0;
        // Cancel once the namespace and a Deployment are in: past the CRDs' wait.
        const VoidResult r = Mesh::Installer::run(
            *c, inst.value(),
            [&](int i, const QString &state) {
                if (state == QLatin1String("done")
                    && inst->plan.steps[i].kind == QLatin1String("Deployment"))
                    cancel = true;
            },
            {}, cancel, &applied);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::Cancelled);
        QVERIFY(applied > 8 && applied < inst->plan.steps.size());
        QVERIFY(c->get(QStringLiteral("/api/v1/namespaces/istio-system")).ok());
        QStringList removed;
        QVERIFY(
            Mesh::Installer::rollback(*c, inst.value(), applied, [&](int i, const QString &state) {
                if (state == QLatin1String("removed"))
                    removed << inst->plan.steps[i].title();
            }).ok());
        QCOMPARE(removed.size(), applied);
        // Nothing left behind (namespace deletion finishes asynchronously).
        QTRY_VERIFY_WITH_TIMEOUT(istioObjectsGone(*c), 15000);
    }

    // A 2,000-object plan finds what exists with one LIST per kind and namespace, not a GET
    // per object, and says how far it got.
    void largePlansAreCheckedByListing()
    {
        auto c = client();
        QVERIFY(c);
        QByteArray manifest = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: big\n";
        for (int i = 0; i < 2000; ++i)
            manifest += QStringLiteral("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
                                       "cm-%1\n  namespace: big\ndata:\n  n: \"%1\"\n")
                            .arg(i)
                            .toUtf8();
        const QString file = m_dir.filePath(QStringLiteral("big.yaml"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(manifest);
        f.close();
        // The namespace and every tenth ConfigMap are there already.
        QVERIFY(c->send("POST", QStringLiteral("/api/v1/namespaces"),
                        QJsonDocument(
                            QJsonObject {
                                {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                {QStringLiteral("kind"), QStringLiteral("Namespace")},
                                {QStringLiteral("metadata"),
                                 QJsonObject {{QStringLiteral("name"), QStringLiteral("big")}}}})
                            .toJson())
                    .ok());
        for (int i = 0; i < 2000; i += 10)
            QVERIFY(c->send("POST", QStringLiteral("/api/v1/namespaces/big/configmaps"),
                            QJsonDocument(
                                QJsonObject {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                             {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                                             {QStringLiteral("metadata"),
                                              QJsonObject {{QStringLiteral("name"),
                                                            QStringLiteral("cm-%1").arg(i)}}}})
                                .toJson())
                        .ok());
        Mesh::InstallOptions options;
        options.mesh = QStringLiteral("kuma");
        options.method = Mesh::InstallMethod::Manifest;
        options.manifest = file;
        auto inst = Mesh::Installer::prepare(options);
        QVERIFY2(inst.ok(), qPrintable(inst.ok() ? QString() : inst.error().toString()));
        QCOMPARE(inst->plan.steps.size(), 2001);
        const int before = c->requestCount();
        QList<QPair<int, int>> heard;
        QVERIFY(Mesh::Installer::markExisting(*c, inst.value(), [&](int checked, int total) {
                    heard.append({checked, total});
                }).ok());
        const int requests = c->requestCount() - before;
        // Discovery (a request per API group) and two LISTs, instead of 2,001 GETs.
        QVERIFY2(requests < 40, qPrintable(QStringLiteral("%1 requests").arg(requests)));
        QCOMPARE(heard.last(), qMakePair(2001, 2001));
        int existing = 0;
        for (int i = 0; i < inst->plan.steps.size(); ++i) {
            if (!inst->existing[i])
                continue;
            ++existing;
            const QString name = inst->plan.steps[i].name;
            QVERIFY2(name == QLatin1String("big") || name.mid(3).toInt() % 10 == 0,
                     qPrintable(name));
        }
        QCOMPARE(existing, 201);
    }

    // The bundled manifests are for the demo cluster: preflight refuses them elsewhere.
    void bundleOnlyOnTheDemoCluster()
    {
        auto c = client();
        QVERIFY(c);
        Mesh::InstallOptions options;
        options.mesh = QStringLiteral("istio");
        auto inst = Mesh::Installer::prepare(options);
        QVERIFY(inst.ok());
        const auto demo = c->version();
        QVERIFY(demo.ok() && demo->demoCluster());
        for (const Mesh::Check &check : Mesh::Installer::preflight(*c, inst.value()))
            QVERIFY2(check.title != QLatin1String("Bundled manifest fits this cluster"),
                     qPrintable(check.detail));
        Kube::ServerVersion real = demo.value();
        real.gitCommit = QStringLiteral("5e58841cce77d4bc13713ad2b91fa0d961e69192");
        const auto refused = Mesh::Installer::bundleCheck(real, inst.value());
        QVERIFY(refused.has_value());
        QCOMPARE(refused->state, Mesh::Check::State::Fail);
        QVERIFY2(refused->detail.contains(QStringLiteral("istioctl")), qPrintable(refused->detail));
        inst->options.method = Mesh::InstallMethod::Manifest;
        QVERIFY(!Mesh::Installer::bundleCheck(real, inst.value()).has_value());
    }

    void resumeAfterAnInterruption()
    {
        auto c = client();
        QVERIFY(c);
        Mesh::InstallOptions options;
        options.mesh = QStringLiteral("linkerd");
        auto inst = Mesh::Installer::prepare(options);
        QVERIFY(inst.ok());
        std::atomic_bool cancel {false};
        int applied = 0;
        QVERIFY(!Mesh::Installer::run(
                     *c, inst.value(),
                     [&](int i, const QString &state) {
                         if (state == QLatin1String("done") && i == 10)
                             cancel = true;
                     },
                     {}, cancel, &applied)
                     .ok());
        QCOMPARE(applied, 11);
        cancel = false;
        QList<int> resumed;
        QVERIFY(Mesh::Installer::run(
                    *c, inst.value(),
                    [&](int i, const QString &state) {
                        if (state == QLatin1String("done"))
                            resumed << i;
                    },
                    {}, cancel, &applied, applied)
                    .ok());
        QCOMPARE(resumed.first(), 11); // nothing applied twice
        QCOMPARE(applied, inst->plan.steps.size());
        const auto checks = Mesh::Installer::verify(*c, inst.value());
        for (const Mesh::Check &check : checks)
            QVERIFY2(check.state == Mesh::Check::State::Pass, qPrintable(check.detail));
    }

    // The API server goes away mid-plan: the install stops with the cause, and once the server is
    // back (same address, same state) it resumes where it stopped, applying nothing twice.
    void connectionLostMidPlanResumes()
    {
        int port = 0;
        {
            // A free port, known before the cluster starts, so that it can come back on it.
            const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in addr {};
            addr.sin_family = AF_INET;
            addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            QVERIFY(::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0);
            socklen_t len = sizeof addr;
            ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
            port = ntohs(addr.sin_port);
            ::close(fd);
        }
        Demo::DemoCluster::Options options;
        options.scenario = QStringLiteral("empty");
        options.bookinfoTraffic = false;
        options.port = static_cast<quint16>(port);
        options.stateFile = m_dir.filePath(QStringLiteral("state.json"));
        auto cluster = std::make_unique<Demo::DemoCluster>(options);
        QVERIFY(cluster->start().ok());
        const QString kc = m_dir.filePath(QStringLiteral("plain"));
        QVERIFY(cluster->writeKubeconfig(kc).ok());
        const auto c = std::make_shared<Kube::KubeClient>(
            Kube::Kubeconfig::load(kc)->resolve({}).value(), std::make_shared<HttpEngine>());
        Mesh::InstallOptions install;
        install.mesh = QStringLiteral("istio");
        auto inst = Mesh::Installer::prepare(install);
        QVERIFY(inst.ok());
        QVERIFY(Mesh::Installer::markExisting(*c, inst.value()).ok());
        std::atomic_bool cancel {false};
        int applied = 0;
        const VoidResult lost = Mesh::Installer::run(
            *c, inst.value(),
            [&](int i, const QString &state) {
                if (state == QLatin1String("done") && i == 8)
                    cluster->stop(); // the connection goes with it
            },
            {}, cancel, &applied);
        QVERIFY(!lost.ok());
        QCOMPARE(lost.error().code(), ErrorCode::ConnectionRefused);
        QCOMPARE(applied, 9);
        cluster.reset();
        cluster = std::make_unique<Demo::DemoCluster>(options); // back, with what it had
        QVERIFY(cluster->start().ok());
        QList<int> resumed;
        QVERIFY(Mesh::Installer::run(
                    *c, inst.value(),
                    [&](int i, const QString &state) {
                        if (state == QLatin1String("done"))
                            resumed << i;
                    },
                    {}, cancel, &applied, applied)
                    .ok());
        QCOMPARE(resumed.first(), 9);
        QCOMPARE(applied, inst->plan.steps.size());
        for (const Mesh::Check &check : Mesh::Installer::verify(*c, inst.value()))
            QVERIFY2(check.state == Mesh::Check::State::Pass, qPrintable(check.detail));
    }

    void conflictNamesTheOwnerAndForceTakesOver()
    {
        auto c = client();
        QVERIFY(c);
        // Another tool owns the ConfigMap's field.
        const QByteArray ns
            = R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"kuma-system"}})";
        QVERIFY(c->apply(QStringLiteral("/api/v1/namespaces/kuma-system"), ns, true).ok());
        const QByteArray theirs
            = R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"kuma-config","namespace":"kuma-system"},"data":{"mode":"global"}})";
        QVERIFY(c->send("PATCH",
                        QStringLiteral("/api/v1/namespaces/kuma-system/configmaps/"
                                       "kuma-config?fieldManager=helm"),
                        theirs, "application/apply-patch+yaml")
                    .ok());
        QFile f(m_dir.filePath(QStringLiteral("kuma.yaml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kuma-config\n  namespace: "
                "kuma-system\ndata:\n  mode: standalone\n");
        f.close();
        Mesh::InstallOptions options;
        options.mesh = QStringLiteral("kuma");
        options.method = Mesh::InstallMethod::Manifest;
        options.manifest = f.fileName();
        auto inst = Mesh::Installer::prepare(options);
        QVERIFY(inst.ok());
        QVERIFY(Mesh::Installer::markExisting(*c, inst.value()).ok());
        QVERIFY(inst->existing.value(0)); // marked as a change in the review
        std::atomic_bool cancel {false};
        int applied = 0;
        const VoidResult r = Mesh::Installer::run(*c, inst.value(), {}, {}, cancel, &applied);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::Conflict);
        QVERIFY2(r.error().message().contains(QStringLiteral("helm")),
                 qPrintable(r.error().message()));
        QVERIFY(r.error().message().contains(QStringLiteral("--force-conflicts")));
        QVERIFY(Mesh::Installer::run(*c, inst.value(), {}, {}, cancel, &applied, 0, true).ok());
        const auto cm
            = c->get(QStringLiteral("/api/v1/namespaces/kuma-system/configmaps/kuma-config"));
        QCOMPARE(cm->value("data").toObject().value("mode").toString(),
                 QStringLiteral("standalone"));
        // Rollback keeps what existed before.
        QStringList kept;
        QVERIFY(
            Mesh::Installer::rollback(*c, inst.value(), applied, [&](int i, const QString &state) {
                if (state == QLatin1String("kept"))
                    kept << inst->plan.steps[i].title();
            }).ok());
        QCOMPARE(kept, QStringList {QStringLiteral("ConfigMap kuma-system/kuma-config")});
    }

    void preflightNamesTheMissingVerbs()
    {
        auto viewer = client(Demo::DemoCluster::Access::ReadOnly);
        QVERIFY(viewer);
        Mesh::InstallOptions options;
        options.mesh = QStringLiteral("istio");
        auto inst = Mesh::Installer::prepare(options);
        QVERIFY(inst.ok());
        const auto checks = Mesh::Installer::preflight(*viewer, inst.value());
        bool found = false;
        for (const Mesh::Check &c : checks)
            if (c.title == QLatin1String("Permissions")) {
                found = true;
                QCOMPARE(c.state, Mesh::Check::State::Fail);
                QVERIFY2(
                    c.detail.contains(QStringLiteral(
                        "create customresourcedefinitions.apiextensions.k8s.io (cluster-wide)")),
                    qPrintable(c.detail));
                QVERIFY(c.detail.contains(
                    QStringLiteral("patch deployments.apps in namespace istio-system")));
            }
        QVERIFY(found);
        // The apply itself fails with the server's 403, naming verb and resource.
        std::atomic_bool cancel {false};
        int applied = 0;
        const VoidResult r = Mesh::Installer::run(*viewer, inst.value(), {}, {}, cancel, &applied);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::Forbidden);
        QCOMPARE(applied, 0);
    }
};

QTEST_GUILESS_MAIN(tst_Installer)
#include "tst_installer.moc"
