// ApiServer: creates, updates, patches (merge, strategic, JSON, server-side apply), deletes.
#include "apiserver.h"

#include "apirequest.h"

#include "admission.h"
#include "apierror.h"
#include "certificates.h"
#include "containerprocesses.h"
#include "discovery.h"
#include "fieldvalidation.h"
#include "kubeletstats.h"
#include "objectfields.h"
#include "objectstore.h"
#include "ownership.h"
#include "patches.h"
#include "podlogs.h"
#include "protobufcodec.h"
#include "serversideapply.h"
#include "tables.h"
#include "threadperconnection.h"

#include <core/yaml.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <httplib.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <chrono>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace Meshdeck::Demo {

using namespace std::chrono_literals;
using namespace ApiRequest;

QJsonObject ApiServer::create(const httplib::Request &req, const ResourceType &type,
                              const QString &ns, const QJsonObject &body, int *status)
{
    const QString kind = body.value(QStringLiteral("kind")).toString();
    if (!kind.isEmpty() && kind != type.kind)
        throw ApiError::badRequest(QStringLiteral("the kind of the object (%1) does not match the "
                                                  "resource (%2)")
                                       .arg(kind, type.plural));
    QJsonObject object = m_admission.admitCreate(type, body, ns);
    object = ServerSideApply::recordUpdate(QJsonObject(), object, fieldManager(req, "unknown"),
                                           type.apiVersion());
    *status = 201;
    if (param(req, "dryRun") == QLatin1String("All"))
        return object;
    return m_store.create(type, object);
}

QJsonObject ApiServer::update(const httplib::Request &req, const ResourceType &type,
                              const QString &ns, const QString &name, const QString &sub,
                              const QJsonObject &body)
{
    const QJsonObject live = m_store.get(type, ns, name);
    if (metaString(body, "name") != name)
        throw ApiError::badRequest(QStringLiteral("the name of the object (%1) does not match the "
                                                  "name on the URL (%2)")
                                       .arg(metaString(body, "name"), name));
    QJsonObject next;
    if (sub == QLatin1String("status")) {
        next = live;
        next.insert(QStringLiteral("status"), body.value(QStringLiteral("status")));
        QJsonObject md = next.value(QStringLiteral("metadata")).toObject();
        md.insert(QStringLiteral("resourceVersion"), metaString(body, "resourceVersion"));
        next.insert(QStringLiteral("metadata"), md);
    } else if (sub == QLatin1String("scale")) {
        next = live;
        QJsonObject spec = next.value(QStringLiteral("spec")).toObject();
        spec.insert(QStringLiteral("replicas"),
                    body.value(QStringLiteral("spec"))
                        .toObject()
                        .value(QStringLiteral("replicas"))
                        .toInt());
        next.insert(QStringLiteral("spec"), spec);
    } else {
        next = body;
        if (live.contains(QStringLiteral("status"))
            && type.subresources.contains(QStringLiteral("status")))
            next.insert(QStringLiteral("status"), live.value(QStringLiteral("status")));
        QJsonObject md = next.value(QStringLiteral("metadata")).toObject();
        md.insert(QStringLiteral("namespace"), ns);
        next.insert(QStringLiteral("metadata"), md);
        next = m_admission.admitUpdate(type, next, live);
    }
    next = ServerSideApply::recordUpdate(live, next, fieldManager(req, "unknown"),
                                         type.apiVersion());
    if (param(req, "dryRun") == QLatin1String("All"))
        return next;
    const QJsonObject stored = storeUpdate(type, next, true);
    return sub == QLatin1String("scale") ? scaleOf(type, stored) : stored;
}

