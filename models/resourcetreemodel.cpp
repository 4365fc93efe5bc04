#include "resourcetreemodel.h"

#include <kube/podsummary.h>

#include <QJsonArray>

namespace Meshdeck {

namespace {
const QStringList kWorkloadKinds = {QStringLiteral("Deployment"), QStringLiteral("StatefulSet"),
                                    QStringLiteral("DaemonSet"), QStringLiteral("Job")};

QJsonObject meta(const QJsonObject &o)
{
    return o.value(QStringLiteral("metadata")).toObject();
}

QString keyOf(const QString &kind, const QJsonObject &o)
{
    const QJsonObject md = meta(o);
    return kind + QLatin1Char('/') + md.value(QStringLiteral("namespace")).toString()
        + QLatin1Char('/') + md.value(QStringLiteral("name")).toString();
}

int kindOrder(const QString &kind)
{
    const int i = int(kWorkloadKinds.indexOf(kind));
    return i >= 0 ? i : (kind == QLatin1String("Pod") ? 10 : 20);
}

QString workloadStatus(const QString &kind, const QJsonObject &o)
{
    const QJsonObject spec = o.value(QStringLiteral("spec")).toObject();
    const QJsonObject st = o.value(QStringLiteral("status")).toObject();
    if (kind == QLatin1String("Job"))
        return st.value(QStringLiteral("succeeded")).toInt()
                >= spec.value(QStringLiteral("completions")).toInt(1)
            ? QStringLiteral("Complete")
            : QStringLiteral("Running");
    const int want = kind == QLatin1String("DaemonSet")
        ? st.value(QStringLiteral("desiredNumberScheduled")).toInt()
        : spec.value(QStringLiteral("replicas")).toInt(1);
    const int ready = kind == QLatin1String("DaemonSet")
        ? st.value(QStringLiteral("numberReady")).toInt()
        : st.value(QStringLiteral("readyReplicas")).toInt();
    if (meta(o).contains(QStringLiteral("deletionTimestamp")))
        return QStringLiteral("Terminating");
    return ready >= want ? QStringLiteral("Available") : QStringLiteral("Progressing");
}

QString workloadReady(const QString &kind, const QJsonObject &o)
{
    const QJsonObject spec = o.value(QStringLiteral("spec")).toObject();
    const QJsonObject st = o.value(QStringLiteral("status")).toObject();
    if (kind == QLatin1String("DaemonSet"))
        return QStringLiteral("%1/%2")
            .arg(st.value(QStringLiteral("numberReady")).toInt())
            .arg(st.value(QStringLiteral("desiredNumberScheduled")).toInt());
    if (kind == QLatin1String("Job"))
        return QStringLiteral("%1/%2")
            .arg(st.value(QStringLiteral("succeeded")).toInt())
            .arg(spec.value(QStringLiteral("completions")).toInt(1));
    return QStringLiteral("%1/%2")
        .arg(st.value(QStringLiteral("readyReplicas")).toInt())
        .arg(spec.value(QStringLiteral("replicas")).toInt(1));
}
} // namespace

struct ResourceTreeModel::Node
{
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
    QString kind; // Namespace, Deployment, ..., Pod
    QString name;
    QString ns;
    QString key;
    QJsonObject object;

    int row() const
    {
        if (!parent)
            return 0;
        for (size_t i = 0; i < parent->children.size(); ++i)
            if (parent->children[i].get() == this)
                return int(i);
        return 0;
    }
};

ResourceTreeModel::ResourceTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
}

ResourceTreeModel::~ResourceTreeModel() = default;

ResourceTreeModel::Node *ResourceTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex ResourceTreeModel::indexFor(Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), column, node);
}

QModelIndex ResourceTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    Node *p = nodeFor(parent);
    if (row < 0 || column < 0 || column >= ColumnCount || row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex ResourceTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexFor(nodeFor(child)->parent);
}

int ResourceTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int ResourceTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ResourceTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case StatusColumn:
        return tr("Status");
    case ReadyColumn:
        return tr("Ready");
    case RestartsColumn:
        return tr("Restarts");
    case AgeColumn:
        return tr("Age");
    case MeshColumn:
        return tr("Sidecar");
    default:
        return {};
    }
}

