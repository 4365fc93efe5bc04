#pragma once

#include <QString>

namespace Meshdeck {

// Replaces credentials in free text with "<redacted>": bearer and basic authorization values,
// "token"/"password"/"client-key-data"-style key-value pairs (YAML, JSON and query strings), and
// PEM private key blocks. Used on everything that goes to logs, error details and crash output.
[[nodiscard]] QString redactSecrets(const QString &text);

} // namespace Meshdeck
