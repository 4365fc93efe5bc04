#pragma once

#include <QHash>
#include <QJsonObject>
#include <QPair>
#include <QSet>
#include <QStringList>

namespace Meshdeck::Demo {

class ControllerContext;

// The scheduler and the kubelets of the demo's nodes: unscheduled pods are bound to the node
// with the fewest pods, then go ContainerCreating -> Running -> Ready over about two seconds;
// job pods run to completion; pods being deleted stop and disappear.
class PodLifecycle
{
public:
    explicit PodLifecycle(ControllerContext &ctx);

    void onPodChanged(const QJsonObject &pod, bool deleted);

private:
    void schedule(const QString &ns, const QString &name, const QString &uid);
    void createContainers(const QString &ns, const QString &name, const QString &uid);
    void start(const QString &ns, const QString &name, const QString &uid);
    void becomeReady(const QString &ns, const QString &name, const QString &uid);
    void complete(const QString &ns, const QString &name, const QString &uid);
    void finishDeletion(const QString &ns, const QString &name, const QString &uid);
    // Pods of Meshdeck's worker image run for real (ContainerProcesses).
    bool runProcess(const QJsonObject &pod);
    void processExited(const QString &uid, int exitCode, int signal);
    QStringList processEnvironment(const QJsonObject &pod, const QJsonObject &container) const;
    std::optional<QJsonObject> current(const QString &ns, const QString &name,
                                       const QString &uid) const;
    QString podIp(const QString &node);

    ControllerContext &m_ctx;
    QSet<QString> m_tracked; // pod uids whose lifecycle is scheduled
    QSet<QString> m_deleting; // pod uids whose removal is scheduled
    QHash<QString, int> m_nextIp;
    QHash<QString, QPair<QString, QString>> m_processPods; // uid -> (namespace, name)
    bool m_exitHooked = false;
};

} // namespace Meshdeck::Demo
