#pragma once

#include "graph.h"

#include <core/result.h>

#include <QCoreApplication>

#include <memory>

namespace Meshdeck::Topology {

// Find and hide expressions, as in Kiali: `name`, `namespace` (`ns`), `node` (type), `app`,
// `version`, `rps`, `%err`, `rt` (p99 in ms), `healthy`, `mtls`, `sidecar`, `idle`, compared with
// = != < > <= >= or `contains`, combined with `and`, `or`, `not` and parentheses. Numeric fields
// on edges (rps, %err, rt, mtls) apply to edges too. Examples:
//   rps > 5 and %err >= 1        namespace = bookinfo and not sidecar      name contains review
class GraphFilter
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::Topology::GraphFilter)

public:
    struct Term;
    GraphFilter();
    ~GraphFilter();
    GraphFilter(GraphFilter &&) noexcept;
    GraphFilter &operator=(GraphFilter &&) noexcept;

    // An empty expression matches nothing. Errors say where and what was expected.
    [[nodiscard]] static Result<GraphFilter> parse(const QString &expression);

    [[nodiscard]] bool isEmpty() const { return !m_root; }
    [[nodiscard]] bool matches(const Node &node) const;
    [[nodiscard]] bool matches(const Edge &edge) const;

private:
    std::unique_ptr<Term> m_root;
};

} // namespace Meshdeck::Topology
