#pragma once

#include <QString>

#include <optional>

namespace Meshdeck::Kube {

// Kubernetes resource quantities ("250m", "2", "1.5", "128Mi", "1G", "5e3"): the grammar of
// k8s.io/apimachinery's resource.Quantity, decimal SI suffixes (n u m k M G T P E), binary ones
// (Ki Mi Gi Ti Pi Ei) and decimal exponents. Nothing for text that is not a quantity.
namespace Quantity {

[[nodiscard]] std::optional<double> parse(const QString &text);
// CPU as millicores ("250m" -> 250, "2" -> 2000), rounded up as the kubelet does.
[[nodiscard]] std::optional<qint64> millicores(const QString &text);
// Memory or storage as bytes ("128Mi" -> 134217728), rounded up.
[[nodiscard]] std::optional<qint64> bytes(const QString &text);

} // namespace Quantity

} // namespace Meshdeck::Kube
