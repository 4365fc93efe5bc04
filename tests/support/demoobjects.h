#pragma once

// Objects the demo-cluster tests create (a Deployment, a ConfigMap) and what they count (Ready
// pods of an app), written once for the tests that share them.
#include <demo/democluster.h>
#include <demo/objectstore.h>

#include <QJsonArray>
#include <QJsonObject>

namespace TestSupport {

inline QJsonObject deployment(const QString &name, int replicas,
                              const QString &image = QStringLiteral("nginx:1.27"))
{
    const QJsonObject labels {{QStringLiteral("app"), name}};
    const QJsonObject container {{QStringLiteral("name"), QStringLiteral("main")},
                                 {QStringLiteral("image"), image}};
    const QJsonObject podTemplate {
        {QStringLiteral("metadata"), QJsonObject {{QStringLiteral("labels"), labels}}},
        {QStringLiteral("spec"),
         QJsonObject {{QStringLiteral("containers"), QJsonArray {container}}}}};
    const QJsonObject spec {
        {QStringLiteral("replicas"), replicas},
        {QStringLiteral("selector"), QJsonObject {{QStringLiteral("matchLabels"), labels}}},
        {QStringLiteral("template"), podTemplate}};
    return QJsonObject {{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                        {QStringLiteral("kind"), QStringLiteral("Deployment")},
                        {QStringLiteral("metadata"), QJsonObject {{QStringLiteral("name"), name}}},
                        {QStringLiteral("spec"), spec}};
}

inline QJsonObject configMap(const QString &name, const QString &value)
{
    return QJsonObject {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                        {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                        {QStringLiteral("metadata"), QJsonObject {{QStringLiteral("name"), name}}},
                        {QStringLiteral("data"), QJsonObject {{QStringLiteral("key"), value}}}};
}

inline int readyPods(Meshdeck::Demo::DemoCluster &c, const QString &ns, const QString &app)
{
    int n = 0;
    for (const QJsonObject &p : c.store().objects(QStringLiteral("/pods"), ns)) {
        if (p.value(QStringLiteral("metadata"))
                .toObject()
                .value(QStringLiteral("labels"))
                .toObject()
                .value(QStringLiteral("app"))
                .toString()
            != app)
            continue;
        if (p.value(QStringLiteral("metadata"))
                .toObject()
                .contains(QStringLiteral("deletionTimestamp")))
            continue;
        for (const QJsonValue &c2 : p.value(QStringLiteral("status"))
                                        .toObject()
                                        .value(QStringLiteral("conditions"))
                                        .toArray())
            if (c2.toObject().value(QStringLiteral("type")).toString() == QLatin1String("Ready")
                && c2.toObject().value(QStringLiteral("status")).toString()
                    == QLatin1String("True"))
                ++n;
    }
    return n;
}

} // namespace TestSupport
