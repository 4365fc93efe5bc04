#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>

namespace Meshdeck {

// YAML <-> JSON for Kubernetes manifests and kubeconfig files (yaml-cpp stays behind this door).
// Scalars follow the YAML 1.2 core schema: plain true/false, null/~, integers and floats become
// JSON bools, nulls and numbers; quoted scalars are always strings. Errors carry the line and
// column of the problem.
class Yaml
{
public:
    // One document.
    [[nodiscard]] static Result<QJsonValue> toJson(const QByteArray &yaml);
    // Every document of a "---"-separated stream, empty documents skipped.
    [[nodiscard]] static Result<QList<QJsonValue>> toJsonDocuments(const QByteArray &yaml);
    // Block-style YAML, keys in the order of the JSON object (sorted, as QJsonObject keeps them).
    [[nodiscard]] static QByteArray fromJson(const QJsonValue &value);
    // The 0-based line of a field ("spec.http[0].route[1].destination.subset") in block-style
    // YAML such as fromJson() writes; -1 when the field is not there.
    [[nodiscard]] static int lineOfField(const QByteArray &yaml, const QString &field);
};

} // namespace Meshdeck
