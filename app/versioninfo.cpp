#include "versioninfo.h"

#include <core/httptransport.h>
#include <proto/envelopecodec.h>

#include <meshdeck_version.h>

#include <QSysInfo>
#include <QtGlobal>

namespace Meshdeck {

QString VersionInfo::applicationVersion()
{
    return QStringLiteral(MESHDECK_VERSION);
}

QList<QPair<QString, QString>> VersionInfo::components()
{
    return {
        {QStringLiteral("Qt"), QString::fromLatin1(qVersion())},
        {QStringLiteral("libcurl"), HttpTransport::libcurlVersion()},
        {QStringLiteral("TLS"), HttpTransport::tlsBackendVersion()},
        {QStringLiteral("yaml-cpp"), QStringLiteral(MESHDECK_YAML_CPP_VERSION)},
        {QStringLiteral("Protobuf"), EnvelopeCodec::protobufVersion()},
        {QStringLiteral("Compiler"), QStringLiteral(MESHDECK_COMPILER)},
        {QStringLiteral("Platform"),
         QStringLiteral("%1 (%2)").arg(QSysInfo::prettyProductName(),
                                       QSysInfo::currentCpuArchitecture())},
    };
}

QJsonObject VersionInfo::toJson()
{
    return QJsonObject {
        {QStringLiteral("name"), QStringLiteral("meshdeck")},
        {QStringLiteral("version"), applicationVersion()},
        {QStringLiteral("buildType"), QStringLiteral(MESHDECK_BUILD_TYPE)},
        {QStringLiteral("compiler"), QStringLiteral(MESHDECK_COMPILER)},
        {QStringLiteral("qt"), QString::fromLatin1(qVersion())},
        {QStringLiteral("qtBuild"), QStringLiteral(QT_VERSION_STR)},
        {QStringLiteral("libcurl"), HttpTransport::libcurlVersion()},
        {QStringLiteral("tls"), HttpTransport::tlsBackendVersion()},
        {QStringLiteral("yamlCpp"), QStringLiteral(MESHDECK_YAML_CPP_VERSION)},
        {QStringLiteral("protobuf"), EnvelopeCodec::protobufVersion()},
        {QStringLiteral("platform"), QSysInfo::prettyProductName()},
        {QStringLiteral("architecture"), QSysInfo::currentCpuArchitecture()},
    };
}

} // namespace Meshdeck
