#include "upgradedconnection.h"

#include "socketio.h"

#include <httplib.h>
#include <openssl/ssl.h>

#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <utility>

namespace Meshdeck::Demo {

namespace {

int portOf(const sockaddr_storage &a)
{
    if (a.ss_family == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in &>(a).sin_port);
    if (a.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6 &>(a).sin6_port);
    return -1;
}

// Calls `each` with every socket of this process whose local port is `localPort` and which has
// a peer (accepted or connected), with the peer's port; stops when `each` answers true.
template<typename Each> void forEachConnection(int localPort, Each each)
{
    DIR *dir = ::opendir("/proc/self/fd");
    if (!dir)
        return;
    while (dirent *entry = ::readdir(dir)) {
        const int fd = std::atoi(entry->d_name);
        if (fd <= 2 || fd == ::dirfd(dir))
            continue;
        sockaddr_storage local {};
        sockaddr_storage peer {};
        socklen_t n = sizeof local;
        if (::getsockname(fd, reinterpret_cast<sockaddr *>(&local), &n) != 0
            || portOf(local) != localPort)
            continue;
        n = sizeof peer;
        if (::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &n) != 0)
            continue;
        if (each(fd, portOf(peer)))
            break;
    }
    ::closedir(dir);
}

// The accepted socket whose local and peer ports are the request's.
int findSocket(int localPort, int remotePort)
{
    int found = -1;
    forEachConnection(localPort, [&](int fd, int peerPort) {
        if (peerPort != remotePort)
            return false;
        found = fd;
        return true;
    });
    return found;
}

void makeNonBlocking(int fd)
{
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

// A non-blocking read or write of a plain socket: the bytes moved, 0 when it would block
// (*waitsFor says for what), -1 at end of stream or on failure.
template<typename Io> long plainIo(Io io, short event, short *waitsFor)
{
    for (;;) {
        const ssize_t n = io();
        if (n > 0)
            return long(n);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            *waitsFor = event;
            return 0;
        }
        return -1;
    }
}

} // namespace

UpgradedConnection::UpgradedConnection(int fd, SSL *ssl)
    : m_fd(fd)
    , m_ssl(ssl)
{
}

UpgradedConnection::UpgradedConnection(UpgradedConnection &&other) noexcept
    : m_fd(std::exchange(other.m_fd, -1))
    , m_ssl(std::exchange(other.m_ssl, nullptr))
{
}

UpgradedConnection::~UpgradedConnection()
{
    if (m_fd >= 0)
        ::shutdown(m_fd, SHUT_RDWR);
}

void UpgradedConnection::shutDownAccepted(quint16 port)
{
    forEachConnection(port, [](int fd, int) {
        ::shutdown(fd, SHUT_RDWR);
        return false;
    });
}

std::optional<UpgradedConnection> UpgradedConnection::take(const httplib::Request &request)
{
    if (request.ssl) {
        SSL *ssl = const_cast<SSL *>(request.ssl);
        SSL_set_mode(ssl, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
        return UpgradedConnection(SSL_get_fd(ssl), ssl);
    }
    const int fd = findSocket(request.local_port, request.remote_port);
    if (fd < 0)
        return std::nullopt;
    return UpgradedConnection(fd, nullptr);
}

bool UpgradedConnection::writeAll(std::string_view data)
{
    while (!data.empty()) {
        int n;
        if (m_ssl) {
            n = SSL_write(m_ssl, data.data(), int(data.size()));
            if (n <= 0) {
                const int e = SSL_get_error(m_ssl, n);
                if (e != SSL_ERROR_WANT_WRITE && e != SSL_ERROR_WANT_READ)
                    return false;
                pollfd p {m_fd, short(e == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT), 0};
                ::poll(&p, 1, 1000);
                continue;
            }
        } else {
            n = int(::send(m_fd, data.data(), data.size(), MSG_NOSIGNAL));
            if (n < 0) {
                if (errno != EAGAIN && errno != EINTR)
                    return false;
                pollfd p {m_fd, POLLOUT, 0};
                ::poll(&p, 1, 1000);
                continue;
            }
        }
        data.remove_prefix(size_t(n));
    }
    return true;
}

void UpgradedConnection::setNonBlocking()
{
    makeNonBlocking(m_fd);
}

bool UpgradedConnection::hasBuffered() const
{
    return m_ssl && SSL_pending(m_ssl) > 0;
}

long UpgradedConnection::sslResult(int n)
{
    if (n > 0)
        return n;
    const int e = SSL_get_error(m_ssl, n);
    if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE) {
        m_waitsFor = e == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT;
        return 0;
    }
    return -1;
}

