#pragma once

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace Meshdeck {

// Versions of Meshdeck and of the libraries it runs on, for --version, `meshdeck version` and the
// About dialog.
class VersionInfo
{
public:
    [[nodiscard]] static QString applicationVersion();
    // (component, version) pairs: Qt, libcurl, TLS, yaml-cpp, Protobuf, compiler, platform.
    [[nodiscard]] static QList<QPair<QString, QString>> components();
    [[nodiscard]] static QJsonObject toJson();
};

} // namespace Meshdeck
