#include "podexec.h"

#include "channelsocket.h"
#include "kubeclient.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace Meshdeck::Kube {

namespace {

enum Channel { Stdin = 0, Stdout = 1, Stderr = 2, ErrorChannel = 3, Resize = 4, Close = 255 };

} // namespace

PodExec::PodExec(std::shared_ptr<KubeClient> client, QObject *parent)
    : QObject(parent)
    , m_client(std::move(client))
    , m_wake(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC))
{
}

PodExec::~PodExec()
{
    {
        std::lock_guard lock(m_mutex);
        m_abort = true;
    }
    m_cancel.cancel();
    wake();
    if (m_worker.joinable())
        m_worker.join();
    ::close(m_wake);
}

void PodExec::wake()
{
    const uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(m_wake, &one, sizeof one);
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
    const QString path = QStringLiteral("/api/v1/namespaces/%1/pods/%2/exec?%3")
                             .arg(spec.ns, spec.pod, query.toString(QUrl::FullyEncoded));
    const QString what = tr("run a command in pod %1").arg(spec.pod);
    m_worker = std::thread([this, path, what] { run(path, what); });
}

void PodExec::run(const QString &path, const QString &what)
{
    ::pthread_setname_np(::pthread_self(), "pod-exec");
    // Events for the owner, in order, on its thread; none once it is going.
    const auto post = [this](auto event) {
        QMetaObject::invokeMethod(this, [this, event] {
            if (!m_done)
                event();
        });
    };
    const auto finish = [this, post](int code, const QString &message) {
        post([this, code, message] {
            m_done = true;
            emit finished(code, message);
        });
    };
    auto socket = ChannelSocket::open(
        *m_client, path, {QStringLiteral("v5.channel.k8s.io"), QStringLiteral("v4.channel.k8s.io")},
        what, m_cancel);
    if (!socket.ok())
        return finish(-1, socket.error().message());
    ChannelSocket &ws = **socket;
    const int version = ws.protocol().startsWith("v5.") ? 5
        : ws.protocol().startsWith("v4.")               ? 4
                                                        : 1;
    post([this] { emit opened(); });

    QByteArray out[3];
    QByteArray status;
    bool statusSeen = false;
    ws.onData = [&](int channel, const char *data, size_t size) {
        if (channel == Stdout || channel == Stderr) {
            out[channel].append(data, qsizetype(size));
        } else if (channel == ErrorChannel) {
            status.append(data, qsizetype(size));
            statusSeen = true;
        }
        return true;
    };
    bool inputClosed = false;
    QDeadlineTimer closing = QDeadlineTimer::Forever; // the server has this long after a cancel
    for (;;) {
        QByteArray input;
        QList<QPair<int, QByteArray>> controls;
        bool closeInput = false;
        bool cancel = false;
        {
            std::lock_guard lock(m_mutex);
            if (m_abort)
                return;
            input = std::exchange(m_input, {});
            controls = std::exchange(m_controls, {});
            closeInput = m_inputClosed && !inputClosed;
            cancel = m_cancelRequested;
        }
        if (!input.isEmpty())
            ws.send(Stdin, input.constData(), size_t(input.size()));
        for (const auto &[channel, message] : std::as_const(controls))
            ws.send(channel, message.constData(), size_t(message.size()));
        if (closeInput) {
            inputClosed = true;
            if (version >= 5) // the command reads end-of-file
                ws.send(Close, "\0", 1);
        }
        if (cancel && closing.isForever()) {
            ws.close();
            closing = QDeadlineTimer(5000);
        }
        const bool live = ws.pump(true);
        for (int fd : {int(Stdout), int(Stderr)})
            if (!out[fd].isEmpty())
                post([this, fd, data = std::exchange(out[fd], {})] { emit output(fd, data); });
        if (!live || closing.hasExpired())
            break;
        pollfd fds[2] = {{ws.socket(), short(POLLIN | (ws.wantsWrite() ? POLLOUT : 0)), 0},
                         {m_wake, POLLIN, 0}};
        const int ready = ::poll(fds, 2,
                                 closing.isForever() ? ChannelSocket::kPingIntervalMs
                                                     : int(closing.remainingTime()));
        if (ready == 0 && closing.isForever())
            ws.ping(); // an idle shell stays connected through proxies and load balancers
        if (fds[1].revents) {
            uint64_t count = 0;
            [[maybe_unused]] const ssize_t n = ::read(m_wake, &count, sizeof count);
        }
    }
    if (statusSeen) {
        QString message;
        const int code = exitCodeOf(status, &message);
        return finish(code, message);
    }
    finish(-1,
           ws.errorString().isEmpty()
               ? tr("The connection to the cluster closed before the command ended (the pod "
                    "may have been deleted, or the network dropped).")
               : tr("The connection to the cluster broke before the command ended: %1")
                     .arg(ws.errorString()));
}

void PodExec::writeInput(const QByteArray &data)
{
    if (!m_spec.stdinOpen)
        return;
    {
        std::lock_guard lock(m_mutex);
        if (m_inputClosed)
            return;
        m_input += data;
    }
    wake();
}

void PodExec::closeInput()
{
    {
        std::lock_guard lock(m_mutex);
        m_inputClosed = true;
    }
    wake();
}

void PodExec::resize(int columns, int rows)
{
    if (!m_spec.tty || columns <= 0 || rows <= 0)
        return;
    const QByteArray size = QJsonDocument(QJsonObject {{QStringLiteral("Width"), columns},
                                                       {QStringLiteral("Height"), rows}})
                                .toJson(QJsonDocument::Compact);
    {
        std::lock_guard lock(m_mutex);
        m_controls.removeIf([](const QPair<int, QByteArray> &c) { return c.first == Resize; });
        m_controls.append({Resize, size});
    }
    wake();
}

void PodExec::cancel()
{
    {
        std::lock_guard lock(m_mutex);
        m_cancelRequested = true;
    }
    m_cancel.cancel(); // a handshake still waiting ends
    wake();
}

} // namespace Meshdeck::Kube
