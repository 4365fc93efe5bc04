#include "democluster.h"

#include "accesslog.h"
#include "admission.h"
#include "apiserver.h"
#include "bookinfotraffic.h"
#include "certificates.h"
#include "containerprocesses.h"
#include "controllermanager.h"
#include "demoprometheus.h"
#include "kubeletstats.h"
#include "meshcontrolplane.h"
#include "objectfields.h"
#include "scenario.h"

#include <core/yaml.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QThread>
#include <QUrl>

#include <sys/resource.h>

namespace Meshdeck::Demo {

namespace {
QString randomToken()
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}
} // namespace

DemoCluster::DemoCluster()
    : DemoCluster(Options {})
{
}

DemoCluster::DemoCluster(Options options)
    : m_options(std::move(options))
{
}

DemoCluster::~DemoCluster()
{
    stop();
}

VoidResult DemoCluster::start()
{
    if (m_running)
        return {};
    // Every watch and kept-alive client holds a socket: a server needs more than the usual soft
    // limit of 1,024 open files (2,000 watches at once must all be served).
    if (struct rlimit limit {};
        ::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? 1'048'576 : limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
    // Clients send bearer tokens only over TLS, so token mode serves HTTPS too.
    if (m_options.tls || m_options.tokenAuth) {
        auto material = Certificates::generate(
            {m_options.host, QStringLiteral("localhost"), QStringLiteral("127.0.0.1")});
        if (!material.ok())
            return Unexpected(material.error());
        m_tls = std::make_unique<TlsMaterial>(*material);
    }
    // The cluster's root CA, published in every namespace: the API server's when it serves
    // TLS, otherwise one of its own (clients inside pods expect it either way).
    QByteArray rootCa;
    if (m_tls) {
        rootCa = m_tls->caCert;
    } else if (auto ca = Certificates::makeCa(QStringLiteral("kubernetes")); ca.ok()) {
        rootCa = ca->first;
    }
    m_registry = std::make_unique<ResourceRegistry>();
    m_store = std::make_unique<ObjectStore>(m_options.store);
    m_admission = std::make_unique<Admission>(*m_store);
    m_controllers = std::make_unique<ControllerManager>(*m_store, *m_registry, *m_admission,
                                                        m_options.timeScale);
    m_store->setListener([c = m_controllers.get()](const WatchEventPtr &e) { c->onStoreEvent(e); });
    // Pods of Meshdeck's worker image run for real, as child processes; the Service names they
    // use lead to the demo's real Bookinfo on loopback.
    m_processes = std::make_unique<ContainerProcesses>();
    m_controllers->processes = m_processes.get();
    m_controllers->hostAliases = [this](const QString &ns, bool injected) {
        return hostAliases(ns, injected);
    };
    m_controllers->rootCaPem = rootCa;
    m_controllers->start();
    // The work of a mesh's control plane, done while one is installed (and measured).
    m_controlPlane = std::make_unique<MeshControlPlane>(m_store.get());
    m_controlPlane->start();

    // Tokens on every transport: on plain HTTP they are what tells the administrator from the
    // read-only user (client certificates need TLS).
    m_adminToken = randomToken();
    m_readOnlyToken = randomToken();

    const bool restore = !m_options.stateFile.isEmpty() && QFileInfo::exists(m_options.stateFile);
    const VoidResult loaded = restore
        ? restoreState(m_options.stateFile)
        : Scenario::load(m_options.scenario, *m_store, *m_registry, *m_admission);
    if (!loaded.ok()) {
        m_controllers->stop();
        return loaded;
    }
    // Like etcd after its first compaction: the cluster's past before it served is not
    // watchable (a watch from resourceVersion 1 is 410 Gone, as on any real cluster).
    m_store->compact();

    ApiServer::Options api;
    api.host = m_options.host;
    api.port = m_options.port;
    api.tls = m_tls.get();
    api.adminToken = m_adminToken;
    api.readOnlyToken = m_readOnlyToken;
    api.requireAuth = m_options.tls || m_options.tokenAuth;
    api.anonymousAdmin = m_options.anonymousAdmin && !api.requireAuth;
    api.bookmarkIntervalMs = m_options.bookmarkIntervalMs;
    api.watchGoneAsHttpStatus = m_options.watchGoneAsHttpStatus;
    api.maxReadsInflight = m_options.maxReadsInflight;
    api.maxWritesInflight = m_options.maxWritesInflight;
    api.processes = m_processes.get();
    m_accessLog = std::make_shared<AccessLog>();
    api.accessLog = m_accessLog.get();
    m_api = std::make_unique<ApiServer>(*m_store, *m_registry, *m_admission, api);
    if (m_api->start() == 0) {
        m_controllers->stop();
        return Unexpected(Error(
            ErrorCode::IoError,
            m_options.port
                ? QStringLiteral(
                      "The demo cluster cannot listen on %1:%2: the port is in use or not allowed. "
                      "Choose another with --port, or leave it out to use a free one.")
                      .arg(m_options.host)
                      .arg(m_options.port)
                : QStringLiteral("The demo cluster cannot listen on %1.").arg(m_options.host)));
    }
    if (m_options.bookinfoTraffic) {
        m_bookinfo = std::make_unique<BookinfoTraffic>();
        m_bookinfo->setAccessLog(m_accessLog);
        // The sidecars' metrics speak for the mesh whose proxies Bookinfo's pods carry.
        m_bookinfo->setMeshView([this] {
            MeshView view;
            view.vocabulary = MeshView::Vocabulary::None;
            for (const QJsonObject &pod : store().objects(QStringLiteral("/pods"))) {
                const QJsonObject md = pod.value(QLatin1String("metadata")).toObject();
                if (md.value(QLatin1String("labels")).toObject().value(QLatin1String("app"))
                        != QLatin1String("productpage")
                    || md.contains(QLatin1String("deletionTimestamp")))
                    continue;
                view.ns = md.value(QLatin1String("namespace")).toString().toStdString();
                for (const QJsonValue &c : pod.value(QLatin1String("spec"))
                                               .toObject()
                                               .value(QLatin1String("containers"))
                                               .toArray()) {
                    const QString name = c.toObject().value(QLatin1String("name")).toString();
                    if (name == QLatin1String("istio-proxy"))
                        view.vocabulary = MeshView::Vocabulary::Istio;
                    else if (name == QLatin1String("linkerd-proxy"))
                        view.vocabulary = MeshView::Vocabulary::Linkerd;
                }
                if (view.vocabulary != MeshView::Vocabulary::None)
                    break;
            }
            return view;
        });
        // The kubelet's statistics: what Bookinfo's containers, worker pods and Prometheus use.
        m_kubelet = std::make_unique<KubeletStats>(KubeletStats::Sources {
            m_store.get(), m_bookinfo.get(), m_processes.get(),
            [this]() -> pid_t { return m_prometheus ? m_prometheus->pid() : -1; },
            m_controlPlane.get()});
        m_bookinfo->setCadvisor([this] { return m_kubelet->cadvisor(); });
        // The sidecars route as the cluster's VirtualServices and DestinationRules say, and
        // the HTTPRoutes attached to Services (GAMMA).
        m_bookinfo->setRoutingSource([this, seen = quint64(0), last = SidecarRoutes::Objects()](
                                         SidecarRoutes::Objects *objects) mutable {
            const quint64 version = store().resourceVersion();
            if (version == seen)
                return false;
            seen = version;
            // Most changes are pods and events: the routes are compiled again only when
            // the routing objects themselves changed.
            SidecarRoutes::Objects now {
                store().objects(QStringLiteral("networking.istio.io/virtualservices")),
                store().objects(QStringLiteral("networking.istio.io/destinationrules")),
                store().objects(QStringLiteral("gateway.networking.k8s.io/httproutes")),
                store().objects(QStringLiteral("/services")),
                store().objects(QStringLiteral("networking.istio.io/gateways"))};
            if (now.virtualServices == last.virtualServices
                && now.destinationRules == last.destinationRules
                && now.httpRoutes == last.httpRoutes && now.services == last.services
                && now.gateways == last.gateways)
                return false;
            last = now;
            *objects = std::move(now);
            return true;
        });
        if (!m_bookinfo->start()) {
            m_api->stop();
            m_controllers->stop();
            return Unexpected(Error(ErrorCode::IoError,
                                    QStringLiteral("The demo's Bookinfo services cannot listen on "
                                                   "127.0.0.1 (no free port).")));
        }
        if (m_options.prometheus) {
            m_prometheus = std::make_unique<DemoPrometheus>();
            if (m_prometheus->start(m_bookinfo->metricsPort(), &m_prometheusProblem)) {
                // Istio's add-on and Linkerd's viz both reach it, once installed.
                m_api->setServiceProxy(QStringLiteral("istio-system"), QStringLiteral("prometheus"),
                                       m_prometheus->port());
                m_api->setServiceProxy(QStringLiteral("linkerd-viz"), QStringLiteral("prometheus"),
                                       m_prometheus->port());
            } else
                m_prometheus.reset();
        }
    }
    m_api->setPodNetwork({[this](const QJsonObject &pod) { return podPorts(pod); },
                          [this](const QString &ns, bool injected) {
                              return hostAliases(ns, injected);
                          }});
    if (m_kubelet) {
        m_kubelet->start();
        m_api->setMetrics(m_kubelet.get());
    }
    m_running = true;
    return {};
}

void DemoCluster::stop()
{
    if (!m_running)
        return;
    m_running = false;
    if (m_kubelet) {
        m_api->setMetrics(nullptr);
        m_kubelet->stop();
    }
    if (m_prometheus)
        m_prometheus->stop();
    if (m_bookinfo)
        m_bookinfo->stop();
    m_api->stop();
    m_controllers->stop();
    if (m_controlPlane)
        m_controlPlane->stop();
    m_processes.reset(); // workers still running are killed
    if (!m_options.stateFile.isEmpty())
        (void)saveState(m_options.stateFile);
}

QString DemoCluster::hostAliases(const QString &ns, bool injected) const
{
    QStringList out;
    const auto add
        = [&](const QString &service, const QString &serviceNs, int port, const QString &url) {
              if (url.isEmpty())
                  return;
              const QString target = QUrl(url).authority();
              QStringList names {service + QLatin1Char('.') + serviceNs,
                                 service + QLatin1Char('.') + serviceNs + QStringLiteral(".svc"),
                                 service + QLatin1Char('.') + serviceNs
                                     + QStringLiteral(".svc.cluster.local")};
              if (serviceNs == ns)
                  names.prepend(service);
              for (const QString &n : std::as_const(names))
                  out << QStringLiteral("%1:%2=%3").arg(n).arg(port).arg(target);
          };
    if (m_bookinfo) {
        // Bookinfo lives in its namespace; a worker inside the mesh reaches productpage through
        // the sidecars, one outside the mesh directly.
        QString bookinfoNs = QStringLiteral("bookinfo");
        for (const QJsonObject &svc : m_store->objects(QStringLiteral("/services")))
            if (metaString(svc, "name") == QLatin1String("productpage"))
                bookinfoNs = metaString(svc, "namespace");
        for (const char *service : {"productpage", "details", "reviews", "ratings"}) {
            const QString name = QLatin1String(service);
            const QString url = injected && name == QLatin1String("productpage")
                ? m_bookinfo->productpageMeshUrl()
                : m_bookinfo->serviceUrl(name);
            add(name, bookinfoNs, 9080, url);
        }
    }
    if (m_prometheus)
        add(QStringLiteral("prometheus"), QStringLiteral("istio-system"), 9090, prometheusUrl());
    return out.join(QLatin1Char(','));
}

QMap<int, quint16> DemoCluster::podPorts(const QJsonObject &pod) const
{
    QMap<int, quint16> ports;
    const QString app = labelOf(pod, "app");
    const auto portOf = [](const QString &url) {
        return quint16(QUrl(url).port());
    };
    if (m_bookinfo
        && (app == QLatin1String("productpage") || app == QLatin1String("details")
            || app == QLatin1String("reviews") || app == QLatin1String("ratings"))) {
        QString version = labelOf(pod, "version");
        if (version.isEmpty())
            version = QStringLiteral("v1");
        if (const quint16 p = portOf(m_bookinfo->podUrl(app, version)))
            ports.insert(9080, p);
        if (m_bookinfo->metricsPort())
            ports.insert(15090, m_bookinfo->metricsPort()); // the sidecar's Prometheus endpoint
    }
    if (m_prometheus
        && (app == QLatin1String("prometheus")
            || labelOf(pod, "app.kubernetes.io/name") == QLatin1String("prometheus")))
        ports.insert(9090, portOf(prometheusUrl()));
    return ports;
}

QString DemoCluster::prometheusUrl() const
{
    return m_prometheus ? QStringLiteral("http://127.0.0.1:%1").arg(m_prometheus->port())
                        : QString();
}

bool DemoCluster::waitForPrometheus(int timeoutMs) const
{
    return m_prometheus && m_prometheus->waitUntilReady(timeoutMs);
}

QString DemoCluster::serverUrl() const
{
    return QStringLiteral("%1://%2:%3")
        .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"), m_options.host)
        .arg(port());
}

quint16 DemoCluster::port() const
{
    return m_api ? m_api->port() : 0;
}

int DemoCluster::openWatchStreams() const
{
    return m_api ? m_api->openWatchStreams() : 0;
}

QByteArray DemoCluster::kubeconfig(Access access, const QString &context) const
{
    QJsonObject cluster {{QStringLiteral("server"), serverUrl()}};
    if (m_tls)
        cluster.insert(QStringLiteral("certificate-authority-data"),
                       QString::fromLatin1(m_tls->caCert.toBase64()));
    const bool admin = access == Access::Admin;
    QJsonObject user;
    if (m_options.tokenAuth || !m_tls) {
        user.insert(QStringLiteral("token"), admin ? m_adminToken : m_readOnlyToken);
    } else {
        user.insert(QStringLiteral("client-certificate-data"),
                    QString::fromLatin1((admin ? m_tls->adminCert : m_tls->viewerCert).toBase64()));
        user.insert(QStringLiteral("client-key-data"),
                    QString::fromLatin1((admin ? m_tls->adminKey : m_tls->viewerKey).toBase64()));
    }
    const QString userName
        = admin ? QStringLiteral("meshdeck-demo-admin") : QStringLiteral("meshdeck-demo-viewer");
    const QJsonObject config {
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Config")},
        {QStringLiteral("clusters"),
         QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("meshdeck-demo")},
                                  {QStringLiteral("cluster"), cluster}}}},
        {QStringLiteral("users"),
         QJsonArray {
             QJsonObject {{QStringLiteral("name"), userName}, {QStringLiteral("user"), user}}}},
        {QStringLiteral("contexts"),
         QJsonArray {QJsonObject {
             {QStringLiteral("name"), context},
             {QStringLiteral("context"),
              QJsonObject {{QStringLiteral("cluster"), QStringLiteral("meshdeck-demo")},
                           {QStringLiteral("user"), userName},
                           {QStringLiteral("namespace"), QStringLiteral("default")}}}}}},
        {QStringLiteral("current-context"), context},
        {QStringLiteral("preferences"), QJsonObject()}};
    return Yaml::fromJson(config);
}

