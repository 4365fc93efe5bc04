#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Meshdeck::Demo {

// A custom resource checked against its CRD version's structural schema (openAPIV3Schema), as
// the apiextensions server does when it decodes a request: unknown fields are pruned (unless
// x-kubernetes-preserve-unknown-fields), nulls of non-nullable fields dropped, defaults filled
// in, and the result validated (type, required, enum, bounds, lengths, pattern, items,
// properties). Not evaluated: x-kubernetes-validations (CEL), allOf/anyOf/oneOf/not, formats.
class CrdSchema
{
public:
    // One failed rule, as a field.Error: the field path ("spec.size", "spec.ports[0].name"),
    // the Status cause reason ("FieldValueInvalid") and the message without the path.
    struct Cause
    {
        QString field;
        QString reason;
        QString message;
    };

    // Removes the fields the schema does not know and returns their paths ("spec.extra").
    // apiVersion, kind and metadata at the root are always kept.
    static QStringList prune(QJsonObject *object, const QJsonObject &schema);
    // Fills in `default`s where a property is missing (after dropping non-nullable nulls).
    static void applyDefaults(QJsonObject *object, const QJsonObject &schema);
    static QList<Cause> validate(const QJsonObject &object, const QJsonObject &schema);

    // prune, applyDefaults and validate; a failure is ApiError 422 worded as kube-apiserver
    // words it ("Widget.example.com \"w1\" is invalid: spec.size: Invalid value: 50: …").
    static void admit(QJsonObject *object, const QJsonObject &schema, const QString &group,
                      const QString &kind);
};

} // namespace Meshdeck::Demo
