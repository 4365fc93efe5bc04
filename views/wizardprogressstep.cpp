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

// 5. Progress: the step list live, the log, elapsed time; stop, roll back, retry.
class ProgressStep : public QWizardPage
{
public:
    ProgressStep(WizardState *state)
        : m_state(state)
    {
        setTitle(InstallWizard::tr("Installing"));
        setSubTitle(
            InstallWizard::tr("Each object is applied in turn; Stop halts after the current "
                              "one and offers a rollback."));
        auto *layout = new QVBoxLayout(this);
        auto *top = new QHBoxLayout;
        m_status = new QLabel(this);
        m_status->setObjectName(QStringLiteral("progressStatus"));
        m_status->setWordWrap(true);
        m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_elapsed = new QLabel(this);
        m_elapsed->setObjectName(QStringLiteral("elapsedLabel"));
        top->addWidget(m_status, 1);
        top->addWidget(m_elapsed);
        m_bar = new QProgressBar(this);
        auto *split = new QSplitter(Qt::Vertical, this);
        m_steps = new QTreeWidget(split);
        m_steps->setObjectName(QStringLiteral("stepsTree"));
        m_steps->setHeaderLabels(
            {InstallWizard::tr("Step"), InstallWizard::tr("State"), InstallWizard::tr("At")});
        m_steps->setRootIsDecorated(false);
        m_steps->header()->setSectionResizeMode(0, QHeaderView::Stretch);
        m_steps->header()->setStretchLastSection(false);
        m_log = new QPlainTextEdit(split);
        m_log->setObjectName(QStringLiteral("logView"));
        m_log->setReadOnly(true);
        m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_log->setMaximumBlockCount(20000);
        split->setStretchFactor(0, 3);
        split->setStretchFactor(1, 2);
        auto *buttons = new QHBoxLayout;
        m_stop = new QPushButton(InstallWizard::tr("&Stop"), this);
        m_stop->setObjectName(QStringLiteral("stopButton"));
        m_rollback = new QPushButton(InstallWizard::tr("&Roll Back"), this);
        m_rollback->setObjectName(QStringLiteral("rollbackButton"));
        m_retry = new QPushButton(InstallWizard::tr("Re&sume"), this);
        m_retry->setObjectName(QStringLiteral("retryButton"));
        m_force = new QPushButton(InstallWizard::tr("&Take Over Conflicting Fields"), this);
        m_force->setObjectName(QStringLiteral("forceButton"));
        buttons->addStretch(1);
        for (QPushButton *b : {m_stop, m_force, m_retry, m_rollback})
            buttons->addWidget(b);
        layout->addLayout(top);
        layout->addWidget(m_bar);
        layout->addWidget(split, 1);
        layout->addLayout(buttons);

        m_ticker.setInterval(200);
        connect(&m_ticker, &QTimer::timeout, this, [this] {
            m_elapsed->setText(
                InstallWizard::tr("%1 s").arg(m_clock.elapsed() / 1000.0, 0, 'f', 1));
        });
        connect(m_stop, &QPushButton::clicked, this, [this] {
            m_state->session->cancel();
            m_status->setText(InstallWizard::tr("Stopping after the current step…"));
        });
        connect(m_rollback, &QPushButton::clicked, this, [this] {
            setButtons(Running);
            m_status->setText(InstallWizard::tr("Rolling back what this install created…"));
            m_state->session->rollback();
        });
        connect(m_retry, &QPushButton::clicked, this, [this] { start(false); });
        connect(m_force, &QPushButton::clicked, this, [this] { start(true); });
        connect(state->session, &InstallSession::stepChanged, this,
                [this](int step, const QString &state) {
                    QTreeWidgetItem *item = m_steps->topLevelItem(step);
                    if (!item)
                        return;
                    item->setText(1, stateName(state));
                    item->setText(
                        2, InstallWizard::tr("%1 s").arg(m_clock.elapsed() / 1000.0, 0, 'f', 1));
                    item->setForeground(1,
                                        state == QLatin1String("failed")
                                            ? stateColor(Mesh::Check::State::Fail)
                                            : (state == QLatin1String("done")
                                                   ? stateColor(Mesh::Check::State::Pass)
                                                   : palette().color(QPalette::Text)));
                    if (state == QLatin1String("done"))
                        m_bar->setValue(step + 1);
                    m_steps->scrollToItem(item);
                });
        connect(state->session, &InstallSession::logged, m_log, &QPlainTextEdit::appendPlainText);
        connect(state->session, &InstallSession::finished, this,
                [this](bool ok, int code, const QString &message) {
                    m_ticker.stop();
                    const int total
                        = static_cast<int>(m_state->session->installation().plan.steps.size());
                    const int applied = m_state->session->applied();
                    m_state->succeeded = ok;
                    if (ok) {
                        m_bar->setValue(total);
                        m_status->setText(InstallWizard::tr("<b>Applied.</b> %1 object(s) in %2 "
                                                            "s. Next: verification.")
                                              .arg(total)
                                              .arg(m_clock.elapsed() / 1000.0, 0, 'f', 1));
                        setButtons(Done);
                        m_log->appendPlainText(InstallWizard::tr("Applied every step."));
                    } else if (code == static_cast<int>(ErrorCode::Cancelled)) {
                        m_status->setText(
                            InstallWizard::tr("<b>Stopped</b> after %1 of %2 objects. Roll back "
                                              "to remove what was created, or resume.")
                                .arg(applied)
                                .arg(total));
                        setButtons(Failed);
                    } else {
                        m_status->setText(
                            InstallWizard::tr("<b style=\"color:#d03b3b\">Failed</b> after %1 of "
                                              "%2 objects: %3")
                                .arg(applied)
                                .arg(total)
                                .arg(message.toHtmlEscaped()));
                        m_log->appendPlainText(message);
                        setButtons(Failed);
                        m_force->setVisible(code == static_cast<int>(ErrorCode::Conflict));
                        m_retry->setText(applied > 0 ? InstallWizard::tr("Re&sume")
                                                     : InstallWizard::tr("Re&try"));
                    }
                    Q_EMIT completeChanged();
                });
        connect(state->session, &InstallSession::rolledBack, this,
                [this](bool ok, const QString &message) {
                    m_status->setText(ok ? message
                                         : InstallWizard::tr("<b style=\"color:#d03b3b\">Rollback "
                                                             "stopped:</b> %1")
                                               .arg(message.toHtmlEscaped()));
                    m_log->appendPlainText(message);
                    setButtons(ok ? RolledBack : Failed);
                    if (ok)
                        m_bar->setValue(0);
                });
    }

