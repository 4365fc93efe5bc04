#include <demo/apierror.h>
#include <demo/objectstore.h>

#include <QTest>

using namespace Meshdeck::Demo;

namespace {
ResourceType configMaps()
{
    return *ResourceRegistry().find(QString(), QStringLiteral("v1"), QStringLiteral("configmaps"));
}

QJsonObject cm(const QString &ns, const QString &name, const QString &value = QStringLiteral("v"))
{
    return QJsonObject {
        {QStringLiteral("metadata"),
         QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}},
        {QStringLiteral("data"), QJsonObject {{QStringLiteral("k"), value}}}};
}

int code(const std::function<void()> &fn)
{
    try {
        fn();
    } catch (const ApiError &e) {
        return e.code();
    }
    return 0;
}
} // namespace

class tst_DemoStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void crudAndVersions()
    {
        ObjectStore store;
        const ResourceType t = configMaps();
        const QJsonObject created = store.create(t, cm(QStringLiteral("a"), QStringLiteral("x")));
        const QString rv1 = created.value(QStringLiteral("metadata"))
                                .toObject()
                                .value(QStringLiteral("resourceVersion"))
                                .toString();
        QVERIFY(!created.value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("uid"))
                     .toString()
                     .isEmpty());
        QCOMPARE(code([&] { store.create(t, cm(QStringLiteral("a"), QStringLiteral("x"))); }), 409);
        QJsonObject next = created;
        next.insert(QStringLiteral("data"),
                    QJsonObject {{QStringLiteral("k"), QStringLiteral("w")}});
        const QJsonObject updated = store.update(t, next, true);
        QVERIFY(updated.value(QStringLiteral("metadata"))
                    .toObject()
                    .value(QStringLiteral("resourceVersion"))
                    .toString()
                != rv1);
        QCOMPARE(code([&] { store.update(t, next, true); }), 409); // next still carries rv1
        // An update that changes nothing keeps the version.
        const QJsonObject same = store.update(t, updated, true);
        QCOMPARE(same, updated);
        QCOMPARE(code([&] { (void)store.get(t, QStringLiteral("a"), QStringLiteral("nope")); }),
                 404);
        store.remove(t, QStringLiteral("a"), QStringLiteral("x"));
        QCOMPARE(code([&] { store.remove(t, QStringLiteral("a"), QStringLiteral("x")); }), 404);
    }
    void listNamespacesAndPaging()
    {
        ObjectStore store;
        const ResourceType t = configMaps();
        for (int i = 0; i < 7; ++i) {
            store.create(t, cm(QStringLiteral("a"), QStringLiteral("c%1").arg(i)));
            store.create(t, cm(QStringLiteral("b"), QStringLiteral("c%1").arg(i)));
        }
        QCOMPARE(store.list(t, QStringLiteral("a"), {}, {}, 0, {}).items.size(), 7);
        QCOMPARE(store.list(t, QString(), {}, {}, 0, {}).items.size(), 14);
        auto page = store.list(t, QString(), {}, {}, 5, {});
        QCOMPARE(page.items.size(), 5);
        QCOMPARE(page.remainingItemCount, 9);
        int total = int(page.items.size());
        while (!page.continueToken.isEmpty()) {
            page = store.list(t, QString(), {}, {}, 5, page.continueToken);
            total += int(page.items.size());
        }
        QCOMPARE(total, 14);
        page = store.list(t, QString(), {}, {}, 5, {});
        store.compact(0);
        QCOMPARE(code([&] { (void)store.list(t, QString(), {}, {}, 5, page.continueToken); }), 410);
    }
    void watchHistoryAndGone()
    {
        ObjectStore::Options options;
        options.historyLimit = 3;
        ObjectStore store(options);
        const ResourceType t = configMaps();
        const quint64 start = store.resourceVersion();
        store.create(t, cm(QStringLiteral("a"), QStringLiteral("x")));
        store.create(t, cm(QStringLiteral("a"), QStringLiteral("y")));
        std::vector<WatchEventPtr> initial;
        auto w = store.watch(t, QStringLiteral("a"), start, &initial);
        QCOMPARE(initial.size(), size_t(2));
        store.remove(t, QStringLiteral("a"), QStringLiteral("x"));
        bool gone = false;
        auto events = store.next(*w, std::chrono::milliseconds(100), {}, &gone);
        QVERIFY(!gone);
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events.front()->type, WatchEvent::Type::Deleted);
        store.unwatch(w);
        // History holds 3 events; two more push the start out of it.
        store.create(t, cm(QStringLiteral("a"), QStringLiteral("z1")));
        store.create(t, cm(QStringLiteral("a"), QStringLiteral("z2")));
        initial.clear();
        QCOMPARE(code([&] { store.watch(t, QStringLiteral("a"), start, &initial); }), 410);
        // From "now": synthetic ADDED events for what exists.
        initial.clear();
        auto now = store.watch(t, QString(), 0, &initial);
        QCOMPARE(initial.size(), size_t(3));
        store.unwatch(now);
        QCOMPARE(store.watcherCount(), 0);
    }
    void slowWatcherIsDropped()
    {
        ObjectStore::Options options;
        options.historyLimit = 10;
        ObjectStore store(options);
        const ResourceType t = configMaps();
        std::vector<WatchEventPtr> initial;
        auto w = store.watch(t, QString(), 0, &initial);
        for (int i = 0; i < 20; ++i)
            store.create(t, cm(QStringLiteral("a"), QStringLiteral("c%1").arg(i)));
        bool gone = false;
        (void)store.next(*w, std::chrono::milliseconds(10), {}, &gone);
        QVERIFY(gone);
        store.unwatch(w);
    }
    void watcherSeesOnlyItsKindAndNamespace()
    {
        ObjectStore store;
        const ResourceType t = configMaps();
        std::vector<WatchEventPtr> initial;
        auto w = store.watch(t, QStringLiteral("a"), 0, &initial);
        store.create(t, cm(QStringLiteral("b"), QStringLiteral("other")));
        store.create(t, cm(QStringLiteral("a"), QStringLiteral("mine")));
        bool gone = false;
        const auto events = store.next(*w, std::chrono::milliseconds(10), {}, &gone);
        QCOMPARE(events.size(), size_t(1));
        QCOMPARE(events.front()
                     ->object.value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("mine"));
        // Nothing new: waits, then returns nothing.
        QVERIFY(store.next(*w, std::chrono::milliseconds(20), {}, &gone).empty());
        store.unwatch(w);
    }
    void dumpAndRestore()
    {
        ObjectStore store;
        const ResourceType t = configMaps();
        store.create(t, cm(QStringLiteral("a"), QStringLiteral("x"), QStringLiteral("kept")));
        ObjectStore other;
        other.restore(store.dump());
        QCOMPARE(other.get(t, QStringLiteral("a"), QStringLiteral("x"))
                     .value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("k"))
                     .toString(),
                 QStringLiteral("kept"));
        QCOMPARE(other.resourceVersion(), store.resourceVersion());
    }
};

QTEST_GUILESS_MAIN(tst_DemoStore)
#include "tst_demostore.moc"
