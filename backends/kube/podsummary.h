#pragma once

#include <QJsonObject>
#include <QString>

namespace Meshdeck::Kube {

// How kubectl summarises a pod: its STATUS column (Running, ContainerCreating, Init:0/1,
// CrashLoopBackOff, Terminating, Completed...), READY ("2/2"), restarts, and which mesh's
// sidecar it carries.
class PodSummary
{
public:
    [[nodiscard]] static QString status(const QJsonObject &pod);
    [[nodiscard]] static QString ready(const QJsonObject &pod);
    [[nodiscard]] static int restarts(const QJsonObject &pod);
    [[nodiscard]] static bool isReady(const QJsonObject &pod);
    // "istio", "linkerd" or empty.
    [[nodiscard]] static QString sidecar(const QJsonObject &pod);
    // "5m", "3h12m", "2d" from an RFC 3339 timestamp, as kubectl prints ages.
    [[nodiscard]] static QString age(const QString &rfc3339);
};

} // namespace Meshdeck::Kube
