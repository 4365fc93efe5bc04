#include "error.h"

namespace Meshdeck {

Error::Error(ErrorCode code, QString message, QString detail, bool retryable)
    : m_code(code)
    , m_message(std::move(message))
    , m_detail(std::move(detail))
    , m_retryable(retryable)
{
}

bool Error::isConnectionFailure() const
{
    switch (m_code) {
    case ErrorCode::HostNotFound:
    case ErrorCode::ConnectionRefused:
    case ErrorCode::ConnectionReset:
    case ErrorCode::Timeout:
    case ErrorCode::TlsFailure:
    case ErrorCode::Unauthorized:
        return true;
    default:
        return false;
    }
}

QString Error::codeName() const
{
    return codeName(m_code);
}

QString Error::codeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Unknown:
        return QStringLiteral("Unknown");
    case ErrorCode::Cancelled:
        return QStringLiteral("Cancelled");
    case ErrorCode::InvalidArgument:
        return QStringLiteral("InvalidArgument");
    case ErrorCode::NotFound:
        return QStringLiteral("NotFound");
    case ErrorCode::HostNotFound:
        return QStringLiteral("HostNotFound");
    case ErrorCode::ConnectionRefused:
        return QStringLiteral("ConnectionRefused");
    case ErrorCode::ConnectionReset:
        return QStringLiteral("ConnectionReset");
    case ErrorCode::Timeout:
        return QStringLiteral("Timeout");
    case ErrorCode::TlsFailure:
        return QStringLiteral("TlsFailure");
    case ErrorCode::ProtocolError:
        return QStringLiteral("ProtocolError");
    case ErrorCode::HttpError:
        return QStringLiteral("HttpError");
    case ErrorCode::Unauthorized:
        return QStringLiteral("Unauthorized");
    case ErrorCode::Forbidden:
        return QStringLiteral("Forbidden");
    case ErrorCode::Conflict:
        return QStringLiteral("Conflict");
    case ErrorCode::Gone:
        return QStringLiteral("Gone");
    case ErrorCode::TooLarge:
        return QStringLiteral("TooLarge");
    case ErrorCode::IoError:
        return QStringLiteral("IoError");
    case ErrorCode::ParseError:
        return QStringLiteral("ParseError");
    case ErrorCode::Unsupported:
        return QStringLiteral("Unsupported");
    }
    return QStringLiteral("Unknown");
}

QString Error::toString() const
{
    if (m_detail.isEmpty())
        return m_message;
    return QStringLiteral("%1 (%2)").arg(m_message, m_detail);
}

Error Error::withContext(const QString &context) const
{
    Error copy = *this;
    copy.m_message = QStringLiteral("%1: %2").arg(context, m_message);
    return copy;
}

} // namespace Meshdeck
