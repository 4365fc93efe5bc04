#include "discovery.h"

#include "openapischemas.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSysInfo>

namespace Meshdeck::Demo {

QJsonObject Discovery::version()
{
    return QJsonObject {{QStringLiteral("major"), QStringLiteral("1")},
                        {QStringLiteral("minor"), QStringLiteral("32")},
                        {QStringLiteral("gitVersion"), QString::fromLatin1(kGitVersion)},
                        {QStringLiteral("gitCommit"), QStringLiteral("meshdeck-demo")},
                        {QStringLiteral("gitTreeState"), QStringLiteral("clean")},
                        {QStringLiteral("buildDate"), QStringLiteral("2026-01-15T00:00:00Z")},
                        {QStringLiteral("goVersion"), QStringLiteral("go1.23.6")},
                        {QStringLiteral("compiler"), QStringLiteral("gc")},
                        {QStringLiteral("platform"), QStringLiteral("linux/amd64")}};
}

QJsonObject Discovery::apiVersions(const QString &serverAddress)
{
    return QJsonObject {
        {QStringLiteral("kind"), QStringLiteral("APIVersions")},
        {QStringLiteral("versions"), QJsonArray {QStringLiteral("v1")}},
        {QStringLiteral("serverAddressByClientCIDRs"),
         QJsonArray {QJsonObject {{QStringLiteral("clientCIDR"), QStringLiteral("0.0.0.0/0")},
                                  {QStringLiteral("serverAddress"), serverAddress}}}}};
}

static QJsonObject groupObject(const QString &name, const QStringList &versions)
{
    QJsonArray vs;
    for (const QString &v : versions)
        vs.append(QJsonObject {{QStringLiteral("groupVersion"), name + QLatin1Char('/') + v},
                               {QStringLiteral("version"), v}});
    return QJsonObject {{QStringLiteral("name"), name},
                        {QStringLiteral("versions"), vs},
                        {QStringLiteral("preferredVersion"), vs.first()}};
}

QJsonObject Discovery::groupList(const ResourceRegistry &registry)
{
    QJsonArray groups;
    for (const auto &[name, versions] : registry.groups()) {
        if (!name.isEmpty())
            groups.append(groupObject(name, versions));
    }
    return QJsonObject {{QStringLiteral("kind"), QStringLiteral("APIGroupList")},
                        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                        {QStringLiteral("groups"), groups}};
}

QJsonObject Discovery::group(const ResourceRegistry &registry, const QString &name)
{
    for (const auto &[g, versions] : registry.groups()) {
        if (g == name && !g.isEmpty()) {
            QJsonObject o = groupObject(g, versions);
            o.insert(QStringLiteral("kind"), QStringLiteral("APIGroup"));
            o.insert(QStringLiteral("apiVersion"), QStringLiteral("v1"));
            return o;
        }
    }
    return {};
}

QJsonObject Discovery::resourceList(const ResourceRegistry &registry, const QString &group,
                                    const QString &version)
{
    QJsonArray resources;
    bool any = false;
    for (const ResourceType &t : registry.all()) {
        if (t.group != group || t.version != version)
            continue;
        any = true;
        QJsonObject r {{QStringLiteral("name"), t.plural},
                       {QStringLiteral("singularName"), t.singular},
                       {QStringLiteral("namespaced"), t.namespaced},
                       {QStringLiteral("kind"), t.kind},
                       {QStringLiteral("verbs"), QJsonArray::fromStringList(t.verbs)},
                       {QStringLiteral("storageVersionHash"),
                        QString::fromLatin1(QCryptographicHash::hash(t.storageKey().toUtf8(),
                                                                     QCryptographicHash::Sha256)
                                                .left(8)
                                                .toBase64())}};
        if (!t.shortNames.isEmpty())
            r.insert(QStringLiteral("shortNames"), QJsonArray::fromStringList(t.shortNames));
        if (!t.categories.isEmpty())
            r.insert(QStringLiteral("categories"), QJsonArray::fromStringList(t.categories));
        resources.append(r);
        for (const QString &sub : t.subresources) {
            QJsonObject s {{QStringLiteral("name"), t.plural + QLatin1Char('/') + sub},
                           {QStringLiteral("singularName"), QString()},
                           {QStringLiteral("namespaced"), t.namespaced},
                           {QStringLiteral("kind"), t.kind}};
            if (sub == QLatin1String("scale")) {
                s.insert(QStringLiteral("group"), QStringLiteral("autoscaling"));
                s.insert(QStringLiteral("version"), QStringLiteral("v1"));
                s.insert(QStringLiteral("kind"), QStringLiteral("Scale"));
                s.insert(QStringLiteral("verbs"),
                         QJsonArray {QStringLiteral("get"), QStringLiteral("patch"),
                                     QStringLiteral("update")});
            } else if (sub == QLatin1String("status")) {
                s.insert(QStringLiteral("verbs"),
                         QJsonArray {QStringLiteral("get"), QStringLiteral("patch"),
                                     QStringLiteral("update")});
            } else if (sub == QLatin1String("log")) {
                s.insert(QStringLiteral("verbs"), QJsonArray {QStringLiteral("get")});
            } else {
                s.insert(QStringLiteral("verbs"), QJsonArray {QStringLiteral("create")});
            }
            resources.append(s);
        }
    }
    if (!any)
        return {};
    return QJsonObject {{QStringLiteral("kind"), QStringLiteral("APIResourceList")},
                        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                        {QStringLiteral("groupVersion"),
                         group.isEmpty() ? version : group + QLatin1Char('/') + version},
                        {QStringLiteral("resources"), resources}};
}

bool Discovery::wantsAggregated(const QByteArray &accept)
{
    // The first acceptable type decides; v2beta1 is answered with v2's shape under v2's name,
    // which clients that list v2 first never see.
    for (const QByteArray &entry : accept.split(',')) {
        const QByteArray type = entry.trimmed();
        if (type.contains("as=APIGroupDiscoveryList"))
            return type.contains("v=v2;") || type.endsWith("v=v2");
        if (type.startsWith("application/json") || type.startsWith("*/*")
            || type.startsWith("application/vnd.kubernetes.protobuf"))
            return false;
    }
    return false;
}

QJsonObject Discovery::aggregated(const ResourceRegistry &registry, bool legacy)
{
    QJsonArray items;
    for (const auto &[group, versions] : registry.groups()) {
        if (group.isEmpty() != legacy)
            continue;
        QJsonArray versionList;
        for (const QString &v : versions) {
            QHash<QString, QJsonObject> byName;
            QStringList order;
            const QJsonArray list
                = resourceList(registry, group, v).value(QStringLiteral("resources")).toArray();
            for (const QJsonValue &value : list) {
                const QJsonObject r = value.toObject();
                const QString name = r.value(QStringLiteral("name")).toString();
                const qsizetype slash = name.indexOf(QLatin1Char('/'));
                if (slash < 0) {
                    QJsonObject d {
                        {QStringLiteral("resource"), name},
                        {QStringLiteral("responseKind"),
                         QJsonObject {{QStringLiteral("group"), group},
                                      {QStringLiteral("version"), v},
                                      {QStringLiteral("kind"), r.value(QStringLiteral("kind"))}}},
                        {QStringLiteral("scope"),
                         r.value(QStringLiteral("namespaced")).toBool()
                             ? QStringLiteral("Namespaced")
                             : QStringLiteral("Cluster")},
                        {QStringLiteral("singularResource"),
                         r.value(QStringLiteral("singularName"))},
                        {QStringLiteral("verbs"), r.value(QStringLiteral("verbs"))}};
                    for (const char *key : {"shortNames", "categories"})
                        if (r.contains(QLatin1String(key)))
                            d.insert(QLatin1String(key), r.value(QLatin1String(key)));
                    byName.insert(name, d);
                    order << name;
                    continue;
                }
                QJsonObject &parent = byName[name.left(slash)];
                QJsonArray subs = parent.value(QStringLiteral("subresources")).toArray();
                QJsonObject sub {{QStringLiteral("subresource"), name.mid(slash + 1)},
                                 {QStringLiteral("verbs"), r.value(QStringLiteral("verbs"))}};
                sub.insert(QStringLiteral("responseKind"),
                           QJsonObject {{QStringLiteral("group"),
                                         r.contains(QStringLiteral("group"))
                                             ? r.value(QStringLiteral("group"))
                                             : QJsonValue(group)},
                                        {QStringLiteral("version"),
                                         r.contains(QStringLiteral("version"))
                                             ? r.value(QStringLiteral("version"))
                                             : QJsonValue(v)},
                                        {QStringLiteral("kind"), r.value(QStringLiteral("kind"))}});
                subs.append(sub);
                parent.insert(QStringLiteral("subresources"), subs);
            }
            QJsonArray resources;
            for (const QString &name : std::as_const(order))
                resources.append(byName.value(name));
            versionList.append(
                QJsonObject {{QStringLiteral("version"), v},
                             {QStringLiteral("resources"), resources},
                             {QStringLiteral("freshness"), QStringLiteral("Current")}});
        }
        QJsonObject metadata {{QStringLiteral("creationTimestamp"), QJsonValue::Null}};
        if (!group.isEmpty())
            metadata.insert(QStringLiteral("name"), group);
        items.append(QJsonObject {{QStringLiteral("metadata"), metadata},
                                  {QStringLiteral("versions"), versionList}});
    }
    return QJsonObject {{QStringLiteral("kind"), QStringLiteral("APIGroupDiscoveryList")},
                        {QStringLiteral("apiVersion"), QStringLiteral("apidiscovery.k8s.io/v2")},
                        {QStringLiteral("metadata"), QJsonObject()},
                        {QStringLiteral("items"), items}};
}

QByteArray Discovery::openApiV2Protobuf()
{
    // openapi_v2.Document with swagger = "2.0" (field 1) and info.title/version (field 2), in
    // protobuf wire format. No definitions: clients find no schema and skip validation.
    QByteArray info;
    const QByteArray title = "Kubernetes";
    const QByteArray ver = kGitVersion;
    info.append(char(0x0a)).append(char(title.size())).append(title);
    info.append(char(0x1a)).append(char(ver.size())).append(ver);
    QByteArray doc;
    doc.append(char(0x0a)).append(char(3)).append("2.0");
    doc.append(char(0x12)).append(char(info.size())).append(info);
    return doc;
}

QJsonObject Discovery::openApiV2Json()
{
    return QJsonObject {
        {QStringLiteral("swagger"), QStringLiteral("2.0")},
        {QStringLiteral("info"),
         QJsonObject {{QStringLiteral("title"), QStringLiteral("Kubernetes")},
                      {QStringLiteral("version"), QString::fromLatin1(kGitVersion)}}},
        {QStringLiteral("paths"), QJsonObject()},
        {QStringLiteral("definitions"), QJsonObject()}};
}

QJsonObject Discovery::openApiV3Root(const ResourceRegistry &registry)
{
    QJsonObject paths;
    for (const auto &[group, versions] : registry.groups()) {
        for (const QString &v : versions) {
            const QString path = group.isEmpty() ? QStringLiteral("api/") + v
                                                 : QStringLiteral("apis/%1/%2").arg(group, v);
            const QByteArray doc
                = QJsonDocument(openApiV3Group(registry, group, v)).toJson(QJsonDocument::Compact);
            const QString hash
                = QString::fromLatin1(QCryptographicHash::hash(doc, QCryptographicHash::Sha512)
                                          .toHex()
                                          .left(32)
                                          .toUpper());
            paths.insert(path,
                         QJsonObject {{QStringLiteral("serverRelativeURL"),
                                       QStringLiteral("/openapi/v3/%1?hash=%2").arg(path, hash)}});
        }
    }
    return QJsonObject {{QStringLiteral("paths"), paths}};
}

QJsonObject Discovery::openApiV3Group(const ResourceRegistry &registry, const QString &group,
                                      const QString &version)
{
    // Declares every operation with the fieldValidation parameter, so that newer clients leave
    // field validation to the server.
    const QJsonObject fieldValidation {
        {QStringLiteral("name"), QStringLiteral("fieldValidation")},
        {QStringLiteral("in"), QStringLiteral("query")},
        {QStringLiteral("schema"),
         QJsonObject {{QStringLiteral("type"), QStringLiteral("string")}}}};
    QJsonObject paths;
    QStringList kinds;
    for (const ResourceType &t : registry.all()) {
        if (t.group != group || t.version != version)
            continue;
        kinds << t.kind;
        const QString base = group.isEmpty() ? QStringLiteral("/api/") + version
                                             : QStringLiteral("/apis/%1/%2").arg(group, version);
        const QString collection = t.namespaced
            ? QStringLiteral("%1/namespaces/{namespace}/%2").arg(base, t.plural)
            : QStringLiteral("%1/%2").arg(base, t.plural);
        const QJsonObject op {{QStringLiteral("parameters"), QJsonArray {fieldValidation}},
                              {QStringLiteral("x-kubernetes-group-version-kind"),
                               QJsonObject {{QStringLiteral("group"), t.group},
                                            {QStringLiteral("version"), t.version},
                                            {QStringLiteral("kind"), t.kind}}}};
        paths.insert(collection, QJsonObject {{QStringLiteral("post"), op}});
        paths.insert(collection + QStringLiteral("/{name}"),
                     QJsonObject {{QStringLiteral("put"), op}, {QStringLiteral("patch"), op}});
    }
    return QJsonObject {
        {QStringLiteral("openapi"), QStringLiteral("3.0.0")},
        {QStringLiteral("info"),
         QJsonObject {{QStringLiteral("title"), QStringLiteral("Kubernetes")},
                      {QStringLiteral("version"), QString::fromLatin1(kGitVersion)}}},
        {QStringLiteral("paths"), paths},
        {QStringLiteral("components"),
         QJsonObject {
             {QStringLiteral("schemas"),
              OpenApiSchemas::forKinds(
                  group.isEmpty() ? version : group + QLatin1Char('/') + version, kinds)}}}};
}

} // namespace Meshdeck::Demo
