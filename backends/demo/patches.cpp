#include "patches.h"

#include "apierror.h"

#include <QStringList>

namespace Meshdeck::Demo {

QString Patches::mergeKey(const QString &field, const QJsonObject &sample)
{
    static const QStringList byName = {
        QStringLiteral("containers"),
        QStringLiteral("initContainers"),
        QStringLiteral("ephemeralContainers"),
        QStringLiteral("env"),
        QStringLiteral("volumes"),
        QStringLiteral("imagePullSecrets"),
        QStringLiteral("hostAliases"),
        QStringLiteral("containerStatuses"),
        QStringLiteral("initContainerStatuses"),
    };
    if (byName.contains(field))
        return field == QLatin1String("hostAliases") ? QStringLiteral("ip")
                                                     : QStringLiteral("name");
    if (field == QLatin1String("volumeMounts") || field == QLatin1String("volumeDevices"))
        return field == QLatin1String("volumeMounts") ? QStringLiteral("mountPath")
                                                      : QStringLiteral("devicePath");
    if (field == QLatin1String("ports"))
        return sample.contains(QStringLiteral("containerPort")) ? QStringLiteral("containerPort")
                                                                : QStringLiteral("port");
    if (field == QLatin1String("conditions"))
        return QStringLiteral("type");
    if (field == QLatin1String("ownerReferences"))
        return QStringLiteral("uid");
    return {};
}

QJsonValue Patches::mergePatch(const QJsonValue &target, const QJsonValue &patch)
{
    if (!patch.isObject())
        return patch;
    QJsonObject result = target.isObject() ? target.toObject() : QJsonObject();
    const QJsonObject p = patch.toObject();
    for (auto it = p.begin(); it != p.end(); ++it) {
        if (it.value().isNull())
            result.remove(it.key());
        else
            result.insert(it.key(), mergePatch(result.value(it.key()), it.value()));
    }
    return result;
}

namespace {

QStringList pointer(const QString &path)
{
    if (path.isEmpty())
        return {};
    if (!path.startsWith(QLatin1Char('/')))
        throw ApiError::badRequest(QStringLiteral("invalid JSON pointer \"%1\"").arg(path));
    QStringList parts = path.mid(1).split(QLatin1Char('/'));
    for (QString &p : parts)
        p.replace(QLatin1String("~1"), QLatin1String("/"))
            .replace(QLatin1String("~0"), QLatin1String("~"));
    return parts;
}

QJsonValue valueAt(const QJsonValue &doc, const QStringList &path, const QString &raw)
{
    QJsonValue v = doc;
    for (const QString &part : path) {
        if (v.isObject() && v.toObject().contains(part)) {
            v = v.toObject().value(part);
        } else if (v.isArray()) {
            bool ok = false;
            const int i = part.toInt(&ok);
            if (!ok || i < 0 || i >= v.toArray().size())
                throw ApiError::invalid(QStringLiteral("JSONPatch"), QString(), raw,
                                        QStringLiteral("array index out of range"));
            v = v.toArray().at(i);
        } else {
            throw ApiError::invalid(QStringLiteral("JSONPatch"), QString(), raw,
                                    QStringLiteral("path does not exist"));
        }
    }
    return v;
}

// Applies `op` (add/replace/remove) at path inside doc, recursively rebuilding the containers.
QJsonValue modify(const QJsonValue &doc, const QStringList &path, int depth, const QString &op,
                  const QJsonValue &value, const QString &raw)
{
    if (depth == path.size())
        return value;
    const QString &part = path.at(depth);
    const bool last = depth == path.size() - 1;
    auto fail = [&](const QString &why) {
        return ApiError::invalid(QStringLiteral("JSONPatch"), QString(), raw, why);
    };
    if (doc.isObject()) {
        QJsonObject o = doc.toObject();
        if (last) {
            if (op == QLatin1String("remove") || op == QLatin1String("replace")) {
                if (!o.contains(part))
                    throw fail(QStringLiteral("path does not exist"));
            }
            if (op == QLatin1String("remove"))
                o.remove(part);
            else
                o.insert(part, value);
            return o;
        }
        if (!o.contains(part))
            throw fail(QStringLiteral("path does not exist"));
        o.insert(part, modify(o.value(part), path, depth + 1, op, value, raw));
        return o;
    }
    if (doc.isArray()) {
        QJsonArray a = doc.toArray();
        bool ok = false;
        int i = part == QLatin1String("-") ? int(a.size()) : part.toInt(&ok);
        if (part == QLatin1String("-"))
            ok = true;
        if (!ok || i < 0 || i > a.size()
            || (i == a.size() && !(last && op == QLatin1String("add"))))
            throw fail(QStringLiteral("array index out of range"));
        if (last) {
            if (op == QLatin1String("add"))
                a.insert(i, value);
            else if (op == QLatin1String("remove"))
                a.removeAt(i);
            else
                a.replace(i, value);
            return a;
        }
        a.replace(i, modify(a.at(i), path, depth + 1, op, value, raw));
        return a;
    }
    throw fail(QStringLiteral("path does not exist"));
}

} // namespace

QJsonValue Patches::jsonPatch(const QJsonValue &target, const QJsonArray &operations)
{
    QJsonValue doc = target;
    for (const QJsonValue &v : operations) {
        const QJsonObject op = v.toObject();
        const QString kind = op.value(QStringLiteral("op")).toString();
        const QString raw = op.value(QStringLiteral("path")).toString();
        const QStringList path = pointer(raw);
        if (kind == QLatin1String("add") || kind == QLatin1String("replace")) {
            if (!op.contains(QStringLiteral("value")))
                throw ApiError::badRequest(
                    QStringLiteral("JSON patch \"%1\" needs a value").arg(kind));
            doc = modify(doc, path, 0, kind, op.value(QStringLiteral("value")), raw);
        } else if (kind == QLatin1String("remove")) {
            doc = modify(doc, path, 0, kind, {}, raw);
        } else if (kind == QLatin1String("test")) {
            if (valueAt(doc, path, raw) != op.value(QStringLiteral("value")))
                throw ApiError::invalid(QStringLiteral("JSONPatch"), QString(), raw,
                                        QStringLiteral("test operation failed"));
        } else if (kind == QLatin1String("move") || kind == QLatin1String("copy")) {
            const QString fromRaw = op.value(QStringLiteral("from")).toString();
            const QJsonValue value = valueAt(doc, pointer(fromRaw), fromRaw);
            if (kind == QLatin1String("move"))
                doc = modify(doc, pointer(fromRaw), 0, QStringLiteral("remove"), {}, fromRaw);
            doc = modify(doc, path, 0, QStringLiteral("add"), value, raw);
        } else {
            throw ApiError::badRequest(
                QStringLiteral("unknown JSON patch operation \"%1\"").arg(kind));
        }
    }
    return doc;
}

namespace {

QJsonValue strategic(const QJsonValue &target, const QJsonValue &patch, const QString &field);

QJsonArray mergeList(const QJsonArray &target, const QJsonArray &patch, const QString &field)
{
    const QJsonObject sample = !patch.isEmpty() ? patch.first().toObject()
        : target.isEmpty()                      ? QJsonObject()
                                                : target.first().toObject();
    const QString key = Patches::mergeKey(field, sample);
    if (key.isEmpty()) {
        if (field == QLatin1String("finalizers")) { // a set of strings
            QJsonArray out = target;
            for (const QJsonValue &v : patch)
                if (!out.contains(v))
                    out.append(v);
            return out;
        }
        return patch;
    }
    QJsonArray out = target;
    for (const QJsonValue &pv : patch) {
        const QJsonObject p = pv.toObject();
        if (p.value(QStringLiteral("$patch")).toString() == QLatin1String("replace"))
            return QJsonArray(); // replaced by the elements that follow; simplified
        const QJsonValue id = p.value(key);
        int found = -1;
        for (int i = 0; i < out.size(); ++i) {
            if (out.at(i).toObject().value(key) == id) {
                found = i;
                break;
            }
        }
        if (p.value(QStringLiteral("$patch")).toString() == QLatin1String("delete")) {
            if (found >= 0)
                out.removeAt(found);
            continue;
        }
        if (found >= 0)
            out.replace(found, strategic(out.at(found), p, QString()));
        else
            out.append(strategic(QJsonObject(), p, QString()));
    }
    return out;
}

QJsonValue strategic(const QJsonValue &target, const QJsonValue &patch, const QString &field)
{
    if (patch.isArray())
        return mergeList(target.toArray(), patch.toArray(), field);
    if (!patch.isObject())
        return patch;
    QJsonObject p = patch.toObject();
    if (p.value(QStringLiteral("$patch")).toString() == QLatin1String("replace")) {
        p.remove(QStringLiteral("$patch"));
        return p;
    }
    QJsonObject result = target.toObject();
    for (auto it = p.begin(); it != p.end(); ++it) {
        if (it.key().startsWith(QLatin1Char('$')))
            continue;
        if (it.value().isNull())
            result.remove(it.key());
        else
            result.insert(it.key(), strategic(result.value(it.key()), it.value(), it.key()));
    }
    return result;
}

} // namespace

QJsonObject Patches::strategicMerge(const QJsonObject &target, const QJsonObject &patch)
{
    return strategic(target, patch, QString()).toObject();
}

} // namespace Meshdeck::Demo
