#pragma once

#include <QString>

namespace Meshdeck::Demo {

class ControllerContext;

// Keeps each Service's EndpointSlice (discovery.k8s.io/v1) and Endpoints in step with the
// pods its selector matches: addresses of pods with an IP, ready and terminating conditions,
// target ports resolved by name.
class ServiceController
{
public:
    explicit ServiceController(ControllerContext &ctx);
    void syncService(const QString &ns, const QString &name);

private:
    ControllerContext &m_ctx;
};

} // namespace Meshdeck::Demo
