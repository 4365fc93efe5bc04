#pragma once

#include <QString>

namespace Meshdeck::Kube {

// How service meshes read names and durations in their routing objects, shared by the
// configuration checks, the traffic policies Meshdeck writes and the demo's sidecars.

// The fully qualified name Istio gives a host written in a rule of namespace `ns`
// ("reviews" -> "reviews.bookinfo.svc.cluster.local"; "reviews.shop" and "reviews.shop.svc"
// are completed; other names and wildcards are kept, lower-cased).
[[nodiscard]] QString qualifiedServiceHost(const QString &host, const QString &ns);
// A protobuf-style duration as Istio takes it ("2s", "500ms", "1.5s", "1m", "1h") in
// milliseconds; -1 when malformed.
[[nodiscard]] double meshDurationMs(const QString &text);

} // namespace Meshdeck::Kube