long UpgradedConnection::readSome(void *buffer, size_t size)
{
    if (m_ssl)
        return sslResult(SSL_read(m_ssl, buffer, int(std::min<size_t>(size, INT_MAX))));
    return plainIo([&] { return ::recv(m_fd, buffer, size, 0); }, POLLIN, &m_waitsFor);
}

long UpgradedConnection::writeSome(const void *data, size_t size)
{
    if (m_ssl)
        return sslResult(SSL_write(m_ssl, data, int(std::min<size_t>(size, INT_MAX))));
    return plainIo([&] { return ::send(m_fd, data, size, MSG_NOSIGNAL); }, POLLOUT, &m_waitsFor);
}

void UpgradedConnection::relayTo(int port, std::string_view preamble,
                                 const std::atomic_bool &stopping)
{
    const int upstream = connectLoopback(port);
    if (upstream < 0)
        return;
    makeNonBlocking(m_fd);
    makeNonBlocking(upstream);
    std::string toUpstream(preamble);
    std::string toClient;
    constexpr size_t kHigh = 1 << 20; // stop reading a side whose data the other cannot take
    char buffer[64 * 1024];
    bool clientOpen = true;
    bool upstreamOpen = true;
    while ((clientOpen && upstreamOpen) || (!toClient.empty() && clientOpen)
           || (!toUpstream.empty() && upstreamOpen)) {
        if (stopping)
            break;
        // Move what is buffered.
        if (!toUpstream.empty() && upstreamOpen) {
            const ssize_t n = ::send(upstream, toUpstream.data(), toUpstream.size(), MSG_NOSIGNAL);
            if (n > 0)
                toUpstream.erase(0, size_t(n));
            else if (n < 0 && errno != EAGAIN && errno != EINTR)
                upstreamOpen = false;
        }
        if (!toClient.empty() && clientOpen) {
            const long n = writeSome(toClient.data(), toClient.size());
            if (n > 0)
                toClient.erase(0, size_t(n));
            else if (n < 0)
                clientOpen = false;
        }
        // Read what has arrived (TLS may hold decrypted bytes the socket no longer shows).
        bool progressed = false;
        if (clientOpen && toUpstream.size() < kHigh) {
            for (;;) {
                const long n = readSome(buffer, sizeof buffer);
                if (n < 0)
                    clientOpen = false;
                if (n <= 0)
                    break;
                toUpstream.append(buffer, size_t(n));
                progressed = true;
                if (toUpstream.size() >= kHigh)
                    break;
            }
        }
        if (upstreamOpen && toClient.size() < kHigh) {
            for (;;) {
                const ssize_t n = ::recv(upstream, buffer, sizeof buffer, 0);
                if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
                    upstreamOpen = false;
                if (n <= 0)
                    break;
                toClient.append(buffer, size_t(n));
                progressed = true;
                if (toClient.size() >= kHigh)
                    break;
            }
        }
        if (progressed)
            continue;
        pollfd fds[2] = {{m_fd, 0, 0}, {upstream, 0, 0}};
        if (clientOpen) {
            if (toUpstream.size() < kHigh)
                fds[0].events |= POLLIN;
            if (!toClient.empty())
                fds[0].events |= POLLOUT;
        }
        if (upstreamOpen) {
            if (toClient.size() < kHigh)
                fds[1].events |= POLLIN;
            if (!toUpstream.empty())
                fds[1].events |= POLLOUT;
        }
        ::poll(fds, 2, 200);
    }
    ::close(upstream);
}

} // namespace Meshdeck::Demo
