// `meshdeck mesh` and `meshdeck sample` against the demo cluster: installs, removals, bad
// input, as a user runs them.
#include "support/clirunner.h"
#include "support/imagecheck.h"
#include "support/rawhttpserver.h"

#include <demo/democluster.h>

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <csignal>

using namespace TestSupport;

class tst_CliMesh : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The end to end, headless: install Istio (bundled) on an empty demo cluster, the
    // control plane comes up, a sample gets sidecars, then everything goes away again.
    void meshLifecycle()
    {
        EmptyDemo demo;
        QVERIFY(demo.start());
        auto &cluster = demo.cluster;
        const QStringList &k = demo.k;
        const Run list = meshdeck(QStringList {"mesh", "list", "--json"} + k);
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(list.out).array().size(), 5);
        QVERIFY(meshdeck(QStringList {"mesh", "status"} + k).out.contains("No service mesh"));
        // Not on a terminal and no --yes: refused, nothing changed.
        QCOMPARE(meshdeck(QStringList {"mesh", "install", "--mesh", "istio"} + k).exitCode, 3);
        const Run dry
            = meshdeck(QStringList {"mesh", "install", "--mesh", "istio", "--dry-run"} + k);
        QCOMPARE(dry.exitCode, 0);
        QVERIFY(dry.out.contains("1. CustomResourceDefinition"));
        QVERIFY(dry.out.indexOf("MutatingWebhookConfiguration")
                > dry.out.indexOf("Deployment istio-system/istiod"));
        const Run install
            = meshdeck(QStringList {"mesh", "install", "--mesh", "istio", "--yes"} + k);
        QVERIFY2(install.exitCode == 0, install.err.constData());
        QVERIFY(install.out.contains("[ok     ] Control plane Ready: istiod 1.26.2"));
        QVERIFY(install.out.contains("istio-sidecar-injector answered"));
        const Run status = meshdeck(QStringList {"mesh", "status", "--json"} + k);
        const QJsonObject istio = QJsonDocument::fromJson(status.out).array().first().toObject();
        QCOMPARE(istio.value("id").toString(), QStringLiteral("istio"));
        QVERIFY(istio.value("installed").toBool());
        QCOMPARE(istio.value("version").toString(), QStringLiteral("1.26.2"));
        const Run sample = meshdeck(
            QStringList {"sample", "deploy", "bookinfo", "-n", "shop", "--inject", "istio"} + k);
        QVERIFY2(sample.exitCode == 0, sample.err.constData());
        QVERIFY(cluster.waitUntilSettled(20000));
        const auto pods = cluster.store().objects(QStringLiteral("/pods"), QStringLiteral("shop"));
        QVERIFY(!pods.isEmpty());
        for (const QJsonObject &pod : pods) {
            const QJsonArray containers
                = pod.value("spec").toObject().value("containers").toArray();
            bool sidecar = false;
            for (const QJsonValue &c : containers)
                sidecar = sidecar
                    || c.toObject().value("name").toString() == QLatin1String("istio-proxy");
            QVERIFY2(sidecar, "pods of an injected namespace carry the sidecar");
        }
        QVERIFY(meshdeck(QStringList {"mesh", "status"} + k).out.contains("shop"));
        QCOMPARE(
            meshdeck(QStringList {"mesh", "inject", "--namespace", "shop", "off"} + k).exitCode, 0);
        QCOMPARE(meshdeck(QStringList {"sample", "remove", "bookinfo", "-n", "shop"} + k).exitCode,
                 0);
        const Run uninstall
            = meshdeck(QStringList {"mesh", "uninstall", "--mesh", "istio", "--yes"} + k);
        QVERIFY2(uninstall.exitCode == 0, uninstall.err.constData());
        QVERIFY(uninstall.out.contains("gone"));
        QVERIFY(meshdeck(QStringList {"mesh", "status"} + k).out.contains("No service mesh"));
        // Errors scripts can tell apart.
        QCOMPARE(meshdeck(QStringList {"mesh", "install", "--mesh", "nonesuch"} + k).exitCode, 2);
        const Run consul
            = meshdeck(QStringList {"mesh", "install", "--mesh", "consul", "--yes"} + k);
        QCOMPARE(consul.exitCode, 1);
        QVERIFY(consul.err.contains("bundles manifests for Istio and Linkerd only"));
        const Run cilium = meshdeck(
            QStringList {"mesh", "inject", "--namespace", "shop", "on", "--mesh", "cilium"} + k);
        QCOMPARE(cilium.exitCode, 1);
        QVERIFY(cilium.err.contains("no sidecars"));
    }

    // Linkerd from the bundle, end to end: control plane and viz Ready, the webhook answering,
    // Bookinfo injected (2/2), then removed with its sidecars gone after the restart.
    void meshLinkerdEndToEnd()
    {
        const bool prometheus
            = !QStandardPaths::findExecutable(QStringLiteral("prometheus"), {"/usr/bin"}).isEmpty();
        EmptyDemo demo(true, prometheus);
        QVERIFY(demo.start());
        auto &cluster = demo.cluster;
        const QStringList &k = demo.k;
        const Run install
            = meshdeck(QStringList {"mesh", "install", "--mesh", "linkerd", "--addons", "viz",
                                    "--inject-namespace", "shop", "--yes"}
                       + k);
        QVERIFY2(install.exitCode == 0, install.err.constData());
        QVERIFY(install.out.contains("Kubernetes version supported: 1.32"));
        QVERIFY(install.out.contains("[ok     ] Control plane Ready"));
        QVERIFY(install.out.contains("[ok     ] Add-on viz Ready"));
        QVERIFY(install.out.contains("linkerd-proxy-injector-webhook-config answered"));
        const QJsonObject linkerd
            = QJsonDocument::fromJson(meshdeck(QStringList {"mesh", "status", "--json"} + k).out)
                  .array()
                  .first()
                  .toObject();
        QCOMPARE(linkerd.value("version").toString(), QStringLiteral("stable-2.14.10"));
        QCOMPARE(linkerd.value("addons").toArray().first().toString(), QStringLiteral("viz"));
        QVERIFY(linkerd.value("injectedNamespaces").toArray().contains(QStringLiteral("shop")));

        QCOMPARE(meshdeck(QStringList {"sample", "deploy", "bookinfo", "-n", "bookinfo", "--inject",
                                       "linkerd"}
                          + k)
                     .exitCode,
                 0);
        const Run sample = meshdeck(QStringList {"sample", "deploy", "bookinfo", "-n", "shop"} + k);
        QVERIFY2(sample.exitCode == 0, sample.err.constData());
        QVERIFY(sample.out.contains("Skipped Gateway, VirtualService")); // Istio's routing
        const auto containersOf = [&](const QString &ns) {
            QList<QStringList> all;
            for (const QJsonObject &pod : cluster.store().objects(QStringLiteral("/pods"), ns)) {
                QStringList names;
                for (const QJsonValue &c :
                     pod.value("spec").toObject().value("containers").toArray())
                    names << c.toObject().value("name").toString();
                all << names;
            }
            return all;
        };
        QVERIFY(cluster.waitUntilSettled(20000));
        QVERIFY(!containersOf("shop").isEmpty());
        for (const QStringList &c : containersOf("shop"))
            QVERIFY2(c.size() == 2 && c.contains("linkerd-proxy"), qPrintable(c.join(',')));
        if (prometheus) {
            // The Topology reads Linkerd's series from viz's Prometheus: live rates, all mTLS.
            QJsonObject graph;
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    const Run t = meshdeck(QStringList {"topology", "export", "--namespace",
                                                        "bookinfo", "--format", "json"}
                                           + k);
                    graph = QJsonDocument::fromJson(t.out).object();
                    for (const QJsonValue &e : graph.value("edges").toArray())
                        if (e.toObject().value("rps").toDouble() > 0)
                            return true;
                    return false;
                }(),
                40000);
            QCOMPARE(graph.value("mesh").toString(), QStringLiteral("linkerd"));
            int meshed = 0;
            for (const QJsonValue &v : graph.value("edges").toArray()) {
                const QJsonObject e = v.toObject();
                if (e.value("rps").toDouble() <= 0)
                    continue;
                ++meshed;
                QVERIFY2(e.value("mtlsPercent").toDouble() > 99,
                         qPrintable(e.value("source").toString() + " -> "
                                    + e.value("target").toString()));
                QVERIFY(e.value("p99ms").toDouble() > 0);
            }
            QVERIFY(meshed >= 3);
        }

        const Run uninstall = meshdeck(
            QStringList {"mesh", "uninstall", "--mesh", "linkerd", "--restart", "--yes"} + k);
        QVERIFY2(uninstall.exitCode == 0, uninstall.err.constData());
        QVERIFY(uninstall.out.contains("control plane is gone"));
        QVERIFY(uninstall.out.contains("restarted in shop"));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto pods = containersOf("shop");
                if (pods.isEmpty())
                    return false;
                for (const QStringList &c : pods)
                    if (c.contains("linkerd-proxy"))
                        return false;
                return true;
            }(),
            20000);
        QVERIFY(meshdeck(QStringList {"mesh", "status"} + k).out.contains("No service mesh"));
    }

    // What goes wrong with installs says what failed, why, and what to do.
    // The Helm method: each chart rendered by `helm template` (a stand-in for helm here, which
    // Debian does not ship) into the plan Meshdeck shows, applies and rolls back; helm's failure
    // and its absence are said.
    void meshInstallWithHelm()
    {
        EmptyDemo demo;
        QVERIFY(demo.start());
        auto &dir = demo.dir;
        QDir().mkpath(dir.filePath("bin"));
        const auto fakeHelm = [&](const QByteArray &body) {
            QFile f(dir.filePath("bin/helm"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("#!/bin/sh\necho \"$@\" >> " + dir.filePath("helm-calls").toUtf8() + "\n"
                    + body);
            f.close();
            f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
        };
        // Renders a ServiceAccount named after the release, in the namespace it was given.
        fakeHelm("printf 'apiVersion: v1\\nkind: ServiceAccount\\nmetadata:\\n  name: %s\\n  "
                 "namespace: %s\\n' \"$2\" \"$7\"\n");
        const QMap<QString, QString> path {{"PATH", dir.filePath("bin") + ":/usr/bin:/bin"}};
        const QStringList install {"mesh", "install",  "--mesh", "istio",     "--method",
                                   "helm", "--addons", "none",   "--version", "1.26.2"};
        const Run dry = meshdeck(install + QStringList {"--dry-run"} + demo.k, false, path);
        QVERIFY2(dry.exitCode == 0, dry.err.constData());
        QVERIFY2(dry.out.contains("Rendered by helm"), dry.out.constData());
        QVERIFY(dry.out.contains("helm template istiod istiod --repo "
                                 "https://istio-release.storage.googleapis.com/charts --namespace "
                                 "istio-system --include-crds --version 1.26.2"));
        QVERIFY(dry.out.contains("Namespace istio-system"));
        QVERIFY(dry.out.contains("ServiceAccount istio-system/istio-base"));
        QVERIFY(dry.out.contains("ServiceAccount istio-system/istiod"));
        QFile calls(dir.filePath("helm-calls"));
        QVERIFY(calls.open(QIODevice::ReadOnly));
        QCOMPARE(calls.readAll().count('\n'), 2); // one template per chart, nothing else

        fakeHelm("echo 'Error: chart \"istiod\" version \"9.9\" not found' >&2\nexit 1\n");
        const Run failing = meshdeck(install + QStringList {"--dry-run"} + demo.k, false, path);
        QCOMPARE(failing.exitCode, 1);
        QVERIFY2(failing.err.contains("not found"), failing.err.constData());
        QFile::remove(dir.filePath("bin/helm"));
        const Run missing = meshdeck(install + QStringList {"--dry-run"} + demo.k, false, path);
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains("helm is not on PATH"), missing.err.constData());
        // Linkerd's charts need a trust anchor Meshdeck does not make: no Helm route, said so.
        const Run linkerd = meshdeck(
            QStringList {"mesh", "install", "--mesh", "linkerd", "--method", "helm", "--dry-run"}
                + demo.k,
            false, path);
        QCOMPARE(linkerd.exitCode, 1);
        QVERIFY2(linkerd.err.contains("no Helm route"), linkerd.err.constData());
    }

    void meshInstallBadInput()
    {
        EmptyDemo demo;
        QVERIFY(demo.start());
        auto &dir = demo.dir;
        const QStringList &k = demo.k;
        const QMap<QString, QString> cache {{"XDG_CACHE_HOME", dir.filePath("cache")}};

        // The CLI missing: preflight refuses, naming where to get it.
        const Run missing = meshdeck(
            QStringList {"mesh", "install", "--mesh", "istio", "--method", "cli", "--yes"} + k,
            false, {{"PATH", dir.filePath("empty-bin")}});
        QCOMPARE(missing.exitCode, 3);
        QVERIFY2(missing.out.contains("istioctl is not on PATH"), missing.out.constData());

        // A CLI that fails: its exit code and stderr are shown.
        QDir().mkpath(dir.filePath("bin"));
        const auto fakeCli = [&](const QByteArray &install) {
            QFile f(dir.filePath("bin/istioctl"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("#!/bin/sh\nif [ \"$1\" = version ]; then echo 1.26.2; exit 0; fi\n" + install);
            f.close();
            f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
        };
        const QMap<QString, QString> path {{"PATH", dir.filePath("bin") + ":/usr/bin:/bin"}};
        fakeCli("echo 'Error: failed to install manifests: no such profile' >&2\nexit 4\n");
        const Run failing = meshdeck(
            QStringList {"mesh", "install", "--mesh", "istio", "--method", "cli", "--yes"} + k,
            false, path);
        QCOMPARE(failing.exitCode, 1);
        QVERIFY2(failing.err.contains("failed with exit code 4"), failing.err.constData());
        QVERIFY(failing.err.contains("no such profile"));
        QVERIFY(failing.out.contains("istioctl (1.26.2)"));

        // A CLI that hangs: stopped after --cli-timeout of silence.
        fakeCli("echo 'Processing resources for Istio core.'\nsleep 30\n");
        QElapsedTimer clock;
        clock.start();
        const Run hanging = meshdeck(QStringList {"mesh", "install", "--mesh", "istio", "--method",
                                                  "cli", "--cli-timeout", "2", "--yes"}
                                         + k,
                                     false, path);
        QCOMPARE(hanging.exitCode, 1);
        QVERIFY(clock.elapsed() < 20000);
        QVERIFY(hanging.out.contains("Processing resources for Istio core."));
        QVERIFY2(hanging.err.contains("printed nothing for 2 s"), hanging.err.constData());

        // A manifest URL: fetched, checksummed, cached; unreachable later: the cached copy.
        const QByteArray manifest = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: "
                                    "kuma-system\n---\napiVersion: v1\nkind: ConfigMap\n"
                                    "metadata:\n  name: kuma-config\n  namespace: kuma-system\n"
                                    "data:\n  mode: standalone\n";
        std::atomic_bool portal {false}; // the address answers a login page with 200
        auto server = std::make_unique<TestSupport::RawHttpServer>();
        QVERIFY(server->start([&](int, int, const std::string &) {
            const std::string body = portal ? std::string("<html><body>Sign in to the Wi-Fi"
                                                          "</body></html>\n")
                                            : manifest.toStdString();
            return TestSupport::RawReply {"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                                          "Content-Length: "
                                          + std::to_string(body.size()) + "\r\n\r\n" + body};
        }));
        const QString url = QString::fromStdString(server->url("/kuma.yaml"));
        const QStringList viaUrl
            = QStringList {"mesh",     "install",    "--mesh", "kuma",     "--method",
                           "manifest", "--manifest", url,      "--dry-run"}
            + k;
        const Run fetched = meshdeck(viaUrl, false, cache);
        QVERIFY2(fetched.exitCode == 0, fetched.err.constData());
        const QString sum = QString::fromLatin1(
            QCryptographicHash::hash(manifest, QCryptographicHash::Sha256).toHex());
        QVERIFY(fetched.out.contains(("sha256 " + sum).toUtf8()));
        QVERIFY(fetched.out.contains("ConfigMap kuma-system/kuma-config"));
        // The address answers something that is not a manifest: refused, and not cached over
        // the good copy.
        portal = true;
        const Run garbage = meshdeck(viaUrl, false, cache);
        QCOMPARE(garbage.exitCode, 1);
        QVERIFY2(garbage.err.contains("Nothing was cached or applied"), garbage.err.constData());
        server.reset();
        const Run cached = meshdeck(viaUrl, false, cache);
        QVERIFY2(cached.exitCode == 0, cached.err.constData());
        QVERIFY(cached.out.contains("the copy cached on"));
        QVERIFY(cached.out.contains(("sha256 " + sum).toUtf8()));
        const Run unreachable
            = meshdeck(QStringList {"mesh", "install", "--mesh", "kuma", "--method", "manifest",
                                    "--manifest", "http://127.0.0.1:9/nothing.yaml", "--dry-run"}
                           + k,
                       false, cache);
        QCOMPARE(unreachable.exitCode, 1);
        QVERIFY2(unreachable.err.contains("cannot be fetched"), unreachable.err.constData());

        // Invalid YAML: file, line and column.
        QFile bad(dir.filePath(QStringLiteral("bad.yaml")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("apiVersion: v1\nkind: ConfigMap\nmetadata: [oops\n");
        bad.close();
        const Run malformed
            = meshdeck(QStringList {"mesh", "install", "--mesh", "kuma", "--method", "manifest",
                                    "--manifest", bad.fileName(), "--yes"}
                       + k);
        QCOMPARE(malformed.exitCode, 1);
        QVERIFY2(malformed.err.contains("bad.yaml") && malformed.err.contains("line 4, column 1"),
                 malformed.err.constData());

        // An unknown kind (its CRD missing): preflight refuses before anything changes.
        QFile widget(dir.filePath(QStringLiteral("widget.yaml")));
        QVERIFY(widget.open(QIODevice::WriteOnly));
        widget.write("apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  "
                     "namespace: default\n");
        widget.close();
        const Run unknownKind
            = meshdeck(QStringList {"mesh", "install", "--mesh", "kuma", "--method", "manifest",
                                    "--manifest", widget.fileName(), "--yes"}
                       + k);
        QCOMPARE(unknownKind.exitCode, 3);
        QVERIFY2(unknownKind.out.contains("does not serve example.com/v1 Widget"),
                 unknownKind.out.constData());

        // A control plane that never becomes Ready: the pod's reason and events, then rollback.
        QFile stuck(dir.filePath(QStringLiteral("stuck.yaml")));
        QVERIFY(stuck.open(QIODevice::WriteOnly));
        stuck.write("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: istio-system\n---\n"
                    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: istiod\n  "
                    "namespace: istio-system\nspec:\n  replicas: 1\n  selector:\n    "
                    "matchLabels: {app: istiod}\n  template:\n    metadata:\n      labels: {app: "
                    "istiod}\n    spec:\n      containers:\n      - name: discovery\n        "
                    "image: registry.invalid/istio/pilot:1.26.2\n");
        stuck.close();
        const Run notReady
            = meshdeck(QStringList {"mesh", "install", "--mesh", "istio", "--method", "manifest",
                                    "--manifest", stuck.fileName(), "--timeout", "4", "--yes"}
                       + k);
        QCOMPARE(notReady.exitCode, 1);
        QVERIFY2(notReady.out.contains("ImagePullBackOff"), notReady.out.constData());
        QVERIFY(notReady.out.contains("Failed to pull image"));
    }
};

QTEST_GUILESS_MAIN(tst_CliMesh)
#include "tst_climesh.moc"
