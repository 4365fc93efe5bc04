#include "selectors.h"

#include "apierror.h"

#include <QJsonArray>

namespace Meshdeck::Demo {

namespace {

// Splits on commas that are not inside parentheses.
QStringList splitTopLevel(const QString &text)
{
    QStringList parts;
    int depth = 0;
    QString current;
    for (const QChar c : text) {
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')'))
            --depth;
        if (c == QLatin1Char(',') && depth == 0) {
            parts << current.trimmed();
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.trimmed().isEmpty() || !parts.isEmpty())
        parts << current.trimmed();
    return parts;
}

bool validKey(const QString &key)
{
    if (key.isEmpty() || key.size() > 316)
        return false;
    for (const QChar c : key) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_')
              || c == QLatin1Char('.') || c == QLatin1Char('/')))
            return false;
    }
    return true;
}

Selector::Requirement parseRequirement(const QString &part, bool fields)
{
    Selector::Requirement r;
    const QString what
        = fields ? QStringLiteral("field selector") : QStringLiteral("label selector");
    auto bad = [&](const QString &why) {
        return ApiError::badRequest(
            QStringLiteral("unable to parse requirement: %1 \"%2\": %3").arg(what, part, why));
    };
    if (part.isEmpty())
        throw bad(QStringLiteral("empty requirement"));
    if (!fields && part.startsWith(QLatin1Char('!'))) {
        r.key = part.mid(1).trimmed();
        r.op = Selector::Op::DoesNotExist;
    } else if (const int ne = part.indexOf(QLatin1String("!=")); ne > 0) {
        r.key = part.left(ne).trimmed();
        r.op = Selector::Op::NotEquals;
        r.values << part.mid(ne + 2).trimmed();
    } else if (const int eq2 = part.indexOf(QLatin1String("==")); eq2 > 0) {
        r.key = part.left(eq2).trimmed();
        r.values << part.mid(eq2 + 2).trimmed();
    } else if (const int eq = part.indexOf(QLatin1Char('=')); eq > 0) {
        r.key = part.left(eq).trimmed();
        r.values << part.mid(eq + 1).trimmed();
    } else if (!fields
               && (part.contains(QLatin1String(" in "))
                   || part.contains(QLatin1String(" notin ")))) {
        const bool notIn = part.contains(QLatin1String(" notin "));
        const QString sep = notIn ? QStringLiteral(" notin ") : QStringLiteral(" in ");
        r.key = part.section(sep, 0, 0).trimmed();
        QString set = part.section(sep, 1).trimmed();
        if (!set.startsWith(QLatin1Char('(')) || !set.endsWith(QLatin1Char(')')))
            throw bad(QStringLiteral("expected a parenthesised set of values"));
        set = set.mid(1, set.size() - 2);
        for (const QString &v : set.split(QLatin1Char(',')))
            r.values << v.trimmed();
        r.op = notIn ? Selector::Op::NotIn : Selector::Op::In;
    } else if (!fields) {
        r.key = part.trimmed();
        r.op = Selector::Op::Exists;
    } else {
        throw bad(QStringLiteral("expected key=value or key!=value"));
    }
    if (!validKey(r.key))
        throw bad(QStringLiteral("invalid key \"%1\"").arg(r.key));
    return r;
}

} // namespace

Selector Selector::parseLabels(const QString &text)
{
    Selector s;
    for (const QString &part : splitTopLevel(text.trimmed()))
        s.m_requirements << parseRequirement(part, false);
    return s;
}

Selector Selector::parseFields(const QString &text)
{
    static const QStringList supported = {
        QStringLiteral("metadata.name"),
        QStringLiteral("metadata.namespace"),
        QStringLiteral("spec.nodeName"),
        QStringLiteral("status.phase"),
        QStringLiteral("spec.schedulerName"),
        QStringLiteral("spec.serviceAccountName"),
        QStringLiteral("status.podIP"),
        QStringLiteral("involvedObject.kind"),
        QStringLiteral("involvedObject.name"),
        QStringLiteral("involvedObject.namespace"),
        QStringLiteral("involvedObject.uid"),
        QStringLiteral("reason"),
        QStringLiteral("type"),
        QStringLiteral("spec.unschedulable"),
        QStringLiteral("spec.type"),
    };
    Selector s;
    for (const QString &part : splitTopLevel(text.trimmed())) {
        Requirement r = parseRequirement(part, true);
        if (!supported.contains(r.key))
            throw ApiError::badRequest(QStringLiteral("field label not supported: %1").arg(r.key));
        s.m_requirements << r;
    }
    return s;
}

Selector Selector::fromLabelSelector(const QJsonObject &selector)
{
    Selector s;
    const QJsonObject match = selector.value(QStringLiteral("matchLabels")).toObject();
    for (auto it = match.begin(); it != match.end(); ++it)
        s.m_requirements << Requirement {it.key(), Op::Equals, {it.value().toString()}};
    for (const QJsonValue &e : selector.value(QStringLiteral("matchExpressions")).toArray()) {
        const QJsonObject expr = e.toObject();
        Requirement r;
        r.key = expr.value(QStringLiteral("key")).toString();
        const QString op = expr.value(QStringLiteral("operator")).toString();
        r.op = op == QLatin1String("In")    ? Op::In
            : op == QLatin1String("NotIn")  ? Op::NotIn
            : op == QLatin1String("Exists") ? Op::Exists
                                            : Op::DoesNotExist;
        for (const QJsonValue &v : expr.value(QStringLiteral("values")).toArray())
            r.values << v.toString();
        s.m_requirements << r;
    }
    return s;
}

bool Selector::matchesLabels(const QJsonObject &labels) const
{
    for (const Requirement &r : m_requirements) {
        const bool has = labels.contains(r.key);
        const QString value = labels.value(r.key).toString();
        switch (r.op) {
        case Op::Equals:
        case Op::In:
            if (!has || !r.values.contains(value))
                return false;
            break;
        case Op::NotEquals:
        case Op::NotIn:
            if (has && r.values.contains(value))
                return false;
            break;
        case Op::Exists:
            if (!has)
                return false;
            break;
        case Op::DoesNotExist:
            if (has)
                return false;
            break;
        }
    }
    return true;
}

QString Selector::fieldValue(const QJsonObject &object, const QString &path)
{
    QJsonValue v = object;
    for (const QString &part : path.split(QLatin1Char('.')))
        v = v.toObject().value(part);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return v.toString();
}

bool Selector::matchesFields(const QJsonObject &object) const
{
    for (const Requirement &r : m_requirements) {
        const QString value = fieldValue(object, r.key);
        const bool equal = value == r.values.value(0);
        if ((r.op == Op::Equals && !equal) || (r.op == Op::NotEquals && equal))
            return false;
    }
    return true;
}

} // namespace Meshdeck::Demo
