#include "aboutdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Meshdeck {

AboutDialog::AboutDialog(const QString &version, const Components &components, QWidget *parent)
    : QDialog(parent)
    , m_version(version)
    , m_components(components)
{
    setWindowTitle(tr("About Meshdeck"));
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(12);

    auto *header = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/io.meshdeck.Meshdeck.svg"))
                        .pixmap(QSize(64, 64), devicePixelRatioF()));
    header->addWidget(icon, 0, Qt::AlignTop);
    auto *text = new QLabel(this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    text->setText(tr("<h2>Meshdeck %1</h2><p>A desktop application for people who run service "
                     "meshes on Kubernetes: live service topology, mesh install wizards, and "
                     "latency benchmarks compared side by side.</p>")
                      .arg(version.toHtmlEscaped()));
    header->addWidget(text, 1);
    layout->addLayout(header);

    auto *table = new QTreeWidget(this);
    table->setHeaderLabels({tr("Component"), tr("Version")});
    table->setRootIsDecorated(false);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    for (const auto &c : components)
        table->addTopLevelItem(new QTreeWidgetItem({c.first, c.second}));
    table->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->setMinimumHeight(table->sizeHintForRow(0) * (int(components.size()) + 2));
    layout->addWidget(table);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *copy = buttons->addButton(tr("&Copy Details"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(detailsText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(520, 420);
}

QString AboutDialog::detailsText() const
{
    QString out = QStringLiteral("Meshdeck %1\n").arg(m_version);
    for (const auto &c : m_components)
        out += QStringLiteral("%1: %2\n").arg(c.first, c.second);
    return out;
}

} // namespace Meshdeck
