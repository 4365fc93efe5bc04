#include "installwizard.h"

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

namespace Meshdeck {

namespace {

QColor stateColor(Mesh::Check::State s)
{
    switch (s) {
    case Mesh::Check::State::Pass:
        return QColor(0x2e, 0x9d, 0x4f);
    case Mesh::Check::State::Warn:
        return QColor(0xc7, 0x8a, 0x00);
    case Mesh::Check::State::Fail:
        return QColor(0xd0, 0x3b, 0x3b);
    case Mesh::Check::State::Skipped:
        break;
    }
    return QColor(0x80, 0x80, 0x80);
}

QString stateText(Mesh::Check::State s)
{
    switch (s) {
    case Mesh::Check::State::Pass:
        return InstallWizard::tr("✓ Passed");
    case Mesh::Check::State::Warn:
        return InstallWizard::tr("⚠ Warning");
    case Mesh::Check::State::Fail:
        return InstallWizard::tr("✗ Failed");
    case Mesh::Check::State::Skipped:
        break;
    }
    return InstallWizard::tr("– Skipped");
}

// Fills a three-column check table (state, check, detail).
void showChecks(QTreeWidget *tree, const QList<Mesh::Check> &checks)
{
    tree->clear();
    for (const Mesh::Check &c : checks) {
        auto *item = new QTreeWidgetItem(tree, {stateText(c.state), c.title, c.detail});
        item->setForeground(0, stateColor(c.state));
        item->setToolTip(2, c.detail);
        item->setData(0, Qt::UserRole, static_cast<int>(c.state));
    }
    tree->resizeColumnToContents(0);
    tree->resizeColumnToContents(1);
}

QTreeWidget *makeCheckTable(QWidget *parent, const QString &name)
{
    auto *tree = new QTreeWidget(parent);
    tree->setObjectName(name);
    tree->setColumnCount(3);
    tree->setHeaderLabels(
        {InstallWizard::tr("Result"), InstallWizard::tr("Check"), InstallWizard::tr("Details")});
    tree->setRootIsDecorated(false);
    tree->setWordWrap(true);
    tree->setUniformRowHeights(false);
    tree->header()->setStretchLastSection(true);
    return tree;
}

// A thin indeterminate bar: the page is waiting for the cluster.
QProgressBar *makeBusyBar(QWidget *parent)
{
    auto *bar = new QProgressBar(parent);
    bar->setRange(0, 0);
    bar->setTextVisible(false);
    bar->setMaximumHeight(6);
    return bar;
}

struct WizardState
{
    QList<Mesh::DetectedMesh> detected;
    QStringList namespaces;
    QString mesh = QStringLiteral("istio");
    Mesh::InstallOptions options;
    InstallSession *session = nullptr;
    bool prepared = false;
    bool blocked = true;
    bool succeeded = false;
    bool verified = false;

