#pragma once

#include "pageid.h"

#include <QObject>
#include <QString>

#include <memory>

class QSettings;

namespace Meshdeck {

enum class ThemeMode { System, Light, Dark };

// Typed access to the user's preferences, kept in QSettings. Setters persist at once and emit a
// change signal only when the value really changed. Construct with a file path to use an isolated
// INI file (tests, --screenshot); the default uses the platform's standard location.
class Preferences : public QObject
{
    Q_OBJECT

public:
    explicit Preferences(QObject *parent = nullptr);
    explicit Preferences(const QString &iniFile, QObject *parent = nullptr);
    ~Preferences() override;

    // "" follows the system locale; otherwise a language code such as "de" or "es".
    [[nodiscard]] QString language() const;
    void setLanguage(const QString &code);

    [[nodiscard]] ThemeMode theme() const;
    void setTheme(ThemeMode mode);

    [[nodiscard]] bool restoreLastPage() const;
    void setRestoreLastPage(bool on);

    [[nodiscard]] PageId lastPage() const;
    void setLastPage(PageId page);

    // The kubeconfig context chosen last (Clusters page).
    [[nodiscard]] QString lastContext() const;
    void setLastContext(const QString &context);

    [[nodiscard]] QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    [[nodiscard]] QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    [[nodiscard]] QString fileName() const;
    void sync();

    static QString themeKey(ThemeMode mode);
    static ThemeMode themeFromKey(const QString &key);

Q_SIGNALS:
    void languageChanged(const QString &code);
    void themeChanged(Meshdeck::ThemeMode mode);
    void restoreLastPageChanged(bool on);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace Meshdeck
