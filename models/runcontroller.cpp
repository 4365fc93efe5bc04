#include "runcontroller.h"

#include <core/httpengine.h>
#include <kube/kubeclient.h>
#include <mesh/meshcatalog.h>
#include <store/resultstore.h>

#include <QJsonArray>

namespace Meshdeck {

// Lives on the controller's thread: runs, then saves with its own database connection.
class RunWorker : public QObject
{
    Q_OBJECT

public:
    std::atomic_bool cancel {false};

public Q_SLOTS:
    void setCluster(const Meshdeck::Kube::ResolvedContext &context)
    {
        Kube::KubeClient::Options options;
        options.maxAttempts = 1;
        options.requestTimeout = std::chrono::seconds(5);
        m_kube = std::make_shared<Kube::KubeClient>(context, std::make_shared<HttpEngine>(),
                                                    nullptr, options);
    }
    void setStorePath(const QString &path)
    {
        m_storePath = path;
        m_store.reset();
    }

    void run(const Meshdeck::Perf::RunRequest &request, const QString &profile)
    {
        cancel = false;
        Perf::RunRequest withFacts = request;
        if (m_kube)
            describeCluster(withFacts);
        const Perf::RunResult result = Perf::LoadRunner::runBlocking(
            withFacts, cancel, [this](const Perf::RunProgress &p) { Q_EMIT progressed(p); });
        QString saveError;
        if (result.report.attempts() == 0 && !result.failure.isEmpty()) {
            saveError = result.failure; // nothing was measured: nothing to keep
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
    void finished(const Meshdeck::Perf::RunResult &result, const QString &saveError);

private:
    // Kubernetes version, nodes, and the mesh (Istio's istiod or Linkerd's destination image
    // tag); labels the user set win over what is detected.
    void describeCluster(Perf::RunRequest &r)
    {
        r.environment.context = m_kube->context().context;
        if (const auto v = m_kube->version())
            r.environment.kubernetesVersion = v->gitVersion;
        if (const auto nodes = m_kube->list(QStringLiteral("/api/v1/nodes"))) {
            for (const QJsonObject &n : nodes->items) {
                const QJsonObject cap = n.value(QLatin1String("status"))
                                            .toObject()
                                            .value(QLatin1String("capacity"))
                                            .toObject();
                Perf::RunEnvironment::Node node;
                node.name = n.value(QLatin1String("metadata"))
                                .toObject()
                                .value(QLatin1String("name"))
                                .toString();
                const QString cpu = cap.value(QLatin1String("cpu")).toString();
                node.cpuMillicores
                    = cpu.endsWith(QLatin1Char('m')) ? cpu.chopped(1).toInt() : cpu.toInt() * 1000;
                QString mem = cap.value(QLatin1String("memory")).toString();
                qint64 factor = 1;
                for (const auto &[suffix, f] :
                     {std::pair {"Ki", 1024LL}, std::pair {"Mi", 1024LL * 1024},
                      std::pair {"Gi", 1024LL * 1024 * 1024}}) {
                    if (mem.endsWith(QLatin1String(suffix))) {
                        mem.chop(2);
                        factor = f;
                    }
                }
                node.memoryBytes = mem.toLongLong() * factor;
                node.kubeletVersion = n.value(QLatin1String("status"))
                                          .toObject()
                                          .value(QLatin1String("nodeInfo"))
                                          .toObject()
                                          .value(QLatin1String("kubeletVersion"))
                                          .toString();
                r.environment.nodes.append(node);
            }
        }
        if (const auto meshes = Mesh::MeshDetector::detect(*m_kube)) {
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

    std::shared_ptr<Kube::KubeClient> m_kube;
    QString m_storePath;
    std::unique_ptr<ResultStore> m_store;
};

RunController::RunController(QObject *parent)
    : QObject(parent)
    , m_worker(new RunWorker)
{
    qRegisterMetaType<Perf::RunRequest>();
    qRegisterMetaType<Perf::RunProgress>();
    qRegisterMetaType<Perf::RunResult>();
    qRegisterMetaType<Kube::ResolvedContext>();
    m_thread.setObjectName(QStringLiteral("meshdeck-runner"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &RunWorker::progressed, this, &RunController::progressed);
    connect(m_worker, &RunWorker::finished, this,
            [this](const Perf::RunResult &result, const QString &saveError) {
                m_last = result;
                m_running = false;
                Q_EMIT finished(result, saveError);
                Q_EMIT runningChanged(false);
            });
    m_thread.start();
}

RunController::~RunController()
{
    cancel();
    m_thread.quit();
    m_thread.wait();
}

void RunController::start(const Perf::RunRequest &request, const QString &profile)
{
    if (m_running)
        return;
    m_running = true;
    Q_EMIT started(request);
    Q_EMIT runningChanged(true);
    QMetaObject::invokeMethod(m_worker, "run", Qt::QueuedConnection,
                              Q_ARG(Meshdeck::Perf::RunRequest, request), Q_ARG(QString, profile));
}

void RunController::setCluster(const Kube::ResolvedContext &context)
{
    QMetaObject::invokeMethod(m_worker, "setCluster", Qt::QueuedConnection,
                              Q_ARG(Meshdeck::Kube::ResolvedContext, context));
}

void RunController::setStorePath(const QString &path)
{
    QMetaObject::invokeMethod(m_worker, "setStorePath", Qt::QueuedConnection, Q_ARG(QString, path));
}

void RunController::cancel()
{
    if (m_worker)
        m_worker->cancel = true;
}

} // namespace Meshdeck

#include "runcontroller.moc"
