#include "filewriter.h"

#include <QBuffer>
#include <QPointer>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

namespace Meshdeck {

FileWriter::FileWriter(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("meshdeck-files"));
}

FileWriter::~FileWriter()
{
    m_pool.waitForDone();
}

VoidResult FileWriter::writeNow(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Unexpected(
            Error(ErrorCode::IoError, tr("Cannot write %1: %2").arg(path, file.errorString())));
    return {};
}

void FileWriter::report(const QPointer<FileWriter> &self, const QString &title, const QString &path,
                        const VoidResult &outcome)
{
    // From the worker: the signal leaves on the writer's thread (dropped when it is gone).
    const QString problem = outcome ? QString() : outcome.error().message();
    QMetaObject::invokeMethod(
        self.data(),
        [self, title, problem, path] {
            if (self)
                Q_EMIT self->written(title, problem, path);
        },
        Qt::QueuedConnection);
}

void FileWriter::write(const QString &title, const QString &path, const QByteArray &bytes)
{
    QPointer<FileWriter> self(this);
    (void)QtConcurrent::run(&m_pool, [self, title, path, bytes] {
        const VoidResult r = writeNow(path, bytes);
        report(self, title, path, r);
    });
}

void FileWriter::writeImage(const QString &title, const QString &path, const QImage &image)
{
    QPointer<FileWriter> self(this);
    (void)QtConcurrent::run(&m_pool, [self, title, path, image] {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        VoidResult r;
        if (image.isNull() || !image.save(&buffer, "PNG"))
            r = Unexpected(Error(ErrorCode::InvalidArgument,
                                 tr("Cannot write %1: there is no picture to save.").arg(path)));
        else
            r = writeNow(path, bytes);
        report(self, title, path, r);
    });
}

} // namespace Meshdeck
