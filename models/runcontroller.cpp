#include "runcontroller.h"

#include <incluster/inclusterrun.h>
#include <kube/clustersession.h>
#include <kube/kubeclient.h>
#include <kube/quantity.h>
#include <mesh/meshdetector.h>
#include <overhead/measuredrun.h>
#include <proto/grpccatalog.h>
#include <store/resultstore.h>

#include <QCoreApplication>
#include <QJsonArray>

namespace Meshdeck {

// Lives on the controller's thread: runs, then saves with its own database connection.
class RunWorker : public QObject
{
    Q_OBJECT

public:
    std::atomic_bool cancel {false};

public:
    void setSession(Kube::ClusterSessionPtr session) { m_session = std::move(session); }

public Q_SLOTS:
    void setStorePath(const QString &path)
    {
        m_storePath = path;
        m_store.reset();
    }

    void run(const Meshdeck::Perf::RunRequest &request, const QString &profile,
             const std::optional<InCluster::InClusterOptions> &inCluster)
    {
        cancel = false;
        Perf::RunRequest withFacts = request;
        if (m_session)
            describeCluster(withFacts);
        // CPU and memory of the target's containers, its sidecars, the mesh's control plane and
        // the workers, sampled beside the run when a cluster is connected.
        Overhead::MeasureOptions measure;
        measure.inCluster = inCluster;
        measure.scope = Telemetry::ResourceScope::forRun(QString::fromStdString(request.spec.url),
                                                         request.labels);
        measure.sampleIntervalMs = 1000;
        Perf::RunResult result;
        if (inCluster && !m_session) {
            result.spec = request.spec;
            result.name = request.name;
            result.failure = QCoreApplication::translate(
                "Meshdeck::RunController",
                "No cluster is connected: connect one on the Clusters "
                "page, or run the load from this computer.");
        } else {
            result = Overhead::MeasuredRun::run(
                withFacts, m_session ? m_session->client() : nullptr, measure, cancel,
                [this](const Perf::RunProgress &p) { Q_EMIT progressed(p); },
                [this](const InCluster::InClusterProgress &p) { Q_EMIT clusterProgressed(p); });
        }
        QString saveError;
        if (result.report.counters.responses == 0 && !result.failure.isEmpty()) {
            // Nothing answered (refused, timed out): nothing was measured, nothing to keep, as
            // `perf run` fails such a run.
            saveError = result.failure;
        } else if (m_storePath.isEmpty()) {
            saveError = tr("No results database is open.");
        } else {
            if (!m_store) {
                auto store = ResultStore::open(m_storePath);
                if (store)
                    m_store = std::move(store).value();
                else
                    saveError = store.error().message();
            }
            if (m_store) {
                if (const VoidResult saved = m_store->saveRun(result, profile); !saved)
                    saveError = saved.error().message();
            }
        }
        Q_EMIT finished(result, saveError);
    }

Q_SIGNALS:
    void progressed(const Meshdeck::Perf::RunProgress &progress);
    void clusterProgressed(const Meshdeck::InCluster::InClusterProgress &progress);
    void finished(const Meshdeck::Perf::RunResult &result, const QString &saveError);

private:
    // Kubernetes version, nodes, and the mesh (Istio's istiod or Linkerd's destination image
    // tag); labels the user set win over what is detected.
    void describeCluster(Perf::RunRequest &r)
    {
        Kube::KubeClient &kube = *m_session->client();
        r.environment.context = m_session->context().context;
        if (const auto v = kube.version())
            r.environment.kubernetesVersion = v->gitVersion;
        // The nodes come from the session's cache when it has them.
        QList<QJsonObject> nodes;
        if (const auto cached = m_session->cachedObjects(QString(), QStringLiteral("Node")))
            nodes = *cached;
        else if (const auto listed = kube.list(QStringLiteral("/api/v1/nodes")))
            nodes = listed->items;
        for (const QJsonObject &n : std::as_const(nodes)) {
            const QJsonObject status = n.value(QLatin1String("status")).toObject();
            const QJsonObject cap = status.value(QLatin1String("capacity")).toObject();
            Perf::RunEnvironment::Node node;
            node.name = n.value(QLatin1String("metadata"))
                            .toObject()
                            .value(QLatin1String("name"))
                            .toString();
            node.cpuMillicores = int(
                Kube::Quantity::millicores(cap.value(QLatin1String("cpu")).toString()).value_or(0));
            node.memoryBytes
                = Kube::Quantity::bytes(cap.value(QLatin1String("memory")).toString()).value_or(0);
            node.kubeletVersion = status.value(QLatin1String("nodeInfo"))
                                      .toObject()
                                      .value(QLatin1String("kubeletVersion"))
                                      .toString();
            r.environment.nodes.append(node);
        }
        if (const auto meshes = Mesh::MeshDetector::detect(kube)) {
            for (const Mesh::DetectedMesh &d : meshes.value()) {
                if (d.replicas <= 0 || !(r.mesh.type.isEmpty() || r.mesh.type == d.id))
                    continue;
                r.mesh.type = d.id;
                if (r.mesh.version.isEmpty())
                    r.mesh.version = d.version;
                r.mesh.mtls = Mesh::findMesh(d.id)->mtlsByDefault;
                break;
            }
        }
        if (r.mesh.type == QLatin1String("none"))
            r.mesh = {};
    }

