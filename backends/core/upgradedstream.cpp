#include "upgradedstream.h"

#include "curltransfer.h"
#include "tlsmaterialcache.h"

#include <meshdeck_version.h>

#include <QDeadlineTimer>

#include <poll.h>

namespace Meshdeck {

namespace {

constexpr qsizetype kMaxHead = 64 * 1024;
constexpr qsizetype kMaxBody = 64 * 1024;

} // namespace

UpgradedStream::~UpgradedStream() = default; // the transfer's cleanup closes the connection

Result<std::unique_ptr<UpgradedStream>>
UpgradedStream::open(const HttpRequest &request, std::chrono::milliseconds answerTimeout,
                     const CancelToken &cancel)
{
    std::unique_ptr<UpgradedStream> s(new UpgradedStream);
    s->m_transfer = std::make_unique<CurlTransfer>(request, cancel, HttpTransport::BodyHandler {});
    if (const VoidResult prepared = s->m_transfer->prepare(); !prepared.ok())
        return Unexpected(prepared.error());
    CURL *h = s->m_transfer->handle();
    // Only the connection: TLS (ALPN http/1.1, an upgrade is HTTP/1.1's), through a proxy by
    // CONNECT. The request is ours to write.
    curl_easy_setopt(h, CURLOPT_CONNECT_ONLY, 1L);
    curl_easy_setopt(h, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_1_1));
    curl_easy_setopt(h, CURLOPT_HTTPPROXYTUNNEL, 1L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, long(request.connectTimeout.count()));
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, 0L);
    // The credentials parsed once for every stream, not once per connection.
    const auto material = TlsMaterialCache::install(h, request.tls, &s->m_resumed);
    if (const CURLcode code = curl_easy_perform(h); code != CURLE_OK) {
        auto failed = s->m_transfer->finish(code, cancel.isCancelled());
        return Unexpected(failed.ok() ? Error(ErrorCode::Unknown, tr("The connection failed."))
                                      : failed.error());
    }
    curl_socket_t fd = CURL_SOCKET_BAD;
    curl_easy_getinfo(h, CURLINFO_ACTIVESOCKET, &fd);
    s->m_socket = int(fd);
    const QUrl &url = request.url;
    // "host:port" as the Host header has it (brackets for IPv6, no user info).
    const QByteArray authority
        = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveUserInfo | QUrl::RemovePath
                        | QUrl::RemoveQuery | QUrl::RemoveFragment)
              .mid(2);
    s->m_where = QString::fromUtf8(authority);

    QByteArray target
        = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    if (!target.startsWith('/'))
        target.prepend('/');
    QByteArray head = request.method.toUpper() + ' ' + target + " HTTP/1.1\r\n";
    bool hasHost = false;
    bool hasAgent = false;
    for (const HttpHeader &h : request.headers) {
        hasHost = hasHost || h.first.compare("host", Qt::CaseInsensitive) == 0;
        hasAgent = hasAgent || h.first.compare("user-agent", Qt::CaseInsensitive) == 0;
        head += h.first + ": " + h.second + "\r\n";
    }
    if (!hasHost)
        head += "Host: " + authority + "\r\n";
    if (!hasAgent)
        head += "User-Agent: meshdeck/" MESHDECK_VERSION "\r\n";
    if (!request.body.isEmpty())
        head += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n";
    head += "\r\n" + request.body;

    const QDeadlineTimer deadline(answerTimeout);
    if (const VoidResult sent = s->sendAll(head, deadline, cancel); !sent.ok())
        return Unexpected(sent.error());
    if (const VoidResult answered = s->readHead(deadline, cancel); !answered.ok())
        return Unexpected(answered.error());
    if (s->m_response.status != 101)
        s->readBody(deadline);
    return s;
}

bool UpgradedStream::waitFor(short events, const QDeadlineTimer &deadline)
{
    const qint64 left = deadline.remainingTime();
    if (left == 0)
        return false;
    pollfd p {m_socket, events, 0};
    // In slices, so that a cancellation is seen within 50 ms.
    return ::poll(&p, 1, int(std::min<qint64>(left < 0 ? 50 : left, 50))) >= 0;
}

