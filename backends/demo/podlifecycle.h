#pragma once

#include <QHash>
#include <QJsonObject>
#include <QSet>

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
    std::optional<QJsonObject> current(const QString &ns, const QString &name,
                                       const QString &uid) const;
    QString podIp(const QString &node);

    ControllerContext &m_ctx;
    QSet<QString> m_tracked; // pod uids whose lifecycle is scheduled
    QSet<QString> m_deleting; // pod uids whose removal is scheduled
    QHash<QString, int> m_nextIp;
};

} // namespace Meshdeck::Demo
