#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;

namespace Meshdeck {

class Preferences;

// Preferences that apply at once: language, appearance, start-up page; and where Meshdeck keeps
// its settings and data.
class SettingsPage : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsPage(Preferences *preferences, QWidget *parent = nullptr);

    // Language codes with a translation compiled in, plus "en"; sorted.
    [[nodiscard]] static QStringList availableLanguages();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void syncFromPreferences();

    Preferences *m_preferences;
    QLabel *m_heading = nullptr;
    QLabel *m_appearanceHeading = nullptr;
    QLabel *m_languageLabel = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_themeLabel = nullptr;
    QComboBox *m_theme = nullptr;
    QLabel *m_startupHeading = nullptr;
    QCheckBox *m_restoreLastPage = nullptr;
    QLabel *m_storageHeading = nullptr;
    QLabel *m_settingsFileLabel = nullptr;
    QLabel *m_settingsFile = nullptr;
    QLabel *m_dataFolderLabel = nullptr;
    QLabel *m_dataFolder = nullptr;
    QPushButton *m_openDataFolder = nullptr;
};

} // namespace Meshdeck
