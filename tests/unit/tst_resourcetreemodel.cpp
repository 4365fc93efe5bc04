#include <models/resourcetreemodel.h>

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Meshdeck;
using Delta = Kube::ResourceDelta;

namespace {
QJsonObject object(const QString &ns, const QString &name, const QJsonArray &owners = {})
{
    QJsonObject md {{QStringLiteral("name"), name},
                    {QStringLiteral("namespace"), ns},
                    {QStringLiteral("creationTimestamp"), QStringLiteral("2026-11-27T10:00:00Z")}};
    if (!owners.isEmpty())
        md.insert(QStringLiteral("ownerReferences"), owners);
    return QJsonObject {{QStringLiteral("metadata"), md}};
}

QJsonArray owner(const QString &kind, const QString &name)
{
    return QJsonArray {
        QJsonObject {{QStringLiteral("kind"), kind}, {QStringLiteral("name"), name}}};
}

QJsonObject pod(const QString &ns, const QString &name, const QString &rs, bool ready)
{
    QJsonObject p
        = object(ns, name, rs.isEmpty() ? QJsonArray() : owner(QStringLiteral("ReplicaSet"), rs));
    p.insert(
        QStringLiteral("spec"),
        QJsonObject {
            {QStringLiteral("containers"),
             QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("app")}},
                         QJsonObject {{QStringLiteral("name"), QStringLiteral("istio-proxy")}}}}});
    p.insert(QStringLiteral("status"),
             QJsonObject {{QStringLiteral("phase"), QStringLiteral("Running")},
                          {QStringLiteral("containerStatuses"),
                           QJsonArray {QJsonObject {{QStringLiteral("ready"), ready}},
                                       QJsonObject {{QStringLiteral("ready"), ready}}}}});
    return p;
}

Delta d(Delta::Type type, const QString &group, const QString &kind, const QJsonObject &o)
{
    return Delta {type, group, kind, o};
}
} // namespace

class tst_ResourceTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildsTheTreeInAnyOrder()
    {
        ResourceTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Pods first, then their ReplicaSet, then the Deployment, then the namespace object.
        model.applyDeltas(
            {d(Delta::Type::Added, {}, QStringLiteral("Pod"),
               pod(QStringLiteral("shop"), QStringLiteral("web-abc-1"), QStringLiteral("web-abc"),
                   true)),
             d(Delta::Type::Added, {}, QStringLiteral("Pod"),
               pod(QStringLiteral("shop"), QStringLiteral("web-abc-2"), QStringLiteral("web-abc"),
                   false)),
             d(Delta::Type::Added, {}, QStringLiteral("Pod"),
               pod(QStringLiteral("shop"), QStringLiteral("standalone"), QString(), true))});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowCount(model.index(0, 0)), 3);
        model.applyDeltas(
            {d(Delta::Type::Added, QStringLiteral("apps"), QStringLiteral("Deployment"),
               object(QStringLiteral("shop"), QStringLiteral("web"))),
             d(Delta::Type::Added, QStringLiteral("apps"), QStringLiteral("ReplicaSet"),
               object(QStringLiteral("shop"), QStringLiteral("web-abc"),
                      owner(QStringLiteral("Deployment"), QStringLiteral("web")))),
             d(Delta::Type::Added, {}, QStringLiteral("Namespace"),
               object(QString(), QStringLiteral("shop")))});
        const QModelIndex shop = model.index(0, 0);
        QCOMPARE(shop.data().toString(), QStringLiteral("shop"));
        QCOMPARE(model.rowCount(shop), 2); // the Deployment, then the standalone pod
        const QModelIndex web = model.index(0, 0, shop);
        QCOMPARE(web.data().toString(), QStringLiteral("web"));
        QCOMPARE(model.rowCount(web), 2);
        const QModelIndex first = model.index(0, 0, web);
        QCOMPARE(model.index(0, ResourceTreeModel::ReadyColumn, web).data().toString(),
                 QStringLiteral("2/2"));
        QCOMPARE(model.index(1, ResourceTreeModel::ReadyColumn, web).data().toString(),
                 QStringLiteral("0/2"));
        QCOMPARE(model.index(0, ResourceTreeModel::MeshColumn, web).data().toString(),
                 QStringLiteral("istio"));
        QCOMPARE(first.data(ResourceTreeModel::KindRole).toString(), QStringLiteral("Pod"));
        QCOMPARE(model.podCount(), 3);
    }

    void updatesInPlaceAndRemoves()
    {
        ResourceTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applyDeltas(
            {d(Delta::Type::Added, QStringLiteral("apps"), QStringLiteral("Deployment"),
               object(QStringLiteral("a"), QStringLiteral("web"))),
             d(Delta::Type::Added, QStringLiteral("apps"), QStringLiteral("ReplicaSet"),
               object(QStringLiteral("a"), QStringLiteral("web-1"),
                      owner(QStringLiteral("Deployment"), QStringLiteral("web")))),
             d(Delta::Type::Added, {}, QStringLiteral("Pod"),
               pod(QStringLiteral("a"), QStringLiteral("p1"), QStringLiteral("web-1"), false))});
        const QPersistentModelIndex p1 = model.indexForKey(QStringLiteral("Pod/a/p1"));
        QVERIFY(p1.isValid());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.applyDeltas(
            {d(Delta::Type::Modified, {}, QStringLiteral("Pod"),
               pod(QStringLiteral("a"), QStringLiteral("p1"), QStringLiteral("web-1"), true))});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        QVERIFY(p1.isValid()); // selection survives updates
        QCOMPARE(p1.sibling(p1.row(), ResourceTreeModel::ReadyColumn).data().toString(),
                 QStringLiteral("2/2"));
        // Deleting the Deployment first: its pods fall back to the namespace until they go.
        model.applyDeltas(
            {d(Delta::Type::Deleted, QStringLiteral("apps"), QStringLiteral("Deployment"),
               object(QStringLiteral("a"), QStringLiteral("web")))});
        QCOMPARE(model.rowCount(model.index(0, 0)), 1);
        QCOMPARE(model.index(0, 0, model.index(0, 0)).data().toString(), QStringLiteral("p1"));
        model.applyDeltas({d(Delta::Type::Deleted, {}, QStringLiteral("Pod"),
                             pod(QStringLiteral("a"), QStringLiteral("p1"), QString(), true)),
                           d(Delta::Type::Deleted, {}, QStringLiteral("Namespace"),
                             object(QString(), QStringLiteral("a")))});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.podCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ResourceTreeModel)
#include "tst_resourcetreemodel.moc"
