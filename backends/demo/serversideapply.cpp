#include "serversideapply.h"

#include "apierror.h"
#include "objectfields.h"
#include "patches.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <optional>

namespace Meshdeck::Demo {

namespace {

const QChar kSep(0x1f);

// Metadata the API server owns; appliers never own it.
bool ignoredTopLevel(const QString &key)
{
    return key == QLatin1String("apiVersion") || key == QLatin1String("kind")
        || key == QLatin1String("status");
}
bool ignoredMeta(const QString &key)
{
    static const QStringList keys = {
        QStringLiteral("name"),
        QStringLiteral("namespace"),
        QStringLiteral("uid"),
        QStringLiteral("resourceVersion"),
        QStringLiteral("generation"),
        QStringLiteral("creationTimestamp"),
        QStringLiteral("deletionTimestamp"),
        QStringLiteral("managedFields"),
        QStringLiteral("selfLink"),
    };
    return keys.contains(key);
}

QString elementKey(const QJsonObject &element, const QString &key)
{
    const QJsonObject k {{key, element.value(key)}};
    return QStringLiteral("k:")
        + QString::fromUtf8(QJsonDocument(k).toJson(QJsonDocument::Compact));
}

void collect(const QJsonValue &value, const QString &field, const QString &prefix,
             ServerSideApply::FieldSet &out)
{
    if (value.isObject() && !value.toObject().isEmpty()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString path = prefix.isEmpty() ? QStringLiteral("f:") + it.key()
                                                  : prefix + kSep + QStringLiteral("f:") + it.key();
            collect(it.value(), it.key(), path, out);
        }
        return;
    }
    if (value.isArray() && !value.toArray().isEmpty()) {
        const QJsonArray a = value.toArray();
        const QString key = Patches::mergeKey(field, a.first().toObject());
        if (!key.isEmpty()) {
            for (const QJsonValue &e : a) {
                const QString elementPath = prefix + kSep + elementKey(e.toObject(), key);
                out.insert(elementPath + kSep + QLatin1Char('.'));
                collect(e, QString(), elementPath, out);
            }
            return;
        }
        if (field == QLatin1String("finalizers")) {
            for (const QJsonValue &e : a)
                out.insert(prefix + kSep + QStringLiteral("v:")
                           + QString::fromUtf8(
                                 QJsonDocument(QJsonArray {e}).toJson(QJsonDocument::Compact))
                                 .mid(1)
                                 .chopped(1));
            return;
        }
    }
    out.insert(prefix); // a leaf: scalar, atomic list, empty object
}

// Walks `path` in `doc`; returns false when absent.
bool lookup(const QJsonValue &doc, const QStringList &parts, QJsonValue *out)
{
    QJsonValue v = doc;
    for (const QString &part : parts) {
        if (part == QLatin1String("."))
            break;
        if (part.startsWith(QLatin1String("f:"))) {
            const QJsonObject o = v.toObject();
            if (!o.contains(part.mid(2)))
                return false;
            v = o.value(part.mid(2));
        } else if (part.startsWith(QLatin1String("k:"))) {
            const QJsonObject key = QJsonDocument::fromJson(part.mid(2).toUtf8()).object();
            bool found = false;
            for (const QJsonValue &e : v.toArray()) {
                const QJsonObject eo = e.toObject();
                bool match = true;
                for (auto it = key.begin(); it != key.end(); ++it)
                    match = match && eo.value(it.key()) == it.value();
                if (match) {
                    v = e;
                    found = true;
                    break;
                }
            }
            if (!found)
                return false;
        } else if (part.startsWith(QLatin1String("v:"))) {
            const QJsonValue wanted
                = QJsonDocument::fromJson("[" + part.mid(2).toUtf8() + "]").array().first();
            if (!v.toArray().contains(wanted))
                return false;
            v = wanted;
        }
    }
    *out = v;
    return true;
}

// Removes the field at `parts` from doc; returns the new document.
QJsonValue removeAt(const QJsonValue &doc, const QStringList &parts, int depth)
{
    if (depth >= parts.size())
        return doc;
    const QString &part = parts.at(depth);
    const bool last = depth == parts.size() - 1
        || (depth == parts.size() - 2 && parts.last() == QLatin1String("."));
    if (part.startsWith(QLatin1String("f:"))) {
        QJsonObject o = doc.toObject();
        const QString k = part.mid(2);
        if (!o.contains(k))
            return doc;
        if (last)
            o.remove(k);
        else
            o.insert(k, removeAt(o.value(k), parts, depth + 1));
        return o;
    }
    QJsonArray a = doc.toArray();
    for (int i = 0; i < a.size(); ++i) {
        QJsonValue element;
        if (!lookup(a.at(i), {}, &element))
            continue;
        bool match = false;
        if (part.startsWith(QLatin1String("k:"))) {
            const QJsonObject key = QJsonDocument::fromJson(part.mid(2).toUtf8()).object();
            match = true;
            for (auto it = key.begin(); it != key.end(); ++it)
                match = match && a.at(i).toObject().value(it.key()) == it.value();
        } else if (part.startsWith(QLatin1String("v:"))) {
            match = a.at(i)
                == QJsonDocument::fromJson("[" + part.mid(2).toUtf8() + "]").array().first();
        }
        if (match) {
            if (last)
                a.removeAt(i);
            else
                a.replace(i, removeAt(a.at(i), parts, depth + 1));
            break;
        }
    }
    return a;
}

// Deep merge of an applied configuration into the live object: objects merge key by key,
// associative lists element by element, everything else is replaced.
QJsonValue mergeApplied(const QJsonValue &live, const QJsonValue &applied, const QString &field)
{
    if (applied.isObject() && live.isObject()) {
        QJsonObject out = live.toObject();
        const QJsonObject a = applied.toObject();
        for (auto it = a.begin(); it != a.end(); ++it)
            out.insert(it.key(), mergeApplied(out.value(it.key()), it.value(), it.key()));
        return out;
    }
    if (applied.isArray() && live.isArray() && !applied.toArray().isEmpty()) {
        const QJsonArray a = applied.toArray();
        const QString key = Patches::mergeKey(field, a.first().toObject());
        if (key.isEmpty()) {
            if (field == QLatin1String("finalizers")) {
                QJsonArray out = live.toArray();
                for (const QJsonValue &v : a)
                    if (!out.contains(v))
                        out.append(v);
                return out;
            }
            return applied;
        }
        QJsonArray out = live.toArray();
        for (const QJsonValue &e : a) {
            int found = -1;
            for (int i = 0; i < out.size(); ++i) {
                if (out.at(i).toObject().value(key) == e.toObject().value(key)) {
                    found = i;
                    break;
                }
            }
            if (found >= 0)
                out.replace(found, mergeApplied(out.at(found), e, QString()));
            else
                out.append(e);
        }
        return out;
    }
    return applied;
}

struct ManagerEntry
{
    QString manager;
    QString operation;
    QString apiVersion;
    QString time;
    QString subresource;
    ServerSideApply::FieldSet fields;
};

QList<ManagerEntry> readManaged(const QJsonObject &object)
{
    QList<ManagerEntry> out;
    const QJsonArray managed = object.value(QStringLiteral("metadata"))
                                   .toObject()
                                   .value(QStringLiteral("managedFields"))
                                   .toArray();
    for (const QJsonValue &v : managed) {
        const QJsonObject m = v.toObject();
        out << ManagerEntry {
            m.value(QStringLiteral("manager")).toString(),
            m.value(QStringLiteral("operation")).toString(),
            m.value(QStringLiteral("apiVersion")).toString(),
            m.value(QStringLiteral("time")).toString(),
            m.value(QStringLiteral("subresource")).toString(),
            ServerSideApply::fromFieldsV1(m.value(QStringLiteral("fieldsV1")).toObject())};
    }
    return out;
}

QJsonObject writeManaged(QJsonObject object, const QList<ManagerEntry> &entries)
{
    QJsonArray managed;
    for (const ManagerEntry &e : entries) {
        if (e.fields.isEmpty())
            continue;
        QJsonObject m {{QStringLiteral("manager"), e.manager},
                       {QStringLiteral("operation"), e.operation},
                       {QStringLiteral("apiVersion"), e.apiVersion},
                       {QStringLiteral("time"), e.time},
                       {QStringLiteral("fieldsType"), QStringLiteral("FieldsV1")},
                       {QStringLiteral("fieldsV1"), ServerSideApply::toFieldsV1(e.fields)}};
        if (!e.subresource.isEmpty())
            m.insert(QStringLiteral("subresource"), e.subresource);
        managed.append(m);
    }
    QJsonObject md = object.value(QStringLiteral("metadata")).toObject();
    if (managed.isEmpty())
        md.remove(QStringLiteral("managedFields"));
    else
        md.insert(QStringLiteral("managedFields"), managed);
    object.insert(QStringLiteral("metadata"), md);
    return object;
}

} // namespace

