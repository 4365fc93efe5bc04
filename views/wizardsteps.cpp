#include "wizardsteps.h"

#include "installwizard.h"

#include <QHeaderView>
#include <QProgressBar>
#include <QTreeWidget>

namespace Meshdeck::Wizard {

QColor stateColor(Mesh::Check::State s)
{
    switch (s) {
    case Mesh::Check::State::Pass:
        return QColor(0x2e, 0x9d, 0x4f);
    case Mesh::Check::State::Warn:
        return QColor(0xc7, 0x8a, 0x00);
    case Mesh::Check::State::Fail:
        return QColor(0xd0, 0x3b, 0x3b);
    case Mesh::Check::State::Skipped:
        break;
    }
    return QColor(0x80, 0x80, 0x80);
}

QString stateText(Mesh::Check::State s)
{
    switch (s) {
    case Mesh::Check::State::Pass:
        return InstallWizard::tr("✓ Passed");
    case Mesh::Check::State::Warn:
        return InstallWizard::tr("⚠ Warning");
    case Mesh::Check::State::Fail:
        return InstallWizard::tr("✗ Failed");
    case Mesh::Check::State::Skipped:
        break;
    }
    return InstallWizard::tr("– Skipped");
}

// Fills a three-column check table (state, check, detail).
void showChecks(QTreeWidget *tree, const QList<Mesh::Check> &checks)
{
    tree->clear();
    for (const Mesh::Check &c : checks) {
        auto *item = new QTreeWidgetItem(tree, {stateText(c.state), c.title, c.detail});
        item->setForeground(0, stateColor(c.state));
        item->setToolTip(2, c.detail);
        item->setData(0, Qt::UserRole, static_cast<int>(c.state));
    }
    tree->resizeColumnToContents(0);
    tree->resizeColumnToContents(1);
}

QTreeWidget *makeCheckTable(QWidget *parent, const QString &name)
{
    auto *tree = new QTreeWidget(parent);
    tree->setObjectName(name);
    tree->setColumnCount(3);
    tree->setHeaderLabels(
        {InstallWizard::tr("Result"), InstallWizard::tr("Check"), InstallWizard::tr("Details")});
    tree->setRootIsDecorated(false);
    tree->setWordWrap(true);
    tree->setUniformRowHeights(false);
    tree->header()->setStretchLastSection(true);
    return tree;
}

// A thin indeterminate bar: the page is waiting for the cluster.
QProgressBar *makeBusyBar(QWidget *parent)
{
    auto *bar = new QProgressBar(parent);
    bar->setRange(0, 0);
    bar->setTextVisible(false);
    bar->setMaximumHeight(6);
    return bar;
}

} // namespace Meshdeck::Wizard
