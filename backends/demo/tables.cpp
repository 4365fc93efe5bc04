#include "tables.h"

#include <kube/podsummary.h>

#include <QDateTime>
#include <QJsonDocument>
#include <QStringList>

namespace Meshdeck::Demo {

namespace {

QJsonObject col(const char *name, const char *type = "string", int priority = 0,
                const char *format = "")
{
    return QJsonObject {{QStringLiteral("name"), QString::fromLatin1(name)},
                        {QStringLiteral("type"), QString::fromLatin1(type)},
                        {QStringLiteral("format"), QString::fromLatin1(format)},
                        {QStringLiteral("description"), QString()},
                        {QStringLiteral("priority"), priority}};
}

QJsonObject obj(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

qint64 num(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toInteger();
}

QString none(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("<none>") : s;
}

QString ports(const QJsonArray &ports)
{
    QStringList out;
    for (const QJsonValue &v : ports) {
        const QJsonObject p = v.toObject();
        QString s = QString::number(num(p, "port"));
        if (num(p, "nodePort") > 0)
            s += QLatin1Char(':') + QString::number(num(p, "nodePort"));
        s += QLatin1Char('/')
            + (str(p, "protocol").isEmpty() ? QStringLiteral("TCP") : str(p, "protocol"));
        out << s;
    }
    return out.isEmpty() ? QStringLiteral("<none>") : out.join(QLatin1Char(','));
}

QJsonValue jsonPath(const QJsonObject &object, const QString &path)
{
    // The simple ".a.b.c" and ".a[0].b" forms CRDs use.
    QJsonValue v = object;
    QString p = path;
    if (p.startsWith(QLatin1Char('.')))
        p = p.mid(1);
    for (QString part : p.split(QLatin1Char('.'))) {
        int index = -1;
        if (part.endsWith(QLatin1Char(']')) && part.contains(QLatin1Char('['))) {
            index = part.section(QLatin1Char('['), 1).chopped(1).toInt();
            part = part.section(QLatin1Char('['), 0, 0);
        }
        v = v.toObject().value(part);
        if (index >= 0)
            v = v.toArray().at(index);
    }
    return v;
}

} // namespace

QString Tables::age(const QString &rfc3339)
{
    return Kube::PodSummary::age(rfc3339);
}

QJsonArray Tables::columns(const ResourceType &t)
{
    QJsonArray c {col("Name", "string", 0, "name")};
    const QString k = t.kind;
    if (k == QLatin1String("Pod")) {
        c << col("Ready") << col("Status") << col("Restarts", "string") << col("Age")
          << col("IP", "string", 1) << col("Node", "string", 1)
          << col("Nominated Node", "string", 1) << col("Readiness Gates", "string", 1);
    } else if (k == QLatin1String("Deployment")) {
        c << col("Ready") << col("Up-to-date", "integer") << col("Available", "integer")
          << col("Age") << col("Containers", "string", 1) << col("Images", "string", 1)
          << col("Selector", "string", 1);
    } else if (k == QLatin1String("ReplicaSet")) {
        c << col("Desired", "integer") << col("Current", "integer") << col("Ready", "integer")
          << col("Age") << col("Containers", "string", 1) << col("Images", "string", 1)
          << col("Selector", "string", 1);
    } else if (k == QLatin1String("StatefulSet")) {
        c << col("Ready") << col("Age");
    } else if (k == QLatin1String("DaemonSet")) {
        c << col("Desired", "integer") << col("Current", "integer") << col("Ready", "integer")
          << col("Up-to-date", "integer") << col("Available", "integer") << col("Node Selector")
          << col("Age");
    } else if (k == QLatin1String("Job")) {
        c << col("Status") << col("Completions") << col("Duration") << col("Age");
    } else if (k == QLatin1String("Service")) {
        c << col("Type") << col("Cluster-IP") << col("External-IP") << col("Port(s)") << col("Age")
          << col("Selector", "string", 1);
    } else if (k == QLatin1String("Namespace")) {
        c << col("Status") << col("Age");
    } else if (k == QLatin1String("Node")) {
        c << col("Status") << col("Roles") << col("Age") << col("Version")
          << col("Internal-IP", "string", 1) << col("OS-Image", "string", 1)
          << col("Kernel-Version", "string", 1) << col("Container-Runtime", "string", 1);
    } else if (k == QLatin1String("ConfigMap")) {
        c << col("Data", "integer") << col("Age");
    } else if (k == QLatin1String("Secret")) {
        c << col("Type") << col("Data", "integer") << col("Age");
    } else if (k == QLatin1String("Event")) {
        c = QJsonArray {col("Last Seen"), col("Type"),    col("Reason"),
                        col("Object"),    col("Message"), col("Name", "string", 1, "name")};
    } else if (k == QLatin1String("EndpointSlice")) {
        c << col("AddressType") << col("Ports") << col("Endpoints") << col("Age");
    } else if (k == QLatin1String("Endpoints")) {
        c << col("Endpoints") << col("Age");
    } else if (k == QLatin1String("CustomResourceDefinition")) {
        c << col("Created At", "date");
    } else if (t.custom && !t.crdPrinterColumns.isEmpty()) {
        for (const QJsonValue &v : t.crdPrinterColumns.value(QStringLiteral("columns")).toArray()) {
            const QJsonObject pc = v.toObject();
            c << QJsonObject {
                {QStringLiteral("name"), str(pc, "name")},
                {QStringLiteral("type"), str(pc, "type")},
                {QStringLiteral("format"), str(pc, "format")},
                {QStringLiteral("description"), str(pc, "description")},
                {QStringLiteral("priority"), pc.value(QStringLiteral("priority")).toInt()}};
        }
        // The CRD's columns are the whole table: Age only when it declares it.
    } else {
        c << col("Age");
    }
    return c;
}

QJsonObject Tables::row(const ResourceType &t, const QJsonObject &o, bool includeObject)
{
    const QJsonObject md = obj(o, "metadata");
    const QJsonObject spec = obj(o, "spec");
    const QJsonObject status = obj(o, "status");
    const QString name = str(md, "name");
    const QString age = Tables::age(str(md, "creationTimestamp"));
    const QString k = t.kind;
    QJsonArray cells {name};
    auto containersAndImages = [&](const QJsonObject &podSpec) {
        QStringList names, images;
        for (const QJsonValue &v : podSpec.value(QStringLiteral("containers")).toArray()) {
            names << str(v.toObject(), "name");
            images << str(v.toObject(), "image");
        }
        return std::pair {names.join(QLatin1Char(',')), images.join(QLatin1Char(','))};
    };
    auto selectorText = [&]() {
        QStringList parts;
        const QJsonObject ml = obj(obj(spec, "selector"), "matchLabels");
        for (auto it = ml.begin(); it != ml.end(); ++it)
            parts << it.key() + QLatin1Char('=') + it.value().toString();
        return none(parts.join(QLatin1Char(',')));
    };
    if (k == QLatin1String("Pod")) {
        int ready = 0;
        int restarts = 0;
        const QJsonArray cs = status.value(QStringLiteral("containerStatuses")).toArray();
        for (const QJsonValue &v : cs) {
            ready += v.toObject().value(QStringLiteral("ready")).toBool() ? 1 : 0;
            restarts += int(num(v.toObject(), "restartCount"));
        }
        const int total = int(spec.value(QStringLiteral("containers")).toArray().size());
        cells << QStringLiteral("%1/%2").arg(ready).arg(total) << Kube::PodSummary::status(o)
              << restarts << age << none(str(status, "podIP")) << none(str(spec, "nodeName"))
              << QStringLiteral("<none>") << QStringLiteral("<none>");
    } else if (k == QLatin1String("Deployment")) {
        const auto [names, images] = containersAndImages(obj(obj(spec, "template"), "spec"));
        cells
            << QStringLiteral("%1/%2").arg(num(status, "readyReplicas")).arg(num(spec, "replicas"))
            << num(status, "updatedReplicas") << num(status, "availableReplicas") << age << names
            << images << selectorText();
    } else if (k == QLatin1String("ReplicaSet")) {
        const auto [names, images] = containersAndImages(obj(obj(spec, "template"), "spec"));
        cells << num(spec, "replicas") << num(status, "replicas") << num(status, "readyReplicas")
              << age << names << images << selectorText();
    } else if (k == QLatin1String("StatefulSet")) {
        cells
            << QStringLiteral("%1/%2").arg(num(status, "readyReplicas")).arg(num(spec, "replicas"))
            << age;
    } else if (k == QLatin1String("DaemonSet")) {
        QStringList sel;
        const QJsonObject ns = obj(obj(obj(spec, "template"), "spec"), "nodeSelector");
        for (auto it = ns.begin(); it != ns.end(); ++it)
            sel << it.key() + QLatin1Char('=') + it.value().toString();
        cells << num(status, "desiredNumberScheduled") << num(status, "currentNumberScheduled")
              << num(status, "numberReady") << num(status, "updatedNumberScheduled")
              << num(status, "numberAvailable") << none(sel.join(QLatin1Char(','))) << age;
    } else if (k == QLatin1String("Job")) {
        const qint64 completions
            = spec.contains(QStringLiteral("completions")) ? num(spec, "completions") : 1;
        QString state = QStringLiteral("Running");
        for (const QJsonValue &c : status.value(QStringLiteral("conditions")).toArray()) {
            if (str(c.toObject(), "status") == QLatin1String("True"))
                state = str(c.toObject(), "type");
        }
        QString duration;
        const QDateTime start = QDateTime::fromString(str(status, "startTime"), Qt::ISODate);
        const QDateTime end = status.contains(QStringLiteral("completionTime"))
            ? QDateTime::fromString(str(status, "completionTime"), Qt::ISODate)
            : QDateTime::currentDateTimeUtc();
        if (start.isValid())
            duration = QStringLiteral("%1s").arg(start.secsTo(end));
        cells << state << QStringLiteral("%1/%2").arg(num(status, "succeeded")).arg(completions)
              << duration << age;
    } else if (k == QLatin1String("Service")) {
        QStringList external;
        for (const QJsonValue &v :
             obj(status, "loadBalancer").value(QStringLiteral("ingress")).toArray())
            external << str(v.toObject(), "ip");
        QStringList sel;
        const QJsonObject s = obj(spec, "selector");
        for (auto it = s.begin(); it != s.end(); ++it)
            sel << it.key() + QLatin1Char('=') + it.value().toString();
        const QString type
            = str(spec, "type").isEmpty() ? QStringLiteral("ClusterIP") : str(spec, "type");
        cells << type << none(str(spec, "clusterIP"))
              << (external.isEmpty()
                      ? (type == QLatin1String("LoadBalancer") ? QStringLiteral("<pending>")
                                                               : QStringLiteral("<none>"))
                      : external.join(QLatin1Char(',')))
              << ports(spec.value(QStringLiteral("ports")).toArray()) << age
              << none(sel.join(QLatin1Char(',')));
    } else if (k == QLatin1String("Namespace")) {
        cells << (str(status, "phase").isEmpty() ? QStringLiteral("Active") : str(status, "phase"))
              << age;
    } else if (k == QLatin1String("Node")) {
        QString ready = QStringLiteral("NotReady");
        for (const QJsonValue &c : status.value(QStringLiteral("conditions")).toArray())
            if (str(c.toObject(), "type") == QLatin1String("Ready")
                && str(c.toObject(), "status") == QLatin1String("True"))
                ready = QStringLiteral("Ready");
        QStringList roles;
        const QJsonObject labels = obj(md, "labels");
        for (auto it = labels.begin(); it != labels.end(); ++it)
            if (it.key().startsWith(QLatin1String("node-role.kubernetes.io/")))
                roles << it.key().mid(24);
        QString ip;
        for (const QJsonValue &a : status.value(QStringLiteral("addresses")).toArray())
            if (str(a.toObject(), "type") == QLatin1String("InternalIP"))
                ip = str(a.toObject(), "address");
        const QJsonObject info = obj(status, "nodeInfo");
        cells << ready << none(roles.join(QLatin1Char(','))) << age << str(info, "kubeletVersion")
              << ip << str(info, "osImage") << str(info, "kernelVersion")
              << str(info, "containerRuntimeVersion");
    } else if (k == QLatin1String("ConfigMap")) {
        cells << obj(o, "data").size() + obj(o, "binaryData").size() << age;
    } else if (k == QLatin1String("Secret")) {
        cells << str(o, "type") << obj(o, "data").size() << age;
    } else if (k == QLatin1String("Event")) {
        const QJsonObject io = obj(o, "involvedObject");
        const QString last = str(o, "lastTimestamp").isEmpty() ? str(md, "creationTimestamp")
                                                               : str(o, "lastTimestamp");
        cells = QJsonArray {
            Tables::age(last), str(o, "type"),
            str(o, "reason"),  str(io, "kind").toLower() + QLatin1Char('/') + str(io, "name"),
            str(o, "message"), name};
    } else if (k == QLatin1String("EndpointSlice")) {
        QStringList ps, eps;
        for (const QJsonValue &p : o.value(QStringLiteral("ports")).toArray())
            ps << QString::number(num(p.toObject(), "port"));
        for (const QJsonValue &e : o.value(QStringLiteral("endpoints")).toArray())
            for (const QJsonValue &a : e.toObject().value(QStringLiteral("addresses")).toArray())
                eps << a.toString();
        cells << str(o, "addressType") << none(ps.join(QLatin1Char(',')))
              << none(eps.join(QLatin1Char(','))) << age;
    } else if (k == QLatin1String("Endpoints")) {
        QStringList eps;
        for (const QJsonValue &s : o.value(QStringLiteral("subsets")).toArray())
            for (const QJsonValue &a : s.toObject().value(QStringLiteral("addresses")).toArray())
                for (const QJsonValue &p : s.toObject().value(QStringLiteral("ports")).toArray())
                    eps << str(a.toObject(), "ip") + QLatin1Char(':')
                            + QString::number(num(p.toObject(), "port"));
        cells << none(eps.join(QLatin1Char(','))) << age;
    } else if (k == QLatin1String("CustomResourceDefinition")) {
        cells << str(md, "creationTimestamp");
    } else if (t.custom && !t.crdPrinterColumns.isEmpty()) {
        for (const QJsonValue &v : t.crdPrinterColumns.value(QStringLiteral("columns")).toArray()) {
            const QJsonValue value = jsonPath(o, str(v.toObject(), "jsonPath"));
            // Dates are shown as ages, as the API server's table converter does.
            const QString type = str(v.toObject(), "type");
            if (type == QLatin1String("date") && value.isString())
                cells << Tables::age(value.toString());
            else if (type == QLatin1String("string") && value.isArray()) // as JSON text: ["*"]
                cells << QString::fromUtf8(
                    QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
            else if (type == QLatin1String("string") && value.isObject())
                cells << QString::fromUtf8(
                    QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
            else
                cells << (value.isUndefined() ? QJsonValue(QJsonValue::Null) : value); // <none>
        }
    } else {
        cells << age;
    }
    QJsonObject r {{QStringLiteral("cells"), cells}};
    if (includeObject) {
        r.insert(QStringLiteral("object"), o);
    } else {
        QJsonObject partial {{QStringLiteral("kind"), QStringLiteral("PartialObjectMetadata")},
                             {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                             {QStringLiteral("metadata"), md}};
        QJsonObject m = md;
        m.remove(QStringLiteral("managedFields"));
        partial.insert(QStringLiteral("metadata"), m);
        r.insert(QStringLiteral("object"), partial);
    }
    return r;
}

QJsonObject Tables::table(const ResourceType &type, const QList<QJsonObject> &objects,
                          const QString &resourceVersion, const QString &continueToken,
                          bool includeObject)
{
    QJsonArray rows;
    for (const QJsonObject &o : objects)
        rows.append(row(type, o, includeObject));
    QJsonObject meta {{QStringLiteral("resourceVersion"), resourceVersion}};
    if (!continueToken.isEmpty())
        meta.insert(QStringLiteral("continue"), continueToken);
    return QJsonObject {{QStringLiteral("kind"), QStringLiteral("Table")},
                        {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                        {QStringLiteral("metadata"), meta},
                        {QStringLiteral("columnDefinitions"), columns(type)},
                        {QStringLiteral("rows"), rows}};
}

} // namespace Meshdeck::Demo
