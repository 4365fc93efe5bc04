#pragma once

#include <QJsonObject>
#include <QList>
#include <QReadWriteLock>
#include <QString>
#include <QStringList>

#include <optional>

namespace Meshdeck::Demo {

// One kind the demo API serves: where it lives (group/version/plural) and how it is described in
// discovery. Custom resources get one per served version of an Established CRD.
struct ResourceType
{
    QString group;
    QString version;
    QString kind;
    QString plural;
    QString singular;
    bool namespaced = true;
    QStringList shortNames;
    QStringList categories;
    QStringList subresources; // "status", "scale", "log", "binding", ...
    QStringList verbs {
        QStringLiteral("create"), QStringLiteral("delete"), QStringLiteral("deletecollection"),
        QStringLiteral("get"),    QStringLiteral("list"),   QStringLiteral("patch"),
        QStringLiteral("update"), QStringLiteral("watch")};
    QJsonObject crdPrinterColumns; // {"columns": [...]} from the CRD, for Table output
    QJsonObject schema; // the CRD version's openAPIV3Schema (custom resources only)
    bool custom = false;

    [[nodiscard]] QString apiVersion() const
    {
        return group.isEmpty() ? version : group + QLatin1Char('/') + version;
    }
    // Storage identity, independent of the version it is served at.
    [[nodiscard]] QString storageKey() const { return group + QLatin1Char('/') + plural; }
    [[nodiscard]] QString qualifiedPlural() const
    {
        return group.isEmpty() ? plural : plural + QLatin1Char('.') + group;
    }
};

// The kinds served, built-ins plus those of Established CRDs. Thread-safe.
class ResourceRegistry
{
public:
    ResourceRegistry();

    [[nodiscard]] std::optional<ResourceType> find(const QString &group, const QString &version,
                                                   const QString &plural) const;
    [[nodiscard]] std::optional<ResourceType> findKind(const QString &apiVersion,
                                                       const QString &kind) const;
    [[nodiscard]] std::optional<ResourceType> findByStorageKey(const QString &key) const;
    [[nodiscard]] QList<ResourceType> all() const;
    // group -> versions, preferred first; "" is the legacy core group.
    [[nodiscard]] QList<QPair<QString, QStringList>> groups() const;

    void addCustom(const QList<ResourceType> &types);
    void removeCustom(const QString &group, const QString &plural);

private:
    mutable QReadWriteLock m_lock;
    QList<ResourceType> m_types;
};

} // namespace Meshdeck::Demo