QVariant ResourceTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *n = nodeFor(index);
    const bool pod = n->kind == QLatin1String("Pod");
    switch (role) {
    case ObjectRole:
        return n->object;
    case KindRole:
        return n->kind;
    case NamespaceRole:
        return n->ns;
    case KeyRole:
        return n->key;
    case SidecarRole:
        return pod ? Kube::PodSummary::sidecar(n->object) : QString();
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && pod)
            return n->object.value(QStringLiteral("status"))
                .toObject()
                .value(QStringLiteral("message"))
                .toString();
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return n->name;
    case KindColumn:
        return n->kind;
    case StatusColumn:
        if (pod)
            return Kube::PodSummary::status(n->object);
        if (n->kind == QLatin1String("Namespace"))
            return n->object.value(QStringLiteral("status"))
                .toObject()
                .value(QStringLiteral("phase"))
                .toString(QStringLiteral("Active"));
        return workloadStatus(n->kind, n->object);
    case ReadyColumn:
        if (pod)
            return Kube::PodSummary::ready(n->object);
        if (n->kind == QLatin1String("Namespace"))
            return QVariant();
        return workloadReady(n->kind, n->object);
    case RestartsColumn:
        return pod ? QVariant(Kube::PodSummary::restarts(n->object)) : QVariant();
    case AgeColumn:
        return n->object.isEmpty()
            ? QVariant()
            : QVariant(Kube::PodSummary::age(
                meta(n->object).value(QStringLiteral("creationTimestamp")).toString()));
    case MeshColumn:
        return pod ? Kube::PodSummary::sidecar(n->object) : QString();
    default:
        return {};
    }
}

void ResourceTreeModel::insertChild(Node *parent, std::unique_ptr<Node> child)
{
    const auto before = [&](const std::unique_ptr<Node> &existing) {
        const int a = kindOrder(existing->kind), b = kindOrder(child->kind);
        return a != b ? a < b : existing->name < child->name;
    };
    size_t row = 0;
    while (row < parent->children.size() && before(parent->children[row]))
        ++row;
    child->parent = parent;
    beginInsertRows(indexFor(parent), int(row), int(row));
    parent->children.insert(parent->children.begin() + qsizetype(row), std::move(child));
    endInsertRows();
}

std::unique_ptr<ResourceTreeModel::Node> ResourceTreeModel::takeChild(Node *node)
{
    Node *parent = node->parent;
    const int row = node->row();
    beginRemoveRows(indexFor(parent), row, row);
    std::unique_ptr<Node> taken = std::move(parent->children[size_t(row)]);
    parent->children.erase(parent->children.begin() + row);
    endRemoveRows();
    return taken;
}

ResourceTreeModel::Node *ResourceTreeModel::namespaceNode(const QString &ns)
{
    const QString key = QStringLiteral("Namespace//") + ns;
    if (Node *n = m_byKey.value(key))
        return n;
    auto node = std::make_unique<Node>();
    node->kind = QStringLiteral("Namespace");
    node->name = ns;
    node->ns = ns;
    node->key = key;
    Node *raw = node.get();
    m_byKey.insert(key, raw);
    insertChild(m_root.get(), std::move(node));
    return raw;
}

ResourceTreeModel::Node *ResourceTreeModel::workloadFor(const QJsonObject &pod)
{
    const QString ns = meta(pod).value(QStringLiteral("namespace")).toString();
    for (const QJsonValue &r : meta(pod).value(QStringLiteral("ownerReferences")).toArray()) {
        const QJsonObject ref = r.toObject();
        const QString kind = ref.value(QStringLiteral("kind")).toString();
        const QString name = ref.value(QStringLiteral("name")).toString();
        if (kind == QLatin1String("ReplicaSet")) {
            const QJsonObject rs = m_replicaSets.value(ns + QLatin1Char('/') + name);
            for (const QJsonValue &r2 :
                 meta(rs).value(QStringLiteral("ownerReferences")).toArray()) {
                const QJsonObject owner = r2.toObject();
                if (owner.value(QStringLiteral("kind")).toString() == QLatin1String("Deployment"))
                    return m_byKey.value(
                        QStringLiteral("Deployment/%1/%2")
                            .arg(ns, owner.value(QStringLiteral("name")).toString()));
            }
        } else if (kWorkloadKinds.contains(kind)) {
            return m_byKey.value(QStringLiteral("%1/%2/%3").arg(kind, ns, name));
        }
    }
    return nullptr;
}

void ResourceTreeModel::placePod(const QString &key)
{
    Node *pod = m_byKey.value(key);
    if (!pod)
        return;
    Node *wanted = workloadFor(pod->object);
    if (!wanted)
        wanted = namespaceNode(pod->ns);
    if (pod->parent == wanted)
        return;
    std::unique_ptr<Node> taken = takeChild(pod);
    insertChild(wanted, std::move(taken));
}

void ResourceTreeModel::upsert(const QString &kind, const QJsonObject &object)
{
    const QJsonObject md = meta(object);
    const QString ns = md.value(QStringLiteral("namespace")).toString();
    const QString name = md.value(QStringLiteral("name")).toString();
    if (kind == QLatin1String("ReplicaSet")) {
        m_replicaSets.insert(ns + QLatin1Char('/') + name, object);
        // Pods that waited for this ReplicaSet move under their Deployment.
        if (Node *nsNode = m_byKey.value(QStringLiteral("Namespace//") + ns)) {
            QStringList waiting;
            for (const auto &child : nsNode->children)
                if (child->kind == QLatin1String("Pod"))
                    waiting << child->key;
            for (const QString &key : waiting)
                placePod(key);
        }
        return;
    }
    if (kind == QLatin1String("Namespace")) {
        Node *n = namespaceNode(name);
        n->object = object;
        changed(n);
        return;
    }
    if (kind != QLatin1String("Pod") && !kWorkloadKinds.contains(kind))
        return;
    const QString key = keyOf(kind, object);
    if (Node *existing = m_byKey.value(key)) {
        existing->object = object;
        changed(existing);
        return;
    }
    auto node = std::make_unique<Node>();
    node->kind = kind;
    node->name = name;
    node->ns = ns;
    node->key = key;
    node->object = object;
    Node *raw = node.get();
    m_byKey.insert(key, raw);
    Node *parent = namespaceNode(ns);
    if (kind == QLatin1String("Pod")) {
        if (Node *w = workloadFor(object))
            parent = w;
    }
    insertChild(parent, std::move(node));
    if (kWorkloadKinds.contains(kind)) {
        // Pods that arrived first move under their new workload.
        QStringList pods;
        for (const auto &child : parent->children)
            if (child->kind == QLatin1String("Pod"))
                pods << child->key;
        for (const QString &p : pods)
            placePod(p);
    }
}

