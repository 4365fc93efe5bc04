#include "streamendpoint.h"

#include "kubeclient.h"

#include <QRegularExpression>

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

namespace Meshdeck::Kube {

namespace {

Result<QByteArray> pem(const QByteArray &inline_, const QString &file, const QString &what)
{
    if (!inline_.isEmpty() || file.isEmpty())
        return inline_;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return Unexpected(Error(ErrorCode::InvalidArgument,
                                StreamEndpoint::tr("Cannot read the %1 file %2: %3.")
                                    .arg(what, file, f.errorString())));
    return f.read(1024 * 1024);
}

} // namespace

Result<StreamEndpoint> StreamEndpoint::from(const HttpRequest &http)
{
    StreamEndpoint e;
    QUrl url = http.url;
    const bool tls = url.scheme() == QLatin1String("https");
    url.setScheme(tls ? QStringLiteral("wss") : QStringLiteral("ws"));
    e.request.setUrl(url);
    for (const HttpHeader &h : http.headers)
        if (h.first.compare("Accept", Qt::CaseInsensitive) != 0)
            e.request.setRawHeader(h.first, h.second);
    if (!http.proxyUrl.isEmpty()) {
        const QUrl proxy(http.proxyUrl);
        e.proxy = QNetworkProxy(
            proxy.scheme().startsWith(QLatin1String("socks")) ? QNetworkProxy::Socks5Proxy
                                                              : QNetworkProxy::HttpProxy,
            proxy.host(), quint16(proxy.port(8080)), proxy.userName(), proxy.password());
    }
    if (!tls)
        return e;

    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    const TlsOptions &t = http.tls;
    if (!t.verifyPeer)
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    const auto ca = pem(t.caPem, t.caFile, tr("certificate authority"));
    if (!ca.ok())
        return Unexpected(ca.error());
    if (!ca->isEmpty()) {
        const QList<QSslCertificate> authorities = QSslCertificate::fromData(*ca, QSsl::Pem);
        if (authorities.isEmpty())
            return Unexpected(Error(ErrorCode::InvalidArgument,
                                    tr("The cluster's certificate authority is not a PEM "
                                       "certificate: check certificate-authority(-data) in the "
                                       "kubeconfig.")));
        ssl.setCaCertificates(authorities);
    }
    const auto cert = pem(t.clientCertPem, t.clientCertFile, tr("client certificate"));
    const auto key = pem(t.clientKeyPem, t.clientKeyFile, tr("client key"));
    if (!cert.ok())
        return Unexpected(cert.error());
    if (!key.ok())
        return Unexpected(key.error());
    if (!cert->isEmpty()) {
        const QList<QSslCertificate> chain = QSslCertificate::fromData(*cert, QSsl::Pem);
        QSslKey privateKey;
        for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Opaque}) {
            privateKey = QSslKey(*key, algorithm, QSsl::Pem);
            if (!privateKey.isNull())
                break;
        }
        if (chain.isEmpty() || privateKey.isNull())
            return Unexpected(Error(ErrorCode::InvalidArgument,
                                    tr("The client certificate or its key could not be read (PEM "
                                       "expected): check client-certificate(-data) and "
                                       "client-key(-data) in the kubeconfig.")));
        ssl.setLocalCertificateChain(chain);
        ssl.setPrivateKey(privateKey);
    }
    if (!t.serverName.isEmpty())
        e.request.setPeerVerifyName(t.serverName);
    e.request.setSslConfiguration(ssl);
    e.ssl = ssl;
    e.secure = true;
    return e;
}

QString StreamEndpoint::refusal(KubeClient &client, const QString &path, const QString &socketError,
                                const QString &what)
{
    static const QRegularExpression code(QStringLiteral("status code: (\\d+)"));
    const auto m = code.match(socketError);
    const auto plain = client.get(path);
    if (plain.ok()) // the server answered the plain request: nothing more to learn from it
        return tr("Cannot %1: %2").arg(what, socketError);
    if (!plain.error().message().contains(QLatin1String("Upgrade request required")))
        return tr("Cannot %1: %2").arg(what, plain.error().message());
    return spdyOnly(what, m.hasMatch() ? m.captured(1) : QString());
}

QString StreamEndpoint::refusalOf(KubeClient &client, const QString &path, int status,
                                  const QString &message, const QString &what)
{
    if (message.contains(QLatin1String("Upgrade request required"))
        || message.contains(QLatin1String("unable to upgrade"), Qt::CaseInsensitive))
        return spdyOnly(what, QString::number(status));
    if (!message.isEmpty())
        return tr("Cannot %1: %2").arg(what, message);
    return refusal(client, path, QStringLiteral("status code: %1").arg(status), what);
}

QString StreamEndpoint::spdyOnly(const QString &what, const QString &status)
{
    return tr("Cannot %1: the API server refused the WebSocket upgrade%2. It may speak only "
              "SPDY for streams (Kubernetes before 1.29, or a proxy in front of it that does not "
              "pass WebSockets); Meshdeck needs WebSocket support, kubectl can still use SPDY "
              "there.")
        .arg(what, status.isEmpty() ? QString() : tr(" (HTTP %1)").arg(status));
}

} // namespace Meshdeck::Kube
