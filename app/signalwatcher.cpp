#include "signalwatcher.h"

#include <QSocketNotifier>

#include <csignal>
#include <cstring>

#include <sys/signalfd.h>
#include <unistd.h>

namespace Meshdeck {

static_assert(sizeof(sigset_t) <= sizeof(unsigned long) * 16);

SignalWatcher::SignalWatcher(std::initializer_list<int> which, QObject *parent)
    : QObject(parent)
{
    sigset_t set;
    sigemptyset(&set);
    for (int s : which)
        sigaddset(&set, s);
    sigset_t old;
    pthread_sigmask(SIG_BLOCK, &set, &old);
    std::memcpy(m_oldMask, &old, sizeof old);
    m_fd = ::signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    if (m_fd < 0)
        return;
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        signalfd_siginfo info {};
        while (::read(m_fd, &info, sizeof info) == sizeof info)
            emit raised(int(info.ssi_signo));
    });
}

SignalWatcher::~SignalWatcher()
{
    delete m_notifier;
    if (m_fd >= 0)
        ::close(m_fd);
    sigset_t old;
    std::memcpy(&old, m_oldMask, sizeof old);
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
}

} // namespace Meshdeck
