#pragma once

#include <QLocale>
#include <QObject>

#include <memory>

class QTranslator;

namespace Meshdeck {

// Installs the translators for the chosen language: Meshdeck's own (compiled into the binary
// under :/i18n) and Qt's (from the system, when installed). An empty code follows the system
// locale. Installing a translator makes Qt send LanguageChange to every widget, which retranslate.
class LanguageManager : public QObject
{
    Q_OBJECT

public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    // Returns the language actually in use ("en" when no translation matched).
    QString apply(const QString &code);
    [[nodiscard]] QString currentLanguage() const { return m_current; }

private:
    std::unique_ptr<QTranslator> m_app;
    std::unique_ptr<QTranslator> m_qt;
    QString m_current = QStringLiteral("en");
};

} // namespace Meshdeck
