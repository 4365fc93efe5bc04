#pragma once

#include "manifestplan.h"

#include <kube/kubeclient.h>

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Meshdeck::Mesh {

// Where an object of a plan lives: from discovery, or from a CRD the plan itself creates.
// Internal to the installer's files.
struct Resolved
{
    QString group, plural;
    bool namespaced = true;
    QString path;
};

class PlanResolver
{
public:
    PlanResolver(const QList<Kube::ApiResource> &served, const ManifestPlan &plan)
    {
        for (const Kube::ApiResource &r : served)
            m_kinds.insert(r.apiVersion() + QLatin1Char('/') + r.kind,
                           {r.group, r.plural, r.namespaced, {}});
        for (const PlanStep &s : plan.steps) {
            if (s.kind != QLatin1String("CustomResourceDefinition"))
                continue;
            const QJsonObject spec = s.object.value(QLatin1String("spec")).toObject();
            const QJsonObject names = spec.value(QLatin1String("names")).toObject();
            const QString group = spec.value(QLatin1String("group")).toString();
            for (const QJsonValue &v : spec.value(QLatin1String("versions")).toArray())
                m_kinds.insert(
                    group + QLatin1Char('/') + v.toObject().value(QLatin1String("name")).toString()
                        + QLatin1Char('/') + names.value(QLatin1String("kind")).toString(),
                    {group,
                     names.value(QLatin1String("plural")).toString(),
                     spec.value(QLatin1String("scope")).toString() != QLatin1String("Cluster"),
                     {}});
        }
    }

    [[nodiscard]] std::optional<Resolved> resolve(const PlanStep &s) const
    {
        const auto it = m_kinds.constFind(s.apiVersion + QLatin1Char('/') + s.kind);
        if (it == m_kinds.constEnd())
            return std::nullopt;
        Resolved r = it.value();
        const QString version = s.apiVersion.section(QLatin1Char('/'), -1);
        const QString base = r.group.isEmpty()
            ? QStringLiteral("/api/%1").arg(version)
            : QStringLiteral("/apis/%1/%2").arg(r.group, version);
        r.path = r.namespaced
            ? QStringLiteral("%1/namespaces/%2/%3/%4").arg(base, s.ns, r.plural, s.name)
            : QStringLiteral("%1/%2/%3").arg(base, r.plural, s.name);
        return r;
    }

private:
    QHash<QString, Resolved> m_kinds;
};

// "istioctl install --set 'a b'": a program and its arguments as a person would type them.
[[nodiscard]] QString commandLine(const QString &program, const QStringList &args);

} // namespace Meshdeck::Mesh
