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
        m_helm = new QRadioButton(methods);
        m_helm->setObjectName(QStringLiteral("methodHelm"));
        m_manifest = new QRadioButton(InstallWizard::tr("&Manifest file or URL:"), methods);
        m_manifest->setObjectName(QStringLiteral("methodManifest"));
        m_bundled = new QRadioButton(methods);
        m_bundled->setObjectName(QStringLiteral("methodBundled"));
        auto *group = new QButtonGroup(this);
        group->addButton(m_cli);
        group->addButton(m_helm);
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
        mv->addWidget(m_helm);
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
        for (QRadioButton *b : {m_cli, m_helm, m_manifest, m_bundled})
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
        // Helm renders the charts into the reviewable plan; Meshdeck applies it.
        const QString helm = QStandardPaths::findExecutable(QStringLiteral("helm"));
        m_helm->setText(
            m->helmCharts.isEmpty()
                ? InstallWizard::tr("Helm charts (none Meshdeck can render for %1)").arg(m->name)
                : helm.isEmpty()
                ? InstallWizard::tr("&Helm charts (helm: not on PATH)")
                : InstallWizard::tr("&Helm charts, rendered by helm into the plan"));
        m_helm->setEnabled(!m->helmCharts.isEmpty() && !helm.isEmpty());
        m_bundled->setText(m->bundledManifest.isEmpty()
                               ? InstallWizard::tr("Bundled manifest (none for %1)").arg(m->name)
                               : m_state->demoCluster
                               ? InstallWizard::tr("B&undled manifest (%1 %2, made for the demo "
                                                   "cluster; works offline)")
                                     .arg(m->name, m->bundledVersion)
                               : InstallWizard::tr("B&undled manifest (%1 %2: for the demo cluster "
                                                   "only, not this one)")
                                     .arg(m->name, m->bundledVersion));
        // The demo-sized bundle installs a control plane that cannot start on a real cluster.
        m_bundled->setEnabled(!m->bundledManifest.isEmpty() && m_state->demoCluster);
        // The mesh's CLI first, then (on the demo) the bundle; else a release manifest, with
        // where to get one.
        if (!cli.isEmpty())
            m_cli->setChecked(true);
        else if (m_helm->isEnabled() && !m_state->demoCluster)
            m_helm->setChecked(true);
        else if (!m->bundledManifest.isEmpty() && m_state->demoCluster)
            m_bundled->setChecked(true);
        else
            m_manifest->setChecked(true);
        m_manifestEdit->setPlaceholderText(
            cli.isEmpty() && !m_state->demoCluster
                ? InstallWizard::tr("A release manifest of %1 (file or https URL); or install %2 "
                                    "(%3) and come back")
                      .arg(m->name, m->cli, m->homepage)
                : InstallWizard::tr("/path/to/mesh.yaml or https://…/install.yaml"));
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
            : m_helm->isChecked()     ? Mesh::InstallMethod::Helm
            : m_manifest->isChecked() ? Mesh::InstallMethod::Manifest
                                      : Mesh::InstallMethod::Bundled;
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
    QRadioButton *m_cli, *m_helm, *m_manifest, *m_bundled;
    QLineEdit *m_manifestEdit, *m_newNs;
    QLabel *m_controlNs, *m_mtlsNote, *m_injectNote;
    QWidget *m_addonBox;
    QVBoxLayout *m_addonLayout;
    QList<QCheckBox *> m_addons;
    QListWidget *m_inject;
    std::function<void()> m_addNamespace;
};

} // namespace

QWizardPage *createConfigureStep(WizardState *state)
{
    return new ConfigureStep(state);
}

} // namespace Meshdeck::Wizard
