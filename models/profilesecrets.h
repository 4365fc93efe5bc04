#pragma once

#include <perf/loadprofile.h>

#include <QObject>
#include <QString>

namespace Meshdeck {

// A profile's secrets (sensitive header values, a password in its URL, secret-looking pairs in
// its body) live in the desktop's keyring (Secret Service, KWallet, through QtKeychain), never
// in the results database, which keeps the profile with "<redacted>" in their place. Storing
// and reading are asynchronous; without a keyring the profile is kept without its secrets and
// the reason is said.
class ProfileSecrets : public QObject
{
    Q_OBJECT

public:
    explicit ProfileSecrets(QObject *parent = nullptr);

    // Keeps the profile's secrets under its name (or forgets them when it has none).
    void store(const Perf::LoadProfile &profile);
    // Reads the secrets of a profile the database returned redacted: restored() with them put
    // back, or unavailable() with the reason.
    void restore(const Perf::LoadProfile &redacted);
    void forget(const QString &profileName);

    // Whether the spec still holds a masked value (the keyring's value is missing).
    [[nodiscard]] static bool stillRedacted(const Perf::LoadSpec &spec);
    // The keyring's service name (one entry per profile, keyed "profile:NAME").
    static constexpr const char *Service = "Meshdeck";

Q_SIGNALS:
    void stored(const QString &profile, bool ok, const QString &problem);
    void restored(const Meshdeck::Perf::LoadProfile &profile);
    void unavailable(const QString &profile, const QString &problem);
};

} // namespace Meshdeck
