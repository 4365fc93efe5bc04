#pragma once

#include "configchecks.h"
#include "configindex.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

namespace Meshdeck::Mesh {

inline const QString kIstioNetworking = QStringLiteral("networking.istio.io");
inline const QString kGatewayApi = QStringLiteral("gateway.networking.k8s.io");

// The work of ConfigChecks::run: walks each kind once over a ConfigIndex and collects findings.
// configchecker.cpp holds the VirtualService checks, configcheckerrules.cpp the others.
class ConfigChecker
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::Mesh::ConfigChecks)

public:
    // The checks come in two halves of about equal work, run on two threads over one index.
    enum class Half { Routes, RulesAndSidecars };

    ConfigChecker(const ConfigObjects &objects, const ConfigIndex &index,
                  const QStringList &namespaces);
    [[nodiscard]] QList<ConfigFinding> run(Half half);

private:
    [[nodiscard]] bool wanted(const QJsonObject &o) const;
    ConfigFinding &add(const char *code, ConfigFinding::Severity severity, const QString &group,
                       const char *kind, const QJsonObject &o, const QString &field,
                       const QString &message);
    [[nodiscard]] QString serviceKey(const QString &qualifiedHost) const;
    [[nodiscard]] bool hostKnown(const QString &host, const QString &qualified) const;
    [[nodiscard]] QStringList hostServices(const QJsonObject &vs) const;
    [[nodiscard]] static std::pair<QString, QString> gatewayRef(const QString &ref,
                                                                const QString &ns);

    void virtualService(const QJsonObject &vs);
    void routes(const QJsonObject &vs, const QString &ns, const QJsonArray &route,
                const char *protocol, qsizetype rule);
    [[nodiscard]] bool subsetDefined(const QString &qualified, const QString &subset) const;
    [[nodiscard]] QString subsetMessage(const QString &host, const QString &qualified,
                                        const QString &subset) const;
    void fault(const QJsonObject &vs, const QJsonObject &fault, qsizetype rule);
    void duplicateHosts();
    void destinationRule(const QJsonObject &dr);
    void tlsAgainstPeerAuthentication(const QJsonObject &dr, const QJsonObject &policy,
                                      const QString &path, const QString &hostNs);
    void istioGateway(const QJsonObject &gw);
    // An HTTPRoute or a GRPCRoute (`routeKind`): the same parentRefs and backendRefs.
    void route(const QJsonObject &route, const char *routeKind);
    void backendRef(const QJsonObject &route, const char *routeKind, const QJsonObject &ref,
                    const QString &path, QStringList *services);
    void injection();

    const ConfigObjects &m_objects;
    const ConfigIndex &m_index;
    QSet<QString> m_only;
    QList<ConfigFinding> m_findings;
};

} // namespace Meshdeck::Mesh
