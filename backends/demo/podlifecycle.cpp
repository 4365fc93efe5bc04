#include "podlifecycle.h"

#include "containerprocesses.h"
#include "controllercontext.h"
#include "objectfields.h"
#include "objectstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>

#include <algorithm>
#include <csignal>
#include <tuple>

namespace Meshdeck::Demo {

namespace {
const QString kPods = QStringLiteral("/pods");

QJsonObject condition(const char *type, bool status, const QString &reason = {})
{
    QJsonObject c {
        {QStringLiteral("type"), QString::fromLatin1(type)},
        {QStringLiteral("status"), status ? QStringLiteral("True") : QStringLiteral("False")},
        {QStringLiteral("lastProbeTime"), QJsonValue::Null},
        {QStringLiteral("lastTransitionTime"), nowRfc3339()}};
    if (!reason.isEmpty())
        c.insert(QStringLiteral("reason"), reason);
    return c;
}

QJsonArray setCondition(QJsonArray conditions, const QJsonObject &c)
{
    for (int i = 0; i < conditions.size(); ++i) {
        QJsonObject existing = conditions.at(i).toObject();
        if (existing.value(QStringLiteral("type")) == c.value(QStringLiteral("type"))) {
            if (existing.value(QStringLiteral("status")) == c.value(QStringLiteral("status")))
                return conditions;
            conditions.replace(i, c);
            return conditions;
        }
    }
    conditions.append(c);
    return conditions;
}

QJsonArray containerStatuses(const QJsonObject &pod, const char *key, const QJsonObject &state,
                             bool ready, bool started)
{
    QJsonArray out;
    for (const QJsonValue &v :
         pod.value(QStringLiteral("spec")).toObject().value(QLatin1String(key)).toArray()) {
        const QJsonObject c = v.toObject();
        const QString image = c.value(QStringLiteral("image")).toString();
        QJsonObject s {{QStringLiteral("name"), c.value(QStringLiteral("name"))},
                       {QStringLiteral("image"), image},
                       {QStringLiteral("imageID"),
                        started ? QStringLiteral("%1@sha256:%2")
                                      .arg(image.section(QLatin1Char(':'), 0, 0),
                                           QString::number(qHash(image), 16).repeated(4).left(64))
                                : QString()},
                       {QStringLiteral("ready"), ready},
                       {QStringLiteral("restartCount"), 0},
                       {QStringLiteral("started"), started},
                       {QStringLiteral("state"), state}};
        if (started)
            s.insert(QStringLiteral("containerID"),
                     QStringLiteral("containerd://%1")
                         .arg(QString::number(QRandomGenerator::global()->generate64(), 16)
                                  .repeated(4)
                                  .left(64)));
        out.append(s);
    }
    return out;
}

// The worker image's containers run for real: Meshdeck's own load generator.
bool isWorkerImage(const QString &image)
{
    return image.section(QLatin1Char('@'), 0, 0)
        .section(QLatin1Char(':'), 0, 0)
        .section(QLatin1Char('/'), -1)
        .startsWith(QLatin1String("meshdeck-loadgen"));
}

bool isJobPod(const QJsonObject &pod)
{
    const QString policy = pod.value(QStringLiteral("spec"))
                               .toObject()
                               .value(QStringLiteral("restartPolicy"))
                               .toString();
    return policy == QLatin1String("Never") || policy == QLatin1String("OnFailure");
}
} // namespace

PodLifecycle::PodLifecycle(ControllerContext &ctx)
    : m_ctx(ctx)
{
}

std::optional<QJsonObject> PodLifecycle::current(const QString &ns, const QString &name,
                                                 const QString &uid) const
{
    auto pod = m_ctx.store.tryGet(kPods, ns, name);
    if (!pod || metaString(*pod, "uid") != uid)
        return std::nullopt;
    return pod;
}

void PodLifecycle::onPodChanged(const QJsonObject &pod, bool deleted)
{
    const QString uid = metaString(pod, "uid");
    if (deleted) {
        m_tracked.remove(uid);
        m_deleting.remove(uid);
        if (m_ctx.processes && m_processPods.contains(uid))
            m_ctx.processes->terminate(uid, 0);
        return;
    }
    const QString ns = metaString(pod, "namespace");
    const QString name = metaString(pod, "name");
    const QJsonObject md = pod.value(QStringLiteral("metadata")).toObject();
    if (md.contains(QStringLiteral("deletionTimestamp"))) {
        if (!m_deleting.contains(uid)) {
            m_deleting.insert(uid);
            // A container that really runs gets SIGTERM, then SIGKILL after its grace period.
            if (m_ctx.processes && m_processPods.contains(uid))
                m_ctx.processes->terminate(
                    uid,
                    1000
                        * std::clamp(
                            md.value(QStringLiteral("deletionGracePeriodSeconds")).toInt(30), 0,
                            30));
            const int grace = md.value(QStringLiteral("deletionGracePeriodSeconds")).toInt();
            m_ctx.after(grace == 0 ? 0 : 700 + QRandomGenerator::global()->bounded(400),
                        [this, ns, name, uid] { finishDeletion(ns, name, uid); });
        }
        return;
    }
    if (m_tracked.contains(uid))
        return;
    m_tracked.insert(uid);
    const QString phase
        = pod.value(QStringLiteral("status")).toObject().value(QStringLiteral("phase")).toString();
    if (phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed"))
        return;
    if (pod.value(QStringLiteral("spec"))
            .toObject()
            .value(QStringLiteral("nodeName"))
            .toString()
            .isEmpty())
        m_ctx.after(150 + QRandomGenerator::global()->bounded(150),
                    [this, ns, name, uid] { schedule(ns, name, uid); });
    else if (phase == QLatin1String("Running"))
        m_ctx.after(300, [this, ns, name, uid] { becomeReady(ns, name, uid); });
    else
        m_ctx.after(300, [this, ns, name, uid] { createContainers(ns, name, uid); });
}

QString PodLifecycle::podIp(const QString &node)
{
    const int nodeIndex = qMax(1, node.right(1).toInt());
    const int n = ++m_nextIp[node];
    return QStringLiteral("10.244.%1.%2").arg(nodeIndex).arg(n % 250 + 2);
}

void PodLifecycle::schedule(const QString &ns, const QString &name, const QString &uid)
{
    auto pod = current(ns, name, uid);
    if (!pod)
        return;
    // The node with the fewest pods.
    QHash<QString, int> load;
    QStringList nodes;
    for (const QJsonObject &n : m_ctx.store.objects(QStringLiteral("/nodes"))) {
        if (n.value(QStringLiteral("spec"))
                .toObject()
                .value(QStringLiteral("unschedulable"))
                .toBool())
            continue;
        nodes << metaString(n, "name");
        load[metaString(n, "name")] = 0;
    }
    if (nodes.isEmpty()) {
        m_ctx.recordEvent(
            *pod, QStringLiteral("FailedScheduling"),
            QStringLiteral("0/0 nodes are available: no nodes available to schedule pods."),
            QStringLiteral("Warning"), QStringLiteral("default-scheduler"));
        m_tracked.remove(uid);
        return;
    }
    for (const QJsonObject &p : m_ctx.store.objects(kPods)) {
        const QString n = p.value(QStringLiteral("spec"))
                              .toObject()
                              .value(QStringLiteral("nodeName"))
                              .toString();
        if (load.contains(n))
            ++load[n];
    }
    std::sort(nodes.begin(), nodes.end(), [&](const QString &a, const QString &b) {
        return load.value(a) != load.value(b) ? load.value(a) < load.value(b) : a < b;
    });
    const QString node = nodes.first();
    QJsonObject spec = pod->value(QStringLiteral("spec")).toObject();
    spec.insert(QStringLiteral("nodeName"), node);
    pod->insert(QStringLiteral("spec"), spec);
    QJsonObject status = pod->value(QStringLiteral("status")).toObject();
    status.insert(QStringLiteral("conditions"),
                  setCondition(status.value(QStringLiteral("conditions")).toArray(),
                               condition("PodScheduled", true)));
    pod->insert(QStringLiteral("status"), status);
    if (!m_ctx.tryUpdate(kPods, *pod))
        return;
    m_ctx.recordEvent(*pod, QStringLiteral("Scheduled"),
                      QStringLiteral("Successfully assigned %1/%2 to %3").arg(ns, name, node),
                      QStringLiteral("Normal"), QStringLiteral("default-scheduler"));
    m_ctx.after(250 + QRandomGenerator::global()->bounded(200),
                [this, ns, name, uid] { createContainers(ns, name, uid); });
}

void PodLifecycle::createContainers(const QString &ns, const QString &name, const QString &uid)
{
    auto pod = current(ns, name, uid);
    if (!pod)
        return;
    const QString node = pod->value(QStringLiteral("spec"))
                             .toObject()
                             .value(QStringLiteral("nodeName"))
                             .toString();
    QJsonObject status = pod->value(QStringLiteral("status")).toObject();
    const QJsonObject waiting {
        {QStringLiteral("waiting"),
         QJsonObject {{QStringLiteral("reason"), QStringLiteral("ContainerCreating")}}}};
    const QJsonObject initWaiting {
        {QStringLiteral("waiting"),
         QJsonObject {{QStringLiteral("reason"), QStringLiteral("PodInitializing")}}}};
    status.insert(QStringLiteral("phase"), QStringLiteral("Pending"));
    status.insert(QStringLiteral("hostIP"),
                  QStringLiteral("172.18.0.%1").arg(node.right(1).toInt() + 1));
    status.insert(QStringLiteral("startTime"), nowRfc3339());
    status.insert(QStringLiteral("containerStatuses"),
                  containerStatuses(*pod, "containers", waiting, false, false));
    if (pod->value(QStringLiteral("spec")).toObject().contains(QStringLiteral("initContainers")))
        status.insert(QStringLiteral("initContainerStatuses"),
                      containerStatuses(*pod, "initContainers", initWaiting, false, false));
    QJsonArray conditions = status.value(QStringLiteral("conditions")).toArray();
    conditions = setCondition(conditions, condition("Initialized", true));
    conditions
        = setCondition(conditions, condition("Ready", false, QStringLiteral("ContainersNotReady")));
    conditions = setCondition(
        conditions, condition("ContainersReady", false, QStringLiteral("ContainersNotReady")));
    status.insert(QStringLiteral("conditions"), conditions);
    pod->insert(QStringLiteral("status"), status);
    if (!m_ctx.tryUpdate(kPods, *pod))
        return;
    // Images from a registry under the reserved .invalid domain cannot be pulled: the pod stays
    // Pending in ImagePullBackOff, as it would with a mistyped image on a real node.
    QString unpullable;
    for (const QJsonValue &c : pod->value(QStringLiteral("spec"))
                                   .toObject()
                                   .value(QStringLiteral("containers"))
                                   .toArray()) {
        const QString image = c.toObject().value(QStringLiteral("image")).toString();
        if (image.section(QLatin1Char('/'), 0, 0).endsWith(QLatin1String(".invalid")))
            unpullable = image;
    }
    if (!unpullable.isEmpty()) {
        const QJsonObject backOff {
            {QStringLiteral("waiting"),
             QJsonObject {{QStringLiteral("reason"), QStringLiteral("ImagePullBackOff")},
                          {QStringLiteral("message"),
                           QStringLiteral("Back-off pulling image \"%1\"").arg(unpullable)}}}};
        pod = current(ns, name, uid); // the update above moved its resourceVersion
        if (!pod)
            return;
        status = pod->value(QStringLiteral("status")).toObject();
        status.insert(QStringLiteral("containerStatuses"),
                      containerStatuses(*pod, "containers", backOff, false, false));
        pod->insert(QStringLiteral("status"), status);
        if (!m_ctx.tryUpdate(kPods, *pod))
            return;
        m_ctx.recordEvent(*pod, QStringLiteral("Failed"),
                          QStringLiteral("Failed to pull image \"%1\": rpc error: code = NotFound "
                                         "desc = failed to resolve reference \"%1\": %2: not "
                                         "found")
                              .arg(unpullable, unpullable.section(QLatin1Char('/'), 0, 0)),
                          QStringLiteral("Warning"), QStringLiteral("kubelet"), node);
        return;
    }
    for (const QJsonValue &c : pod->value(QStringLiteral("spec"))
                                   .toObject()
                                   .value(QStringLiteral("containers"))
                                   .toArray()) {
        const QString image = c.toObject().value(QStringLiteral("image")).toString();
        m_ctx.recordEvent(
            *pod, QStringLiteral("Pulled"),
            QStringLiteral("Container image \"%1\" already present on machine").arg(image),
            QStringLiteral("Normal"), QStringLiteral("kubelet"), node);
    }
    m_ctx.after(500 + QRandomGenerator::global()->bounded(400),
                [this, ns, name, uid] { start(ns, name, uid); });
}

void PodLifecycle::start(const QString &ns, const QString &name, const QString &uid)
{
    auto pod = current(ns, name, uid);
    if (!pod)
        return;
    const QString node = pod->value(QStringLiteral("spec"))
                             .toObject()
                             .value(QStringLiteral("nodeName"))
                             .toString();
    QJsonObject status = pod->value(QStringLiteral("status")).toObject();
    const QString started = nowRfc3339();
    const QJsonObject running {
        {QStringLiteral("running"), QJsonObject {{QStringLiteral("startedAt"), started}}}};
    const QJsonObject initDone {
        {QStringLiteral("terminated"),
         QJsonObject {{QStringLiteral("exitCode"), 0},
                      {QStringLiteral("reason"), QStringLiteral("Completed")},
                      {QStringLiteral("startedAt"), started},
                      {QStringLiteral("finishedAt"), started}}}};
    const QString ip = podIp(node);
    status.insert(QStringLiteral("phase"), QStringLiteral("Running"));
    status.insert(QStringLiteral("podIP"), ip);
    status.insert(QStringLiteral("podIPs"), QJsonArray {QJsonObject {{QStringLiteral("ip"), ip}}});
    status.insert(QStringLiteral("containerStatuses"),
                  containerStatuses(*pod, "containers", running, false, true));
    if (pod->value(QStringLiteral("spec")).toObject().contains(QStringLiteral("initContainers")))
        status.insert(QStringLiteral("initContainerStatuses"),
                      containerStatuses(*pod, "initContainers", initDone, false, false));
    pod->insert(QStringLiteral("status"), status);
    if (!m_ctx.tryUpdate(kPods, *pod))
        return;
    for (const QJsonValue &c : pod->value(QStringLiteral("spec"))
                                   .toObject()
                                   .value(QStringLiteral("containers"))
                                   .toArray()) {
        const QString cname = c.toObject().value(QStringLiteral("name")).toString();
        m_ctx.recordEvent(*pod, QStringLiteral("Created"),
                          QStringLiteral("Created container %1").arg(cname),
                          QStringLiteral("Normal"), QStringLiteral("kubelet"), node);
        m_ctx.recordEvent(*pod, QStringLiteral("Started"),
                          QStringLiteral("Started container %1").arg(cname),
                          QStringLiteral("Normal"), QStringLiteral("kubelet"), node);
    }
    if (runProcess(*pod))
        return;
    if (isJobPod(*pod))
        m_ctx.after(1200 + QRandomGenerator::global()->bounded(800),
                    [this, ns, name, uid] { complete(ns, name, uid); });
    else
        m_ctx.after(400 + QRandomGenerator::global()->bounded(400),
                    [this, ns, name, uid] { becomeReady(ns, name, uid); });
}

void PodLifecycle::becomeReady(const QString &ns, const QString &name, const QString &uid)
{
    auto pod = current(ns, name, uid);
    if (!pod)
        return;
    QJsonObject status = pod->value(QStringLiteral("status")).toObject();
    QJsonArray cs = status.value(QStringLiteral("containerStatuses")).toArray();
    for (int i = 0; i < cs.size(); ++i) {
        QJsonObject c = cs.at(i).toObject();
        c.insert(QStringLiteral("ready"), true);
        cs.replace(i, c);
    }
    status.insert(QStringLiteral("containerStatuses"), cs);
    QJsonArray conditions = status.value(QStringLiteral("conditions")).toArray();
    conditions = setCondition(conditions, condition("Ready", true));
    conditions = setCondition(conditions, condition("ContainersReady", true));
    status.insert(QStringLiteral("conditions"), conditions);
    pod->insert(QStringLiteral("status"), status);
    m_ctx.tryUpdate(kPods, *pod);
}

void PodLifecycle::complete(const QString &ns, const QString &name, const QString &uid)
{
    auto pod = current(ns, name, uid);
    if (!pod)
        return;
    QJsonObject status = pod->value(QStringLiteral("status")).toObject();
    const QString t = nowRfc3339();
    const QJsonObject done {
        {QStringLiteral("terminated"),
         QJsonObject {{QStringLiteral("exitCode"), 0},
                      {QStringLiteral("reason"), QStringLiteral("Completed")},
                      {QStringLiteral("startedAt"), status.value(QStringLiteral("startTime"))},
                      {QStringLiteral("finishedAt"), t}}}};
    status.insert(QStringLiteral("phase"), QStringLiteral("Succeeded"));
    status.insert(QStringLiteral("containerStatuses"),
                  containerStatuses(*pod, "containers", done, false, false));
    QJsonArray conditions = status.value(QStringLiteral("conditions")).toArray();
    conditions
        = setCondition(conditions, condition("Ready", false, QStringLiteral("PodCompleted")));
    conditions = setCondition(conditions,
                              condition("ContainersReady", false, QStringLiteral("PodCompleted")));
    status.insert(QStringLiteral("conditions"), conditions);
    pod->insert(QStringLiteral("status"), status);
    m_ctx.tryUpdate(kPods, *pod);
}

void PodLifecycle::finishDeletion(const QString &ns, const QString &name, const QString &uid)
{
    auto pod = current(ns, name, uid);
    if (!pod)
        return;
    const QString node = pod->value(QStringLiteral("spec"))
                             .toObject()
                             .value(QStringLiteral("nodeName"))
                             .toString();
    for (const QJsonValue &c : pod->value(QStringLiteral("spec"))
                                   .toObject()
                                   .value(QStringLiteral("containers"))
                                   .toArray())
        m_ctx.recordEvent(*pod, QStringLiteral("Killing"),
                          QStringLiteral("Stopping container %1")
                              .arg(c.toObject().value(QStringLiteral("name")).toString()),
                          QStringLiteral("Normal"), QStringLiteral("kubelet"), node);
    m_ctx.tryRemove(kPods, ns, name);
}

QStringList PodLifecycle::processEnvironment(const QJsonObject &pod,
                                             const QJsonObject &container) const
{
    const QString ns = metaString(pod, "namespace");
    QStringList env {QStringLiteral("PATH=/usr/local/bin:/usr/bin:/bin"),
                     QStringLiteral("HOSTNAME=%1").arg(metaString(pod, "name"))};
    const QJsonObject annotations = pod.value(QStringLiteral("metadata"))
                                        .toObject()
                                        .value(QStringLiteral("annotations"))
                                        .toObject();
    bool injected = false;
    for (const QJsonValue &c : pod.value(QStringLiteral("spec"))
                                   .toObject()
                                   .value(QStringLiteral("containers"))
                                   .toArray()) {
        const QString n = c.toObject().value(QStringLiteral("name")).toString();
        injected
            = injected || n == QLatin1String("istio-proxy") || n == QLatin1String("linkerd-proxy");
    }
    if (m_ctx.hostAliases)
        env << QStringLiteral("MESHDECK_HOST_ALIASES=%1").arg(m_ctx.hostAliases(ns, injected));
    const QString index
        = annotations.value(QStringLiteral("batch.kubernetes.io/job-completion-index")).toString();
    if (!index.isEmpty())
        env << QStringLiteral("JOB_COMPLETION_INDEX=%1").arg(index);
    // The container's own variables, with values from Secrets and ConfigMaps resolved.
    for (const QJsonValue &v : container.value(QStringLiteral("env")).toArray()) {
        const QJsonObject e = v.toObject();
        const QString name = e.value(QStringLiteral("name")).toString();
        QString value = e.value(QStringLiteral("value")).toString();
        const QJsonObject from = e.value(QStringLiteral("valueFrom")).toObject();
        for (const auto &[refKey, storage, isSecret] :
             {std::tuple {"secretKeyRef", "/secrets", true},
              std::tuple {"configMapKeyRef", "/configmaps", false}}) {
            const QJsonObject ref = from.value(QLatin1String(refKey)).toObject();
            if (ref.isEmpty())
                continue;
            const auto object = m_ctx.store.tryGet(QLatin1String(storage), ns,
                                                   ref.value(QStringLiteral("name")).toString());
            const QString key = ref.value(QStringLiteral("key")).toString();
            if (object) {
                const QString raw
                    = object->value(QStringLiteral("data")).toObject().value(key).toString();
                value = isSecret ? QString::fromUtf8(QByteArray::fromBase64(raw.toLatin1())) : raw;
            }
        }
        if (!name.isEmpty())
            env << name + QLatin1Char('=') + value;
    }
    return env;
}

bool PodLifecycle::runProcess(const QJsonObject &pod)
{
    if (!m_ctx.processes)
        return false;
    QJsonObject worker;
    for (const QJsonValue &c :
         pod.value(QStringLiteral("spec")).toObject().value(QStringLiteral("containers")).toArray())
        if (isWorkerImage(c.toObject().value(QStringLiteral("image")).toString()))
            worker = c.toObject();
    if (worker.isEmpty())
        return false;
    const QString uid = metaString(pod, "uid");
    if (!m_exitHooked) {
        m_exitHooked = true;
        m_ctx.processes->setOnExit([this](const QString &podUid, ContainerProcesses::Exit exit) {
            m_ctx.after(
                0, [this, podUid, exit] { processExited(podUid, exit.exitCode, exit.signal); });
        });
    }
    m_processPods.insert(uid, {metaString(pod, "namespace"), metaString(pod, "name")});
    const QStringList command = ContainerProcesses::workerCommand();
    QStringList args = command.mid(1);
    for (const QJsonValue &a : worker.value(QStringLiteral("args")).toArray())
        args << a.toString();
    QString error;
    if (command.isEmpty()
        || !m_ctx.processes->start(uid, command.first(), args, processEnvironment(pod, worker),
                                   &error)) {
        m_ctx.recordEvent(pod, QStringLiteral("Failed"),
                          QStringLiteral("Error: the demo cannot run the worker image: %1")
                              .arg(command.isEmpty() ? QStringLiteral("meshdeck-loadgen not found "
                                                                      "beside meshdeck")
                                                     : error),
                          QStringLiteral("Warning"), QStringLiteral("kubelet"));
        m_ctx.after(0, [this, uid] { processExited(uid, 128, 0); });
    }
    return true;
}

void PodLifecycle::processExited(const QString &uid, int exitCode, int signal)
{
    const auto where = m_processPods.value(uid);
    auto pod = current(where.first, where.second, uid);
    if (!pod)
        return;
    QJsonObject status = pod->value(QStringLiteral("status")).toObject();
    const int code = signal ? 128 + signal : exitCode;
    // SIGKILL without a deletion is what the OOM killer does on a node.
    const bool deleting = pod->value(QStringLiteral("metadata"))
                              .toObject()
                              .contains(QStringLiteral("deletionTimestamp"));
    const QString reason = code == 0       ? QStringLiteral("Completed")
        : (signal == SIGKILL && !deleting) ? QStringLiteral("OOMKilled")
                                           : QStringLiteral("Error");
    const QJsonObject done {
        {QStringLiteral("terminated"),
         QJsonObject {{QStringLiteral("exitCode"), code},
                      {QStringLiteral("reason"), reason},
                      {QStringLiteral("startedAt"), status.value(QStringLiteral("startTime"))},
                      {QStringLiteral("finishedAt"), nowRfc3339()}}}};
    status.insert(QStringLiteral("phase"),
                  code == 0 ? QStringLiteral("Succeeded") : QStringLiteral("Failed"));
    status.insert(QStringLiteral("containerStatuses"),
                  containerStatuses(*pod, "containers", done, false, true));
    QJsonArray conditions = status.value(QStringLiteral("conditions")).toArray();
    const QString notReady
        = code == 0 ? QStringLiteral("PodCompleted") : QStringLiteral("PodFailed");
    conditions = setCondition(conditions, condition("Ready", false, notReady));
    conditions = setCondition(conditions, condition("ContainersReady", false, notReady));
    status.insert(QStringLiteral("conditions"), conditions);
    pod->insert(QStringLiteral("status"), status);
    m_ctx.tryUpdate(kPods, *pod);
}

} // namespace Meshdeck::Demo
