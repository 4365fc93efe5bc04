#pragma once

#include <core/result.h>

#include <QByteArray>
#include <QString>

namespace Meshdeck::Demo {

class Admission;
class ObjectStore;
class ResourceRegistry;

// What the demo cluster starts with: three Nodes always; with the default scenario, system
// namespaces and DNS, an Istio control plane in istio-system and Bookinfo in namespace bookinfo
// (from the manifests bundled under :/manifests).
class Scenario
{
public:
    [[nodiscard]] static QStringList names(); // "default", "empty"
    static VoidResult load(const QString &name, ObjectStore &store, ResourceRegistry &registry,
                           Admission &admission);
    static void createNodes(ObjectStore &store, const ResourceRegistry &registry, int count);
    // Creates every object of a multi-document manifest, waiting for CRDs to be served before
    // creating their objects.
    static VoidResult applyManifest(const QByteArray &yaml, ObjectStore &store,
                                    ResourceRegistry &registry, Admission &admission);
};

} // namespace Meshdeck::Demo
