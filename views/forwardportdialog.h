#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Meshdeck {

// Asks where to forward: namespace, pod or Service and its name, the remote port (the pod's
// declared ports offered) and the local one (0: any free port). Refuses what cannot work before
// it closes.
class ForwardPortDialog : public QDialog
{
    Q_OBJECT

public:
    struct Choice
    {
        QString ns;
        QString kind = QStringLiteral("pod"); // "pod" or "service"
        QString name;
        int remotePort = 0;
        int localPort = 0;
    };

    // ports: the target's declared ports ("9080", "9080 (http)") offered as remote ports.
    ForwardPortDialog(const Choice &initial, const QStringList &ports, QWidget *parent = nullptr);
    [[nodiscard]] Choice choice() const;
    void accept() override;

private:
    QLineEdit *m_ns = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_remote = nullptr;
    QSpinBox *m_local = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace Meshdeck
