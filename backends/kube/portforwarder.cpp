#include "portforwarder.h"

#include "kubeclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTcpServer>
#include <QTimer>

#include <unistd.h>

namespace Meshdeck::Kube {

namespace {

QJsonObject child(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

bool ready(const QJsonObject &pod)
{
    if (child(pod, "metadata").contains(QLatin1String("deletionTimestamp"))
        || child(pod, "status").value(QLatin1String("phase")).toString()
            != QLatin1String("Running"))
        return false;
    for (const QJsonValue &c : child(pod, "status").value(QLatin1String("conditions")).toArray())
        if (c.toObject().value(QLatin1String("type")).toString() == QLatin1String("Ready"))
            return c.toObject().value(QLatin1String("status")).toString() == QLatin1String("True");
    return false;
}

// Hands each accepted connection's socket over as it is: a tunnel's thread moves its bytes.
class RawServer : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;
    std::function<void(int)> onIncoming;

protected:
    void incomingConnection(qintptr fd) override { onIncoming(int(fd)); }
};

} // namespace

PortForwarder::PortForwarder(std::shared_ptr<KubeClient> client, Spec spec, QObject *parent)
    : QObject(parent)
    , m_client(std::move(client))
    , m_spec(std::move(spec))
    , m_counters(std::make_shared<ForwardTunnel::Counters>())
{
}

qint64 PortForwarder::bytesIn() const
{
    return m_counters->fromPod.load();
}

qint64 PortForwarder::bytesOut() const
{
    return m_counters->toPod.load();
}

PortForwarder::~PortForwarder()
{
    stop();
}

quint16 PortForwarder::nextFreePort(const QHostAddress &address, quint16 from)
{
    for (int port = std::max<int>(from, 1024); port < 65536; ++port) {
        QTcpServer probe;
        if (probe.listen(address, quint16(port)))
            return quint16(port);
    }
    return 0;
}

bool PortForwarder::start(QString *error)
{
    Target target;
    if (!resolve(&target, error)) {
        m_state = State::Failed;
        m_lastError = *error;
        return false;
    }
    {
        std::lock_guard lock(m_routeMutex);
        m_route = target;
    }
    auto *server = new RawServer(this);
    server->onIncoming = [this](int fd) {
        onNewConnection(fd);
    };
    m_server = server;
    if (!m_server->listen(m_spec.address, m_spec.localPort)) {
        const bool inUse = m_server->serverError() == QAbstractSocket::AddressInUseError;
        const quint16 next
            = inUse ? nextFreePort(m_spec.address, quint16(m_spec.localPort + 1)) : 0;
        *error = inUse && next
            ? tr("Local port %1 is in use by another program. Port %2 is free: forward %2:%3 "
                 "instead.")
                  .arg(m_spec.localPort)
                  .arg(next)
                  .arg(m_spec.remotePort)
            : tr("Cannot listen on %1:%2: %3")
                  .arg(m_spec.address.toString())
                  .arg(m_spec.localPort)
                  .arg(m_server->errorString());
        delete m_server;
        m_server = nullptr;
        m_state = State::Failed;
        m_lastError = *error;
        return false;
    }
    m_localPort = m_server->serverPort();
    m_progress = new QTimer(this);
    m_progress->setInterval(500);
    connect(m_progress, &QTimer::timeout, this, [this] {
        const qint64 moved = bytesIn() + bytesOut();
        if (moved != m_reported) {
            m_reported = moved;
            emit changed();
        }
        if (m_tunnels.empty())
            m_progress->stop();
    });
    m_state = State::Listening;
    emit changed();
    return true;
}

void PortForwarder::stop()
{
    if (!m_server)
        return;
    m_server->close();
    m_tunnels.clear(); // each stops and waits for its thread
    delete m_server;
    m_server = nullptr;
    delete m_progress;
    m_progress = nullptr;
    m_state = State::Stopped;
    emit changed();
}

bool PortForwarder::resolve(Target *target, QString *error, const CancelToken &cancel)
{
    const QString base = QStringLiteral("/api/v1/namespaces/%1/").arg(m_spec.ns);
    if (m_spec.kind == QLatin1String("pod")) {
        const auto pod = m_client->get(base + QStringLiteral("pods/") + m_spec.name, cancel);
        if (!pod.ok()) {
            *error = pod.error().message();
            return false;
        }
        const QString phase = child(*pod, "status").value(QLatin1String("phase")).toString();
        if (phase != QLatin1String("Running")) {
            *error = tr("Pod %1 is not running (phase %2): there is nothing to forward to yet.")
                         .arg(m_spec.name, phase.isEmpty() ? tr("unknown") : phase);
            return false;
        }
        *target = {m_spec.name, m_spec.remotePort};
        return true;
    }
    const auto service = m_client->get(base + QStringLiteral("services/") + m_spec.name, cancel);
    if (!service.ok()) {
        *error = service.error().message();
        return false;
    }
    QJsonValue targetPort;
    bool found = false;
    for (const QJsonValue &p : child(*service, "spec").value(QLatin1String("ports")).toArray())
        if (p.toObject().value(QLatin1String("port")).toInt() == m_spec.remotePort) {
            targetPort = p.toObject().value(QLatin1String("targetPort"));
            found = true;
        }
    if (!found) {
        *error = tr("Service %1 has no port %2.").arg(m_spec.name).arg(m_spec.remotePort);
        return false;
    }
    const QJsonObject selector = child(child(*service, "spec"), "selector");
    if (selector.isEmpty()) {
        *error = tr("Service %1 selects no pods (it has no selector): forward to a pod instead.")
                     .arg(m_spec.name);
        return false;
    }
    QStringList terms;
    for (auto it = selector.begin(); it != selector.end(); ++it)
        terms << it.key() + QLatin1Char('=') + it.value().toString();
    const auto pods
        = m_client->list(base + QStringLiteral("pods"), 500, terms.join(QLatin1Char(',')), cancel);
    if (!pods.ok()) {
        *error = pods.error().message();
        return false;
    }
    QList<QJsonObject> candidates;
    for (const QJsonObject &pod : pods->items)
        if (ready(pod))
            candidates << pod;
    if (candidates.isEmpty()) {
        *error = tr("No ready pod behind Service %1 (%2 selected): try again when one is ready.")
                     .arg(m_spec.name)
                     .arg(pods->items.size());
        return false;
    }
    std::sort(candidates.begin(), candidates.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return child(a, "metadata").value(QLatin1String("name")).toString()
            < child(b, "metadata").value(QLatin1String("name")).toString();
    });
    const QJsonObject pod = candidates.first();
    int port = targetPort.isDouble() ? targetPort.toInt() : m_spec.remotePort;
    if (targetPort.isString()) { // a named port of the pod's containers
        port = 0;
        for (const QJsonValue &c : child(pod, "spec").value(QLatin1String("containers")).toArray())
            for (const QJsonValue &p : c.toObject().value(QLatin1String("ports")).toArray())
                if (p.toObject().value(QLatin1String("name")).toString() == targetPort.toString())
                    port = p.toObject().value(QLatin1String("containerPort")).toInt();
        if (!port) {
            *error = tr("Service %1's target port \"%2\" is not a port of pod %3.")
                         .arg(m_spec.name, targetPort.toString(),
                              child(pod, "metadata").value(QLatin1String("name")).toString());
            return false;
        }
    }
    *target = {child(pod, "metadata").value(QLatin1String("name")).toString(), port};
    return true;
}

