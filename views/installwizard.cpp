#include "installwizard.h"

#include "wizardsteps.h"

#include <models/installsession.h>

namespace Meshdeck {

using namespace Wizard;

struct InstallWizardPrivate
{
    WizardState state;
    QWizardPage *choose = nullptr;
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
    d->state.demoCluster
        = session && session->context().context.startsWith(QLatin1String("meshdeck-demo"));
    setWindowTitle(tr("Install a Service Mesh"));
    setObjectName(QStringLiteral("installWizard"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::HaveHelpButton, false);
    setMinimumSize(920, 640);
    d->choose = createChooseMeshStep(&d->state);
    setPage(ChoosePage, d->choose);
    setPage(ConfigurePage, createConfigureStep(&d->state));
    setPage(PreflightPage, createPreflightStep(&d->state));
    setPage(ReviewPage, createReviewStep(&d->state));
    setPage(ProgressPage, createProgressStep(&d->state));
    setPage(VerifyPage, createVerifyStep(&d->state));
    setPage(NextPage, createNextStepsStep(&d->state, this));
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
    selectMeshOnStep(d->choose, id);
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
