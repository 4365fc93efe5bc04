#include "trafficdialog.h"

#include <core/textdiff.h>
#include <core/yaml.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTableWidget>
#include <QTabWidget>
#include <QTextBlock>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace Meshdeck {

namespace {

// What a routing object says, without what the server adds (status, uid, managedFields...).
QJsonObject essentials(const QJsonObject &object)
{
    if (object.isEmpty())
        return {};
    const QJsonObject md = object.value(QLatin1String("metadata")).toObject();
    QJsonObject meta {{QStringLiteral("name"), md.value(QLatin1String("name"))},
                      {QStringLiteral("namespace"), md.value(QLatin1String("namespace"))}};
    if (md.contains(QLatin1String("labels")))
        meta.insert(QStringLiteral("labels"), md.value(QLatin1String("labels")));
    QJsonObject spec = object.value(QLatin1String("spec")).toObject();
    if (object.value(QLatin1String("kind")).toString() == QLatin1String("Service")) {
        // What Meshdeck writes of a version's Service; the server adds the rest.
        QJsonArray ports;
        for (const QJsonValue &v : spec.value(QLatin1String("ports")).toArray()) {
            QJsonObject port;
            for (const char *key : {"name", "port", "targetPort", "protocol", "appProtocol"})
                if (v.toObject().contains(QLatin1String(key)))
                    port.insert(QLatin1String(key), v.toObject().value(QLatin1String(key)));
            ports.append(port);
        }
        spec = {{QStringLiteral("selector"), spec.value(QLatin1String("selector"))},
                {QStringLiteral("ports"), ports}};
    }
    return {{QStringLiteral("apiVersion"), object.value(QLatin1String("apiVersion"))},
            {QStringLiteral("kind"), object.value(QLatin1String("kind"))},
            {QStringLiteral("metadata"), meta},
            {QStringLiteral("spec"), spec}};
}

QStringList yamlLines(const QJsonObject &object)
{
    if (object.isEmpty())
        return {};
    return QString::fromUtf8(Yaml::fromJson(object)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

TrafficDialog::TrafficDialog(const Mesh::TrafficPolicy &policy,
                             const QJsonObject &existingVirtualService,
                             const QJsonObject &existingDestinationRule, QWidget *parent)
    : QDialog(parent)
    , m_base(policy)
    , m_existingVs(essentials(existingVirtualService))
    , m_existingDr(essentials(existingDestinationRule))
{
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    QFont bold = font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title, 1);
    m_flavorLabel = new QLabel(this);
    m_flavor = new QComboBox(this);
    m_flavor->setObjectName(QStringLiteral("flavor"));
    m_flavorLabel->setBuddy(m_flavor);
    m_flavor->addItem(QString(), int(Mesh::TrafficPolicy::Flavor::Istio));
    m_flavor->addItem(QString(), int(Mesh::TrafficPolicy::Flavor::GatewayApi));
    m_flavor->setCurrentIndex(int(policy.flavor));
    titleRow->addWidget(m_flavorLabel);
    titleRow->addWidget(m_flavor);
    layout->addLayout(titleRow);
    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs);
    const auto label = [this](QWidget *parent) {
        auto *l = new QLabel(parent);
        m_labels << l;
        return l;
    };

    // Versions: a share each.
    auto *versions = new QWidget(m_tabs);
    auto *grid = new QGridLayout(versions);
    for (int i = 0; i < policy.subsets.size(); ++i) {
        const Mesh::TrafficPolicy::Subset &s = policy.subsets.at(i);
        auto *name = new QLabel(s.name, versions);
        auto *slider = new QSlider(Qt::Horizontal, versions);
        slider->setRange(0, 100);
        slider->setValue(s.weight);
        auto *box = spin(0, 100, s.weight, QStringLiteral(" %"));
        box->setParent(versions);
        name->setBuddy(box);
        connect(slider, &QSlider::valueChanged, box, &QSpinBox::setValue);
        connect(box, &QSpinBox::valueChanged, slider, &QSlider::setValue);
        grid->addWidget(name, i, 0);
        grid->addWidget(slider, i, 1);
        grid->addWidget(box, i, 2);
        m_weights << box;
    }
    m_noVersions = new QLabel(versions);
    m_noVersions->setWordWrap(true);
    m_noVersions->setVisible(policy.subsets.isEmpty());
    grid->addWidget(m_noVersions, int(policy.subsets.size()), 0, 1, 3);
    auto *totalRow = new QHBoxLayout;
    m_total = new QLabel(versions);
    m_even = new QPushButton(versions);
    m_even->setEnabled(!policy.subsets.isEmpty());
    totalRow->addWidget(m_total, 1);
    totalRow->addWidget(m_even);
    grid->addLayout(totalRow, int(policy.subsets.size()) + 1, 0, 1, 3);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(int(policy.subsets.size()) + 2, 1);
    m_tabs->addTab(versions, QString());
    connect(m_even, &QPushButton::clicked, this, [this] {
        const int n = int(m_weights.size());
        for (int i = 0; i < n; ++i)
            m_weights[i]->setValue(Mesh::TrafficPolicy::evenWeight(i, n));
    });

    // Request routing: rules that send matching requests to one version, before the shares.
    auto *routing = new QWidget(m_tabs);
    auto *routingLayout = new QVBoxLayout(routing);
    m_routingHint = new QLabel(routing);
    m_routingHint->setWordWrap(true);
    routingLayout->addWidget(m_routingHint);
    m_matches = new QTableWidget(0, 4, routing);
    m_matches->setObjectName(QStringLiteral("matchTable"));
    m_matches->verticalHeader()->hide();
    m_matches->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_matches->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_matches->setSelectionMode(QAbstractItemView::SingleSelection);
    routingLayout->addWidget(m_matches, 1);
    auto *matchButtons = new QHBoxLayout;
    m_addMatch = new QPushButton(routing);
    m_removeMatch = new QPushButton(routing);
    m_addMatch->setEnabled(!policy.subsets.isEmpty());
    matchButtons->addWidget(m_addMatch);
    matchButtons->addWidget(m_removeMatch);
    matchButtons->addStretch();
    routingLayout->addLayout(matchButtons);
    m_tabs->addTab(routing, QString());
    connect(m_addMatch, &QPushButton::clicked, this, [this] {
        Mesh::TrafficPolicy::Match m;
        m.subset = m_base.subsets.isEmpty() ? QString() : m_base.subsets.last().name;
        addMatch(m);
        m_matches->setCurrentCell(m_matches->rowCount() - 1, 1);
        m_matches->editItem(m_matches->item(m_matches->rowCount() - 1, 1));
    });
    connect(m_removeMatch, &QPushButton::clicked, this, [this] {
        if (m_matches->currentRow() >= 0)
            m_matches->removeRow(m_matches->currentRow());
        refresh();
    });
    connect(m_matches, &QTableWidget::itemChanged, this, &TrafficDialog::refresh);

    // Faults.
    auto *faults = new QWidget(m_tabs);
    auto *faultForm = new QGridLayout(faults);
    m_delayMs = spin(0, 600000, policy.delayMs, QStringLiteral(" ms"));
    m_delayPercent = new QDoubleSpinBox(faults);
    m_delayPercent->setRange(0, 100);
    m_delayPercent->setSuffix(QStringLiteral(" %"));
    m_delayPercent->setValue(policy.delayPercent);
    m_abortStatus = spin(0, 599, policy.abortStatus);
    m_abortPercent = new QDoubleSpinBox(faults);
    m_abortPercent->setRange(0, 100);
    m_abortPercent->setSuffix(QStringLiteral(" %"));
    m_abortPercent->setValue(policy.abortPercent);
    QLabel *delay = label(faults), *delayOf = label(faults), *abort = label(faults),
           *abortOf = label(faults);
    delay->setBuddy(m_delayMs);
    abort->setBuddy(m_abortStatus);
    faultForm->addWidget(delay, 0, 0);
    faultForm->addWidget(m_delayMs, 0, 1);
    faultForm->addWidget(delayOf, 0, 2);
    faultForm->addWidget(m_delayPercent, 0, 3);
    faultForm->addWidget(abort, 1, 0);
    faultForm->addWidget(m_abortStatus, 1, 1);
    faultForm->addWidget(abortOf, 1, 2);
    faultForm->addWidget(m_abortPercent, 1, 3);
    faultForm->setColumnStretch(4, 1);
    faultForm->setRowStretch(2, 1);
    m_tabs->addTab(faults, QString());

    // Timeouts and retries.
    auto *timing = new QWidget(m_tabs);
    auto *timingForm = new QFormLayout(timing);
    m_timeout = spin(0, 3600000, policy.timeoutMs, QStringLiteral(" ms"));
    m_attempts = spin(0, 10, policy.retryAttempts);
    m_perTry = spin(0, 3600000, policy.perTryTimeoutMs, QStringLiteral(" ms"));
    m_retryOn = new QLineEdit(policy.retryOn, timing);
    timingForm->addRow(label(timing), m_timeout);
    timingForm->addRow(label(timing), m_attempts);
    timingForm->addRow(label(timing), m_perTry);
    timingForm->addRow(label(timing), m_retryOn);
    m_tabs->addTab(timing, QString());

    // Circuit breaker.
    auto *breaker = new QWidget(m_tabs);
    auto *breakerForm = new QFormLayout(breaker);
    m_maxConnections = spin(0, 100000, policy.maxConnections);
    m_maxPending = spin(0, 100000, policy.maxPendingRequests);
    m_consecutive = spin(0, 1000, policy.consecutive5xxErrors);
    m_ejection = spin(1, 3600, policy.ejectionSeconds, QStringLiteral(" s"));
    breakerForm->addRow(label(breaker), m_maxConnections);
    breakerForm->addRow(label(breaker), m_maxPending);
    breakerForm->addRow(label(breaker), m_consecutive);
    breakerForm->addRow(label(breaker), m_ejection);
    m_tlsLabel = new QLabel(breaker);
    m_tls = new QComboBox(breaker);
    m_tls->setObjectName(QStringLiteral("tlsMode"));
    for (int mode = 0; mode < 3; ++mode)
        m_tls->addItem(QString(), mode);
    m_tls->setCurrentIndex(int(policy.tls));
    breakerForm->addRow(m_tlsLabel, m_tls);
    connect(m_tls, &QComboBox::currentIndexChanged, this, &TrafficDialog::refresh);
    m_tabs->addTab(breaker, QString());
    for (int i = 0; i < timingForm->rowCount(); ++i)
        if (auto *l
            = qobject_cast<QLabel *>(timingForm->itemAt(i, QFormLayout::LabelRole)->widget()))
            l->setBuddy(timingForm->itemAt(i, QFormLayout::FieldRole)->widget());
    for (int i = 0; i < breakerForm->rowCount(); ++i)
        if (auto *l
            = qobject_cast<QLabel *>(breakerForm->itemAt(i, QFormLayout::LabelRole)->widget()))
            l->setBuddy(breakerForm->itemAt(i, QFormLayout::FieldRole)->widget());

    // What will change.
    m_changesTitle = new QLabel(this);
    layout->addWidget(m_changesTitle);
    m_changes = new QPlainTextEdit(this);
    m_changes->setReadOnly(true);
    m_changes->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_changes->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_changes, 1);
    m_problems = new QLabel(this);
    m_problems->setWordWrap(true);
    QPalette red = m_problems->palette();
    red.setColor(QPalette::WindowText, QColor(0xc9, 0x19, 0x0b));
    m_problems->setPalette(red);
    layout->addWidget(m_problems);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(this);
    m_remove = buttons->addButton(QString(), QDialogButtonBox::ResetRole);
    m_apply = buttons->addButton(QString(), QDialogButtonBox::ApplyRole);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_apply->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_apply, &QPushButton::clicked, this, [this] {
        m_busy = true;
        const bool force = m_forceOffered;
        m_forceOffered = false;
        m_status->setText(tr("Applying…"));
        refresh();
        Q_EMIT applyRequested(this->policy(), force);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        m_busy = true;
        m_removing = true;
        m_status->setText(tr("Removing…"));
        refresh();
        Q_EMIT removeRequested(m_base.ns, m_base.service);
    });
    layout->addWidget(buttons);

    for (QSpinBox *box : findChildren<QSpinBox *>())
        connect(box, &QSpinBox::valueChanged, this, &TrafficDialog::refresh);
    for (QDoubleSpinBox *box : findChildren<QDoubleSpinBox *>())
        connect(box, &QDoubleSpinBox::valueChanged, this, &TrafficDialog::refresh);
    connect(m_retryOn, &QLineEdit::textChanged, this, &TrafficDialog::refresh);
    connect(m_flavor, &QComboBox::currentIndexChanged, this, &TrafficDialog::refresh);
    resize(720, 680);
    for (const Mesh::TrafficPolicy::Match &m : policy.matches)
        addMatch(m);
    retranslate();
}

