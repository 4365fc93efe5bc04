// Manifests from a file or an http(s) URL, with a per-URL cache for when the URL is unreachable.
#include "manifestsource.h"

#include "manifestplan.h"

#include <core/boundedfile.h>
#include <core/httptransport.h>
#include <core/privatefiles.h>
#include <kube/kubeclient.h>

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>

#include <set>

namespace Meshdeck::Mesh {

namespace {

constexpr qint64 MaxManifestBytes = qint64(64) * 1024 * 1024;

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

QString manifestCacheFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
        + QStringLiteral("/manifests");
}

Result<QByteArray> loadManifest(const QString &location, ManifestSource *source,
                                const std::atomic_bool *cancel)
{
    ManifestSource found;
    found.location = location;
    QByteArray bytes;
    if (location.startsWith(QLatin1String("http://"))
        || location.startsWith(QLatin1String("https://"))) {
        const QString cacheFile
            = manifestCacheFolder() + QLatin1Char('/')
            + QString::fromLatin1(
                  QCryptographicHash::hash(location.toUtf8(), QCryptographicHash::Sha1).toHex())
            + QStringLiteral(".yaml");
        HttpRequest request;
        request.url = QUrl(location);
        request.timeout = std::chrono::milliseconds(60000);
        request.maxBodyBytes = MaxManifestBytes;
        CancelToken token;
        std::atomic_bool stop {false};
        std::thread watcher;
        if (cancel) {
            watcher = std::thread([&] {
                while (!stop.load()) {
                    if (cancel->load()) {
                        token.cancel();
                        return;
                    }
                    QThread::msleep(50);
                }
            });
        }
        const auto response = HttpTransport::perform(request, token);
        stop = true;
        if (watcher.joinable())
            watcher.join();
        QString problem;
        if (!response)
            problem = response.error().message();
        else if (!response->isSuccess())
            problem = QCoreApplication::translate("Meshdeck::Mesh::Installer",
                                                  "the server answered HTTP %1")
                          .arg(response->status);
        if (problem.isEmpty()) {
            // Only a manifest is kept: a captive portal's page or an error page answered with 200
            // must not become the copy used when the address cannot be reached.
            if (const auto plan = ManifestPlan::fromYaml(response->body); !plan)
                return Unexpected(
                    Error(ErrorCode::ParseError,
                          QCoreApplication::translate(
                              "Meshdeck::Mesh::Installer",
                              "%1 answered, but not with a Kubernetes manifest (%2). Nothing was "
                              "cached or applied; check the address.")
                              .arg(location, plan.error().message())));
            else if (plan->steps.isEmpty())
                return Unexpected(Error(
                    ErrorCode::ParseError,
                    QCoreApplication::translate(
                        "Meshdeck::Mesh::Installer",
                        "%1 answered with no Kubernetes objects. Nothing was cached or applied; "
                        "check the address.")
                        .arg(location)));
            bytes = response->body;
            found.fetched = QDateTime::currentDateTimeUtc();
            // Cached manifests may carry a cluster's secrets: the user's alone.
            if (PrivateFiles::ensureFolder(manifestCacheFolder())) {
                QSaveFile f(cacheFile);
                if (f.open(QIODevice::WriteOnly)) {
                    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
                    f.write(bytes);
                    if (f.commit())
                        PrivateFiles::restrict(cacheFile);
                }
            }
        } else if (QFile cached(cacheFile); cached.open(QIODevice::ReadOnly)) {
            bytes = cached.readAll();
            found.fromCache = true;
            found.fetched = QFileInfo(cacheFile).lastModified().toUTC();
            found.note = QCoreApplication::translate(
                             "Meshdeck::Mesh::Installer",
                             "%1 could not be fetched (%2); the copy cached on %3 is used.")
                             .arg(location, problem,
                                  found.fetched.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        } else {
            if (response && response.error().code() == ErrorCode::Cancelled)
                return Unexpected(response.error());
            return Unexpected(Error(
                response ? ErrorCode::HttpError : response.error().code(),
                QCoreApplication::translate(
                    "Meshdeck::Mesh::Installer",
                    "The manifest %1 cannot be fetched: %2. Check the address and your network "
                    "or proxy, or download the file and give its path.")
                    .arg(location, problem)));
        }
    } else {
        auto read = readBoundedFile(location, MaxManifestBytes);
        if (!read)
            return Unexpected(read.error().withContext(
                QCoreApplication::translate("Meshdeck::Mesh::Installer", "Reading the manifest")));
        bytes = std::move(read).value();
        found.fetched = QFileInfo(location).lastModified().toUTC();
    }
    found.sha256 = sha256(bytes);
    found.bytes = bytes.size();
    if (source)
        *source = found;
    return bytes;
}

} // namespace Meshdeck::Mesh
