#include "checkspanel.h"

#include "findingdialog.h"

#include <models/configchecksmodel.h>

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Meshdeck {

ChecksPanel::ChecksPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    auto *top = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("checksSummary"));
    top->addWidget(m_summary, 1);
    m_checkNow = new QPushButton(this);
    m_checkNow->setObjectName(QStringLiteral("checkNow"));
    m_checkNow->setEnabled(false);
    top->addWidget(m_checkNow, 0, Qt::AlignTop);
    layout->addLayout(top);
    m_table = new QTableView(this);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    layout->addWidget(m_table, 1);
    connect(m_table, &QTableView::activated, this,
            [this](const QModelIndex &index) { openFinding(index.row()); });
    retranslate();
}

void ChecksPanel::setModel(ConfigChecksModel *model)
{
    m_model = model;
    m_table->setModel(model);
    connect(m_checkNow, &QPushButton::clicked, model, &ConfigChecksModel::refresh);
    connect(model, &ConfigChecksModel::checked, this, [this] {
        updateSummary();
        m_table->resizeColumnToContents(ConfigChecksModel::SeverityColumn);
        m_table->resizeColumnToContents(ConfigChecksModel::ObjectColumn);
        m_table->resizeColumnToContents(ConfigChecksModel::FieldColumn);
    });
    connect(model, &ConfigChecksModel::runningChanged, this, [this] { updateSummary(); });
    updateSummary();
}

void ChecksPanel::openFinding(int row)
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return;
    const Mesh::ConfigFinding &finding = m_model->finding(row);
    auto *dialog = new FindingDialog(finding, m_model->objectOf(finding), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
}

QString ChecksPanel::tabTitle() const
{
    if (!m_model || !m_model->hasRun())
        return tr("Configuration Checks");
    if (m_model->errorCount() > 0)
        return tr("Configuration Checks (%1)").arg(errors(m_model->errorCount()));
    if (m_model->warningCount() > 0)
        return tr("Configuration Checks (%1)").arg(warnings(m_model->warningCount()));
    return tr("Configuration Checks (OK)");
}

QString ChecksPanel::errors(int count)
{
    return count == 1 ? tr("1 error") : tr("%1 errors").arg(count);
}

QString ChecksPanel::warnings(int count)
{
    return count == 1 ? tr("1 warning") : tr("%1 warnings").arg(count);
}

void ChecksPanel::updateSummary()
{
    m_checkNow->setEnabled(m_model != nullptr);
    if (!m_model) {
        m_summary->setText(tr("Connect a cluster to check its routing configuration."));
    } else if (!m_model->hasRun()) {
        m_summary->setText(m_model->running() ? tr("Checking the routing configuration…")
                                              : tr("The checks run once the cluster's objects "
                                                   "are read."));
    } else {
        QStringList read;
        if (m_model->istioServed())
            read << tr("Istio");
        if (m_model->gatewayApiServed())
            read << tr("Gateway API");
        const QString what = read.isEmpty()
            ? tr("The cluster serves neither Istio's nor the Gateway API's routing kinds; only "
                 "sidecar injection was checked.")
            : m_model->routingObjectCount() == 1
            ? tr("1 routing object checked (%1).").arg(QLocale().createSeparatedList(read))
            : tr("%1 routing objects checked (%2).")
                  .arg(m_model->routingObjectCount())
                  .arg(QLocale().createSeparatedList(read));
        const QString counts = m_model->findings().isEmpty()
            ? tr("No mistakes found.")
            : tr("%1, %2. Double-click a finding for the object's YAML.")
                  .arg(errors(m_model->errorCount()), warnings(m_model->warningCount()));
        m_summary->setText(QStringLiteral("%1 %2 %3")
                               .arg(what, counts,
                                    tr("Checked at %1.")
                                        .arg(QLocale().toString(m_model->checkedAt().time(),
                                                                QLocale::ShortFormat))));
    }
    emit tabTitleChanged(tabTitle());
}

void ChecksPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ChecksPanel::retranslate()
{
    m_checkNow->setText(tr("Check &Now"));
    updateSummary();
    if (m_model && m_model->hasRun())
        m_model->refresh(); // the findings' messages come in the new language
}

} // namespace Meshdeck
