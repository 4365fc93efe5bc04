#include "kubeconfig.h"

#include <core/boundedfile.h>
#include <core/yaml.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace Meshdeck::Kube {

namespace {

QString absoluteFrom(const QString &path, const QString &baseFile)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path) || baseFile.isEmpty())
        return path;
    return QDir::cleanPath(QFileInfo(baseFile).absoluteDir().filePath(path));
}

Result<QByteArray> decodeData(const QJsonValue &value, const QString &what, const QString &owner,
                              const QString &file)
{
    const QByteArray raw = value.toString().toLatin1();
    const auto decoded
        = QByteArray::fromBase64Encoding(raw, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        return Unexpected(
            Error(ErrorCode::ParseError,
                  Kubeconfig::tr("%1 of \"%2\" in %3 is not valid base64. Re-export the "
                                 "credentials, or use %4 to point to a PEM file instead.")
                      .arg(what, owner, file, QString(what).remove(QStringLiteral("-data")))));
    }
    if (!decoded.decoded.contains("-----BEGIN")) {
        return Unexpected(Error(ErrorCode::ParseError,
                                Kubeconfig::tr("%1 of \"%2\" in %3 does not hold PEM data (no "
                                               "\"-----BEGIN\" line after decoding).")
                                    .arg(what, owner, file)));
    }
    return decoded.decoded;
}

Result<QByteArray> readFile(const QString &path, const QString &what, const QString &owner)
{
    // Certificates, keys and token files are small.
    const auto bytes = readBoundedFile(path, 16LL * 1024 * 1024);
    if (!bytes) {
        return Unexpected(Error(bytes.error().code(),
                                Kubeconfig::tr("The %1 file of \"%2\" cannot be read: %3 Check "
                                               "the path in your kubeconfig.")
                                    .arg(what, owner, bytes.error().message())));
    }
    return bytes.value();
}

} // namespace

QString ResolvedContext::authDescription() const
{
    if (exec)
        return QStringLiteral("exec plugin %1").arg(QFileInfo(exec->command).fileName());
    if (!tls.clientCertPem.isEmpty() || !tls.clientCertFile.isEmpty())
        return QStringLiteral("client certificate");
    if (!bearerToken.isEmpty())
        return QStringLiteral("token");
    if (!username.isEmpty())
        return QStringLiteral("basic");
    return QStringLiteral("none");
}

QString ResolvedContext::plainHttpWarning() const
{
    if (server.scheme() != QLatin1String("http"))
        return {};
    // Loopback never leaves the machine (the demo cluster, a local proxy such as kubectl proxy).
    const QString host = server.host();
    if (host == QLatin1String("localhost") || host == QLatin1String("::1")
        || host.startsWith(QLatin1String("127.")))
        return {};
    QString what;
    if (exec)
        what = Kubeconfig::tr("the credential of the exec plugin %1")
                   .arg(QFileInfo(exec->command).fileName());
    else if (!bearerToken.isEmpty())
        what = Kubeconfig::tr("the token");
    else if (!username.isEmpty() || !password.isEmpty())
        what = Kubeconfig::tr("the user name and password");
    else
        return {};
    return Kubeconfig::tr("The API server %1 is reached over plain HTTP: %2 of user %3 travels "
                          "unencrypted, readable by anyone on the path. Use an https:// server "
                          "address.")
        .arg(server.toString(), what, userName.isEmpty() ? QStringLiteral("-") : userName);
}

QStringList Kubeconfig::defaultFiles()
{
    const QString env = qEnvironmentVariable("KUBECONFIG");
    if (!env.isEmpty()) {
        QStringList files;
        for (const QString &f : env.split(QDir::listSeparator(), Qt::SkipEmptyParts))
            if (!files.contains(f))
                files << f;
        return files;
    }
    return {QDir::home().filePath(QStringLiteral(".kube/config"))};
}

Result<Kubeconfig> Kubeconfig::load(const QString &explicitPath)
{
    if (!explicitPath.isEmpty())
        return loadFiles({explicitPath}, true);
    return loadFiles(defaultFiles(), false);
}

