// Files a user names are read whole only when they are regular files within a size limit; the
// rest is refused at once with a sentence (no read of /dev/zero that never ends).
#include <core/boundedfile.h>
#include <core/privatefiles.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/types.h>

using namespace Meshdeck;

static int modeOf(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

class tst_BoundedFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAFile()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("a.yaml")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("kind: Namespace\n");
        f.close();
        const auto r = readBoundedFile(f.fileName(), 1024);
        QVERIFY(r.ok());
        QCOMPARE(r.value(), QByteArray("kind: Namespace\n"));
    }
    void refuses_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("words");
        QTest::newRow("device") << QStringLiteral("/dev/zero") << int(ErrorCode::InvalidArgument)
                                << QStringLiteral("not a regular file");
        QTest::newRow("folder") << QStringLiteral("/tmp") << int(ErrorCode::InvalidArgument)
                                << QStringLiteral("folder");
        QTest::newRow("missing") << QStringLiteral("/nonexistent/x.yaml")
                                 << int(ErrorCode::NotFound) << QStringLiteral("does not exist");
    }
    void refuses()
    {
        QFETCH(QString, path);
        QFETCH(int, code);
        QFETCH(QString, words);
        QElapsedTimer t;
        t.start();
        const auto r = readBoundedFile(path, 1024);
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error().code()), code);
        QVERIFY2(r.error().message().contains(words), qPrintable(r.error().message()));
        QVERIFY(t.elapsed() < 1000);
    }
    void refusesAFifo()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("pipe"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const auto r = readBoundedFile(fifo, 1024);
        QVERIFY(!r.ok());
    }
    void refusesTooLarge()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("big")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        const auto r = readBoundedFile(f.fileName(), 2048);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::TooLarge);
        QVERIFY2(r.error().message().contains(QStringLiteral("2 KiB")),
                 qPrintable(r.error().message()));
    }
    void privateFolderAndFile()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("data/meshdeck"));
        QVERIFY(PrivateFiles::ensureFolder(folder));
        QCOMPARE(modeOf(folder), 0700);
        const QString file = QDir(folder).filePath(QStringLiteral("results.sqlite"));
        QVERIFY(PrivateFiles::ensureFile(file));
        QCOMPARE(modeOf(file), 0600);
        // An existing world-readable file is narrowed.
        QCOMPARE(::chmod(QFile::encodeName(file).constData(), 0644), 0);
        QVERIFY(PrivateFiles::ensureFile(file));
        QCOMPARE(modeOf(file), 0600);
    }
};

QTEST_GUILESS_MAIN(tst_BoundedFile)
#include "tst_boundedfile.moc"
