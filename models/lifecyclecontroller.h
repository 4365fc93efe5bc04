#pragma once

#include <kube/kubeconfig.h>
#include <mesh/meshcatalog.h>

#include <QObject>
#include <QThread>

#include <atomic>

namespace Meshdeck {

class LifecycleWorker;

// The Lifecycle page's hands: detection, installs and removals (by plan, with server-side
// apply), injection switches and sample apps, all on a worker thread. Each operation streams
// its steps as log lines and ends with finished(); every one is recorded in the history.
class LifecycleController : public QObject
{
    Q_OBJECT

public:
    explicit LifecycleController(QObject *parent = nullptr);
    ~LifecycleController() override;

    void setContext(const Kube::ResolvedContext &context);
    void setHistoryPath(const QString &path);
    [[nodiscard]] bool hasContext() const { return m_hasContext; }
    [[nodiscard]] bool busy() const { return m_busy; }

    void detect();
    void install(const QString &mesh);
    void uninstall(const QString &mesh);
    void setInjection(const QString &mesh, const QString &ns, bool on);
    void sample(const QString &app, const QString &ns, bool deploy, const QString &injectMesh);
    void cancel();

Q_SIGNALS:
    void detected(const QList<Meshdeck::Mesh::DetectedMesh> &meshes, const QStringList &namespaces);
    void logged(const QString &line);
    void started(const QString &title);
    void finished(const QString &title, bool ok, const QString &message);

private:
    void run(const QString &title, const std::function<void()> &job);
    void done(const QString &title, bool ok, const QString &message);

    QThread m_thread;
    LifecycleWorker *m_worker = nullptr;
    bool m_hasContext = false;
    bool m_busy = false;
};

} // namespace Meshdeck

Q_DECLARE_METATYPE(QList<Meshdeck::Mesh::DetectedMesh>)
