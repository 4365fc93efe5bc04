#include "boundedfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Meshdeck {

namespace {
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::BoundedFile)
};
} // namespace

QString byteLimitText(qint64 bytes)
{
    if (bytes >= 1024LL * 1024 * 1024 && bytes % (1024LL * 1024 * 1024) == 0)
        return QStringLiteral("%1 GiB").arg(bytes / (1024LL * 1024 * 1024));
    if (bytes >= 1024LL * 1024 && bytes % (1024LL * 1024) == 0)
        return QStringLiteral("%1 MiB").arg(bytes / (1024LL * 1024));
    if (bytes >= 1024 && bytes % 1024 == 0)
        return QStringLiteral("%1 KiB").arg(bytes / 1024);
    return QStringLiteral("%1 bytes").arg(bytes);
}

Result<QByteArray> readBoundedFile(const QString &path, qint64 maxBytes)
{
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists())
        return Unexpected(Error(ErrorCode::NotFound, Tr::tr("%1 does not exist.").arg(shown)));
    if (info.isDir())
        return Unexpected(
            Error(ErrorCode::InvalidArgument, Tr::tr("%1 is a folder, not a file.").arg(shown)));
    // QFileInfo follows symbolic links: this is what the link points at.
    if (!info.isFile())
        return Unexpected(Error(ErrorCode::InvalidArgument,
                                Tr::tr("%1 is not a regular file (a device, a pipe or a socket); "
                                       "give the path of a file.")
                                    .arg(shown)));
    if (info.size() > maxBytes)
        return Unexpected(
            Error(ErrorCode::TooLarge,
                  Tr::tr("%1 is %2, more than the %3 Meshdeck reads from such a file.")
                      .arg(shown, byteLimitText(info.size()), byteLimitText(maxBytes))));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Unexpected(Error(ErrorCode::IoError,
                                Tr::tr("%1 cannot be read: %2.").arg(shown, file.errorString())));
    // The file may grow between the check and the read: never read past the limit.
    QByteArray bytes = file.read(maxBytes + 1);
    if (bytes.size() > maxBytes)
        return Unexpected(Error(ErrorCode::TooLarge,
                                Tr::tr("%1 is larger than the %2 Meshdeck reads from such a file.")
                                    .arg(shown, byteLimitText(maxBytes))));
    return bytes;
}

} // namespace Meshdeck
