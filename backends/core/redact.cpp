#include "redact.h"

#include <QRegularExpression>

namespace Meshdeck {

QString redactSecrets(const QString &text)
{
    static const QString mask = QStringLiteral("<redacted>");
    static const QRegularExpression pemKey(QStringLiteral(
        "-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\\s\\S]*?-----END \\1PRIVATE KEY-----"));
    static const QRegularExpression authHeader(
        QStringLiteral("((?:proxy-)?authorization\\s*:\\s*(?:bearer|basic)?\\s*)[^\\s,;\"']+"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression bearer(QStringLiteral("(\\bbearer\\s+)[A-Za-z0-9._~+/=-]+"),
                                           QRegularExpression::CaseInsensitiveOption);
    // key: value, key=value and "key": "value" for the usual secret-bearing keys.
    static const QRegularExpression keyValue(
        QStringLiteral(
            "((?:\"|\\b)(?:token|access[_-]?token|id[_-]?token|refresh[_-]?token|password|"
            "passwd|secret|client[_-]key[_-]data|api[_-]?key)\"?\\s*[:=]\\s*\"?)"
            "[^\\s\"&,;}]+"),
        QRegularExpression::CaseInsensitiveOption);

    QString out = text;
    out.replace(pemKey, mask);
    out.replace(authHeader, QStringLiteral("\\1") + mask);
    out.replace(bearer, QStringLiteral("\\1") + mask);
    out.replace(keyValue, QStringLiteral("\\1") + mask);
    return out;
}

} // namespace Meshdeck
