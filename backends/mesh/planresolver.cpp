#include "planresolver.h"

#include <QFileInfo>

namespace Meshdeck::Mesh {

QString commandLine(const QString &program, const QStringList &args)
{
    QStringList quoted;
    for (const QString &a : args)
        quoted << (a.contains(QLatin1Char(' ')) ? QLatin1Char('\'') + a + QLatin1Char('\'') : a);
    return QFileInfo(program).fileName() + QLatin1Char(' ') + quoted.join(QLatin1Char(' '));
}

} // namespace Meshdeck::Mesh
