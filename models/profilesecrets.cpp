#include "profilesecrets.h"

#include <perf/specsecrets.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <qt6keychain/keychain.h>

namespace Meshdeck {

namespace {
QString keyOf(const QString &profile)
{
    return QStringLiteral("profile:") + profile;
}

QString reason(const QKeychain::Job *job)
{
    return job->error() == QKeychain::NoBackendAvailable
        ? ProfileSecrets::tr("No keyring is available (a Secret Service such as GNOME Keyring, or "
                             "KWallet): %1")
              .arg(job->errorString())
        : job->errorString();
}
} // namespace

ProfileSecrets::ProfileSecrets(QObject *parent)
    : QObject(parent)
{
}

bool ProfileSecrets::stillRedacted(const Perf::LoadSpec &spec)
{
    const std::string mask = Perf::SpecSecrets::Mask;
    if (spec.url.find(mask) != std::string::npos || spec.body.find(mask) != std::string::npos)
        return true;
    for (const auto &[name, value] : spec.headers)
        if (value.find(mask) != std::string::npos)
            return true;
    return false;
}

void ProfileSecrets::store(const Perf::LoadProfile &profile)
{
    const QString name = profile.name;
    if (!Perf::SpecSecrets::hasSecrets(profile.spec)) {
        forget(name);
        Q_EMIT stored(name, true, QString());
        return;
    }
    // What the database loses: the URL, the headers and the body as typed.
    QJsonArray headers;
    for (const auto &[n, v] : profile.spec.headers)
        headers.append(QJsonArray {QString::fromStdString(n), QString::fromStdString(v)});
    const QJsonObject secrets {{QStringLiteral("url"), QString::fromStdString(profile.spec.url)},
                               {QStringLiteral("headers"), headers},
                               {QStringLiteral("body"), QString::fromStdString(profile.spec.body)}};
    auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(Service), this);
    job->setKey(keyOf(name));
    job->setTextData(QString::fromUtf8(QJsonDocument(secrets).toJson(QJsonDocument::Compact)));
    connect(job, &QKeychain::Job::finished, this, [this, name](QKeychain::Job *j) {
        if (j->error() == QKeychain::NoError)
            Q_EMIT stored(name, true, QString());
        else
            Q_EMIT stored(name, false,
                          tr("The profile \"%1\" was saved without its secret values, which could "
                             "not be kept in the keyring. %2")
                              .arg(name, reason(j)));
    });
    job->start();
}

void ProfileSecrets::restore(const Perf::LoadProfile &redacted)
{
    auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(Service), this);
    job->setKey(keyOf(redacted.name));
    connect(job, &QKeychain::Job::finished, this, [this, redacted](QKeychain::Job *j) {
        const auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (read->error() != QKeychain::NoError) {
            Q_EMIT unavailable(
                redacted.name,
                read->error() == QKeychain::EntryNotFound
                    ? tr("The secret values of \"%1\" are not in the keyring (it was saved where "
                         "no keyring was available): type them again.")
                          .arg(redacted.name)
                    : tr("The secret values of \"%1\" could not be read from the keyring: %2 "
                         "Type them again.")
                          .arg(redacted.name, reason(read)));
            return;
        }
        const QJsonObject secrets = QJsonDocument::fromJson(read->textData().toUtf8()).object();
        Perf::LoadProfile whole = redacted;
        whole.spec.url = secrets.value(QLatin1String("url")).toString().toStdString();
        whole.spec.body = secrets.value(QLatin1String("body")).toString().toStdString();
        whole.spec.headers.clear();
        for (const QJsonValue &h : secrets.value(QLatin1String("headers")).toArray())
            whole.spec.headers.emplace_back(h.toArray().at(0).toString().toStdString(),
                                            h.toArray().at(1).toString().toStdString());
        Q_EMIT restored(whole);
    });
    job->start();
}

void ProfileSecrets::forget(const QString &profileName)
{
    auto *job = new QKeychain::DeletePasswordJob(QString::fromLatin1(Service), this);
    job->setKey(keyOf(profileName));
    job->start(); // nothing to say when there was nothing to forget
}

} // namespace Meshdeck
