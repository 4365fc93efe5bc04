#pragma once

#include <QString>

namespace Meshdeck::PrivateFiles {

// Files that may hold what a user would not share (run results with their URLs, cached manifests,
// profiles) live in folders only the user can enter (0700) and are readable only by the user
// (0600), whatever the process's umask says.

// Creates the folder (and its parents) when missing; the folder itself ends up 0700. Parents
// that already exist are left as they are. False when it cannot be created.
[[nodiscard]] bool ensureFolder(const QString &path);
// Creates an empty file with mode 0600 when missing, and narrows an existing one to 0600.
// False when it cannot be created or changed.
[[nodiscard]] bool ensureFile(const QString &path);
// Narrows an existing file to 0600; a missing file is not an error.
void restrict(const QString &path);

} // namespace Meshdeck::PrivateFiles
