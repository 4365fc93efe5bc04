// Figures of the configuration checks (issue "Traffic management and configuration checks"):
// every check over 5,000 services, 10,000 pods and 10,000 routing objects (a VirtualService and a
// DestinationRule per service, 1 % of them wrong), against the budget of 200 ms and against the
// peer every client pays before any check, decoding the same objects from their JSON LIST bodies
// (QJsonDocument, one thread), measured in the same run. The checks use two threads.
#include "benchsupport.h"

#include <mesh/configchecks.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Meshdeck;
using namespace Meshdeck::Mesh;

namespace {

QJsonObject meta(const QString &ns, const QString &name, const QJsonObject &labels = {})
{
    QJsonObject m {{"namespace", ns}, {"name", name}};
    if (!labels.isEmpty())
        m.insert(QStringLiteral("labels"), labels);
    return m;
}

ConfigObjects synthetic(int services)
{
    ConfigObjects o;
    o.istioServed = true;
    const int perNamespace = 50;
    for (int i = 0; i < services; ++i) {
        const QString ns = QStringLiteral("team-%1").arg(i / perNamespace);
        const QString app = QStringLiteral("svc-%1").arg(i);
        if (i % perNamespace == 0)
            o.namespaces.append(
                QJsonObject {{"metadata", meta(ns, ns, {{"istio-injection", "enabled"}})}});
        o.services.append(
            QJsonObject {{"metadata", meta(ns, app)},
                         {"spec",
                          QJsonObject {{"selector", QJsonObject {{"app", app}}},
                                       {"ports", QJsonArray {QJsonObject {{"port", 8080}}}}}}});
        for (const char *version : {"v1", "v2"}) {
            o.pods.append(
                QJsonObject {{"metadata",
                              meta(ns, app + QLatin1Char('-') + QLatin1String(version),
                                   {{"app", app}, {"version", version}})},
                             {"spec",
                              QJsonObject {{"containers",
                                            QJsonArray {QJsonObject {{"name", "app"}},
                                                        QJsonObject {{"name", "istio-proxy"}}}}}},
                             {"status", QJsonObject {{"phase", "Running"}}}});
        }
        const bool wrong = i % 100 == 7; // 1 %: a subset nobody defined
        o.virtualServices.append(QJsonObject {
            {"metadata", meta(ns, app)},
            {"spec",
             QJsonObject {
                 {"hosts", QJsonArray {app}},
                 {"http",
                  QJsonArray {QJsonObject {
                      {"route",
                       QJsonArray {QJsonObject {{"destination",
                                                 QJsonObject {{"host", app}, {"subset", "v1"}}},
                                                {"weight", 90}},
                                   QJsonObject {{"destination",
                                                 QJsonObject {{"host", app},
                                                              {"subset", wrong ? "v3" : "v2"}}},
                                                {"weight", 10}}}}}}}}}});
        o.destinationRules.append(QJsonObject {
            {"metadata", meta(ns, app)},
            {"spec",
             QJsonObject {
                 {"host", QStringLiteral("%1.%2.svc.cluster.local").arg(app, ns)},
                 {"subsets",
                  QJsonArray {
                      QJsonObject {{"name", "v1"}, {"labels", QJsonObject {{"version", "v1"}}}},
                      QJsonObject {{"name", "v2"},
                                   {"labels", QJsonObject {{"version", "v2"}}}}}}}}});
    }
    return o;
}

QByteArray listBody(const QList<QJsonObject> &items)
{
    QJsonArray array;
    for (const QJsonObject &o : items)
        array.append(o);
    return QJsonDocument(QJsonObject {{"kind", "List"}, {"items", array}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class bench_ConfigChecks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checksAgainstDecoding()
    {
        const ConfigObjects objects = synthetic(5000);
        QCOMPARE(objects.routingObjectCount(), 10000);
        const QList<QByteArray> bodies {listBody(objects.namespaces), listBody(objects.services),
                                        listBody(objects.pods), listBody(objects.virtualServices),
                                        listBody(objects.destinationRules)};
        qint64 bytes = 0;
        for (const QByteArray &b : bodies)
            bytes += b.size();
        int findings = 0;
        const auto checks = [&] {
            QElapsedTimer clock;
            clock.start();
            findings = int(ConfigChecks::run(objects).size());
            return clock.nsecsElapsed() / 1e6;
        };
        const auto decode = [&] {
            QElapsedTimer clock;
            clock.start();
            qsizetype items = 0;
            for (const QByteArray &b : bodies)
                items += QJsonDocument::fromJson(b)
                             .object()
                             .value(QLatin1String("items"))
                             .toArray()
                             .size();
            if (items == 0)
                qFatal("nothing decoded");
            return clock.nsecsElapsed() / 1e6;
        };
        const auto [ours, peer] = Bench::alternate<double>(5, checks, decode);
        const double checksMs = Bench::median(ours);
        const double decodeMs = Bench::median(peer);
        QCOMPARE(findings, 50); // the 1 % planted, no more
        std::printf("configuration checks: 5,000 services, 10,000 pods, 10,000 routing objects "
                    "(%.1f MB of JSON), %d findings\n",
                    bytes / 1e6, findings);
        std::printf("  checks: %.1f ms (budget 200 ms: %s, %.2f of it)\n", checksMs,
                    checksMs < 200 ? "met" : "NOT MET", checksMs / 200);
        std::printf("  peer, decoding the same objects' LIST bodies (QJsonDocument): %.1f ms\n",
                    decodeMs);
        std::printf("  ratio checks / decoding: %.2f\n", checksMs / decodeMs);
    }
};

QTEST_GUILESS_MAIN(bench_ConfigChecks)
#include "bench_configchecks.moc"