    void initializePage() override
    {
        const Mesh::Installation &inst = m_state->session->installation();
        m_steps->clear();
        m_log->clear();
        for (const Mesh::PlanStep &s : inst.plan.steps)
            new QTreeWidgetItem(m_steps, {s.title(), InstallWizard::tr("waiting"), QString()});
        m_bar->setRange(0, std::max<int>(1, static_cast<int>(inst.plan.steps.size())));
        m_bar->setValue(0);
        m_clock.start();
        start(false, true);
    }

    bool isComplete() const override { return m_state->succeeded; }

private:
    enum Buttons { Running, Failed, Done, RolledBack };

    static QString stateName(const QString &state)
    {
        if (state == QLatin1String("running"))
            return InstallWizard::tr("applying…");
        if (state == QLatin1String("done"))
            return InstallWizard::tr("applied");
        if (state == QLatin1String("failed"))
            return InstallWizard::tr("failed");
        if (state == QLatin1String("removed"))
            return InstallWizard::tr("rolled back");
        if (state == QLatin1String("kept"))
            return InstallWizard::tr("kept (existed before)");
        if (state == QLatin1String("skipped"))
            return InstallWizard::tr("skipped");
        return state;
    }

    void setButtons(Buttons b)
    {
        m_stop->setVisible(b == Running);
        m_rollback->setVisible(b == Failed);
        m_retry->setVisible(b == Failed || b == RolledBack);
        m_force->setVisible(false);
        if (b == RolledBack)
            m_retry->setText(InstallWizard::tr("Install &Again"));
        if (b == Failed)
            m_rollback->setFocus();
    }

    void start(bool force, bool first = false)
    {
        m_state->succeeded = false;
        const bool fresh = first || m_retry->text() == InstallWizard::tr("Install &Again");
        const int from = fresh ? 0 : m_state->session->applied();
        setButtons(Running);
        m_ticker.start();
        m_status->setText(
            from > 0 ? InstallWizard::tr("Resuming at step %1…").arg(from + 1)
                     : (force ? InstallWizard::tr("Applying, taking over conflicting fields…")
                              : InstallWizard::tr("Applying with server-side apply…")));
        if (fresh && !first)
            for (int i = 0; i < m_steps->topLevelItemCount(); ++i)
                m_steps->topLevelItem(i)->setText(1, InstallWizard::tr("waiting"));
        m_state->session->run(from, force);
        Q_EMIT completeChanged();
        m_stop->setFocus();
    }

    WizardState *m_state;
    QLabel *m_status, *m_elapsed;
    QProgressBar *m_bar;
    QTreeWidget *m_steps;
    QPlainTextEdit *m_log;
    QPushButton *m_stop, *m_rollback, *m_retry, *m_force;
    QTimer m_ticker;
    QElapsedTimer m_clock;
};

} // namespace

QWizardPage *createProgressStep(WizardState *state)
{
    return new ProgressStep(state);
}

} // namespace Meshdeck::Wizard
