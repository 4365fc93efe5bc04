#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

// Another program holding a results database exclusively (a tool that opened it with SQLite's
// exclusive locking mode, inside a write transaction): until released, no other connection may
// even read it. Released when destroyed.
class DatabaseLock
{
public:
    explicit DatabaseLock(const QString &path, const QString &name = QStringLiteral("locker"))
        : m_name(name)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        if (!db.open())
            return;
        QSqlQuery lock(db);
        if (!lock.exec(QStringLiteral("PRAGMA locking_mode=EXCLUSIVE")))
            return;
        lock.finish();
        m_held = lock.exec(QStringLiteral("BEGIN EXCLUSIVE"));
    }
    ~DatabaseLock() { release(); }
    DatabaseLock(const DatabaseLock &) = delete;
    DatabaseLock &operator=(const DatabaseLock &) = delete;

    [[nodiscard]] bool held() const { return m_held; }
    void release()
    {
        if (m_name.isEmpty())
            return;
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            if (db.isOpen()) {
                QSqlQuery(db).exec(QStringLiteral("COMMIT"));
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(m_name);
        m_name.clear();
        m_held = false;
    }

private:
    QString m_name;
    bool m_held = false;
};
