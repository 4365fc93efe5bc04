#include <app/languagemanager.h>
#include <mesh/meshcatalog.h>
#include <models/navigationmodel.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace Meshdeck;

namespace {
struct Message
{
    QString context;
    QString source;
    QString translation;
    QString type;
};

QList<Message> readTs(const QString &path)
{
    QList<Message> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            current = Message {context, {}, {}, {}};
        } else if (xml.name() == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            out << current;
        }
    }
    return out;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%\\d"));
    QSet<QString> set;
    auto it = re.globalMatch(text);
    while (it.hasNext())
        set.insert(it.next().captured(0));
    return set;
}
} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void complete_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("de") << "de";
        QTest::newRow("es") << "es";
    }
    void complete()
    {
        QFETCH(QString, language);
        const QString path = QDir(qEnvironmentVariable("MESHDECK_TS_DIR"))
                                 .filePath(QStringLiteral("meshdeck_%1.ts").arg(language));
        const QList<Message> messages = readTs(path);
        QVERIFY2(messages.size() > 50, qPrintable(path));
        for (const Message &m : messages) {
            const QString where = QStringLiteral("%1 [%2]: %3").arg(path, m.context, m.source);
            QVERIFY2(m.type.isEmpty(), qPrintable(QStringLiteral("unfinished: ") + where));
            QVERIFY2(!m.translation.trimmed().isEmpty(),
                     qPrintable(QStringLiteral("empty: ") + where));
            QVERIFY2(placeholders(m.source) == placeholders(m.translation),
                     qPrintable(QStringLiteral("placeholders differ: ") + where));
            const bool srcAccel = m.source.contains(QRegularExpression(QStringLiteral("&\\w")));
            const bool trAccel = m.translation.contains(QRegularExpression(QStringLiteral("&\\w")));
            QVERIFY2(srcAccel == trAccel, qPrintable(QStringLiteral("accelerator: ") + where));
        }
    }
    void sameMessagesInEveryLanguage()
    {
        const QDir dir(qEnvironmentVariable("MESHDECK_TS_DIR"));
        auto keys = [](const QList<Message> &list) {
            QSet<QString> set;
            for (const Message &m : list)
                set.insert(m.context + QLatin1Char('|') + m.source);
            return set;
        };
        QCOMPARE(keys(readTs(dir.filePath(QStringLiteral("meshdeck_de.ts")))),
                 keys(readTs(dir.filePath(QStringLiteral("meshdeck_es.ts")))));
    }
    void switchesAtRunTime_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("settings");
        QTest::addColumn<QString>("meshSummary"); // the start of Istio's, from the catalog
        QTest::newRow("de") << "de"
                            << "Einstellungen"
                            << "Envoy-Sidecars (oder Ambient-Modus)";
        QTest::newRow("es") << "es"
                            << "Configuración"
                            << "Sidecars de Envoy (o modo ambient)";
        QTest::newRow("en") << "en"
                            << "Settings"
                            << "Envoy sidecars (or ambient mode)";
        QTest::newRow("unknown falls back to en") << "ja"
                                                  << "Settings"
                                                  << "Envoy sidecars (or ambient mode)";
    }
    void switchesAtRunTime()
    {
        QFETCH(QString, language);
        QFETCH(QString, settings);
        LanguageManager manager;
        manager.apply(language);
        QCOMPARE(NavigationModel::title(PageId::Settings), settings);
        // The mesh catalog's texts, kept in English in the backend, shown in the language.
        QFETCH(QString, meshSummary);
        const Mesh::MeshDescription *istio = Mesh::findMesh(QStringLiteral("istio"));
        QVERIFY(istio);
        QVERIFY2(istio->localSummary().startsWith(meshSummary), qPrintable(istio->localSummary()));
        QVERIFY(istio->summary.startsWith(QStringLiteral("Envoy sidecars")));
    }
};

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
