#include "servicecontroller.h"

#include "controllercontext.h"
#include "objectfields.h"
#include "objectstore.h"
#include "ownership.h"
#include "selectors.h"

#include <QJsonArray>

namespace Meshdeck::Demo {

namespace {
const QString kMetadata = QStringLiteral("metadata");

int resolvePort(const QJsonValue &target, const QList<QJsonObject> &pods)
{
    if (target.isDouble())
        return target.toInt();
    const QString name = target.toString();
    for (const QJsonObject &p : pods)
        for (const QJsonValue &c : p.value(QStringLiteral("spec"))
                                       .toObject()
                                       .value(QStringLiteral("containers"))
                                       .toArray())
            for (const QJsonValue &port : c.toObject().value(QStringLiteral("ports")).toArray())
                if (port.toObject().value(QStringLiteral("name")).toString() == name)
                    return port.toObject().value(QStringLiteral("containerPort")).toInt();
    return name.toInt();
}
} // namespace

ServiceController::ServiceController(ControllerContext &ctx)
    : m_ctx(ctx)
{
}

void ServiceController::syncService(const QString &ns, const QString &name)
{
    const auto svc = m_ctx.store.tryGet(QStringLiteral("/services"), ns, name);
    if (!svc || metadataOf(*svc).contains(QStringLiteral("deletionTimestamp")))
        return; // the garbage collector removes the slices it owned
    const QJsonObject selector = svc->value(QStringLiteral("spec"))
                                     .toObject()
                                     .value(QStringLiteral("selector"))
                                     .toObject();
    if (selector.isEmpty())
        return; // endpoints are managed by hand
    Selector match
        = Selector::fromLabelSelector(QJsonObject {{QStringLiteral("matchLabels"), selector}});
    QList<QJsonObject> pods;
    for (const QJsonObject &p : m_ctx.store.objects(QStringLiteral("/pods"), ns)) {
        const QString ip = p.value(QStringLiteral("status"))
                               .toObject()
                               .value(QStringLiteral("podIP"))
                               .toString();
        const QString phase = p.value(QStringLiteral("status"))
                                  .toObject()
                                  .value(QStringLiteral("phase"))
                                  .toString();
        if (!ip.isEmpty() && phase != QLatin1String("Succeeded") && phase != QLatin1String("Failed")
            && match.matchesLabels(metadataOf(p).value(QStringLiteral("labels")).toObject()))
            pods << p;
    }
    std::sort(pods.begin(), pods.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return metadataOf(a).value(QStringLiteral("name")).toString()
            < metadataOf(b).value(QStringLiteral("name")).toString();
    });

    QJsonArray endpoints;
    QJsonArray ready;
    QJsonArray notReady;
    for (const QJsonObject &p : pods) {
        const bool terminating = metadataOf(p).contains(QStringLiteral("deletionTimestamp"));
        const bool isReady = podReady(p) && !terminating;
        const QString ip = p.value(QStringLiteral("status"))
                               .toObject()
                               .value(QStringLiteral("podIP"))
                               .toString();
        const QString node = p.value(QStringLiteral("spec"))
                                 .toObject()
                                 .value(QStringLiteral("nodeName"))
                                 .toString();
        const QJsonObject ref {
            {QStringLiteral("kind"), QStringLiteral("Pod")},
            {QStringLiteral("namespace"), ns},
            {QStringLiteral("name"), metadataOf(p).value(QStringLiteral("name"))},
            {QStringLiteral("uid"), metadataOf(p).value(QStringLiteral("uid"))}};
        endpoints.append(QJsonObject {{QStringLiteral("addresses"), QJsonArray {ip}},
                                      {QStringLiteral("conditions"),
                                       QJsonObject {{QStringLiteral("ready"), isReady},
                                                    {QStringLiteral("serving"), podReady(p)},
                                                    {QStringLiteral("terminating"), terminating}}},
                                      {QStringLiteral("nodeName"), node},
                                      {QStringLiteral("targetRef"), ref}});
        (isReady ? ready : notReady)
            .append(QJsonObject {{QStringLiteral("ip"), ip},
                                 {QStringLiteral("nodeName"), node},
                                 {QStringLiteral("targetRef"), ref}});
    }
    QJsonArray slicePorts;
    QJsonArray endpointPorts;
    for (const QJsonValue &v :
         svc->value(QStringLiteral("spec")).toObject().value(QStringLiteral("ports")).toArray()) {
        const QJsonObject sp = v.toObject();
        QJsonObject port {
            {QStringLiteral("port"), resolvePort(sp.value(QStringLiteral("targetPort")), pods)},
            {QStringLiteral("protocol"),
             sp.value(QStringLiteral("protocol")).toString(QStringLiteral("TCP"))}};
        port.insert(QStringLiteral("name"), sp.value(QStringLiteral("name")).toString());
        if (sp.contains(QStringLiteral("appProtocol")))
            port.insert(QStringLiteral("appProtocol"), sp.value(QStringLiteral("appProtocol")));
        slicePorts.append(port);
        endpointPorts.append(port);
    }

