#include "execcredential.h"

#include <core/redact.h>

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>

namespace Meshdeck::Kube {

QString ExecCredentialProvider::cacheKey(const ExecConfig &exec)
{
    QString key = exec.apiVersion + QLatin1Char('\x1f') + exec.command + QLatin1Char('\x1f')
        + exec.args.join(QLatin1Char('\x1f'));
    for (const auto &[name, value] : exec.env)
        key += QLatin1Char('\x1f') + name + QLatin1Char('=') + value;
    return key;
}

void ExecCredentialProvider::refresh(const ExecConfig &exec)
{
    QMutexLocker lock(&m_mutex);
    m_cache.remove(cacheKey(exec));
}

Result<ExecCredentialProvider::Credential>
ExecCredentialProvider::credential(const ExecConfig &exec, const ClusterEntry &cluster,
                                   const QString &userName)
{
    const QString key = cacheKey(exec);
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_cache.constFind(key);
        // Renew a little before expiry, as client-go does not, to avoid a failed request.
        if (it != m_cache.cend()
            && (!it->expiry.isValid() || it->expiry > QDateTime::currentDateTimeUtc().addSecs(10)))
            return *it;
    }
    auto fresh = run(exec, cluster, userName);
    if (fresh.ok()) {
        QMutexLocker lock(&m_mutex);
        m_cache.insert(key, *fresh);
    }
    return fresh;
}

Result<ExecCredentialProvider::Credential>
ExecCredentialProvider::run(const ExecConfig &exec, const ClusterEntry &cluster,
                            const QString &userName) const
{
    const QString plugin = QFileInfo(exec.command).fileName();
    const QString apiVersion = exec.apiVersion.isEmpty()
        ? QStringLiteral("client.authentication.k8s.io/v1")
        : exec.apiVersion;
    if (apiVersion != QLatin1String("client.authentication.k8s.io/v1")
        && apiVersion != QLatin1String("client.authentication.k8s.io/v1beta1")) {
        return Unexpected(
            Error(ErrorCode::Unsupported,
                  tr("The credential plugin of user \"%1\" asks for %2; Meshdeck supports "
                     "client.authentication.k8s.io/v1 and v1beta1. Update the plugin or its "
                     "apiVersion in the kubeconfig.")
                      .arg(userName, apiVersion)));
    }
    const QString program = exec.command.contains(QLatin1Char('/'))
        ? (QFileInfo(exec.command).isExecutable() ? exec.command : QString())
        : QStandardPaths::findExecutable(exec.command);
    if (program.isEmpty()) {
        QString message = tr("The credential plugin \"%1\" of user \"%2\" was not found on PATH.")
                              .arg(exec.command, userName);
        if (!exec.installHint.isEmpty())
            message += QLatin1Char(' ') + exec.installHint.trimmed();
        return Unexpected(Error(ErrorCode::NotFound, message));
    }

    QJsonObject spec {{QStringLiteral("interactive"), false}};
    if (exec.provideClusterInfo) {
        QJsonObject clusterInfo {
            {QStringLiteral("server"), cluster.server},
            {QStringLiteral("insecure-skip-tls-verify"), cluster.insecureSkipTlsVerify}};
        if (!cluster.caPem.isEmpty())
            clusterInfo.insert(QStringLiteral("certificate-authority-data"),
                               QString::fromLatin1(cluster.caPem.toBase64()));
        if (!cluster.tlsServerName.isEmpty())
            clusterInfo.insert(QStringLiteral("tls-server-name"), cluster.tlsServerName);
        spec.insert(QStringLiteral("cluster"), clusterInfo);
    }
    const QJsonObject info {{QStringLiteral("apiVersion"), apiVersion},
                            {QStringLiteral("kind"), QStringLiteral("ExecCredential")},
                            {QStringLiteral("spec"), spec}};
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : exec.env)
        env.insert(name, value);
    env.insert(QStringLiteral("KUBERNETES_EXEC_INFO"),
               QString::fromUtf8(QJsonDocument(info).toJson(QJsonDocument::Compact)));

    QProcess process;
    process.setProcessEnvironment(env);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, exec.args);
    if (!process.waitForStarted(m_timeoutMs))
        return Unexpected(Error(ErrorCode::IoError,
                                tr("The credential plugin \"%1\" could not be started: %2")
                                    .arg(plugin, process.errorString())));
    if (!process.waitForFinished(m_timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return Unexpected(
            Error(ErrorCode::Timeout,
                  tr("The credential plugin \"%1\" did not finish within %2 seconds. It may be "
                     "waiting for a login in a browser or terminal: run it once by hand.")
                      .arg(plugin)
                      .arg(m_timeoutMs / 1000),
                  QString(), true));
    }
    const QByteArray out = process.readAllStandardOutput();
    const QString err
        = redactSecrets(QString::fromUtf8(process.readAllStandardError()).trimmed().right(2000));
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return Unexpected(Error(
            ErrorCode::IoError,
            tr("The credential plugin \"%1\" of user \"%2\" failed (exit code %3)%4")
                .arg(plugin, userName)
                .arg(process.exitCode())
                .arg(err.isEmpty() ? QStringLiteral(".")
                                   : QStringLiteral(": ") + err.section(QLatin1Char('\n'), -1)),
            err));
    }
    QJsonParseError parseError;
    const QJsonObject doc = QJsonDocument::fromJson(out, &parseError).object();
    const QJsonObject status = doc.value(QStringLiteral("status")).toObject();
    if (parseError.error != QJsonParseError::NoError
        || doc.value(QStringLiteral("kind")).toString() != QLatin1String("ExecCredential")
        || status.isEmpty()) {
        return Unexpected(
            Error(ErrorCode::ParseError,
                  tr("The credential plugin \"%1\" printed something that is not an ExecCredential "
                     "with a status. Run it by hand to see what it prints.")
                      .arg(plugin),
                  redactSecrets(QString::fromUtf8(out.left(300)))));
    }
    Credential c;
    c.token = status.value(QStringLiteral("token")).toString();
    c.clientCertPem = status.value(QStringLiteral("clientCertificateData")).toString().toUtf8();
    c.clientKeyPem = status.value(QStringLiteral("clientKeyData")).toString().toUtf8();
    if (status.contains(QStringLiteral("expirationTimestamp")))
        c.expiry = QDateTime::fromString(
            status.value(QStringLiteral("expirationTimestamp")).toString(), Qt::ISODate);
    if (c.token.isEmpty() && (c.clientCertPem.isEmpty() || c.clientKeyPem.isEmpty())) {
        return Unexpected(
            Error(ErrorCode::ParseError,
                  tr("The credential plugin \"%1\" returned neither a token nor a client "
                     "certificate and key.")
                      .arg(plugin)));
    }
    return c;
}

} // namespace Meshdeck::Kube