void TrafficDialog::setFlavors(bool istio, bool gatewayApi,
                               const QList<QJsonObject> &existingGateway)
{
    // In the order render() writes them: the versions' Services by name, then the route
    // (whatever order the caller's cache had, which the diff must not show as a change).
    m_existingGateway.clear();
    for (const QJsonObject &o : existingGateway)
        m_existingGateway << essentials(o);
    std::stable_sort(m_existingGateway.begin(), m_existingGateway.end(),
                     [](const QJsonObject &a, const QJsonObject &b) {
                         const auto key = [](const QJsonObject &o) {
                             return std::pair(o.value(QLatin1String("kind")).toString()
                                                  == QLatin1String("HTTPRoute"),
                                              o.value(QLatin1String("metadata"))
                                                  .toObject()
                                                  .value(QLatin1String("name"))
                                                  .toString());
                         };
                         return key(a) < key(b);
                     });
    const int gateway = m_flavor->findData(int(Mesh::TrafficPolicy::Flavor::GatewayApi));
    const int istioIndex = m_flavor->findData(int(Mesh::TrafficPolicy::Flavor::Istio));
    if (!gatewayApi && gateway >= 0)
        m_flavor->removeItem(gateway);
    if (!istio && istioIndex >= 0)
        m_flavor->removeItem(istioIndex);
    m_flavor->setEnabled(m_flavor->count() > 1);
    retranslate();
}

