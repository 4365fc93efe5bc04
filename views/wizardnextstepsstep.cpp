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
        m_sampleNs->setText(sampleNamespace());
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
    // Where Bookinfo goes: the first namespace this install injects, else a fresh one, never
    // a namespace another mesh injects (its pods would get that mesh's sidecars).
    [[nodiscard]] QString sampleNamespace() const
    {
        const Mesh::Installation &inst = m_state->session->installation();
        QStringList owned;
        for (const Mesh::DetectedMesh &d : m_state->detected)
            if (d.id != inst.mesh->id)
                owned += d.injectedNamespaces;
        for (const QString &ns : inst.options.injectNamespaces)
            if (!owned.contains(ns))
                return ns;
        QString name = QStringLiteral("bookinfo");
        for (int i = 2; m_state->namespaces.contains(name) || owned.contains(name); ++i)
            name = i == 2 ? QStringLiteral("bookinfo-%1").arg(inst.mesh->id)
                          : QStringLiteral("bookinfo-%1-%2").arg(inst.mesh->id).arg(i - 1);
        return name;
    }

    WizardState *m_state;
    InstallWizard *m_wizard;
    QLabel *m_text;
    QLineEdit *m_sampleNs;
    QVBoxLayout *m_restartBox;
};

} // namespace

QWizardPage *createNextStepsStep(WizardState *state, InstallWizard *wizard)
{
    return new NextStepsStep(state, wizard);
}

} // namespace Meshdeck::Wizard
