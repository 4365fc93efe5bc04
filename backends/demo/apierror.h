#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <exception>

namespace Meshdeck::Demo {

// A Kubernetes API error, thrown inside the demo server's request handling and controllers and
// turned into a Status object at the HTTP boundary. It never leaves the demo library.
class ApiError : public std::exception
{
public:
    ApiError(int code, QString reason, QString message)
        : m_code(code)
        , m_reason(std::move(reason))
        , m_message(std::move(message))
    {
    }

    static ApiError notFound(const QString &group, const QString &plural, const QString &name);
    static ApiError alreadyExists(const QString &group, const QString &plural, const QString &name);
    static ApiError conflict(const QString &group, const QString &plural, const QString &name,
                             const QString &why);
    static ApiError invalid(const QString &kind, const QString &name, const QString &field,
                            const QString &why);
    static ApiError badRequest(const QString &message);
    static ApiError gone(const QString &message);
    static ApiError forbidden(const QString &message);
    static ApiError unauthorized();
    static ApiError methodNotAllowed(const QString &message);
    static ApiError unsupportedMediaType(const QString &contentType);
    static ApiError tooLarge(qint64 limit);

    ApiError &withDetails(const QJsonObject &details)
    {
        m_details = details;
        return *this;
    }

    [[nodiscard]] int code() const { return m_code; }
    [[nodiscard]] const QString &reason() const { return m_reason; }
    [[nodiscard]] const QString &message() const { return m_message; }
    [[nodiscard]] QJsonObject status() const;
    const char *what() const noexcept override { return "Kubernetes API error"; }

private:
    int m_code;
    QString m_reason;
    QString m_message;
    QJsonObject m_details;
};

} // namespace Meshdeck::Demo