ServerSideApply::FieldSet ServerSideApply::fieldsOf(const QJsonObject &object)
{
    FieldSet out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (ignoredTopLevel(it.key()))
            continue;
        if (it.key() == QLatin1String("metadata")) {
            const QJsonObject md = it.value().toObject();
            for (auto m = md.begin(); m != md.end(); ++m) {
                if (!ignoredMeta(m.key()))
                    collect(m.value(), m.key(),
                            QStringLiteral("f:metadata") + kSep + QStringLiteral("f:") + m.key(),
                            out);
            }
            continue;
        }
        collect(it.value(), it.key(), QStringLiteral("f:") + it.key(), out);
    }
    return out;
}

QJsonObject ServerSideApply::toFieldsV1(const FieldSet &fields)
{
    // Build the tree recursively from sorted paths.
    QJsonObject root;
    QStringList sorted(fields.begin(), fields.end());
    std::sort(sorted.begin(), sorted.end());
    std::function<QJsonObject(QJsonObject, const QStringList &, int)> insert
        = [&](QJsonObject node, const QStringList &parts, int depth) -> QJsonObject {
        if (depth >= parts.size())
            return node;
        const QString &part = parts.at(depth);
        node.insert(part, insert(node.value(part).toObject(), parts, depth + 1));
        return node;
    };
    for (const QString &path : sorted)
        root = insert(root, path.split(kSep), 0);
    return root;
}