Result<Kubeconfig> Kubeconfig::loadFiles(const QStringList &files, bool explicitFile)
{
    Kubeconfig merged;
    for (const QString &path : files) {
        QFile f(path);
        if (!f.exists()) {
            if (explicitFile)
                return Unexpected(
                    Error(ErrorCode::NotFound,
                          tr("The kubeconfig %1 does not exist. Check the path, or leave "
                             "--kubeconfig out to use $KUBECONFIG or ~/.kube/config.")
                              .arg(path)));
            continue; // kubectl skips missing files of $KUBECONFIG
        }
        f.close();
        // kubectl reads kubeconfigs of any size; 256 MiB is far beyond any real one and stops a
        // device or a runaway file from being read forever.
        const auto bytes = readBoundedFile(path, 256LL * 1024 * 1024);
        if (!bytes)
            return Unexpected(bytes.error().withContext(tr("Reading the kubeconfig")));
        auto one = parse(bytes.value(), QFileInfo(path).absoluteFilePath());
        if (!one.ok())
            return Unexpected(one.error());
        merged.merge(*one);
    }
    if (merged.m_files.isEmpty()) {
        return Unexpected(
            Error(ErrorCode::NotFound,
                  tr("No kubeconfig found (looked for %1). Create one with your cloud's "
                     "CLI or kubectl, or start the demo cluster with 'meshdeck demo-cluster "
                     "--kubeconfig FILE'.")
                      .arg(files.join(QStringLiteral(", ")))));
    }
    return merged;
}

void Kubeconfig::merge(const Kubeconfig &later)
{
    m_files << later.m_files;
    if (m_currentContext.isEmpty())
        m_currentContext = later.m_currentContext;
    // The first file that names an entry wins, as in kubectl. Names are looked up in sets: a
    // kubeconfig with tens of thousands of contexts merges in linear time.
    const auto mergeInto = [](auto &into, const auto &from) {
        QSet<QString> names;
        names.reserve(into.size() + from.size());
        for (const auto &e : into)
            names.insert(e.name);
        for (const auto &e : from) {
            if (names.contains(e.name))
                continue;
            names.insert(e.name);
            into << e;
        }
    };
    mergeInto(m_contexts, later.m_contexts);
    mergeInto(m_clusters, later.m_clusters);
    mergeInto(m_users, later.m_users);
}

