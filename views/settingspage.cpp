#include "settingspage.h"

#include <models/preferences.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>

namespace Meshdeck {

namespace {
QLabel *sectionHeading(QWidget *parent)
{
    auto *label = new QLabel(parent);
    QFont f = label->font();
    f.setWeight(QFont::DemiBold);
    f.setPointSizeF(f.pointSizeF() * 1.1);
    label->setFont(f);
    label->setContentsMargins(0, 12, 0, 2);
    return label;
}

QLabel *pathLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString dataFolderPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}
} // namespace

SettingsPage::SettingsPage(Preferences *preferences, QWidget *parent)
    : QWidget(parent)
    , m_preferences(preferences)
{
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    auto *content = new QWidget(scroll);
    content->setMaximumWidth(720);
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(32, 24, 32, 24);
    column->setSpacing(6);

    m_heading = new QLabel(content);
    QFont hf = m_heading->font();
    hf.setPointSizeF(hf.pointSizeF() * 1.6);
    hf.setWeight(QFont::DemiBold);
    m_heading->setFont(hf);
    column->addWidget(m_heading);

    // One form for all sections, so that labels and fields line up across them.
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft);
    m_appearanceHeading = sectionHeading(content);
    form->addRow(m_appearanceHeading);
    m_languageLabel = new QLabel(content);
    m_language = new QComboBox(content);
    m_language->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_language->addItem(QString(), QString());
    for (const QString &code : availableLanguages()) {
        QString name = QLocale(code).nativeLanguageName();
        if (!name.isEmpty())
            name[0] = name[0].toUpper();
        m_language->addItem(name, code);
    }
    m_languageLabel->setBuddy(m_language);
    form->addRow(m_languageLabel, m_language);
    m_themeLabel = new QLabel(content);
    m_theme = new QComboBox(content);
    m_theme->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (ThemeMode mode : {ThemeMode::System, ThemeMode::Light, ThemeMode::Dark})
        m_theme->addItem(QString(), Preferences::themeKey(mode));
    m_themeLabel->setBuddy(m_theme);
    form->addRow(m_themeLabel, m_theme);

    m_startupHeading = sectionHeading(content);
    form->addRow(m_startupHeading);
    m_restoreLastPage = new QCheckBox(content);
    form->addRow(m_restoreLastPage);

    m_storageHeading = sectionHeading(content);
    form->addRow(m_storageHeading);
    m_settingsFileLabel = new QLabel(content);
    m_settingsFile = pathLabel(content);
    form->addRow(m_settingsFileLabel, m_settingsFile);
    m_dataFolderLabel = new QLabel(content);
    m_dataFolder = pathLabel(content);
    form->addRow(m_dataFolderLabel, m_dataFolder);
    m_openDataFolder = new QPushButton(content);
    form->addRow(QString(), m_openDataFolder);
    column->addLayout(form);
    column->addStretch(1);
    scroll->setWidget(content);

    connect(m_language, &QComboBox::activated, this, [this](int index) {
        m_preferences->setLanguage(m_language->itemData(index).toString());
    });
    connect(m_theme, &QComboBox::activated, this, [this](int index) {
        m_preferences->setTheme(Preferences::themeFromKey(m_theme->itemData(index).toString()));
    });
    connect(m_restoreLastPage, &QCheckBox::toggled, m_preferences,
            &Preferences::setRestoreLastPage);
    connect(m_openDataFolder, &QPushButton::clicked, this, [] {
        const QString path = dataFolderPath();
        QDir().mkpath(path);
        QDesktopServices::openUrl(QUrl::fromLocalFile(path));
    });
    connect(m_preferences, &Preferences::languageChanged, this, &SettingsPage::syncFromPreferences);
    connect(m_preferences, &Preferences::themeChanged, this, &SettingsPage::syncFromPreferences);

    retranslate();
    syncFromPreferences();
}

QStringList SettingsPage::availableLanguages()
{
    QStringList codes {QStringLiteral("en")};
    const QStringList files
        = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("meshdeck_*.qm")}, QDir::Files);
    for (const QString &file : files) {
        const QString code = file.mid(9, file.size() - 12); // meshdeck_XX.qm
        if (!codes.contains(code))
            codes << code;
    }
    std::sort(codes.begin(), codes.end());
    return codes;
}

void SettingsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SettingsPage::retranslate()
{
    m_heading->setText(tr("Settings"));
    m_appearanceHeading->setText(tr("Appearance"));
    m_languageLabel->setText(tr("&Language:"));
    m_language->setItemText(0, tr("System default"));
    m_language->setToolTip(tr("The language of menus and pages. Changes apply at once."));
    m_themeLabel->setText(tr("&Theme:"));
    m_theme->setItemText(0, tr("Follow the system"));
    m_theme->setItemText(1, tr("Light"));
    m_theme->setItemText(2, tr("Dark"));
    m_startupHeading->setText(tr("Start-up"));
    m_restoreLastPage->setText(tr("&Reopen the page I was on when Meshdeck starts"));
    m_storageHeading->setText(tr("Storage"));
    m_settingsFileLabel->setText(tr("Settings file:"));
    m_dataFolderLabel->setText(tr("Data folder:"));
    m_openDataFolder->setText(tr("&Open Data Folder"));
    m_openDataFolder->setToolTip(tr("Results and profiles are kept in this folder."));
}

void SettingsPage::syncFromPreferences()
{
    const int lang = m_language->findData(m_preferences->language());
    m_language->setCurrentIndex(lang >= 0 ? lang : 0);
    const int theme = m_theme->findData(Preferences::themeKey(m_preferences->theme()));
    m_theme->setCurrentIndex(theme >= 0 ? theme : 0);
    m_restoreLastPage->setChecked(m_preferences->restoreLastPage());
    m_settingsFile->setText(QDir::toNativeSeparators(m_preferences->fileName()));
    m_dataFolder->setText(QDir::toNativeSeparators(dataFolderPath()));
}

} // namespace Meshdeck
