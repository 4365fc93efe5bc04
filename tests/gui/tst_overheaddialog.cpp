// Performance → Measure Mesh Overhead… as a user drives it against the demo: the targets come
// prefilled, bad input is refused in place, the experiment runs without stalling the GUI, and
// the report shows measured CPU and exports to HTML.
#include "support/stallprobe.h"

#include <demo/bookinfotraffic.h>
#include <demo/democluster.h>
#include <kube/clustersession.h>
#include <kube/kubeconfig.h>
#include <models/overheadcontroller.h>
#include <models/resultscontroller.h>
#include <models/runcontroller.h>
#include <models/runstablemodel.h>
#include <store/resultstore.h>
#include <views/overheaddialog.h>
#include <views/overheadreportview.h>
#include <views/performancepage.h>
#include <views/resultspage.h>

#include <QTableView>
#include <views/thememanager.h>

#include <QTranslator>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Meshdeck;

class tst_OverheadDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void measureOverheadOnTheDemo()
    {
        Demo::DemoCluster cluster;
        QVERIFY(cluster.start().ok());
        QVERIFY(cluster.waitUntilSettled(20000));
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("overhead.sqlite"));
        QVERIFY(cluster.writeKubeconfig(dir.filePath(QStringLiteral("kc"))).ok());
        auto session = std::make_shared<Kube::ClusterSession>(
            Kube::Kubeconfig::load(dir.filePath(QStringLiteral("kc")))
                ->resolve(QStringLiteral("meshdeck-demo"))
                .value());
        RunController runs;
        OverheadController overhead;
        overhead.setStorePath(db);
        overhead.setSession(session);
        ResultsController files;
        PerformancePage perf(&runs);
        perf.setOverheadController(&overhead);
        perf.setResultsController(&files);
        perf.setSuggestedTargets(
            {{QStringLiteral("demo Bookinfo productpage"), cluster.bookinfo()->productpageUrl()},
             {QStringLiteral("demo Bookinfo productpage through sidecars"),
              cluster.bookinfo()->productpageMeshUrl()}});
        perf.resize(1280, 800);
        perf.show();
        QVERIFY(QTest::qWaitForWindowExposed(&perf));
        auto *button = perf.findChild<QPushButton *>(QStringLiteral("measureOverhead"));
        QVERIFY(button && button->isVisible());
        OverheadDialog *dialog = perf.openOverheadDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const auto boxes = dialog->findChildren<QComboBox *>();
        QCOMPARE(boxes.size(), 2);
        QCOMPARE(boxes.at(0)->currentText(), cluster.bookinfo()->productpageUrl());
        QCOMPARE(boxes.at(1)->currentText(), cluster.bookinfo()->productpageMeshUrl());
        const auto edits = dialog->findChildren<QLineEdit *>();
        QLineEdit *ns = nullptr;
        QLineEdit *rates = nullptr;
        for (QLineEdit *e : edits) {
            if (e->text() == QLatin1String("bookinfo"))
                ns = e;
            if (e->text().contains(QLatin1Char(',')))
                rates = e;
        }
        QVERIFY(ns && rates);

        // Bad input is said in place and starts nothing.
        rates->setText(QStringLiteral("100, fast"));
        dialog->start();
        QVERIFY(dialog->statusLabel()->text().contains(QStringLiteral("fast")));
        QVERIFY(!overhead.isRunning());

        rates->setText(QStringLiteral("100, 300"));
        dialog->findChild<QSpinBox *>()->setValue(1); // repetitions
        for (QDoubleSpinBox *s : dialog->findChildren<QDoubleSpinBox *>())
            s->setValue(s->value() > 5 ? 3 : 1); // duration 3 s, warm-up 1 s
        QSignalSpy finished(&overhead, &OverheadController::finished);
        StallProbe probe;
        qint64 worst = 0; // while the runs go on; the report's first paint is measured apart
        connect(&overhead, &OverheadController::runFinished, this,
                [&] { worst = probe.worstSoFar(); });
        probe.start();
        dialog->start();
        QVERIFY(overhead.isRunning());
        QVERIFY(finished.wait(90000));
        const qint64 withReport = probe.stop();
        qInfo("longest GUI stall during the experiment: %lld ms; with the report's first "
              "display (charts): %lld ms",
              worst, withReport);
        QVERIFY2(worst < 100, "the experiment runs off the GUI thread");
        QVERIFY2(withReport < 400, qPrintable(QString::number(withReport)));
        QVERIFY2(finished.first().at(1).toString().isEmpty(),
                 qPrintable(finished.first().at(1).toString()));
        QTableWidget *table = dialog->reportView()->table();
        QTRY_VERIFY(dialog->reportView()->isVisible());
        QCOMPARE(table->rowCount(), 2);
        QVERIFY(table->item(0, 6)->text() != QLatin1String("n/a")); // proxy vCPU measured
        QVERIFY(dialog->statusLabel()->text().contains(QStringLiteral("Results")));
        auto store = ResultStore::open(db).value();
        QCOMPARE(store->countRuns().value(), 4);

        // Results: any run of the experiment brings its report back.
        ResultsController controller;
        controller.setStore(store.get(), db, QString());
        ResultsPage results(&controller);
        results.resize(1200, 800);
        results.show();
        QTRY_COMPARE(results.model()->rowCount(), 4);
        results.table()->selectRow(1);
        QSignalSpy ready(&results, &ResultsPage::overheadReportReady);
        results.showOverheadReport({results.model()->runId(1)});
        QVERIFY(ready.wait(10000));
        QCOMPARE(results.overheadView()->table()->rowCount(), 2);
        if (const QString shots = qEnvironmentVariable("MESHDECK_TEST_SHOTS"); !shots.isEmpty())
            results.grab().save(shots + QStringLiteral("/results-overhead.png"));

        const QString shots = qEnvironmentVariable("MESHDECK_TEST_SHOTS");
        if (!shots.isEmpty()) {
            dialog->grab().save(shots + QStringLiteral("/overhead-dialog.png"));
            // German and dark, to look at (the translation file is the app's).
            QTranslator german;
            if (german.load(QCoreApplication::applicationDirPath()
                            + QStringLiteral("/../../app/meshdeck_de.qm")))
                QCoreApplication::installTranslator(&german);
            const QPalette light = QApplication::palette();
            QApplication::setPalette(ThemeManager::darkPalette());
            QTest::qWait(200);
            dialog->grab().save(shots + QStringLiteral("/overhead-dialog-de-dark.png"));
            QCoreApplication::removeTranslator(&german);
            QApplication::setPalette(light);
        }
        const QString html = dir.filePath(QStringLiteral("report.html"));
        QString problem = QStringLiteral("pending");
        dialog->reportView()->exportTo(html, [&](const QString &p) { problem = p; });
        QTRY_VERIFY(problem != QLatin1String("pending"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QFile file(html);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("<svg"));
    }

    // The load from worker pods: the baseline's outside the mesh, the mesh arm's inside it,
    // both naming productpage's Service; the workers' CPU is measured beside the proxies'.
    void inClusterArms()
    {
        qputenv("MESHDECK_LOADGEN_BINARY", MESHDECK_LOADGEN_BINARY);
        Demo::DemoCluster cluster;
        QVERIFY(cluster.start().ok());
        QVERIFY(cluster.waitUntilSettled(20000));
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("overhead.sqlite"));
        QVERIFY(cluster.writeKubeconfig(dir.filePath(QStringLiteral("kc"))).ok());
        auto session = std::make_shared<Kube::ClusterSession>(
            Kube::Kubeconfig::load(dir.filePath(QStringLiteral("kc")))
                ->resolve(QStringLiteral("meshdeck-demo"))
                .value());
        OverheadController overhead;
        overhead.setStorePath(db);
        OverheadDialog dialog(&overhead);
        dialog.setTargets(
            {{QStringLiteral("demo Bookinfo productpage"), cluster.bookinfo()->productpageUrl()},
             {QStringLiteral("demo Bookinfo productpage through sidecars"),
              cluster.bookinfo()->productpageMeshUrl()}});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const auto boxes = dialog.findChildren<QComboBox *>();
        dialog.inClusterBox()->setChecked(true);
        const QString service = QStringLiteral("http://productpage.bookinfo:9080/productpage");
        QCOMPARE(boxes.at(0)->currentText(), service);
        QCOMPARE(boxes.at(1)->currentText(), service);

        // One namespace before and after injection: one target, the namespace required.
        dialog.beforeAfterBox()->setChecked(true);
        QVERIFY(!boxes.at(0)->isEnabled());
        QLineEdit *nsEdit = nullptr;
        for (QLineEdit *e : dialog.findChildren<QLineEdit *>())
            if (e->text() == QLatin1String("bookinfo"))
                nsEdit = e;
        QVERIFY(nsEdit);
        nsEdit->clear();
        dialog.start();
        QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("namespace")),
                 qPrintable(dialog.statusLabel()->text()));
        nsEdit->setText(QStringLiteral("bookinfo"));
        dialog.beforeAfterBox()->setChecked(false);
        QVERIFY(boxes.at(0)->isEnabled());

        // Without a cluster it is refused in place.
        dialog.start();
        QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("connected cluster")),
                 qPrintable(dialog.statusLabel()->text()));
        QVERIFY(!overhead.isRunning());

        overhead.setSession(session);
        for (QLineEdit *e : dialog.findChildren<QLineEdit *>()) {
            if (e->text().contains(QLatin1Char(',')))
                e->setText(QStringLiteral("200"));
        }
        dialog.findChild<QSpinBox *>()->setValue(1); // repetitions
        for (QDoubleSpinBox *s : dialog.findChildren<QDoubleSpinBox *>())
            s->setValue(s->value() > 5 ? 3 : 1); // duration 3 s, warm-up 1 s
        QSignalSpy finished(&overhead, &OverheadController::finished);
        dialog.start();
        QVERIFY(overhead.isRunning());
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.first().at(1).toString().isEmpty(),
                 qPrintable(finished.first().at(1).toString()));
        QTRY_VERIFY(dialog.reportView()->isVisible());
        QCOMPARE(dialog.reportView()->table()->rowCount(), 1);
        auto store = ResultStore::open(db).value();
        const auto stored = store->listRuns({}).value();
        QCOMPARE(stored.size(), 2);
        QSet<QString> placed;
        for (const auto &summary : stored) {
            const auto run = store->loadRun(summary.id).value();
            QCOMPARE(run.labels.value(QStringLiteral("load.from")), QStringLiteral("cluster"));
            placed << run.labels.value(QStringLiteral("arm")) + QLatin1Char('/')
                    + run.labels.value(QStringLiteral("load.mesh"));
            QVERIFY(run.resources.usage(Perf::ResourceRole::LoadGenerator).measured);
        }
        QCOMPARE(
            placed,
            (QSet<QString> {QStringLiteral("baseline/outside"), QStringLiteral("mesh/inside")}));
        if (const QString shots = qEnvironmentVariable("MESHDECK_TEST_SHOTS"); !shots.isEmpty())
            dialog.grab().save(shots + QStringLiteral("/overhead-dialog-incluster.png"));
    }
};

QTEST_MAIN(tst_OverheadDialog)
#include "tst_overheaddialog.moc"