Result<Kubeconfig> Kubeconfig::parse(const QByteArray &yaml, const QString &sourcePath)
{
    const auto doc = Yaml::toJson(yaml);
    if (!doc.ok())
        return Unexpected(
            doc.error().withContext(tr("The kubeconfig %1 cannot be parsed").arg(sourcePath)));
    if (!doc->isObject() && !doc->isNull())
        return Unexpected(
            Error(ErrorCode::ParseError,
                  tr("The kubeconfig %1 is not a kubeconfig: its top level is not a map.")
                      .arg(sourcePath)));
    const QJsonObject root = doc->toObject();
    Kubeconfig k;
    k.m_files << sourcePath;
    k.m_currentContext = root.value(QStringLiteral("current-context")).toString();

    for (const QJsonValue &v : root.value(QStringLiteral("clusters")).toArray()) {
        const QJsonObject entry = v.toObject();
        const QJsonObject c = entry.value(QStringLiteral("cluster")).toObject();
        ClusterEntry cluster;
        cluster.name = entry.value(QStringLiteral("name")).toString();
        cluster.server = c.value(QStringLiteral("server")).toString();
        cluster.caFile
            = absoluteFrom(c.value(QStringLiteral("certificate-authority")).toString(), sourcePath);
        cluster.insecureSkipTlsVerify
            = c.value(QStringLiteral("insecure-skip-tls-verify")).toBool();
        cluster.tlsServerName = c.value(QStringLiteral("tls-server-name")).toString();
        cluster.proxyUrl = c.value(QStringLiteral("proxy-url")).toString();
        if (c.contains(QStringLiteral("certificate-authority-data"))) {
            auto data = decodeData(c.value(QStringLiteral("certificate-authority-data")),
                                   QStringLiteral("certificate-authority-data"),
                                   QStringLiteral("cluster %1").arg(cluster.name), sourcePath);
            if (!data.ok())
                return Unexpected(data.error());
            cluster.caPem = *data;
        }
        k.m_clusters << cluster;
    }
    for (const QJsonValue &v : root.value(QStringLiteral("users")).toArray()) {
        const QJsonObject entry = v.toObject();
        const QJsonObject u = entry.value(QStringLiteral("user")).toObject();
        UserEntry user;
        user.name = entry.value(QStringLiteral("name")).toString();
        user.token = u.value(QStringLiteral("token")).toString();
        user.tokenFile = absoluteFrom(u.value(QStringLiteral("tokenFile")).toString(), sourcePath);
        user.clientCertFile
            = absoluteFrom(u.value(QStringLiteral("client-certificate")).toString(), sourcePath);
        user.clientKeyFile
            = absoluteFrom(u.value(QStringLiteral("client-key")).toString(), sourcePath);
        user.username = u.value(QStringLiteral("username")).toString();
        user.password = u.value(QStringLiteral("password")).toString();
        const QString owner = QStringLiteral("user %1").arg(user.name);
        if (u.contains(QStringLiteral("client-certificate-data"))) {
            auto data = decodeData(u.value(QStringLiteral("client-certificate-data")),
                                   QStringLiteral("client-certificate-data"), owner, sourcePath);
            if (!data.ok())
                return Unexpected(data.error());
            user.clientCertPem = *data;
        }
        if (u.contains(QStringLiteral("client-key-data"))) {
            auto data = decodeData(u.value(QStringLiteral("client-key-data")),
                                   QStringLiteral("client-key-data"), owner, sourcePath);
            if (!data.ok())
                return Unexpected(data.error());
            user.clientKeyPem = *data;
        }
        if (u.contains(QStringLiteral("exec"))) {
            const QJsonObject e = u.value(QStringLiteral("exec")).toObject();
            ExecConfig exec;
            exec.apiVersion = e.value(QStringLiteral("apiVersion")).toString();
            exec.command = e.value(QStringLiteral("command")).toString();
            for (const QJsonValue &a : e.value(QStringLiteral("args")).toArray())
                exec.args << a.toString();
            for (const QJsonValue &env : e.value(QStringLiteral("env")).toArray())
                exec.env << QPair<QString, QString> {
                    env.toObject().value(QStringLiteral("name")).toString(),
                    env.toObject().value(QStringLiteral("value")).toString()};
            exec.installHint = e.value(QStringLiteral("installHint")).toString();
            exec.provideClusterInfo = e.value(QStringLiteral("provideClusterInfo")).toBool();
            // A command with a path separator is relative to the kubeconfig, as in kubectl.
            if (exec.command.contains(QLatin1Char('/')))
                exec.command = absoluteFrom(exec.command, sourcePath);
            user.exec = exec;
        }
        if (u.contains(QStringLiteral("auth-provider")))
            user.authProvider = u.value(QStringLiteral("auth-provider"))
                                    .toObject()
                                    .value(QStringLiteral("name"))
                                    .toString();
        k.m_users << user;
    }
    for (const QJsonValue &v : root.value(QStringLiteral("contexts")).toArray()) {
        const QJsonObject entry = v.toObject();
        const QJsonObject c = entry.value(QStringLiteral("context")).toObject();
        k.m_contexts << ContextEntry {entry.value(QStringLiteral("name")).toString(),
                                      c.value(QStringLiteral("cluster")).toString(),
                                      c.value(QStringLiteral("user")).toString(),
                                      c.value(QStringLiteral("namespace")).toString()};
    }
    return k;
}

std::optional<ContextEntry> Kubeconfig::context(const QString &name) const
{
    for (const ContextEntry &c : m_contexts)
        if (c.name == name)
            return c;
    return std::nullopt;
}

std::optional<ClusterEntry> Kubeconfig::cluster(const QString &name) const
{
    for (const ClusterEntry &c : m_clusters)
        if (c.name == name)
            return c;
    return std::nullopt;
}

std::optional<UserEntry> Kubeconfig::user(const QString &name) const
{
    for (const UserEntry &u : m_users)
        if (u.name == name)
            return u;
    return std::nullopt;
}

