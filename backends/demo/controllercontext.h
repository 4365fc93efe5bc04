#pragma once

#include "resourcetype.h"

#include <QJsonObject>

#include <functional>

namespace Meshdeck::Demo {

class Admission;
class ContainerProcesses;
class ObjectStore;

// What the simulated controllers share: the store, the kinds, admission (so that pods they
// create get sidecars), delayed work on the controller thread, and the Event recorder.
class ControllerContext
{
public:
    ControllerContext(ObjectStore &store, ResourceRegistry &registry, Admission &admission,
                      double timeScale)
        : store(store)
        , registry(registry)
        , admission(admission)
        , m_timeScale(timeScale)
    {
    }
    virtual ~ControllerContext() = default;

    ObjectStore &store;
    ResourceRegistry &registry;
    Admission &admission;
    // Runs pods of Meshdeck's worker image as real processes (null: every pod is simulated).
    ContainerProcesses *processes = nullptr;
    // "host:port=ip:port,..." for a pod in namespace `ns`: where the cluster's Service names
    // lead on this machine (through the sidecars when `injected`).
    std::function<QString(const QString &ns, bool injected)> hostAliases;
    // The cluster's root CA (PEM), published in every namespace as ConfigMap kube-root-ca.crt.
    // Set before start().
    QByteArray rootCaPem;

    // Runs fn on the controller thread after `ms` milliseconds of simulated time.
    virtual void after(int ms, std::function<void()> fn) = 0;
    // Queues a reconcile of (storageKey, namespace, name) on the controller thread.
    virtual void enqueue(const QString &storageKey, const QString &ns, const QString &name) = 0;

    // Records a core/v1 Event about `object`.
    void recordEvent(const QJsonObject &object, const QString &reason, const QString &message,
                     const QString &type = QStringLiteral("Normal"),
                     const QString &component = QStringLiteral("kube-controller-manager"),
                     const QString &host = {});

    [[nodiscard]] ResourceType type(const QString &storageKey) const;
    [[nodiscard]] int scaled(int ms) const { return int(ms * m_timeScale); }

    // Writes, ignoring "not found" (the object went away meanwhile); true when written.
    bool tryUpdate(const QString &storageKey, const QJsonObject &object);
    bool tryRemove(const QString &storageKey, const QString &ns, const QString &name);
    std::optional<QJsonObject> tryCreate(const QString &storageKey, const QJsonObject &object,
                                         const QString &ns);

private:
    double m_timeScale;
};

} // namespace Meshdeck::Demo
