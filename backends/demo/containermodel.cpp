#include "containermodel.h"

#include "objectfields.h"
#include "objectstore.h"

#include <QJsonArray>

#include <algorithm>

namespace Meshdeck::Demo {

namespace {

QJsonObject child(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// A ConfigMap's or Secret's data as files (Secrets' values are base64 on the wire).
QMap<QString, QByteArray> dataOf(const QJsonObject &object, bool secret)
{
    QMap<QString, QByteArray> out;
    const QJsonObject data = child(object, "data");
    for (auto it = data.begin(); it != data.end(); ++it) {
        const QByteArray value = it.value().toString().toUtf8();
        out.insert(it.key(), secret ? QByteArray::fromBase64(value) : value);
    }
    if (!secret) {
        const QJsonObject binary = child(object, "binaryData");
        for (auto it = binary.begin(); it != binary.end(); ++it)
            out.insert(it.key(), QByteArray::fromBase64(it.value().toString().toLatin1()));
    }
    return out;
}

QString envName(const QString &service)
{
    QString name = service.toUpper();
    name.replace(QLatin1Char('-'), QLatin1Char('_'));
    return name;
}

} // namespace

QString ContainerModel::envValue(const QString &name) const
{
    for (const auto &[key, value] : env)
        if (key == name)
            return value;
    return {};
}

bool ContainerModel::isDirectory(const QString &path) const
{
    return directories.contains(path);
}

QStringList ContainerModel::children(const QString &directory) const
{
    const QString prefix
        = directory.endsWith(QLatin1Char('/')) ? directory : directory + QLatin1Char('/');
    QStringList out;
    const auto add = [&](const QString &path) {
        if (path == directory || !path.startsWith(prefix))
            return;
        const QString name = path.mid(prefix.size()).section(QLatin1Char('/'), 0, 0);
        if (!name.isEmpty() && !out.contains(name))
            out << name;
    };
    for (const QString &d : directories)
        add(d);
    for (auto it = files.begin(); it != files.end(); ++it)
        add(it.key());
    std::sort(out.begin(), out.end());
    return out;
}

ContainerModel ContainerModel::of(const ObjectStore &store, const QJsonObject &pod,
                                  const QString &container)
{
    ContainerModel m;
    m.pod = metaString(pod, "name");
    m.ns = metaString(pod, "namespace");
    m.container = container;
    const QJsonObject spec = child(pod, "spec");
    const QJsonObject status = child(pod, "status");
    QJsonObject c;
    for (const QJsonValue &v : spec.value(QLatin1String("containers")).toArray())
        if (text(v.toObject(), "name") == container)
            c = v.toObject();
    m.image = text(c, "image");

    const auto configMap = [&](const QString &name) {
        const auto o = store.tryGet(QStringLiteral("/configmaps"), m.ns, name);
        return o ? dataOf(*o, false) : QMap<QString, QByteArray> {};
    };
    const auto secret = [&](const QString &name) {
        const auto o = store.tryGet(QStringLiteral("/secrets"), m.ns, name);
        return o ? dataOf(*o, true) : QMap<QString, QByteArray> {};
    };

    // The environment, in the kubelet's order: Services first, then envFrom, then env.
    m.env << qMakePair(
        QStringLiteral("PATH"),
        QStringLiteral("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"))
          << qMakePair(QStringLiteral("HOSTNAME"), m.pod)
          << qMakePair(QStringLiteral("HOME"), QStringLiteral("/root"));
    if (!spec.contains(QLatin1String("enableServiceLinks"))
        || spec.value(QLatin1String("enableServiceLinks")).toBool()) {
        for (const QJsonObject &svc : store.objects(QStringLiteral("/services"), m.ns)) {
            const QString ip = text(child(svc, "spec"), "clusterIP");
            const QJsonArray ports = child(svc, "spec").value(QLatin1String("ports")).toArray();
            if (ip.isEmpty() || ip == QLatin1String("None") || ports.isEmpty())
                continue;
            const QString name = envName(metaString(svc, "name"));
            m.env << qMakePair(name + QStringLiteral("_SERVICE_HOST"), ip)
                  << qMakePair(name + QStringLiteral("_SERVICE_PORT"),
                               QString::number(
                                   ports.at(0).toObject().value(QLatin1String("port")).toInt()));
        }
    }
    m.env << qMakePair(QStringLiteral("KUBERNETES_SERVICE_HOST"), QStringLiteral("10.96.0.1"))
          << qMakePair(QStringLiteral("KUBERNETES_SERVICE_PORT"), QStringLiteral("443"));
    for (const QJsonValue &v : c.value(QLatin1String("envFrom")).toArray()) {
        const QJsonObject from = v.toObject();
        const QString prefix = text(from, "prefix");
        QMap<QString, QByteArray> data;
        if (from.contains(QLatin1String("configMapRef")))
            data = configMap(text(child(from, "configMapRef"), "name"));
        else if (from.contains(QLatin1String("secretRef")))
            data = secret(text(child(from, "secretRef"), "name"));
        for (auto it = data.begin(); it != data.end(); ++it)
            m.env << qMakePair(prefix + it.key(), QString::fromUtf8(it.value()));
    }
    for (const QJsonValue &v : c.value(QLatin1String("env")).toArray()) {
        const QJsonObject e = v.toObject();
        QString value = text(e, "value");
        const QJsonObject from = child(e, "valueFrom");
        if (from.contains(QLatin1String("fieldRef"))) {
            const QString path = text(child(from, "fieldRef"), "fieldPath");
            if (path == QLatin1String("metadata.name"))
                value = m.pod;
            else if (path == QLatin1String("metadata.namespace"))
                value = m.ns;
            else if (path == QLatin1String("spec.nodeName"))
                value = text(spec, "nodeName");
            else if (path == QLatin1String("spec.serviceAccountName"))
                value = text(spec, "serviceAccountName");
            else if (path == QLatin1String("status.podIP"))
                value = text(status, "podIP");
            else if (path == QLatin1String("status.hostIP"))
                value = text(status, "hostIP");
        } else if (from.contains(QLatin1String("configMapKeyRef"))) {
            const QJsonObject ref = child(from, "configMapKeyRef");
            value = QString::fromUtf8(configMap(text(ref, "name")).value(text(ref, "key")));
        } else if (from.contains(QLatin1String("secretKeyRef"))) {
            const QJsonObject ref = child(from, "secretKeyRef");
            value = QString::fromUtf8(secret(text(ref, "name")).value(text(ref, "key")));
        }
        m.env << qMakePair(text(e, "name"), value);
    }

    // The files: a small root, the kubelet's own files, and the volumes the container mounts.
    m.directories = {QStringLiteral("/"),
                     QStringLiteral("/bin"),
                     QStringLiteral("/dev"),
                     QStringLiteral("/etc"),
                     QStringLiteral("/home"),
                     QStringLiteral("/proc"),
                     QStringLiteral("/root"),
                     QStringLiteral("/run"),
                     QStringLiteral("/sys"),
                     QStringLiteral("/tmp"),
                     QStringLiteral("/usr"),
                     QStringLiteral("/var"),
                     QStringLiteral("/var/run"),
                     QStringLiteral("/var/run/secrets"),
                     QStringLiteral("/var/run/secrets/kubernetes.io"),
                     QStringLiteral("/var/run/secrets/kubernetes.io/serviceaccount")};
    const QString podIp = text(status, "podIP");
    m.files.insert(QStringLiteral("/etc/hostname"), (m.pod + QLatin1Char('\n')).toUtf8());
    m.files.insert(
        QStringLiteral("/etc/hosts"),
        QStringLiteral("# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n%1\t%2\n")
            .arg(podIp.isEmpty() ? QStringLiteral("127.0.0.1") : podIp, m.pod)
            .toUtf8());
    m.files.insert(QStringLiteral("/etc/resolv.conf"),
                   QStringLiteral("search %1.svc.cluster.local svc.cluster.local cluster.local\n"
                                  "nameserver 10.96.0.10\noptions ndots:5\n")
                       .arg(m.ns)
                       .toUtf8());
    m.files.insert(QStringLiteral("/var/run/secrets/kubernetes.io/serviceaccount/namespace"),
                   m.ns.toUtf8());
    QMap<QString, QJsonObject> volumes;
    for (const QJsonValue &v : spec.value(QLatin1String("volumes")).toArray())
        volumes.insert(text(v.toObject(), "name"), v.toObject());
    for (const QJsonValue &v : c.value(QLatin1String("volumeMounts")).toArray()) {
        const QJsonObject mount = v.toObject();
        QString path = text(mount, "mountPath");
        if (!path.startsWith(QLatin1Char('/')))
            continue;
        while (path.size() > 1 && path.endsWith(QLatin1Char('/')))
            path.chop(1);
        for (QString d = path; d.size() > 1; d = d.section(QLatin1Char('/'), 0, -2))
            if (!m.directories.contains(d))
                m.directories << d;
        const QJsonObject volume = volumes.value(text(mount, "name"));
        QMap<QString, QByteArray> data;
        QJsonArray items;
        if (volume.contains(QLatin1String("configMap"))) {
            data = configMap(text(child(volume, "configMap"), "name"));
            items = child(volume, "configMap").value(QLatin1String("items")).toArray();
        } else if (volume.contains(QLatin1String("secret"))) {
            data = secret(text(child(volume, "secret"), "secretName"));
            items = child(volume, "secret").value(QLatin1String("items")).toArray();
        }
        const QString subPath = text(mount, "subPath");
        if (!subPath.isEmpty()) { // one key mounted as a file
            m.directories.removeAll(path);
            if (data.contains(subPath))
                m.files.insert(path, data.value(subPath));
            continue;
        }
        if (!items.isEmpty()) {
            QMap<QString, QByteArray> picked;
            for (const QJsonValue &i : items)
                picked.insert(text(i.toObject(), "path"), data.value(text(i.toObject(), "key")));
            data = picked;
        }
        for (auto it = data.begin(); it != data.end(); ++it)
            m.files.insert(path + QLatin1Char('/') + it.key(), it.value());
    }
    return m;
}

} // namespace Meshdeck::Demo
