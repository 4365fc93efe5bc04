#include "certificates.h"

#include <QCoreApplication>

#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace Meshdeck::Demo {

namespace {

struct KeyFree
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct CertFree
{
    void operator()(X509 *c) const { X509_free(c); }
};
struct BioFree
{
    void operator()(BIO *b) const { BIO_free(b); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyFree>;
using CertPtr = std::unique_ptr<X509, CertFree>;
using BioPtr = std::unique_ptr<BIO, BioFree>;

KeyPtr newKey()
{
    return KeyPtr(EVP_EC_gen("P-256"));
}

QByteArray pem(EVP_PKEY *key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, int(n));
}

QByteArray pem(X509 *cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), cert);
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, int(n));
}

bool addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

CertPtr makeCert(EVP_PKEY *key, const QString &cn, const QStringList &orgs, X509 *issuer,
                 EVP_PKEY *issuerKey, bool ca, bool server, const QStringList &hosts, long serial)
{
    CertPtr cert(X509_new());
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 30L * 24 * 3600);
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    for (const QString &o : orgs)
        X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(o.toUtf8().constData()),
                                   -1, -1, 0);
    if (!cn.isEmpty()) // workload certificates name their identity in the SAN only
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(cn.toUtf8().constData()),
                                   -1, -1, 0);
    X509 *signer = issuer ? issuer : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(signer));
    if (ca) {
        addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE");
        addExtension(cert.get(), signer, NID_key_usage,
                     "critical,keyCertSign,cRLSign,digitalSignature");
        addExtension(cert.get(), signer, NID_subject_key_identifier, "hash");
    } else {
        addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE");
        addExtension(cert.get(), signer, NID_key_usage,
                     "critical,digitalSignature,keyEncipherment");
        addExtension(cert.get(), signer, NID_ext_key_usage, server ? "serverAuth" : "clientAuth");
        if (server || !hosts.isEmpty()) {
            QStringList san;
            for (const QString &h : hosts) {
                const bool uri = h.startsWith(QLatin1String("spiffe://"));
                const bool ip
                    = !uri && !h.isEmpty() && (h.front().isDigit() || h.contains(QLatin1Char(':')));
                san << (uri      ? QStringLiteral("URI:")
                            : ip ? QStringLiteral("IP:")
                                 : QStringLiteral("DNS:"))
                        + h;
            }
            addExtension(cert.get(), signer, NID_subject_alt_name,
                         san.join(QLatin1Char(',')).toUtf8().constData());
        }
    }
    if (X509_sign(cert.get(), issuerKey, EVP_sha256()) == 0)
        return nullptr;
    return cert;
}

