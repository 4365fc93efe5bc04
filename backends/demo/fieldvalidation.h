#pragma once

#include <QJsonObject>
#include <QStringList>

namespace Meshdeck::Demo {

// Unknown fields in a built-in kind's object, found against KubeSchema's descriptors, with the
// paths Kubernetes names them by ("spec.template.spec.containers[0].imagePullPolicyy").
// Kubernetes drops them when it decodes; fieldValidation decides whether the client hears of it.
class FieldValidation
{
public:
    enum class Mode { Ignore, Warn, Strict };
    // The fieldValidation query parameter; throws ApiError 400 for another value.
    static Mode parse(const QString &value);

    // Removes the fields the kind does not have and returns their paths. A value that cannot
    // be decoded into its field's type (an array where a string belongs) is ApiError 400, as
    // Kubernetes' decoder answers it. Objects of kinds without a schema (custom resources) come
    // back unchanged. Keys starting with '$' (strategic merge patch directives) are kept.
    static QStringList prune(QJsonObject *object, const QString &apiVersion, const QString &kind);
};

} // namespace Meshdeck::Demo