void TrafficDialog::addMatch(const Mesh::TrafficPolicy::Match &match)
{
    const QSignalBlocker quiet(m_matches);
    const int row = m_matches->rowCount();
    m_matches->insertRow(row);
    auto *kind = new QComboBox(m_matches);
    for (int k = 0; k < 4; ++k)
        kind->addItem(QString(), k);
    kind->setCurrentIndex(int(match.kind));
    m_matches->setCellWidget(row, 0, kind);
    m_matches->setItem(row, 1, new QTableWidgetItem(match.name));
    m_matches->setItem(row, 2, new QTableWidgetItem(match.value));
    auto *version = new QComboBox(m_matches);
    for (const Mesh::TrafficPolicy::Subset &s : std::as_const(m_base.subsets))
        version->addItem(s.name, s.name);
    version->setCurrentIndex(std::max(0, version->findData(match.subset)));
    m_matches->setCellWidget(row, 3, version);
    retranslateMatchRow(row);
    connect(kind, &QComboBox::currentIndexChanged, this, [this, kind] {
        for (int r = 0; r < m_matches->rowCount(); ++r)
            if (m_matches->cellWidget(r, 0) == kind)
                retranslateMatchRow(r);
        refresh();
    });
    connect(version, &QComboBox::currentIndexChanged, this, &TrafficDialog::refresh);
    refresh();
}

