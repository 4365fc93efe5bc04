#include "meshnames.h"

#include <QRegularExpression>

namespace Meshdeck::Kube {

QString qualifiedServiceHost(const QString &host, const QString &ns)
{
    const QString h = host.toLower();
    if (h.isEmpty() || h.contains(QLatin1Char('*')))
        return h;
    const qsizetype dots = h.count(QLatin1Char('.'));
    if (dots == 0)
        return h + QLatin1Char('.') + ns + QStringLiteral(".svc.cluster.local");
    if (dots == 1) // name.namespace
        return h + QStringLiteral(".svc.cluster.local");
    if (dots == 2 && h.endsWith(QLatin1String(".svc")))
        return h + QStringLiteral(".cluster.local");
    return h;
}

double meshDurationMs(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+(?:\\.\\d+)?)(ms|s|m|h)$"));
    const QRegularExpressionMatch m = pattern.match(text.trimmed());
    if (!m.hasMatch())
        return -1;
    const double v = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    if (unit == QLatin1String("ms"))
        return v;
    if (unit == QLatin1String("s"))
        return v * 1000;
    if (unit == QLatin1String("m"))
        return v * 60000;
    return v * 3600000;
}

} // namespace Meshdeck::Kube
