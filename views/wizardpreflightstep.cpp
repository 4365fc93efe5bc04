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

// 3. Preflight: the plan is made and the cluster asked, off the GUI thread.
class PreflightStep : public QWizardPage
{
public:
    PreflightStep(WizardState *state)
        : m_state(state)
    {
        setTitle(InstallWizard::tr("Preflight"));
        setSubTitle(InstallWizard::tr("Can this cluster take it? Nothing has been changed yet."));
        auto *layout = new QVBoxLayout(this);
        m_busy = makeBusyBar(this);
        m_status = new QLabel(this);
        m_status->setObjectName(QStringLiteral("preflightStatus"));
        m_status->setWordWrap(true);
        m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_checks = makeCheckTable(this, QStringLiteral("checksTable"));
        m_again = new QPushButton(InstallWizard::tr("Check &Again"), this);
        auto *row = new QHBoxLayout;
        row->addWidget(m_status, 1);
        row->addWidget(m_again, 0, Qt::AlignTop);
        layout->addWidget(m_busy);
        layout->addLayout(row);
        layout->addWidget(m_checks, 1);
        connect(m_again, &QPushButton::clicked, this, [this] { initializePage(); });
        connect(state->session, &InstallSession::prepared, this,
                [this](const QString &error, const QList<Mesh::Check> &checks) {
                    m_busy->setVisible(false);
                    m_again->setEnabled(true);
                    m_state->prepared = error.isEmpty();
                    bool failed = !error.isEmpty();
                    int warnings = 0;
                    for (const Mesh::Check &c : checks) {
                        failed = failed || c.state == Mesh::Check::State::Fail;
                        warnings += c.state == Mesh::Check::State::Warn;
                    }
                    m_state->blocked = failed;
                    showChecks(m_checks, checks);
                    if (!error.isEmpty())
                        m_status->setText(
                            InstallWizard::tr("<b style=\"color:#d03b3b\">The plan cannot be "
                                              "made.</b> %1")
                                .arg(error.toHtmlEscaped()));
                    else if (failed)
                        m_status->setText(InstallWizard::tr(
                            "<b style=\"color:#d03b3b\">A check failed.</b> Fix what it says, "
                            "then check again, or go back and choose differently."));
                    else
                        m_status->setText(
                            warnings > 0
                                ? InstallWizard::tr("Ready, with %n warning(s): read them before "
                                                    "you go on.",
                                                    nullptr, warnings)
                                : InstallWizard::tr("Everything checked out. Next: the full "
                                                    "plan."));
                    Q_EMIT completeChanged();
                    m_checks->setFocus();
                });
    }

    void initializePage() override
    {
        m_state->prepared = false;
        m_state->blocked = true;
        m_checks->clear();
        m_busy->setVisible(true);
        m_again->setEnabled(false);
        m_status->setText(InstallWizard::tr("Making the plan and asking the cluster…"));
        m_state->session->prepare(m_state->options);
        Q_EMIT completeChanged();
    }

    bool isComplete() const override { return m_state->prepared && !m_state->blocked; }

private:
    WizardState *m_state;
    QProgressBar *m_busy;
    QLabel *m_status;
    QTreeWidget *m_checks;
    QPushButton *m_again;
};

} // namespace

QWizardPage *createPreflightStep(WizardState *state)
{
    return new PreflightStep(state);
}

} // namespace Meshdeck::Wizard
