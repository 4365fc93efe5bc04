#pragma once

#include "kubeconfig.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>

namespace Meshdeck::Kube {

// Runs exec credential plugins (client.authentication.k8s.io v1 and v1beta1) the way kubectl
// does: the command with its arguments and environment, KUBERNETES_EXEC_INFO describing the
// request, standard input closed. The credential (a token, or a client certificate and key) is
// cached until its expirationTimestamp; refresh() forgets it (after a 401). Blocking: call from
// a worker thread. Thread-safe.
class ExecCredentialProvider
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::Kube::ExecCredentialProvider)

public:
    struct Credential
    {
        QString token;
        QByteArray clientCertPem;
        QByteArray clientKeyPem;
        QDateTime expiry; // invalid: does not expire
    };

    explicit ExecCredentialProvider(int timeoutMs = 15'000)
        : m_timeoutMs(timeoutMs)
    {
    }

    [[nodiscard]] Result<Credential> credential(const ExecConfig &exec, const ClusterEntry &cluster,
                                                const QString &userName);
    void refresh(const ExecConfig &exec);

private:
    [[nodiscard]] Result<Credential> run(const ExecConfig &exec, const ClusterEntry &cluster,
                                         const QString &userName) const;
    static QString cacheKey(const ExecConfig &exec);

    int m_timeoutMs;
    QMutex m_mutex;
    QHash<QString, Credential> m_cache;
};

} // namespace Meshdeck::Kube