VoidResult DemoCluster::writeKubeconfig(const QString &path, Access access) const
{
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return Unexpected(
            Error(ErrorCode::IoError,
                  QStringLiteral("Cannot write the kubeconfig %1: the folder %2 does not exist.")
                      .arg(path, info.absolutePath())));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Unexpected(Error(
            ErrorCode::IoError,
            QStringLiteral("Cannot write the kubeconfig %1: %2").arg(path, file.errorString())));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(kubeconfig(access));
    if (!file.commit())
        return Unexpected(Error(
            ErrorCode::IoError,
            QStringLiteral("Cannot write the kubeconfig %1: %2").arg(path, file.errorString())));
    return {};
}

bool DemoCluster::waitUntilSettled(int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    int quietChecks = 0;
    while (clock.elapsed() < timeoutMs) {
        quietChecks = m_controllers->idle() ? quietChecks + 1 : 0;
        if (quietChecks >= 3)
            return true;
        QThread::msleep(20);
    }
    return false;
}

VoidResult DemoCluster::saveState(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Unexpected(Error(ErrorCode::IoError,
                                QStringLiteral("Cannot save the demo cluster's state to %1: %2")
                                    .arg(path, file.errorString())));
    // The file holds the users' tokens: for its owner's eyes only.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QJsonObject state = m_store->dump();
    state.insert(QStringLiteral("format"), QStringLiteral("meshdeck-demo-state/v1"));
    // Kubeconfigs written before a restart keep working, as a real cluster's credentials do.
    state.insert(QStringLiteral("credentials"),
                 QJsonObject {{QStringLiteral("adminToken"), m_adminToken},
                              {QStringLiteral("readOnlyToken"), m_readOnlyToken}});
    file.write(QJsonDocument(state).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return Unexpected(Error(ErrorCode::IoError,
                                QStringLiteral("Cannot save the demo cluster's state to %1: %2")
                                    .arg(path, file.errorString())));
    return {};
}

void DemoCluster::replayToControllers(bool customOnly)
{
    for (const ResourceType &t : m_registry->all()) {
        if (customOnly && !t.custom)
            continue;
        for (const QJsonObject &o : m_store->objects(t.storageKey())) {
            auto e = std::make_shared<WatchEvent>();
            e->type = WatchEvent::Type::Added;
            e->storageKey = t.storageKey();
            e->object = o;
            m_controllers->onStoreEvent(e);
        }
    }
}

VoidResult DemoCluster::restoreState(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Unexpected(Error(ErrorCode::IoError,
                                QStringLiteral("Cannot read the demo cluster's state %1: %2")
                                    .arg(path, file.errorString())));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError
        || doc.object().value(QStringLiteral("format")).toString()
            != QLatin1String("meshdeck-demo-state/v1"))
        return Unexpected(
            Error(ErrorCode::ParseError,
                  QStringLiteral("%1 is not a Meshdeck demo cluster state file (or it is damaged). "
                                 "Remove it, or pass another --state file.")
                      .arg(path),
                  error.errorString()));
    m_store->restore(doc.object());
    const QJsonObject credentials = doc.object().value(QStringLiteral("credentials")).toObject();
    if (!credentials.value(QStringLiteral("adminToken")).toString().isEmpty()) {
        m_adminToken = credentials.value(QStringLiteral("adminToken")).toString();
        m_readOnlyToken = credentials.value(QStringLiteral("readOnlyToken")).toString();
    }
    // Let the controllers see everything once, as after a controller-manager restart; custom
    // kinds come back once their CRDs are established again.
    replayToControllers(false);
    waitUntilSettled(5000);
    replayToControllers(true);
    return {};
}

} // namespace Meshdeck::Demo
