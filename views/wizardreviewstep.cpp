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

// 4. Review: every command and object, with its YAML.
class ReviewStep : public QWizardPage
{
public:
    ReviewStep(WizardState *state)
        : m_state(state)
    {
        setTitle(InstallWizard::tr("Review the plan"));
        setSubTitle(InstallWizard::tr("Everything the install will run and apply, in order. "
                                      "Objects that already exist are changes."));
        setCommitPage(true);
        setButtonText(QWizard::CommitButton, InstallWizard::tr("&Install"));
        auto *layout = new QVBoxLayout(this);
        m_summary = new QLabel(this);
        m_summary->setObjectName(QStringLiteral("reviewSummary"));
        m_summary->setWordWrap(true);
        m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *split = new QSplitter(Qt::Horizontal, this);
        m_tree = new QTreeWidget(split);
        m_tree->setObjectName(QStringLiteral("planTree"));
        m_tree->setHeaderLabels({InstallWizard::tr("Step"), InstallWizard::tr("Change")});
        m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
        m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
        m_tree->header()->setStretchLastSection(false);
        m_tree->setTextElideMode(Qt::ElideMiddle);
        m_yaml = new QPlainTextEdit(split);
        m_yaml->setObjectName(QStringLiteral("yamlView"));
        m_yaml->setReadOnly(true);
        m_yaml->setLineWrapMode(QPlainTextEdit::NoWrap);
        m_yaml->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        new YamlHighlighter(m_yaml->document());
        split->setSizes({470, 400});
        layout->addWidget(m_summary);
        layout->addWidget(split, 1);
        connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
            if (!item)
                return;
            const int step = item->data(0, Qt::UserRole).toInt();
            const Mesh::Installation &inst = m_state->session->installation();
            if (step >= 0 && step < inst.plan.steps.size())
                m_yaml->setPlainText(
                    QString::fromUtf8(Yaml::fromJson(inst.plan.steps[step].object)));
            else
                m_yaml->setPlainText(QString::fromUtf8(inst.plan.toYaml()));
        });
    }

    void initializePage() override
    {
        const Mesh::Installation &inst = m_state->session->installation();
        m_tree->clear();
        int created = 0, changed = 0;
        for (bool e : inst.existing)
            (e ? changed : created)++;
        m_summary->setText(inst.describe().section(QLatin1Char('\n'), 0, 0) + QLatin1Char(' ')
                           + InstallWizard::tr("%1 new object(s), %2 change(s) to existing ones.")
                                 .arg(created)
                                 .arg(changed));
        QFont bold = m_tree->font();
        bold.setBold(true);
        if (!inst.sources.isEmpty()) {
            auto *sources = new QTreeWidgetItem(m_tree, {InstallWizard::tr("Sources")});
            sources->setFont(0, bold);
            sources->setData(0, Qt::UserRole, -1);
            for (const Mesh::ManifestSource &s : inst.sources) {
                auto *item = new QTreeWidgetItem(
                    sources, {s.location, QStringLiteral("sha256 %1…").arg(s.sha256.left(8))});
                item->setToolTip(0, s.location);
                item->setToolTip(1, s.sha256);
                item->setData(0, Qt::UserRole, -1);
            }
        }
        if (!inst.cliCommands.isEmpty()) {
            auto *commands = new QTreeWidgetItem(m_tree, {InstallWizard::tr("Commands")});
            commands->setFont(0, bold);
            commands->setData(0, Qt::UserRole, -1);
            for (const QStringList &c : inst.cliCommands) {
                auto *item = new QTreeWidgetItem(
                    commands,
                    {QStringLiteral("$ %1 %2").arg(inst.mesh->cli, c.join(QLatin1Char(' '))),
                     inst.mesh->cliRenders ? InstallWizard::tr("output applied")
                                           : InstallWizard::tr("runs")});
                item->setData(0, Qt::UserRole, -1);
            }
        }
        auto *objects
            = new QTreeWidgetItem(m_tree,
                                  {InstallWizard::tr("Objects (%1, CRDs first, webhooks last)")
                                       .arg(inst.plan.steps.size())});
        objects->setFont(0, bold);
        objects->setData(0, Qt::UserRole, -1);
        for (int i = 0; i < inst.plan.steps.size(); ++i) {
            const bool exists = inst.existing.value(i);
            auto *item = new QTreeWidgetItem(
                objects,
                {QStringLiteral("%1. %2").arg(i + 1).arg(inst.plan.steps[i].title()),
                 exists ? InstallWizard::tr("exists: change") : InstallWizard::tr("new")});
            item->setData(0, Qt::UserRole, i);
            item->setToolTip(0, inst.plan.steps[i].title());
            if (exists)
                item->setForeground(1, QColor(0xc7, 0x8a, 0x00));
        }
        if (!inst.options.injectNamespaces.isEmpty()) {
            auto *then = new QTreeWidgetItem(m_tree, {InstallWizard::tr("Then")});
            then->setFont(0, bold);
            then->setData(0, Qt::UserRole, -1);
            for (const QString &ns : inst.options.injectNamespaces)
                new QTreeWidgetItem(then,
                                    {InstallWizard::tr("Injection on for %1").arg(ns),
                                     QStringLiteral("%1=%2").arg(inst.mesh->injectionKey,
                                                                 inst.mesh->injectionValue)});
        }
        m_tree->expandAll();
        m_tree->resizeColumnToContents(1);
        m_tree->setCurrentItem(objects->childCount() > 0 ? objects->child(0) : objects);
        m_tree->setFocus();
    }

private:
    WizardState *m_state;
    QLabel *m_summary;
    QTreeWidget *m_tree;
    QPlainTextEdit *m_yaml;
};

} // namespace

QWizardPage *createReviewStep(WizardState *state)
{
    return new ReviewStep(state);
}

} // namespace Meshdeck::Wizard