CertPtr readCert(const QByteArray &pemData)
{
    BioPtr bio(BIO_new_mem_buf(pemData.constData(), int(pemData.size())));
    return CertPtr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

KeyPtr readKey(const QByteArray &pemData)
{
    BioPtr bio(BIO_new_mem_buf(pemData.constData(), int(pemData.size())));
    return KeyPtr(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

int acceptAnyClient(int, X509_STORE_CTX *)
{
    // The handshake always completes; the request handler answers 401 for a certificate that
    // did not verify, as the real API server does.
    return 1;
}

} // namespace

Result<TlsMaterial> Certificates::generate(const QStringList &hosts)
{
    KeyPtr caKey = newKey();
    KeyPtr serverKey = newKey();
    KeyPtr adminKey = newKey();
    KeyPtr viewerKey = newKey();
    if (!caKey || !serverKey || !adminKey || !viewerKey)
        return Unexpected(
            Error(ErrorCode::Unknown, QStringLiteral("OpenSSL could not generate keys.")));
    CertPtr ca = makeCert(caKey.get(), QStringLiteral("meshdeck-demo-ca"), {}, nullptr, caKey.get(),
                          true, false, {}, 1);
    if (!ca)
        return Unexpected(
            Error(ErrorCode::Unknown, QStringLiteral("OpenSSL could not sign the CA.")));
    CertPtr server = makeCert(serverKey.get(), QStringLiteral("kube-apiserver"), {}, ca.get(),
                              caKey.get(), false, true, hosts, 2);
    CertPtr admin
        = makeCert(adminKey.get(), QStringLiteral("meshdeck-admin"),
                   {QStringLiteral("system:masters")}, ca.get(), caKey.get(), false, false, {}, 3);
    CertPtr viewer = makeCert(viewerKey.get(), QStringLiteral("meshdeck-viewer"),
                              {QStringLiteral("meshdeck:viewers")}, ca.get(), caKey.get(), false,
                              false, {}, 4);
    if (!server || !admin || !viewer)
        return Unexpected(
            Error(ErrorCode::Unknown, QStringLiteral("OpenSSL could not sign the certificates.")));
    return TlsMaterial {pem(ca.get()),        pem(caKey.get()),    pem(server.get()),
                        pem(serverKey.get()), pem(admin.get()),    pem(adminKey.get()),
                        pem(viewer.get()),    pem(viewerKey.get())};
}

bool Certificates::configureServer(SSL_CTX *ctx, const TlsMaterial &material)
{
    CertPtr cert = readCert(material.serverCert);
    KeyPtr key = readKey(material.serverKey);
    CertPtr ca = readCert(material.caCert);
    if (!cert || !key || !ca)
        return false;
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    if (SSL_CTX_use_certificate(ctx, cert.get()) != 1
        || SSL_CTX_use_PrivateKey(ctx, key.get()) != 1)
        return false;
    X509_STORE *store = SSL_CTX_get_cert_store(ctx);
    X509_STORE_add_cert(store, ca.get());
    STACK_OF(X509_NAME) *names = sk_X509_NAME_new_null();
    sk_X509_NAME_push(names, X509_NAME_dup(X509_get_subject_name(ca.get())));
    SSL_CTX_set_client_CA_list(ctx, names);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, acceptAnyClient);
    // Sessions resume (TLS 1.3 tickets), as with a real API server: a client that reconnects
    // skips the full handshake. OpenSSL resumes a session whose client certificate it verified
    // only within a named context; without one a resumption attempt fails the handshake.
    static const unsigned char context[] = "meshdeck-demo-apiserver";
    SSL_CTX_set_session_id_context(ctx, context, sizeof(context) - 1);
    return true;
}

Result<QPair<QByteArray, QByteArray>> Certificates::makeCa(const QString &commonName)
{
    KeyPtr key = newKey();
    if (!key)
        return Unexpected(Error(ErrorCode::IoError, QStringLiteral("Cannot make a key.")));
    CertPtr ca = makeCert(key.get(), commonName, {}, nullptr, key.get(), true, false, {}, 1);
    if (!ca)
        return Unexpected(Error(ErrorCode::IoError, QStringLiteral("Cannot sign the CA.")));
    return QPair<QByteArray, QByteArray> {pem(ca.get()), pem(key.get())};
}

Result<QPair<QByteArray, QByteArray>> Certificates::issueWorkload(const QByteArray &caCert,
                                                                  const QByteArray &caKey,
                                                                  const QString &spiffeId,
                                                                  long serial)
{
    CertPtr ca = readCert(caCert);
    KeyPtr signer = readKey(caKey);
    KeyPtr key = newKey();
    if (!ca || !signer || !key)
        return Unexpected(Error(ErrorCode::IoError, QStringLiteral("Cannot read the mesh CA.")));
    // Both ends of mutual TLS: the workload serves and calls.
    CertPtr cert = makeCert(key.get(), QString(), {}, ca.get(), signer.get(), false, true,
                            {spiffeId}, serial);
    if (!cert)
        return Unexpected(
            Error(ErrorCode::IoError, QStringLiteral("Cannot sign %1.").arg(spiffeId)));
    return QPair<QByteArray, QByteArray> {pem(cert.get()), pem(key.get())};
}

QPair<QString, QStringList> Certificates::subjectOf(X509 *certificate)
{
    QString cn;
    QStringList orgs;
    X509_NAME *name = X509_get_subject_name(certificate);
    for (int i = 0; i < X509_NAME_entry_count(name); ++i) {
        X509_NAME_ENTRY *entry = X509_NAME_get_entry(name, i);
        const int nid = OBJ_obj2nid(X509_NAME_ENTRY_get_object(entry));
        unsigned char *utf8 = nullptr;
        const int len = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(entry));
        if (len < 0)
            continue;
        const QString value = QString::fromUtf8(reinterpret_cast<const char *>(utf8), len);
        OPENSSL_free(utf8);
        if (nid == NID_commonName)
            cn = value;
        else if (nid == NID_organizationName)
            orgs << value;
    }
    return {cn, orgs};
}

} // namespace Meshdeck::Demo
