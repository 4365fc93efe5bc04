#include "clustercontroller.h"

#include <core/httpengine.h>
#include <demo/bookinfotraffic.h>
#include <demo/democluster.h>
#include <kube/kubeclient.h>
#include <models/connectionstate.h>
#include <models/podlogsession.h>
#include <models/resourcetreemodel.h>

#include <QDir>
#include <QFutureWatcher>
#include <QStandardPaths>
#include <QtConcurrent>
#include <QThread>

namespace Meshdeck {

ClusterController::ClusterController(ConnectionState *state, ResourceTreeModel *tree,
                                     QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_tree(tree)
    , m_logs(new PodLogSession(this))
{
    connect(m_logs, &PodLogSession::textAppended, this, &ClusterController::logsAppended);
    connect(m_logs, &PodLogSession::finished, this, &ClusterController::logsFinished);
}

ClusterController::~ClusterController()
{
    disconnectCurrent(true); // at exit, the thread must be done before the process tears down
    if (m_demo)
        m_demo->stop();
    if (!m_demoKubeconfig.isEmpty())
        QFile::remove(m_demoKubeconfig);
}

void ClusterController::load(const QString &kubeconfig, const QString &context)
{
    auto *watcher = new QFutureWatcher<Result<Kube::Kubeconfig>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, context] {
        watcher->deleteLater();
        const Result<Kube::Kubeconfig> config = watcher->result();
        if (!config.ok()) {
            m_loadError = config.error().message();
            m_contexts.clear();
            m_state->setNoContext();
            emit contextsChanged();
            return;
        }
        m_loadError.clear();
        m_config = std::make_unique<Kube::Kubeconfig>(*config);
        m_contexts.clear();
        for (const Kube::ContextEntry &c : m_config->contexts())
            m_contexts << c.name;
        emit contextsChanged();
        // A remembered context that is no longer in the kubeconfig falls back to its current one.
        switchContext(!context.isEmpty() && m_config->context(context)
                          ? context
                          : m_config->currentContext());
        probeContexts();
    });
    watcher->setFuture(
        QtConcurrent::run([kubeconfig] { return Kube::Kubeconfig::load(kubeconfig); }));
}

void ClusterController::useDemo()
{
    m_state->setConnecting(QStringLiteral("meshdeck-demo"));
    const QString file = QDir(QStandardPaths::writableLocation(QStandardPaths::TempLocation))
                             .filePath(QStringLiteral("meshdeck-demo-%1.kubeconfig")
                                           .arg(QCoreApplication::applicationPid()));
    // Starting the demo (scenario, certificates, listening socket) happens off the GUI thread;
    // the worker touches nothing of this object, which may be gone by the time it finishes.
    using Started = Result<std::shared_ptr<Demo::DemoCluster>>;
    auto *watcher = new QFutureWatcher<Started>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, file] {
        watcher->deleteLater();
        const Started started = watcher->result();
        if (!started.ok()) {
            m_state->setFailed(QStringLiteral("meshdeck-demo"), started.error().message());
            return;
        }
        m_demo = *started;
        m_demoKubeconfig = file;
        if (const Demo::BookinfoTraffic *bookinfo = m_demo->bookinfo())
            emit demoStarted(bookinfo->productpageUrl(), bookinfo->productpageMeshUrl());
        load(file, QStringLiteral("meshdeck-demo"));
    });
    watcher->setFuture(QtConcurrent::run([file]() -> Started {
        Demo::DemoCluster::Options options;
        options.prometheus = true; // live topology from real PromQL
        auto demo = std::make_shared<Demo::DemoCluster>(options);
        const VoidResult started = demo->start();
        if (!started.ok())
            return Unexpected(started.error());
        const VoidResult written = demo->writeKubeconfig(file);
        if (!written.ok())
            return Unexpected(written.error());
        return demo;
    }));
}

void ClusterController::switchContext(const QString &context)
{
    if (!m_config)
        return;
    const auto resolved = m_config->resolve(context);
    disconnectCurrent();
    m_current = context;
    emit contextSwitched(context);
    m_tree->clear();
    m_events.clear();
    emit eventsChanged();
    if (!resolved.ok()) {
        m_state->setFailed(context, resolved.error().message());
        return;
    }
    connectTo(*resolved);
}