Result<ResolvedContext> Kubeconfig::resolve(const QString &contextName) const
{
    const QString name = contextName.isEmpty() ? m_currentContext : contextName;
    const QString where = m_files.join(QStringLiteral(", "));
    if (name.isEmpty())
        return Unexpected(
            Error(ErrorCode::NotFound,
                  tr("No context is selected in %1. Choose one with --context NAME or "
                     "'kubectl config use-context NAME'.")
                      .arg(where)));
    const auto ctx = context(name);
    if (!ctx) {
        QStringList names;
        for (const ContextEntry &c : m_contexts)
            names << c.name;
        return Unexpected(
            Error(ErrorCode::NotFound,
                  tr("The context \"%1\" is not in %2. Known contexts: %3.")
                      .arg(name, where,
                           names.isEmpty() ? tr("none") : names.join(QStringLiteral(", ")))));
    }
    const auto c = cluster(ctx->cluster);
    if (!c)
        return Unexpected(
            Error(ErrorCode::NotFound,
                  tr("The context \"%1\" refers to the cluster \"%2\", which %3 does not define.")
                      .arg(name, ctx->cluster, where)));
    if (c->server.isEmpty())
        return Unexpected(Error(
            ErrorCode::InvalidArgument,
            tr("The cluster \"%1\" of context \"%2\" has no server address.").arg(c->name, name)));
    const QUrl server(c->server);
    if (!server.isValid()
        || (server.scheme() != QLatin1String("https") && server.scheme() != QLatin1String("http")))
        return Unexpected(
            Error(ErrorCode::InvalidArgument,
                  tr("The server address \"%1\" of cluster \"%2\" is not an http or https URL.")
                      .arg(c->server, c->name)));
    ResolvedContext r;
    r.context = name;
    r.clusterName = c->name;
    r.server = server;
    r.cluster = *c;
    if (!ctx->ns.isEmpty())
        r.ns = ctx->ns;
    r.proxyUrl = c->proxyUrl;
    r.tls.verifyPeer = !c->insecureSkipTlsVerify;
    r.tls.serverName = c->tlsServerName;
    r.tls.caPem = c->caPem;
    if (r.tls.caPem.isEmpty() && !c->caFile.isEmpty()) {
        auto ca = readFile(c->caFile, QStringLiteral("certificate-authority"),
                           QStringLiteral("cluster %1").arg(c->name));
        if (!ca.ok())
            return Unexpected(ca.error());
        r.tls.caPem = *ca;
    }
    if (ctx->user.isEmpty())
        return r; // anonymous
    const auto u = user(ctx->user);
    if (!u)
        return Unexpected(
            Error(ErrorCode::NotFound,
                  tr("The context \"%1\" refers to the user \"%2\", which %3 does not define.")
                      .arg(name, ctx->user, where)));
    r.userName = u->name;
    if (!u->authProvider.isEmpty() && !u->exec)
        return Unexpected(
            Error(ErrorCode::Unsupported,
                  tr("The user \"%1\" authenticates with the legacy auth-provider \"%2\", which "
                     "Kubernetes removed. Switch it to an exec credential plugin (for GKE: "
                     "gke-gcloud-auth-plugin; for Azure: kubelogin convert-kubeconfig).")
                      .arg(u->name, u->authProvider)));
    const QString owner = QStringLiteral("user %1").arg(u->name);
    r.tls.clientCertPem = u->clientCertPem;
    if (r.tls.clientCertPem.isEmpty() && !u->clientCertFile.isEmpty()) {
        auto cert = readFile(u->clientCertFile, QStringLiteral("client-certificate"), owner);
        if (!cert.ok())
            return Unexpected(cert.error());
        r.tls.clientCertPem = *cert;
    }
    r.tls.clientKeyPem = u->clientKeyPem;
    if (r.tls.clientKeyPem.isEmpty() && !u->clientKeyFile.isEmpty()) {
        auto key = readFile(u->clientKeyFile, QStringLiteral("client-key"), owner);
        if (!key.ok())
            return Unexpected(key.error());
        r.tls.clientKeyPem = *key;
    }
    if (r.tls.clientCertPem.isEmpty() != r.tls.clientKeyPem.isEmpty())
        return Unexpected(
            Error(ErrorCode::InvalidArgument,
                  tr("The user \"%1\" has a client certificate without its key, or a key "
                     "without its certificate. Both are needed.")
                      .arg(u->name)));
    r.bearerToken = u->token;
    if (r.bearerToken.isEmpty() && !u->tokenFile.isEmpty()) {
        auto token = readFile(u->tokenFile, QStringLiteral("token"), owner);
        if (!token.ok())
            return Unexpected(token.error());
        r.bearerToken = QString::fromUtf8(token->trimmed());
    }
    r.username = u->username;
    r.password = u->password;
    r.exec = u->exec;
    return r;
}

} // namespace Meshdeck::Kube
