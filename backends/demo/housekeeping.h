#pragma once

#include <QJsonObject>
#include <QString>

namespace Meshdeck::Demo {

class ControllerContext;

// Cluster-wide bookkeeping: the garbage collector (dependents of deleted owners), namespace
// termination (empty the namespace, then remove it), what every live namespace holds (the
// ServiceAccount "default" and the ConfigMap kube-root-ca.crt, put back when deleted or
// changed), finalizer-free removal of objects marked for deletion, and
// CustomResourceDefinitions (Established, served, and their objects removed with them).
class Housekeeping
{
public:
    explicit Housekeeping(ControllerContext &ctx);

    void onDeleted(const QJsonObject &object, bool clusterScoped);
    void syncNamespace(const QString &name);
    void syncCustomResourceDefinition(const QString &name, bool deleted, const QJsonObject &last);
    void removeIfFinalized(const QString &storageKey, const QJsonObject &object);

    // Whether a change to this object concerns what every namespace holds.
    [[nodiscard]] static bool isNamespaceDefault(const QString &storageKey, const QString &name);

private:
    void publishDefaults(const QString &ns);
    ControllerContext &m_ctx;
};

} // namespace Meshdeck::Demo