void ClusterController::connectTo(const Kube::ResolvedContext &context)
{
    m_state->setConnecting(context.context);
    // One session per connected context: its client and cache serve every page and controller.
    m_session = std::make_shared<Kube::ClusterSession>(context);
    emit sessionStarted(m_session);
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("cluster:") + context.context);
    auto *connection = new Kube::ClusterConnection(m_session);
    connection->moveToThread(m_thread);
    m_connection = connection;
    connect(m_thread, &QThread::started, connection, &Kube::ClusterConnection::start);
    connect(m_thread, &QThread::finished, connection, &QObject::deleteLater);
    const QString name = context.context;
    connect(connection, &Kube::ClusterConnection::stateChanged, this,
            [this, name](Kube::ClusterConnection::State state, const QString &detail) {
                if (name != m_current)
                    return;
                switch (state) {
                case Kube::ClusterConnection::State::Connecting:
                    m_state->setConnecting(name);
                    break;
                case Kube::ClusterConnection::State::Connected:
                    m_state->setConnected(name, detail);
                    break;
                case Kube::ClusterConnection::State::Failed:
                    m_state->setFailed(name, detail);
                    break;
                }
            });
    // Batches already queued by a connection that was since replaced are dropped.
    connect(connection, &Kube::ClusterConnection::deltasReady, this,
            [this, connection](const Kube::ResourceDeltas &deltas) {
                if (connection == m_connection)
                    onDeltas(deltas);
            });
    m_thread->start();
}

void ClusterController::disconnectCurrent(bool wait)
{
    m_logs->stop();
    if (!m_thread)
        return;
    // The old connection stops on its own thread (cancelling watches takes a moment) and the
    // thread then cleans itself up; the GUI thread does not wait for it. Its late signals are
    // ignored: they come from a sender that is no longer current.
    QThread *thread = m_thread;
    m_thread = nullptr;
    // The session's last owners let go on worker threads (its client's engine joins its thread
    // there, not here).
    Kube::ClusterSessionPtr session = std::move(m_session);
    emit sessionStarted(nullptr);
    if (m_connection) {
        disconnect(m_connection, nullptr, this, nullptr);
        QMetaObject::invokeMethod(
            m_connection,
            [connection = m_connection.data(), thread, session = std::move(session)]() mutable {
                connection->stop();
                session.reset();
                thread->quit();
            });
    } else {
        thread->quit();
    }
    m_connection = nullptr;
    if (wait) {
        thread->wait();
        delete thread;
        return;
    }
    thread->setParent(nullptr);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
}

void ClusterController::onDeltas(const Kube::ResourceDeltas &deltas)
{
    m_tree->applyDeltas(deltas);
    bool events = false;
    bool objects = false;
    for (const Kube::ResourceDelta &d : deltas) {
        if (d.kind != QLatin1String("Event") || !d.group.isEmpty()) {
            objects = true;
            continue;
        }
        const QString uid = d.object.value(QStringLiteral("involvedObject"))
                                .toObject()
                                .value(QStringLiteral("uid"))
                                .toString();
        QList<QJsonObject> &list = m_events[uid];
        const QString name = d.object.value(QStringLiteral("metadata"))
                                 .toObject()
                                 .value(QStringLiteral("name"))
                                 .toString();
        list.removeIf([&](const QJsonObject &e) {
            return e.value(QStringLiteral("metadata"))
                       .toObject()
                       .value(QStringLiteral("name"))
                       .toString()
                == name;
        });
        if (d.type != Kube::ResourceDelta::Type::Deleted)
            list.append(d.object);
        while (list.size() > 200)
            list.removeFirst();
        events = true;
    }
    if (events)
        emit eventsChanged();
    if (objects)
        emit objectsChanged();
}

void ClusterController::probeContexts()
{
    // Every context is checked once, in the background, so that the list says which are
    // reachable (and why not) before the user switches.
    using Probe = QList<QPair<QString, QPair<bool, QString>>>;
    auto *watcher = new QFutureWatcher<Probe>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        for (const auto &[name, status] : watcher->result())
            m_contextStatus.insert(name, status);
        emit contextsChanged();
    });
    const Kube::Kubeconfig config = *m_config;
    watcher->setFuture(QtConcurrent::run([config]() {
        Probe out;
        auto engine = std::make_shared<HttpEngine>();
        Kube::KubeClient::Options options;
        options.maxAttempts = 1;
        options.requestTimeout = std::chrono::seconds(5);
        for (const Kube::ContextEntry &c : config.contexts()) {
            const auto resolved = config.resolve(c.name);
            if (!resolved.ok()) {
                out.append({c.name, {false, resolved.error().message()}});
                continue;
            }
            Kube::ResolvedContext r = *resolved;
            r.exec.reset(); // never run credential plugins (they may prompt) just to probe
            Kube::KubeClient client(r, engine, {}, options);
            const auto version = client.version();
            out.append({c.name,
                        version.ok() ? QPair<bool, QString> {true, version->gitVersion}
                                     : QPair<bool, QString> {false, version.error().message()}});
        }
        return out;
    }));
}

void ClusterController::followLogs(const QString &ns, const QString &pod, const QString &container)
{
    m_logs->start(m_session ? m_session->client() : nullptr, ns, pod, container);
}

void ClusterController::stopLogs()
{
    m_logs->stop();
}

QList<QJsonObject> ClusterController::eventsFor(const QString &uid) const
{
    return m_events.value(uid);
}

} // namespace Meshdeck
