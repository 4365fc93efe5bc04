#pragma once

#include "resourcetype.h"

#include <QJsonObject>
#include <QList>

namespace Meshdeck::Demo {

class ObjectStore;

// Owner references: who depends on whom, for garbage collection and orphaning.
class Ownership
{
public:
    struct Dependent
    {
        ResourceType type;
        QJsonObject object;
    };

    // Objects with an ownerReference to `uid`: in namespace `ns`, or anywhere when the owner is
    // cluster-scoped (ns empty).
    [[nodiscard]] static QList<Dependent> dependents(const ObjectStore &store,
                                                     const ResourceRegistry &registry,
                                                     const QString &uid, const QString &ns);
    // Deletes the dependents of `uid`, depth first.
    static void deleteDependents(ObjectStore &store, const ResourceRegistry &registry,
                                 const QString &uid, const QString &ns);
    // Removes references to `uid` from its dependents.
    static void orphanDependents(ObjectStore &store, const ResourceRegistry &registry,
                                 const QString &uid, const QString &ns);
    [[nodiscard]] static bool ownedBy(const QJsonObject &object, const QString &uid);
    [[nodiscard]] static QJsonObject controllerReference(const QJsonObject &owner);
};

} // namespace Meshdeck::Demo
