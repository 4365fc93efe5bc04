#include "performancepage.h"

#include <models/runcontroller.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSpinBox>

// The Performance page's form: a profile in, a profile out, and what the form allows.
namespace Meshdeck {

using namespace Perf;

LoadProfile PerformancePage::profileFromForm() const
{
    LoadProfile p;
    p.name = m_name->text().trimmed();
    QString url = m_url->currentText().trimmed();
    if (m_url->currentIndex() >= 0 && m_url->itemText(m_url->currentIndex()) == url)
        url = m_url->itemData(m_url->currentIndex()).toString();
    p.spec.url = url.toStdString();
    p.spec.method = m_method->currentText().toStdString();
    p.spec.mode
        = m_constant->isChecked() ? LoadSpec::Mode::ConstantRate : LoadSpec::Mode::ClosedLoop;
    p.spec.rate = m_rate->value();
    p.spec.connections = m_connections->value();
    p.spec.threads = m_threads->value();
    p.spec.protocol = static_cast<LoadSpec::Protocol>(m_protocol->currentData().toInt());
    p.spec.streams = p.spec.protocol != LoadSpec::Protocol::Http1 ? m_streams->value() : 1;
    if (p.spec.protocol == LoadSpec::Protocol::Grpc) {
        p.spec.grpcMethod = m_grpcMethod->text().trimmed().toStdString();
        if (p.spec.grpcMethod.empty())
            p.spec.grpcMethod = "grpc.health.v1.Health/Check";
        if (p.spec.grpcMethod.front() == '/')
            p.spec.grpcMethod.erase(0, 1);
        p.spec.method = "POST";
    }
    p.spec.duration = Micros(static_cast<long long>(m_duration->value() * 1e6));
    p.spec.warmup = Micros(static_cast<long long>(m_warmup->value() * 1e6));
    p.spec.requestTimeout = Micros(static_cast<long long>(m_timeout->value() * 1e6));
    p.generator = static_cast<Generator>(m_generator->currentData().toInt());
    for (const QString &line :
         m_headers->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const auto colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0)
            p.spec.headers.emplace_back(line.left(colon).trimmed().toStdString(),
                                        line.mid(colon + 1).trimmed().toStdString());
    }
    p.spec.body = m_body->toPlainText().toStdString();
    for (const QString &pair : m_labels->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto eq = pair.indexOf(QLatin1Char('='));
        if (eq > 0)
            p.labels.insert(pair.left(eq).trimmed(), pair.mid(eq + 1).trimmed());
    }
    return p;
}

void PerformancePage::loadProfile(const LoadProfile &p)
{
    m_name->setText(p.name);
    m_url->setEditText(QString::fromStdString(p.spec.url));
    m_method->setCurrentText(QString::fromStdString(p.spec.method));
    (p.spec.mode == LoadSpec::Mode::ConstantRate ? m_constant : m_max)->setChecked(true);
    m_rate->setValue(static_cast<int>(std::max(1.0, p.spec.rate)));
    m_connections->setValue(p.spec.connections);
    m_threads->setValue(p.spec.threads);
    m_protocol->setCurrentIndex(m_protocol->findData(static_cast<int>(p.spec.protocol)));
    if (p.spec.protocol != LoadSpec::Protocol::Http1)
        m_streams->setValue(p.spec.streams);
    m_grpcMethod->setText(QString::fromStdString(p.spec.grpcMethod));
    onProtocolChanged();
    m_duration->setValue(static_cast<double>(p.spec.duration.count()) / 1e6);
    m_warmup->setValue(static_cast<double>(p.spec.warmup.count()) / 1e6);
    m_timeout->setValue(static_cast<double>(p.spec.requestTimeout.count()) / 1e6);
    m_generator->setCurrentIndex(m_generator->findData(static_cast<int>(p.generator)));
    QStringList headers, labels;
    for (const auto &[name, value] : p.spec.headers)
        headers << QString::fromStdString(name + ": " + value);
    for (auto it = p.labels.begin(); it != p.labels.end(); ++it)
        labels << it.key() + QLatin1Char('=') + it.value();
    m_headers->setPlainText(headers.join(QLatin1Char('\n')));
    m_labels->setText(labels.join(QStringLiteral(", ")));
    m_body->setPlainText(QString::fromStdString(p.spec.body));
}

QString PerformancePage::validate() const
{
    const QString url = QString::fromStdString(profileFromForm().spec.url);
    if (url.isEmpty())
        return tr("Enter the URL to load, for example http://127.0.0.1:9080/productpage.");
    if (!url.startsWith(QLatin1String("http://")) && !url.startsWith(QLatin1String("https://")))
        return tr("\"%1\" is not an http:// or https:// URL.").arg(url);
    return {};
}

void PerformancePage::onProtocolChanged()
{
    const auto protocol = static_cast<LoadSpec::Protocol>(m_protocol->currentData().toInt());
    m_streams->setEnabled(protocol != LoadSpec::Protocol::Http1);
    const bool grpc = protocol == LoadSpec::Protocol::Grpc;
    m_form->setRowVisible(m_grpcMethod, grpc);
    m_method->setEnabled(!grpc); // a gRPC call is a POST
    m_body->setPlaceholderText(grpc ? tr("The request message as JSON, e.g. {\"id\": 1}")
                                    : QString());
    updateGeneratorChoice();
}

void PerformancePage::updateGeneratorChoice()
{
    // In-cluster workers and HTTP/2 run Meshdeck's own engine.
    const bool nativeOnly = inCluster()
        || m_protocol->currentData().toInt() != static_cast<int>(LoadSpec::Protocol::Http1);
    if (nativeOnly)
        m_generator->setCurrentIndex(0);
    m_generator->setEnabled(!nativeOnly);
}

} // namespace Meshdeck
