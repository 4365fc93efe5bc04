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

constexpr size_t kStreamReadBuffer = 256 * 1024;
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

// What one connection's context takes: the shared material, and where to say whether its
// handshake resumed a session.
struct Binding
{
    std::shared_ptr<TlsMaterialCache::Material> material;
    bool *resumed = nullptr;
};

int resumedIndex()
{
    static const int index = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
    return index;
}

// libcurl's hook into a new connection's OpenSSL context, before its handshake.
CURLcode toContext(CURL *, void *sslContext, void *binding)
{
    auto *ctx = static_cast<SSL_CTX *>(sslContext);
    const auto *b = static_cast<const Binding *>(binding);
    // A stream reads what has arrived, many records at a time, instead of a record's header and
    // then its body (two system calls for every 16 KiB). Safe here, as a stream's reader reads
    // until TLS would block before it polls the socket.
    SSL_CTX_set_read_ahead(ctx, 1);
    SSL_CTX_set_default_read_buffer_len(ctx, kStreamReadBuffer);
    const TlsMaterialCache::Material *m = b->material.get();
    if (b->resumed) {
        SSL_CTX_set_ex_data(ctx, resumedIndex(), b->resumed);
        SSL_CTX_set_info_callback(ctx, [](const SSL *ssl, int where, int) {
            if (!(where & SSL_CB_HANDSHAKE_DONE))
                return;
            if (auto *resumed
                = static_cast<bool *>(SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), resumedIndex())))
                *resumed = SSL_session_reused(ssl) == 1;
        });
    }
    if (!m)
        return CURLE_OK; // libcurl's own options: no credentials named
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

// TLS sessions shared by the connections that present one set of credentials, so that a new
// connection resumes the last one's session instead of a full handshake (a port forward opens a
// connection per local connection). Never by connections with other credentials: a resumed
// session carries the client certificate it was made with. Kept for the life of the process,
// as the handles that use one may outlive the cache's entry.
struct SessionShare
{
    CURLSH *share = nullptr;
    std::mutex locks[CURL_LOCK_DATA_LAST];
};

CURLSH *sessionShareFor(const QByteArray &id)
{
    static std::mutex mutex;
    static std::deque<std::pair<QByteArray, SessionShare *>> shares;
    std::lock_guard lock(mutex);
    for (const auto &[k, s] : shares)
        if (k == id)
            return s->share;
    auto *s = new SessionShare; // lives as long as the process (see above)
    s->share = curl_share_init();
    if (!s->share) {
        delete s;
        return nullptr;
    }
    curl_share_setopt(s->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
    curl_share_setopt(s->share, CURLSHOPT_USERDATA, s);
    curl_share_setopt(
        s->share, CURLSHOPT_LOCKFUNC,
        +[](CURL *, curl_lock_data data, curl_lock_access, void *user) {
            static_cast<SessionShare *>(user)->locks[data].lock();
        });
    curl_share_setopt(
        s->share, CURLSHOPT_UNLOCKFUNC, +[](CURL *, curl_lock_data data, void *user) {
            static_cast<SessionShare *>(user)->locks[data].unlock();
        });
    shares.emplace_back(id, s);
    return s->share;
}

// The parsed credentials for these PEM bytes, parsed once and kept; `id` names them. Null when
// they do not parse.
std::shared_ptr<TlsMaterialCache::Material> cached(const QByteArray &ca, const QByteArray &cert,
                                                   const QByteArray &key, QByteArray *id)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QByteArray *part : {&ca, &cert, &key}) {
        hash.addData(QByteArray::number(part->size()) + ':');
        hash.addData(*part);
    }
    *id = hash.result();

    static std::mutex mutex;
    static std::deque<std::pair<QByteArray, std::shared_ptr<TlsMaterialCache::Material>>> kept;
    {
        std::lock_guard lock(mutex);
        for (const auto &[k, m] : kept)
            if (k == *id)
                return m;
    }
    auto material = parse(ca, cert, key); // outside the lock: this is the slow part
    if (!material)
        return nullptr;
    std::lock_guard lock(mutex);
    kept.emplace_back(*id, material);
    if (kept.size() > kKept)
        kept.pop_front(); // contexts made from it hold their own references
    return material;
}

} // namespace

std::shared_ptr<TlsMaterialCache::Material>
TlsMaterialCache::install(CURL *curl, const TlsOptions &tls, bool *resumed)
{
    const QByteArray ca = tls.verifyPeer ? pemOf(tls.caPem, tls.caFile) : QByteArray();
    const QByteArray cert = pemOf(tls.clientCertPem, tls.clientCertFile);
    const QByteArray key = pemOf(tls.clientKeyPem, tls.clientKeyFile);
    std::shared_ptr<Material> material;
    QByteArray id;
    if ((!ca.isEmpty() || !cert.isEmpty()) && !(material = cached(ca, cert, key, &id)))
        return nullptr; // a PEM that does not parse: libcurl reports it
    if (curl_easy_setopt(curl, CURLOPT_SSL_CTX_FUNCTION, toContext) != CURLE_OK)
        return nullptr; // not OpenSSL: libcurl's own options stay
    auto binding = std::make_shared<Binding>(Binding {material, resumed});
    curl_easy_setopt(curl, CURLOPT_SSL_CTX_DATA, binding.get());
    if (!material) // no credentials named: libcurl's own options, the context still made here
        return std::shared_ptr<Material>(binding, nullptr);
    if (CURLSH *share = sessionShareFor(id))
        curl_easy_setopt(curl, CURLOPT_SHARE, share);
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
    // The caller keeps the binding (and with it the material) until the connection is made.
    return std::shared_ptr<Material>(binding, material.get());
}

} // namespace Meshdeck
