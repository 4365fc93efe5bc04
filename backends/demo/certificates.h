#pragma once

#include <core/result.h>

#include <QByteArray>
#include <QPair>
#include <QStringList>

typedef struct ssl_ctx_st SSL_CTX;
typedef struct x509_st X509;

namespace Meshdeck::Demo {

// PEM certificates and keys of a demo cluster started with TLS: a CA made at start, the
// server's certificate for 127.0.0.1/localhost, and client certificates for an administrator
// (O=system:masters) and a read-only viewer.
struct TlsMaterial
{
    QByteArray caCert;
    QByteArray caKey;
    QByteArray serverCert;
    QByteArray serverKey;
    QByteArray adminCert;
    QByteArray adminKey;
    QByteArray viewerCert;
    QByteArray viewerKey;
};

class Certificates
{
public:
    // EC P-256 keys, valid for 30 days from now.
    [[nodiscard]] static Result<TlsMaterial> generate(const QStringList &hosts);
    // Sets the server certificate and key, and accepts (without requiring) client certificates
    // signed by the CA; the request handler checks the verification result.
    static bool configureServer(SSL_CTX *ctx, const TlsMaterial &material);
    // A certificate authority of its own (a mesh's root, as istiod and Linkerd's identity keep):
    // PEM certificate and key.
    [[nodiscard]] static Result<QPair<QByteArray, QByteArray>> makeCa(const QString &commonName);
    // A workload certificate for a SPIFFE identity (spiffe://cluster.local/ns/NS/sa/SA) signed by
    // that CA, client and server use, a fresh EC P-256 key: PEM certificate and key.
    [[nodiscard]] static Result<QPair<QByteArray, QByteArray>>
    issueWorkload(const QByteArray &caCert, const QByteArray &caKey, const QString &spiffeId,
                  long serial);
    // Common name and organizations of a client certificate.
    [[nodiscard]] static QPair<QString, QStringList> subjectOf(X509 *certificate);
};

} // namespace Meshdeck::Demo
