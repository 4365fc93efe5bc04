#include "wizardsteps.h"

#include "installwizard.h"
#include "yamlhighlighter.h"

#include "yamlhighlighter.h"

#include <core/yaml.h>
#include <models/installsession.h>

#include <QAbstractButton>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Meshdeck::Wizard {

namespace {

// 6. Verify: control plane Ready, add-ons Ready, the webhook answering.
class VerifyStep : public QWizardPage
{
public:
    VerifyStep(WizardState *state)
        : m_state(state)
    {
        setTitle(InstallWizard::tr("Verify"));
        setSubTitle(InstallWizard::tr("Is it running? The control plane's pods, the add-ons, and "
                                      "a dry-run pod through the injection webhook."));
        auto *layout = new QVBoxLayout(this);
        m_busy = makeBusyBar(this);
        m_status = new QLabel(this);
        m_status->setObjectName(QStringLiteral("verifyStatus"));
        m_status->setWordWrap(true);
        m_checks = makeCheckTable(this, QStringLiteral("verifyTable"));
        layout->addWidget(m_busy);
        layout->addWidget(m_status);
        layout->addWidget(m_checks, 1);
        connect(state->session, &InstallSession::verified, this,
                [this](const QList<Mesh::Check> &checks) {
                    m_busy->setVisible(false);
                    showChecks(m_checks, checks);
                    bool ok = true;
                    for (const Mesh::Check &c : checks)
                        ok = ok && c.state != Mesh::Check::State::Fail;
                    m_status->setText(
                        ok ? InstallWizard::tr("<b style=\"color:#2e9d4f\">%1 is installed and "
                                               "working.</b>")
                                 .arg(m_state->session->installation().mesh->name)
                           : InstallWizard::tr("<b style=\"color:#d03b3b\">Installed, but not "
                                               "working yet.</b> The failed check says why."));
                    m_state->verified = true;
                    Q_EMIT completeChanged();
                    auto *w = qobject_cast<InstallWizard *>(wizard());
                    if (w)
                        Q_EMIT w->installed(ok);
                    m_checks->setFocus();
                });
    }

    void initializePage() override
    {
        m_state->verified = false;
        m_busy->setVisible(true);
        m_checks->clear();
        m_status->setText(InstallWizard::tr("Waiting for the control plane to become Ready…"));
        m_state->session->verify();
    }

    bool isComplete() const override { return m_state->verified; }

private:
    WizardState *m_state;
    QProgressBar *m_busy;
    QLabel *m_status;
    QTreeWidget *m_checks;
};

} // namespace

QWizardPage *createVerifyStep(WizardState *state)
{
    return new VerifyStep(state);
}

} // namespace Meshdeck::Wizard
