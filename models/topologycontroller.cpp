#include "topologycontroller.h"

#include <kube/clustersession.h>
#include <kube/kubeclient.h>
#include <topology/layout.h>

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QPointF>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>
#include <QTimer>

namespace Meshdeck {

class TopologyWorker : public QObject
{
    Q_OBJECT

public:
    void setSession(Kube::ClusterSessionPtr session) { m_session = std::move(session); }
    void refresh(const Meshdeck::Topology::RefreshRequest &request)
    {
        QElapsedTimer clock;
        clock.start();
        if (!m_session) {
            Q_EMIT failed(tr("No cluster is connected."));
            return;
        }
        // The cluster's objects come from the session's cache: no LIST per refresh.
        auto result = Topology::refreshTopology(*m_session, request);
        if (!result) {
            Q_EMIT failed(result.error().message());
            return;
        }
        m_endpoint = result->endpoint;
        m_mesh = result->mesh;
        Q_EMIT ready(result->graph, result->prometheusProblem, result->promqlRequests,
                     clock.elapsed());
    }

    void history(const QMap<QString, QString> &labels, const QString &key, int windowSeconds)
    {
        QList<QPointF> series[3];
        if (m_endpoint) {
            // The page names series in Istio's labels; Linkerd's outbound series carry the same
            // facts as deployment/namespace (the caller) and dst_* (the callee).
            const bool linkerd = m_mesh == Telemetry::MeshKind::Linkerd;
            static const QMap<QString, QString> linkerdName {
                {QStringLiteral("source_workload"), QStringLiteral("deployment")},
                {QStringLiteral("source_workload_namespace"), QStringLiteral("namespace")},
                {QStringLiteral("destination_workload"), QStringLiteral("dst_deployment")},
                {QStringLiteral("destination_workload_namespace"), QStringLiteral("dst_namespace")},
                {QStringLiteral("destination_service_name"), QStringLiteral("dst_service")}};
            QStringList matchers {linkerd ? QStringLiteral("direction=\"outbound\"")
                                          : QStringLiteral("reporter=\"destination\"")};
            for (auto it = labels.begin(); it != labels.end(); ++it) {
                const QString name = linkerd ? linkerdName.value(it.key()) : it.key();
                if (name.isEmpty())
                    continue;
                matchers << QStringLiteral("%1=\"%2\"")
                                .arg(name,
                                     QString(it.value())
                                         .replace(QLatin1Char('"'), QLatin1String("\\\"")));
            }
            const QString sel = matchers.join(QLatin1Char(','));
            const QString counter = linkerd ? QStringLiteral("response_total")
                                            : QStringLiteral("istio_requests_total");
            const QString rate = QStringLiteral("sum(rate(%1{%2}[1m]))").arg(counter, sel);
            const QStringList queries {
                rate,
                QStringLiteral("100 * sum(rate(%1{%2,%3=~\"[45]..\"}[1m])) / %4")
                    .arg(counter, sel,
                         linkerd ? QStringLiteral("status_code") : QStringLiteral("response_code"),
                         rate),
                QStringLiteral("histogram_quantile(0.99, sum by (le) (rate(%1{%2}[1m])))")
                    .arg(linkerd ? QStringLiteral("response_latency_ms_bucket")
                                 : QStringLiteral("istio_request_duration_milliseconds_bucket"),
                         sel),
            };
            const Telemetry::PrometheusClient client(*m_endpoint);
            const QDateTime end = QDateTime::currentDateTimeUtc();
            const QDateTime start = end.addSecs(-std::max(60, windowSeconds));
            const int step = std::max(2, windowSeconds / 60);
            for (int i = 0; i < 3; ++i) {
                const auto r = client.queryRange(queries[i], start, end, step);
                if (!r || r->isEmpty())
                    continue;
                for (const auto &[t, v] : r->first().points)
                    series[i].append({t, v});
            }
        }
        Q_EMIT historyReady(key, series[0], series[1], series[2]);
    }

Q_SIGNALS:
    void historyReady(const QString &key, const QList<QPointF> &rate, const QList<QPointF> &errors,
                      const QList<QPointF> &p99);
    void ready(const Meshdeck::Topology::Graph &graph, const QString &problem, int promql,
               qint64 ms);
    void failed(const QString &error);

private:
    Kube::ClusterSessionPtr m_session;
    std::optional<Telemetry::PrometheusEndpoint> m_endpoint; // from the last refresh, for history
    Telemetry::MeshKind m_mesh = Telemetry::MeshKind::Istio; // the vocabulary it spoke
};

TopologyController::TopologyController(QObject *parent)
    : QObject(parent)
    , m_worker(QStringLiteral("meshdeck-topology"), new TopologyWorker)
    , m_timer(new QTimer(this))
{
    qRegisterMetaType<Topology::Graph>();
    qRegisterMetaType<Topology::RefreshRequest>();
    qRegisterMetaType<QMap<QString, QString>>();
    qRegisterMetaType<QList<QPointF>>();
    connect(m_worker.worker(), &TopologyWorker::ready, this,
            [this](const Topology::Graph &graph, const QString &problem, int promql, qint64 ms) {
                m_busy = false;
                layOut(graph, problem, promql, ms);
                if (m_pending) {
                    m_pending = false;
                    refresh();
                }
            });
    connect(m_worker.worker(), &TopologyWorker::failed, this, [this](const QString &error) {
        m_busy = false;
        Q_EMIT refreshFailed(error);
        if (m_pending) {
            m_pending = false;
            refresh();
        }
    });
    connect(m_worker.worker(), &TopologyWorker::historyReady, this,
            &TopologyController::historyReady);
    connect(m_timer, &QTimer::timeout, this, &TopologyController::refresh);
}

TopologyController::~TopologyController()
{
    if (m_layoutCancel)
        m_layoutCancel->store(true);
    m_layout.cancel();
    m_layout.waitForFinished();
}

void TopologyController::layOut(const Topology::Graph &built, const QString &problem, int promql,
                                qint64 ms)
{
    // A newer graph makes the running layout moot: stop it (it polls between phases).
    if (m_layoutCancel)
        m_layoutCancel->store(true);
    m_layout.cancel();
    if (m_request.build.type != m_lastType) // another graph: another layout
        m_positions.clear();
    m_lastType = m_request.build.type;
    const bool force = m_request.layout == Topology::RefreshRequest::Layout::Force
        || (m_request.layout == Topology::RefreshRequest::Layout::Auto
            && built.nodes.size() > 1500);
    if (force != m_lastForce)
        m_positions.clear();
    m_lastForce = force;
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_layoutCancel = cancel;
    const QHash<QString, QPointF> previous = m_positions;
    QElapsedTimer clock;
    clock.start();
    m_layout = QtConcurrent::run([built, previous, force,
                                  cancel](QPromise<QHash<QString, QPointF>> &promise) {
        auto positions = force
            ? Topology::forceLayout(built, previous, previous.isEmpty() ? 150 : 30, cancel.get())
            : Topology::layeredLayout(built, previous, {}, cancel.get());
        if (!cancel->load() && !promise.isCanceled())
            promise.addResult(std::move(positions));
    });
    auto *watcher = new QFutureWatcher<QHash<QString, QPointF>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, built, problem, promql, ms, clock, cancel] {
                watcher->deleteLater();
                const QFuture<QHash<QString, QPointF>> done = watcher->future();
                if (cancel->load() || done.isCanceled() || done.resultCount() == 0) {
                    ++m_layoutsCancelled;
                    return; // superseded by a newer graph
                }
                m_positions = done.result();
                Topology::Graph graph = built;
                Topology::applyLayout(graph, m_positions);
                Q_EMIT graphReady(graph, problem, promql, ms + clock.elapsed());
            });
    watcher->setFuture(m_layout);
}

