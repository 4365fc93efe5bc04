#include "manifestplan.h"

#include "meshdetector.h"

#include <core/yaml.h>
#include <kube/kubeclient.h>

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QSet>
#include <QThread>

namespace Meshdeck::Mesh {

namespace {

int priority(const QString &kind)
{
    static const QStringList order {QStringLiteral("CustomResourceDefinition"),
                                    QStringLiteral("Namespace"),
                                    QStringLiteral("ServiceAccount"),
                                    QStringLiteral("ClusterRole"),
                                    QStringLiteral("Role"),
                                    QStringLiteral("ClusterRoleBinding"),
                                    QStringLiteral("RoleBinding"),
                                    QStringLiteral("ConfigMap"),
                                    QStringLiteral("Secret"),
                                    QStringLiteral("Service"),
                                    QStringLiteral("Deployment"),
                                    QStringLiteral("StatefulSet"),
                                    QStringLiteral("DaemonSet"),
                                    QStringLiteral("Job")};
    if (kind.endsWith(QLatin1String("WebhookConfiguration")))
        return 100;
    const auto i = order.indexOf(kind);
    return i >= 0 ? static_cast<int>(i) : 50; // custom resources after the workloads
}

} // namespace

QString PlanStep::title() const
{
    return ns.isEmpty() ? QStringLiteral("%1 %2").arg(kind, name)
                        : QStringLiteral("%1 %2/%3").arg(kind, ns, name);
}

QStringList ManifestPlan::titles() const
{
    QStringList list;
    for (const PlanStep &step : steps)
        list << step.title();
    return list;
}

Result<ManifestPlan> ManifestPlan::fromYaml(const QByteArray &yaml, const QString &intoNamespace)
{
    const auto docs = Yaml::toJsonDocuments(yaml);
    if (!docs)
        return Unexpected(docs.error());
    ManifestPlan plan;
    static const QStringList clusterScoped {QStringLiteral("CustomResourceDefinition"),
                                            QStringLiteral("Namespace"),
                                            QStringLiteral("ClusterRole"),
                                            QStringLiteral("ClusterRoleBinding"),
                                            QStringLiteral("MutatingWebhookConfiguration"),
                                            QStringLiteral("ValidatingWebhookConfiguration")};
    int index = 0;
    for (const QJsonValue &doc : docs.value()) {
        ++index;
        if (!doc.isObject())
            return Unexpected(Error(ErrorCode::ParseError,
                                    tr("Document %1 of the manifest is not a Kubernetes object "
                                       "(a mapping with apiVersion, kind and metadata).")
                                        .arg(index)));
        QJsonObject o = doc.toObject();
        if (o.isEmpty())
            continue;
        PlanStep s;
        s.apiVersion = o.value(QLatin1String("apiVersion")).toString();
        s.kind = o.value(QLatin1String("kind")).toString();
        QJsonObject meta = o.value(QLatin1String("metadata")).toObject();
        s.name = meta.value(QLatin1String("name")).toString();
        if (s.apiVersion.isEmpty() || s.kind.isEmpty() || s.name.isEmpty())
            return Unexpected(
                Error(ErrorCode::ParseError,
                      tr("Document %1 of the manifest has no apiVersion, kind or metadata.name.")
                          .arg(index)));
        if (!clusterScoped.contains(s.kind)) {
            s.ns = intoNamespace.isEmpty()
                ? meta.value(QLatin1String("namespace")).toString(QStringLiteral("default"))
                : intoNamespace;
            meta.insert(QStringLiteral("namespace"), s.ns);
            o.insert(QStringLiteral("metadata"), meta);
        }
        s.object = o;
        plan.steps << s;
    }
    if (plan.steps.isEmpty())
        return Unexpected(Error(ErrorCode::InvalidArgument,
                                tr("The manifest holds no Kubernetes objects: nothing to apply. "
                                   "Check that it is the file you meant.")));
    plan.order();
    return plan;
}

void ManifestPlan::order()
{
    QList<PlanStep> unique;
    QSet<QString> seen;
    for (auto it = steps.crbegin(); it != steps.crend(); ++it) {
        const QString key = it->kind + QLatin1Char(' ') + it->title();
        if (seen.contains(key))
            continue;
        seen.insert(key);
        unique.append(*it);
    }
    std::reverse(unique.begin(), unique.end());
    steps = unique;
    std::stable_sort(steps.begin(), steps.end(), [](const PlanStep &a, const PlanStep &b) {
        return priority(a.kind) < priority(b.kind);
    });
}

Result<ManifestPlan> ManifestPlan::fromResource(const QString &path, const QString &intoNamespace)
{
    // Bundled manifests do not change while Meshdeck runs: each is parsed once (detection,
    // planning and verification all read them).
    static QMutex mutex;
    static QHash<QString, ManifestPlan> parsed;
    const QString key = path + QLatin1Char('\n') + intoNamespace;
    {
        QMutexLocker lock(&mutex);
        if (const auto it = parsed.constFind(key); it != parsed.constEnd())
            return *it;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Unexpected(
            Error(ErrorCode::NotFound, tr("The bundled manifest %1 is missing.").arg(path)));
    auto plan = fromYaml(f.readAll(), intoNamespace);
    if (plan) {
        QMutexLocker lock(&mutex);
        parsed.insert(key, plan.value());
    }
    return plan;
}

Result<QString> ManifestPlan::objectPath(Kube::KubeClient &client, const PlanStep &s,
                                         bool refresh) const
{
    if (refresh || m_resources.isEmpty()) {
        auto found = client.discover();
        if (!found)
            return Unexpected(found.error());
        m_resources = found.value();
    }
    for (const Kube::ApiResource &r : std::as_const(m_resources)) {
        if (r.kind != s.kind || r.apiVersion() != s.apiVersion)
            continue;
        const QString base = r.group.isEmpty()
            ? QStringLiteral("/api/%1").arg(r.version)
            : QStringLiteral("/apis/%1/%2").arg(r.group, r.version);
        return r.namespaced
            ? QStringLiteral("%1/namespaces/%2/%3/%4").arg(base, s.ns, r.plural, s.name)
            : QStringLiteral("%1/%2/%3").arg(base, r.plural, s.name);
    }
    return Unexpected(Error(
        ErrorCode::NotFound,
        tr("The cluster does not serve %1 %2 (is its CRD installed?).").arg(s.apiVersion, s.kind)));
}

QByteArray ManifestPlan::toYaml() const
{
    QByteArray out;
    for (const PlanStep &s : steps) {
        if (!out.isEmpty())
            out += "---\n";
        out += Yaml::fromJson(s.object);
        if (!out.endsWith('\n'))
            out += '\n';
    }
    return out;
}

VoidResult ManifestPlan::apply(Kube::KubeClient &client, const Progress &progress,
                               const std::atomic_bool &cancel, int from, bool force,
                               bool skipUnserved) const
{
    m_resources.clear();
    bool crdsPending = false;
    for (int i = std::max(0, from); i < steps.size(); ++i) {
        if (cancel.load())
            return Unexpected(
                Error(ErrorCode::Cancelled,
                      tr("Cancelled after %1 of %2 objects.").arg(i).arg(steps.size())));
        const PlanStep &s = steps[i];
        if (progress)
            progress(i, QStringLiteral("running"));
        auto path = objectPath(client, s,
                               crdsPending && s.kind != QLatin1String("CustomResourceDefinition"));
        if (crdsPending && s.kind != QLatin1String("CustomResourceDefinition"))
            crdsPending = false;
        if (!path && skipUnserved && path.error().code() == ErrorCode::NotFound) {
            if (progress)
                progress(i, QStringLiteral("skipped"));
            continue;
        }
        if (!path) {
            if (progress)
                progress(i, QStringLiteral("failed"));
            return Unexpected(path.error().withContext(s.title()));
        }
        const auto applied = client.apply(
            path.value(), QJsonDocument(s.object).toJson(QJsonDocument::Compact), force);
        if (!applied) {
            if (progress)
                progress(i, QStringLiteral("failed"));
            if (applied.error().code() == ErrorCode::Conflict)
                return Unexpected(
                    Error(ErrorCode::Conflict,
                          tr("%1: %2 Another tool manages these fields; take them over with "
                             "--force-conflicts (or \"Take Over\" in the wizard), or change the "
                             "manifest.")
                              .arg(s.title(), applied.error().message()),
                          applied.error().detail()));
            return Unexpected(applied.error().withContext(s.title()));
        }
        if (s.kind == QLatin1String("CustomResourceDefinition")) {
            // Wait until Established, so that its kind can be served to the next steps.
            QElapsedTimer clock;
            clock.start();
            bool established = false;
            while (!established && clock.elapsed() < 30000 && !cancel.load()) {
                const auto crd = client.get(path.value());
                for (const QJsonValue &c : crd ? crd->value(QLatin1String("status"))
                                                     .toObject()
                                                     .value(QLatin1String("conditions"))
                                                     .toArray()
                                               : QJsonArray())
                    established = established
                        || (c.toObject().value(QLatin1String("type")).toString()
                                == QLatin1String("Established")
                            && c.toObject().value(QLatin1String("status")).toString()
                                == QLatin1String("True"));
                if (!established)
                    QThread::msleep(200);
            }
            if (!established)
                return Unexpected(
                    Error(ErrorCode::Timeout,
                          tr("%1 did not become Established within 30 s.").arg(s.title())));
            crdsPending = true;
        }
        if (progress)
            progress(i, QStringLiteral("done"));
    }
    return {};
}

Result<ManifestPlan> ManifestPlan::sample(const QString &app, const QString &ns)
{
    static const QStringList apps {QStringLiteral("bookinfo"), QStringLiteral("httpbin"),
                                   QStringLiteral("emojivoto")};
    if (!apps.contains(app))
        return Unexpected(
            Error(ErrorCode::InvalidArgument,
                  tr("Unknown sample \"%1\": bookinfo, httpbin or emojivoto.").arg(app)));
    auto plan = fromResource(QStringLiteral(":/manifests/%1.yaml").arg(app), ns);
    if (!plan)
        return plan;
    // The sample's own namespace object gives way to the chosen one.
    plan->steps.erase(
        std::remove_if(plan->steps.begin(), plan->steps.end(),
                       [](const PlanStep &s) { return s.kind == QLatin1String("Namespace"); }),
        plan->steps.end());
    return plan;
}

VoidResult ManifestPlan::deploySample(Kube::KubeClient &client, const QString &app,
                                      const QString &ns, const QString &injectMesh,
                                      const Progress &progress, const std::atomic_bool &cancel)
{
    auto plan = sample(app, ns);
    if (!plan)
        return Unexpected(plan.error());
    const QJsonObject nsObject {
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Namespace")},
        {QStringLiteral("metadata"), QJsonObject {{QStringLiteral("name"), ns}}}};
    const auto created = client.apply(QStringLiteral("/api/v1/namespaces/%1").arg(ns),
                                      QJsonDocument(nsObject).toJson(QJsonDocument::Compact), true);
    if (!created)
        return Unexpected(created.error().withContext(tr("Namespace %1").arg(ns)));
    if (!injectMesh.isEmpty()) {
        // Injection first, so that the pods start with their sidecars.
        if (const VoidResult r = MeshDetector::setInjection(client, injectMesh, ns, true); !r)
            return r;
    }
    return plan->apply(client, progress, cancel, 0, false, true);
}

VoidResult ManifestPlan::remove(Kube::KubeClient &client, const Progress &progress,
                                bool namespaces) const
{
    m_resources.clear();
    for (int i = static_cast<int>(steps.size()) - 1; i >= 0; --i) {
        const PlanStep &s = steps[i];
        if (s.kind == QLatin1String("Namespace") && !namespaces) {
            if (progress)
                progress(i, QStringLiteral("kept"));
            continue;
        }
        if (progress)
            progress(i, QStringLiteral("running"));
        const auto path = objectPath(client, s, false);
        if (!path) { // its CRD is gone already: so is the object
            if (progress)
                progress(i, QStringLiteral("done"));
            continue;
        }
        const auto removed = client.remove(path.value());
        if (!removed && removed.error().code() != ErrorCode::NotFound) {
            if (progress)
                progress(i, QStringLiteral("failed"));
            return Unexpected(removed.error().withContext(s.title()));
        }
        if (progress)
            progress(i, QStringLiteral("done"));
    }
    return {};
}

} // namespace Meshdeck::Mesh