QJsonObject ApiServer::patch(const httplib::Request &req, const ResourceType &type,
                             const QString &ns, const QString &name, const QString &sub,
                             int *status)
{
    const QString contentType
        = header(req, "Content-Type").section(QLatin1Char(';'), 0, 0).trimmed();
    const bool dryRun = param(req, "dryRun") == QLatin1String("All");
    const bool apply = contentType == QLatin1String("application/apply-patch+yaml");
    // PatchOptions as Kubernetes validates them.
    if (!apply && req.has_param("force"))
        throw ApiError::invalid(QStringLiteral("PatchOptions.meta.k8s.io"), QString(),
                                QStringLiteral("force"),
                                QStringLiteral("Forbidden: may not be specified for non-apply "
                                               "patch"));
    if (apply) {
        const QString manager = param(req, "fieldManager");
        if (manager.isEmpty())
            throw ApiError::invalid(QStringLiteral("PatchOptions.meta.k8s.io"), QString(),
                                    QStringLiteral("fieldManager"),
                                    QStringLiteral("Required value: is required for apply patch"));
        const QJsonObject applied = parseBody(req);
        const QString kind = applied.value(QStringLiteral("kind")).toString();
        if (kind != type.kind
            || applied.value(QStringLiteral("apiVersion")).toString() != type.apiVersion())
            throw ApiError::badRequest(
                QStringLiteral("the apiVersion and kind of the applied object "
                               "(%1, %2) do not match the resource (%3, %4)")
                    .arg(applied.value(QStringLiteral("apiVersion")).toString(), kind,
                         type.apiVersion(), type.kind));
        if (metaString(applied, "name") != name)
            throw ApiError::badRequest(
                QStringLiteral("the name of the applied object (%1) does not "
                               "match the name on the URL (%2)")
                    .arg(metaString(applied, "name"), name));
        const bool force = flag(req, "force");
        const auto live = m_store.tryGet(type.storageKey(), type.namespaced ? ns : QString(), name);
        if (!live) {
            QJsonObject object = m_admission.admitCreate(type, applied, ns);
            // The applier owns what it sent, not what the server defaulted.
            const QJsonObject owned
                = ServerSideApply::apply(QJsonObject(), applied, manager, force, type.apiVersion());
            QJsonObject md = object.value(QStringLiteral("metadata")).toObject();
            md.insert(QStringLiteral("managedFields"),
                      owned.value(QStringLiteral("metadata"))
                          .toObject()
                          .value(QStringLiteral("managedFields")));
            object.insert(QStringLiteral("metadata"), md);
            *status = 201;
            return dryRun ? object : m_store.create(type, object);
        }
        QJsonObject next
            = ServerSideApply::apply(*live, applied, manager, force, type.apiVersion());
        if (type.subresources.contains(QStringLiteral("status")) && sub != QLatin1String("status"))
            next.insert(QStringLiteral("status"), live->value(QStringLiteral("status")));
        next = m_admission.admitUpdate(type, next, *live);
        return dryRun ? next : storeUpdate(type, next, false);
    }

    const QJsonObject live = m_store.get(type, ns, name);
    const QByteArray body = QByteArray::fromStdString(req.body);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        throw ApiError::badRequest(QStringLiteral("the patch is not valid JSON: %1 at offset %2")
                                       .arg(error.errorString())
                                       .arg(error.offset));
    QJsonObject base = sub == QLatin1String("scale") ? scaleOf(type, live) : live;
    QJsonObject patched;
    if (contentType == QLatin1String("application/merge-patch+json")) {
        patched = Patches::mergePatch(base, doc.object()).toObject();
    } else if (contentType == QLatin1String("application/json-patch+json")) {
        if (!doc.isArray())
            throw ApiError::badRequest(
                QStringLiteral("a JSON patch must be an array of operations"));
        patched = Patches::jsonPatch(base, doc.array()).toObject();
    } else if (contentType == QLatin1String("application/strategic-merge-patch+json")) {
        if (type.custom)
            throw ApiError::unsupportedMediaType(contentType);
        patched = Patches::strategicMerge(base, doc.object());
    } else {
        throw ApiError::unsupportedMediaType(contentType);
    }
    QJsonObject next;
    if (sub == QLatin1String("scale")) {
        next = live;
        QJsonObject spec = next.value(QStringLiteral("spec")).toObject();
        spec.insert(QStringLiteral("replicas"),
                    patched.value(QStringLiteral("spec"))
                        .toObject()
                        .value(QStringLiteral("replicas"))
                        .toInt());
        next.insert(QStringLiteral("spec"), spec);
    } else if (sub == QLatin1String("status")) {
        next = live;
        next.insert(QStringLiteral("status"), patched.value(QStringLiteral("status")));
    } else {
        next = patched;
        if (type.subresources.contains(QStringLiteral("status")))
            next.insert(QStringLiteral("status"), live.value(QStringLiteral("status")));
        if (metaString(next, "name") != name)
            throw ApiError::badRequest(
                QStringLiteral("the name of the object cannot be changed by a patch"));
        next = m_admission.admitUpdate(type, next, live);
    }
    next = ServerSideApply::recordUpdate(live, next, fieldManager(req, "unknown"),
                                         type.apiVersion());
    if (dryRun)
        return next;
    const bool checkVersion = !metaString(patched, "resourceVersion").isEmpty()
        && metaString(patched, "resourceVersion") != metaString(live, "resourceVersion");
    if (checkVersion)
        throw ApiError::conflict(type.group, type.plural, name,
                                 QStringLiteral("the object has been modified; please apply your "
                                                "changes to the latest version and try again"));
    return storeUpdate(type, next, false);
}