    [[nodiscard]] const Mesh::DetectedMesh *detectedFor(const QString &id) const
    {
        for (const Mesh::DetectedMesh &d : detected)
            if (d.id == id)
                return &d;
        return nullptr;
    }
};

// 1. Which mesh: one card per mesh of the catalog.
class ChooseMeshStep : public QWizardPage
{
public:
    ChooseMeshStep(WizardState *state)
        : m_state(state)
    {
        setTitle(InstallWizard::tr("Choose a service mesh"));
        setSubTitle(InstallWizard::tr("What each one is, and what this cluster already runs. Use "
                                      "the arrow keys to choose."));
        auto *layout = new QVBoxLayout(this);
        m_cards = new QListWidget(this);
        m_cards->setObjectName(QStringLiteral("meshCards"));
        m_cards->setSpacing(4);
        m_cards->setSelectionMode(QAbstractItemView::SingleSelection);
        layout->addWidget(m_cards);
        for (const Mesh::MeshDescription &m : Mesh::catalog()) {
            auto *item = new QListWidgetItem(m_cards);
            item->setData(Qt::UserRole, m.id);
            auto *card = new QWidget;
            auto *v = new QVBoxLayout(card);
            v->setContentsMargins(10, 8, 10, 8);
            v->setSpacing(2);
            auto *title = new QLabel(QStringLiteral("<b>%1</b> &nbsp; <a href=\"%2\">%2</a>")
                                         .arg(m.name.toHtmlEscaped(), m.homepage),
                                     card);
            title->setOpenExternalLinks(true);
            title->setTextInteractionFlags(Qt::LinksAccessibleByMouse);
            auto *summary = new QLabel(m.summary, card);
            summary->setWordWrap(true);
            QStringList facts;
            const Mesh::DetectedMesh *d = state->detectedFor(m.id);
            if (d && d->replicas > 0)
                facts << InstallWizard::tr("<span style=\"color:#2e9d4f\">Installed here: %1, "
                                           "%2/%3 Ready</span>")
                             .arg(d->version.toHtmlEscaped())
                             .arg(d->ready)
                             .arg(d->replicas);
            else
                facts << InstallWizard::tr("Not installed here");
            const bool cli = !QStandardPaths::findExecutable(m.cli).isEmpty();
            facts << (cli ? InstallWizard::tr("%1 found").arg(m.cli)
                          : InstallWizard::tr("%1 not on PATH").arg(m.cli));
            if (!m.bundledManifest.isEmpty())
                facts << InstallWizard::tr("bundled manifest (%1)").arg(m.bundledVersion);
            auto *status = new QLabel(facts.join(QStringLiteral(" · ")), card);
            status->setTextFormat(Qt::RichText);
            status->setEnabled(true);
            QFont small = status->font();
            small.setPointSizeF(small.pointSizeF() * 0.92);
            status->setFont(small);
            v->addWidget(title);
            v->addWidget(summary);
            v->addWidget(status);
            card->setAccessibleName(m.name);
            item->setSizeHint(QSize(10, card->sizeHint().height() + 6));
            item->setText(QString()); // the card speaks for it
            item->setData(Qt::AccessibleTextRole, m.name + QStringLiteral(": ") + m.summary);
            m_cards->setItemWidget(item, card);
        }
        connect(m_cards, &QListWidget::currentRowChanged, this, [this](int row) {
            if (row >= 0)
                m_state->mesh = m_cards->item(row)->data(Qt::UserRole).toString();
            Q_EMIT completeChanged();
        });
        // A double click on a card goes on (Enter does too: it reaches the wizard's Next).
        connect(m_cards, &QListWidget::itemDoubleClicked, this, [this] { wizard()->next(); });
    }

    void select(const QString &id)
    {
        for (int i = 0; i < m_cards->count(); ++i)
            if (m_cards->item(i)->data(Qt::UserRole).toString() == id)
                m_cards->setCurrentRow(i);
    }

    void initializePage() override
    {
        if (m_cards->currentRow() < 0)
            select(m_state->mesh);
        m_cards->setFocus();
    }

