#pragma once

#include <QObject>
#include <QString>

namespace Meshdeck {

// The state of the connection to the current cluster context, shown in the status bar and on the
// Clusters page. The cluster layer drives it; views only read it.
class ConnectionState : public QObject
{
    Q_OBJECT

public:
    enum class State { NoContext, Connecting, Connected, Failed };
    Q_ENUM(State)

    explicit ConnectionState(QObject *parent = nullptr);

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString contextName() const { return m_context; }
    // Why the connection failed, or the server version when connected.
    [[nodiscard]] QString detail() const { return m_detail; }
    // One line for the status bar, translated.
    [[nodiscard]] QString summary() const;

    void setNoContext();
    void setConnecting(const QString &context);
    void setConnected(const QString &context, const QString &serverVersion);
    void setFailed(const QString &context, const QString &reason);

Q_SIGNALS:
    void changed();

private:
    void update(State state, const QString &context, const QString &detail);

    State m_state = State::NoContext;
    QString m_context;
    QString m_detail;
};

} // namespace Meshdeck
