#pragma once

#include <core/httptypes.h>
#include <core/result.h>

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Meshdeck::Kube {

// An exec credential plugin (client.authentication.k8s.io v1 / v1beta1) as kubeconfig names it.
struct ExecConfig
{
    QString apiVersion;
    QString command;
    QStringList args;
    QList<QPair<QString, QString>> env;
    QString installHint;
    bool provideClusterInfo = false;
};

struct ClusterEntry
{
    QString name;
    QString server;
    QByteArray caPem; // certificate-authority-data, decoded
    QString caFile; // certificate-authority, absolute
    bool insecureSkipTlsVerify = false;
    QString tlsServerName;
    QString proxyUrl;
};

struct UserEntry
{
    QString name;
    QString token;
    QString tokenFile;
    QByteArray clientCertPem;
    QString clientCertFile;
    QByteArray clientKeyPem;
    QString clientKeyFile;
    QString username;
    QString password;
    std::optional<ExecConfig> exec;
    QString authProvider; // the name of a legacy auth-provider, which Meshdeck does not run
};

struct ContextEntry
{
    QString name;
    QString cluster;
    QString user;
    QString ns;
};

// A context with everything needed to connect: the cluster's address and TLS settings and the
// user's credentials, files already read.
struct ResolvedContext
{
    QString context;
    QString clusterName;
    QString userName;
    QUrl server;
    QString ns = QStringLiteral("default");
    TlsOptions tls;
    QString proxyUrl;
    QString bearerToken;
    QString username;
    QString password;
    std::optional<ExecConfig> exec;
    ClusterEntry cluster;

    // "client certificate", "token", "exec plugin aws", "none" (never the secret itself).
    [[nodiscard]] QString authDescription() const;
    // Why sending this context's credentials is unsafe: a token, password or exec plugin's
    // credential to a plain http:// server travels unencrypted. Empty when it is not so.
    [[nodiscard]] QString plainHttpWarning() const;
};

// The user's kubeconfig, loaded the way kubectl loads it: an explicit file, or every file of
// $KUBECONFIG merged (the first file to set a name or current-context wins; missing files are
// skipped), or ~/.kube/config. Relative paths are resolved against the file that names them.
// Meshdeck never writes the file.
class Kubeconfig
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::Kube::Kubeconfig)

public:
    [[nodiscard]] static Result<Kubeconfig> load(const QString &explicitPath = {});
    [[nodiscard]] static Result<Kubeconfig> loadFiles(const QStringList &files, bool explicitFile);
    [[nodiscard]] static Result<Kubeconfig> parse(const QByteArray &yaml,
                                                  const QString &sourcePath);
    // The files load() would read, in order (for messages and settings).
    [[nodiscard]] static QStringList defaultFiles();

    [[nodiscard]] const QStringList &files() const { return m_files; }
    [[nodiscard]] QString currentContext() const { return m_currentContext; }
    [[nodiscard]] const QList<ContextEntry> &contexts() const { return m_contexts; }
    [[nodiscard]] std::optional<ContextEntry> context(const QString &name) const;
    [[nodiscard]] std::optional<ClusterEntry> cluster(const QString &name) const;
    [[nodiscard]] std::optional<UserEntry> user(const QString &name) const;

    // The named context (or the current one) ready to connect; reads the files it references.
    [[nodiscard]] Result<ResolvedContext> resolve(const QString &contextName = {}) const;

private:
    void merge(const Kubeconfig &later);

    QStringList m_files;
    QString m_currentContext;
    QList<ContextEntry> m_contexts;
    QList<ClusterEntry> m_clusters;
    QList<UserEntry> m_users;
};

} // namespace Meshdeck::Kube