    Kube::ClusterSessionPtr m_session;
    QString m_storePath;
    std::unique_ptr<ResultStore> m_store;
};

Result<std::string> RunController::grpcMessage(const std::string &method, const std::string &json)
{
    const GrpcCatalog &catalog = GrpcCatalog::builtIn();
    const bool blank = json.find_first_not_of(" \t\r\n") == std::string::npos;
    if (blank && !catalog.methods().contains(QString::fromStdString(method)))
        return std::string(); // an empty message: every proto3 message accepts it
    return catalog.requestFromJson(method, json);
}

RunController::RunController(QObject *parent)
    : QObject(parent)
    , m_worker(QStringLiteral("meshdeck-runner"), new RunWorker)
{
    qRegisterMetaType<Perf::RunRequest>();
    qRegisterMetaType<Perf::RunProgress>();
    qRegisterMetaType<Perf::RunResult>();
    qRegisterMetaType<InCluster::InClusterProgress>();
    connect(m_worker.worker(), &RunWorker::clusterProgressed, this,
            &RunController::clusterProgressed);
    connect(m_worker.worker(), &RunWorker::progressed, this, &RunController::progressed);
    connect(m_worker.worker(), &RunWorker::finished, this,
            [this](const Perf::RunResult &result, const QString &saveError) {
                m_last = result;
                m_running = false;
                Q_EMIT finished(result, saveError);
                Q_EMIT runningChanged(false);
            });
}

RunController::~RunController()
{
    cancel();
}

QList<QPair<QString, QString>> RunController::clusterTargets() const
{
    QList<QPair<QString, QString>> out;
    if (!m_session)
        return out;
    // The cluster's Services as workers inside it reach them (a read of the session's cache).
    for (const QJsonObject &svc : m_session->cachedObjects(QString(), QStringLiteral("Service"))
                                      .value_or(QList<QJsonObject> {})) {
        const QJsonObject md = svc.value(QLatin1String("metadata")).toObject();
        const QString ns = md.value(QLatin1String("namespace")).toString();
        const QString name = md.value(QLatin1String("name")).toString();
        if (ns == QLatin1String("kube-system") || name == QLatin1String("kubernetes"))
            continue;
        for (const QJsonValue &p :
             svc.value(QLatin1String("spec")).toObject().value(QLatin1String("ports")).toArray()) {
            const QJsonObject port = p.toObject();
            if (port.value(QLatin1String("protocol")).toString(QStringLiteral("TCP"))
                != QLatin1String("TCP"))
                continue;
            out.append({tr("Service %1/%2").arg(ns, name),
                        QStringLiteral("http://%1.%2:%3/")
                            .arg(name, ns)
                            .arg(port.value(QLatin1String("port")).toInt())});
        }
    }
    std::sort(out.begin(), out.end(),
              [](const auto &a, const auto &b) { return a.second < b.second; });
    return out;
}

void RunController::start(const Perf::RunRequest &request, const QString &profile,
                          const std::optional<InCluster::InClusterOptions> &inCluster)
{
    if (m_running)
        return;
    m_running = true;
    Q_EMIT started(request);
    Q_EMIT runningChanged(true);
    QMetaObject::invokeMethod(
        m_worker.worker(),
        [worker = m_worker.worker(), request, profile, inCluster] {
            worker->run(request, profile, inCluster);
        },
        Qt::QueuedConnection);
}

void RunController::setSession(const Kube::ClusterSessionPtr &session)
{
    m_session = session;
    QMetaObject::invokeMethod(
        m_worker.worker(), [worker = m_worker.worker(), session] { worker->setSession(session); },
        Qt::QueuedConnection);
}

void RunController::setStorePath(const QString &path)
{
    QMetaObject::invokeMethod(
        m_worker.worker(), [worker = m_worker.worker(), path] { worker->setStorePath(path); },
        Qt::QueuedConnection);
}

void RunController::cancel()
{
    if (m_worker.worker())
        m_worker->cancel = true;
}

} // namespace Meshdeck

#include "runcontroller.moc"
