#include "workloadcontroller.h"

#include "controllercontext.h"
#include "objectfields.h"
#include "objectstore.h"
#include "ownership.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <cmath>

namespace Meshdeck::Demo {

namespace {
const QString kPods = QStringLiteral("/pods");
const QString kReplicaSets = QStringLiteral("apps/replicasets");
const QString kDeployments = QStringLiteral("apps/deployments");
const QString kMetadata = QStringLiteral("metadata");
const QString kSpec = QStringLiteral("spec");
const QString kStatus = QStringLiteral("status");
const QString kRevision = QStringLiteral("deployment.kubernetes.io/revision");

QJsonObject spec(const QJsonObject &o)
{
    return o.value(kSpec).toObject();
}
QJsonObject status(const QJsonObject &o)
{
    return o.value(kStatus).toObject();
}
QString name(const QJsonObject &o)
{
    return metadataOf(o).value(QStringLiteral("name")).toString();
}
QString uid(const QJsonObject &o)
{
    return metadataOf(o).value(QStringLiteral("uid")).toString();
}
int replicasOf(const QJsonObject &o)
{
    return spec(o).value(QStringLiteral("replicas")).toInt();
}
bool deleting(const QJsonObject &o)
{
    return metadataOf(o).contains(QStringLiteral("deletionTimestamp"));
}

bool podActive(const QJsonObject &pod)
{
    const QString phase = status(pod).value(QStringLiteral("phase")).toString();
    return !deleting(pod) && phase != QLatin1String("Succeeded")
        && phase != QLatin1String("Failed");
}

int resolvePercent(const QJsonValue &v, int total, bool roundUp)
{
    if (v.isDouble())
        return v.toInt();
    const QString s = v.toString();
    if (s.endsWith(QLatin1Char('%'))) {
        const double p = s.chopped(1).toDouble() * total / 100.0;
        return roundUp ? int(std::ceil(p)) : int(std::floor(p));
    }
    return s.toInt();
}

QJsonArray setCondition(QJsonArray conditions, const QString &type, bool value,
                        const QString &reason, const QString &message)
{
    const QString st = value ? QStringLiteral("True") : QStringLiteral("False");
    for (int i = 0; i < conditions.size(); ++i) {
        QJsonObject c = conditions.at(i).toObject();
        if (c.value(QStringLiteral("type")).toString() != type)
            continue;
        if (c.value(QStringLiteral("status")).toString() != st)
            c.insert(QStringLiteral("lastTransitionTime"), nowRfc3339());
        if (c.value(QStringLiteral("reason")).toString() != reason
            || c.value(QStringLiteral("status")).toString() != st)
            c.insert(QStringLiteral("lastUpdateTime"), nowRfc3339());
        c.insert(QStringLiteral("status"), st);
        c.insert(QStringLiteral("reason"), reason);
        c.insert(QStringLiteral("message"), message);
        conditions.replace(i, c);
        return conditions;
    }
    conditions.append(QJsonObject {{QStringLiteral("type"), type},
                                   {QStringLiteral("status"), st},
                                   {QStringLiteral("lastUpdateTime"), nowRfc3339()},
                                   {QStringLiteral("lastTransitionTime"), nowRfc3339()},
                                   {QStringLiteral("reason"), reason},
                                   {QStringLiteral("message"), message}});
    return conditions;
}

QList<QJsonObject> owned(const ObjectStore &store, const QString &key, const QString &ns,
                         const QString &ownerUid)
{
    QList<QJsonObject> out;
    for (const QJsonObject &o : store.objects(key, ns))
        if (Ownership::ownedBy(o, ownerUid))
            out << o;
    return out;
}

QJsonObject withStatus(QJsonObject o, const QJsonObject &st)
{
    o.insert(kStatus, st);
    return o;
}
} // namespace

WorkloadController::WorkloadController(ControllerContext &ctx)
    : m_ctx(ctx)
{
}

QString WorkloadController::templateHash(const QJsonObject &podTemplate)
{
    // 64-bit FNV-1a over the template's compact JSON, printed in the alphabet Kubernetes uses
    // for generated names.
    const QByteArray bytes = QJsonDocument(podTemplate).toJson(QJsonDocument::Compact);
    quint64 h = 14695981039346656037ull;
    for (const char c : bytes) {
        h ^= quint8(c);
        h *= 1099511628211ull;
    }
    static const char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    QString out;
    for (int i = 0; i < 10; ++i) {
        out += QLatin1Char(alphabet[h % 27]);
        h /= 27;
    }
    return out;
}

QJsonObject WorkloadController::podFromTemplate(const QJsonObject &owner,
                                                const QJsonObject &podTemplate,
                                                const QString &generateName) const
{
    QJsonObject meta = podTemplate.value(kMetadata).toObject();
    meta.remove(QStringLiteral("creationTimestamp"));
    meta.insert(QStringLiteral("generateName"), generateName);
    meta.insert(QStringLiteral("namespace"), metadataOf(owner).value(QStringLiteral("namespace")));
    meta.insert(QStringLiteral("ownerReferences"),
                QJsonArray {Ownership::controllerReference(owner)});
    return QJsonObject {{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                        {QStringLiteral("kind"), QStringLiteral("Pod")},
                        {kMetadata, meta},
                        {kSpec, podTemplate.value(kSpec)}};
}

void WorkloadController::scaleReplicaSet(QJsonObject rs, int replicas,
                                         const QJsonObject &deployment)
{
    const int from = replicasOf(rs);
    if (from == replicas)
        return;
    QJsonObject s = spec(rs);
    s.insert(QStringLiteral("replicas"), replicas);
    rs.insert(kSpec, s);
    if (m_ctx.tryUpdate(kReplicaSets, rs))
        m_ctx.recordEvent(
            deployment, QStringLiteral("ScalingReplicaSet"),
            QStringLiteral("Scaled %1 replica set %2 from %3 to %4")
                .arg(replicas > from ? QStringLiteral("up") : QStringLiteral("down"), name(rs))
                .arg(from)
                .arg(replicas),
            QStringLiteral("Normal"), QStringLiteral("deployment-controller"));
}

void WorkloadController::syncDeployment(const QString &ns, const QString &depName)
{
    auto dep = m_ctx.store.tryGet(kDeployments, ns, depName);
    if (!dep || deleting(*dep))
        return;
    const QJsonObject dspec = spec(*dep);
    const int replicas = dspec.value(QStringLiteral("replicas")).toInt(1);
    QJsonObject podTemplate = dspec.value(QStringLiteral("template")).toObject();
    const QString hash = templateHash(podTemplate);
    const QList<QJsonObject> sets = owned(m_ctx.store, kReplicaSets, ns, uid(*dep));
    std::optional<QJsonObject> current;
    QList<QJsonObject> olds;
    int maxRevision = 0;
    for (const QJsonObject &rs : sets) {
        maxRevision = qMax(maxRevision,
                           metadataOf(rs)
                               .value(QStringLiteral("annotations"))
                               .toObject()
                               .value(kRevision)
                               .toString()
                               .toInt());
        if (metadataOf(rs)
                .value(QStringLiteral("labels"))
                .toObject()
                .value(QStringLiteral("pod-template-hash"))
                .toString()
            == hash)
            current = rs;
        else
            olds << rs;
    }
    const QJsonObject strategy = dspec.value(QStringLiteral("strategy")).toObject();
    const bool recreate
        = strategy.value(QStringLiteral("type")).toString() == QLatin1String("Recreate");
    const QJsonObject rolling = strategy.value(QStringLiteral("rollingUpdate")).toObject();
    const int maxSurge = recreate
        ? 0
        : resolvePercent(rolling.value(QStringLiteral("maxSurge")).isUndefined()
                             ? QJsonValue(QStringLiteral("25%"))
                             : rolling.value(QStringLiteral("maxSurge")),
                         replicas, true);
    int maxUnavailable = recreate
        ? replicas
        : resolvePercent(rolling.value(QStringLiteral("maxUnavailable")).isUndefined()
                             ? QJsonValue(QStringLiteral("25%"))
                             : rolling.value(QStringLiteral("maxUnavailable")),
                         replicas, false);
    if (maxSurge == 0 && maxUnavailable == 0)
        maxUnavailable = 1;
    int oldSpecTotal = 0;
    for (const QJsonObject &rs : olds)
        oldSpecTotal += replicasOf(rs);

    if (!current) {
        // A new template: a new ReplicaSet, started within the surge allowance.
        QJsonObject labels
            = podTemplate.value(kMetadata).toObject().value(QStringLiteral("labels")).toObject();
        labels.insert(QStringLiteral("pod-template-hash"), hash);
        QJsonObject tmeta = podTemplate.value(kMetadata).toObject();
        tmeta.insert(QStringLiteral("labels"), labels);
        podTemplate.insert(kMetadata, tmeta);
        QJsonObject selector = dspec.value(QStringLiteral("selector")).toObject();
        QJsonObject ml = selector.value(QStringLiteral("matchLabels")).toObject();
        ml.insert(QStringLiteral("pod-template-hash"), hash);
        selector.insert(QStringLiteral("matchLabels"), ml);
        const int initial = (oldSpecTotal == 0 || recreate)
            ? (recreate && oldSpecTotal > 0 ? 0 : replicas)
            : qMax(0, qMin(replicas, replicas + maxSurge - oldSpecTotal));
        const QJsonObject rs {
            {QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
            {QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
            {kMetadata,
             QJsonObject {
                 {QStringLiteral("name"), depName + QLatin1Char('-') + hash},
                 {QStringLiteral("namespace"), ns},
                 {QStringLiteral("labels"), labels},
                 {QStringLiteral("annotations"),
                  QJsonObject {{kRevision, QString::number(maxRevision + 1)},
                               {QStringLiteral("deployment.kubernetes.io/desired-replicas"),
                                QString::number(replicas)},
                               {QStringLiteral("deployment.kubernetes.io/max-replicas"),
                                QString::number(replicas + maxSurge)}}},
                 {QStringLiteral("ownerReferences"),
                  QJsonArray {Ownership::controllerReference(*dep)}}}},
            {kSpec,
             QJsonObject {{QStringLiteral("replicas"), initial},
                          {QStringLiteral("selector"), selector},
                          {QStringLiteral("template"), podTemplate}}}};
        if (auto created = m_ctx.tryCreate(kReplicaSets, rs, ns)) {
            m_ctx.recordEvent(*dep, QStringLiteral("ScalingReplicaSet"),
                              QStringLiteral("Scaled up replica set %1 from 0 to %2")
                                  .arg(name(*created))
                                  .arg(initial),
                              QStringLiteral("Normal"), QStringLiteral("deployment-controller"));
            current = created;
        } else {
            return;
        }
    } else {
        const int revision = metadataOf(*current)
                                 .value(QStringLiteral("annotations"))
                                 .toObject()
                                 .value(kRevision)
                                 .toString()
                                 .toInt();
        if (revision < maxRevision) { // a rollback to an older template
            QJsonObject m = metadataOf(*current);
            QJsonObject ann = m.value(QStringLiteral("annotations")).toObject();
            ann.insert(kRevision, QString::number(maxRevision + 1));
            m.insert(QStringLiteral("annotations"), ann);
            current->insert(kMetadata, m);
            m_ctx.tryUpdate(kReplicaSets, *current);
            current = m_ctx.store.tryGet(kReplicaSets, ns, name(*current));
            if (!current)
                return;
        }
    }

    // Scale: everything to the new set when no old one has pods; otherwise roll.
    if (oldSpecTotal == 0) {
        scaleReplicaSet(*current, replicas, *dep);
    } else if (recreate) {
        for (const QJsonObject &rs : olds)
            scaleReplicaSet(rs, 0, *dep);
        int oldPods = 0;
        for (const QJsonObject &rs : olds)
            oldPods += status(rs).value(QStringLiteral("replicas")).toInt();
        if (oldPods == 0)
            scaleReplicaSet(*current, replicas, *dep);
    } else {
        const int newSpec = replicasOf(*current);
        if (newSpec < replicas) {
            const int room = replicas + maxSurge - (newSpec + oldSpecTotal);
            if (room > 0)
                scaleReplicaSet(*current, qMin(replicas, newSpec + room), *dep);
        } else if (newSpec > replicas) {
            scaleReplicaSet(*current, replicas, *dep);
        }
        int available = status(*current).value(QStringLiteral("availableReplicas")).toInt();
        for (const QJsonObject &rs : olds)
            available += status(rs).value(QStringLiteral("availableReplicas")).toInt();
        int canRemove = qMax(0, available - (replicas - maxUnavailable));
        // Old pods that are not available cost nothing to remove.
        QList<QJsonObject> sortedOlds = olds;
        std::sort(sortedOlds.begin(), sortedOlds.end(),
                  [](const QJsonObject &a, const QJsonObject &b) {
                      return metadataOf(a).value(QStringLiteral("creationTimestamp")).toString()
                          < metadataOf(b).value(QStringLiteral("creationTimestamp")).toString();
                  });
        for (const QJsonObject &rs : sortedOlds) {
            int target = replicasOf(rs);
            const int unavailable
                = qMax(0, target - status(rs).value(QStringLiteral("availableReplicas")).toInt());
            target -= unavailable;
            const int dec = qMin(target, canRemove);
            target -= dec;
            canRemove -= dec;
            scaleReplicaSet(rs, qMax(0, target), *dep);
        }
    }

    // Status, from the ReplicaSets as they are now.
    dep = m_ctx.store.tryGet(kDeployments, ns, depName);
    if (!dep)
        return;
    int total = 0, updated = 0, ready = 0, available = 0, oldLeft = 0;
    QString currentName = current ? name(*current) : QString();
    for (const QJsonObject &rs : owned(m_ctx.store, kReplicaSets, ns, uid(*dep))) {
        const QJsonObject st = status(rs);
        total += st.value(QStringLiteral("replicas")).toInt();
        ready += st.value(QStringLiteral("readyReplicas")).toInt();
        available += st.value(QStringLiteral("availableReplicas")).toInt();
        if (name(rs) == currentName)
            updated = st.value(QStringLiteral("replicas")).toInt();
        else
            oldLeft += st.value(QStringLiteral("replicas")).toInt();
    }
    QJsonObject st = status(*dep);
    st.insert(QStringLiteral("observedGeneration"),
              metadataOf(*dep).value(QStringLiteral("generation")));
    st.insert(QStringLiteral("replicas"), total);
    st.insert(QStringLiteral("updatedReplicas"), updated);
    st.insert(QStringLiteral("readyReplicas"), ready);
    st.insert(QStringLiteral("availableReplicas"), available);
    if (total - available > 0)
        st.insert(QStringLiteral("unavailableReplicas"), total - available);
    else
        st.remove(QStringLiteral("unavailableReplicas"));
    for (const char *k : {"readyReplicas", "availableReplicas", "updatedReplicas", "replicas"})
        if (st.value(QLatin1String(k)).toInt() == 0)
            st.remove(QLatin1String(k));
    QJsonArray conditions = st.value(QStringLiteral("conditions")).toArray();
    const bool minimum = available >= replicas - maxUnavailable;
    conditions
        = setCondition(conditions, QStringLiteral("Available"), minimum,
                       minimum ? QStringLiteral("MinimumReplicasAvailable")
                               : QStringLiteral("MinimumReplicasUnavailable"),
                       minimum ? QStringLiteral("Deployment has minimum availability.")
                               : QStringLiteral("Deployment does not have minimum availability."));
    const bool complete
        = updated == replicas && available == replicas && oldLeft == 0 && total == replicas;
    conditions = setCondition(
        conditions, QStringLiteral("Progressing"), true,
        complete ? QStringLiteral("NewReplicaSetAvailable") : QStringLiteral("ReplicaSetUpdated"),
        complete ? QStringLiteral("ReplicaSet \"%1\" has successfully progressed.").arg(currentName)
                 : QStringLiteral("ReplicaSet \"%1\" is progressing.").arg(currentName));
    st.insert(QStringLiteral("conditions"), conditions);
    QJsonObject updatedDep = withStatus(*dep, st);
    if (current) {
        QJsonObject m = metadataOf(updatedDep);
        QJsonObject ann = m.value(QStringLiteral("annotations")).toObject();
        ann.insert(
            kRevision,
            metadataOf(*current).value(QStringLiteral("annotations")).toObject().value(kRevision));
        m.insert(QStringLiteral("annotations"), ann);
        updatedDep.insert(kMetadata, m);
    }
    if (updatedDep != *dep)
        m_ctx.tryUpdate(kDeployments, updatedDep);
}

void WorkloadController::syncReplicaSet(const QString &ns, const QString &rsName)
{
    auto rs = m_ctx.store.tryGet(kReplicaSets, ns, rsName);
    if (!rs || deleting(*rs))
        return;
    const int want = replicasOf(*rs);
    QList<QJsonObject> active;
    for (const QJsonObject &p : owned(m_ctx.store, kPods, ns, uid(*rs)))
        if (podActive(p))
            active << p;
    if (active.size() < want) {
        const QJsonObject podTemplate = spec(*rs).value(QStringLiteral("template")).toObject();
        for (qsizetype i = active.size(); i < want; ++i) {
            if (auto pod = m_ctx.tryCreate(
                    kPods, podFromTemplate(*rs, podTemplate, rsName + QLatin1Char('-')), ns)) {
                m_ctx.recordEvent(*rs, QStringLiteral("SuccessfulCreate"),
                                  QStringLiteral("Created pod: %1").arg(name(*pod)),
                                  QStringLiteral("Normal"),
                                  QStringLiteral("replicaset-controller"));
                active << *pod;
            }
        }
    } else if (active.size() > want) {
        // Unscheduled first, then not ready, then the newest.
        std::sort(active.begin(), active.end(), [](const QJsonObject &a, const QJsonObject &b) {
            const bool sa = !spec(a).value(QStringLiteral("nodeName")).toString().isEmpty();
            const bool sb = !spec(b).value(QStringLiteral("nodeName")).toString().isEmpty();
            if (sa != sb)
                return !sa;
            if (podReady(a) != podReady(b))
                return !podReady(a);
            return metadataOf(a).value(QStringLiteral("creationTimestamp")).toString()
                > metadataOf(b).value(QStringLiteral("creationTimestamp")).toString();
        });
        const qsizetype extra = active.size() - want;
        for (qsizetype i = 0; i < extra; ++i) {
            QJsonObject pod = active.takeFirst();
            QJsonObject m = metadataOf(pod);
            if (spec(pod).value(QStringLiteral("nodeName")).toString().isEmpty()) {
                m_ctx.tryRemove(kPods, ns, name(pod));
            } else {
                m.insert(QStringLiteral("deletionTimestamp"), nowRfc3339());
                m.insert(QStringLiteral("deletionGracePeriodSeconds"), 30);
                pod.insert(kMetadata, m);
                m_ctx.tryUpdate(kPods, pod);
            }
            m_ctx.recordEvent(*rs, QStringLiteral("SuccessfulDelete"),
                              QStringLiteral("Deleted pod: %1").arg(name(pod)),
                              QStringLiteral("Normal"), QStringLiteral("replicaset-controller"));
        }
    }
    int ready = 0;
    for (const QJsonObject &p : active)
        ready += podReady(p) ? 1 : 0;
    QJsonObject st {{QStringLiteral("replicas"), int(active.size())},
                    {QStringLiteral("fullyLabeledReplicas"), int(active.size())},
                    {QStringLiteral("observedGeneration"),
                     metadataOf(*rs).value(QStringLiteral("generation"))}};
    if (ready > 0) {
        st.insert(QStringLiteral("readyReplicas"), ready);
        st.insert(QStringLiteral("availableReplicas"), ready);
    }
    if (status(*rs) != st)
        m_ctx.tryUpdate(kReplicaSets, withStatus(*rs, st));
}

void WorkloadController::syncStatefulSet(const QString &ns, const QString &stsName)
{
    const QString key = QStringLiteral("apps/statefulsets");
    auto sts = m_ctx.store.tryGet(key, ns, stsName);
    if (!sts || deleting(*sts))
        return;
    const int want = replicasOf(*sts);
    const QJsonObject podTemplate = spec(*sts).value(QStringLiteral("template")).toObject();
    int ready = 0;
    int present = 0;
    bool blocked = false;
    for (int i = 0; i < qMax(want, 1000); ++i) {
        const QString podName = QStringLiteral("%1-%2").arg(stsName).arg(i);
        auto pod = m_ctx.store.tryGet(kPods, ns, podName);
        if (i >= want) {
            if (!pod)
                break;
            if (!deleting(*pod)) {
                QJsonObject m = metadataOf(*pod);
                m.insert(QStringLiteral("deletionTimestamp"), nowRfc3339());
                m.insert(QStringLiteral("deletionGracePeriodSeconds"), 30);
                pod->insert(kMetadata, m);
                m_ctx.tryUpdate(kPods, *pod);
            }
            continue;
        }
        if (!pod) {
            if (blocked)
                continue;
            QJsonObject p = podFromTemplate(*sts, podTemplate, QString());
            QJsonObject m = metadataOf(p);
            m.remove(QStringLiteral("generateName"));
            m.insert(QStringLiteral("name"), podName);
            QJsonObject labels = m.value(QStringLiteral("labels")).toObject();
            labels.insert(QStringLiteral("statefulset.kubernetes.io/pod-name"), podName);
            labels.insert(QStringLiteral("apps.kubernetes.io/pod-index"), QString::number(i));
            m.insert(QStringLiteral("labels"), labels);
            p.insert(kMetadata, m);
            QJsonObject ps = spec(p);
            ps.insert(QStringLiteral("hostname"), podName);
            p.insert(kSpec, ps);
            if (m_ctx.tryCreate(kPods, p, ns)) {
                m_ctx.recordEvent(*sts, QStringLiteral("SuccessfulCreate"),
                                  QStringLiteral("create Pod %1 in StatefulSet %2 successful")
                                      .arg(podName, stsName),
                                  QStringLiteral("Normal"),
                                  QStringLiteral("statefulset-controller"));
                ++present;
            }
            blocked = true; // OrderedReady: one at a time
            continue;
        }
        ++present;
        if (podReady(*pod))
            ++ready;
        else
            blocked = true;
    }
    QJsonObject st {
        {QStringLiteral("observedGeneration"),
         metadataOf(*sts).value(QStringLiteral("generation"))},
        {QStringLiteral("replicas"), present},
        {QStringLiteral("currentReplicas"), present},
        {QStringLiteral("updatedReplicas"), present},
        {QStringLiteral("readyReplicas"), ready},
        {QStringLiteral("availableReplicas"), ready},
        {QStringLiteral("currentRevision"), stsName + QLatin1Char('-') + templateHash(podTemplate)},
        {QStringLiteral("updateRevision"), stsName + QLatin1Char('-') + templateHash(podTemplate)},
        {QStringLiteral("collisionCount"), 0}};
    if (status(*sts) != st)
        m_ctx.tryUpdate(key, withStatus(*sts, st));
}

void WorkloadController::syncDaemonSet(const QString &ns, const QString &dsName)
{
    const QString key = QStringLiteral("apps/daemonsets");
    auto ds = m_ctx.store.tryGet(key, ns, dsName);
    if (!ds || deleting(*ds))
        return;
    const QJsonObject podTemplate = spec(*ds).value(QStringLiteral("template")).toObject();
    const QJsonObject nodeSelector
        = podTemplate.value(kSpec).toObject().value(QStringLiteral("nodeSelector")).toObject();
    QHash<QString, QJsonObject> byNode;
    for (const QJsonObject &p : owned(m_ctx.store, kPods, ns, uid(*ds)))
        if (podActive(p))
            byNode.insert(spec(p).value(QStringLiteral("nodeName")).toString(), p);
    int desired = 0, ready = 0;
    for (const QJsonObject &node : m_ctx.store.objects(QStringLiteral("/nodes"))) {
        const QJsonObject labels = metadataOf(node).value(QStringLiteral("labels")).toObject();
        bool fits = true;
        for (auto it = nodeSelector.begin(); it != nodeSelector.end(); ++it)
            fits = fits && labels.value(it.key()) == it.value();
        if (!fits)
            continue;
        ++desired;
        const QString nodeName = name(node);
        if (byNode.contains(nodeName)) {
            ready += podReady(byNode.value(nodeName)) ? 1 : 0;
            continue;
        }
        QJsonObject p = podFromTemplate(*ds, podTemplate, dsName + QLatin1Char('-'));
        QJsonObject ps = spec(p);
        ps.insert(QStringLiteral("nodeName"), nodeName);
        p.insert(kSpec, ps);
        if (auto pod = m_ctx.tryCreate(kPods, p, ns))
            m_ctx.recordEvent(*ds, QStringLiteral("SuccessfulCreate"),
                              QStringLiteral("Created pod: %1").arg(name(*pod)),
                              QStringLiteral("Normal"), QStringLiteral("daemonset-controller"));
    }
    QJsonObject st {
        {QStringLiteral("observedGeneration"), metadataOf(*ds).value(QStringLiteral("generation"))},
        {QStringLiteral("desiredNumberScheduled"), desired},
        {QStringLiteral("currentNumberScheduled"), int(byNode.size())},
        {QStringLiteral("updatedNumberScheduled"), int(byNode.size())},
        {QStringLiteral("numberReady"), ready},
        {QStringLiteral("numberAvailable"), ready},
        {QStringLiteral("numberMisscheduled"), 0}};
    if (status(*ds) != st)
        m_ctx.tryUpdate(key, withStatus(*ds, st));
}

void WorkloadController::syncJob(const QString &ns, const QString &jobName)
{
    const QString key = QStringLiteral("batch/jobs");
    auto job = m_ctx.store.tryGet(key, ns, jobName);
    if (!job || deleting(*job))
        return;
    const QJsonObject js = spec(*job);
    const int completions = js.value(QStringLiteral("completions")).toInt(1);
    const int parallelism = js.value(QStringLiteral("parallelism")).toInt(1);
    const int backoffLimit = js.value(QStringLiteral("backoffLimit")).toInt(6);
    const bool indexed
        = js.value(QStringLiteral("completionMode")).toString() == QLatin1String("Indexed");
    static const QString kIndex = QStringLiteral("batch.kubernetes.io/job-completion-index");
    int succeeded = 0, failed = 0, active = 0, ready = 0;
    QSet<int> doneIndexes, activeIndexes;
    for (const QJsonObject &p : owned(m_ctx.store, kPods, ns, uid(*job))) {
        const QString phase = status(p).value(QStringLiteral("phase")).toString();
        bool isIndex = false;
        const int index = metadataOf(p)
                              .value(QStringLiteral("annotations"))
                              .toObject()
                              .value(kIndex)
                              .toString()
                              .toInt(&isIndex);
        if (phase == QLatin1String("Succeeded")) {
            if (!indexed || !doneIndexes.contains(index))
                ++succeeded;
            if (isIndex)
                doneIndexes.insert(index);
        } else if (phase == QLatin1String("Failed")) {
            ++failed;
        } else if (!deleting(p)) {
            ++active;
            ready += podReady(p) ? 1 : 0;
            if (isIndex)
                activeIndexes.insert(index);
        }
    }
    QJsonObject st = status(*job);
    const bool done = succeeded >= completions;
    const auto hasCondition = [&](const char *type) {
        for (const QJsonValue &c : st.value(QStringLiteral("conditions")).toArray())
            if (c.toObject().value(QStringLiteral("type")).toString() == QLatin1String(type))
                return true;
        return false;
    };
    const auto addCondition = [&](const char *type, const QString &reason, const QString &message) {
        QJsonArray conditions = st.value(QStringLiteral("conditions")).toArray();
        QJsonObject c {{QStringLiteral("type"), QLatin1String(type)},
                       {QStringLiteral("status"), QStringLiteral("True")},
                       {QStringLiteral("lastProbeTime"), nowRfc3339()},
                       {QStringLiteral("lastTransitionTime"), nowRfc3339()}};
        if (!reason.isEmpty()) {
            c.insert(QStringLiteral("reason"), reason);
            c.insert(QStringLiteral("message"), message);
        }
        conditions.append(c);
        st.insert(QStringLiteral("conditions"), conditions);
    };
    // More failed pods than the backoff limit allows: the Job fails, no new pod starts.
    const bool failedJob = hasCondition("Failed") || (!done && failed > backoffLimit);
    if (!done && !failedJob) {
        QJsonObject podTemplate = js.value(QStringLiteral("template")).toObject();
        QJsonObject tm = podTemplate.value(kMetadata).toObject();
        QJsonObject labels = tm.value(QStringLiteral("labels")).toObject();
        labels.insert(QStringLiteral("job-name"), jobName);
        labels.insert(QStringLiteral("batch.kubernetes.io/job-name"), jobName);
        labels.insert(QStringLiteral("controller-uid"), uid(*job));
        tm.insert(QStringLiteral("labels"), labels);
        podTemplate.insert(kMetadata, tm);
        // Indexed: one pod per index not yet done nor running, each told its index.
        QList<int> toStart;
        if (indexed) {
            for (int i = 0; i < completions && active + toStart.size() < parallelism; ++i)
                if (!doneIndexes.contains(i) && !activeIndexes.contains(i))
                    toStart << i;
        } else {
            for (int i = 0; i < qMin(parallelism, completions - succeeded) - active; ++i)
                toStart << -1;
        }
        for (const int index : std::as_const(toStart)) {
            QJsonObject pt = podTemplate;
            QString prefix = jobName + QLatin1Char('-');
            if (index >= 0) {
                QJsonObject m = pt.value(kMetadata).toObject();
                QJsonObject annotations = m.value(QStringLiteral("annotations")).toObject();
                annotations.insert(kIndex, QString::number(index));
                m.insert(QStringLiteral("annotations"), annotations);
                QJsonObject l = m.value(QStringLiteral("labels")).toObject();
                l.insert(kIndex, QString::number(index));
                m.insert(QStringLiteral("labels"), l);
                pt.insert(kMetadata, m);
                QJsonObject ps = pt.value(kSpec).toObject();
                QJsonArray containers = ps.value(QStringLiteral("containers")).toArray();
                for (int c = 0; c < containers.size(); ++c) {
                    QJsonObject container = containers.at(c).toObject();
                    QJsonArray env = container.value(QStringLiteral("env")).toArray();
                    env.append(QJsonObject {
                        {QStringLiteral("name"), QStringLiteral("JOB_COMPLETION_INDEX")},
                        {QStringLiteral("value"), QString::number(index)}});
                    container.insert(QStringLiteral("env"), env);
                    containers.replace(c, container);
                }
                ps.insert(QStringLiteral("containers"), containers);
                ps.insert(QStringLiteral("hostname"),
                          QStringLiteral("%1-%2").arg(jobName).arg(index));
                pt.insert(kSpec, ps);
                prefix = QStringLiteral("%1-%2-").arg(jobName).arg(index);
            }
            if (auto pod = m_ctx.tryCreate(kPods, podFromTemplate(*job, pt, prefix), ns)) {
                ++active;
                m_ctx.recordEvent(*job, QStringLiteral("SuccessfulCreate"),
                                  QStringLiteral("Created pod: %1").arg(name(*pod)),
                                  QStringLiteral("Normal"), QStringLiteral("job-controller"));
            }
        }
    }
    if (!st.contains(QStringLiteral("startTime")))
        st.insert(QStringLiteral("startTime"), nowRfc3339());
    st.insert(QStringLiteral("active"), active);
    st.insert(QStringLiteral("ready"), ready);
    st.insert(QStringLiteral("succeeded"), succeeded);
    st.insert(QStringLiteral("failed"), failed);
    if (indexed) {
        QList<int> sorted(doneIndexes.begin(), doneIndexes.end());
        std::sort(sorted.begin(), sorted.end());
        QStringList text;
        for (const int i : std::as_const(sorted))
            text << QString::number(i);
        st.insert(QStringLiteral("completedIndexes"), text.join(QLatin1Char(',')));
    }
    for (const char *k : {"active", "succeeded", "failed"})
        if (st.value(QLatin1String(k)).toInt() == 0)
            st.remove(QLatin1String(k));
    if (done && !hasCondition("Complete")) {
        st.insert(QStringLiteral("completionTime"), nowRfc3339());
        addCondition("Complete", QString(), QString());
        m_ctx.recordEvent(*job, QStringLiteral("Completed"), QStringLiteral("Job completed"),
                          QStringLiteral("Normal"), QStringLiteral("job-controller"));
    } else if (failedJob && !hasCondition("Failed")) {
        addCondition("Failed", QStringLiteral("BackoffLimitExceeded"),
                     QStringLiteral("Job has reached the specified backoff limit"));
        m_ctx.recordEvent(*job, QStringLiteral("BackoffLimitExceeded"),
                          QStringLiteral("Job has reached the specified backoff limit"),
                          QStringLiteral("Warning"), QStringLiteral("job-controller"));
    }
    if (status(*job) != st)
        m_ctx.tryUpdate(key, withStatus(*job, st));
}

} // namespace Meshdeck::Demo
