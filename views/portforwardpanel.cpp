#include "portforwardpanel.h"

#include <models/portforwardmodel.h>

#include <QDesktopServices>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

namespace Meshdeck {

PortForwardPanel::PortForwardPanel(PortForwardModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;
    m_new = new QPushButton(this);
    m_open = new QPushButton(this);
    m_stop = new QPushButton(this);
    bar->addWidget(m_new);
    bar->addWidget(m_open);
    bar->addWidget(m_stop);
    bar->addStretch(1);
    layout->addLayout(bar);
    m_table = new QTableView(this);
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    layout->addWidget(m_table, 1);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);

    connect(m_new, &QPushButton::clicked, this, &PortForwardPanel::newForwardRequested);
    const auto open = [this] {
        const QString url = m_table->currentIndex().data(PortForwardModel::UrlRole).toString();
        if (!url.isEmpty())
            QDesktopServices::openUrl(QUrl(url));
    };
    connect(m_open, &QPushButton::clicked, this, open);
    connect(m_table, &QTableView::doubleClicked, this, open);
    connect(m_stop, &QPushButton::clicked, this, [this] {
        if (m_table->currentIndex().isValid())
            m_model->remove(m_table->currentIndex().row());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PortForwardPanel::updateButtons);
    const auto fit = [this] {
        fitColumns();
    };
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this, fit](const QModelIndex &, int, int last) {
                m_table->selectRow(last);
                fit();
            });
    connect(model, &QAbstractItemModel::rowsRemoved, this, &PortForwardPanel::updateButtons);
    connect(model, &QAbstractItemModel::dataChanged, this, fit);
    retranslate();
}

// A handful of rows, updated a few times a second at most: columns fit what they show.
void PortForwardPanel::fitColumns()
{
    for (int c = 0; c < PortForwardModel::ColumnCount - 1; ++c)
        m_table->resizeColumnToContents(c);
    updateButtons();
}

void PortForwardPanel::updateButtons()
{
    const QModelIndex current = m_table->currentIndex();
    m_open->setEnabled(current.isValid()
                       && !current.data(PortForwardModel::UrlRole).toString().isEmpty());
    m_stop->setEnabled(current.isValid());
}

void PortForwardPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PortForwardPanel::retranslate()
{
    m_new->setText(tr("&New Forward…"));
    m_open->setText(tr("Open in &Browser"));
    m_stop->setText(tr("S&top"));
    m_hint->setText(tr("Right-click a pod in the tree to forward one of its ports. A Service's "
                       "port goes to a ready pod behind it, found again when pods are replaced. "
                       "Forwards stop when the context is disconnected."));
    fitColumns(); // the model's words change with the language too
}

} // namespace Meshdeck
