#pragma once

#include "loadspec.h"

#include <string>

namespace Meshdeck::Perf {

// What of a load spec may be kept at rest. Runs are stored in the results database, written to
// result files and exported (SMP, fortio, JSON); none of those may carry a credential. Header
// values of sensitive headers (Authorization, Proxy-Authorization, Cookie, Set-Cookie,
// X-Api-Key, X-Auth-Token and any header the user marked in LoadSpec::secretHeaders) become
// "<redacted>", a password in the URL's user information too, and secret-looking key/value pairs
// in the body (password=…, "token": …) are masked.
namespace SpecSecrets {

inline constexpr const char *Mask = "<redacted>";

[[nodiscard]] bool isSensitiveHeader(const LoadSpec &spec, const std::string &name);
// The URL with the password of a "user:password@" part replaced by the mask.
[[nodiscard]] std::string redactUrl(const std::string &url);
// The spec as it may be stored or exported.
[[nodiscard]] LoadSpec redacted(const LoadSpec &spec);
// True when the spec holds something redacted() would remove (a profile that needs a keyring).
[[nodiscard]] bool hasSecrets(const LoadSpec &spec);

} // namespace SpecSecrets

} // namespace Meshdeck::Perf
