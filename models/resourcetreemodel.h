#pragma once

#include <kube/clusterconnection.h>

#include <QAbstractItemModel>
#include <QHash>
#include <QJsonObject>
#include <QSet>

#include <memory>
#include <vector>

namespace Meshdeck {

// The Clusters page's live tree: namespaces, their workloads (Deployments, StatefulSets,
// DaemonSets, Jobs) and the workloads' pods (through their ReplicaSets); pods without a
// controller sit directly under their namespace. Fed by batches of deltas; rows are inserted,
// moved and removed in place (no reset), so views keep selection and expansion.
class ResourceTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        KindColumn,
        StatusColumn,
        ReadyColumn,
        RestartsColumn,
        AgeColumn,
        MeshColumn,
        ColumnCount
    };
    enum Role { ObjectRole = Qt::UserRole + 1, KindRole, NamespaceRole, KeyRole, SidecarRole };

    explicit ResourceTreeModel(QObject *parent = nullptr);
    ~ResourceTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void applyDeltas(const Kube::ResourceDeltas &deltas);
    void clear();
    // Announces that ages moved on (call every few seconds).
    void refreshAges();
    [[nodiscard]] QModelIndex indexForKey(const QString &key) const;
    [[nodiscard]] int podCount() const;
    [[nodiscard]] QStringList namespaces() const;

private:
    struct Node;
    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(Node *node, int column = 0) const;
    Node *namespaceNode(const QString &ns);
    Node *workloadFor(const QJsonObject &pod);
    void upsert(const QString &kind, const QJsonObject &object);
    void remove(const QString &kind, const QJsonObject &object);
    void placePod(const QString &key);
    void insertChild(Node *parent, std::unique_ptr<Node> child);
    void changed(Node *node);
    void flushChanged();
    std::unique_ptr<Node> takeChild(Node *node);

    std::unique_ptr<Node> m_root;
    // While a batch is applied, changed rows are collected and announced once per parent.
    bool m_batching = false;
    QSet<QString> m_changed; // keys: a node removed later in the batch is simply not found
    QHash<QString, Node *> m_byKey; // "Kind/ns/name" -> node
    QHash<QString, QJsonObject> m_replicaSets; // "ns/name" -> ReplicaSet
};

} // namespace Meshdeck
