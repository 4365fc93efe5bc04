#include "apierror.h"

namespace Meshdeck::Demo {

namespace {
QString qualified(const QString &group, const QString &plural)
{
    return group.isEmpty() ? plural : plural + QLatin1Char('.') + group;
}
QJsonObject details(const QString &group, const QString &plural, const QString &name)
{
    QJsonObject d {{QStringLiteral("name"), name}, {QStringLiteral("kind"), plural}};
    if (!group.isEmpty())
        d.insert(QStringLiteral("group"), group);
    return d;
}
} // namespace

ApiError ApiError::notFound(const QString &group, const QString &plural, const QString &name)
{
    return ApiError(404, QStringLiteral("NotFound"),
                    QStringLiteral("%1 \"%2\" not found").arg(qualified(group, plural), name))
        .withDetails(details(group, plural, name));
}

ApiError ApiError::alreadyExists(const QString &group, const QString &plural, const QString &name)
{
    return ApiError(409, QStringLiteral("AlreadyExists"),
                    QStringLiteral("%1 \"%2\" already exists").arg(qualified(group, plural), name))
        .withDetails(details(group, plural, name));
}

ApiError ApiError::conflict(const QString &group, const QString &plural, const QString &name,
                            const QString &why)
{
    return ApiError(409, QStringLiteral("Conflict"),
                    QStringLiteral("Operation cannot be fulfilled on %1 \"%2\": %3")
                        .arg(qualified(group, plural), name, why))
        .withDetails(details(group, plural, name));
}

ApiError ApiError::invalid(const QString &kind, const QString &name, const QString &field,
                           const QString &why)
{
    const QString message
        = QStringLiteral("%1 \"%2\" is invalid: %3: %4").arg(kind, name, field, why);
    QJsonObject d {
        {QStringLiteral("name"), name},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("causes"),
         QJsonArray {QJsonObject {{QStringLiteral("reason"), QStringLiteral("FieldValueInvalid")},
                                  {QStringLiteral("message"), why},
                                  {QStringLiteral("field"), field}}}}};
    return ApiError(422, QStringLiteral("Invalid"), message).withDetails(d);
}

ApiError ApiError::badRequest(const QString &message)
{
    return ApiError(400, QStringLiteral("BadRequest"), message);
}

ApiError ApiError::gone(const QString &message)
{
    return ApiError(410, QStringLiteral("Expired"), message);
}

ApiError ApiError::forbidden(const QString &message)
{
    return ApiError(403, QStringLiteral("Forbidden"), message);
}

ApiError ApiError::unauthorized()
{
    return ApiError(401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized"));
}

ApiError ApiError::methodNotAllowed(const QString &message)
{
    return ApiError(405, QStringLiteral("MethodNotAllowed"), message);
}

ApiError ApiError::unsupportedMediaType(const QString &contentType)
{
    return ApiError(415, QStringLiteral("UnsupportedMediaType"),
                    QStringLiteral("the body of the request was in an unknown format - accepted "
                                   "media types include: application/json, application/yaml, "
                                   "application/apply-patch+yaml, application/merge-patch+json, "
                                   "application/json-patch+json, "
                                   "application/strategic-merge-patch+json (got \"%1\")")
                        .arg(contentType));
}

ApiError ApiError::tooLarge(qint64 limit)
{
    return ApiError(413, QStringLiteral("RequestEntityTooLarge"),
                    QStringLiteral("Request entity too large: limit is %1").arg(limit));
}

QJsonObject ApiError::status() const
{
    QJsonObject s {{QStringLiteral("kind"), QStringLiteral("Status")},
                   {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                   {QStringLiteral("metadata"), QJsonObject {}},
                   {QStringLiteral("status"), QStringLiteral("Failure")},
                   {QStringLiteral("message"), m_message},
                   {QStringLiteral("reason"), m_reason},
                   {QStringLiteral("code"), m_code}};
    if (!m_details.isEmpty())
        s.insert(QStringLiteral("details"), m_details);
    return s;
}

} // namespace Meshdeck::Demo
