#pragma once

#include "canceltoken.h"
#include "httptypes.h"
#include "result.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

#include <chrono>
#include <memory>

namespace Meshdeck {

class CurlTransfer;

// An HTTP/1.1 request that asks to switch protocols (Upgrade), and the raw bytes after the
// server's answer. The connection is libcurl's, opened exactly as an HttpRequest would be (TLS
// verification, CA, client certificate, server name, proxy with CONNECT), so a stream trusts and
// presents what every other request does. For a worker thread: open() blocks; afterwards the
// stream is non-blocking and socket() is for poll().
class UpgradedStream
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::UpgradedStream)

public:
    ~UpgradedStream();
    UpgradedStream(const UpgradedStream &) = delete;
    UpgradedStream &operator=(const UpgradedStream &) = delete;

    // Connects, sends the request (its headers plus Host and User-Agent) and reads the answer's
    // head within `answerTimeout`. Any status is a stream: a caller that wanted 101 and got
    // something else finds the status and the body (when its length is given, up to 64 KiB) in
    // response().
    static Result<std::unique_ptr<UpgradedStream>> open(const HttpRequest &request,
                                                        std::chrono::milliseconds answerTimeout,
                                                        const CancelToken &cancel = {});

    [[nodiscard]] const HttpResponse &response() const { return m_response; }
    [[nodiscard]] int socket() const { return m_socket; }
    // The TLS handshake resumed an earlier connection's session (only ever one made with the
    // same credentials) instead of a full one.
    [[nodiscard]] bool resumedSession() const { return m_resumed; }

    enum : qsizetype { WouldBlock = -1, Failed = -2 };
    // Bytes read (0: the peer closed), WouldBlock or Failed. Call until WouldBlock before
    // polling: TLS may hold decrypted bytes the socket no longer signals.
    qsizetype read(char *buffer, qsizetype size);
    // Bytes written (0: would block) or Failed. After 0, the next call must pass the same
    // pointer and size (TLS retries a record as it was).
    qsizetype write(const char *data, qsizetype size);
    [[nodiscard]] const QString &errorString() const { return m_error; }

private:
    UpgradedStream() = default;
    VoidResult sendAll(const QByteArray &data, const QDeadlineTimer &deadline,
                       const CancelToken &cancel);
    VoidResult readHead(const QDeadlineTimer &deadline, const CancelToken &cancel);
    void readBody(const QDeadlineTimer &deadline);
    bool waitFor(short events, const QDeadlineTimer &deadline);

    std::unique_ptr<CurlTransfer> m_transfer;
    int m_socket = -1;
    bool m_resumed = false;
    HttpResponse m_response;
    QByteArray m_early; // bytes that came with the answer's head, read first
    qsizetype m_earlyAt = 0;
    QString m_error;
    QString m_where;
};

} // namespace Meshdeck