void TrafficDialog::retranslateMatchRow(int row)
{
    auto *kind = qobject_cast<QComboBox *>(m_matches->cellWidget(row, 0));
    if (!kind)
        return;
    const QStringList kinds {tr("Header"), tr("Path prefix"), tr("Exact path"),
                             tr("Query parameter")};
    for (int k = 0; k < kinds.size(); ++k)
        kind->setItemText(k, kinds.at(k));
    // A path has no name: its cell is left out.
    const bool path = kind->currentIndex() == int(Mesh::TrafficPolicy::Match::Kind::PathPrefix)
        || kind->currentIndex() == int(Mesh::TrafficPolicy::Match::Kind::PathExact);
    if (QTableWidgetItem *name = m_matches->item(row, 1)) {
        const QSignalBlocker quiet(m_matches);
        name->setFlags(path ? Qt::ItemIsSelectable
                            : Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable);
        if (path)
            name->setText(QString());
        name->setToolTip(path ? tr("A path has no name: give it as the value (/reviews)")
                              : QString());
    }
}

QSpinBox *TrafficDialog::spin(int min, int max, int value, const QString &suffix)
{
    auto *box = new QSpinBox(this);
    box->setRange(min, max);
    box->setValue(value);
    box->setSuffix(suffix);
    box->setAccelerated(true);
    return box;
}

