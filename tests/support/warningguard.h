#pragma once

#include <QList>
#include <QMutex>
#include <QString>
#include <QtGlobal>

// Collects warnings and worse from Meshdeck's own logging categories ("meshdeck.*") while alive,
// so that a test can fail on them. Messages are still printed.
class WarningGuard
{
public:
    WarningGuard()
    {
        s_instance = this;
        m_previous = qInstallMessageHandler(&WarningGuard::handler);
    }
    ~WarningGuard()
    {
        qInstallMessageHandler(m_previous);
        s_instance = nullptr;
    }

    QStringList messages() const
    {
        QMutexLocker lock(&m_mutex);
        return m_messages;
    }

private:
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &msg)
    {
        if (WarningGuard *self = s_instance) {
            const bool ours
                = context.category && QByteArray(context.category).startsWith("meshdeck.");
            if (ours && type != QtDebugMsg && type != QtInfoMsg) {
                QMutexLocker lock(&self->m_mutex);
                self->m_messages << QStringLiteral("%1: %2").arg(context.category, msg);
            }
            if (self->m_previous)
                self->m_previous(type, context, msg);
        }
    }

    static inline WarningGuard *s_instance = nullptr;
    QtMessageHandler m_previous = nullptr;
    mutable QMutex m_mutex;
    QStringList m_messages;
};
