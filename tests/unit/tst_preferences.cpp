#include <models/preferences.h>

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Meshdeck;

class tst_Preferences : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults()
    {
        QTemporaryDir dir;
        Preferences prefs(dir.filePath(QStringLiteral("p.ini")));
        QCOMPARE(prefs.language(), QString());
        QCOMPARE(prefs.theme(), ThemeMode::System);
        QVERIFY(prefs.restoreLastPage());
        QCOMPARE(prefs.lastPage(), PageId::Clusters);
        QVERIFY(prefs.windowGeometry().isEmpty());
    }
    void persistsAcrossInstances()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("p.ini"));
        {
            Preferences prefs(file);
            prefs.setLanguage(QStringLiteral("de"));
            prefs.setTheme(ThemeMode::Dark);
            prefs.setRestoreLastPage(false);
            prefs.setLastPage(PageId::Results);
            prefs.setWindowGeometry(QByteArray("geom"));
            prefs.setLastContext(QStringLiteral("prod-eu"));
            prefs.sync();
        }
        Preferences again(file);
        QCOMPARE(again.language(), QStringLiteral("de"));
        QCOMPARE(again.theme(), ThemeMode::Dark);
        QVERIFY(!again.restoreLastPage());
        QCOMPARE(again.lastPage(), PageId::Results);
        QCOMPARE(again.windowGeometry(), QByteArray("geom"));
        QCOMPARE(again.lastContext(), QStringLiteral("prod-eu"));
    }
    void signalsOnlyOnChange()
    {
        QTemporaryDir dir;
        Preferences prefs(dir.filePath(QStringLiteral("p.ini")));
        QSignalSpy language(&prefs, &Preferences::languageChanged);
        QSignalSpy theme(&prefs, &Preferences::themeChanged);
        prefs.setLanguage(QStringLiteral("es"));
        prefs.setLanguage(QStringLiteral("es"));
        prefs.setTheme(ThemeMode::Light);
        prefs.setTheme(ThemeMode::Light);
        QCOMPARE(language.count(), 1);
        QCOMPARE(language.at(0).at(0).toString(), QStringLiteral("es"));
        QCOMPARE(theme.count(), 1);
    }
    void corruptValuesFallBack()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("p.ini"));
        {
            QSettings s(file, QSettings::IniFormat);
            s.setValue(QStringLiteral("ui/theme"), QStringLiteral("purple"));
            s.setValue(QStringLiteral("ui/lastPage"), QStringLiteral("nowhere"));
        }
        Preferences prefs(file);
        QCOMPARE(prefs.theme(), ThemeMode::System);
        QCOMPARE(prefs.lastPage(), PageId::Clusters);
    }
};

QTEST_GUILESS_MAIN(tst_Preferences)
#include "tst_preferences.moc"
