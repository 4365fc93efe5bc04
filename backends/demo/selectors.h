#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Meshdeck::Demo {

// A parsed label selector ("app=web,tier!=db,env in (a,b),!legacy,release") or field selector
// ("metadata.name=x,status.phase!=Running"). Parsing throws ApiError 400 on malformed input.
class Selector
{
public:
    enum class Op { Equals, NotEquals, In, NotIn, Exists, DoesNotExist };
    struct Requirement
    {
        QString key;
        Op op = Op::Equals;
        QStringList values;
    };

    static Selector parseLabels(const QString &text);
    static Selector parseFields(const QString &text);
    // A LabelSelector object ({matchLabels, matchExpressions}).
    static Selector fromLabelSelector(const QJsonObject &selector);

    [[nodiscard]] bool isEmpty() const { return m_requirements.isEmpty(); }
    [[nodiscard]] bool matchesLabels(const QJsonObject &labels) const;
    [[nodiscard]] bool matchesFields(const QJsonObject &object) const;
    [[nodiscard]] const QList<Requirement> &requirements() const { return m_requirements; }

    // Value of a selectable field path such as "spec.nodeName"; fields that are not set read as "".
    static QString fieldValue(const QJsonObject &object, const QString &path);

private:
    QList<Requirement> m_requirements;
};

} // namespace Meshdeck::Demo