    bool isComplete() const override { return m_cards->currentRow() >= 0; }

private:
    WizardState *m_state;
    QListWidget *m_cards;
};

// 2. Version, profile, method and options.
class ConfigureStep : public QWizardPage
{
public:
    ConfigureStep(WizardState *state)
        : m_state(state)
    {
        setTitle(InstallWizard::tr("Version, method and options"));
        auto *layout = new QHBoxLayout(this);
        auto *left = new QFormLayout;
        left->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        m_version = new QComboBox(this);
        m_version->setObjectName(QStringLiteral("versionCombo"));
        m_profile = new QComboBox(this);
        m_profile->setObjectName(QStringLiteral("profileCombo"));
        left->addRow(InstallWizard::tr("&Version:"), m_version);
        left->addRow(InstallWizard::tr("&Profile:"), m_profile);

        auto *methods = new QWidget(this);
        auto *mv = new QVBoxLayout(methods);
        mv->setContentsMargins(0, 0, 0, 0);
        m_cli = new QRadioButton(methods);
        m_cli->setObjectName(QStringLiteral("methodCli"));
        m_manifest = new QRadioButton(InstallWizard::tr("&Manifest file or URL:"), methods);
        m_manifest->setObjectName(QStringLiteral("methodManifest"));
        m_bundled = new QRadioButton(methods);
        m_bundled->setObjectName(QStringLiteral("methodBundled"));
        auto *group = new QButtonGroup(this);
        group->addButton(m_cli);
        group->addButton(m_manifest);
        group->addButton(m_bundled);
        auto *manifestRow = new QHBoxLayout;
        m_manifestEdit = new QLineEdit(methods);
        m_manifestEdit->setObjectName(QStringLiteral("manifestEdit"));
        m_manifestEdit->setPlaceholderText(
            InstallWizard::tr("/path/to/mesh.yaml or https://…/install.yaml"));
        auto *browse = new QPushButton(InstallWizard::tr("&Browse…"), methods);
        manifestRow->addSpacing(24);
        manifestRow->addWidget(m_manifestEdit, 1);
        manifestRow->addWidget(browse);
        mv->addWidget(m_cli);
        mv->addWidget(m_manifest);
        mv->addLayout(manifestRow);
        mv->addWidget(m_bundled);
        left->addRow(InstallWizard::tr("Method:"), methods);

        m_controlNs = new QLabel(this);
        left->addRow(InstallWizard::tr("Control plane:"), m_controlNs);
        m_mtls = new QComboBox(this);
        m_mtls->setObjectName(QStringLiteral("mtlsCombo"));
        m_mtlsNote = new QLabel(this);
        m_mtlsNote->setWordWrap(true);
        auto *mtlsBox = new QVBoxLayout;
        mtlsBox->addWidget(m_mtls);
        mtlsBox->addWidget(m_mtlsNote);
        auto *mtlsLabel = new QLabel(InstallWizard::tr("m&TLS:"), this);
        mtlsLabel->setBuddy(m_mtls);
        left->addRow(mtlsLabel, mtlsBox);
        m_addonBox = new QWidget(this);
        m_addonLayout = new QVBoxLayout(m_addonBox);
        m_addonLayout->setContentsMargins(0, 0, 0, 0);
        left->addRow(InstallWizard::tr("Add-ons:"), m_addonBox);
        layout->addLayout(left, 3);

        auto *right = new QVBoxLayout;
        auto *injectTitle
            = new QLabel(InstallWizard::tr("&Namespaces to inject after the install:"), this);
        m_inject = new QListWidget(this);
        m_inject->setObjectName(QStringLiteral("injectList"));
        injectTitle->setBuddy(m_inject);
        auto *addRow = new QHBoxLayout;
        m_newNs = new QLineEdit(this);
        m_newNs->setObjectName(QStringLiteral("newNamespaceEdit"));
        m_newNs->setPlaceholderText(InstallWizard::tr("new namespace"));
        auto *add = new QPushButton(InstallWizard::tr("A&dd"), this);
        addRow->addWidget(m_newNs, 1);
        addRow->addWidget(add);
        m_injectNote = new QLabel(this);
        m_injectNote->setWordWrap(true);
        right->addWidget(injectTitle);
        right->addWidget(m_inject, 1);
        right->addLayout(addRow);
        right->addWidget(m_injectNote);
        layout->addLayout(right, 2);

        for (const QString &ns : state->namespaces) {
            if (ns.startsWith(QLatin1String("kube-")))
                continue;
            auto *item = new QListWidgetItem(ns, m_inject);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
        const auto addNamespace = [this] {
            const QString ns = m_newNs->text().trimmed().toLower();
            static const QRegularExpression dns(
                QStringLiteral("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"));
            if (!dns.match(ns).hasMatch()) {
                m_injectNote->setText(
                    InstallWizard::tr("\"%1\" is not a valid namespace name (lower-case letters, "
                                      "digits and '-', at most 63).")
                        .arg(ns));
                return;
            }
            if (m_inject->findItems(ns, Qt::MatchExactly).isEmpty()) {
                auto *item = new QListWidgetItem(ns, m_inject);
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setToolTip(InstallWizard::tr("Created by the install"));
            }
            m_inject->findItems(ns, Qt::MatchExactly).first()->setCheckState(Qt::Checked);
            m_newNs->clear();
            m_injectNote->clear();
        };
        connect(add, &QPushButton::clicked, this, addNamespace);
        m_addNamespace = addNamespace;
        m_newNs->installEventFilter(this); // Enter adds the namespace; it does not press Next
        connect(browse, &QPushButton::clicked, this, [this] {
            const QString file = QFileDialog::getOpenFileName(
                this, InstallWizard::tr("Choose a Manifest"), QString(),
                InstallWizard::tr("YAML manifests (*.yaml *.yml);;All files (*)"));
            if (!file.isEmpty()) {
                m_manifestEdit->setText(file);
                m_manifest->setChecked(true);
            }
        });
        for (QRadioButton *b : {m_cli, m_manifest, m_bundled})
            connect(b, &QRadioButton::toggled, this, [this] { update(); });
        connect(m_manifestEdit, &QLineEdit::textChanged, this, [this] {
            if (!m_manifestEdit->text().isEmpty())
                m_manifest->setChecked(true);
            Q_EMIT completeChanged();
        });
    }

    void initializePage() override
    {
        const Mesh::MeshDescription *m = Mesh::findMesh(m_state->mesh);
        if (!m)
            return;
        setSubTitle(InstallWizard::tr("%1: %2").arg(m->name, m->summary));
        m_version->clear();
        m_version->addItems(m->versions);
        m_profile->clear();
        m_profile->addItems(m->profiles);
        const QString cli = QStandardPaths::findExecutable(m->cli);
        m_cli->setText(cli.isEmpty() ? InstallWizard::tr("Its &CLI (%1: not on PATH)").arg(m->cli)
                                     : InstallWizard::tr("Its &CLI (%1 at %2)").arg(m->cli, cli));
        m_cli->setEnabled(!cli.isEmpty());
        m_bundled->setText(m->bundledManifest.isEmpty()
                               ? InstallWizard::tr("Bundled manifest (none for %1)").arg(m->name)
                               : InstallWizard::tr("B&undled manifest (%1 %2, works offline and on "
                                                   "the demo cluster)")
                                     .arg(m->name, m->bundledVersion));
        m_bundled->setEnabled(!m->bundledManifest.isEmpty());
        // The order of preference: the mesh's CLI, a manifest, the bundle.
        if (!cli.isEmpty())
            m_cli->setChecked(true);
        else if (!m->bundledManifest.isEmpty())
            m_bundled->setChecked(true);
        else
            m_manifest->setChecked(true);
        m_controlNs->setText(InstallWizard::tr("namespace %1 (%2 %3)")
                                 .arg(m->controlNamespace, m->controlKind, m->controlName));
        m_mtls->clear();
        if (m->mtlsModes.isEmpty()) {
            m_mtls->setVisible(false);
            m_mtlsNote->setText(
                m->mtlsByDefault
                    ? InstallWizard::tr("Always on: %1 encrypts traffic between "
                                        "meshed pods; there is no mode to choose.")
                          .arg(m->name)
                    : InstallWizard::tr("%1 has no mesh-wide mTLS mode.").arg(m->name));
        } else {
            m_mtls->setVisible(true);
            m_mtls->addItem(
                InstallWizard::tr("Mesh default (PERMISSIVE: plain text still accepted)"),
                QString());
            for (const QString &mode : m->mtlsModes)
                m_mtls->addItem(mode == QLatin1String("STRICT")
                                    ? InstallWizard::tr("STRICT: only mTLS between workloads")
                                    : InstallWizard::tr("PERMISSIVE: mTLS and plain text"),
                                mode);
            m_mtlsNote->setText(InstallWizard::tr("Applied as PeerAuthentication \"default\" in "
                                                  "%1.")
                                    .arg(m->controlNamespace));
        }
        while (QLayoutItem *item = m_addonLayout->takeAt(0)) {
            delete item->widget();
            delete item;
        }
        m_addons.clear();
        for (const QString &addon : m->addons) {
            auto *box = new QCheckBox(addon, m_addonBox);
            box->setObjectName(QStringLiteral("addon_") + addon);
            box->setChecked(m->defaultAddons.contains(addon));
            box->setEnabled(!m->addonManifest(addon).isEmpty());
            m_addonLayout->addWidget(box);
            m_addons << box;
        }
        if (m->addons.isEmpty())
            m_addonLayout->addWidget(new QLabel(InstallWizard::tr("none offered"), m_addonBox));
        const bool injects = m->injection != Mesh::MeshDescription::Injection::None;
        m_inject->setEnabled(injects);
        m_newNs->setEnabled(injects);
        m_injectNote->setText(
            injects ? InstallWizard::tr("Sets %1=%2 on each; restart their workloads afterwards "
                                        "(the last page offers it).")
                          .arg(m->injectionKey, m->injectionValue)
                    : InstallWizard::tr("%1 runs without sidecars.").arg(m->name));
        update();
        m_version->setFocus();
    }

    void update()
    {
        const Mesh::MeshDescription *m = Mesh::findMesh(m_state->mesh);
        if (m && m_bundled->isChecked()) {
            m_version->setCurrentText(m->bundledVersion);
            m_version->setEnabled(false);
        } else {
            m_version->setEnabled(true);
        }
        m_manifestEdit->setEnabled(m_manifest->isChecked());
        Q_EMIT completeChanged();
    }

    bool isComplete() const override
    {
        return !m_manifest->isChecked() || !m_manifestEdit->text().trimmed().isEmpty();
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_newNs && event->type() == QEvent::KeyPress) {
            const int key = static_cast<QKeyEvent *>(event)->key();
            if (key == Qt::Key_Return || key == Qt::Key_Enter) {
                m_addNamespace();
                return true;
            }
        }
        return QWizardPage::eventFilter(watched, event);
    }

