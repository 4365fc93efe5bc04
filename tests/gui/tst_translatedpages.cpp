// Every page, in German and in Spanish, at 1280x800 against the demo cluster: no button, check
// box, label, combo box or tab shows its text cut off or elided. Translations run longer than
// English (German by a third), so this is where layouts break first.
#include "support/sampleruns.h"

#include <app/languagemanager.h>
#include <app/mainwindow.h>
#include <models/connectionstate.h>
#include <models/preferences.h>
#include <store/resultstore.h>
#include <views/resultspage.h>

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace Meshdeck;

namespace {

QString shown(QString text)
{
    // What a mnemonic-bearing text draws: "&&" is one ampersand, a single "&" marks a letter.
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    return text;
}

QString describe(const QWidget *w, const QString &text, int need)
{
    return QStringLiteral("%1 \"%2\" needs %3 px, has %4")
        .arg(QString::fromLatin1(w->metaObject()->className()), text)
        .arg(need)
        .arg(w->width());
}

// The widgets under root whose text does not fit in the width they were given.
QStringList clipped(QWidget *root)
{
    QStringList problems;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!w->isVisible() || w->width() <= 0)
            continue;
        if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            if (button->text().isEmpty() || !button->isVisibleTo(root))
                continue;
            if (!qobject_cast<QPushButton *>(w) && !qobject_cast<QCheckBox *>(w)
                && !qobject_cast<QRadioButton *>(w))
                continue;
            const int need = button->sizeHint().width();
            if (need > button->width() + 1)
                problems << describe(w, shown(button->text()), need);
        } else if (auto *label = qobject_cast<QLabel *>(w)) {
            // Wrapping labels reflow; labels that elide on purpose (whole text in the tooltip)
            // take whatever width they are given.
            if (label->text().isEmpty() || label->wordWrap()
                || label->sizePolicy().horizontalPolicy() == QSizePolicy::Ignored)
                continue;
            const int need = label->sizeHint().width();
            if (need > label->width() + 1) {
                QTextDocument doc;
                doc.setHtml(label->text());
                problems << describe(w,
                                     Qt::mightBeRichText(label->text()) ? doc.toPlainText()
                                                                        : shown(label->text()),
                                     need);
            }
        } else if (auto *combo = qobject_cast<QComboBox *>(w)) {
            if (combo->isEditable() || combo->currentText().isEmpty())
                continue;
            const int icon = combo->itemIcon(combo->currentIndex()).isNull()
                ? 0
                : combo->iconSize().width() + 4;
            // The style's own measure of a combo showing this text (frame, arrow, margins).
            QStyleOptionComboBox option;
            option.initFrom(combo);
            const QSize text(combo->fontMetrics().horizontalAdvance(combo->currentText()) + icon,
                             combo->fontMetrics().height());
            const int need = combo->style()
                                 ->sizeFromContents(QStyle::CT_ComboBox, &option, text, combo)
                                 .width();
            if (need > combo->width() + 3) // the style's measure is a pixel or two generous
                problems << describe(w, combo->currentText(), need);
        } else if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                if (!tabs->isTabVisible(i))
                    continue;
                const QString text = shown(tabs->tabText(i));
                const int need = tabs->fontMetrics().horizontalAdvance(text) + 12;
                if (need > tabs->tabRect(i).width() + 1)
                    problems << QStringLiteral("tab \"%1\" needs %2 px, has %3")
                                    .arg(text)
                                    .arg(need)
                                    .arg(tabs->tabRect(i).width());
            }
        }
    }
    return problems;
}

} // namespace

class tst_TranslatedPages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nothingIsCutOff_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("es") << QStringLiteral("es");
    }

    void nothingIsCutOff()
    {
        QFETCH(QString, language);
        QTemporaryDir dir;
        Preferences prefs(dir.filePath(QStringLiteral("p.ini")));
        LanguageManager languages;
        QCOMPARE(languages.apply(language), language);
        // Two runs in the results database, so that Results shows its list and a comparison.
        const QString db = dir.filePath(QStringLiteral("results.sqlite"));
        {
            auto store = ResultStore::open(db);
            QVERIFY(store);
            QVERIFY((*store)
                        ->saveRun(TestSupport::sampleRun(QStringLiteral("direct"), 4.8, 20000, 1,
                                                         QStringLiteral("none")),
                                  QStringLiteral("bookinfo"))
                        .ok());
            QVERIFY((*store)
                        ->saveRun(TestSupport::sampleRun(QStringLiteral("istio"), 5.6, 20000, 2,
                                                         QStringLiteral("istio")),
                                  QStringLiteral("bookinfo"))
                        .ok());
        }
        MainWindow window(&prefs);
        window.setPersistState(false);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.openResults(db);
        window.startClusters({}, {}, true);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.connectionState()->state() == ConnectionState::State::Connected, 20000);

        QStringList problems;
        const auto check = [&](const QString &where, QWidget *widget) {
            for (const QString &p : clipped(widget))
                problems << QStringLiteral("%1/%2: %3").arg(language, where, p);
        };
        for (int i = 0; i < int(PageId::PageCount); ++i) {
            const PageId page = PageId(i);
            window.setCurrentPage(page);
            QWidget *widget = window.pageWidget(page);
            // Each page with its content: the demo's graph, detected meshes, the runs.
            QTest::qWait(page == PageId::Topology || page == PageId::Lifecycle ? 4000 : 500);
            check(pageKey(page), widget);
            if (page == PageId::Results) {
                auto *results = widget->findChild<ResultsPage *>();
                if (!results)
                    results = qobject_cast<ResultsPage *>(widget);
                QVERIFY(results);
                QSignalSpy ready(results, &ResultsPage::comparisonReady);
                const auto store = ResultStore::open(db, ResultStore::Mode::ReadOnly);
                QVERIFY(store);
                QStringList ids;
                const QList<RunSummary> runs = (*store)->listRuns({}).value();
                for (const RunSummary &run : runs)
                    ids << run.id;
                QCOMPARE(ids.size(), 2);
                results->compare(ids);
                QVERIFY(ready.wait(10000));
                QTest::qWait(200);
                check(QStringLiteral("comparison"), widget);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(tst_TranslatedPages)
#include "tst_translatedpages.moc"
