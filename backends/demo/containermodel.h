#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

namespace Meshdeck::Demo {

class ObjectStore;

// What a command run inside one of the demo's containers sees: its hostname, its environment
// (as the kubelet builds it: the container's env and envFrom, the Services of its namespace,
// the API server), and its files (the ConfigMaps and Secrets it mounts, /etc/hostname,
// /etc/hosts, /etc/resolv.conf, the service account's namespace), all read from the cluster's
// objects when the exec starts.
struct ContainerModel
{
    QString pod;
    QString ns;
    QString container;
    QString image;
    QList<QPair<QString, QString>> env;
    QMap<QString, QByteArray> files; // absolute path -> content
    QStringList directories; // absolute paths, "/" included
    // Where names lead from this pod: "name:port=127.0.0.1:P,…" (see DemoCluster::hostAliases)
    QString hostAliases;
    // The pod's own ports (containerPort -> loopback port that answers for it)
    QMap<int, quint16> ports;

    [[nodiscard]] QString envValue(const QString &name) const;
    [[nodiscard]] bool isDirectory(const QString &path) const;
    [[nodiscard]] QStringList children(const QString &directory) const; // names, sorted

    static ContainerModel of(const ObjectStore &store, const QJsonObject &pod,
                             const QString &container);
};

} // namespace Meshdeck::Demo