void ResourceTreeModel::remove(const QString &kind, const QJsonObject &object)
{
    const QJsonObject md = meta(object);
    if (kind == QLatin1String("ReplicaSet")) {
        m_replicaSets.remove(md.value(QStringLiteral("namespace")).toString() + QLatin1Char('/')
                             + md.value(QStringLiteral("name")).toString());
        return;
    }
    const QString key = kind == QLatin1String("Namespace")
        ? QStringLiteral("Namespace//") + md.value(QStringLiteral("name")).toString()
        : keyOf(kind, object);
    Node *node = m_byKey.value(key);
    if (!node)
        return;
    // Children of a removed workload (pods still terminating) return to the namespace first.
    if (kind != QLatin1String("Namespace")) {
        QStringList pods;
        for (const auto &child : node->children)
            pods << child->key;
        if (!pods.isEmpty()) {
            Node *ns = namespaceNode(node->ns);
            for (const QString &p : pods) {
                Node *pod = m_byKey.value(p);
                insertChild(ns, takeChild(pod));
            }
        }
    }
    std::function<void(Node *)> forget = [&](Node *n) {
        m_byKey.remove(n->key);
        for (const auto &c : n->children)
            forget(c.get());
    };
    forget(node);
    (void)takeChild(node);
}

void ResourceTreeModel::changed(Node *node)
{
    if (m_batching) {
        m_changed.insert(node->key);
        return;
    }
    emit dataChanged(indexFor(node, 0), indexFor(node, ColumnCount - 1));
}

void ResourceTreeModel::flushChanged()
{
    // One dataChanged per parent, spanning the rows that changed: a batch of thousands of
    // updates costs the views a handful of signals.
    QHash<Node *, QPair<int, int>> ranges;
    for (const QString &key : std::as_const(m_changed)) {
        Node *n = m_byKey.value(key);
        if (!n)
            continue; // removed later in the same batch
        const int row = n->row();
        auto it = ranges.find(n->parent);
        if (it == ranges.end())
            ranges.insert(n->parent, {row, row});
        else
            *it = {qMin(it->first, row), qMax(it->second, row)};
    }
    m_changed.clear();
    for (auto it = ranges.cbegin(); it != ranges.cend(); ++it) {
        const QModelIndex parent = indexFor(it.key());
        emit dataChanged(index(it->first, 0, parent), index(it->second, ColumnCount - 1, parent));
    }
}

void ResourceTreeModel::applyDeltas(const Kube::ResourceDeltas &deltas)
{
    m_batching = true;
    for (const Kube::ResourceDelta &d : deltas) {
        if (!d.group.isEmpty() && d.group != QLatin1String("apps")
            && d.group != QLatin1String("batch"))
            continue;
        if (d.type == Kube::ResourceDelta::Type::Deleted)
            remove(d.kind, d.object);
        else
            upsert(d.kind, d.object);
    }
    m_batching = false;
    flushChanged();
}

void ResourceTreeModel::clear()
{
    beginResetModel(); // a context switch: everything goes
    m_root = std::make_unique<Node>();
    m_byKey.clear();
    m_replicaSets.clear();
    endResetModel();
}

void ResourceTreeModel::refreshAges()
{
    std::function<void(Node *)> walk = [&](Node *n) {
        if (!n->children.empty()) {
            emit dataChanged(indexFor(n->children.front().get(), AgeColumn),
                             indexFor(n->children.back().get(), AgeColumn), {Qt::DisplayRole});
            for (const auto &c : n->children)
                walk(c.get());
        }
    };
    walk(m_root.get());
}

QModelIndex ResourceTreeModel::indexForKey(const QString &key) const
{
    return indexFor(m_byKey.value(key));
}

int ResourceTreeModel::podCount() const
{
    int n = 0;
    for (const Node *node : m_byKey)
        n += node->kind == QLatin1String("Pod") ? 1 : 0;
    return n;
}

QStringList ResourceTreeModel::namespaces() const
{
    QStringList out;
    for (const auto &c : m_root->children)
        out << c->name;
    return out;
}

} // namespace Meshdeck
