#include <views/svgiconengine.h>
#include <views/thememanager.h>

#include <QApplication>
#include <QCheckBox>
#include <QImage>
#include <QRadioButton>
#include <QTest>

using namespace Meshdeck;

namespace {
// The colour of the most common opaque pixel.
QColor inkOf(const QImage &image)
{
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            if (qAlpha(p) == 255)
                ++counts[p & 0xffffff];
        }
    }
    QRgb best = 0;
    int bestCount = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > bestCount) {
            best = it.key();
            bestCount = it.value();
        }
    }
    return QColor(best);
}
} // namespace

class tst_SvgIconEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // In the dark theme an unticked check box and radio button stand out from the base: their
    // edge is clearly lighter than what surrounds them (Fusion's own is nearly black).
    void darkIndicatorsAreVisible()
    {
        ThemeManager themes(qApp);
        themes.apply(ThemeMode::Dark);
        const int base = ThemeManager::darkPalette().color(QPalette::Window).lightness();
        for (QAbstractButton *b : std::initializer_list<QAbstractButton *> {
                 new QCheckBox(QStringLiteral("Idle nodes")),
                 new QRadioButton(QStringLiteral("Constant rate"))}) {
            b->setPalette(ThemeManager::darkPalette());
            b->resize(b->sizeHint());
            const QImage image = b->grab().toImage();
            int lightest = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < 14; ++x) // the indicator, left of the text
                    lightest = std::max(lightest, QColor(image.pixel(x, y)).lightness());
            QVERIFY2(lightest - base > 60,
                     qPrintable(QStringLiteral("%1 vs %2").arg(lightest).arg(base)));
            delete b;
        }
        themes.apply(ThemeMode::Light);
    }
    void everyIconLoads_data()
    {
        QTest::addColumn<QString>("path");
        for (const char *name : {"clusters", "topology", "lifecycle", "performance", "results",
                                 "settings", "io.meshdeck.Meshdeck"})
            QTest::newRow(name) << QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name));
    }
    void everyIconLoads()
    {
        QFETCH(QString, path);
        const QIcon icon = themedIcon(path);
        QVERIFY(!icon.isNull());
        const QImage image = icon.pixmap(QSize(32, 32)).toImage();
        QCOMPARE(image.size(), QSize(32, 32));
        int inked = 0;
        for (int y = 0; y < 32; ++y)
            for (int x = 0; x < 32; ++x)
                inked += qAlpha(image.pixel(x, y)) > 0 ? 1 : 0;
        QVERIFY2(inked > 30, qPrintable(QString::number(inked)));
    }
    void hidpiIsCrisp()
    {
        const QIcon icon = themedIcon(QStringLiteral(":/icons/topology.svg"));
        const QPixmap pm = icon.pixmap(QSize(24, 24), 2.0);
        QCOMPARE(pm.deviceIndependentSize().toSize(), QSize(24, 24));
        QCOMPARE(pm.size(), QSize(48, 48));
    }
    void followsPalette()
    {
        auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
        ThemeManager theme(app);
        const QIcon icon = themedIcon(QStringLiteral(":/icons/results.svg"));
        theme.apply(ThemeMode::Light);
        const QColor light = inkOf(icon.pixmap(QSize(48, 48)).toImage());
        theme.apply(ThemeMode::Dark);
        const QColor dark = inkOf(icon.pixmap(QSize(48, 48)).toImage());
        QVERIFY(ThemeManager::isDark(QApplication::palette()));
        QVERIFY2(light.lightness() < 100, qPrintable(light.name()));
        QVERIFY2(dark.lightness() > 150, qPrintable(dark.name()));
        theme.apply(ThemeMode::System);
        QVERIFY(!ThemeManager::isDark(QApplication::palette()));
    }
};

QTEST_MAIN(tst_SvgIconEngine)
#include "tst_svgiconengine.moc"