Result<ForwardTunnel::Route> PortForwarder::route(const QString &refused, const CancelToken &cancel)
{
    Target target;
    {
        std::lock_guard lock(m_routeMutex);
        if (!m_route || (!refused.isEmpty() && m_route->pod == refused)) {
            QString error;
            m_route.reset();
            if (!resolve(&target, &error, cancel))
                return Unexpected(Error(ErrorCode::NotFound, error));
            m_route = target;
        }
        target = *m_route;
    }
    return ForwardTunnel::Route {
        target.pod,
        QStringLiteral("/api/v1/namespaces/%1/pods/%2/portforward?ports=%3")
            .arg(m_spec.ns, target.pod)
            .arg(target.port),
        tr("forward a port to pod %1").arg(target.pod)};
}

void PortForwarder::onNewConnection(int fd)
{
    const quint64 id = quint64(++m_total);
    auto owned = std::make_unique<ForwardTunnel>(
        fd, m_client,
        [this](const QString &refused, const CancelToken &cancel) {
            return route(refused, cancel);
        },
        m_counters);
    ForwardTunnel *tunnel = owned.get();
    m_tunnels.emplace(id, std::move(owned));
    // The tunnel's events come on its thread; they are handled on this one.
    tunnel->start({[this](const QString &pod) {
                       QMetaObject::invokeMethod(this, [this, pod] {
                           m_pod = pod;
                           m_lastError.clear();
                           emit connectionOpened();
                           emit changed();
                       });
                   },
                   [this, id](const QString &error) {
                       QMetaObject::invokeMethod(
                           this, [this, id, error] { onTunnelFinished(id, error); });
                   }});
    if (!m_progress->isActive())
        m_progress->start();
    emit changed();
}

void PortForwarder::onTunnelFinished(quint64 id, const QString &error)
{
    if (m_tunnels.erase(id) == 0)
        return; // stopped meanwhile
    if (!error.isEmpty()) {
        m_lastError = error;
        std::lock_guard lock(m_routeMutex);
        m_route.reset(); // the pod may have gone: the next connection looks again
    }
    emit changed();
}

} // namespace Meshdeck::Kube
