#pragma once

// Non-blocking socket reads and writes for the demo's event loops (edge-triggered).

#include <cerrno>
#include <string>
#include <string_view>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Meshdeck::Demo {

// Reads everything the socket has into `sink` (edge-triggered: until EAGAIN). False when the
// peer closed or the socket failed.
template<typename Sink> inline bool drain(int fd, Sink &&sink)
{
    thread_local char buffer[64 * 1024];
    for (;;) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            if (!sink(buffer, static_cast<std::size_t>(n)))
                return false;
            if (static_cast<std::size_t>(n) < sizeof buffer)
                return true; // the next read would only say EAGAIN
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return true;
        return false;
    }
}

// Writes what it can; keeps the rest in `pending`. False when the socket failed.
inline bool push(int fd, std::string &pending, std::string_view data)
{
    if (!pending.empty()) {
        pending.append(data);
        data = {};
    }
    std::string_view out = pending.empty() ? data : std::string_view(pending);
    std::size_t sent = 0;
    while (sent < out.size()) {
        const ssize_t n = ::send(fd, out.data() + sent, out.size() - sent, MSG_NOSIGNAL);
        if (n > 0) {
            sent += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        return false;
    }
    if (pending.empty())
        pending.assign(out.substr(sent));
    else
        pending.erase(0, sent);
    return true;
}

// A non-blocking connection to 127.0.0.1:port, Nagle off, being made (or made); -1 on failure.
inline int connectLoopback(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0
        && errno != EINPROGRESS) {
        ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace Meshdeck::Demo
