#pragma once

#include <QJsonObject>
#include <QString>

namespace Meshdeck::Demo {

class ControllerContext;

// Deployments (rolling updates through ReplicaSets), ReplicaSets, StatefulSets, DaemonSets and
// Jobs, reconciled the way kube-controller-manager does, with their status and Events.
class WorkloadController
{
public:
    explicit WorkloadController(ControllerContext &ctx);

    void syncDeployment(const QString &ns, const QString &name);
    void syncReplicaSet(const QString &ns, const QString &name);
    void syncStatefulSet(const QString &ns, const QString &name);
    void syncDaemonSet(const QString &ns, const QString &name);
    void syncJob(const QString &ns, const QString &name);

    static QString templateHash(const QJsonObject &podTemplate);

private:
    QJsonObject podFromTemplate(const QJsonObject &owner, const QJsonObject &podTemplate,
                                const QString &generateName) const;
    void scaleReplicaSet(QJsonObject rs, int replicas, const QJsonObject &deployment);

    ControllerContext &m_ctx;
};

} // namespace Meshdeck::Demo