    const QString sliceName = name + QLatin1Char('-')
        + QString::number(qHash(metadataOf(*svc).value(QStringLiteral("uid")).toString()) % 100000,
                          36);
    QJsonObject slice {{QStringLiteral("apiVersion"), QStringLiteral("discovery.k8s.io/v1")},
                       {QStringLiteral("kind"), QStringLiteral("EndpointSlice")},
                       {QStringLiteral("addressType"), QStringLiteral("IPv4")},
                       {QStringLiteral("endpoints"), endpoints},
                       {QStringLiteral("ports"), slicePorts}};
    const QJsonObject sliceMeta {
        {QStringLiteral("name"), sliceName},
        {QStringLiteral("namespace"), ns},
        {QStringLiteral("labels"),
         QJsonObject {{QStringLiteral("kubernetes.io/service-name"), name},
                      {QStringLiteral("endpointslice.kubernetes.io/managed-by"),
                       QStringLiteral("endpointslice-controller.k8s.io")}}},
        {QStringLiteral("ownerReferences"), QJsonArray {Ownership::controllerReference(*svc)}}};
    const QString sliceKey = QStringLiteral("discovery.k8s.io/endpointslices");
    if (auto existing = m_ctx.store.tryGet(sliceKey, ns, sliceName)) {
        QJsonObject next = *existing;
        next.insert(QStringLiteral("endpoints"), endpoints);
        next.insert(QStringLiteral("ports"), slicePorts);
        if (next != *existing)
            m_ctx.tryUpdate(sliceKey, next);
    } else {
        slice.insert(kMetadata, sliceMeta);
        m_ctx.tryCreate(sliceKey, slice, ns);
    }

    QJsonObject subset;
    if (!ready.isEmpty())
        subset.insert(QStringLiteral("addresses"), ready);
    if (!notReady.isEmpty())
        subset.insert(QStringLiteral("notReadyAddresses"), notReady);
    QJsonArray subsets;
    if (!subset.isEmpty()) {
        subset.insert(QStringLiteral("ports"), endpointPorts);
        subsets.append(subset);
    }
    const QString epKey = QStringLiteral("/endpoints");
    if (auto existing = m_ctx.store.tryGet(epKey, ns, name)) {
        QJsonObject next = *existing;
        if (subsets.isEmpty())
            next.remove(QStringLiteral("subsets"));
        else
            next.insert(QStringLiteral("subsets"), subsets);
        if (next != *existing)
            m_ctx.tryUpdate(epKey, next);
    } else {
        QJsonObject ep {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                        {QStringLiteral("kind"), QStringLiteral("Endpoints")},
                        {kMetadata,
                         QJsonObject {{QStringLiteral("name"), name},
                                      {QStringLiteral("namespace"), ns},
                                      {QStringLiteral("ownerReferences"),
                                       QJsonArray {Ownership::controllerReference(*svc)}}}}};
        if (!subsets.isEmpty())
            ep.insert(QStringLiteral("subsets"), subsets);
        m_ctx.tryCreate(epKey, ep, ns);
    }
}

} // namespace Meshdeck::Demo
