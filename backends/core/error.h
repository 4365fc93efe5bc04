#pragma once

#include <QMetaType>
#include <QString>

namespace Meshdeck {

// What went wrong, in a form both code and people can act on. Callers branch on code() and
// retryable(); message() is shown to the user and says what failed, why, and what to do next;
// detail() holds the raw technical text (a library's error string, a server's reply) and is shown
// one click away. Neither may carry a credential: run secrets through redactSecrets() first.
enum class ErrorCode {
    Unknown,
    Cancelled,
    InvalidArgument,
    NotFound,
    HostNotFound,
    ConnectionRefused,
    ConnectionReset,
    Timeout,
    TlsFailure,
    ProtocolError,
    HttpError,
    Unauthorized,
    Forbidden,
    Conflict,
    Gone,
    TooLarge,
    IoError,
    ParseError,
    Unsupported,
};

class Error
{
public:
    Error() = default;
    Error(ErrorCode code, QString message, QString detail = {}, bool retryable = false);

    [[nodiscard]] ErrorCode code() const { return m_code; }
    [[nodiscard]] const QString &message() const { return m_message; }
    [[nodiscard]] const QString &detail() const { return m_detail; }
    [[nodiscard]] bool retryable() const { return m_retryable; }
    // The server as a whole cannot be reached or will not talk to us (refused, unknown host,
    // reset, timeout, TLS, rejected credentials), as opposed to one request's own failure.
    [[nodiscard]] bool isConnectionFailure() const;

    // A short stable name for the code ("ConnectionRefused"), for logs and JSON output.
    [[nodiscard]] QString codeName() const;
    // message, then detail in parentheses when there is one; for one-line CLI output.
    [[nodiscard]] QString toString() const;

    // A copy with a context prefix on the message, e.g. withContext("Loading kubeconfig").
    [[nodiscard]] Error withContext(const QString &context) const;

    static QString codeName(ErrorCode code);

private:
    ErrorCode m_code = ErrorCode::Unknown;
    QString m_message;
    QString m_detail;
    bool m_retryable = false;
};

} // namespace Meshdeck

Q_DECLARE_METATYPE(Meshdeck::Error)
