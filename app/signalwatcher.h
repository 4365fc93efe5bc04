#pragma once

#include <QObject>

#include <initializer_list>

class QSocketNotifier;

namespace Meshdeck {

// Turns signals (SIGINT, SIGTERM, SIGWINCH) into a Qt signal on the thread that made it, through
// a signalfd: no handler runs at an arbitrary moment, no timer polls. Make it before any thread
// starts, so that every thread inherits the blocked mask; the old mask returns when it dies.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    SignalWatcher(std::initializer_list<int> which, QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void raised(int signal);

private:
    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    unsigned long m_oldMask[16] {};
};

} // namespace Meshdeck
