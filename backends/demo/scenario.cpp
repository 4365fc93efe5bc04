#include "scenario.h"

#include "admission.h"
#include "apierror.h"
#include "discovery.h"
#include "objectstore.h"
#include "serversideapply.h"

#include <core/yaml.h>

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QThread>

namespace Meshdeck::Demo {

QStringList Scenario::names()
{
    return {QStringLiteral("default"), QStringLiteral("empty")};
}

void Scenario::createNodes(ObjectStore &store, const ResourceRegistry &registry, int count)
{
    const auto type = registry.find(QString(), QStringLiteral("v1"), QStringLiteral("nodes"));
    for (int i = 1; i <= count; ++i) {
        const QString name = QStringLiteral("demo-node-%1").arg(i);
        QJsonObject labels {
            {QStringLiteral("kubernetes.io/hostname"), name},
            {QStringLiteral("kubernetes.io/os"), QStringLiteral("linux")},
            {QStringLiteral("kubernetes.io/arch"), QStringLiteral("amd64")},
            {QStringLiteral("topology.kubernetes.io/zone"),
             QStringLiteral("demo-zone-%1").arg(QChar(QLatin1Char('a' + (i - 1) % 3)))}};
        if (i == 1)
            labels.insert(QStringLiteral("node-role.kubernetes.io/control-plane"), QString());
        const QJsonObject resources {
            {QStringLiteral("cpu"), QStringLiteral("8")},
            {QStringLiteral("memory"), QStringLiteral("32863604Ki")},
            {QStringLiteral("pods"), QStringLiteral("110")},
            {QStringLiteral("ephemeral-storage"), QStringLiteral("102687672Ki")}};
        auto cond
            = [](const char *type, const char *status, const char *reason, const char *message) {
                  return QJsonObject {{QStringLiteral("type"), QString::fromLatin1(type)},
                                      {QStringLiteral("status"), QString::fromLatin1(status)},
                                      {QStringLiteral("reason"), QString::fromLatin1(reason)},
                                      {QStringLiteral("message"), QString::fromLatin1(message)},
                                      {QStringLiteral("lastHeartbeatTime"),
                                       QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                                      {QStringLiteral("lastTransitionTime"),
                                       QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
              };
        const QJsonObject node {
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Node")},
            {QStringLiteral("metadata"),
             QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("labels"), labels}}},
            {QStringLiteral("spec"),
             QJsonObject {
                 {QStringLiteral("podCIDR"), QStringLiteral("10.244.%1.0/24").arg(i)},
                 {QStringLiteral("providerID"), QStringLiteral("meshdeck-demo://%1").arg(name)}}},
            {QStringLiteral("status"),
             QJsonObject {
                 {QStringLiteral("capacity"), resources},
                 {QStringLiteral("allocatable"), resources},
                 {QStringLiteral("addresses"),
                  QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("InternalIP")},
                                           {QStringLiteral("address"),
                                            QStringLiteral("172.18.0.%1").arg(i + 1)}},
                              QJsonObject {{QStringLiteral("type"), QStringLiteral("Hostname")},
                                           {QStringLiteral("address"), name}}}},
                 {QStringLiteral("conditions"),
                  QJsonArray {
                      cond("MemoryPressure", "False", "KubeletHasSufficientMemory",
                           "kubelet has sufficient memory available"),
                      cond("DiskPressure", "False", "KubeletHasNoDiskPressure",
                           "kubelet has no disk pressure"),
                      cond("PIDPressure", "False", "KubeletHasSufficientPID",
                           "kubelet has sufficient PID available"),
                      cond("Ready", "True", "KubeletReady", "kubelet is posting ready status")}},
                 {QStringLiteral("nodeInfo"),
                  QJsonObject {
                      {QStringLiteral("kubeletVersion"),
                       QString::fromLatin1(Discovery::kGitVersion)},
                      {QStringLiteral("kubeProxyVersion"),
                       QString::fromLatin1(Discovery::kGitVersion)},
                      {QStringLiteral("containerRuntimeVersion"),
                       QStringLiteral("containerd://1.7.24")},
                      {QStringLiteral("kernelVersion"), QStringLiteral("6.1.0-28-amd64")},
                      {QStringLiteral("osImage"), QStringLiteral("Debian GNU/Linux 12 (bookworm)")},
                      {QStringLiteral("operatingSystem"), QStringLiteral("linux")},
                      {QStringLiteral("architecture"), QStringLiteral("amd64")},
                      {QStringLiteral("machineID"),
                       QString::number(qHash(name), 16).repeated(4).left(32)},
                      {QStringLiteral("systemUUID"),
                       QString::number(qHash(name), 16).repeated(4).left(32)},
                      {QStringLiteral("bootID"),
                       QString::number(qHash(name) + 1, 16).repeated(4).left(32)}}}}}};
        try {
            store.create(*type, node);
        } catch (const ApiError &) {
        }
    }
}

