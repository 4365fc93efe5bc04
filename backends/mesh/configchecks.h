#pragma once

#include "configobjects.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Meshdeck::Mesh {

// One thing wrong (or doubtful) in a cluster's routing configuration: which object, which of its
// fields, how bad, and what to do. The code is stable (scripts and the documentation use it); the
// message is for people.
struct ConfigFinding
{
    enum class Severity { Error, Warning };
    QString code; // "MD0102"
    Severity severity = Severity::Error;
    QString group, kind, ns, name; // the object the finding is about
    QString field; // "spec.http[0].route[1].destination.subset"
    QString message;
    QStringList services; // "ns/name" of the Services it concerns (topology badges)

    [[nodiscard]] QString objectKey() const; // "Kind/ns/name"
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] bool operator==(const ConfigFinding &) const = default;
};

// The configuration checks: pure functions over the objects, so the CLI (after a LIST), the GUI
// (over its cache) and tests run the same code. One run indexes the objects once and checks in
// two halves on two threads; the result does not depend on the threads (it is sorted).
//   MD0101 VirtualService destination host matches no Service or ServiceEntry      error
//   MD0102 destination subset defined in no DestinationRule for that host          error
//   MD0103 route weights that do not sum to 100, or a weight outside 0..100         error
//   MD0104 VirtualService bound to a Gateway that does not exist                    error
//   MD0105 two VirtualServices for the same host and gateway in one namespace       warning
//   MD0106 fault injection percentage outside 0..100                               error
//   MD0201 DestinationRule host matches no Service or ServiceEntry                 warning
//   MD0202 DestinationRule subset whose labels select no pod of its Service         warning
//   MD0203 DestinationRule disables TLS where PeerAuthentication requires STRICT    error
//   MD0301 Istio Gateway selector matches no pod                                   error
//   MD0401 HTTPRoute/GRPCRoute parentRef (Gateway or Service) not found            error
//   MD0402 HTTPRoute/GRPCRoute backendRef Service not found                        error
//   MD0403 HTTPRoute/GRPCRoute backendRef port missing or not the Service's        error
//   MD0404 HTTPRoute/GRPCRoute backendRef in another namespace, no ReferenceGrant  error
//   MD0501 injection on in the namespace but pods without the sidecar (restart)    warning
class ConfigChecks
{
public:
    // Findings for the objects in `namespaces` (every namespace when empty); references are
    // resolved across the whole cluster. Sorted: errors first, then by namespace, kind, name.
    [[nodiscard]] static QList<ConfigFinding> run(const ConfigObjects &objects,
                                                  const QStringList &namespaces = {});
    [[nodiscard]] static QString severityName(ConfigFinding::Severity severity);
    // The fully qualified name Istio gives a host written in a rule of namespace `ns`
    // ("reviews" -> "reviews.bookinfo.svc.cluster.local").
    [[nodiscard]] static QString qualifiedHost(const QString &host, const QString &ns);
};

} // namespace Meshdeck::Mesh

Q_DECLARE_METATYPE(Meshdeck::Mesh::ConfigFinding)