QJsonObject ApiServer::storeUpdate(const ResourceType &type, const QJsonObject &next,
                                   bool checkVersion)
{
    const QJsonObject stored = m_store.update(type, next, checkVersion);
    // An object being deleted whose last finalizer went is deleted by the same write, as the
    // API server's registry does (namespaces and pods finish through their own controllers).
    const QJsonObject md = stored.value(QStringLiteral("metadata")).toObject();
    if (md.contains(QStringLiteral("deletionTimestamp"))
        && md.value(QStringLiteral("finalizers")).toArray().isEmpty()
        && type.plural != QLatin1String("namespaces") && type.plural != QLatin1String("pods")) {
        try {
            m_store.remove(type, md.value(QStringLiteral("namespace")).toString(),
                           md.value(QStringLiteral("name")).toString());
        } catch (const ApiError &) {
            // already gone (housekeeping was first)
        }
    }
    return stored;
}

QJsonObject ApiServer::remove(const httplib::Request &req, const ResourceType &type,
                              const QString &ns, const QString &name, int *status, bool *deletedNow)
{
    QJsonObject options;
    if (!req.body.empty()) {
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(req.body));
        options = doc.object();
    }
    QString policy = param(req, "propagationPolicy");
    if (policy.isEmpty())
        policy = options.value(QStringLiteral("propagationPolicy")).toString();
    if (policy.isEmpty() && options.contains(QStringLiteral("orphanDependents")))
        policy = options.value(QStringLiteral("orphanDependents")).toBool()
            ? QStringLiteral("Orphan")
            : QStringLiteral("Background");
    if (policy.isEmpty())
        policy = QStringLiteral("Background");
    if (policy != QLatin1String("Background") && policy != QLatin1String("Foreground")
        && policy != QLatin1String("Orphan"))
        throw ApiError::badRequest(QStringLiteral("propagationPolicy must be one of Background, "
                                                  "Foreground or Orphan (got %1)")
                                       .arg(policy));
    int grace = -1;
    if (req.has_param("gracePeriodSeconds"))
        grace = param(req, "gracePeriodSeconds").toInt();
    else if (options.contains(QStringLiteral("gracePeriodSeconds")))
        grace = options.value(QStringLiteral("gracePeriodSeconds")).toInt();

    QJsonObject live = m_store.get(type, ns, name);
    const QJsonObject pre = options.value(QStringLiteral("preconditions")).toObject();
    if (pre.contains(QStringLiteral("uid"))
        && pre.value(QStringLiteral("uid")).toString() != metaString(live, "uid"))
        throw ApiError::conflict(
            type.group, type.plural, name,
            QStringLiteral("Precondition failed: UID in precondition does not match"));
    if (pre.contains(QStringLiteral("resourceVersion"))
        && pre.value(QStringLiteral("resourceVersion")).toString()
            != metaString(live, "resourceVersion"))
        throw ApiError::conflict(
            type.group, type.plural, name,
            QStringLiteral("Precondition failed: resourceVersion in precondition does not match"));
    if (param(req, "dryRun") == QLatin1String("All")) {
        if (deletedNow)
            *deletedNow = true;
        return live;
    }

    QJsonObject md = live.value(QStringLiteral("metadata")).toObject();
    *status = 200; // 202 only for the long-deprecated orphanDependents=false, as kube-apiserver
    if (md.contains(QStringLiteral("deletionTimestamp")))
        return live;
    const QString uid = md.value(QStringLiteral("uid")).toString();
    auto markDeleting = [&](int graceSeconds) {
        md.insert(QStringLiteral("deletionTimestamp"), nowRfc3339());
        md.insert(QStringLiteral("deletionGracePeriodSeconds"), graceSeconds);
        live.insert(QStringLiteral("metadata"), md);
        if (type.kind == QLatin1String("Namespace")) {
            QJsonObject st = live.value(QStringLiteral("status")).toObject();
            st.insert(QStringLiteral("phase"), QStringLiteral("Terminating"));
            live.insert(QStringLiteral("status"), st);
        }
        return m_store.update(type, live, false);
    };
    if (type.kind == QLatin1String("Namespace"))
        return markDeleting(0); // the namespace controller empties and removes it
    if (!md.value(QStringLiteral("finalizers")).toArray().isEmpty())
        return markDeleting(0);
    if (type.kind == QLatin1String("Pod") && grace != 0
        && !live.value(QStringLiteral("spec"))
                .toObject()
                .value(QStringLiteral("nodeName"))
                .toString()
                .isEmpty()
        && live.value(QStringLiteral("status")).toObject().value(QStringLiteral("phase")).toString()
            != QLatin1String("Succeeded")
        && live.value(QStringLiteral("status")).toObject().value(QStringLiteral("phase")).toString()
            != QLatin1String("Failed")) {
        return markDeleting(grace < 0 ? 30
                                      : grace); // the kubelet simulation stops it and removes it
    }
    if (policy != QLatin1String("Background")) {
        // The garbage collector's finalizer holds the owner while it deletes (Foreground) or
        // releases (Orphan) the dependents; the owner goes once the finalizer is removed.
        const QString finalizer = policy == QLatin1String("Orphan")
            ? QStringLiteral("orphan")
            : QStringLiteral("foregroundDeletion");
        md.insert(QStringLiteral("finalizers"), QJsonArray {finalizer});
        const QJsonObject held = markDeleting(0);
        if (policy == QLatin1String("Orphan"))
            Ownership::orphanDependents(m_store, m_registry, uid, type.namespaced ? ns : QString());
        else
            Ownership::deleteDependents(m_store, m_registry, uid, type.namespaced ? ns : QString());
        if (auto now = m_store.tryGet(type.storageKey(), ns, name)) {
            QJsonObject nowMd = now->value(QStringLiteral("metadata")).toObject();
            QJsonArray rest;
            for (const QJsonValue &f : nowMd.value(QStringLiteral("finalizers")).toArray())
                if (f.toString() != finalizer)
                    rest.append(f);
            nowMd.insert(QStringLiteral("finalizers"), rest);
            now->insert(QStringLiteral("metadata"), nowMd);
            storeUpdate(type, *now, false); // and it is gone
        }
        return held;
    }
    if (deletedNow)
        *deletedNow = true;
    return m_store.remove(type, ns, name); // Background: the garbage collector follows
}

QJsonObject ApiServer::deletedStatus(const ResourceType &type, const QJsonObject &gone)
{
    // Pods, Services and custom resources answer with the object (their storage sets
    // ReturnDeletedObject); every other kind with a Status naming what went.
    if (type.kind == QLatin1String("Pod") || type.kind == QLatin1String("Service") || type.custom)
        return gone;
    QJsonObject details {{QStringLiteral("name"), metaString(gone, "name")},
                         {QStringLiteral("kind"), type.plural},
                         {QStringLiteral("uid"), metaString(gone, "uid")}};
    if (!type.group.isEmpty())
        details.insert(QStringLiteral("group"), type.group);
    return QJsonObject {{QStringLiteral("kind"), QStringLiteral("Status")},
                        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                        {QStringLiteral("metadata"), QJsonObject()},
                        {QStringLiteral("status"), QStringLiteral("Success")},
                        {QStringLiteral("details"), details}};
}

} // namespace Meshdeck::Demo