VoidResult Scenario::applyManifest(const QByteArray &yaml, ObjectStore &store,
                                   ResourceRegistry &registry, Admission &admission)
{
    const auto docs = Yaml::toJsonDocuments(yaml);
    if (!docs.ok())
        return Unexpected(docs.error());
    QList<QJsonObject> pending;
    for (const QJsonValue &d : *docs)
        pending << d.toObject();
    // Objects of CRDs made in the same manifest wait until those CRDs are served.
    for (int attempt = 0; attempt < 100 && !pending.isEmpty(); ++attempt) {
        QList<QJsonObject> later;
        for (const QJsonObject &o : pending) {
            const auto type = registry.findKind(o.value(QStringLiteral("apiVersion")).toString(),
                                                o.value(QStringLiteral("kind")).toString());
            if (!type) {
                later << o;
                continue;
            }
            try {
                const QString ns = o.value(QStringLiteral("metadata"))
                                       .toObject()
                                       .value(QStringLiteral("namespace"))
                                       .toString();
                QJsonObject admitted = admission.admitCreate(
                    *type, o, ns.isEmpty() && type->namespaced ? QStringLiteral("default") : ns);
                admitted = ServerSideApply::recordUpdate(
                    QJsonObject(), admitted, QStringLiteral("meshdeck-demo"), type->apiVersion());
                store.create(*type, admitted);
            } catch (const ApiError &e) {
                if (e.code() != 409)
                    return Unexpected(
                        Error(ErrorCode::InvalidArgument,
                              QStringLiteral("The demo scenario could not be created: %1")
                                  .arg(e.message())));
            }
        }
        if (!later.isEmpty())
            QThread::msleep(20);
        pending = later;
    }
    if (!pending.isEmpty()) {
        const QJsonObject o = pending.first();
        return Unexpected(Error(
            ErrorCode::NotFound,
            QStringLiteral("The demo scenario uses a kind the demo cluster does not serve: %1 %2")
                .arg(o.value(QStringLiteral("apiVersion")).toString(),
                     o.value(QStringLiteral("kind")).toString())));
    }
    return {};
}

VoidResult Scenario::load(const QString &name, ObjectStore &store, ResourceRegistry &registry,
                          Admission &admission)
{
    if (!names().contains(name))
        return Unexpected(Error(ErrorCode::InvalidArgument,
                                QStringLiteral("Unknown scenario \"%1\"; choose one of: %2")
                                    .arg(name, names().join(QStringLiteral(", ")))));
    createNodes(store, registry, 3);
    QStringList files {QStringLiteral(":/manifests/demo-base.yaml")};
    if (name == QLatin1String("default"))
        files << QStringLiteral(":/manifests/istio-demo.yaml")
              << QStringLiteral(":/manifests/gateway-api-crds.yaml")
              << QStringLiteral(":/manifests/istio-addon-prometheus.yaml")
              << QStringLiteral(":/manifests/bookinfo.yaml");
    for (const QString &file : files) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return Unexpected(
                Error(ErrorCode::IoError,
                      QStringLiteral("The bundled manifest %1 is missing.").arg(file)));
        const VoidResult r = applyManifest(f.readAll(), store, registry, admission);
        if (!r.ok())
            return r;
    }
    return {};
}

} // namespace Meshdeck::Demo