Mesh::TrafficPolicy TrafficDialog::policy() const
{
    Mesh::TrafficPolicy p = m_base;
    for (int i = 0; i < p.subsets.size() && i < m_weights.size(); ++i)
        p.subsets[i].weight = m_weights.at(i)->value();
    p.delayMs = m_delayMs->value();
    p.delayPercent = m_delayPercent->value();
    p.abortStatus = m_abortStatus->value();
    p.abortPercent = m_abortPercent->value();
    p.timeoutMs = m_timeout->value();
    p.retryAttempts = m_attempts->value();
    p.perTryTimeoutMs = m_perTry->value();
    p.retryOn = m_retryOn->text().trimmed();
    p.maxConnections = m_maxConnections->value();
    p.maxPendingRequests = m_maxPending->value();
    p.consecutive5xxErrors = m_consecutive->value();
    p.ejectionSeconds = m_ejection->value();
    p.tls = Mesh::TrafficPolicy::Tls(m_tls->currentData().toInt());
    p.flavor = Mesh::TrafficPolicy::Flavor(m_flavor->currentData().toInt());
    p.matches.clear();
    for (int r = 0; r < m_matches->rowCount(); ++r) {
        Mesh::TrafficPolicy::Match m;
        if (auto *kind = qobject_cast<QComboBox *>(m_matches->cellWidget(r, 0)))
            m.kind = Mesh::TrafficPolicy::Match::Kind(kind->currentData().toInt());
        m.name = m_matches->item(r, 1) ? m_matches->item(r, 1)->text().trimmed() : QString();
        m.value = m_matches->item(r, 2) ? m_matches->item(r, 2)->text().trimmed() : QString();
        if (auto *version = qobject_cast<QComboBox *>(m_matches->cellWidget(r, 3)))
            m.subset = version->currentData().toString();
        p.matches.append(m);
    }
    return p;
}

void TrafficDialog::setAccess(bool allowed, const QString &reason)
{
    m_allowed = allowed;
    m_accessReason = reason;
    refresh();
}

void TrafficDialog::showResult(bool ok, bool conflict, const QString &message)
{
    m_busy = false;
    m_forceOffered = conflict;
    m_status->setText(
        conflict ? tr("%1\nApply again to take these fields over (force).").arg(message) : message);
    if (ok) {
        // What the cluster has now: what was applied, or nothing after a removal.
        if (m_removing) {
            m_existingVs = {};
            m_existingDr = {};
            m_existingGateway.clear();
        } else if (policy().flavor == Mesh::TrafficPolicy::Flavor::GatewayApi) {
            m_existingGateway.clear();
            for (const QJsonObject &o : policy().render())
                m_existingGateway << essentials(o);
        } else {
            const QList<QJsonObject> applied = policy().render();
            m_existingVs = essentials(applied.value(0));
            m_existingDr = essentials(applied.value(1));
        }
    }
    m_removing = false;
    refresh();
}

void TrafficDialog::refresh()
{
    const Mesh::TrafficPolicy p = policy();
    int sum = 0;
    for (QSpinBox *box : std::as_const(m_weights))
        sum += box->value();
    m_total->setText(m_weights.isEmpty() ? QString() : tr("Total: %1 %").arg(sum));
    const QStringList problems = p.problems();
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());
    // The diff: what the cluster has for this Service, and what Apply writes.
    const QList<QJsonObject> rendered = p.render();
    const bool gateway = p.flavor == Mesh::TrafficPolicy::Flavor::GatewayApi;
    const auto joined = [](const QList<QJsonObject> &objects) {
        QStringList lines;
        for (const QJsonObject &o : objects) {
            if (o.isEmpty())
                continue;
            if (!lines.isEmpty())
                lines << QStringLiteral("---");
            lines << yamlLines(o);
        }
        return lines;
    };
    const QStringList before
        = gateway ? joined(m_existingGateway) : joined({m_existingVs, m_existingDr});
    m_changes->setPlainText(TextDiff::unified(before, joined(rendered)));
    m_changesTitle->setText(
        gateway ? tr("What Apply changes (HTTPRoute %1 and a Service per version, server-side "
                     "apply as \"meshdeck\"):")
                      .arg(m_base.service)
                : tr("What Apply changes (VirtualService and DestinationRule %1, "
                     "server-side apply as \"meshdeck\"):")
                      .arg(m_base.service));
    // What HTTPRoute cannot say is left to Istio's form.
    m_tabs->setTabEnabled(2, !gateway);
    m_tabs->setTabEnabled(4, !gateway);
    QList<QTextEdit::ExtraSelection> marks;
    for (QTextBlock b = m_changes->document()->begin(); b.isValid(); b = b.next()) {
        const QString t = b.text();
        if (!t.startsWith(QLatin1Char('+')) && !t.startsWith(QLatin1Char('-')))
            continue;
        QTextEdit::ExtraSelection mark;
        QColor c
            = t.startsWith(QLatin1Char('+')) ? QColor(0x2e, 0xa0, 0x43) : QColor(0xd9, 0x2d, 0x20);
        c.setAlpha(60);
        mark.format.setBackground(c);
        mark.format.setProperty(QTextFormat::FullWidthSelection, true);
        mark.cursor = QTextCursor(b);
        marks << mark;
    }
    m_changes->setExtraSelections(marks);
    // Remove takes Meshdeck's objects for this Service, whichever form they are in.
    bool meshdecks = false;
    for (const QJsonObject &o : QList<QJsonObject> {m_existingVs, m_existingDr} + m_existingGateway)
        meshdecks = meshdecks || Mesh::TrafficPolicy::isMeshdecks(o);
    m_apply->setEnabled(m_allowed && !m_busy && problems.isEmpty());
    m_remove->setEnabled(m_allowed && !m_busy && meshdecks);
    m_addMatch->setEnabled(!m_base.subsets.isEmpty());
    m_removeMatch->setEnabled(m_matches->rowCount() > 0);
    if (!m_allowed && !m_accessReason.isEmpty())
        m_status->setText(m_accessReason);
}

void TrafficDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void TrafficDialog::retranslate()
{
    setWindowTitle(tr("Route Traffic"));
    m_flavorLabel->setText(tr("&Write as:"));
    for (int i = 0; i < m_flavor->count(); ++i)
        m_flavor->setItemText(i,
                              m_flavor->itemData(i).toInt()
                                      == int(Mesh::TrafficPolicy::Flavor::Istio)
                                  ? tr("Istio (VirtualService, DestinationRule)")
                                  : tr("Gateway API (HTTPRoute)"));
    m_title->setText(tr("Traffic to %1 in %2").arg(m_base.service, m_base.ns));
    m_tabs->setTabText(0, tr("&Versions"));
    m_tabs->setTabText(1, tr("Request Ro&uting"));
    m_tabs->setTabText(2, tr("&Faults"));
    m_tabs->setTabText(3, tr("Timeouts and Retr&ies"));
    m_tabs->setTabText(4, tr("Circuit &Breaker and TLS"));
    m_routingHint->setText(
        m_base.subsets.isEmpty()
            ? tr("The Service's pods carry no version label, so there is no version to send "
                 "requests to.")
            : tr("Requests that match a rule go to its version, tried top to bottom; the rest "
                 "are shared as the Versions tab says. Header names are case-insensitive."));
    m_matches->setHorizontalHeaderLabels(
        {tr("Match"), tr("Header or parameter"), tr("Value (or path)"), tr("Version")});
    for (int r = 0; r < m_matches->rowCount(); ++r)
        retranslateMatchRow(r);
    m_addMatch->setText(tr("Add Ru&le"));
    m_removeMatch->setText(tr("Remove Rule"));
    m_tlsLabel->setText(tr("&Client TLS to this service:"));
    m_tls->setItemText(0, tr("as the mesh decides (PeerAuthentication)"));
    m_tls->setItemText(1, tr("Istio mutual TLS (ISTIO_MUTUAL)"));
    m_tls->setItemText(2, tr("plain text (DISABLE)"));
    m_noVersions->setText(tr("The Service's pods carry no version label, so there is nothing to "
                             "split between; the other settings still apply."));
    m_even->setText(tr("&Even Split"));
    const QStringList texts {tr("Dela&y:"),
                             tr("for"),
                             tr("Abor&t with HTTP:"),
                             tr("for"),
                             tr("Re&quest timeout (0: none):"),
                             tr("Retry atte&mpts (0: Istio's default):"),
                             tr("Time &per try (0: none):"),
                             tr("Retry &on:"),
                             tr("Max connection&s (0: no limit):"),
                             tr("Max pe&nding requests (0: no limit):"),
                             tr("E&ject after consecutive 5xx (0: never):"),
                             tr("Ejection &duration:")};
    for (int i = 0; i < m_labels.size() && i < texts.size(); ++i)
        m_labels[i]->setText(texts.at(i));
    m_apply->setText(tr("&Apply"));
    m_remove->setText(tr("Remove Meshdeck's &Rules"));
    refresh();
}

} // namespace Meshdeck
