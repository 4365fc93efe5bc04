#include <models/navigationmodel.h>

#include <QAbstractItemModelTester>
#include <QKeySequence>
#include <QSignalSpy>
#include <QTest>

using namespace Meshdeck;

class tst_NavigationModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelIsConsistent()
    {
        NavigationModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), int(PageId::PageCount));
        QCOMPARE(model.rowCount(model.index(0)), 0);
    }
    void rows_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("title");
        QTest::newRow("clusters") << 0 << "clusters"
                                  << "Clusters";
        QTest::newRow("topology") << 1 << "topology"
                                  << "Topology";
        QTest::newRow("lifecycle") << 2 << "lifecycle"
                                   << "Lifecycle";
        QTest::newRow("performance") << 3 << "performance"
                                     << "Performance";
        QTest::newRow("results") << 4 << "results"
                                 << "Results";
        QTest::newRow("settings") << 5 << "settings"
                                  << "Settings";
    }
    void rows()
    {
        QFETCH(int, row);
        QFETCH(QString, key);
        QFETCH(QString, title);
        NavigationModel model;
        const QModelIndex index = model.index(row);
        QCOMPARE(index.data(NavigationModel::PageKeyRole).toString(), key);
        QCOMPARE(index.data(Qt::DisplayRole).toString(), title);
        QCOMPARE(index.data(NavigationModel::IconPathRole).toString(),
                 QStringLiteral(":/icons/%1.svg").arg(key));
        QVERIFY(!index.data(NavigationModel::DescriptionRole).toString().isEmpty());
        QCOMPARE(index.data(NavigationModel::ShortcutRole).value<QKeySequence>(),
                 QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + row)));
        QCOMPARE(NavigationModel::pageAt(index), PageId(row));
        QCOMPARE(model.indexOf(PageId(row)), index);
        QCOMPARE(pageFromKey(key), std::optional<PageId>(PageId(row)));
        QCOMPARE(pageKey(PageId(row)), key);
    }
    void unknownKeys()
    {
        QCOMPARE(pageFromKey(QStringLiteral("nope")), std::nullopt);
        QCOMPARE(pageFromKey(QStringLiteral(" Topology ")), std::optional(PageId::Topology));
        QCOMPARE(pageKeys().size(), int(PageId::PageCount));
    }
    void retranslateAnnouncesAllRows()
    {
        NavigationModel model;
        QSignalSpy spy(&model, &QAbstractItemModel::dataChanged);
        model.retranslate();
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(spy.at(0).at(1).toModelIndex().row(), int(PageId::PageCount) - 1);
    }
};

QTEST_GUILESS_MAIN(tst_NavigationModel)
#include "tst_navigationmodel.moc"
