#pragma once

#include <kube/clustersession.h>
#include <mesh/installer.h>
#include <mesh/meshcatalog.h>

#include <QWizard>

#include <memory>

namespace Meshdeck {

class InstallSession;
struct InstallWizardPrivate;

// Installing a service mesh, step by step: choose the mesh (cards say what this cluster already
// runs), version, profile and method, options (mTLS mode, add-ons, namespaces to inject), a
// preflight, the full plan for review (every object and command, YAML highlighted, existing
// objects marked), progress with a live step list and log (cancel offers a rollback; a failure
// offers retry, resume, or taking over conflicting fields), verification, and next steps. Every
// cluster call runs on the session's thread. Works with the keyboard alone.
class InstallWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId {
        ChoosePage,
        ConfigurePage,
        PreflightPage,
        ReviewPage,
        ProgressPage,
        VerifyPage,
        NextPage
    };

    InstallWizard(const Kube::ClusterSessionPtr &session, const QList<Mesh::DetectedMesh> &detected,
                  const QStringList &namespaces, QWidget *parent = nullptr);
    ~InstallWizard() override;

    void setHistoryPath(const QString &path);
    void selectMesh(const QString &id);
    [[nodiscard]] InstallSession *session() const { return m_session; }
    [[nodiscard]] Mesh::InstallOptions options() const;

Q_SIGNALS:
    void sampleRequested(const QString &app, const QString &ns, const QString &mesh);
    void topologyRequested();
    void restartRequested(const QString &ns);
    void installed(bool ok);

public:
    void reject() override;

private:
    InstallSession *m_session;
    std::unique_ptr<InstallWizardPrivate> d;
};

} // namespace Meshdeck
