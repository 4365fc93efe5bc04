#include "tlsmaterialcache.h"

#include <QCryptographicHash>
#include <QFile>

#include <curl/curl.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <deque>
#include <mutex>
#include <utility>

namespace Meshdeck {

struct TlsMaterialCache::Material
{
    X509_STORE *store = nullptr; // the CA to trust (null: libcurl's default)
    X509 *cert = nullptr;
    STACK_OF(X509) *chain = nullptr; // the client certificate's intermediates
    EVP_PKEY *key = nullptr;

    Material() = default;
    Material(const Material &) = delete;
    Material &operator=(const Material &) = delete;
    ~Material()
    {
        X509_STORE_free(store);
        X509_free(cert);
        sk_X509_pop_free(chain, X509_free);
        EVP_PKEY_free(key);
    }
};

namespace {

constexpr size_t kKept = 16; // distinct credentials kept (a rotated certificate adds one)

// The PEM bytes of a credential: in memory, or read from its file.
QByteArray pemOf(const QByteArray &inMemory, const QString &file)
{
    if (!inMemory.isEmpty() || file.isEmpty())
        return inMemory;
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every certificate in a PEM text, in order.
std::vector<X509 *> certificatesOf(const QByteArray &pem)
{
    std::vector<X509 *> out;
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    while (X509 *c = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr))
        out.push_back(c);
    ERR_clear_error(); // the end of the text reads as an error
    BIO_free(bio);
    return out;
}

std::shared_ptr<TlsMaterialCache::Material> parse(const QByteArray &ca, const QByteArray &cert,
                                                  const QByteArray &key)
{
    auto m = std::make_shared<TlsMaterialCache::Material>();
    if (!ca.isEmpty()) {
        const std::vector<X509 *> authorities = certificatesOf(ca);
        if (authorities.empty())
            return nullptr;
        m->store = X509_STORE_new();
        for (X509 *c : authorities) {
            X509_STORE_add_cert(m->store, c);
            X509_free(c);
        }
    }
    if (!cert.isEmpty()) {
        std::vector<X509 *> certificates = certificatesOf(cert);
        if (certificates.empty() || key.isEmpty()) {
            for (X509 *c : certificates)
                X509_free(c);
            return nullptr;
        }
        m->cert = certificates.front();
        m->chain = sk_X509_new_null();
        for (size_t i = 1; i < certificates.size(); ++i)
            sk_X509_push(m->chain, certificates[i]);
        BIO *bio = BIO_new_mem_buf(key.constData(), int(key.size()));
        m->key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
        BIO_free(bio);
        if (!m->key || X509_check_private_key(m->cert, m->key) != 1) {
            ERR_clear_error();
            return nullptr;
        }
    }
    return m;
}

// libcurl's hook into a new connection's OpenSSL context, before its handshake.
CURLcode toContext(CURL *, void *sslContext, void *material)
{
    auto *ctx = static_cast<SSL_CTX *>(sslContext);
    const auto *m = static_cast<const TlsMaterialCache::Material *>(material);
    if (m->store)
        SSL_CTX_set1_cert_store(ctx, m->store);
    if (m->cert) {
        if (SSL_CTX_use_certificate(ctx, m->cert) != 1 || SSL_CTX_use_PrivateKey(ctx, m->key) != 1)
            return CURLE_SSL_CERTPROBLEM;
        for (int i = 0; i < sk_X509_num(m->chain); ++i)
            SSL_CTX_add1_chain_cert(ctx, sk_X509_value(m->chain, i));
    }
    return CURLE_OK;
}

} // namespace

std::shared_ptr<TlsMaterialCache::Material> TlsMaterialCache::install(CURL *curl,
                                                                      const TlsOptions &tls)
{
    const QByteArray ca = tls.verifyPeer ? pemOf(tls.caPem, tls.caFile) : QByteArray();
    const QByteArray cert = pemOf(tls.clientCertPem, tls.clientCertFile);
    const QByteArray key = pemOf(tls.clientKeyPem, tls.clientKeyFile);
    if (ca.isEmpty() && cert.isEmpty())
        return nullptr;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QByteArray *part : {&ca, &cert, &key}) {
        hash.addData(QByteArray::number(part->size()) + ':');
        hash.addData(*part);
    }
    const QByteArray id = hash.result();

    static std::mutex mutex;
    static std::deque<std::pair<QByteArray, std::shared_ptr<Material>>> kept;
    std::shared_ptr<Material> material;
    {
        std::lock_guard lock(mutex);
        for (const auto &[k, m] : kept)
            if (k == id)
                material = m;
    }
    if (!material) {
        material = parse(ca, cert, key); // outside the lock: this is the slow part
        if (!material)
            return nullptr;
        std::lock_guard lock(mutex);
        kept.emplace_back(id, material);
        if (kept.size() > kKept)
            kept.pop_front(); // contexts made from it hold their own references
    }
    if (curl_easy_setopt(curl, CURLOPT_SSL_CTX_FUNCTION, toContext) != CURLE_OK)
        return nullptr; // not OpenSSL: libcurl's own options stay
    curl_easy_setopt(curl, CURLOPT_SSL_CTX_DATA, material.get());
    if (material->store) {
        curl_easy_setopt(curl, CURLOPT_CAINFO_BLOB, nullptr);
        curl_easy_setopt(curl, CURLOPT_CAINFO, nullptr);
        curl_easy_setopt(curl, CURLOPT_CAPATH, nullptr);
    }
    if (material->cert) {
        curl_easy_setopt(curl, CURLOPT_SSLCERT_BLOB, nullptr);
        curl_easy_setopt(curl, CURLOPT_SSLCERT, nullptr);
        curl_easy_setopt(curl, CURLOPT_SSLKEY_BLOB, nullptr);
        curl_easy_setopt(curl, CURLOPT_SSLKEY, nullptr);
    }
    return material;
}

} // namespace Meshdeck
