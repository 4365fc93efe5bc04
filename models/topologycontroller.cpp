#include "topologycontroller.h"

#include <core/httpengine.h>
#include <kube/kubeclient.h>
#include <topology/layout.h>

#include <QElapsedTimer>
#include <QPointF>
#include <QTimer>

namespace Meshdeck {

class TopologyWorker : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void setContext(const Meshdeck::Kube::ResolvedContext &context)
    {
        if (!m_engine)
            m_engine = std::make_shared<HttpEngine>();
        Kube::KubeClient::Options options;
        options.maxAttempts = 2;
        options.requestTimeout = std::chrono::seconds(15);
        m_client = std::make_shared<Kube::KubeClient>(context, m_engine, nullptr, options);
        m_positions.clear();
    }
    void clearContext()
    {
        m_client.reset();
        m_positions.clear();
    }
    void refresh(const Meshdeck::Topology::RefreshRequest &request)
    {
        QElapsedTimer clock;
        clock.start();
        if (!m_client) {
            Q_EMIT failed(tr("No cluster is connected."));
            return;
        }
        if (request.build.type != m_lastType) // another graph: another layout
            m_positions.clear();
        m_lastType = request.build.type;
        auto result = Topology::refreshTopology(m_client, request);
        if (!result) {
            Q_EMIT failed(result.error().message());
            return;
        }
        Topology::Graph graph = result->graph;
        const bool force = request.layout == Topology::RefreshRequest::Layout::Force
            || (request.layout == Topology::RefreshRequest::Layout::Auto
                && graph.nodes.size() > 1500);
        if (force != m_lastForce)
            m_positions.clear();
        m_lastForce = force;
        m_positions = force
            ? Topology::forceLayout(graph, m_positions, m_positions.isEmpty() ? 150 : 30)
            : Topology::layeredLayout(graph, m_positions);
        m_endpoint = result->endpoint;
        Topology::applyLayout(graph, m_positions);
        Q_EMIT ready(graph, result->prometheusProblem, result->promqlRequests, clock.elapsed());
    }

    void history(const QMap<QString, QString> &labels, const QString &key, int windowSeconds)
    {
        QList<QPointF> series[3];
        if (m_endpoint) {
            QStringList matchers {QStringLiteral("reporter=\"destination\"")};
            for (auto it = labels.begin(); it != labels.end(); ++it)
                matchers << QStringLiteral("%1=\"%2\"")
                                .arg(it.key(),
                                     QString(it.value())
                                         .replace(QLatin1Char('"'), QLatin1String("\\\"")));
            const QString sel = matchers.join(QLatin1Char(','));
            const QString rate = QStringLiteral("sum(rate(istio_requests_total{%1}[1m]))").arg(sel);
            const QStringList queries {
                rate,
                QStringLiteral(
                    "100 * sum(rate(istio_requests_total{%1,response_code=~\"[45]..\"}[1m])) / %2")
                    .arg(sel, rate),
                QStringLiteral("histogram_quantile(0.99, sum by (le) "
                               "(rate(istio_request_duration_milliseconds_bucket{%1}[1m])))")
                    .arg(sel),
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
    std::shared_ptr<HttpEngine> m_engine;
    std::shared_ptr<Kube::KubeClient> m_client;
    QHash<QString, QPointF> m_positions;
    Topology::GraphType m_lastType = Topology::GraphType::Workload;
    bool m_lastForce = false;
    std::optional<Telemetry::PrometheusEndpoint> m_endpoint; // from the last refresh, for history
};

TopologyController::TopologyController(QObject *parent)
    : QObject(parent)
    , m_worker(new TopologyWorker)
    , m_timer(new QTimer(this))
{
    qRegisterMetaType<Topology::Graph>();
    qRegisterMetaType<Topology::RefreshRequest>();
    qRegisterMetaType<Kube::ResolvedContext>();
    qRegisterMetaType<QMap<QString, QString>>();
    qRegisterMetaType<QList<QPointF>>();
    m_thread.setObjectName(QStringLiteral("meshdeck-topology"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &TopologyWorker::ready, this,
            [this](const Topology::Graph &graph, const QString &problem, int promql, qint64 ms) {
                m_busy = false;
                Q_EMIT graphReady(graph, problem, promql, ms);
                if (m_pending) {
                    m_pending = false;
                    refresh();
                }
            });
    connect(m_worker, &TopologyWorker::failed, this, [this](const QString &error) {
        m_busy = false;
        Q_EMIT refreshFailed(error);
        if (m_pending) {
            m_pending = false;
            refresh();
        }
    });
    connect(m_worker, &TopologyWorker::historyReady, this, &TopologyController::historyReady);
    connect(m_timer, &QTimer::timeout, this, &TopologyController::refresh);
    m_thread.start();
}

TopologyController::~TopologyController()
{
    m_thread.quit();
    m_thread.wait();
}

void TopologyController::requestHistory(const QMap<QString, QString> &labels, const QString &key)
{
    const int window = m_request.windowSeconds;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, labels, key, window] { worker->history(labels, key, window); },
        Qt::QueuedConnection);
}

void TopologyController::setContext(const Kube::ResolvedContext &context)
{
    m_hasContext = true;
    QMetaObject::invokeMethod(m_worker, "setContext", Qt::QueuedConnection,
                              Q_ARG(Meshdeck::Kube::ResolvedContext, context));
    refresh();
    setInterval(m_interval);
}

void TopologyController::clearContext()
{
    m_hasContext = false;
    m_timer->stop();
    QMetaObject::invokeMethod(m_worker, "clearContext", Qt::QueuedConnection);
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
    QMetaObject::invokeMethod(m_worker, "refresh", Qt::QueuedConnection,
                              Q_ARG(Meshdeck::Topology::RefreshRequest, m_request));
}

} // namespace Meshdeck

#include "topologycontroller.moc"