    bool validatePage() override
    {
        Mesh::InstallOptions o;
        o.mesh = m_state->mesh;
        o.version = m_version->currentText();
        o.profile = m_profile->currentText();
        o.method = m_cli->isChecked() ? Mesh::InstallMethod::Cli
                                      : (m_manifest->isChecked() ? Mesh::InstallMethod::Manifest
                                                                 : Mesh::InstallMethod::Bundled);
        if (o.method == Mesh::InstallMethod::Manifest)
            o.version.clear(); // whatever the manifest installs
        o.manifest = m_manifestEdit->text().trimmed();
        o.mtlsMode = m_mtls->isVisible() ? m_mtls->currentData().toString() : QString();
        for (QCheckBox *b : std::as_const(m_addons))
            if (b->isChecked() && b->isEnabled())
                o.addons << b->text();
        for (int i = 0; i < m_inject->count(); ++i)
            if (m_inject->item(i)->checkState() == Qt::Checked && m_inject->isEnabled())
                o.injectNamespaces << m_inject->item(i)->text();
        m_state->options = o;
        return true;
    }

private:
    WizardState *m_state;
    QComboBox *m_version, *m_profile, *m_mtls;
    QRadioButton *m_cli, *m_manifest, *m_bundled;
    QLineEdit *m_manifestEdit, *m_newNs;
    QLabel *m_controlNs, *m_mtlsNote, *m_injectNote;
    QWidget *m_addonBox;
    QVBoxLayout *m_addonLayout;
    QList<QCheckBox *> m_addons;
    QListWidget *m_inject;
    std::function<void()> m_addNamespace;
};

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

// 7. Next steps.
class NextStepsStep : public QWizardPage
{
public:
    NextStepsStep(WizardState *state, InstallWizard *wizard)
        : m_state(state)
        , m_wizard(wizard)
    {
        setTitle(InstallWizard::tr("Next steps"));
        setSubTitle(InstallWizard::tr("Put an application in the mesh and look at it."));
        setFinalPage(true);
        auto *layout = new QVBoxLayout(this);
        m_text = new QLabel(this);
        m_text->setWordWrap(true);
        layout->addWidget(m_text);
        auto *sampleRow = new QHBoxLayout;
        m_sampleNs = new QLineEdit(QStringLiteral("bookinfo"), this);
        m_sampleNs->setObjectName(QStringLiteral("sampleNamespace"));
        auto *deploy
            = new QPushButton(InstallWizard::tr("&Deploy Bookinfo, injected, into:"), this);
        deploy->setObjectName(QStringLiteral("deploySampleButton"));
        sampleRow->addWidget(deploy);
        sampleRow->addWidget(m_sampleNs, 1);
        layout->addLayout(sampleRow);
        m_restartBox = new QVBoxLayout;
        layout->addLayout(m_restartBox);
        auto *topology = new QPushButton(InstallWizard::tr("Open &Topology"), this);
        topology->setObjectName(QStringLiteral("openTopologyButton"));
        layout->addWidget(topology, 0, Qt::AlignLeft);
        layout->addStretch(1);
        connect(deploy, &QPushButton::clicked, this, [this] {
            const QString ns = m_sampleNs->text().trimmed();
            if (ns.isEmpty())
                return;
            Q_EMIT m_wizard->sampleRequested(QStringLiteral("bookinfo"), ns, m_state->mesh);
            m_wizard->accept();
        });
        connect(topology, &QPushButton::clicked, this, [this] {
            Q_EMIT m_wizard->topologyRequested();
            m_wizard->accept();
        });
    }

