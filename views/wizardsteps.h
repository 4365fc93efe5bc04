#pragma once

#include <mesh/installer.h>
#include <mesh/meshdetector.h>

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>

class QProgressBar;
class QTreeWidget;
class QWidget;
class QWizardPage;

namespace Meshdeck {

class InstallSession;
class InstallWizard;

// The install wizard's steps, one file each, and what they share: the choices made so far and
// the session that plans, applies and verifies them.
namespace Wizard {

struct WizardState
{
    QList<Mesh::DetectedMesh> detected;
    QStringList namespaces;
    QString mesh = QStringLiteral("istio");
    // Meshdeck's demo cluster (its context): the bundled manifests are offered first only there.
    bool demoCluster = false;
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

[[nodiscard]] QColor stateColor(Mesh::Check::State s);
[[nodiscard]] QString stateText(Mesh::Check::State s);
// Fills a check table (preflight, verification): one row per check, its state coloured.
void showChecks(QTreeWidget *tree, const QList<Mesh::Check> &checks);
[[nodiscard]] QTreeWidget *makeCheckTable(QWidget *parent, const QString &name);
[[nodiscard]] QProgressBar *makeBusyBar(QWidget *parent);

// 1. Which mesh: one card per mesh of the catalog.
[[nodiscard]] QWizardPage *createChooseMeshStep(WizardState *state);
void selectMeshOnStep(QWizardPage *chooseStep, const QString &id);
// 2. Version, profile, method and options.
[[nodiscard]] QWizardPage *createConfigureStep(WizardState *state);
// 3. Preflight: the plan is made and the cluster asked, off the GUI thread.
[[nodiscard]] QWizardPage *createPreflightStep(WizardState *state);
// 4. Review: every command and object, with its YAML.
[[nodiscard]] QWizardPage *createReviewStep(WizardState *state);
// 5. Progress: the step list live, the log, elapsed time; stop, roll back, retry.
[[nodiscard]] QWizardPage *createProgressStep(WizardState *state);
// 6. Verify: control plane Ready, add-ons Ready, the webhook answering.
[[nodiscard]] QWizardPage *createVerifyStep(WizardState *state);
// 7. Next steps.
[[nodiscard]] QWizardPage *createNextStepsStep(WizardState *state, InstallWizard *wizard);

} // namespace Wizard
} // namespace Meshdeck
