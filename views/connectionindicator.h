#pragma once

#include <QWidget>

class QLabel;

namespace Meshdeck {

class ConnectionState;

// Status bar widget: a coloured dot and one line saying whether and to what Meshdeck is
// connected; the reason for a failure is in the tooltip and the line itself.
class ConnectionIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionIndicator(ConnectionState *state, QWidget *parent = nullptr);

    [[nodiscard]] QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    ConnectionState *m_state;
    QLabel *m_dot = nullptr;
    QLabel *m_label = nullptr;
};

} // namespace Meshdeck