ServerSideApply::FieldSet ServerSideApply::fromFieldsV1(const QJsonObject &fieldsV1)
{
    FieldSet out;
    std::function<void(const QJsonObject &, const QString &)> walk
        = [&](const QJsonObject &node, const QString &prefix) {
              for (auto it = node.begin(); it != node.end(); ++it) {
                  const QString path = prefix.isEmpty() ? it.key() : prefix + kSep + it.key();
                  const QJsonObject child = it.value().toObject();
                  if (child.isEmpty())
                      out.insert(path);
                  else
                      walk(child, path);
              }
          };
    walk(fieldsV1, QString());
    return out;
}

QString ServerSideApply::displayPath(const QString &path)
{
    QString out;
    for (const QString &part : path.split(kSep)) {
        if (part == QLatin1String("."))
            continue;
        if (part.startsWith(QLatin1String("f:")))
            out += QLatin1Char('.') + part.mid(2);
        else if (part.startsWith(QLatin1String("k:")))
            out += QLatin1Char('[')
                + part.mid(3, part.size() - 4)
                      .replace(QLatin1Char(':'), QLatin1Char('='))
                      .remove(QLatin1Char('"'))
                + QLatin1Char(']');
        else if (part.startsWith(QLatin1String("v:")))
            out += QLatin1Char('[') + part.mid(2) + QLatin1Char(']');
    }
    return out;
}

