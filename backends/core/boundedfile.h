#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

namespace Meshdeck {

// Reads a whole file that a user named (a manifest, a kubeconfig, an import, a request body) and
// refuses, at once and with a sentence saying why, what would make the reader wait forever or
// eat the memory: a path that is not a regular file (a device such as /dev/zero, a FIFO, a
// folder), or a file larger than maxBytes. "-" is not special here.
[[nodiscard]] Result<QByteArray> readBoundedFile(const QString &path, qint64 maxBytes);

// "64 MiB", "512 KiB": a byte limit as a person reads it, for messages.
[[nodiscard]] QString byteLimitText(qint64 bytes);

} // namespace Meshdeck
