#include "crdschema.h"

#include "apierror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace Meshdeck::Demo {

namespace {

QString child(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString entry(const QString &path, const QString &key)
{
    return path + QLatin1Char('[') + key + QLatin1Char(']');
}

bool flagOf(const QJsonObject &s, const char *name)
{
    return s.value(QLatin1String(name)).toBool();
}

bool integral(const QJsonValue &v)
{
    return v.isDouble() && std::floor(v.toDouble()) == v.toDouble()
        && std::abs(v.toDouble()) < 9.0e18;
}

QString number(double d)
{
    if (std::floor(d) == d && std::abs(d) < 9.0e18)
        return QString::number(qint64(d));
    return QString::number(d, 'g', 15);
}

// A value as a field.Error prints it.
QString shown(const QJsonValue &v)
{
    if (v.isString())
        return QLatin1Char('"') + v.toString() + QLatin1Char('"');
    if (v.isDouble())
        return number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("null");
    const QJsonDocument doc
        = v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
    return QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
}

// The JSON type kube-openapi names for a value.
QString typeOf(const QJsonValue &v)
{
    if (v.isString())
        return QStringLiteral("string");
    if (v.isBool())
        return QStringLiteral("boolean");
    if (v.isArray())
        return QStringLiteral("array");
    if (v.isObject())
        return QStringLiteral("object");
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("null");
    return integral(v) ? QStringLiteral("integer") : QStringLiteral("number");
}

bool fits(const QJsonValue &v, const QString &type)
{
    if (type == QLatin1String("number"))
        return v.isDouble();
    return typeOf(v) == type;
}

// ---- pruning -----------------------------------------------------------------------------

void pruneValue(QJsonValue *v, const QJsonObject &s, const QString &path, QStringList *out);

void pruneObject(QJsonObject *o, const QJsonObject &s, const QString &path, bool root,
                 QStringList *out)
{
    const QJsonObject props = s.value(QStringLiteral("properties")).toObject();
    const QJsonValue additional = s.value(QStringLiteral("additionalProperties"));
    const bool keepsMeta = root || flagOf(s, "x-kubernetes-embedded-resource");
    for (auto it = o->begin(); it != o->end();) {
        const QString key = it.key();
        if (keepsMeta
            && (key == QLatin1String("apiVersion") || key == QLatin1String("kind")
                || key == QLatin1String("metadata"))) {
            ++it;
            continue;
        }
        QJsonObject schema;
        QString at;
        if (props.contains(key)) {
            schema = props.value(key).toObject();
            at = child(path, key);
        } else if (additional.isObject()) {
            schema = additional.toObject();
            at = entry(path, key);
        } else if (additional.toBool(false) || flagOf(s, "x-kubernetes-preserve-unknown-fields")) {
            ++it;
            continue;
        } else {
            out->append(child(path, key));
            it = o->erase(it);
            continue;
        }
        QJsonValue value = it.value();
        pruneValue(&value, schema, at, out);
        it.value() = value;
        ++it;
    }
}

void pruneValue(QJsonValue *v, const QJsonObject &s, const QString &path, QStringList *out)
{
    if (v->isObject()
        && (s.contains(QStringLiteral("properties"))
            || s.contains(QStringLiteral("additionalProperties"))
            || s.value(QStringLiteral("type")).toString() == QLatin1String("object"))) {
        QJsonObject o = v->toObject();
        pruneObject(&o, s, path, false, out);
        *v = o;
    } else if (v->isArray() && s.value(QStringLiteral("items")).isObject()) {
        const QJsonObject items = s.value(QStringLiteral("items")).toObject();
        QJsonArray a = v->toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            QJsonValue e = a.at(i);
            pruneValue(&e, items, entry(path, QString::number(i)), out);
            a.replace(i, e);
        }
        *v = a;
    }
}

// ---- defaulting --------------------------------------------------------------------------

void defaultValue(QJsonValue *v, const QJsonObject &s);

void defaultObject(QJsonObject *o, const QJsonObject &s)
{
    const QJsonObject props = s.value(QStringLiteral("properties")).toObject();
    for (auto p = props.begin(); p != props.end(); ++p) {
        const QJsonObject schema = p.value().toObject();
        if (o->contains(p.key()) && o->value(p.key()).isNull() && !flagOf(schema, "nullable"))
            o->remove(p.key()); // pruned before defaulting, as the apiextensions server does
        if (!o->contains(p.key()) && schema.contains(QStringLiteral("default")))
            o->insert(p.key(), schema.value(QStringLiteral("default")));
        if (o->contains(p.key())) {
            QJsonValue value = o->value(p.key());
            defaultValue(&value, schema);
            o->insert(p.key(), value);
        }
    }
    const QJsonValue additional = s.value(QStringLiteral("additionalProperties"));
    if (additional.isObject())
        for (auto it = o->begin(); it != o->end(); ++it)
            if (!props.contains(it.key())) {
                QJsonValue value = it.value();
                defaultValue(&value, additional.toObject());
                it.value() = value;
            }
}

void defaultValue(QJsonValue *v, const QJsonObject &s)
{
    if (v->isObject()) {
        QJsonObject o = v->toObject();
        defaultObject(&o, s);
        *v = o;
    } else if (v->isArray() && s.value(QStringLiteral("items")).isObject()) {
        QJsonArray a = v->toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            QJsonValue e = a.at(i);
            defaultValue(&e, s.value(QStringLiteral("items")).toObject());
            a.replace(i, e);
        }
        *v = a;
    }
}

