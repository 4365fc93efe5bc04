#include "ownership.h"

#include "apierror.h"
#include "objectstore.h"

#include <QJsonArray>

namespace Meshdeck::Demo {

bool Ownership::ownedBy(const QJsonObject &object, const QString &uid)
{
    const QJsonArray refs = object.value(QStringLiteral("metadata"))
                                .toObject()
                                .value(QStringLiteral("ownerReferences"))
                                .toArray();
    for (const QJsonValue &r : refs) {
        if (r.toObject().value(QStringLiteral("uid")).toString() == uid)
            return true;
    }
    return false;
}

QJsonObject Ownership::controllerReference(const QJsonObject &owner)
{
    const QJsonObject md = owner.value(QStringLiteral("metadata")).toObject();
    return QJsonObject {{QStringLiteral("apiVersion"), owner.value(QStringLiteral("apiVersion"))},
                        {QStringLiteral("kind"), owner.value(QStringLiteral("kind"))},
                        {QStringLiteral("name"), md.value(QStringLiteral("name"))},
                        {QStringLiteral("uid"), md.value(QStringLiteral("uid"))},
                        {QStringLiteral("controller"), true},
                        {QStringLiteral("blockOwnerDeletion"), true}};
}

QList<Ownership::Dependent> Ownership::dependents(const ObjectStore &store,
                                                  const ResourceRegistry &registry,
                                                  const QString &uid, const QString &ns)
{
    QList<Dependent> out;
    if (uid.isEmpty())
        return out;
    QSet<QString> seen;
    for (const ResourceType &t : registry.all()) {
        if (seen.contains(t.storageKey()))
            continue;
        seen.insert(t.storageKey());
        for (const QJsonObject &o : store.objects(t.storageKey(), t.namespaced ? ns : QString())) {
            if (ownedBy(o, uid))
                out << Dependent {t, o};
        }
    }
    return out;
}

void Ownership::deleteDependents(ObjectStore &store, const ResourceRegistry &registry,
                                 const QString &uid, const QString &ns)
{
    for (const Dependent &d : dependents(store, registry, uid, ns)) {
        const QJsonObject md = d.object.value(QStringLiteral("metadata")).toObject();
        deleteDependents(store, registry, md.value(QStringLiteral("uid")).toString(),
                         md.value(QStringLiteral("namespace")).toString());
        try {
            store.remove(d.type, md.value(QStringLiteral("namespace")).toString(),
                         md.value(QStringLiteral("name")).toString());
        } catch (const ApiError &) {
            // Already gone: another deleter was first.
        }
    }
}

void Ownership::orphanDependents(ObjectStore &store, const ResourceRegistry &registry,
                                 const QString &uid, const QString &ns)
{
    for (const Dependent &d : dependents(store, registry, uid, ns)) {
        QJsonObject o = d.object;
        QJsonObject md = o.value(QStringLiteral("metadata")).toObject();
        QJsonArray refs = md.value(QStringLiteral("ownerReferences")).toArray();
        for (int i = refs.size() - 1; i >= 0; --i) {
            if (refs.at(i).toObject().value(QStringLiteral("uid")).toString() == uid)
                refs.removeAt(i);
        }
        if (refs.isEmpty())
            md.remove(QStringLiteral("ownerReferences"));
        else
            md.insert(QStringLiteral("ownerReferences"), refs);
        o.insert(QStringLiteral("metadata"), md);
        try {
            store.update(d.type, o, false);
        } catch (const ApiError &) {
        }
    }
}

} // namespace Meshdeck::Demo
