#include "forwardportdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Meshdeck {

ForwardPortDialog::ForwardPortDialog(const Choice &initial, const QStringList &ports,
                                     QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Forward a Port"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_ns = new QLineEdit(initial.ns, this);
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("Pod"), QStringLiteral("pod"));
    m_kind->addItem(tr("Service"), QStringLiteral("service"));
    m_kind->setCurrentIndex(initial.kind == QLatin1String("service") ? 1 : 0);
    m_name = new QLineEdit(initial.name, this);
    m_remote = new QComboBox(this);
    m_remote->setEditable(true);
    m_remote->addItems(ports);
    if (initial.remotePort)
        m_remote->setCurrentText(QString::number(initial.remotePort));
    m_local = new QSpinBox(this);
    m_local->setRange(0, 65535);
    m_local->setSpecialValueText(tr("any free port"));
    m_local->setValue(initial.localPort);
    form->addRow(tr("&Namespace:"), m_ns);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("Na&me:"), m_name);
    form->addRow(tr("&Remote port:"), m_remote);
    form->addRow(tr("&Local port:"), m_local);
    layout->addLayout(form);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: palette(highlight);"));
    m_problem->hide();
    layout->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Forward"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ForwardPortDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

ForwardPortDialog::Choice ForwardPortDialog::choice() const
{
    Choice c;
    c.ns = m_ns->text().trimmed();
    c.kind = m_kind->currentData().toString();
    c.name = m_name->text().trimmed();
    c.remotePort = m_remote->currentText().section(QLatin1Char(' '), 0, 0).toInt();
    c.localPort = m_local->value();
    return c;
}

void ForwardPortDialog::accept()
{
    const Choice c = choice();
    QString problem;
    if (c.ns.isEmpty() || c.name.isEmpty())
        problem = tr("Name the namespace and the pod or Service to forward to.");
    else if (c.remotePort < 1 || c.remotePort > 65535)
        problem = tr("The remote port is a number from 1 to 65535, e.g. 9080.");
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        m_problem->show();
        return;
    }
    QDialog::accept();
}

} // namespace Meshdeck