    void initializePage() override
    {
        const Mesh::Installation &inst = m_state->session->installation();
        m_text->setText(
            InstallWizard::tr("%1 runs in %2. Deploy a sample into a namespace with injection "
                              "on, then watch its traffic and mTLS on the Topology page; measure "
                              "the mesh's overhead on the Performance page.")
                .arg(inst.mesh->name, inst.mesh->controlNamespace));
        if (!inst.options.injectNamespaces.isEmpty())
            m_sampleNs->setText(inst.options.injectNamespaces.first());
        while (QLayoutItem *item = m_restartBox->takeAt(0)) {
            delete item->widget();
            delete item;
        }
        for (const QString &ns : inst.options.injectNamespaces) {
            auto *b = new QPushButton(
                InstallWizard::tr("Restart the workloads of %1 (to add sidecars)").arg(ns), this);
            connect(b, &QPushButton::clicked, this, [this, ns, b] {
                Q_EMIT m_wizard->restartRequested(ns);
                b->setEnabled(false);
                b->setText(InstallWizard::tr("Restarting the workloads of %1…").arg(ns));
            });
            m_restartBox->addWidget(b, 0, Qt::AlignLeft);
        }
    }

private:
    WizardState *m_state;
    InstallWizard *m_wizard;
    QLabel *m_text;
    QLineEdit *m_sampleNs;
    QVBoxLayout *m_restartBox;
};

} // namespace

struct InstallWizardPrivate
{
    WizardState state;
    ChooseMeshStep *choose = nullptr;
};

InstallWizard::InstallWizard(const Kube::ClusterSessionPtr &session,
                             const QList<Mesh::DetectedMesh> &detected,
                             const QStringList &namespaces, QWidget *parent)
    : QWizard(parent)
    , m_session(new InstallSession(session, this))
    , d(std::make_unique<InstallWizardPrivate>())
{
    d->state.detected = detected;
    d->state.namespaces = namespaces;
    d->state.session = m_session;
    setWindowTitle(tr("Install a Service Mesh"));
    setObjectName(QStringLiteral("installWizard"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::HaveHelpButton, false);
    setMinimumSize(920, 640);
    d->choose = new ChooseMeshStep(&d->state);
    setPage(ChoosePage, d->choose);
    setPage(ConfigurePage, new ConfigureStep(&d->state));
    setPage(PreflightPage, new PreflightStep(&d->state));
    setPage(ReviewPage, new ReviewStep(&d->state));
    setPage(ProgressPage, new ProgressStep(&d->state));
    setPage(VerifyPage, new VerifyStep(&d->state));
    setPage(NextPage, new NextStepsStep(&d->state, this));
    setStartId(ChoosePage);
}

InstallWizard::~InstallWizard() = default;

void InstallWizard::setHistoryPath(const QString &path)
{
    m_session->setHistoryPath(path);
}

void InstallWizard::selectMesh(const QString &id)
{
    d->state.mesh = id;
    d->choose->select(id);
}

Mesh::InstallOptions InstallWizard::options() const
{
    return d->state.options;
}

void InstallWizard::reject()
{
    if (m_session->busy()) {
        // Never walk away from a half-applied plan: stop it, then offer the rollback.
        m_session->cancel();
        return;
    }
    QWizard::reject();
}

} // namespace Meshdeck
