#include "podexec.h"

#include "kubeclient.h"
#include "streamendpoint.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

namespace Meshdeck::Kube {

namespace {

enum Channel { Stdin = 0, Stdout = 1, Stderr = 2, ErrorChannel = 3, Resize = 4, Close = 255 };

} // namespace

PodExec::PodExec(std::shared_ptr<KubeClient> client, QObject *parent)
    : QObject(parent)
    , m_client(std::move(client))
{
}

PodExec::~PodExec()
{
    if (m_socket)
        m_socket->abort();
}

int PodExec::exitCodeOf(const QByteArray &status, QString *message)
{
    const QJsonObject s = QJsonDocument::fromJson(status).object();
    if (s.isEmpty()) { // v1-v3: a plain message, an error
        *message = QString::fromUtf8(status).trimmed();
        return message->isEmpty() ? 0 : -1;
    }
    if (s.value(QLatin1String("status")).toString() == QLatin1String("Success"))
        return 0;
    *message = s.value(QLatin1String("message")).toString();
    if (s.value(QLatin1String("reason")).toString() == QLatin1String("NonZeroExitCode")) {
        const QJsonArray causes
            = s.value(QLatin1String("details")).toObject().value(QLatin1String("causes")).toArray();
        for (const QJsonValue &c : causes)
            if (c.toObject().value(QLatin1String("reason")).toString() == QLatin1String("ExitCode"))
                return c.toObject().value(QLatin1String("message")).toString().toInt();
    }
    return -1;
}

QString PodExec::defaultContainer(const QJsonObject &pod, QStringList *all)
{
    QStringList names;
    for (const QJsonValue &c :
         pod.value(QLatin1String("spec")).toObject().value(QLatin1String("containers")).toArray())
        names << c.toObject().value(QLatin1String("name")).toString();
    if (all)
        *all = names;
    const QString annotated = pod.value(QLatin1String("metadata"))
                                  .toObject()
                                  .value(QLatin1String("annotations"))
                                  .toObject()
                                  .value(QLatin1String("kubectl.kubernetes.io/default-container"))
                                  .toString();
    if (!annotated.isEmpty() && names.contains(annotated))
        return annotated;
    return names.value(0);
}

void PodExec::start(const Spec &spec)
{
    m_spec = spec;
    QUrlQuery query;
    for (const QString &arg : spec.command)
        query.addQueryItem(QStringLiteral("command"),
                           QString::fromUtf8(QUrl::toPercentEncoding(arg)));
    if (!spec.container.isEmpty())
        query.addQueryItem(QStringLiteral("container"), spec.container);
    query.addQueryItem(QStringLiteral("stdin"),
                       spec.stdinOpen ? QStringLiteral("true") : QStringLiteral("false"));
    query.addQueryItem(QStringLiteral("stdout"), QStringLiteral("true"));
    query.addQueryItem(QStringLiteral("stderr"),
                       spec.tty ? QStringLiteral("false") : QStringLiteral("true"));
    query.addQueryItem(QStringLiteral("tty"),
                       spec.tty ? QStringLiteral("true") : QStringLiteral("false"));
    m_path = QStringLiteral("/api/v1/namespaces/%1/pods/%2/exec?%3")
                 .arg(spec.ns, spec.pod, query.toString(QUrl::FullyEncoded));
    const auto http = m_client->upgradeRequest(m_path);
    if (!http.ok())
        return fail(http.error().message());
    const auto endpoint = StreamEndpoint::from(*http);
    if (!endpoint.ok())
        return fail(endpoint.error().message());

    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setProxy(endpoint->proxy);
    if (endpoint->secure)
        m_socket->setSslConfiguration(endpoint->ssl);
    connect(m_socket, &QWebSocket::connected, this, [this] {
        m_connected = true;
        const QString p = m_socket->subprotocol();
        m_version = p.startsWith(QLatin1String("v5.")) ? 5
            : p.startsWith(QLatin1String("v4."))       ? 4
                                                       : 1;
        emit opened();
        if (!m_pendingInput.isEmpty())
            send(Stdin, std::exchange(m_pendingInput, {}));
        if (m_size.first > 0)
            resize(m_size.first, m_size.second);
        if (m_inputClosed)
            closeInput();
    });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &PodExec::onMessage);
    connect(m_socket, &QWebSocket::disconnected, this, &PodExec::onDisconnected);
    QWebSocketHandshakeOptions options;
    options.setSubprotocols(
        {QStringLiteral("v5.channel.k8s.io"), QStringLiteral("v4.channel.k8s.io")});
    m_socket->open(endpoint->request, options);
    QTimer::singleShot(StreamEndpoint::kHandshakeTimeoutMs, m_socket, [this] {
        if (m_connected || m_done)
            return;
        fail(tr("The API server at %1 did not answer the exec request within %2 s: check that "
                "it is up and reachable, or that no proxy holds the connection.")
                 .arg(m_socket->requestUrl().host())
                 .arg(StreamEndpoint::kHandshakeTimeoutMs / 1000));
        m_socket->abort();
    });
}

void PodExec::send(int channel, const QByteArray &data)
{
    if (m_socket && m_connected && !m_done)
        m_socket->sendBinaryMessage(char(channel) + data);
}

void PodExec::writeInput(const QByteArray &data)
{
    if (!m_spec.stdinOpen || m_inputClosed)
        return;
    if (!m_connected)
        m_pendingInput += data;
    else
        send(Stdin, data);
}

void PodExec::closeInput()
{
    m_inputClosed = true;
    if (m_connected && m_version >= 5)
        send(Close, QByteArray(1, char(Stdin)));
}

void PodExec::resize(int columns, int rows)
{
    m_size = {columns, rows};
    if (!m_spec.tty || !m_connected)
        return;
    send(Resize,
         QJsonDocument(
             QJsonObject {{QStringLiteral("Width"), columns}, {QStringLiteral("Height"), rows}})
             .toJson(QJsonDocument::Compact));
}

void PodExec::cancel()
{
    if (m_socket)
        m_socket->close();
}

void PodExec::onMessage(const QByteArray &message)
{
    if (message.isEmpty())
        return;
    const int channel = uchar(message.at(0));
    const QByteArray data = message.mid(1);
    if (channel == Stdout || channel == Stderr) {
        if (!data.isEmpty())
            emit output(channel, data);
    } else if (channel == ErrorChannel) {
        m_statusSeen = true;
        m_exitCode = exitCodeOf(data, &m_statusMessage);
    }
}

void PodExec::onDisconnected()
{
    if (m_done)
        return;
    if (!m_connected)
        return fail(StreamEndpoint::refusal(*m_client, m_path, m_socket->errorString(),
                                            tr("run a command in pod %1").arg(m_spec.pod)));
    m_done = true;
    if (!m_statusSeen)
        emit finished(-1,
                      tr("The connection to the cluster closed before the command ended "
                         "(the pod may have been deleted, or the network dropped)."));
    else
        emit finished(m_exitCode, m_statusMessage);
    m_socket->deleteLater();
}

void PodExec::fail(const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    emit finished(-1, message);
    if (m_socket)
        m_socket->deleteLater();
}

} // namespace Meshdeck::Kube