QJsonObject ServerSideApply::apply(const QJsonObject &live, const QJsonObject &applied,
                                   const QString &manager, bool force, const QString &apiVersion)
{
    const FieldSet appliedFields = fieldsOf(applied);
    QList<ManagerEntry> entries = readManaged(live);

    // Conflicts: fields another manager owns whose value this apply would change.
    QList<Conflict> conflicts;
    QJsonValue liveValue;
    QJsonValue appliedValue;
    for (const ManagerEntry &e : entries) {
        if (e.manager == manager)
            continue;
        for (const QString &path : appliedFields) {
            if (path.endsWith(QLatin1Char('.')) || !e.fields.contains(path))
                continue;
            const QStringList parts = path.split(kSep);
            const bool hasLive = lookup(live, parts, &liveValue);
            lookup(applied, parts, &appliedValue);
            if (hasLive && liveValue != appliedValue)
                conflicts << Conflict {e.manager, displayPath(path)};
        }
    }
    if (!conflicts.isEmpty() && !force) {
        QStringList lines;
        QJsonArray causes;
        for (const Conflict &c : conflicts) {
            lines << QStringLiteral("conflict with \"%1\": %2").arg(c.manager, c.field);
            causes.append(QJsonObject {
                {QStringLiteral("reason"), QStringLiteral("FieldManagerConflict")},
                {QStringLiteral("message"), QStringLiteral("conflict with \"%1\"").arg(c.manager)},
                {QStringLiteral("field"), c.field}});
        }
        const QJsonObject md = live.value(QStringLiteral("metadata")).toObject();
        const QString message = QStringLiteral("Apply failed with %1 conflict%2: %3")
                                    .arg(conflicts.size())
                                    .arg(conflicts.size() == 1 ? QString() : QStringLiteral("s"))
                                    .arg(lines.join(QStringLiteral("\n")));
        throw ApiError(409, QStringLiteral("Conflict"), message)
            .withDetails(QJsonObject {
                {QStringLiteral("name"), md.value(QStringLiteral("name"))},
                {QStringLiteral("kind"), live.value(QStringLiteral("kind")).toString().toLower()},
                {QStringLiteral("causes"), causes}});
    }

    // Fields this manager applied before and no longer does are removed, unless another
    // manager owns them too.
    std::optional<ManagerEntry> earlier; // this manager's last apply
    for (const ManagerEntry &e : entries)
        if (e.manager == manager && e.operation == QLatin1String("Apply"))
            earlier = e;
    const FieldSet previous = earlier ? earlier->fields : FieldSet();
    FieldSet othersOwn;
    for (const ManagerEntry &e : entries)
        if (e.manager != manager)
            othersOwn.unite(e.fields);

    QJsonValue result = mergeApplied(live, applied, QString());
    QStringList dropped(previous.begin(), previous.end());
    std::sort(dropped.begin(), dropped.end(), [](const QString &a, const QString &b) {
        return a.size() > b.size(); // deepest first
    });
    for (const QString &path : dropped) {
        if (appliedFields.contains(path) || othersOwn.contains(path))
            continue;
        result = removeAt(result, path.split(kSep), 0);
    }

    // Ownership: this manager owns what it applied; forced conflicts move to it.
    for (ManagerEntry &e : entries) {
        if (e.manager != manager)
            e.fields.subtract(force ? appliedFields : FieldSet());
    }
    entries.removeIf([&](const ManagerEntry &e) {
        return e.manager == manager && e.operation == QLatin1String("Apply");
    });
    QJsonObject out = result.toObject();
    // Keep server-owned metadata from the live object.
    QJsonObject md = out.value(QStringLiteral("metadata")).toObject();
    const QJsonObject liveMeta = live.value(QStringLiteral("metadata")).toObject();
    for (const char *k : {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
        const QString key = QString::fromLatin1(k);
        if (liveMeta.contains(key))
            md.insert(key, liveMeta.value(key));
    }
    out.insert(QStringLiteral("metadata"), md);
    // An apply that changes nothing (the same fields, the same object) keeps its entry's time,
    // so that it writes nothing and the resourceVersion stays, as on a real API server.
    const auto withoutManaged = [](QJsonObject o) {
        QJsonObject m = o.value(QStringLiteral("metadata")).toObject();
        m.remove(QStringLiteral("managedFields"));
        o.insert(QStringLiteral("metadata"), m);
        return o;
    };
    const bool unchanged = earlier && earlier->fields == appliedFields
        && earlier->apiVersion == apiVersion && withoutManaged(out) == withoutManaged(live);
    entries.append(ManagerEntry {manager,
                                 QStringLiteral("Apply"),
                                 apiVersion,
                                 unchanged ? earlier->time : nowRfc3339(),
                                 {},
                                 appliedFields});
    return writeManaged(out, entries);
}

QJsonObject ServerSideApply::recordUpdate(const QJsonObject &before, const QJsonObject &after,
                                          const QString &manager, const QString &apiVersion)
{
    const FieldSet oldFields = fieldsOf(before);
    const FieldSet newFields = fieldsOf(after);
    FieldSet changed;
    QJsonValue a;
    QJsonValue b;
    for (const QString &path : newFields) {
        const QStringList parts = path.split(kSep);
        const bool had = lookup(before, parts, &b);
        lookup(after, parts, &a);
        if (!had || a != b || !oldFields.contains(path))
            changed.insert(path);
    }
    QList<ManagerEntry> entries = readManaged(before);
    // Fields that disappeared are owned by nobody any more.
    FieldSet gone = oldFields;
    gone.subtract(newFields);
    for (ManagerEntry &e : entries) {
        e.fields.subtract(gone);
        if (e.manager != manager)
            e.fields.subtract(changed);
    }
    if (!changed.isEmpty()) {
        auto it = std::find_if(entries.begin(), entries.end(), [&](const ManagerEntry &e) {
            return e.manager == manager && e.operation == QLatin1String("Update");
        });
        if (it == entries.end())
            entries.append(ManagerEntry {
                manager, QStringLiteral("Update"), apiVersion, nowRfc3339(), {}, changed});
        else {
            it->fields.unite(changed);
            it->time = nowRfc3339();
        }
    }
    return writeManaged(after, entries);
}

} // namespace Meshdeck::Demo
