#pragma once

#include <QJsonObject>
#include <QSet>
#include <QString>

namespace Meshdeck::Demo {

// Field ownership as the API server tracks it in metadata.managedFields, and server-side apply.
// A field set is the set of leaf paths a manager owns, each path a list of fieldsV1 keys
// ("f:spec", "k:{\"name\":\"web\"}", ...) joined with '\x1f'.
class ServerSideApply
{
public:
    using FieldSet = QSet<QString>;

    struct Conflict
    {
        QString manager;
        QString field; // ".spec.replicas" style, for the 409 message
    };

    // Applies `applied` for `manager` onto `live` (which may be empty for a create). Throws
    // ApiError 409 listing the conflicts unless force; with force, takes the fields over.
    // Returns the new object with managedFields updated.
    static QJsonObject apply(const QJsonObject &live, const QJsonObject &applied,
                             const QString &manager, bool force, const QString &apiVersion);

    // Records a non-apply write (create, update, patch) by `manager`: it takes ownership of
    // every field whose value changed (all fields on create).
    static QJsonObject recordUpdate(const QJsonObject &before, const QJsonObject &after,
                                    const QString &manager, const QString &apiVersion);

    static FieldSet fieldsOf(const QJsonObject &object);
    static QJsonObject toFieldsV1(const FieldSet &fields);
    static FieldSet fromFieldsV1(const QJsonObject &fieldsV1);
    static QString displayPath(const QString &path);
};

} // namespace Meshdeck::Demo
