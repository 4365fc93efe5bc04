#pragma once

#include <core/result.h>

#include <QImage>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>

namespace Meshdeck {

// Writes what a view made (an exported chart, graph, table or report) to a file on its own
// worker thread, so that encoding and the disk never hold up the GUI. Files are replaced whole
// (written beside, then renamed): a failed write leaves nothing half-written. Writes happen in
// the order they were asked; written() follows each on the writer's thread.
class FileWriter : public QObject
{
    Q_OBJECT

public:
    explicit FileWriter(QObject *parent = nullptr);
    ~FileWriter() override; // waits for the writes in progress

    void write(const QString &title, const QString &path, const QByteArray &bytes);
    // Encodes the image as PNG on the worker, then writes it.
    void writeImage(const QString &title, const QString &path, const QImage &image);

    // The blocking write itself, for callers already off the GUI thread.
    [[nodiscard]] static VoidResult writeNow(const QString &path, const QByteArray &bytes);

Q_SIGNALS:
    // `problem` is empty when the file was written.
    void written(const QString &title, const QString &problem, const QString &path);

private:
    static void report(const QPointer<FileWriter> &self, const QString &title, const QString &path,
                       const VoidResult &outcome);

    QThreadPool m_pool;
};

} // namespace Meshdeck
