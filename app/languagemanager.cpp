#include "languagemanager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace Meshdeck {

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{
}

LanguageManager::~LanguageManager()
{
    if (m_app)
        QCoreApplication::removeTranslator(m_app.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
}

QString LanguageManager::apply(const QString &code)
{
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    if (m_app)
        QCoreApplication::removeTranslator(m_app.get());
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    m_app.reset();
    m_qt.reset();
    QLocale::setDefault(locale);

    auto app = std::make_unique<QTranslator>();
    if (app->load(locale, QStringLiteral("meshdeck"), QStringLiteral("_"),
                  QStringLiteral(":/i18n"))) {
        m_current = app->language().section(QLatin1Char('_'), 0, 0);
        QCoreApplication::installTranslator(app.get());
        m_app = std::move(app);
    } else {
        m_current = QStringLiteral("en");
    }
    auto qt = std::make_unique<QTranslator>();
    if (m_current != QLatin1String("en")
        && qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                    QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        m_qt = std::move(qt);
    }
    return m_current;
}

} // namespace Meshdeck