// ---- validation --------------------------------------------------------------------------

struct Checker
{
    QList<CrdSchema::Cause> causes;

    void invalid(const QString &path, const QJsonValue &v, const QString &why)
    {
        causes.append(
            {path, QStringLiteral("FieldValueInvalid"),
             QStringLiteral("Invalid value: %1: %2 in body %3").arg(shown(v), path, why)});
    }

    void numberRules(const QJsonValue &v, const QJsonObject &s, const QString &path)
    {
        const double d = v.toDouble();
        const bool exMax = flagOf(s, "exclusiveMaximum");
        const bool exMin = flagOf(s, "exclusiveMinimum");
        if (s.contains(QStringLiteral("maximum"))) {
            const double max = s.value(QStringLiteral("maximum")).toDouble();
            if (exMax ? d >= max : d > max)
                invalid(path, v,
                        QStringLiteral("should be less than %1%2")
                            .arg(exMax ? QString() : QStringLiteral("or equal to "), number(max)));
        }
        if (s.contains(QStringLiteral("minimum"))) {
            const double min = s.value(QStringLiteral("minimum")).toDouble();
            if (exMin ? d <= min : d < min)
                invalid(path, v,
                        QStringLiteral("should be greater than %1%2")
                            .arg(exMin ? QString() : QStringLiteral("or equal to "), number(min)));
        }
        const double step = s.value(QStringLiteral("multipleOf")).toDouble();
        if (step > 0) {
            const double q = d / step;
            if (std::abs(q - std::round(q)) > 1e-9)
                invalid(path, v, QStringLiteral("should be a multiple of %1").arg(number(step)));
        }
    }

    void stringRules(const QJsonValue &v, const QJsonObject &s, const QString &path)
    {
        const QString text = v.toString();
        if (s.contains(QStringLiteral("maxLength"))) {
            const int max = s.value(QStringLiteral("maxLength")).toInt();
            if (text.size() > max)
                causes.append({path, QStringLiteral("FieldValueTooLong"),
                               QStringLiteral("Too long: may not be more than %1 bytes").arg(max)});
        }
        if (s.contains(QStringLiteral("minLength"))) {
            const int min = s.value(QStringLiteral("minLength")).toInt();
            if (text.size() < min)
                invalid(path, v, QStringLiteral("should be at least %1 chars long").arg(min));
        }
        if (s.contains(QStringLiteral("pattern"))) {
            const QString pattern = s.value(QStringLiteral("pattern")).toString();
            const QRegularExpression re(pattern);
            if (re.isValid() && !re.match(text).hasMatch())
                invalid(path, v, QStringLiteral("should match '%1'").arg(pattern));
        }
    }

    void arrayRules(const QJsonArray &a, const QJsonObject &s, const QString &path)
    {
        if (s.contains(QStringLiteral("maxItems"))) {
            const int max = s.value(QStringLiteral("maxItems")).toInt();
            if (a.size() > max)
                causes.append({path, QStringLiteral("FieldValueTooMany"),
                               QStringLiteral("Too many: %1: must have at most %2 items")
                                   .arg(a.size())
                                   .arg(max)});
        }
        if (s.contains(QStringLiteral("minItems"))) {
            const int min = s.value(QStringLiteral("minItems")).toInt();
            if (a.size() < min)
                invalid(path, a, QStringLiteral("should have at least %1 items").arg(min));
        }
        if (flagOf(s, "uniqueItems"))
            for (qsizetype i = 1; i < a.size(); ++i)
                for (qsizetype j = 0; j < i; ++j)
                    if (a.at(i) == a.at(j)) {
                        const QString at = entry(path, QString::number(i));
                        causes.append({at, QStringLiteral("FieldValueDuplicate"),
                                       QStringLiteral("Duplicate value: %1").arg(shown(a.at(i)))});
                        break;
                    }
        const QJsonObject items = s.value(QStringLiteral("items")).toObject();
        if (!items.isEmpty())
            for (qsizetype i = 0; i < a.size(); ++i)
                check(a.at(i), items, entry(path, QString::number(i)), false);
    }

