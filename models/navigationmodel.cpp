#include "navigationmodel.h"

#include <QKeySequence>

namespace Meshdeck {

NavigationModel::NavigationModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int NavigationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(PageId::PageCount);
}

QString NavigationModel::title(PageId page)
{
    switch (page) {
    case PageId::Clusters:
        return tr("Clusters");
    case PageId::Topology:
        return tr("Topology");
    case PageId::Lifecycle:
        return tr("Lifecycle");
    case PageId::Performance:
        return tr("Performance");
    case PageId::Results:
        return tr("Results");
    case PageId::Settings:
        return tr("Settings");
    case PageId::PageCount:
        break;
    }
    return {};
}

QString NavigationModel::description(PageId page)
{
    switch (page) {
    case PageId::Clusters:
        return tr("Kubernetes contexts and a live view of their resources");
    case PageId::Topology:
        return tr("How traffic flows between services, live");
    case PageId::Lifecycle:
        return tr("Install, verify and remove service meshes and sample apps");
    case PageId::Performance:
        return tr("Run load tests against your services");
    case PageId::Results:
        return tr("Stored benchmark runs, compared side by side");
    case PageId::Settings:
        return tr("Language, appearance and where Meshdeck keeps its data");
    case PageId::PageCount:
        break;
    }
    return {};
}

QVariant NavigationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PageId page = pageAt(index);
    switch (role) {
    case Qt::DisplayRole:
        return title(page);
    case Qt::ToolTipRole:
        return QStringLiteral("%1 (%2)\n%3")
            .arg(title(page),
                 QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index.row()))
                     .toString(QKeySequence::NativeText),
                 description(page));
    case Qt::AccessibleTextRole:
        return title(page);
    case Qt::AccessibleDescriptionRole:
    case DescriptionRole:
        return description(page);
    case PageKeyRole:
        return pageKey(page);
    case IconPathRole:
        return QStringLiteral(":/icons/%1.svg").arg(pageKey(page));
    case ShortcutRole:
        return QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index.row()));
    default:
        return {};
    }
}

QHash<int, QByteArray> NavigationModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(PageKeyRole, "pageKey");
    names.insert(IconPathRole, "iconPath");
    names.insert(DescriptionRole, "description");
    names.insert(ShortcutRole, "shortcut");
    return names;
}

QModelIndex NavigationModel::indexOf(PageId page) const
{
    if (page == PageId::PageCount)
        return {};
    return index(int(page), 0);
}

PageId NavigationModel::pageAt(const QModelIndex &index)
{
    if (!index.isValid() || index.row() < 0 || index.row() >= int(PageId::PageCount))
        return PageId::Clusters;
    return PageId(index.row());
}

void NavigationModel::retranslate()
{
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1));
}

} // namespace Meshdeck
