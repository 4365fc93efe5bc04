#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace Meshdeck::Demo {

// The patch formats of the Kubernetes API. All throw ApiError on malformed patches.
class Patches
{
public:
    // RFC 7386 JSON merge patch (application/merge-patch+json).
    static QJsonValue mergePatch(const QJsonValue &target, const QJsonValue &patch);
    // RFC 6902 JSON patch (application/json-patch+json).
    static QJsonValue jsonPatch(const QJsonValue &target, const QJsonArray &operations);
    // Strategic merge patch (application/strategic-merge-patch+json): a merge patch whose lists
    // of known kinds (containers, env, ports, volumes, ...) merge element-wise by their key, with
    // the $patch: delete / replace directives.
    static QJsonObject strategicMerge(const QJsonObject &target, const QJsonObject &patch);

    // The key that identifies elements of the list held in `field`, judging by an element;
    // empty for atomic lists.
    static QString mergeKey(const QString &field, const QJsonObject &sampleElement);
};

} // namespace Meshdeck::Demo
