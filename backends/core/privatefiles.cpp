#include "privatefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Meshdeck::PrivateFiles {

bool ensureFolder(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!QFileInfo(absolute).isDir() && !QDir().mkpath(absolute))
        return false;
    const QByteArray native = QFile::encodeName(absolute);
    struct stat st
    {
    };
    if (::stat(native.constData(), &st) != 0)
        return false;
    // Only a folder of our own can be narrowed; a shared one (another user's) is left alone.
    if (st.st_uid == ::geteuid() && (st.st_mode & 077) != 0)
        ::chmod(native.constData(), st.st_mode & ~mode_t(077));
    return true;
}

bool ensureFile(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    struct stat st
    {
    };
    const bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)
        && ((st.st_mode & 077) == 0 || ::fchmod(fd, st.st_mode & ~mode_t(077)) == 0);
    ::close(fd);
    return ok;
}

void restrict(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat st
    {
    };
    if (::stat(native.constData(), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 077) != 0)
        ::chmod(native.constData(), st.st_mode & ~mode_t(077));
}

} // namespace Meshdeck::PrivateFiles
