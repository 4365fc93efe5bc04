#include "connectionstate.h"

namespace Meshdeck {

ConnectionState::ConnectionState(QObject *parent)
    : QObject(parent)
{
}

QString ConnectionState::summary() const
{
    switch (m_state) {
    case State::NoContext:
        return tr("Not connected: no cluster context selected");
    case State::Connecting:
        return tr("Connecting to %1…").arg(m_context);
    case State::Connected:
        return m_detail.isEmpty() ? tr("Connected to %1").arg(m_context)
                                  : tr("Connected to %1 (Kubernetes %2)").arg(m_context, m_detail);
    case State::Failed:
        return tr("Cannot reach %1: %2").arg(m_context, m_detail);
    }
    return {};
}

void ConnectionState::setNoContext()
{
    update(State::NoContext, {}, {});
}

void ConnectionState::setConnecting(const QString &context)
{
    update(State::Connecting, context, {});
}

void ConnectionState::setConnected(const QString &context, const QString &serverVersion)
{
    update(State::Connected, context, serverVersion);
}

void ConnectionState::setFailed(const QString &context, const QString &reason)
{
    update(State::Failed, context, reason);
}

void ConnectionState::update(State state, const QString &context, const QString &detail)
{
    if (state == m_state && context == m_context && detail == m_detail)
        return;
    m_state = state;
    m_context = context;
    m_detail = detail;
    emit changed();
}

} // namespace Meshdeck