    void objectRules(const QJsonObject &o, const QJsonObject &s, const QString &path, bool root)
    {
        for (const QJsonValue &r : s.value(QStringLiteral("required")).toArray())
            if (!o.contains(r.toString()))
                causes.append({child(path, r.toString()), QStringLiteral("FieldValueRequired"),
                               QStringLiteral("Required value")});
        if (s.contains(QStringLiteral("maxProperties"))
            && o.size() > s.value(QStringLiteral("maxProperties")).toInt())
            invalid(path, o,
                    QStringLiteral("should have at most %1 properties")
                        .arg(s.value(QStringLiteral("maxProperties")).toInt()));
        if (s.contains(QStringLiteral("minProperties"))
            && o.size() < s.value(QStringLiteral("minProperties")).toInt())
            invalid(path, o,
                    QStringLiteral("should have at least %1 properties")
                        .arg(s.value(QStringLiteral("minProperties")).toInt()));
        const QJsonObject props = s.value(QStringLiteral("properties")).toObject();
        const QJsonValue additional = s.value(QStringLiteral("additionalProperties"));
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (root && it.key() == QLatin1String("metadata"))
                continue; // ObjectMeta is checked as for every kind
            if (props.contains(it.key()))
                check(it.value(), props.value(it.key()).toObject(), child(path, it.key()), false);
            else if (additional.isObject())
                check(it.value(), additional.toObject(), entry(path, it.key()), false);
        }
    }

    void check(const QJsonValue &v, const QJsonObject &s, const QString &path, bool root)
    {
        if (v.isNull() && flagOf(s, "nullable"))
            return;
        const QString type = s.value(QStringLiteral("type")).toString();
        if (flagOf(s, "x-kubernetes-int-or-string")) {
            if (!v.isString() && !integral(v)) {
                invalid(path, typeOf(v),
                        QStringLiteral("must be of type integer,string: \"%1\"").arg(typeOf(v)));
                return;
            }
        } else if (!type.isEmpty() && !fits(v, type)) {
            invalid(path, typeOf(v),
                    QStringLiteral("must be of type %1: \"%2\"").arg(type, typeOf(v)));
            return;
        }
        const QJsonArray choices = s.value(QStringLiteral("enum")).toArray();
        if (!choices.isEmpty() && !choices.contains(v)) {
            QStringList names;
            for (const QJsonValue &c : choices)
                names << shown(c);
            causes.append({path, QStringLiteral("FieldValueNotSupported"),
                           QStringLiteral("Unsupported value: %1: supported values: %2")
                               .arg(shown(v), names.join(QStringLiteral(", ")))});
        }
        if (v.isDouble())
            numberRules(v, s, path);
        else if (v.isString())
            stringRules(v, s, path);
        else if (v.isArray())
            arrayRules(v.toArray(), s, path);
        else if (v.isObject())
            objectRules(v.toObject(), s, path, root);
    }
};

} // namespace

QStringList CrdSchema::prune(QJsonObject *object, const QJsonObject &schema)
{
    QStringList out;
    if (!schema.isEmpty())
        pruneObject(object, schema, QString(), true, &out);
    return out;
}

void CrdSchema::applyDefaults(QJsonObject *object, const QJsonObject &schema)
{
    defaultObject(object, schema);
}

QList<CrdSchema::Cause> CrdSchema::validate(const QJsonObject &object, const QJsonObject &schema)
{
    Checker checker;
    checker.check(object, schema, QString(), true);
    return checker.causes;
}

void CrdSchema::admit(QJsonObject *object, const QJsonObject &schema, const QString &group,
                      const QString &kind)
{
    if (schema.isEmpty())
        return;
    prune(object, schema);
    applyDefaults(object, schema);
    const QList<Cause> causes = validate(*object, schema);
    if (causes.isEmpty())
        return;
    const QString name = object->value(QStringLiteral("metadata"))
                             .toObject()
                             .value(QStringLiteral("name"))
                             .toString();
    QStringList lines;
    QJsonArray details;
    for (const Cause &c : causes) {
        lines << c.field + QStringLiteral(": ") + c.message;
        details.append(QJsonObject {{QStringLiteral("reason"), c.reason},
                                    {QStringLiteral("message"), c.message},
                                    {QStringLiteral("field"), c.field}});
    }
    const QString all = lines.size() == 1
        ? lines.first()
        : QLatin1Char('[') + lines.join(QStringLiteral(", ")) + QLatin1Char(']');
    throw ApiError(422, QStringLiteral("Invalid"),
                   QStringLiteral("%1.%2 \"%3\" is invalid: %4").arg(kind, group, name, all))
        .withDetails(QJsonObject {{QStringLiteral("name"), name},
                                  {QStringLiteral("group"), group},
                                  {QStringLiteral("kind"), kind},
                                  {QStringLiteral("causes"), details}});
}

} // namespace Meshdeck::Demo
