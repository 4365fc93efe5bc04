#pragma once

#include <QtGlobal>

#include <atomic>
#include <optional>
#include <string>
#include <string_view>

typedef struct ssl_st SSL;

namespace httplib {
struct Request;
}

namespace Meshdeck::Demo {

// The client connection of a request cpp-httplib is handling, taken over after an Upgrade
// (cpp-httplib has no upgrade of its own): found from the request's TLS session or its address
// pair. The handler's thread owns it until the object dies; then it is shut down, so that the
// reply cpp-httplib still writes goes nowhere and the connection closes.
class UpgradedConnection
{
public:
    static std::optional<UpgradedConnection> take(const httplib::Request &request);
    // Shuts down every connection accepted on `port` (a server stopping): a thread waiting on
    // one for its next request wakes at once.
    static void shutDownAccepted(quint16 port);
    UpgradedConnection(UpgradedConnection &&other) noexcept;
    UpgradedConnection &operator=(UpgradedConnection &&) = delete;
    ~UpgradedConnection();

    bool writeAll(std::string_view data);
    // Non-blocking I/O for a loop of the caller's own: bytes moved, 0 when the socket (or TLS)
    // would block, -1 when the peer closed or the connection failed.
    [[nodiscard]] int fd() const { return m_fd; }
    void setNonBlocking();
    long readSome(void *buffer, size_t size);
    long writeSome(const void *data, size_t size);
    // TLS holds decrypted bytes the socket no longer shows (read them before polling).
    [[nodiscard]] bool hasBuffered() const;
    // What the last readSome/writeSome that answered 0 waits for: POLLIN or POLLOUT.
    [[nodiscard]] short waitsFor() const { return m_waitsFor; }
    // Connects to 127.0.0.1:port, sends `preamble` there, then copies bytes both ways until
    // either side closes or `stopping` is set.
    void relayTo(int port, std::string_view preamble, const std::atomic_bool &stopping);

private:
    UpgradedConnection(int fd, SSL *ssl);
    long sslResult(int n);
    int m_fd = -1;
    SSL *m_ssl = nullptr;
    short m_waitsFor = 0;
};

} // namespace Meshdeck::Demo
