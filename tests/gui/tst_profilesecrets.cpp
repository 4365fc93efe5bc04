// A profile's secrets rest in the desktop's keyring, never in the results database. Run twice:
// under a private D-Bus session with GNOME Keyring (with-keyring.sh), where a saved profile comes
// back whole in a new window; and with no keyring, where it is saved without its secrets, says
// so, and a run that would send "<redacted>" is refused.
#include <models/resultscontroller.h>
#include <models/runcontroller.h>
#include <perf/loadprofile.h>
#include <store/resultstore.h>
#include <views/performancepage.h>

#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace Meshdeck;
using namespace Meshdeck::Perf;

namespace {

const char *const Token = "Bearer s3cr3t-t0ken";

LoadProfile secretProfile()
{
    LoadProfile p;
    p.name = QStringLiteral("with token");
    p.spec.url = "http://user:hunter2@127.0.0.1:9/x";
    p.spec.headers = {{"Authorization", Token}, {"Accept", "application/json"}};
    return p;
}

std::string headerOf(const LoadSpec &spec, const std::string &name)
{
    for (const auto &[n, v] : spec.headers)
        if (n == name)
            return v;
    return {};
}

// What the database file holds, raw.
QByteArray storedSpecs(const QString &db)
{
    QFile f(db);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct Window
{
    explicit Window(const QString &db)
        : store(ResultStore::open(db).value())
        , page(&runs)
    {
        runs.setStorePath(db);
        results.setStore(store.get(), db, QString());
        page.setResultsController(&results);
        page.resize(1200, 760);
        page.show();
    }
    // The profile with a token, saved with the page's own button.
    void saveSecretProfile()
    {
        page.loadProfile(secretProfile());
        page.findChild<QPushButton *>(QStringLiteral("saveProfile"))->click();
    }
    std::unique_ptr<ResultStore> store;
    RunController runs;
    ResultsController results;
    PerformancePage page;
};

} // namespace

class tst_ProfileSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secretsLiveInTheKeyring()
    {
        if (!qEnvironmentVariableIsSet("MESHDECK_TEST_KEYRING"))
            QSKIP("needs the keyring of with-keyring.sh");
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("r.sqlite"));
        {
            Window w(db);
            w.saveSecretProfile();
            QTRY_COMPARE(w.results.profiles().size(), 1);
            // The database holds the profile with its secrets masked.
            const LoadProfile kept = w.results.profiles().first();
            QCOMPARE(headerOf(kept.spec, "Authorization"), std::string("<redacted>"));
            QCOMPARE(headerOf(kept.spec, "Accept"), std::string("application/json"));
            QVERIFY(kept.spec.url.find("hunter2") == std::string::npos);
            QTest::qWait(300); // the keyring's write is asynchronous
        }
        QVERIFY(!storedSpecs(db).contains("s3cr3t"));
        QVERIFY(!storedSpecs(db).contains("hunter2"));
        // A new window: choosing the profile fills the form from the database, then the
        // secrets from the keyring.
        Window again(db);
        auto *list = again.page.findChild<QListWidget *>();
        QTRY_COMPARE(list->count(), 1);
        list->setCurrentRow(0);
        QTRY_COMPARE(headerOf(again.page.profileFromForm().spec, "Authorization"),
                     std::string(Token));
        QCOMPARE(again.page.profileFromForm().spec.url, secretProfile().spec.url);
        // Deleting the profile forgets its secrets too: a profile of that name saved later
        // without a token gets none back.
        again.results.deleteProfile(QStringLiteral("with token"));
        QTRY_COMPARE(again.results.profiles().size(), 0);
    }

    void withoutAKeyringTheSecretsAreNotKept()
    {
        if (qEnvironmentVariableIsSet("MESHDECK_TEST_KEYRING"))
            QSKIP("runs where no keyring answers");
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("r.sqlite"));
        Window w(db);
        w.saveSecretProfile();
        QTRY_COMPARE(w.results.profiles().size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(
            w.page.statusLabel()->text().contains(QStringLiteral("without its secret values")),
            30000);
        QVERIFY(!storedSpecs(db).contains("s3cr3t"));
        // Chosen again: the form shows the mask, says why, and will not send it.
        auto *list = w.page.findChild<QListWidget *>();
        list->setCurrentRow(-1);
        list->setCurrentRow(0);
        QTRY_COMPARE(headerOf(w.page.profileFromForm().spec, "Authorization"),
                     std::string("<redacted>"));
        QTRY_VERIFY_WITH_TIMEOUT(w.page.statusLabel()->text().contains(QStringLiteral("keyring")),
                                 30000);
        w.page.startRun();
        QVERIFY(!w.runs.isRunning());
        QVERIFY2(w.page.statusLabel()->text().contains(QStringLiteral("Type it again")),
                 qPrintable(w.page.statusLabel()->text()));
    }
};

QTEST_MAIN(tst_ProfileSecrets)
#include "tst_profilesecrets.moc"
