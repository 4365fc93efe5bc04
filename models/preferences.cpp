#include "preferences.h"

#include <QSettings>

namespace Meshdeck {

namespace {
const QString kLanguage = QStringLiteral("ui/language");
const QString kTheme = QStringLiteral("ui/theme");
const QString kRestoreLastPage = QStringLiteral("ui/restoreLastPage");
const QString kLastPage = QStringLiteral("ui/lastPage");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kContext = QStringLiteral("clusters/lastContext");
const QString kState = QStringLiteral("window/state");
} // namespace

Preferences::Preferences(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>())
{
}

Preferences::Preferences(const QString &iniFile, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
}

Preferences::~Preferences() = default;

QString Preferences::language() const
{
    return m_settings->value(kLanguage).toString();
}

void Preferences::setLanguage(const QString &code)
{
    if (code == language())
        return;
    m_settings->setValue(kLanguage, code);
    emit languageChanged(code);
}

ThemeMode Preferences::theme() const
{
    return themeFromKey(m_settings->value(kTheme).toString());
}

void Preferences::setTheme(ThemeMode mode)
{
    if (mode == theme())
        return;
    m_settings->setValue(kTheme, themeKey(mode));
    emit themeChanged(mode);
}

bool Preferences::restoreLastPage() const
{
    return m_settings->value(kRestoreLastPage, true).toBool();
}

void Preferences::setRestoreLastPage(bool on)
{
    if (on == restoreLastPage())
        return;
    m_settings->setValue(kRestoreLastPage, on);
    emit restoreLastPageChanged(on);
}

PageId Preferences::lastPage() const
{
    return pageFromKey(m_settings->value(kLastPage).toString()).value_or(PageId::Clusters);
}

void Preferences::setLastPage(PageId page)
{
    m_settings->setValue(kLastPage, pageKey(page));
}

QString Preferences::lastContext() const
{
    return m_settings->value(kContext).toString();
}

void Preferences::setLastContext(const QString &context)
{
    m_settings->setValue(kContext, context);
}

QByteArray Preferences::windowGeometry() const
{
    return m_settings->value(kGeometry).toByteArray();
}

void Preferences::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(kGeometry, geometry);
}

QByteArray Preferences::windowState() const
{
    return m_settings->value(kState).toByteArray();
}

void Preferences::setWindowState(const QByteArray &state)
{
    m_settings->setValue(kState, state);
}

QString Preferences::fileName() const
{
    return m_settings->fileName();
}

void Preferences::sync()
{
    m_settings->sync();
}

QString Preferences::themeKey(ThemeMode mode)
{
    switch (mode) {
    case ThemeMode::Light:
        return QStringLiteral("light");
    case ThemeMode::Dark:
        return QStringLiteral("dark");
    case ThemeMode::System:
        break;
    }
    return QStringLiteral("system");
}

ThemeMode Preferences::themeFromKey(const QString &key)
{
    if (key == QLatin1String("light"))
        return ThemeMode::Light;
    if (key == QLatin1String("dark"))
        return ThemeMode::Dark;
    return ThemeMode::System;
}

} // namespace Meshdeck
