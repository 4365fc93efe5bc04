#pragma once

#include "resourcetype.h"

#include <QJsonObject>

#include <atomic>

namespace Meshdeck::Demo {

class ObjectStore;

// What the API server does to an object before storing it: validation (names, required fields),
// defaulting (the fields a real API server fills in), allocation (Service cluster IPs), and the
// mesh's mutating webhooks (Istio and Linkerd sidecar injection into pods of labelled or
// annotated namespaces). Throws ApiError 422/404 on invalid input.
class Admission
{
public:
    explicit Admission(ObjectStore &store);

    // For creates: validates, defaults and mutates. `ns` is the namespace of the URL.
    QJsonObject admitCreate(const ResourceType &type, QJsonObject object, const QString &ns);
    // For updates and patches: validates and defaults the new state.
    QJsonObject admitUpdate(const ResourceType &type, QJsonObject object, const QJsonObject &old);

    static void validateName(const ResourceType &type, const QString &name);
    // metadata.labels as Kubernetes checks them: keys [prefix/]name with a DNS-subdomain prefix
    // and a name of at most 63 characters, values empty or at most 63 of the same characters.
    static void validateLabels(const ResourceType &type, const QString &name,
                               const QJsonObject &labels);
    // Which injection webhooks are registered (a MutatingWebhookConfiguration calling istiod or
    // linkerd-proxy-injector): without one, pods get no sidecar, as in a real cluster.
    struct Webhooks
    {
        bool istio = false;
        bool linkerd = false;
    };
    [[nodiscard]] Webhooks registeredWebhooks() const;
    // Istio's and Linkerd's injection, applied to a pod of namespace `nsObject`.
    static QJsonObject injectSidecars(QJsonObject pod, const QJsonObject &nsObject,
                                      Webhooks webhooks = {true, true});

private:
    QJsonObject defaults(const ResourceType &type, QJsonObject object);

    ObjectStore &m_store;
    std::atomic_int m_nextServiceIp {10};
};

} // namespace Meshdeck::Demo
