#pragma once

#include <core/result.h>

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <atomic>

namespace Meshdeck::Mesh {

// Where a manifest came from, and its checksum (shown before anything is applied).
struct ManifestSource
{
    QString location;
    QString sha256; // hex
    qint64 bytes = 0;
    bool fromCache = false; // a URL that could not be fetched now: the cached copy was used
    QDateTime fetched;
    QString note;
};

// Reads a manifest file, or fetches an http(s) URL with libcurl into the cache (kept per URL;
// used, with a note, when the URL cannot be reached later).
[[nodiscard]] Result<QByteArray> loadManifest(const QString &location, ManifestSource *source,
                                              const std::atomic_bool *cancel = nullptr);
[[nodiscard]] QString manifestCacheFolder();

} // namespace Meshdeck::Mesh
