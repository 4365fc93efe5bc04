// What the comparison charts draw from a run's resource samples: a role's containers summed per
// sampling instant, on the measured part of the run, warm-up left out.
#include <models/comparisondata.h>

#include <QLocale>
#include <QTest>

using namespace Meshdeck;

class tst_ComparisonData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void containersAreSummedPerInstant()
    {
        Perf::ResourceUsage usage;
        usage.source = QStringLiteral("prometheus");
        usage.windowStart = 2; // two seconds of warm-up
        usage.windowEnd = 8;
        const auto series
            = [](const QString &pod, Perf::ResourceRole role, QList<Perf::ResourcePoint> points) {
                  Perf::ResourceSeries s;
                  s.ns = QStringLiteral("bookinfo");
                  s.pod = pod;
                  s.container = role == Perf::ResourceRole::Sidecar ? QStringLiteral("istio-proxy")
                                                                    : QStringLiteral("app");
                  s.role = role;
                  s.points = points;
                  return s;
              };
        // Two proxies scraped 0.2 s apart; the first point lies in the warm-up.
        usage.series << series(QStringLiteral("a"), Perf::ResourceRole::Sidecar,
                               {{1.0, 0.5, 1 << 20}, {4.0, 0.10, 2 << 20}, {6.0, 0.12, 2 << 20}})
                     << series(QStringLiteral("b"), Perf::ResourceRole::Sidecar,
                               {{4.2, 0.05, 1 << 20}, {6.2, 0.06, 1 << 20}})
                     << series(QStringLiteral("c"), Perf::ResourceRole::Application,
                               {{4.1, 0.3, 4 << 20}});
        const QList<QPointF> cpu
            = ComparisonData::overTime(usage, Perf::ResourceRole::Sidecar, false);
        QCOMPARE(cpu.size(), 2);
        QCOMPARE(cpu.at(0).x(), 2.0);
        QVERIFY(qAbs(cpu.at(0).y() - 150.0) < 1e-9); // 100 m + 50 m
        QCOMPARE(cpu.at(1).x(), 4.0);
        QVERIFY(qAbs(cpu.at(1).y() - 180.0) < 1e-9);
        const QList<QPointF> memory
            = ComparisonData::overTime(usage, Perf::ResourceRole::Sidecar, true);
        QCOMPARE(memory.at(0).y(), 3.0); // MiB
        QCOMPARE(ComparisonData::overTime(usage, Perf::ResourceRole::Application, false).size(), 1);
        QVERIFY(ComparisonData::overTime(usage, Perf::ResourceRole::ControlPlane, false).isEmpty());
    }

    void runsWithoutSamplesSayWhy()
    {
        Perf::RunResult measured, unmeasured;
        measured.name = QStringLiteral("mesh");
        unmeasured.name = QStringLiteral("laptop");
        for (Perf::RunResult *r : {&measured, &unmeasured})
            r->report.corrected.record(5'000'000);
        measured.resources.source = QStringLiteral("metrics-api");
        measured.resources.windowEnd = 10;
        Perf::ResourceSeries s;
        s.pod = QStringLiteral("p");
        s.container = QStringLiteral("istio-proxy");
        s.role = Perf::ResourceRole::Sidecar;
        s.points = {{3, 0.2, 1 << 20}};
        measured.resources.series << s;
        unmeasured.resources.unavailableReason = QStringLiteral("no Prometheus, no metrics API");
        const ComparisonData data = ComparisonData::build({measured, unmeasured});
        QVERIFY(data.resources);
        QVERIFY(data.runs.at(0).resourcesNote.isEmpty());
        QCOMPARE(data.runs.at(1).resourcesNote, QStringLiteral("no Prometheus, no metrics API"));
    }

    // What makes a comparison mislead is said, and the runs concerned are marked.
    void misleadingComparisonsAreSaid()
    {
        const auto run = [](const char *name, double requested, double achieved) {
            Perf::RunResult r;
            r.name = QString::fromLatin1(name);
            r.report.corrected.record(2'000'000);
            r.report.requestedRate = requested;
            r.report.achievedRate = achieved;
            return r;
        };
        // Two constant-rate runs that kept up: nothing to say.
        const ComparisonData clean
            = ComparisonData::build({run("a", 1000, 999), run("b", 1000, 960)});
        QVERIFY2(ComparisonData::warningsFor(clean.runs).isEmpty(),
                 qPrintable(ComparisonData::warningsFor(clean.runs).join(QLatin1Char('\n'))));
        QCOMPARE(clean.runs.at(1).label, QStringLiteral("b"));

        Perf::RunResult h2 = run("h2", 1000, 700); // missed its rate, and another protocol
        h2.spec.protocol = Perf::LoadSpec::Protocol::Http2;
        h2.spec.streams = 10;
        const ComparisonData mixed
            = ComparisonData::build({run("paced", 1000, 1000), run("max", 0, 25'000), h2});
        QVERIFY(!mixed.runs.at(0).missedRate);
        QVERIFY(!mixed.runs.at(1).missedRate); // closed loop: no rate to miss
        QVERIFY(mixed.runs.at(2).missedRate);
        QCOMPARE(mixed.runs.at(2).label, QStringLiteral("h2 ⚠"));
        const QStringList warnings = ComparisonData::warningsFor(mixed.runs);
        QCOMPARE(warnings.size(), 3);
        QVERIFY2(warnings.at(0).contains(
                     QStringLiteral("h2 (700 of %1 requests/s)").arg(QLocale().toString(1000))),
                 qPrintable(warnings.at(0)));
        QVERIFY(warnings.at(1).contains(QStringLiteral("Closed-loop runs (max)")));
        QVERIFY(warnings.at(2).contains(QStringLiteral("HTTP/1.1, HTTP/2 × 10")));
    }

    // A fortio import keeps fortio's own percentiles; when they differ from the histogram's,
    // the comparison says both.
    void generatorPercentilesBesideOurs()
    {
        Perf::RunResult imported;
        imported.name = QStringLiteral("fortio-run");
        for (int i = 0; i < 100; ++i)
            imported.report.corrected.record((i < 99 ? 5'000'000 : 25'000'000));
        Perf::RunResult agreeing = imported;
        agreeing.name = QStringLiteral("agreeing");
        const ComparisonData first = ComparisonData::build({imported});
        imported.labels.insert(QStringLiteral("fortio.p50"), QStringLiteral("4.78 ms"));
        imported.labels.insert(QStringLiteral("fortio.p99"), QStringLiteral("21.1 ms"));
        agreeing.labels.insert(QStringLiteral("fortio.p50"),
                               QStringLiteral("%1 ms").arg(first.runs[0].p50));
        agreeing.labels.insert(QStringLiteral("fortio.p99"),
                               QStringLiteral("%1 ms").arg(first.runs[0].p99));
        const ComparisonData data = ComparisonData::build({imported, agreeing});
        QCOMPARE(data.runs[0].reportedMs.value(50), 4.78);
        QCOMPARE(data.runs[0].reportedBy, QStringLiteral("fortio"));
        const QStringList warnings = ComparisonData::warningsFor(data.runs);
        QCOMPARE(warnings.size(), 1); // the agreeing run has nothing to say
        QVERIFY2(warnings[0].startsWith(QStringLiteral("fortio-run was imported from fortio, which "
                                                       "reported p50 4.78 ms and p99 21.10 ms")),
                 qPrintable(warnings[0]));
    }
};

QTEST_GUILESS_MAIN(tst_ComparisonData)
#include "tst_comparisondata.moc"
