#include "configindex.h"

#include "configchecks.h"

#include <QJsonArray>

#include <thread>

namespace Meshdeck::Mesh {

using namespace ConfigJson;

namespace {

const QString kRootNamespace = QStringLiteral("istio-system");

} // namespace

QJsonObject ConfigJson::metadata(const QJsonObject &o)
{
    return o.value(QLatin1String("metadata")).toObject();
}

QString ConfigJson::nsOf(const QJsonObject &o)
{
    return metadata(o).value(QLatin1String("namespace")).toString();
}

QString ConfigJson::nameOf(const QJsonObject &o)
{
    return metadata(o).value(QLatin1String("name")).toString();
}

QJsonObject ConfigJson::specOf(const QJsonObject &o)
{
    return o.value(QLatin1String("spec")).toObject();
}

QString ConfigJson::indexed(const char *field, qsizetype i)
{
    return QStringLiteral("%1[%2]").arg(QLatin1String(field)).arg(i);
}

QMap<QString, QString> stringMap(const QJsonObject &object)
{
    QMap<QString, QString> map;
    for (auto it = object.begin(); it != object.end(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}

ConfigIndex::ConfigIndex(const ConfigObjects &objects)
{
    // Pods are most of the work and touch members of their own: indexed on a second thread.
    std::thread pods([this, &objects] { indexPods(objects); });
    indexRouting(objects);
    pods.join();
}

void ConfigIndex::indexPods(const ConfigObjects &objects)
{
    for (const QJsonObject &p : objects.pods) {
        const QString phase
            = p.value(QLatin1String("status")).toObject().value(QLatin1String("phase")).toString();
        if (phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed"))
            continue;
        Pod pod;
        pod.metadata = metadata(p);
        pod.ns = pod.metadata.value(QLatin1String("namespace")).toString();
        pod.name = pod.metadata.value(QLatin1String("name")).toString();
        pod.labels = pod.metadata.value(QLatin1String("labels")).toObject();
        pod.spec = specOf(p);
        const int index = int(m_pods.size());
        for (auto it = pod.labels.constBegin(); it != pod.labels.constEnd(); ++it)
            m_podsByLabel[{it.key(), it.value().toString()}].append(index);
        m_pods.append(std::move(pod));
    }
}

void ConfigIndex::indexRouting(const ConfigObjects &objects)
{
    for (const QJsonObject &n : objects.namespaces)
        m_namespaces.insert(nameOf(n), &n);
    for (const QJsonObject &s : objects.services) {
        Service service {nsOf(s), nameOf(s), {}, {}};
        const QJsonObject spec = specOf(s);
        service.selector = stringMap(spec.value(QLatin1String("selector")).toObject());
        for (const QJsonValue &p : spec.value(QLatin1String("ports")).toArray()) {
            service.ports << p.toObject().value(QLatin1String("port")).toInt();
        }
        m_services.insert(ConfigChecks::qualifiedHost(service.name, service.ns), service);
    }
    for (const QJsonObject &e : objects.serviceEntries) {
        for (const QJsonValue &h : specOf(e).value(QLatin1String("hosts")).toArray()) {
            const QString host = h.toString().toLower();
            if (host.startsWith(QLatin1String("*")))
                m_entryWildcards << host.mid(1);
            else
                m_entryHosts.insert(host);
        }
    }
    for (const QJsonObject &r : objects.destinationRules) {
        const QString host = specOf(r).value(QLatin1String("host")).toString();
        m_rulesByHost[ConfigChecks::qualifiedHost(host, nsOf(r))].append(&r);
    }
    for (const QJsonObject &g : objects.istioGateways)
        m_istioGateways.insert(nsOf(g) + QLatin1Char('/') + nameOf(g));
    for (const QJsonObject &g : objects.gateways)
        m_gateways.insert(nsOf(g) + QLatin1Char('/') + nameOf(g));
    for (const QJsonObject &a : objects.peerAuthentications) {
        const QJsonObject spec = specOf(a);
        const QJsonObject selector = spec.value(QLatin1String("selector")).toObject();
        if (!selector.value(QLatin1String("matchLabels")).toObject().isEmpty())
            continue; // workload-specific: not the namespace's mode
        const QString mode = spec.value(QLatin1String("mtls"))
                                 .toObject()
                                 .value(QLatin1String("mode"))
                                 .toString(QStringLiteral("UNSET"));
        if (mode == QLatin1String("UNSET"))
            continue;
        const QPair<QString, QString> setting {mode, nsOf(a) + QLatin1Char('/') + nameOf(a)};
        if (nsOf(a) == kRootNamespace)
            m_meshMtls = setting;
        m_namespaceMtls.insert(nsOf(a), setting);
    }
    for (const QJsonObject &g : objects.referenceGrants)
        m_grantsByNs[nsOf(g)].append(&g);
}

const ConfigIndex::Service *ConfigIndex::serviceByHost(const QString &qualifiedHost) const
{
    const auto it = m_services.constFind(qualifiedHost);
    return it == m_services.cend() ? nullptr : &it.value();
}

const ConfigIndex::Service *ConfigIndex::service(const QString &ns, const QString &name) const
{
    return serviceByHost(ConfigChecks::qualifiedHost(name, ns));
}

bool ConfigIndex::serviceEntryHost(const QString &host) const
{
    const QString h = host.toLower();
    if (m_entryHosts.contains(h))
        return true;
    for (const QString &suffix : m_entryWildcards)
        if (h.endsWith(suffix) || suffix.isEmpty())
            return true;
    return false;
}

const QJsonObject *ConfigIndex::namespaceObject(const QString &ns) const
{
    return m_namespaces.value(ns, nullptr);
}

bool ConfigIndex::anyPodMatches(const QMap<QString, QString> &labels, const QString &ns) const
{
    if (labels.isEmpty()) {
        for (const Pod &p : m_pods)
            if (ns.isEmpty() || p.ns == ns)
                return true;
        return false;
    }
    // Only the pods that carry the rarest of the labels can match.
    const QList<int> *fewest = nullptr;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        const auto found = m_podsByLabel.constFind({it.key(), it.value()});
        if (found == m_podsByLabel.cend())
            return false;
        if (!fewest || found->size() < fewest->size())
            fewest = &found.value();
    }
    for (int i : *fewest) {
        const Pod &p = m_pods.at(i);
        if (!ns.isEmpty() && p.ns != ns)
            continue;
        bool all = true;
        for (auto it = labels.cbegin(); it != labels.cend() && all; ++it)
            all = p.labels.value(it.key()).toString() == it.value();
        if (all)
            return true;
    }
    return false;
}

QString ConfigIndex::mtlsMode(const QString &ns, QString *policy) const
{
    QPair<QString, QString> setting = m_namespaceMtls.value(ns, m_meshMtls);
    if (setting.first.isEmpty())
        setting = {QStringLiteral("PERMISSIVE"), QString()};
    if (policy)
        *policy = setting.second;
    return setting.first;
}

bool ConfigIndex::referencePermitted(const QString &fromKind, const QString &fromNs,
                                     const QString &toNs, const QString &name) const
{
    for (const QJsonObject *grant : m_grantsByNs.value(toNs)) {
        const QJsonObject spec = specOf(*grant);
        bool from = false;
        for (const QJsonValue &f : spec.value(QLatin1String("from")).toArray()) {
            const QJsonObject o = f.toObject();
            from = from
                || (o.value(QLatin1String("group")).toString()
                        == QLatin1String("gateway.networking.k8s.io")
                    && o.value(QLatin1String("kind")).toString() == fromKind
                    && o.value(QLatin1String("namespace")).toString() == fromNs);
        }
        if (!from)
            continue;
        for (const QJsonValue &t : spec.value(QLatin1String("to")).toArray()) {
            const QJsonObject o = t.toObject();
            const QString group = o.value(QLatin1String("group")).toString();
            const QString target = o.value(QLatin1String("name")).toString();
            if ((group.isEmpty() || group == QLatin1String("core"))
                && o.value(QLatin1String("kind")).toString() == QLatin1String("Service")
                && (target.isEmpty() || target == name))
                return true;
        }
    }
    return false;
}

} // namespace Meshdeck::Mesh
