#include "forwardtunnel.h"

#include "channelsocket.h"
#include "kubeclient.h"

#include <QDeadlineTimer>

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

namespace Meshdeck::Kube {

namespace {

// Beyond this many bytes waiting for the other side, a side is not read from.
constexpr qsizetype kHigh = 1024 * 1024;
constexpr size_t kReadSize = 256 * 1024;

} // namespace

ForwardTunnel::ForwardTunnel(int localFd, std::shared_ptr<KubeClient> client, Router router,
                             std::shared_ptr<Counters> counters)
    : m_local(localFd)
    , m_wake(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC))
    , m_client(std::move(client))
    , m_router(std::move(router))
    , m_counters(std::move(counters))
{
}

void ForwardTunnel::start(Events events)
{
    m_events = std::move(events);
    m_thread = std::thread([this] { run(); });
}

ForwardTunnel::~ForwardTunnel()
{
    m_cancel.cancel();
    const uint64_t one = 1;
    [[maybe_unused]] const ssize_t w = ::write(m_wake, &one, sizeof one);
    if (m_thread.joinable())
        m_thread.join();
    else
        ::close(m_local);
    ::close(m_wake);
}

void ForwardTunnel::run()
{
    ::pthread_setname_np(::pthread_self(), kThreadName); // "top -H" shows what it is
    // The route kept from earlier connections first (no lookup on the way); a refusal (the pod
    // went or was replaced) looks again, once, and tries a pod that differs.
    std::unique_ptr<ChannelSocket> socket;
    QString error;
    QString pod;
    for (int attempt = 0; attempt < 2 && !socket && !m_cancel.isCancelled(); ++attempt) {
        const Result<Route> route = m_router(pod, m_cancel);
        if (!route.ok()) {
            error = route.error().message();
            break;
        }
        if (attempt > 0 && route->pod == pod)
            break; // the same pod: its refusal stands
        pod = route->pod;
        m_what = route->what;
        auto opened = ChannelSocket::open(*m_client, route->path,
                                          {QStringLiteral("v4.channel.k8s.io")}, m_what, m_cancel);
        if (opened.ok())
            socket = std::move(*opened);
        else
            error = opened.error().message();
    }
    if (m_cancel.isCancelled()) {
        error.clear();
    } else if (socket) {
        if (m_events.opened)
            m_events.opened(pod);
        error = pumpUntilDone(*socket);
    }
    ::close(m_local);
    m_local = -1;
    if (m_events.finished)
        m_events.finished(error);
}

QString ForwardTunnel::pumpUntilDone(ChannelSocket &ws)
{
    ::fcntl(m_local, F_SETFL, ::fcntl(m_local, F_GETFL) | O_NONBLOCK);
    const int on = 1; // a response's last small piece must not wait for the client's ACK
    ::setsockopt(m_local, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    QByteArray toLocal; // from the pod, not yet taken by the local socket
    qsizetype toLocalAt = 0;
    int prefix[2] = {2, 2}; // each channel opens with the port number
    QByteArray errorText;
    bool localOpen = true; // the local side still reads and writes
    bool localReading = true;
    const auto pending = [&] {
        return toLocal.size() - toLocalAt;
    };
    ws.onData = [&](int channel, const char *data, size_t size) {
        if (channel != 0 && channel != 1)
            return true;
        const size_t skip = std::min<size_t>(size_t(prefix[channel]), size);
        prefix[channel] -= int(skip);
        data += skip;
        size -= skip;
        if (size == 0)
            return true;
        if (channel == 1) {
            errorText.append(data, qsizetype(size));
            return true;
        }
        m_counters->fromPod += qint64(size);
        if (!localOpen)
            return true;
        // Gathered, and written once the connection has nothing more: wslay hands over pieces
        // of at most 4 KiB, a system call each would cost more than the copy.
        if (pending() == 0) {
            toLocal.resize(0);
            toLocalAt = 0;
        }
        toLocal.append(data, qsizetype(size));
        return pending() < kHigh;
    };
    const auto writeLocal = [&] {
        if (!localOpen || pending() == 0)
            return;
        const ssize_t n = ::send(m_local, toLocal.constData() + toLocalAt, size_t(pending()),
                                 MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0)
            toLocalAt += n;
        else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
            localOpen = false;
    };

    std::vector<char> buffer(kReadSize);
    QDeadlineTimer closing = QDeadlineTimer::Forever; // the server has this long to answer a close
    const auto close = [&] {
        localReading = false;
        ws.close();
        closing = QDeadlineTimer(5000);
    };
    for (;;) {
        const bool live = ws.pump(pending() < kHigh);
        writeLocal();
        if (!live || closing.hasExpired())
            break;
        pollfd fds[3] = {{m_local, 0, 0}, {ws.socket(), 0, 0}, {m_wake, POLLIN, 0}};
        if (localOpen && localReading && ws.queuedBytes() < size_t(kHigh))
            fds[0].events |= POLLIN;
        if (localOpen && pending() > 0)
            fds[0].events |= POLLOUT;
        if (ws.wantsRead() && pending() < kHigh)
            fds[1].events |= POLLIN;
        if (ws.wantsWrite())
            fds[1].events |= POLLOUT;
        const bool resume = ws.readPaused() && pending() < kHigh; // TLS may hold the rest
        const int ready = ::poll(
            fds, 3,
            resume ? 0
                : closing.isForever()
                ? ChannelSocket::kPingIntervalMs
                : int(std::min<qint64>(ChannelSocket::kPingIntervalMs, closing.remainingTime())));
        if (ready < 0 && errno != EINTR)
            return tr("Cannot %1: %2").arg(m_what, QString::fromLocal8Bit(strerror(errno)));
        if (ready == 0 && resume)
            continue;
        if (ready == 0) {
            if (closing.isForever())
                ws.ping();
            continue;
        }
        if (fds[2].revents)
            return {}; // stopped
        if (fds[0].revents & POLLOUT)
            writeLocal();
        if (localOpen && localReading && (fds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
            const ssize_t n = ::recv(m_local, buffer.data(), buffer.size(), MSG_DONTWAIT);
            if (n > 0) {
                m_counters->toPod += n;
                ws.send(0, buffer.data(), size_t(n));
            } else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
                close(); // the local client is done: so is the stream
            }
        }
        if (!localOpen && localReading)
            close();
    }
    // What the pod sent before the end still reaches the local client, within a bound.
    const QDeadlineTimer limit(5000);
    while (localOpen && pending() > 0 && !limit.hasExpired()) {
        pollfd p {m_local, POLLOUT, 0};
        if (::poll(&p, 1, 100) < 0)
            break;
        writeLocal();
    }
    if (!ws.errorString().isEmpty())
        return tr("Cannot %1: %2").arg(m_what, ws.errorString());
    return QString::fromUtf8(errorText).trimmed();
}

} // namespace Meshdeck::Kube