void TopologyController::requestHistory(const QMap<QString, QString> &labels, const QString &key)
{
    const int window = m_request.windowSeconds;
    QMetaObject::invokeMethod(
        m_worker.worker(),
        [worker = m_worker.worker(), labels, key, window] { worker->history(labels, key, window); },
        Qt::QueuedConnection);
}

void TopologyController::setSession(const Kube::ClusterSessionPtr &session)
{
    m_hasContext = session != nullptr;
    QMetaObject::invokeMethod(
        m_worker.worker(), [worker = m_worker.worker(), session] { worker->setSession(session); },
        Qt::QueuedConnection);
    if (!session) {
        m_timer->stop();
        return;
    }
    refresh();
    setInterval(m_interval);
}

void TopologyController::clearContext()
{
    setSession(nullptr);
}

void TopologyController::setRequest(const Topology::RefreshRequest &request)
{
    m_request = request;
    refresh();
}

void TopologyController::setInterval(int milliseconds)
{
    m_interval = milliseconds;
    if (milliseconds > 0 && m_hasContext)
        m_timer->start(milliseconds);
    else
        m_timer->stop();
}

void TopologyController::refresh()
{
    if (!m_hasContext)
        return;
    if (m_busy) {
        m_pending = true;
        return;
    }
    m_busy = true;
    Q_EMIT refreshStarted();
    QMetaObject::invokeMethod(
        m_worker.worker(),
        [worker = m_worker.worker(), request = m_request] { worker->refresh(request); },
        Qt::QueuedConnection);
}

} // namespace Meshdeck

#include "topologycontroller.moc"