VoidResult UpgradedStream::sendAll(const QByteArray &data, const QDeadlineTimer &deadline,
                                   const CancelToken &cancel)
{
    qsizetype sent = 0;
    while (sent < data.size()) {
        if (cancel.isCancelled())
            return Unexpected(Error(ErrorCode::Cancelled, tr("The request was cancelled.")));
        const qsizetype n = write(data.constData() + sent, data.size() - sent);
        if (n == Failed)
            return Unexpected(Error(ErrorCode::ConnectionReset, m_error));
        sent += n;
        if (n == 0 && !waitFor(POLLOUT, deadline))
            return Unexpected(Error(ErrorCode::Timeout,
                                    tr("%1 did not take the request in time.").arg(m_where), {},
                                    true));
    }
    return {};
}

VoidResult UpgradedStream::readHead(const QDeadlineTimer &deadline, const CancelToken &cancel)
{
    QByteArray buffer;
    char chunk[16 * 1024];
    qsizetype end = -1;
    while ((end = buffer.indexOf("\r\n\r\n")) < 0) {
        if (cancel.isCancelled())
            return Unexpected(Error(ErrorCode::Cancelled, tr("The request was cancelled.")));
        if (buffer.size() > kMaxHead)
            return Unexpected(Error(ErrorCode::ProtocolError,
                                    tr("%1 answered with a head over 64 KiB: it does not speak "
                                       "HTTP as expected.")
                                        .arg(m_where)));
        const qsizetype n = read(chunk, sizeof chunk);
        if (n == Failed)
            return Unexpected(Error(ErrorCode::ConnectionReset, m_error, {}, true));
        if (n == 0)
            return Unexpected(
                Error(ErrorCode::ConnectionReset,
                      tr("%1 closed the connection without answering the request.").arg(m_where),
                      {}, true));
        if (n > 0) {
            buffer.append(chunk, n);
            continue;
        }
        if (deadline.hasExpired())
            return Unexpected(Error(ErrorCode::Timeout,
                                    tr("%1 did not answer the request in time.").arg(m_where), {},
                                    true));
        waitFor(POLLIN, deadline);
    }
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    const QList<QByteArray> status = lines.first().trimmed().split(' ');
    bool ok = false;
    if (status.size() >= 2 && status.first().startsWith("HTTP/")) {
        m_response.httpVersion = status.first().mid(5);
        m_response.status = status.at(1).toInt(&ok);
    }
    if (!ok)
        return Unexpected(Error(ErrorCode::ProtocolError,
                                tr("%1 did not answer in HTTP (\"%2\").")
                                    .arg(m_where, QString::fromLatin1(lines.first().left(80)))));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            m_response.headers.append(
                {lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
    }
    m_early = buffer.mid(end + 4);
    return {};
}

void UpgradedStream::readBody(const QDeadlineTimer &deadline)
{
    // Only a body of known length (an API server's Status has one); anything else is left unread
    // and the caller learns the reason another way.
    bool known = false;
    const qint64 length = m_response.header("Content-Length").toLongLong(&known);
    if (!known || length > kMaxBody)
        return;
    QByteArray body = std::exchange(m_early, {});
    char chunk[16 * 1024];
    while (body.size() < length && !deadline.hasExpired()) {
        const qsizetype n = read(chunk, sizeof chunk);
        if (n == 0 || n == Failed)
            break;
        if (n > 0)
            body.append(chunk, n);
        else
            waitFor(POLLIN, deadline);
    }
    m_response.body = body.left(length);
}

qsizetype UpgradedStream::read(char *buffer, qsizetype size)
{
    if (m_earlyAt < m_early.size()) {
        const qsizetype n = std::min(size, m_early.size() - m_earlyAt);
        std::memcpy(buffer, m_early.constData() + m_earlyAt, size_t(n));
        m_earlyAt += n;
        if (m_earlyAt == m_early.size()) {
            m_early.clear();
            m_earlyAt = 0;
        }
        return n;
    }
    size_t n = 0;
    const CURLcode code = curl_easy_recv(m_transfer->handle(), buffer, size_t(size), &n);
    if (code == CURLE_OK)
        return qsizetype(n);
    if (code == CURLE_AGAIN)
        return WouldBlock;
    m_error = tr("The connection to %1 broke: %2.")
                  .arg(m_where, QString::fromUtf8(curl_easy_strerror(code)));
    return Failed;
}

qsizetype UpgradedStream::write(const char *data, qsizetype size)
{
    size_t n = 0;
    const CURLcode code = curl_easy_send(m_transfer->handle(), data, size_t(size), &n);
    if (code == CURLE_OK)
        return qsizetype(n);
    if (code == CURLE_AGAIN)
        return 0;
    m_error = tr("The connection to %1 broke: %2.")
                  .arg(m_where, QString::fromUtf8(curl_easy_strerror(code)));
    return Failed;
}

} // namespace Meshdeck
